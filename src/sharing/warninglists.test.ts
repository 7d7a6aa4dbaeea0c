/**
 * Warninglists: a new installation ships the public resolvers and everyday domains; a value on a
 * list is flagged when looked up and never links two reports in triage; the team edits the lists.
 */
import { beforeAll, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';

describeEachEngine('warninglists', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  let manager: Client;
  beforeAll(async () => {
    analyst = await loginAs('analyst');
    manager = await loginAs('incident-manager');
  });

  const report = async (body: string) =>
    (await analyst.request({ method: 'POST', url: '/api/reports', payload: { subject: 'Suspicious traffic', body } })).json<{
      id: string;
    }>().id;
  const candidates = async (id: string) =>
    (await analyst.request({ url: `/api/reports/${id}` })).json<{ candidates: Array<{ id: string; reasons: string[] }> }>().candidates;

  it('ships the public resolvers, flags them when looked up, and never links reports by them', async () => {
    const seen = (await analyst.request({ url: '/api/indicators/seen?value=8.8.8.8' })).json<{ warninglists: string[] }>();
    expect(seen.warninglists).toEqual(['public-dns-resolvers']);
    expect(
      (await analyst.request({ url: '/api/indicators/seen?value=198.51.100.200' })).json<{ warninglists: string[] }>().warninglists,
    ).toEqual([]);
    // Two reports that share only a resolver are not related; two that share an attacker's address are.
    const first = await report('The host queried 8.8.8.8 and then talked to 198.51.100.200.');
    const second = await report('Lookups through 8.8.8.8 only.');
    const third = await report('Connections from 198.51.100.200 all night.');
    const related = await candidates(first);
    expect(related.map((c) => c.id)).toContain(third);
    expect(related.map((c) => c.id)).not.toContain(second);
  });

  it('lets the team add and remove entries, a page at a time, and refuses what is not of its kind', async () => {
    const entry = { list: 'own-infrastructure', kind: 'domain', value: 'Mail.City.Example' };
    expect((await analyst.request({ method: 'POST', url: '/api/warninglists/entries', payload: entry })).statusCode).toBe(403);
    const added = await manager.request({ method: 'POST', url: '/api/warninglists/entries', payload: entry });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toEqual({ list: 'own-infrastructure', kind: 'domain', value: 'mail.city.example' });
    expect(
      (await analyst.request({ url: '/api/indicators/seen?value=mail%5B.%5Dcity.example' })).json<{ warninglists: string[] }>()
        .warninglists,
    ).toEqual(['own-infrastructure']);
    const bad = await manager.request({
      method: 'POST',
      url: '/api/warninglists/entries',
      payload: { list: 'x', kind: 'ipv4', value: 'not an address' },
    });
    expect(bad.statusCode).toBe(400);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { entries: Array<{ value: string }>; next: string | null } = (
        await analyst.request({ url: `/api/warninglists?limit=7${after ? `&after=${after}` : ''}` })
      ).json();
      seen.push(...page.entries.map((e) => e.value));
      after = page.next;
    } while (after);
    expect(seen).toContain('mail.city.example');
    expect(seen).toContain('2606:4700:4700::1111');
    expect(new Set(seen).size).toBe(seen.length);
    expect((await manager.request({ method: 'DELETE', url: '/api/warninglists/entries', payload: entry })).statusCode).toBe(204);
    expect((await manager.request({ method: 'DELETE', url: '/api/warninglists/entries', payload: entry })).statusCode).toBe(404);
  });
});
