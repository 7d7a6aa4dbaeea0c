import { beforeAll, describe, expect, it } from 'vitest';
import { clearsign, encryptInline, makeKey, memoryLookup, type TestKey } from '../../test/helpers/pgp.js';
import { parseMessage } from '../intake/mime.js';
import { composeMail, type OutgoingMail } from './compose.js';

let team: TestKey;
let reporter: TestKey;
let stranger: TestKey;

beforeAll(async () => {
  [team, reporter, stranger] = await Promise.all([
    makeKey('CERT Test', 'cert@team.test', 'team passphrase'),
    makeKey('Rita Reporter', 'rita@reporter.test'),
    makeKey('Stranger', 'stranger@elsewhere.test'),
  ]);
});

const mail = (over: Partial<OutgoingMail> = {}): OutgoingMail => ({
  from: 'cert@team.test',
  to: ['rita@reporter.test'],
  subject: 'Re: [CERT #12] Phishing från 203.0.113.9 – åäö',
  text: 'Hej,\nwe blocked hxxp://evil[.]example/login.\n-- \nCERT\n',
  messageId: '<out-1@team.test>',
  ...over,
});

function raw(lines: string[]): Buffer {
  return Buffer.from(lines.join('\r\n'));
}

describe('PGP/MIME round trip (RFC 3156)', () => {
  it('signs outgoing mail so that a reader with our key finds it valid', async () => {
    const { raw: bytes, applied } = await composeMail(mail(), { teamKey: team.teamKey });
    expect(applied).toBe('signed');
    expect(bytes.toString()).toMatch(/multipart\/signed/);
    const parsed = await parseMessage(bytes, { lookup: memoryLookup([team.publicKey]) });
    expect(parsed.signature).toMatchObject({ status: 'valid', signer: team.teamKey.fingerprint });
    expect(parsed.subject).toBe('Re: [CERT #12] Phishing från 203.0.113.9 – åäö');
    expect(parsed.text).toContain('we blocked hxxp://evil[.]example/login.');
    expect(parsed.attachments).toEqual([]);
  });

  it('says "unknown key" when the signer is not stored, and "invalid" when the signed part was altered', async () => {
    const { raw: bytes } = await composeMail(mail(), { teamKey: team.teamKey });
    expect((await parseMessage(bytes, { lookup: memoryLookup([]) })).signature.status).toBe('unknown-key');
    const tampered = Buffer.from(
      bytes
        .toString('latin1')
        .replace('we blocked', 'we ignored')
        .replace(/we=20blocked/, 'we=20ignored'),
      'latin1',
    );
    const text = tampered.toString();
    // quoted-printable may have kept the words apart; make sure the test really changed the signed part
    expect(text).not.toEqual(bytes.toString());
    expect((await parseMessage(tampered, { lookup: memoryLookup([team.publicKey]) })).signature.status).toBe('invalid');
  });

  it('encrypts to the recipient; the recipient decrypts and finds our signature inside', async () => {
    const { raw: bytes, applied } = await composeMail(
      mail({ attachments: [{ filename: 'events.csv', contentType: 'text/csv', content: Buffer.from('ip,port\n203.0.113.9,3389\n') }] }),
      {
        teamKey: team.teamKey,
        encryptTo: [reporter.publicKey],
      },
    );
    expect(applied).toBe('encrypted');
    expect(bytes.toString()).not.toContain('evil');
    const parsed = await parseMessage(bytes, { teamKey: reporter.teamKey, lookup: memoryLookup([team.publicKey]) });
    expect(parsed.encryption).toBe('decrypted');
    expect(parsed.signature.status).toBe('valid');
    expect(parsed.text).toContain('hxxp://evil[.]example');
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['events.csv', 'ip,port\n203.0.113.9,3389\n']]);
  });

  it('cannot decrypt without the right key: status failed, nothing thrown', async () => {
    const { raw: bytes } = await composeMail(mail(), { teamKey: team.teamKey, encryptTo: [reporter.publicKey] });
    const parsed = await parseMessage(bytes, { teamKey: stranger.teamKey, lookup: memoryLookup([]) });
    expect(parsed.encryption).toBe('failed');
    expect(parsed.notes.join()).toMatch(/could not decrypt/);
    const noKey = await parseMessage(bytes, { lookup: memoryLookup([]) });
    expect(noKey.notes.join()).toMatch(/no team key is configured/);
  });
});

describe('inline PGP', () => {
  it('verifies a cleartext-signed body and strips the armour', async () => {
    const body = await clearsign('Phishing site at hxxps://bank-login[.]example\n', reporter);
    const parsed = await parseMessage(
      raw(['From: rita@reporter.test', 'Subject: report', 'Content-Type: text/plain; charset=utf-8', '', body]),
      { lookup: memoryLookup([reporter.publicKey]) },
    );
    expect(parsed.signature).toMatchObject({ status: 'valid', signer: reporter.teamKey.fingerprint });
    expect(parsed.text).toContain('Phishing site at hxxps://bank-login[.]example');
    expect(parsed.text).not.toContain('BEGIN PGP');
  });

  it('decrypts an inline-encrypted report with the team key and checks the signature inside', async () => {
    const body = await encryptInline('Our mail server 192.0.2.25 is sending spam.', team.publicKey, reporter);
    const message = raw(['From: rita@reporter.test', 'Subject: SENSITIVE report', '', body]);
    const known = await parseMessage(message, { teamKey: team.teamKey, lookup: memoryLookup([reporter.publicKey]) });
    expect(known).toMatchObject({ encryption: 'decrypted', signature: { status: 'valid' } });
    expect(known.text).toContain('192.0.2.25');
    const unknown = await parseMessage(message, { teamKey: team.teamKey, lookup: memoryLookup([]) });
    expect(unknown).toMatchObject({ encryption: 'decrypted', signature: { status: 'unknown-key' } });
  });

  it('stores garbage armour as a failed decryption, with the text kept', async () => {
    const message = raw([
      'From: x@y.test',
      'Subject: broken',
      '',
      '-----BEGIN PGP MESSAGE-----',
      '',
      'bm90IHBncA==',
      '-----END PGP MESSAGE-----',
    ]);
    const parsed = await parseMessage(message, { teamKey: team.teamKey, lookup: memoryLookup([]) });
    expect(parsed.encryption).toBe('failed');
    expect(parsed.text).toContain('BEGIN PGP MESSAGE');
  });
});
