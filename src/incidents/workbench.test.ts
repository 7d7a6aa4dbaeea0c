import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { useApp, type Client } from '../../test/helpers/app.js';

describeEachEngine('the workbench: ownership, notes, watching, templates, observables in bulk', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  let manager: Client;
  let analystId: string;
  let managerId: string;

  const idOf = async (client: Client) =>
    (await get().db.selectFrom('users').select('id').where('email', '=', client.email).executeTakeFirstOrThrow()).id;

  async function call<T>(
    client: Client,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers = {},
  ) {
    const response = await client.request({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}), headers });
    return { status: response.statusCode, body: (response.body ? response.json() : null) as T };
  }
  const open = async (body: object) => (await call<{ id: string }>(analyst, 'POST', '/api/incidents', body)).body.id;
  const detail = async (id: string, client = analyst) =>
    (
      await call<{
        incident: { priority: string; tlp: string; version: number; manager_id: string | null; sensitive: boolean };
        tasks: Array<{ title: string; due_at: string | null; owner_id: string | null }>;
        notes: Array<{ id: string; body: string; author: string; task_id: string | null; edited_at: string | null }>;
        watching: boolean;
        watchers: Array<{ name: string }>;
        timeline: Array<{ kind: string; summary: string }>;
        observables: Array<{ kind: string; value: string; is_ioc: boolean }>;
      }>(client, 'GET', `/api/incidents/${id}`)
    ).body;

  let orgId: string;
  beforeAll(async () => {
    orgId = (
      await get()
        .db.insertInto('organisations')
        .values({ name: 'Workbench city', kind: 'constituent', parent_id: null })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    analyst = await loginAs('analyst');
    manager = await loginAs('incident-manager');
    analystId = await idOf(analyst);
    managerId = await idOf(manager);
  });

  it('names a manager and task owners from the team only, and lists "mine" by either', async () => {
    const managed = await open({ title: 'Managed by the analyst', managerId: analystId });
    const owned = await open({ title: 'A task for the analyst' });
    const neither = await open({ title: 'Somebody else' });
    await call(analyst, 'POST', `/api/incidents/${owned}/tasks`, { title: 'Call the ISP', ownerId: analystId });
    const doneTask = await open({ title: 'Only a finished task' });
    const task = await call<{ id: string }>(analyst, 'POST', `/api/incidents/${doneTask}/tasks`, { title: 'x', ownerId: analystId });
    await call(analyst, 'PATCH', `/api/tasks/${task.body.id}`, { status: 'done' });

    const mine = await call<Array<{ id: string }>>(analyst, 'GET', '/api/incidents?mine=true');
    const ids = mine.body.map((r) => r.id);
    expect(ids).toContain(managed);
    expect(ids).toContain(owned);
    expect(ids).not.toContain(neither);
    expect(ids).not.toContain(doneTask);

    const constituent = await loginAs('constituent', orgId);
    const readOnly = await loginAs('read-only');
    for (const outsider of [constituent, readOnly]) {
      const refused = await call<{ errors: Array<{ field: string }> }>(analyst, 'POST', '/api/incidents', {
        title: 'x',
        managerId: await idOf(outsider),
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('managerId');
    }
    const members = await call<Array<{ id: string }>>(analyst, 'GET', '/api/team-members');
    expect(members.body.map((m) => m.id)).toEqual(expect.arrayContaining([analystId, managerId]));
    expect(members.body.map((m) => m.id)).not.toContain(await idOf(readOnly));

    const version = (await detail(neither)).incident.version;
    const patched = await call(
      analyst,
      'PATCH',
      `/api/incidents/${neither}`,
      { managerId, sensitive: true },
      { 'if-match': `"${version}"` },
    );
    expect(patched.status).toBe(200);
    const after = await detail(neither);
    expect(after.incident).toMatchObject({ manager_id: managerId, sensitive: true });
    expect(after.timeline.map((t) => t.summary)).toContain('Incident manager: incident-manager');
  });

  it('filters the list by words and pages it by a cursor without losing or repeating a row', async () => {
    const marker = `zebra${Date.now()}`;
    const made: string[] = [];
    for (let n = 0; n < 5; n++) made.push(await open({ title: `Phishing ${marker} ${n}` }));
    const found = await call<Array<{ id: string }>>(analyst, 'GET', `/api/incidents?q=${marker}`);
    expect(found.body.map((r) => r.id).sort()).toEqual([...made].sort());

    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const page = await call<Array<{ id: string; opened_at: string }>>(
        analyst,
        'GET',
        `/api/incidents?q=${marker}&limit=2${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      if (page.body.length === 0) break;
      seen.push(...page.body.map((r) => r.id));
      const last = page.body.at(-1)!;
      cursor = `${last.opened_at},${last.id}`;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect((await call(analyst, 'GET', '/api/incidents?before=yesterday')).status).toBe(400);
  });

  it('sorts the list oldest first or most urgent first, paging each order by its own cursor', async () => {
    const marker = `okapi${Date.now()}`;
    const made: Array<{ id: string; priority: string }> = [];
    for (const priority of ['normal', 'critical', 'low', 'critical', 'high'])
      made.push({ id: await open({ title: `Order ${marker}`, priority }), priority });
    type Row = { id: string; priority: string; cursor: string };
    const walk = async (sort: string) => {
      const seen: Row[] = [];
      let cursor = '';
      for (;;) {
        const param = sort === 'newest' ? 'before' : 'after';
        const page = await call<Row[]>(
          analyst,
          'GET',
          `/api/incidents?q=${marker}&sort=${sort}&limit=2${cursor ? `&${param}=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        if (page.body.length === 0) return seen;
        seen.push(...page.body);
        cursor = page.body.at(-1)!.cursor;
      }
    };
    const ids = made.map((m) => m.id);
    expect((await walk('newest')).map((r) => r.id)).toEqual([...ids].reverse());
    expect((await walk('oldest')).map((r) => r.id)).toEqual(ids);
    // Most urgent first; within a priority, newest first.
    expect((await walk('priority')).map((r) => r.id)).toEqual([ids[3], ids[1], ids[4], ids[0], ids[2]]);
    const newestCursor = (await walk('newest'))[0]!.cursor;
    expect((await call(analyst, 'GET', `/api/incidents?sort=priority&before=${encodeURIComponent(newestCursor)}`)).status).toBe(400);
    const oldestCursor = (await walk('oldest'))[0]!.cursor;
    expect((await call(analyst, 'GET', `/api/incidents?sort=priority&after=${oldestCursor}`)).status).toBe(400);
    expect((await call(analyst, 'GET', '/api/incidents?sort=size')).status).toBe(400);
  });

  it('keeps notes in Markdown as written, lets only the author change one, and shows who wrote it', async () => {
    const id = await open({ title: 'Notes', tlp: 'AMBER' });
    const task = await call<{ id: string }>(analyst, 'POST', `/api/incidents/${id}/tasks`, { title: 'Look at logs' });
    const hostile = '# Heading\n<script>alert(1)</script> [x](javascript:alert(1))';
    const note = await call<{ id: string }>(analyst, 'POST', `/api/incidents/${id}/notes`, { body: hostile });
    expect(note.status).toBe(201);
    await call(analyst, 'POST', `/api/incidents/${id}/notes`, { body: 'On the task', taskId: task.body.id });
    const elsewhere = await open({ title: 'Another' });
    const elsewhereTask = await call<{ id: string }>(analyst, 'POST', `/api/incidents/${elsewhere}/tasks`, { title: 'x' });
    expect((await call(analyst, 'POST', `/api/incidents/${id}/notes`, { body: 'x', taskId: elsewhereTask.body.id })).status).toBe(404);
    expect((await call(analyst, 'POST', `/api/incidents/${id}/notes`, { body: '' })).status).toBe(400);

    expect((await call(manager, 'PATCH', `/api/notes/${note.body.id}`, { body: 'not mine' })).status).toBe(403);
    expect((await call(analyst, 'PATCH', `/api/notes/${note.body.id}`, { body: 'Fixed **typo**' })).status).toBe(204);
    const notes = (await detail(id)).notes;
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({ body: 'Fixed **typo**', author: 'analyst', task_id: null });
    expect(notes[0]!.edited_at).not.toBeNull();
    expect(notes[1]).toMatchObject({ task_id: task.body.id });
    const audit = await get().db.selectFrom('audit_log').select(['before']).where('action', '=', 'note.update').execute();
    expect(JSON.stringify(audit.map((a) => a.before))).toContain('<script>');
  });

  it('tells watchers and the manager what others did, never their own doing, newest first', async () => {
    const watched = await open({ title: 'Watched one' });
    const managed = await open({ title: 'Managed one', managerId });
    const other = await open({ title: 'Not watched' });
    expect((await call(manager, 'PUT', `/api/incidents/${watched}/watch`)).status).toBe(204);
    expect((await call(manager, 'PUT', `/api/incidents/${watched}/watch`)).status).toBe(204);
    expect((await detail(watched, manager)).watching).toBe(true);
    await call(analyst, 'POST', `/api/incidents/${watched}/notes`, { body: 'Found the webshell' });
    await call(analyst, 'POST', `/api/incidents/${managed}/timeline`, { occurredAt: new Date().toISOString(), summary: 'ISP called back' });
    await call(analyst, 'POST', `/api/incidents/${other}/notes`, { body: 'Nobody watches this' });
    await call(manager, 'POST', `/api/incidents/${watched}/notes`, { body: 'My own note' });

    const updates = await call<Array<{ kind: string; incidentId: string; text: string; by: string; at: string }>>(
      manager,
      'GET',
      '/api/me/updates',
    );
    const texts = updates.body.map((u) => u.text);
    expect(texts).toContain('Found the webshell');
    expect(texts).toContain('ISP called back');
    expect(texts).not.toContain('Nobody watches this');
    expect(texts).not.toContain('My own note');
    expect(updates.body.find((u) => u.text === 'Found the webshell')).toMatchObject({ kind: 'note', by: 'analyst', incidentId: watched });
    const times = updates.body.map((u) => u.at);
    expect(times).toEqual([...times].sort().reverse());
    const older = await call<unknown[]>(manager, 'GET', `/api/me/updates?before=${encodeURIComponent(times.at(-1)!)}`);
    expect(older.body).toHaveLength(0);

    expect((await call(manager, 'DELETE', `/api/incidents/${watched}/watch`)).status).toBe(204);
    await call(analyst, 'POST', `/api/incidents/${watched}/notes`, { body: 'After unwatching' });
    const later = await call<Array<{ text: string }>>(manager, 'GET', '/api/me/updates');
    expect(later.body.map((u) => u.text)).not.toContain('After unwatching');
    const constituent = await loginAs('constituent', orgId);
    expect((await call(constituent, 'PUT', `/api/incidents/${watched}/watch`)).status).toBe(403);
  });

  it('opens an incident from its RSIT type’s template and adds the tasks a later classification brings', async () => {
    const classTemplate = {
      name: 'Malicious code (any)',
      rsitClass: 'malicious-code',
      priority: 'high',
      tlp: 'AMBER',
      tasks: [{ title: 'Isolate the host', dueInWorkingMinutes: 60 }, { title: 'Collect a memory image' }],
    };
    const typeTemplate = {
      name: 'Ransomware',
      rsitClass: 'malicious-code',
      rsitType: 'infected-system',
      priority: 'critical',
      tlp: 'RED',
      tasks: [{ title: 'Isolate the host' }, { title: 'Check backups' }],
    };
    expect((await call(analyst, 'POST', '/api/incident-templates', classTemplate)).status).toBe(403);
    const created = await call<{ id: string; version: number }>(manager, 'POST', '/api/incident-templates', classTemplate);
    expect(created.status).toBe(201);
    expect((await call(manager, 'POST', '/api/incident-templates', { ...classTemplate, name: 'again' })).status).toBe(409);
    expect((await call(manager, 'POST', '/api/incident-templates', typeTemplate)).status).toBe(201);
    const badType = await call(manager, 'POST', '/api/incident-templates', { ...typeTemplate, rsitType: 'no-such-type' });
    expect(badType.status).toBe(400);
    const twice = await call(manager, 'POST', '/api/incident-templates', {
      ...typeTemplate,
      rsitType: 'malware-configuration',
      tasks: [{ title: 'A' }, { title: ' a ' }],
    });
    expect(twice.status).toBe(400);

    const byClass = await detail(await open({ title: 'Worm', rsitClass: 'malicious-code' }));
    expect(byClass.incident).toMatchObject({ priority: 'high', tlp: 'AMBER' });
    expect(byClass.tasks.map((t) => t.title)).toEqual(['Isolate the host', 'Collect a memory image']);
    expect(byClass.tasks[0]!.due_at).not.toBeNull();
    const byType = await detail(
      await open({ title: 'Locky', rsitClass: 'malicious-code', rsitType: 'infected-system', priority: 'normal' }),
    );
    expect(byType.incident).toMatchObject({ priority: 'normal', tlp: 'RED' });
    expect(byType.tasks.map((t) => t.title)).toEqual(['Isolate the host', 'Check backups']);

    const later = await open({ title: 'Unclassified at first', tlp: 'GREEN' });
    await call(analyst, 'POST', `/api/incidents/${later}/tasks`, { title: 'isolate the HOST' });
    const version = (await detail(later)).incident.version;
    await call(analyst, 'PATCH', `/api/incidents/${later}`, { rsitClass: 'malicious-code' }, { 'if-match': `"${version}"` });
    const classified = await detail(later);
    expect(classified.tasks.map((t) => t.title)).toEqual(['isolate the HOST', 'Collect a memory image']);
    expect(classified.incident).toMatchObject({ priority: 'normal', tlp: 'GREEN' });
    expect(classified.timeline.map((t) => t.kind)).toContain('template');

    const stale = await call(manager, 'PUT', `/api/incident-templates/${created.body.id}`, classTemplate, { 'if-match': '"99"' });
    expect(stale.status).toBe(409);
    const changed = await call<{ version: number }>(
      manager,
      'PUT',
      `/api/incident-templates/${created.body.id}`,
      { ...classTemplate, priority: 'low' },
      { 'if-match': `"${created.body.version}"` },
    );
    expect(changed.body.version).toBe(created.body.version + 1);
    expect((await call(manager, 'DELETE', `/api/incident-templates/${created.body.id}`)).status).toBe(204);
    expect((await call(manager, 'DELETE', `/api/incident-templates/${created.body.id}`)).status).toBe(404);
    const none = await detail(await open({ title: 'No template now', rsitClass: 'malicious-code' }));
    expect(none.tasks).toEqual([]);
  });

  it('adds observables from a pasted, defanged list: each once, a URL not split up, unknown lines named', async () => {
    const id = await open({ title: 'Bulk' });
    await call(analyst, 'POST', `/api/incidents/${id}/observables`, { kind: 'ipv4', value: '198.51.100.7' });
    const text = [
      '198.51.100.7',
      'hxxps://evil[.]example/login.php',
      'c2.bad-domain[.]test, 203.0.113[.]9',
      '',
      'just some words',
      'victim(at)city(dot)example',
      '203.0.113.9',
      'd41d8cd98f00b204e9800998ecf8427e',
    ].join('\r\n');
    const result = await call<{
      added: Array<{ kind: string; value: string }>;
      already: Array<{ kind: string; value: string }>;
      unrecognised: Array<{ line: number; text: string }>;
    }>(analyst, 'POST', `/api/incidents/${id}/observables/bulk`, { text, isIoc: true });
    expect(result.status).toBe(200);
    expect(result.body.added).toEqual([
      { kind: 'url', value: 'https://evil.example/login.php' },
      { kind: 'domain', value: 'c2.bad-domain.test' },
      { kind: 'ipv4', value: '203.0.113.9' },
      { kind: 'email', value: 'victim@city.example' },
      { kind: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e' },
    ]);
    expect(result.body.already).toEqual([{ kind: 'ipv4', value: '198.51.100.7' }]);
    expect(result.body.unrecognised).toEqual([{ line: 5, text: 'just some words' }]);
    const stored = (await detail(id)).observables;
    expect(stored).toHaveLength(6);
    expect(stored.filter((o) => o.is_ioc)).toHaveLength(5);

    const again = await call<{ added: unknown[] }>(analyst, 'POST', `/api/incidents/${id}/observables/bulk`, { text });
    expect(again.body.added).toEqual([]);
    const flood = Array.from({ length: 6000 }, (_, n) => `10.${Math.floor(n / 250)}.${n % 250}.1`).join('\n');
    const refused = await call(analyst, 'POST', `/api/incidents/${id}/observables/bulk`, { text: flood });
    expect(refused.status).toBe(400);
    expect((await detail(id)).observables).toHaveLength(6);
    expect((await call(analyst, 'POST', `/api/incidents/999999999/observables/bulk`, { text: '1.2.3.4' })).status).toBe(404);
  });

  it('changes many incidents at once, all or none, naming each one that refuses', async () => {
    const a = await open({ title: 'Bulk A' });
    const b = await open({ title: 'Bulk B' });
    const assigned = await call(analyst, 'POST', '/api/incidents/bulk', { ids: [a, b], change: { managerId } });
    expect(assigned.status).toBe(204);
    expect((await detail(a)).incident.manager_id).toBe(managerId);
    expect((await detail(b)).incident.manager_id).toBe(managerId);

    // b moves on to containment, from where it may not close: the close of a is undone too.
    await call(analyst, 'PATCH', `/api/incidents/${b}`, { phase: 'containment' });
    const closing = await call<{ errors: Array<{ field: string; reason: string }> }>(analyst, 'POST', '/api/incidents/bulk', {
      ids: [a, b],
      change: { phase: 'closed' },
    });
    expect(closing.status).toBe(400);
    expect(JSON.stringify(closing.body)).toContain(`ids[1]`);
    expect(JSON.stringify(closing.body)).toContain(`incident #${b}`);
    const stillOpen = await get().db.selectFrom('incidents').select(['id', 'phase', 'closed_at']).where('id', 'in', [a, b]).execute();
    expect(stillOpen.map((r) => r.phase).sort()).toEqual(['containment', 'triage']);
    expect(stillOpen.every((r) => r.closed_at === null)).toBe(true);
    const timelineOfA = (await detail(a)).timeline.map((t) => t.summary);
    expect(timelineOfA.some((t) => t.includes('closed'))).toBe(false);

    expect((await call(analyst, 'POST', '/api/incidents/bulk', { ids: [a], change: { priority: 'high' } })).status).toBe(400);
    const raised = await call(analyst, 'POST', '/api/incidents/bulk', {
      ids: [a, b],
      change: { priority: 'high', priorityReason: 'one campaign' },
    });
    expect(raised.status).toBe(204);
    expect((await detail(b)).incident.priority).toBe('high');
    expect(
      (await call(analyst, 'POST', '/api/incidents/bulk', { ids: [a, '999999999'], change: { priority: 'low', priorityReason: 'x' } }))
        .status,
    ).toBe(400);
    expect((await detail(a)).incident.priority).toBe('high');
    const readOnly = await loginAs('read-only');
    expect((await call(readOnly, 'POST', '/api/incidents/bulk', { ids: [a], change: { managerId: null } })).status).toBe(403);
  });
  it('lists reports of every status by words, paged by a cursor that neither loses nor repeats one', async () => {
    const marker = `walrus${Date.now()}`;
    const ids: string[] = [];
    for (let n = 0; n < 5; n++)
      ids.push(
        (await call<{ id: string }>(analyst, 'POST', '/api/reports', { subject: `${marker} ${n}`, body: 'x', channel: 'phone' })).body.id,
      );
    await call(analyst, 'POST', '/api/incidents', { title: 'From two', reportIds: ids.slice(0, 2) });
    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const page = await call<Array<{ id: string; received_at: string; status: string }>>(
        analyst,
        'GET',
        `/api/reports?q=${marker}&limit=2${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`,
      );
      if (page.body.length === 0) break;
      seen.push(...page.body.map((r) => r.id));
      cursor = `${page.body.at(-1)!.received_at},${page.body.at(-1)!.id}`;
    }
    expect(seen.sort()).toEqual([...ids].sort());
    const handled = await call<Array<{ id: string }>>(analyst, 'GET', `/api/reports?q=${marker}&status=incident`);
    expect(handled.body.map((r) => r.id).sort()).toEqual(ids.slice(0, 2).sort());
    expect((await call(analyst, 'GET', '/api/reports?statuss=new')).status).toBe(400);
  });
  it('searches reports, incidents and notes in one order, page by page, best match or newest first', async () => {
    const word = `heron${Date.now()}`;
    type Hit = { kind: string; id: string; incidentId: string | null; rank: number; at: string };
    const expected: string[] = [];
    for (let n = 0; n < 3; n++) {
      // Repeating the word ranks a hit higher, so relevance and time disagree.
      const subject = Array.from({ length: n + 1 }, () => word).join(' ');
      const r = await call<{ id: string }>(analyst, 'POST', '/api/reports', { subject, body: 'x', channel: 'phone' });
      expected.push(`report:${r.body.id}`);
    }
    const incident = await open({ title: `Incident about the ${word}` });
    expected.push(`incident:${incident}`);
    const note = await call<{ id: string }>(analyst, 'POST', `/api/incidents/${incident}/notes`, {
      body: `The ${word} again`,
      tlp: 'AMBER',
    });
    expected.push(`note:${note.body.id}`);
    const walk = async (query: string) => {
      const hits: Hit[] = [];
      let after = '';
      for (;;) {
        const page = await call<{ hits: Hit[]; next: string | null }>(analyst, 'GET', `/api/search?q=${word}&limit=2${query}${after}`);
        expect(page.status).toBe(200);
        hits.push(...page.body.hits);
        if (!page.body.next) return hits;
        after = `&after=${page.body.next}`;
      }
    };
    const best = await walk('');
    expect(best.map((h) => `${h.kind}:${h.id}`).sort()).toEqual([...expected].sort());
    expect(best.map((h) => h.rank)).toEqual([...best.map((h) => h.rank)].sort((a, b) => b - a));
    const newest = await walk('&sort=newest');
    expect(newest.map((h) => `${h.kind}:${h.id}`)).toEqual([...expected].reverse());
    expect(best.map((h) => h.id)).not.toEqual(newest.map((h) => h.id));
    const notes = await walk('&kind=note');
    expect(notes).toEqual([expect.objectContaining({ kind: 'note', id: note.body.id, incidentId: incident })]);
    for (const bad of ['&after=!', `&after=${Buffer.from('["1","report","1"]').toString('base64url')}&sort=newest`, '&kind=task']) {
      const response = await call(analyst, 'GET', `/api/search?q=${word}${bad}`);
      expect(response.status, bad).toBe(400);
    }
  });

  it('pages newest first through hits that share their time, none skipped or repeated', async () => {
    const word = `plover${Date.now()}`;
    const at = new Date('2026-06-01T12:00:00Z');
    const made: string[] = [];
    for (let n = 0; n < 7; n++) {
      const r = await call<{ id: string }>(analyst, 'POST', '/api/reports', { subject: `${word} ${n}`, body: 'x', channel: 'phone' });
      made.push(r.body.id);
    }
    await get().db.updateTable('reports').set({ received_at: at }).where('id', 'in', made).execute();
    const seen: string[] = [];
    let after = '';
    for (;;) {
      const page = await call<{ hits: Array<{ id: string }>; next: string | null }>(
        analyst,
        'GET',
        `/api/search?q=${word}&sort=newest&limit=3${after}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.hits.map((h) => h.id));
      if (!page.body.next) break;
      after = `&after=${page.body.next}`;
    }
    expect([...seen].sort()).toEqual([...made].sort());
    expect(new Set(seen).size).toBe(made.length);
  });

  it('reads a common word down the time index: every hit newest first, and the newest thousand ranked', async () => {
    const word = `gannet${Date.now()}`;
    await sql`insert into reports (channel, subject, tlp, tlp_source, received_at, created_by)
      select 'phone', ${word} || ' ' || g, 'GREEN', 'default', now() - make_interval(mins => g), 'test'
      from generate_series(1, 1100) g`.execute(get().db);
    const walk = async (query: string) => {
      const hits: Array<{ id: string; at: string }> = [];
      let after = '';
      for (;;) {
        const page = await call<{ hits: Array<{ id: string; at: string }>; next: string | null }>(
          analyst,
          'GET',
          `/api/search?q=${word}&limit=200${query}${after}`,
        );
        expect(page.status).toBe(200);
        hits.push(...page.body.hits);
        if (!page.body.next) return hits;
        after = `&after=${page.body.next}`;
      }
    };
    const newest = await walk('&sort=newest');
    expect(new Set(newest.map((h) => h.id)).size).toBe(1100);
    const best = await walk('');
    expect(new Set(best.map((h) => h.id)).size).toBe(1000);
    // The hundred oldest are past the candidates: none of them is ranked.
    const oldestRanked = Math.min(...best.map((h) => Date.parse(h.at)));
    expect(oldestRanked).toBeGreaterThanOrEqual(Math.min(...newest.slice(0, 1000).map((h) => Date.parse(h.at))));
  });

  it('lists observables across incidents, found defanged, by kind, with where else each was seen, paged by a cursor', async () => {
    const host = `evil${Date.now()}.example`;
    const first = await open({ title: 'Observables one' });
    const second = await open({ title: 'Observables two' });
    for (const [incident, value] of [
      [first, host],
      [second, host],
      [second, '198.51.100.99'],
    ] as const)
      expect((await call(analyst, 'POST', `/api/incidents/${incident}/observables/bulk`, { text: value })).status).toBe(200);
    type Row = { incidentId: string; kind: string; value: string; seenInOtherIncidents: number; cursor: string };
    const found = await call<Row[]>(analyst, 'GET', `/api/observables?q=${encodeURIComponent(host.replace('.', '[.]'))}`);
    expect(found.body.map((r) => [r.incidentId, r.value, r.seenInOtherIncidents])).toEqual([
      [second, host, 1],
      [first, host, 1],
    ]);
    const seen: string[] = [];
    let before = '';
    for (;;) {
      const page = await call<Row[]>(analyst, 'GET', `/api/observables?limit=1${before}`);
      if (page.body.length === 0) break;
      seen.push(`${page.body[0]!.incidentId} ${page.body[0]!.value}`);
      before = `&before=${encodeURIComponent(page.body[0]!.cursor)}`;
    }
    expect(seen.slice(0, 3)).toEqual([`${second} 198.51.100.99`, `${second} ${host}`, `${first} ${host}`]);
    expect(new Set(seen).size).toBe(seen.length);
    const ips = await call<Row[]>(analyst, 'GET', `/api/observables?kind=ipv4&q=198.51.100`);
    expect(ips.body.map((r) => r.value)).toContain('198.51.100.99');
    expect(ips.body.every((r) => r.kind === 'ipv4')).toBe(true);
    expect((await call(analyst, 'GET', '/api/observables?before=yesterday')).status).toBe(400);
    const outsider = await loginAs('constituent', orgId);
    expect((await call(outsider, 'GET', '/api/observables')).status).toBe(403);
  });

  it('pages the outbox newest first by a cursor, and refuses a cursor that is not one', async () => {
    // An address Vakt does not know is the public: only TLP:CLEAR may go there.
    const incident = await open({ title: 'Mail to a partner', tlp: 'CLEAR' });
    const participant = (
      await call<{ id: string }>(analyst, 'POST', `/api/incidents/${incident}/participants`, {
        name: 'Partner SOC',
        email: 'soc@partner.example',
        role: 'constituent-staff',
      })
    ).body.id;
    const subjects = ['first', 'second', 'third'].map((n) => `outbox ${n} ${Date.now()}`);
    for (const subject of subjects) {
      const sent = await call(analyst, 'POST', `/api/incidents/${incident}/mail`, {
        participantIds: [participant],
        subject,
        text: 'Hello',
        tlp: 'CLEAR',
      });
      expect(sent.status).toBeLessThan(300);
    }
    const seen: string[] = [];
    let before = '';
    for (;;) {
      const page = await call<Array<{ subject: string; cursor: string }>>(manager, 'GET', `/api/outbox?limit=2${before}`);
      expect(page.status).toBe(200);
      if (page.body.length === 0) break;
      seen.push(...page.body.map((m) => m.subject));
      before = `&before=${encodeURIComponent(page.body.at(-1)!.cursor)}`;
    }
    // Incident mail carries the ticket tag before the subject.
    const ours = seen.flatMap((subject) => subjects.filter((s) => subject.endsWith(s)));
    expect(ours).toEqual([...subjects].reverse());
    expect(new Set(seen).size).toBe(seen.length);
    expect((await call(manager, 'GET', '/api/outbox?before=2026-01-01T00:00:00Z,12')).status).toBe(400);
  });

  it('lists tasks across incidents by owner, status and lateness, paged by a cursor', async () => {
    const a = await open({ title: 'Tasks A' });
    const b = await open({ title: 'Tasks B' });
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const mine = await call<{ id: string }>(analyst, 'POST', `/api/incidents/${a}/tasks`, {
      title: 'Late and mine',
      ownerId: analystId,
      dueAt: past,
    });
    await call(analyst, 'POST', `/api/incidents/${b}/tasks`, { title: 'Mine too', ownerId: analystId });
    await call(analyst, 'POST', `/api/incidents/${b}/tasks`, { title: 'Nobody has it' });
    const done = await call<{ id: string }>(analyst, 'POST', `/api/incidents/${a}/tasks`, { title: 'Finished', ownerId: analystId });
    await call(analyst, 'PATCH', `/api/tasks/${done.body.id}`, { status: 'done' });

    type Row = { id: string; title: string; overdue: boolean; incidentTitle: string; cursor: string };
    const titles = async (query: string) => (await call<Row[]>(analyst, 'GET', `/api/tasks?${query}`)).body.map((t) => t.title);
    expect(await titles('owner=me')).toEqual(expect.arrayContaining(['Late and mine', 'Mine too']));
    expect(await titles('owner=me')).not.toContain('Finished');
    expect(await titles('owner=me&status=done')).toContain('Finished');
    expect(await titles('owner=nobody')).toContain('Nobody has it');
    expect(await titles('owner=me&overdue=true')).toEqual(['Late and mine']);
    const late = (await call<Row[]>(analyst, 'GET', '/api/tasks?owner=me&overdue=true')).body[0]!;
    expect(late).toMatchObject({ id: mine.body.id, overdue: true, incidentTitle: 'Tasks A' });

    const all: string[] = [];
    let cursor = '';
    for (;;) {
      const page = (await call<Row[]>(analyst, 'GET', `/api/tasks?limit=2${cursor ? `&before=${encodeURIComponent(cursor)}` : ''}`)).body;
      if (page.length === 0) break;
      all.push(...page.map((t) => t.id));
      cursor = page.at(-1)!.cursor;
    }
    const open_ = await get().db.selectFrom('tasks').select('id').where('status', '=', 'open').execute();
    expect(all.sort()).toEqual(open_.map((t) => t.id).sort());
    expect((await call(analyst, 'GET', '/api/tasks?owner=someone')).status).toBe(400);

    // Soonest due first, those without a due time last, paged by the due order's own cursor.
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    await call(analyst, 'POST', `/api/incidents/${b}/tasks`, { title: 'Due soon', ownerId: analystId, dueAt: soon });
    type Due = Row & { dueAt: string | null };
    const byDue: Due[] = [];
    let after = '';
    for (;;) {
      const page = await call<Due[]>(analyst, 'GET', `/api/tasks?sort=due&limit=2${after ? `&after=${encodeURIComponent(after)}` : ''}`);
      expect(page.status).toBe(200);
      if (page.body.length === 0) break;
      byDue.push(...page.body);
      after = page.body.at(-1)!.cursor;
    }
    expect(byDue).toHaveLength(all.length + 1);
    const dues = byDue.map((t) => (t.dueAt ? Date.parse(t.dueAt) : Infinity));
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    expect(byDue.map((t) => t.title).indexOf('Late and mine')).toBeLessThan(byDue.map((t) => t.title).indexOf('Due soon'));
    expect((await call(analyst, 'GET', `/api/tasks?sort=due&before=${encodeURIComponent(cursor)}`)).status).toBe(400);
    expect((await call(analyst, 'GET', '/api/tasks?sort=due&after=soon,1')).status).toBe(400);
  });
});
