import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { useApp, type Client } from '../../test/helpers/app.js';

describeEachEngine('the constituent portal', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  let karin: Client;
  let colleague: Client;
  let stranger: Client;

  async function call<T>(client: Client, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
    const response = await client.request({ method, url, ...(payload ? { payload } : {}) });
    return { status: response.statusCode, body: (response.body ? response.json() : null) as T };
  }
  const org = async (name: string) =>
    (
      await get()
        .db.insertInto('organisations')
        .values({ name, kind: 'constituent', parent_id: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    const water = await org('Water company');
    analyst = await loginAs('analyst');
    karin = await loginAs('constituent', water);
    colleague = await loginAs('constituent', water);
    stranger = await loginAs('constituent', await org('Another company'));
  });

  it("shows the organisation's reports and where each stands, and nobody else's", async () => {
    const first = await call<{ id: string }>(karin, 'POST', '/api/reports', { subject: 'Phishing to our staff', body: 'TLP:AMBER' });
    // AMBER+STRICT (the default for a report that states no label) stays with the person who sent it.
    const strict = await call<{ id: string }>(karin, 'POST', '/api/reports', { subject: 'Our own mistake', body: 'no label' });
    const red = await call<{ id: string }>(colleague, 'POST', '/api/reports', { subject: 'Insider, TLP:RED', body: 'TLP:RED' });
    expect(first.status).toBe(201);

    const karins = await call<Array<{ id: string; standing: string }>>(karin, 'GET', '/api/my/reports');
    // TLP:RED goes back to the colleague who sent it, not to everyone in the organisation.
    expect(karins.body.map((r) => r.id)).toEqual([strict.body.id, first.body.id]);
    expect(karins.body[1]!.standing).toBe('received, waiting for triage');
    const colleagues = await call<Array<{ id: string }>>(colleague, 'GET', '/api/my/reports');
    expect(colleagues.body.map((r) => r.id)).toEqual([red.body.id, first.body.id]);
    expect((await call(karin, 'GET', `/api/my/reports/${red.body.id}`)).status).toBe(404);
    expect((await call<unknown[]>(stranger, 'GET', '/api/my/reports')).body).toEqual([]);
    expect((await call(stranger, 'GET', `/api/my/reports/${first.body.id}`)).status).toBe(404);

    expect((await call(colleague, 'GET', `/api/my/reports/${strict.body.id}`)).status).toBe(404);
    const paged = await call<Array<{ id: string }>>(colleague, 'GET', `/api/my/reports?limit=1&before=${red.body.id}`);
    expect(paged.body.map((r) => r.id)).toEqual([first.body.id]);

    await call(analyst, 'POST', '/api/incidents', { title: 'Phishing wave', reportIds: [first.body.id] });
    const after = await call<Array<{ id: string; standing: string }>>(karin, 'GET', '/api/my/reports');
    expect(after.body.find((r) => r.id === first.body.id)!.standing).toBe('being handled as an incident');
  });

  it('puts a reply into the report’s thread and on its incident’s timeline, and shows the conversation', async () => {
    const report = await call<{ id: string }>(karin, 'POST', '/api/reports', {
      subject: 'Defaced web page TLP:AMBER',
      body: 'www is defaced',
    });
    const incident = await call<{ id: string }>(analyst, 'POST', '/api/incidents', { title: 'Defacement', reportIds: [report.body.id] });
    const reply = await call<{ id: string }>(karin, 'POST', `/api/my/reports/${report.body.id}/replies`, { text: 'It is back up now.' });
    expect(reply.status).toBe(201);
    expect((await call(karin, 'POST', `/api/my/reports/${report.body.id}/replies`, { text: '' })).status).toBe(400);
    expect((await call(stranger, 'POST', `/api/my/reports/${report.body.id}/replies`, { text: 'let me in' })).status).toBe(404);

    const detail = await call<{ body: string; messages: Array<{ from: string; text: string; direction: string }> }>(
      colleague,
      'GET',
      `/api/my/reports/${report.body.id}`,
    );
    expect(detail.body.body).toBe('www is defaced');
    expect(detail.body.messages).toEqual([expect.objectContaining({ from: karin.email, text: 'It is back up now.', direction: 'in' })]);

    const team = await call<{ messages: Array<{ body_text: string }>; timeline: Array<{ summary: string }> }>(
      analyst,
      'GET',
      `/api/incidents/${incident.body.id}`,
    );
    expect(team.body.messages.map((m) => m.body_text)).toContain('It is back up now.');
    expect(team.body.timeline.map((t) => t.summary)).toContain(`Reply from constituent on report #${report.body.id} (portal)`);
  });
  it('takes feedback on a handled report, one answer per person, and shows it to the team', async () => {
    const report = await call<{ id: string }>(karin, 'POST', '/api/reports', { subject: 'Odd login TLP:AMBER', body: 'x' });
    const early = await call(karin, 'PUT', `/api/my/reports/${report.body.id}/feedback`, { rating: 5 });
    expect(early.status).toBe(409);
    await call(analyst, 'POST', '/api/incidents', { title: 'Odd login', reportIds: [report.body.id] });
    expect((await call(karin, 'PUT', `/api/my/reports/${report.body.id}/feedback`, { rating: 2, comment: 'slow' })).status).toBe(204);
    expect((await call(karin, 'PUT', `/api/my/reports/${report.body.id}/feedback`, { rating: 4, comment: 'quick after all' })).status).toBe(
      204,
    );
    expect((await call(karin, 'PUT', `/api/my/reports/${report.body.id}/feedback`, { rating: 6 })).status).toBe(400);
    expect((await call(stranger, 'PUT', `/api/my/reports/${report.body.id}/feedback`, { rating: 1 })).status).toBe(404);
    const mine = await call<{ feedback: { rating: number; comment: string } }>(karin, 'GET', `/api/my/reports/${report.body.id}`);
    expect(mine.body.feedback).toEqual({ rating: 4, comment: 'quick after all' });
    const team = await call<{ feedback: Array<{ name: string; rating: number; comment: string }> }>(
      analyst,
      'GET',
      `/api/reports/${report.body.id}`,
    );
    expect(team.body.feedback).toEqual([expect.objectContaining({ name: 'constituent', rating: 4, comment: 'quick after all' })]);
  });
});
