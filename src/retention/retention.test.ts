import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { useApp } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { mail, testSettings } from '../../test/helpers/mail.js';
import { verifyAudit } from '../audit/audit-log.js';
import { getBlob } from '../db/blobs.js';
import { loadDemoEarlyWarning } from '../demo/demo-constituency.js';
import { loadDemo } from '../demo/demo.js';
import { createOrganisation } from '../constituency/organisations.js';
import { addEvidence } from '../incidents/evidence.js';
import { createIncident } from '../incidents/incidents.js';
import { ingestMail, type IntakeOutcome } from '../intake/ingest.js';
import { retentionNightly } from '../jobs/maintenance-jobs.js';
import { getProfile, saveProfile } from '../profile/service.js';
import { purge, REMOVED } from './purge.js';
import { exportSubject } from './subject-export.js';

/** Two days on: everything audited so far is past the one-day audit period; the rest is not moved. */
const LATER = () => new Date(Date.now() + 2 * 86_400_000);
const YEAR = { rawMail: 30, reports: 365, feedEvents: 90, notifications: 365, auditDetail: 1, closedIncidents: 365 };
const ATTACHED = [
  'From: Olle Old <olle@old.example>',
  'To: cert@team.test',
  'Subject: Old phishing report',
  'Date: Mon, 16 Nov 2026 10:00:00 +0100',
  'Message-ID: <old-1@old.example>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b"',
  '',
  '--b',
  'Content-Type: text/plain',
  '',
  'See the attached screenshot. Call me on +46 70 123 45 67.',
  '--b',
  'Content-Type: image/png',
  'Content-Disposition: attachment; filename="shot.png"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('not really a png, but personal').toString('base64'),
  '--b--',
  '',
].join('\r\n');

