/** The contacts' key list over HTTP: address order, a page at a time, found by words in the address. */
import { expect, it } from 'vitest';
import { useApp } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { makeKey } from '../../test/helpers/pgp.js';
import { storePublicKey } from './keys.js';

describeEachEngine('contact key list', (get) => {
  const { loginAs } = useApp(get);

  it('pages through the keys in address order without skipping or repeating one, finds by address, and refuses a cursor it did not give', async () => {
    const { db } = get();
    const addresses = ['Cert@b.example', 'abuse@a.example', 'soc@c.example', 'abuse@c.example', 'x_y@d.example'];
    for (const address of addresses) await storePublicKey(db, 'cli:test', (await makeKey('Contact', address)).armoredPublic);
    // Two keys for one address (a new key before the old one expires) keep their place by fingerprint.
    await storePublicKey(db, 'cli:test', (await makeKey('Contact', 'abuse@a.example')).armoredPublic);
    const admin = await loginAs('admin');
    type Page = { keys: Array<{ email: string; fingerprint: string }>; next: string | null };
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res = await admin.request({ method: 'GET', url: `/api/pgp-keys?limit=2${after ? `&after=${after}` : ''}` });
      expect(res.statusCode).toBe(200);
      const page = res.json<Page>();
      expect(page.keys.length).toBeLessThanOrEqual(2);
      seen.push(...page.keys.map((k) => `${k.email.toLowerCase()} ${k.fingerprint}`));
      after = page.next;
    } while (after);
    expect(seen).toHaveLength(6);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(6);

    const found = (await admin.request({ method: 'GET', url: '/api/pgp-keys?q=C.EXAMPLE' })).json<Page>();
    expect(found.keys.map((k) => k.email).sort()).toEqual(['abuse@c.example', 'soc@c.example']);
    // A LIKE wildcard in the words is a character like any other.
    expect((await admin.request({ method: 'GET', url: '/api/pgp-keys?q=x_y' })).json<Page>().keys).toHaveLength(1);
    expect((await admin.request({ method: 'GET', url: '/api/pgp-keys?q=x%25y' })).json<Page>().keys).toHaveLength(0);

    const forged = Buffer.from(JSON.stringify({ not: 'a cursor' })).toString('base64url');
    const refused = await admin.request({ method: 'GET', url: `/api/pgp-keys?after=${forged}` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ errors: Array<{ field: string }> }>().errors).toEqual([expect.objectContaining({ field: 'after' })]);
    expect((await (await loginAs('read-only')).request({ method: 'GET', url: '/api/pgp-keys' })).statusCode).toBe(403);
  });
});
