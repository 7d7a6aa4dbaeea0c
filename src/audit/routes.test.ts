import { expect, it } from 'vitest';
import { useApp } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';

interface Entry {
  seq: string;
  actor: string;
  actorName: string | null;
  action: string;
}

describeEachEngine('the audit log over HTTP', (get) => {
  const { loginAs } = useApp(get);

  it('names the people behind the entries, filters by action family and actor, and pages by key', async () => {
    const admin = await loginAs('admin');
    await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'new@team.test', name: 'New Person', role: 'analyst', password: 'a long password here' },
    });
    const entries = async (query: string) => {
      const res = await admin.request({ url: `/api/audit?${query}` });
      expect(res.statusCode, query).toBe(200);
      return res.json<Entry[]>();
    };
    const users = await entries('action=user');
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((e) => e.action.startsWith('user.'))).toBe(true);
    const byAdmin = users.find((e) => e.actor.startsWith('user:'))!;
    expect(byAdmin.actorName).toBe(`admin <${admin.email}>`);
    expect((await entries(`actor=${encodeURIComponent(byAdmin.actor)}`)).every((e) => e.actor === byAdmin.actor)).toBe(true);
    expect(await entries('action=use')).toEqual([]);

    const all = await entries('limit=1000');
    const first = await entries('limit=2');
    const next = await entries(`limit=2&beforeSeq=${first.at(-1)!.seq}`);
    expect([...first, ...next].map((e) => e.seq)).toEqual(all.slice(0, 4).map((e) => e.seq));

    const unknown = await admin.request({ url: '/api/audit?actr=x' });
    expect(unknown.statusCode).toBe(400);
  });
});
