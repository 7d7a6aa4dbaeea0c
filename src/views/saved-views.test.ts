import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { useApp, type Client } from '../../test/helpers/app.js';
import { normaliseQuery } from './saved-views.js';

it('keeps only the filters a list understands, in one order, and refuses the rest by name', () => {
  expect(normaliseQuery('incidents', '?q=phish&open=true&priority=high')).toBe('open=true&priority=high&q=phish');
  expect(() => normaliseQuery('incidents', 'before=2026-01-01T00:00:00.000Z,1')).toThrow(/no filter before/);
  expect(() => normaliseQuery('reports', 'phase=closed')).toThrow(/no filter phase/);
  expect(() => normaliseQuery('audit', '')).toThrow(/at least one filter/);
});

describeEachEngine('saved views', (get) => {
  const { loginAs } = useApp(get);
  let anna: Client;
  let bo: Client;
  beforeAll(async () => {
    anna = await loginAs('analyst');
    bo = await loginAs('incident-manager');
  });
  const call = async (client: Client, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const response = await client.request({ method, url, ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: response.body ? (response.json() as unknown) : null };
  };

  it('keeps a view for its owner, shares one with the team, and lets only the owner remove it', async () => {
    const own = await call(anna, 'POST', '/api/saved-views', {
      list: 'incidents',
      name: 'My critical',
      query: 'priority=critical&open=true',
    });
    expect(own.status).toBe(201);
    const shared = await call(anna, 'POST', '/api/saved-views', { list: 'incidents', name: 'Phishing', query: 'q=phishing', shared: true });
    expect((await call(anna, 'POST', '/api/saved-views', { list: 'incidents', name: 'my CRITICAL', query: 'q=x' })).status).toBe(409);
    expect((await call(anna, 'POST', '/api/saved-views', { list: 'incidents', name: 'Bad', query: 'sort=evil' })).status).toBe(400);

    const annas = (await call(anna, 'GET', '/api/saved-views?list=incidents')).body as Array<{
      name: string;
      query: string;
      mine: boolean;
    }>;
    expect(annas.map((v) => [v.name, v.query, v.mine])).toEqual([
      ['My critical', 'open=true&priority=critical', true],
      ['Phishing', 'q=phishing', true],
    ]);
    const bos = (await call(bo, 'GET', '/api/saved-views?list=incidents')).body as Array<{ name: string; mine: boolean; owner: string }>;
    expect(bos).toEqual([expect.objectContaining({ name: 'Phishing', mine: false, owner: 'analyst' })]);
    expect((await call(bo, 'GET', '/api/saved-views?list=reports')).body).toEqual([]);

    const sharedId = (shared.body as { id: string }).id;
    expect((await call(bo, 'DELETE', `/api/saved-views/${sharedId}`)).status).toBe(404);
    expect((await call(anna, 'DELETE', `/api/saved-views/${sharedId}`)).status).toBe(204);
    const org = await get()
      .db.insertInto('organisations')
      .values({ name: 'A client', kind: 'constituent', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const constituent = await loginAs('constituent', org.id);
    expect((await call(constituent, 'GET', '/api/saved-views?list=incidents')).status).toBe(403);
  });
});
