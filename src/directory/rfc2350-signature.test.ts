import { expect, it } from 'vitest';
import { useApp } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { renderPdf } from '../../test/helpers/pdf.js';
import { clearsign, detachSign, makeKey } from '../../test/helpers/pgp.js';
import { rfc2350Document } from '../../test/helpers/rfc2350.js';
import { storePublicKey } from '../mail/keys.js';

/** A short, complete RFC 2350 document naming the key's fingerprint in 2.8, as teams write it. */
function documentFor(name: string, fingerprint: string): string {
  return rfc2350Document({
    name,
    address: 'Box 7, 111 22 Stockholm, Sweden',
    timeZone: 'Europe/Stockholm',
    email: 'cert@signed.example',
    keys: `Fingerprint: ${fingerprint.match(/.{4}/g)!.join(' ')}`,
    constituency: 'Customers of Signed AB.',
  });
}

describeEachEngine('signed RFC 2350 documents', (get) => {
  const { loginAs } = useApp(get);
  type Answer = {
    reading: {
      signature: { status: string; detail: string; namedInDocument: boolean };
      errors: Array<{ field: string }>;
      warnings: string[];
    };
  };

  it('verifies the signature against a stored key, refuses a document changed after signing, and says when the key is unknown', async () => {
    const { db } = get();
    const key = await makeKey('Signed CERT', 'cert@signed.example');
    const analyst = await loginAs('analyst');
    const text = await clearsign(documentFor('Signed CERT', key.publicKey.getFingerprint().toUpperCase()), key);
    const read = async (document: string, confirm = false) =>
      analyst.request({ method: 'POST', url: '/api/directory/rfc2350', payload: { text: document, confirm } });

    const unknown = (await read(text)).json<Answer>().reading;
    expect(unknown.signature.status).toBe('unknown-key');
    expect(unknown.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/which Vakt does not have/)]));

    await storePublicKey(db, 'cli:test', key.armoredPublic);
    const valid = (await read(text)).json<Answer>().reading;
    expect(valid.signature).toMatchObject({ status: 'valid', namedInDocument: true });

    const tampered = text.replace('cert@signed.example', 'cert@attacker.example');
    const refused = (await read(tampered)).json<Answer>().reading;
    expect(refused.signature.status).toBe('invalid');
    expect(refused.errors).toEqual([expect.objectContaining({ field: '(signature)' })]);
    const written = await read(tampered, true);
    expect(written.statusCode).toBe(400);
    expect(await db.selectFrom('peer_teams').select('id').where('name', '=', 'Signed CERT').execute()).toEqual([]);

    const unsigned = (await read(documentFor('Unsigned CERT', key.publicKey.getFingerprint().toUpperCase()))).json<Answer>().reading;
    expect(unsigned.signature.status).toBe('not-signed');
  });

  it('trusts the key a document carries only once the directory has recorded its fingerprint for the team', async () => {
    const key = await makeKey('Carried CERT', 'cert@signed.example');
    const analyst = await loginAs('analyst');
    const text = `${await clearsign(documentFor('Carried CERT', key.publicKey.getFingerprint().toUpperCase()), key)}\n${key.armoredPublic}`;
    const read = async (confirm: boolean) =>
      (await analyst.request({ method: 'POST', url: '/api/directory/rfc2350', payload: { text, confirm } })).json<Answer>().reading;
    expect((await read(true)).signature.status).toBe('unknown-key');
    expect((await read(false)).signature).toMatchObject({ status: 'valid', namedInDocument: true });
  });

  it('checks a detached signature over the PDF as published, refuses a changed PDF, and says when the signature cannot be read', async () => {
    const { db } = get();
    const key = await makeKey('Detached CERT', 'cert@signed.example');
    await storePublicKey(db, 'cli:test', key.armoredPublic);
    const analyst = await loginAs('analyst');
    const pdf = await renderPdf(documentFor('Detached CERT', key.publicKey.getFingerprint().toUpperCase()), 'RFC 2350');
    const signature = await detachSign(pdf, key);
    const read = async (bytes: Buffer, sig: string, confirm = false) =>
      analyst.request({
        method: 'POST',
        url: '/api/directory/rfc2350',
        payload: { pdf: bytes.toString('base64'), signature: sig, confirm },
      });

    expect((await read(pdf, signature)).json<Answer>().reading.signature).toMatchObject({ status: 'valid', namedInDocument: true });
    // One byte more (an incremental update appended to the PDF): the signature no longer covers it.
    const changed = Buffer.concat([pdf, Buffer.from('\n% appended\n')]);
    const refused = await read(changed, signature, true);
    expect(refused.statusCode).toBe(400);
    expect(await db.selectFrom('peer_teams').select('id').where('name', '=', 'Detached CERT').execute()).toEqual([]);
    const garbled = (await read(pdf, '-----BEGIN PGP SIGNATURE-----\n\nnot base64 at all\n-----END PGP SIGNATURE-----\n')).json<Answer>()
      .reading;
    expect(garbled.signature.status).toBe('unreadable');
    expect(garbled.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/cannot be read as an OpenPGP signature/)]));
    expect((await read(pdf, signature, true)).statusCode).toBe(200);
  });
});
