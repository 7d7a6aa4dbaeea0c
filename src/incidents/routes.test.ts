import { beforeAll, expect, it } from 'vitest';
import { ROLES } from '../auth/roles.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { useApp, type Client } from '../../test/helpers/app.js';
import { mail, testSettings } from '../../test/helpers/mail.js';
import { ingestMail } from '../intake/ingest.js';
import { ITEM_KINDS, PARTICIPANT_ROLES, type ItemKind } from './visibility.js';

describeEachEngine('incidents over HTTP', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  let orgId: string;

  beforeAll(async () => {
    analyst = await loginAs('analyst');
    const org = await get()
      .db.insertInto('organisations')
      .values({ name: `City ${Date.now()}`, kind: 'constituent', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    orgId = org.id;
  });

  async function json<T>(
    client: Client,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const response = await client.request({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}), headers });
    return { status: response.statusCode, body: (response.body ? response.json() : null) as T };
  }

  it('walks the loop: a mailed report in the queue, an incident from it, a phase change with If-Match, problem+json on bad input', async () => {
    const outcome = await ingestMail(
      get().db,
      testSettings(),
      mail({ subject: 'Defacement of www.city.example', body: 'Defaced at 10:00; TLP:AMBER' }),
      'test',
    );
    if (outcome.kind !== 'report') throw new Error('expected a report');
    const queue = await json<Array<{ id: string; subject: string; sla: { triage: { state: string } } }>>(
      analyst,
      'GET',
      '/api/reports?status=new',
    );
    expect(queue.body.map((r) => r.id)).toContain(outcome.reportId);
    const detail = await json<{ messages: Array<{ pgp_signature: string; id: string }>; indicators: unknown[] }>(
      analyst,
      'GET',
      `/api/reports/${outcome.reportId}`,
    );
    expect(detail.body.messages[0]).toMatchObject({ pgp_signature: 'not-signed' });
    const raw = await analyst.request({ method: 'GET', url: `/api/messages/${detail.body.messages[0]!.id}/raw` });
    expect(raw.headers['content-type']).toMatch(/message\/rfc822/);
    expect(raw.headers['content-disposition']).toMatch(/^attachment/);

    const created = await json<{ id: string }>(analyst, 'POST', '/api/incidents', {
      title: 'Defacement',
      reportIds: [outcome.reportId],
      rsitClass: 'intrusions',
      rsitType: 'application-compromise',
    });
    expect(created.status).toBe(201);
    const incident = await analyst.request({ method: 'GET', url: `/api/incidents/${created.body.id}` });
    expect(incident.headers.etag).toBe('"1"');
    expect(incident.json().incident).toMatchObject({ tlp: 'AMBER', phase: 'triage' });
    const moved = await json<{ version: number }>(
      analyst,
      'PATCH',
      `/api/incidents/${created.body.id}`,
      { phase: 'containment' },
      { 'if-match': '"1"' },
    );
    expect(moved.body.version).toBe(2);
    const stale = await json<{ type: string; detail: string }>(
      analyst,
      'PATCH',
      `/api/incidents/${created.body.id}`,
      { phase: 'eradication' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(409);
    const bad = await analyst.request({ method: 'PATCH', url: `/api/incidents/${created.body.id}`, payload: { rsitClass: 'nonsense' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.json().detail).toMatch(/not an RSIT class/);
    const unknownField = await analyst.request({ method: 'PATCH', url: `/api/incidents/${created.body.id}`, payload: { colour: 'red' } });
    expect(unknownField.statusCode).toBe(400);
    expect((await json(analyst, 'GET', '/api/incidents/999999')).status).toBe(404);
  });

  it('read-only users read but do not change; constituents may report through the form but not triage', async () => {
    const reader = await loginAs('read-only');
    expect((await json(reader, 'GET', '/api/reports')).status).toBe(200);
    expect((await json(reader, 'POST', '/api/incidents', { title: 'x' })).status).toBe(403);
    const constituent = await loginAs('constituent', orgId);
    const filed = await json<{ id: string }>(constituent, 'POST', '/api/reports', {
      subject: 'Our printer prints ransom notes',
      body: 'Since 09:00',
      channel: 'phone',
      reporterEmail: 'someone@else.test',
    });
    expect(filed.status).toBe(201);
    const row = await get()
      .db.selectFrom('reports')
      .select(['channel', 'reporter_email', 'organisation_id'])
      .where('id', '=', filed.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ channel: 'web-form', reporter_email: constituent.email, organisation_id: orgId });
    expect((await json(constituent, 'GET', '/api/reports')).status).toBe(403);
    expect((await json(constituent, 'POST', `/api/reports/${filed.body.id}/not-incident`, { reason: 'x' })).status).toBe(403);
    const phone = await json<{ id: string }>(analyst, 'POST', '/api/reports', {
      subject: 'Call from the water utility',
      body: 'Odd SCADA logins from 192.0.2.14',
      channel: 'phone',
      reporterName: 'Karin',
    });
    expect((await get().db.selectFrom('reports').select('channel').where('id', '=', phone.body.id).executeTakeFirstOrThrow()).channel).toBe(
      'phone',
    );
  });

  /*
   * Need-to-know, every role against every item kind. The team roles see every item. A user from
   * outside, added as constituent staff, third party or law enforcement, sees an item only when it
   * is shared with them and the TLP core admits them; sharing what TLP forbids is refused.
   */
  it('need-to-know: every role against every item kind', async () => {
    const { db } = get();
    const incident = await json<{ id: string }>(analyst, 'POST', '/api/incidents', { title: 'Need-to-know matrix', tlp: 'GREEN' });
    const id = incident.body.id;
    const report = await json<{ id: string }>(analyst, 'POST', '/api/reports', { subject: 'matrix report', body: 'x', tlp: 'GREEN' });
    await json(analyst, 'POST', `/api/reports/${report.body.id}/attach`, { incidentId: id });

    // One item of every kind at each of GREEN (community), AMBER (clients) and RED (named only).
    const items: Record<ItemKind, Record<'GREEN' | 'AMBER' | 'RED', string>> = {} as never;
    const make = async (kind: ItemKind, tlp: 'GREEN' | 'AMBER' | 'RED', n: number): Promise<string> => {
      const create = async (path: string, body: object) =>
        (await json<{ id: string }>(analyst, 'POST', `/api/incidents/${id}/${path}`, { ...body, tlp })).body.id;
      switch (kind) {
        case 'report': {
          const r = await json<{ id: string }>(analyst, 'POST', '/api/reports', { subject: `r ${tlp}`, body: 'x', tlp });
          await json(analyst, 'POST', `/api/reports/${r.body.id}/attach`, { incidentId: id });
          return r.body.id;
        }
        case 'message': {
          const row = await db
            .insertInto('messages')
            .values({ direction: 'in', incident_id: id, subject: `m ${tlp}`, tlp, created_by: 'system:test' })
            .returning('id')
            .executeTakeFirstOrThrow();
          return row.id;
        }
        case 'task':
          return create('tasks', { title: `t ${tlp}` });
        case 'investigation':
          return create('investigations', { title: `i ${tlp}` });
        case 'countermeasure':
          return create('countermeasures', { kind: 'block', target: `203.0.113.${n}` });
        case 'timeline':
          return create('timeline', { occurredAt: new Date().toISOString(), summary: `e ${tlp}` });
        case 'observable':
          return create('observables', { kind: 'ipv4', value: `198.51.100.${n}` });
        case 'asset':
          return create('assets', { name: `host-${tlp}` });
        case 'evidence':
          return create('evidence', {
            item: `e ${tlp}`,
            sha256: 'a'.repeat(63) + String(n % 10),
            collectedBy: 'A',
            collectedAt: new Date().toISOString(),
            location: 'safe',
          });
        case 'note':
          return create('notes', { body: `**note** ${tlp}` });
      }
    };
    let n = 0;
    for (const kind of ITEM_KINDS) {
      items[kind] = { GREEN: await make(kind, 'GREEN', ++n), AMBER: await make(kind, 'AMBER', ++n), RED: await make(kind, 'RED', ++n) };
    }

    for (const role of PARTICIPANT_ROLES.filter((r) => r !== 'team-member')) {
      const outsider = await loginAs('constituent', orgId);
      const user = await db.selectFrom('users').select('id').where('email', '=', outsider.email).executeTakeFirstOrThrow();
      expect((await json(outsider, 'GET', `/api/incidents/${id}`)).status).toBe(404);
      const participant = await json<{ id: string }>(analyst, 'POST', `/api/incidents/${id}/participants`, { userId: user.id, role });
      for (const kind of ITEM_KINDS) {
        const share = (tlp: 'GREEN' | 'AMBER' | 'RED') =>
          json(analyst, 'POST', `/api/incidents/${id}/shares`, { kind, itemId: items[kind][tlp], participantId: participant.body.id });
        expect((await share('GREEN')).status, `${role} ${kind} GREEN`).toBe(204);
        expect((await share('AMBER')).status, `${role} ${kind} AMBER`).toBe(role === 'constituent-staff' ? 204 : 403);
        expect((await share('RED')).status, `${role} ${kind} RED`).toBe(403);
      }
      const seen = (await json<Record<string, Array<{ id: string }>>>(outsider, 'GET', `/api/incidents/${id}`)).body;
      const section: Record<ItemKind, string> = {
        report: 'reports',
        message: 'messages',
        task: 'tasks',
        investigation: 'investigations',
        countermeasure: 'countermeasures',
        timeline: 'timeline',
        observable: 'observables',
        asset: 'assets',
        evidence: 'evidence',
        note: 'notes',
      };
      for (const kind of ITEM_KINDS) {
        const visible = seen[section[kind]]!.map((x) => String(x.id)).sort();
        const expected = (role === 'constituent-staff' ? [items[kind].GREEN, items[kind].AMBER] : [items[kind].GREEN]).sort();
        expect(visible, `${role} sees ${kind}`).toEqual(expected);
      }
      expect(seen.participants).toEqual([]);
      // Off the incident, out of sight.
      await json(analyst, 'DELETE', `/api/participants/${participant.body.id}`);
      expect((await json(outsider, 'GET', `/api/incidents/${id}`)).status).toBe(404);
      expect((await json<unknown[]>(outsider, 'GET', '/api/incidents')).body).toEqual([]);
    }

    for (const role of ROLES.filter((r) => r !== 'constituent')) {
      const member = await loginAs(role);
      const detail = (await json<Record<string, Array<{ id: string }>>>(member, 'GET', `/api/incidents/${id}`)).body;
      expect(detail.tasks!.map((t) => t.id).sort(), `${role} sees every task`).toEqual(Object.values(items.task).sort());
      expect(detail.evidence!.length, `${role} sees all evidence`).toBe(3);
    }
  });

  it('search, retro-hunt, KPI and SLA endpoints answer; SLA targets are validated', async () => {
    await json(analyst, 'POST', '/api/reports', {
      subject: 'Botnet traffic from the library',
      body: 'C2 at hxxp://c2-library[.]example/gate',
      tlp: 'GREEN',
    });
    const hits = await json<{ hits: Array<{ kind: string; title: string }> }>(analyst, 'GET', '/api/search?q=botnet%20library');
    expect(hits.body.hits.map((h) => h.title)).toContain('Botnet traffic from the library');
    const seen = await json<{ value: string; sightings: unknown[] }>(
      analyst,
      'GET',
      `/api/indicators/seen?value=${encodeURIComponent('c2-library[.]example')}`,
    );
    expect(seen.body.value).toBe('c2-library.example');
    expect(seen.body.sightings.length).toBe(1);
    const kpi = await json<{ rows: unknown[] }>(analyst, 'GET', '/api/kpi');
    expect(kpi.status).toBe(200);
    const manager = await loginAs('incident-manager');
    const bad = await json(manager, 'PUT', '/api/sla-policies', [
      { priority: 'high', acknowledgeMinutes: 500, triageMinutes: 100, resolveMinutes: 1000 },
    ]);
    expect(bad.status).toBe(400);
    const good = await json<Array<{ priority: string; acknowledgeMinutes: number }>>(manager, 'PUT', '/api/sla-policies', [
      { priority: 'high', acknowledgeMinutes: 45, triageMinutes: 120, resolveMinutes: 1000 },
    ]);
    expect(good.body.find((p) => p.priority === 'high')?.acknowledgeMinutes).toBe(45);
    expect(
      (await json(analyst, 'PUT', '/api/sla-policies', [{ priority: 'low', acknowledgeMinutes: 1, triageMinutes: 2, resolveMinutes: 3 }]))
        .status,
    ).toBe(403);
  });

  it('filters the incident list by priority, class and TLP, and refuses a parameter it does not know', async () => {
    const made: Record<string, string> = {};
    for (const [key, body] of Object.entries({
      fraudHigh: { title: 'filter: fraud high', priority: 'high', rsitClass: 'fraud', tlp: 'GREEN' },
      fraudLow: { title: 'filter: fraud low', priority: 'low', rsitClass: 'fraud', tlp: 'AMBER' },
      plain: { title: 'filter: unclassified', priority: 'high', tlp: 'AMBER' },
    }))
      made[key] = (await json<{ id: string }>(analyst, 'POST', '/api/incidents', body)).body.id;
    const ids = async (query: string) =>
      (await json<Array<{ id: string; title: string }>>(analyst, 'GET', `/api/incidents?${query}`)).body
        .filter((i) => i.title.startsWith('filter: '))
        .map((i) => i.id)
        .sort();
    expect(await ids('priority=high')).toEqual([made.fraudHigh, made.plain].sort());
    expect(await ids('rsitClass=fraud&priority=low')).toEqual([made.fraudLow]);
    expect(await ids('rsitClass=unclassified&priority=high')).toEqual([made.plain]);
    expect(await ids('tlp=GREEN')).toEqual([made.fraudHigh]);
    const unknown = await json<{ code: string; errors: Array<{ field: string }> }>(analyst, 'GET', '/api/incidents?prioritty=high');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e) => e.field)).toEqual(['querystring.prioritty']);
  });
});