describeEachEngine('retention and purge', (get) => {
  const report = async (raw: Buffer) =>
    ((await ingestMail(get().db, testSettings(), raw, 'test')) as Extract<IntakeOutcome, { kind: 'report' }>).reportId;
  const age = (table: string, column: string, where: string, days: number) =>
    sql.raw(`update ${table} set ${column} = ${column} - interval '${days} days' where ${where}`).execute(get().db);

  it('a dry run says what would go and changes nothing; the purge then removes or pseudonymises exactly that', async () => {
    const { db } = get();
    await loadDemo(db);
    await loadDemoEarlyWarning(db, testSettings());
    const oldReport = await report(Buffer.from(ATTACHED));
    const secondOld = await report(mail({ from: 'Olle Old <olle@old.example>', subject: 'Again' }));
    const waiting = await report(mail({ from: 'Wanda Waiting <wanda@wait.example>', subject: 'Still new' }));
    const fresh = await report(mail({ from: 'Frida Fresh <frida@fresh.example>', subject: 'Fresh' }));
    // The old ones were triaged long ago; one became an incident that is now closed.
    const incident = await createIncident(db, 'user:test', { title: 'Old phishing', reportIds: [oldReport] });
    await db
      .insertInto('incident_participants')
      .values({ incident_id: incident.id, name: 'Olle Old', email: 'olle@old.example', role: 'third-party' })
      .execute();
    await db.updateTable('reports').set({ status: 'not-incident' }).where('id', '=', secondOld).execute();
    await db
      .updateTable('incidents')
      .set({ phase: 'closed', closed_at: new Date(Date.now() - 400 * 86_400_000) })
      .where('id', '=', incident.id)
      .execute();
    for (const id of [oldReport, secondOld, waiting]) {
      await age('reports', 'received_at', `id = ${id}`, 400);
      await age('messages', 'created_at', `report_id = ${id}`, 400);
      await age('attachments', 'created_at', `report_id = ${id}`, 400);
    }
    await age('events', 'created_at', 'true', 100);
    await age('notifications', 'created_at', 'true', 400);
    const oldRaw = await db.selectFrom('messages').select('raw_sha256').where('report_id', '=', oldReport).executeTakeFirstOrThrow();
    const before = await exportSubject(db, 'OLLE@old.example');
    expect(before.counts).toMatchObject({ reports: 2, participations: 1 });
    expect(before.messages.length).toBeGreaterThanOrEqual(2);

    const plan = await purge(db, YEAR, { actor: 'cli:test', dryRun: true, now: LATER() });
    const due = Object.fromEntries(plan.kinds.map((k) => [k.kind, k.due]));
    expect(due.reports).toBe(2);
    expect(due.closedIncidents).toBe(1);
    expect(due.feedEvents).toBeGreaterThan(0);
    expect(due.rawMail).toBeGreaterThanOrEqual(4); // three old raw mails and the screenshot
    expect(plan.kinds.find((k) => k.kind === 'reports')?.kept).toEqual({
      count: 1,
      reason: 'still waiting in triage: decide on them first',
    });
    expect(await db.selectFrom('reports').select('reporter_email').where('id', '=', oldReport).executeTakeFirstOrThrow()).toEqual({
      reporter_email: 'olle@old.example',
    });

    const done = await purge(db, YEAR, { actor: 'cli:test', now: LATER() });
    expect(Object.fromEntries(done.kinds.map((k) => [k.kind, k.done]))).toMatchObject({
      reports: 2,
      closedIncidents: 1,
      feedEvents: due.feedEvents,
    });

    // Reports: one pseudonym per reporter, text gone; the one still in triage and the fresh one untouched.
    const rows = await db.selectFrom('reports').select(['id', 'reporter_email', 'reporter_name', 'body']).orderBy('id').execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const pseudonym = byId.get(oldReport)!.reporter_email!;
    expect(pseudonym).toMatch(/^p-[0-9a-f]{20}@pseudonymised\.invalid$/);
    expect(byId.get(secondOld)).toMatchObject({ reporter_email: pseudonym, reporter_name: '', body: REMOVED });
    expect(byId.get(waiting)?.reporter_email).toBe('wanda@wait.example');
    expect(byId.get(fresh)?.reporter_email).toBe('frida@fresh.example');
    // Raw mail and the attachment's content are gone, the blob with them; the metadata stays.
    expect(await getBlob(db, oldRaw.raw_sha256!)).toBeUndefined();
    const shot = await db
      .selectFrom('attachments')
      .select(['filename', 'stored', 'sha256'])
      .where('report_id', '=', oldReport)
      .executeTakeFirstOrThrow();
    expect(shot).toMatchObject({ filename: 'shot.png', stored: false });
    expect(await getBlob(db, shot.sha256)).toBeUndefined();
    expect(await db.selectFrom('messages').select('raw_sha256').where('report_id', '=', fresh).executeTakeFirstOrThrow()).not.toEqual({
      raw_sha256: null,
    });
    // Events gone, notifications keep their counts under pseudonyms.
    expect(
      await db
        .selectFrom('events')
        .select('id')
        .where('created_at', '<', new Date(Date.now() - 90 * 86_400_000))
        .execute(),
    ).toEqual([]);
    const notifications = await db.selectFrom('notifications').select(['recipients', 'event_count']).execute();
    for (const n of notifications) for (const r of n.recipients) expect(r).toMatch(/@pseudonymised\.invalid$/);
    // Audit: the old entries' detail is gone, the chain still verifies, and the purge itself is recorded.
    const kept = await db.selectFrom('audit_log').select('action').where('purged_at', 'is', null).execute();
    expect(kept.every((e) => e.action === 'retention.purge')).toBe(true);
    expect(await db.selectFrom('audit_log').select(['before', 'after']).where('seq', '=', '1').executeTakeFirstOrThrow()).toEqual({
      before: null,
      after: null,
    });
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
    expect(await db.selectFrom('audit_log').select('object_id').where('action', '=', 'retention.purge').orderBy('seq').execute()).toEqual(
      ['rawMail', 'reports', 'feedEvents', 'notifications', 'auditDetail', 'closedIncidents'].map((object_id) => ({ object_id })),
    );

    // Nothing about the address is left to export.
    const after = await exportSubject(db, 'olle@old.example');
    expect(after.counts).toEqual({
      users: 0,
      contacts: 0,
      reports: 0,
      messages: 0,
      participations: 0,
      notifications: 0,
      auditEntries: 0,
      mentions: 0,
    });
    // A second run finds nothing more to do (but the audit entries the first run wrote, two days "before" LATER).
    const again = await purge(db, YEAR, { actor: 'cli:test', dryRun: true, now: LATER() });
    expect(again.kinds.filter((k) => !['rawMail', 'auditDetail'].includes(k.kind)).map((k) => k.due)).toEqual([0, 0, 0, 0]);
  });

  it("a closed incident's own writing, e-mail observables and debrief lose every address but the team's; evidence files go, with a custody entry", async () => {
    const { db } = get();
    await loadDemo(db);
    const own = (await getProfile(db))!.profile.email.address;
    const incident = await createIncident(db, 'user:test', { title: 'Leak reported by olle@old.example' });
    const id = incident.id;
    const said = `Olle (olle@old.example) wrote to ${own}; Kim <kim@victim.example> too.`;
    await db
      .updateTable('incidents')
      .set({ description: said, affected_constituents: 'olle@old.example lost data' })
      .where('id', '=', id)
      .execute();
    await db.insertInto('incident_notes').values({ incident_id: id, tlp: 'AMBER', body: said, created_by: 'user:test' }).execute();
    await db.insertInto('tasks').values({ incident_id: id, tlp: 'AMBER', title: 'Call olle@old.example', description: said }).execute();
    await db
      .insertInto('timeline_events')
      .values({ incident_id: id, tlp: 'AMBER', occurred_at: new Date(), kind: 'note', summary: said, created_by: 'user:test' })
      .execute();
    await db.insertInto('observables').values({ incident_id: id, tlp: 'AMBER', kind: 'email', value: 'olle@old.example' }).execute();
    await db
      .insertInto('countermeasures')
      .values({ incident_id: id, tlp: 'AMBER', kind: 'block', target: '192.0.2.1', notify_on_removal: ['olle@old.example'] })
      .execute();
    await db
      .insertInto('debriefs')
      .values({ incident_id: id, content: JSON.stringify({ summary: said }), updated_at: new Date() })
      .execute();
    const evidenceId = await addEvidence(db, 'user:test', id, {
      item: 'Mailbox export',
      description: 'From olle@old.example',
      content: Buffer.from('personal mail of olle@old.example'),
      collectedBy: 'Analyst',
      collectedAt: new Date(),
      location: 'Vakt',
    });
    const blob = (await db.selectFrom('evidence').select('blob_sha256').where('id', '=', evidenceId).executeTakeFirstOrThrow())
      .blob_sha256!;
    await db
      .updateTable('incidents')
      .set({ phase: 'closed', closed_at: new Date(Date.now() - 400 * 86_400_000) })
      .where('id', '=', id)
      .execute();

    await purge(db, { closedIncidents: 365 }, { actor: 'cli:test' });

    const texts = [
      await db
        .selectFrom('incidents')
        .select(['title', 'description', 'affected_constituents'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
      await db.selectFrom('incident_notes').select('body').where('incident_id', '=', id).executeTakeFirstOrThrow(),
      await db.selectFrom('tasks').select(['title', 'description']).where('incident_id', '=', id).executeTakeFirstOrThrow(),
      await db
        .selectFrom('timeline_events')
        .select('summary')
        .where('incident_id', '=', id)
        .where('kind', '=', 'note')
        .executeTakeFirstOrThrow(),
      await db.selectFrom('observables').select('value').where('incident_id', '=', id).executeTakeFirstOrThrow(),
      await db.selectFrom('countermeasures').select('notify_on_removal').where('incident_id', '=', id).executeTakeFirstOrThrow(),
      await db.selectFrom('debriefs').select('content').where('incident_id', '=', id).executeTakeFirstOrThrow(),
      await db
        .selectFrom('evidence')
        .select(['description', 'blob_sha256', 'sha256'])
        .where('id', '=', evidenceId)
        .executeTakeFirstOrThrow(),
    ];
    const all = JSON.stringify(texts);
    expect(all).not.toContain('olle@old.example');
    expect(all).not.toContain('kim@victim.example');
    expect(all).toMatch(/p-[0-9a-f]{20}@pseudonymised\.invalid/);
    // The team's own address stays; the sentence around the addresses stays.
    expect((texts[1] as { body: string }).body).toMatch(
      new RegExp(`^Olle \\(p-[0-9a-f]{20}@pseudonymised\\.invalid\\) wrote to ${own.replace('.', '\\.')}; Kim <p-`),
    );
    // The evidence keeps its hash but not its file; the custody log says when and why it went.
    expect(texts[7]).toMatchObject({ blob_sha256: null, sha256: blob });
    expect(await getBlob(db, blob)).toBeUndefined();
    const custody = await db
      .selectFrom('custody_entries')
      .select(['action', 'note'])
      .where('evidence_id', '=', evidenceId)
      .orderBy('at')
      .execute();
    expect(custody.map((c) => c.action)).toEqual(['collected', 'destroyed']);
    expect(custody[1]!.note).toMatch(/retention policy/);
  });

  it('runs nightly from the policy in the team profile, which refuses a period that is no whole number of days', async () => {
    const { db } = get();
    const stored = (await getProfile(db))!;
    await expect(saveProfile(db, 'cli:test', { ...stored.profile, retention: { feedEvents: 0 } })).rejects.toThrow(/retention/);
    await saveProfile(db, 'cli:test', { ...stored.profile, retention: { feedEvents: 1 } });
    await db
      .insertInto('events')
      .values({ time: new Date(), rsit_class: 'test', rsit_type: 'test', tlp: 'CLEAR', dedup_key: 1, dedup_bucket: 1, raw: 'x' })
      .execute();
    await age('events', 'created_at', 'true', 2);
    await retentionNightly.handle({}, { database: get(), jobId: 'test' });
    expect(await db.selectFrom('events').select('id').execute()).toEqual([]);
    expect(
      await db
        .selectFrom('audit_log')
        .select(['actor', 'object_id'])
        .where('action', '=', 'retention.purge')
        .orderBy('seq', 'desc')
        .limit(1)
        .execute(),
    ).toEqual([{ actor: 'system:retention', object_id: 'feedEvents' }]);
  });

  it('a kind the policy leaves out is kept whatever its age', async () => {
    const { db } = get();
    const plan = await purge(db, {}, { actor: 'cli:test', dryRun: true });
    expect(plan.kinds.every((k) => k.cutoff === null && k.due === 0)).toBe(true);
  });
});

describeEachEngine('retention over the API', (get) => {
  const { loginAs } = useApp(get);

  it('shows administrators the policy and a dry run, purges on request, and refuses everyone else', async () => {
    const { db } = get();
    const stored = await getProfile(db);
    if (stored) await saveProfile(db, 'cli:test', { ...stored.profile, retention: { feedEvents: 30 } });
    const admin = await loginAs('admin');
    const plan = await admin.request({ method: 'GET', url: '/api/retention' });
    expect(plan.statusCode).toBe(200);
    const body = plan.json<{ policy: object; plan: { dryRun: boolean; kinds: Array<{ kind: string; cutoff: string | null }> } }>();
    expect(body.policy).toEqual(stored ? { feedEvents: 30 } : {});
    expect(body.plan.dryRun).toBe(true);
    expect(body.plan.kinds.map((k) => k.kind)).toEqual([
      'rawMail',
      'reports',
      'feedEvents',
      'notifications',
      'auditDetail',
      'closedIncidents',
    ]);
    const done = await admin.request({ method: 'POST', url: '/api/retention/purge' });
    expect(done.statusCode).toBe(200);
    expect(done.json<{ dryRun: boolean }>().dryRun).toBe(false);
    const org = await createOrganisation(db, 'test', { name: 'Kommun' });
    for (const role of ['incident-manager', 'analyst', 'read-only', 'constituent'] as const) {
      const other = await loginAs(role, role === 'constituent' ? org.id : undefined);
      expect((await other.request({ method: 'GET', url: '/api/retention' })).statusCode).toBe(403);
      expect((await other.request({ method: 'POST', url: '/api/retention/purge' })).statusCode).toBe(403);
    }
  });
});
