/** Watchers told by mail: one digest of what others wrote, never twice, only for those who asked, RED only encrypted. */
import { expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { sendWatchDigests } from './watch-digest.js';

describeEachEngine('watch digests by mail', (get) => {
  const { loginAs } = useApp(get);
  const settings = { sender: { from: 'cert@team.test' }, shortName: 'CERT-T', linkBase: 'https://vakt.test' };
  const call = async (client: Client, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await client.request({ method, url, ...(payload ? { payload } : {}) });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? { id: '', mail: false } : res.json<{ id: string; mail: boolean }>();
  };
  const digests = (to: string) =>
    get()
      .db.selectFrom('messages')
      .select(['subject', 'body_text', 'delivery_status', 'delivery_error', 'tlp'])
      .where('direction', '=', 'out')
      .where((eb) => eb(eb.val(to), '=', eb.fn.any('to_addresses')))
      .orderBy('created_at')
      .execute();

  it('mails a watcher who asked what others wrote since the last digest, once, and nothing to those who did not ask', async () => {
    const manager = await loginAs('incident-manager');
    const analyst = await loginAs('analyst');
    const quiet = await loginAs('analyst');
    const incident = (await call(analyst, 'POST', '/api/incidents', { title: 'Webshell at the library', tlp: 'AMBER' })).id;
    for (const who of [manager, quiet]) await call(who, 'PUT', `/api/incidents/${incident}/watch`);
    expect((await call(manager, 'GET', '/api/me/watch-mail')).mail).toBe(false);
    expect((await call(manager, 'PUT', '/api/me/watch-mail', { mail: true })).mail).toBe(true);
    expect((await call(manager, 'GET', '/api/me/watch-mail')).mail).toBe(true);

    await call(analyst, 'POST', `/api/incidents/${incident}/notes`, { body: 'Found the *webshell* in /uploads' });
    await call(manager, 'POST', `/api/incidents/${incident}/notes`, { body: 'My own note, not news to me' });
    await sendWatchDigests(get().db, settings);
    const [first, ...more] = await digests(manager.email);
    expect(more).toEqual([]);
    expect(first).toMatchObject({ subject: '[CERT-T] 1 change(s) on incidents you watch', delivery_status: 'queued', tlp: 'AMBER' });
    expect(first!.body_text).toContain(`#${incident} Webshell at the library (TLP:AMBER)`);
    expect(first!.body_text).toContain(`https://vakt.test/incidents/${incident}`);
    expect(first!.body_text).toContain('Found the *webshell* in /uploads');
    expect(first!.body_text).not.toContain('My own note');
    expect(await digests(quiet.email)).toEqual([]);

    // Nothing new: no second mail. Something new: only that.
    await sendWatchDigests(get().db, settings);
    expect(await digests(manager.email)).toHaveLength(1);
    await call(analyst, 'POST', `/api/incidents/${incident}/timeline`, {
      occurredAt: new Date().toISOString(),
      summary: 'Contained the host',
    });
    await sendWatchDigests(get().db, settings);
    const [, second] = await digests(manager.email);
    expect(second!.body_text).toContain('Contained the host');
    expect(second!.body_text).not.toContain('webshell');

    // RED goes only encrypted: without a team key the digest is held back, saying why.
    const red = (await call(analyst, 'POST', '/api/incidents', { title: 'Hush', tlp: 'RED' })).id;
    await call(manager, 'PUT', `/api/incidents/${red}/watch`);
    await call(analyst, 'POST', `/api/incidents/${red}/notes`, { body: 'Secret finding', tlp: 'RED' });
    const [outcome] = await sendWatchDigests(get().db, settings);
    expect(outcome).toMatchObject({ status: 'suppressed', reason: expect.stringMatching(/encryption is required/) });

    // More than one mail holds: the newest hundred, and a word that there were more.
    const analystId = (await get().db.selectFrom('users').select('id').where('email', '=', analyst.email).executeTakeFirstOrThrow()).id;
    await get()
      .db.insertInto('incident_notes')
      .values(
        Array.from({ length: 101 }, (_, i) => ({
          incident_id: incident,
          tlp: 'AMBER',
          body: `Busy note ${i}`,
          created_by: `user:${analystId}`,
        })),
      )
      .execute();
    await sendWatchDigests(get().db, settings);
    const busy = (await digests(manager.email)).at(-1)!;
    expect(busy.subject).toBe('[CERT-T] 100 change(s) on incidents you watch');
    expect(busy.body_text).toContain('There were more changes than one mail holds');

    // Turned off: no more mail.
    await call(manager, 'PUT', '/api/me/watch-mail', { mail: false });
    await call(analyst, 'POST', `/api/incidents/${incident}/notes`, { body: 'After turning it off' });
    expect(await sendWatchDigests(get().db, settings)).toEqual([]);
  });
});
