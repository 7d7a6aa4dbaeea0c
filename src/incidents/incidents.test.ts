import { execFileSync } from 'node:child_process';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { BusinessClock } from '../core/business-hours.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { makeKey, type TestKey } from '../../test/helpers/pgp.js';
import { sha256Hex } from '../db/blobs.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { saveProfile } from '../profile/service.js';
import { createReport } from '../intake/reports.js';
import { storePublicKey } from '../mail/keys.js';
import { createOrganisation } from '../constituency/organisations.js';
import { createUser } from '../auth/users.js';
import { addCustodyEntry, addEvidence, custodyCsv } from './evidence.js';
import { createIncident, splitIncident, updateIncident } from './incidents.js';
import { addCountermeasure, addObservable, addParticipant, advanceCountermeasure, addTask, addTimelineEvent, shareItem } from './items.js';
import { sendIncidentMail } from './mail.js';
import { search, seenElsewhere, triageCandidates } from './search.js';
import { kpis } from './kpis.js';
import { slaOf, type SlaPolicy } from './sla.js';
import { attachReportToIncident, listOperations, markNotIncident, mergeIncidents, mergeReports, undoOperation } from './triage.js';
import { getDebrief, debriefFor, renderDebriefHtml, renderDebriefPdf, reopenDebrief, saveDebrief } from './debrief.js';

const ACTOR = 'system:test';
const OFFICE = new BusinessClock({
  timeZone: 'Europe/Stockholm',
  hours: {
    monday: [{ start: '08:00', end: '16:00' }],
    tuesday: [{ start: '08:00', end: '16:00' }],
    wednesday: [{ start: '08:00', end: '16:00' }],
    thursday: [{ start: '08:00', end: '16:00' }],
    friday: [{ start: '08:00', end: '16:00' }],
    saturday: [],
    sunday: [],
  },
  holidays: { country: 'SE', closedOn: ['public', 'bank'] },
});

let team: TestKey;
let partner: TestKey;
beforeAll(async () => {
  [team, partner] = await Promise.all([makeKey('CERT', 'cert@team.test'), makeKey('Partner', 'soc@partner.test')]);
});

describeEachEngine('incidents', (get) => {
  // The city is in the constituency: its staff are the team's clients, found by their address.
  beforeAll(async () => {
    await createOrganisation(get().db, ACTOR, {
      name: 'City of Testing',
      tlpClearance: 'AMBER',
      contacts: ['karin@city.test', 'k@city.test', 'noc@city.test'].map((email) => ({ role: 'security', email })),
    });
  });
  const report = (subject: string, body = '', extra: { reporterEmail?: string; tlp?: 'GREEN' | 'AMBER' | 'RED' } = {}) =>
    createReport(
      get().db,
      ACTOR,
      {
        channel: 'api',
        subject,
        body,
        reporterEmail: extra.reporterEmail ?? 'rita@reporter.test',
        ...(extra.tlp ? { tlp: extra.tlp } : {}),
      },
      'AMBER+STRICT',
    );

  it('opens an incident from reports: they leave the queue, the TLP is the strictest of theirs, the clock starts at the first report', async () => {
    const { db } = get();
    const a = await report('Phishing wave 1', 'hxxp://bank-login[.]example', { tlp: 'GREEN' });
    const b = await report('Phishing wave 2', '', { tlp: 'AMBER' });
    const { id, operationId } = await createIncident(db, ACTOR, {
      title: 'Phishing against the bank',
      reportIds: [a, b],
      rsitClass: 'fraud',
      rsitType: 'phishing',
    });
    const incident = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const first = await db.selectFrom('reports').select('received_at').where('id', '=', a).executeTakeFirstOrThrow();
    expect(incident).toMatchObject({ tlp: 'AMBER', priority: 'normal', phase: 'triage', rsit_class: 'fraud' });
    expect(new Date(incident.opened_at).getTime()).toBe(new Date(first.received_at).getTime());
    const reports = await db.selectFrom('reports').select(['status', 'incident_id']).where('id', 'in', [a, b]).execute();
    expect(reports).toEqual([
      { status: 'incident', incident_id: id },
      { status: 'incident', incident_id: id },
    ]);
    expect(operationId).toBeTruthy();
    await expect(createIncident(db, ACTOR, { title: 'x', rsitClass: 'fraud', rsitType: 'ransomware' })).rejects.toThrow(
      /not a type of fraud/,
    );
  });

  it('merges duplicate reports and undoes it; an undo is refused when later decisions touched the same rows', async () => {
    const { db } = get();
    const original = await report('Scan from 203.0.113.5');
    const dup1 = await report('Scan from 203.0.113.5 again');
    const dup2 = await report('Scan report (third)');
    const op = await mergeReports(db, ACTOR, [dup1, dup2], original);
    expect(await db.selectFrom('reports').select(['status', 'merged_into_id']).where('id', 'in', [dup1, dup2]).execute()).toEqual([
      { status: 'merged', merged_into_id: original },
      { status: 'merged', merged_into_id: original },
    ]);
    await undoOperation(db, ACTOR, op);
    expect(
      (await db.selectFrom('reports').select(['status', 'merged_into_id']).where('id', 'in', [dup1, dup2]).execute()).every(
        (r) => r.status === 'new' && r.merged_into_id === null,
      ),
    ).toBe(true);
    await expect(undoOperation(db, ACTOR, op)).rejects.toThrow(/already been undone/);

    const notOp = await markNotIncident(db, ACTOR, dup1, 'a scanner we run ourselves');
    const { id } = await createIncident(db, ACTOR, { title: 'Scanning', reportIds: [original] });
    const attach = await attachReportToIncident(db, ACTOR, dup2, id);
    await undoOperation(db, ACTOR, notOp);
    expect((await db.selectFrom('reports').select('status').where('id', '=', dup1).executeTakeFirstOrThrow()).status).toBe('new');
    // dup2 moved on: merging it now and then undoing the attach must be refused.
    const other = await createIncident(db, ACTOR, { title: 'Other' });
    await mergeIncidents(db, ACTOR, id, other.id);
    await expect(undoOperation(db, ACTOR, attach)).rejects.toThrow(/changed since/);
    expect((await listOperations(db, { reportId: dup2 })).map((o) => o.kind)).toEqual([
      'merge-incidents',
      'attach-report',
      'merge-reports',
    ]);
  });

  it('merges incidents without copying anything, splits one, and undoes both', async () => {
    const { db } = get();
    const [r1, r2, r3] = [await report('A1'), await report('A2'), await report('B1')];
    const a = await createIncident(db, ACTOR, { title: 'A', reportIds: [r1, r2] });
    const b = await createIncident(db, ACTOR, { title: 'B', reportIds: [r3] });
    await addObservable(db, ACTOR, a.id, { kind: 'ipv4', value: '198.51.100.1' });
    const merge = await mergeIncidents(db, ACTOR, b.id, a.id);
    expect((await db.selectFrom('reports').select('incident_id').where('id', '=', r3).executeTakeFirstOrThrow()).incident_id).toBe(a.id);
    expect(await db.selectFrom('observables').select('id').where('value', '=', '198.51.100.1').execute()).toHaveLength(1);
    await undoOperation(db, ACTOR, merge);
    expect((await db.selectFrom('reports').select('incident_id').where('id', '=', r3).executeTakeFirstOrThrow()).incident_id).toBe(b.id);
    expect(
      (await db.selectFrom('incidents').select('merged_into_id').where('id', '=', b.id).executeTakeFirstOrThrow()).merged_into_id,
    ).toBeNull();

    const split = await splitIncident(db, ACTOR, a.id, [r2], 'A, second matter');
    expect((await db.selectFrom('reports').select('incident_id').where('id', '=', r2).executeTakeFirstOrThrow()).incident_id).toBe(
      split.id,
    );
    await expect(splitIncident(db, ACTOR, a.id, [r3], 'wrong')).rejects.toThrow(/must belong to incident/);
    await undoOperation(db, ACTOR, split.operationId);
    expect((await db.selectFrom('reports').select('incident_id').where('id', '=', r2).executeTakeFirstOrThrow()).incident_id).toBe(a.id);
    expect(
      await db.selectFrom('incidents').select(['merged_into_id', 'phase']).where('id', '=', split.id).executeTakeFirstOrThrow(),
    ).toEqual({ merged_into_id: a.id, phase: 'rejected' });
  });

  it('priority changes need a reason and are audited; phases follow the lifecycle and stamp the milestones', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'Ransomware at the school', requestedPriority: 'critical' });
    await expect(updateIncident(db, ACTOR, id, { priority: 'high' })).rejects.toThrow(/needs a reason/);
    let version = await updateIncident(db, ACTOR, id, { priority: 'high', priorityReason: 'one school, backups intact' }, 1);
    await expect(updateIncident(db, ACTOR, id, { title: 'stale' }, 1)).rejects.toThrow(/changed since you loaded it/);
    const audit = await db
      .selectFrom('audit_log')
      .select(['after'])
      .where('action', '=', 'incident.update')
      .where('object_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain('one school, backups intact');
    await expect(updateIncident(db, ACTOR, id, { phase: 'recovery' })).rejects.toThrow(/can move to containment, rejected, closed/);
    await expect(updateIncident(db, ACTOR, id, { attackTechniques: ['T1486', 'T9999'] })).rejects.toThrow(/T9999 is not an ATT&CK/);
    await expect(updateIncident(db, ACTOR, id, { attackTechniques: ['T1002'] })).rejects.toThrow(/deprecated or revoked/);
    for (const phase of ['containment', 'eradication', 'recovery', 'lessons-learned'] as const)
      version = await updateIncident(db, ACTOR, id, { phase }, version);
    await updateIncident(
      db,
      ACTOR,
      id,
      { attackTechniques: ['t1486', 'T1566.001'], initialVector: 'phishing mail', patientZero: 'ws-114' },
      version,
    );
    const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      phase: 'lessons-learned',
      priority: 'high',
      requested_priority: 'critical',
      attack_techniques: ['T1486', 'T1566.001'],
      patient_zero: 'ws-114',
    });
    expect(row.contained_at).not.toBeNull();
    expect(row.resolved_at).not.toBeNull();
    expect(row.closed_at).toBeNull();
  });

  it('closing straight from triage stamps only the close: no invented containment or resolution, and the resolve clock stops', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'A scan that turned out to be ours' });
    await updateIncident(db, ACTOR, id, { phase: 'closed' }, 1);
    const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.closed_at).not.toBeNull();
    expect(row.contained_at).toBeNull();
    expect(row.resolved_at).toBeNull();
    const policies: SlaPolicy[] = [{ priority: 'normal', acknowledgeMinutes: 60, triageMinutes: 240, resolveMinutes: 60 }];
    const later = new Date(new Date(row.closed_at!).getTime() + 30 * 24 * 3600_000);
    expect(slaOf(OFFICE, policies, row, later).resolve).toMatchObject({ doneAt: new Date(row.closed_at!).toISOString() });
  });

  it('undoing an opening with work on the incident is refused with what was done; without work the incident is rejected and says why', async () => {
    const { db } = get();
    const worked = await report('Worked on');
    const opened = await createIncident(db, ACTOR, { title: 'Worked on', reportIds: [worked] });
    await addTask(db, ACTOR, opened.id, { title: 'Call the hoster' }, OFFICE);
    await addObservable(db, ACTOR, opened.id, { kind: 'ipv4', value: '198.51.100.9' });
    await expect(undoOperation(db, ACTOR, opened.operationId!)).rejects.toThrow(
      new RegExp(`incident #${opened.id} has work on it \\(1 task, 1 observable\\);`),
    );
    expect((await db.selectFrom('reports').select('incident_id').where('id', '=', worked).executeTakeFirstOrThrow()).incident_id).toBe(
      opened.id,
    );

    const idle = await report('Opened by mistake');
    const mistake = await createIncident(db, ACTOR, { title: 'Opened by mistake', reportIds: [idle] });
    await undoOperation(db, ACTOR, mistake.operationId!);
    const back = await db.selectFrom('reports').select(['incident_id', 'status']).where('id', '=', idle).executeTakeFirstOrThrow();
    expect(back).toEqual({ incident_id: null, status: 'new' });
    const incident = await db.selectFrom('incidents').select(['phase', 'closed_at']).where('id', '=', mistake.id).executeTakeFirstOrThrow();
    expect(incident.phase).toBe('rejected');
    expect(incident.closed_at).not.toBeNull();
    const entries = await db.selectFrom('timeline_events').select('summary').where('incident_id', '=', mistake.id).execute();
    expect(entries.map((e) => e.summary)).toContain(`Opening undone: report #${idle} back in triage; this incident is rejected`);
  });

  it('countermeasures follow their lifecycle; removal mails those who asked', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'C2 traffic', tlp: 'GREEN' });
    const cm = await addCountermeasure(db, ACTOR, id, {
      kind: 'firewall block',
      target: '203.0.113.66',
      notifyOnRemoval: ['noc@city.test'],
    });
    const sender = { from: 'cert@team.test', teamKey: team.teamKey };
    await expect(advanceCountermeasure(db, ACTOR, cm, 'removed', sender, '[T #1]')).rejects.toThrow(/can only move to active/);
    for (const state of ['active', 'pending-removal', 'removed'] as const)
      await advanceCountermeasure(db, ACTOR, cm, state, sender, `[T #${id}]`);
    const mail = await db
      .selectFrom('messages')
      .selectAll()
      .where('incident_id', '=', id)
      .where('direction', '=', 'out')
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      to_addresses: ['noc@city.test'],
      delivery_status: 'queued',
      subject: `[T #${id}] Countermeasure removed: firewall block on 203.0.113.66`,
    });
  });

  it('a removal notice goes through the TLP gate: a RED notice to an outside address is not sent, and the analyst is told', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'Sinkhole', tlp: 'RED' });
    const cm = await addCountermeasure(db, ACTOR, id, {
      kind: 'sinkhole',
      target: 'evil.example',
      notifyOnRemoval: ['someone@outside.test', 'noc@city.test'],
    });
    const sender = { from: 'cert@team.test', teamKey: team.teamKey };
    for (const state of ['active', 'pending-removal'] as const) await advanceCountermeasure(db, ACTOR, cm, state, sender, `[T #${id}]`);
    const notices = await advanceCountermeasure(db, ACTOR, cm, 'removed', sender, `[T #${id}]`);
    expect(notices).toEqual([
      {
        to: 'someone@outside.test',
        status: 'suppressed',
        reason: expect.stringMatching(
          /^TLP refuses: address:someone@outside.test may not receive countermeasure .* \(TLP:RED\): TLP:RED is for the named individual recipients only; recipient is public/,
        ),
      },
      { to: 'noc@city.test', status: 'suppressed', reason: expect.stringMatching(/recipient is client/) },
    ]);
    const sent = await db
      .selectFrom('messages')
      .select('delivery_status')
      .where('incident_id', '=', id)
      .where('direction', '=', 'out')
      .execute();
    expect(sent.map((m) => m.delivery_status)).toEqual(['suppressed', 'suppressed']);
    const timeline = await db
      .selectFrom('timeline_events')
      .select('summary')
      .where('incident_id', '=', id)
      .where('kind', '=', 'mail-out')
      .execute();
    expect(timeline.map((t) => t.summary)).toEqual([
      expect.stringContaining('Removal notice to someone@outside.test not sent'),
      expect.stringContaining('Removal notice to noc@city.test not sent'),
    ]);
    const record = await db
      .selectFrom('egress_decisions')
      .selectAll()
      .where('channel', '=', 'mail:countermeasure-removal')
      .where('item_id', '=', cm)
      .execute();
    expect(record.map((r) => [r.recipient, r.allowed])).toEqual([
      ['address:someone@outside.test', false],
      ['address:noc@city.test', false],
    ]);
  });

  it('evidence: hash checked, custody append-only (the database refuses changes), exported as CSV safe for spreadsheets', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'Laptop seized' });
    const content = Buffer.from('disk image bytes');
    const evidence = await addEvidence(db, ACTOR, id, {
      item: 'Laptop HD (ws-114)',
      content,
      collectedBy: 'Anders',
      collectedAt: new Date('2026-11-16T09:00:00Z'),
      location: 'Evidence safe 2',
    });
    await expect(
      addEvidence(db, ACTOR, id, { item: 'x', sha256: 'abc', collectedBy: 'a', collectedAt: new Date(), location: 'l' }),
    ).rejects.toThrow(/64 hexadecimal/);
    await expect(addCustodyEntry(db, ACTOR, evidence, { at: new Date(), action: 'transferred', fromPerson: 'Anders' })).rejects.toThrow(
      /names who handed over and who received/,
    );
    await addCustodyEntry(db, ACTOR, evidence, {
      at: new Date('2026-11-16T12:00:00Z'),
      action: 'transferred',
      fromPerson: 'Anders',
      toPerson: '=HYPERLINK("x")',
      location: 'Lab',
    });
    await expect(sql`update custody_entries set note = 'changed'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from custody_entries`.execute(db)).rejects.toThrow(/append-only/);
    const csv = await custodyCsv(db, evidence);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',collected,');
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[1]).toContain(sha256Hex(content));
  });

  it('incident mail: the TLP core refuses a recipient who may not receive it; encryption is required for AMBER+STRICT; the subject carries the tag', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'Data leak', tlp: 'AMBER' });
    const staff = await addParticipant(db, ACTOR, id, { name: 'Karin', email: 'karin@city.test', role: 'constituent-staff' });
    const third = await addParticipant(db, ACTOR, id, { name: 'Partner SOC', email: 'soc@partner.test', role: 'third-party' });
    const sender = { from: 'cert@team.test', teamKey: team.teamKey };
    await expect(
      sendIncidentMail(db, sender, 'CERT-T', ACTOR, id, { participantIds: [staff, third], subject: 'Update', text: 'details' }),
    ).resolves.toMatchObject({
      status: 'suppressed',
      reason: expect.stringMatching(
        /TLP refuses: participant:.* may not receive incident .*TLP:AMBER is limited to the organisation and its clients/,
      ),
    });
    // The refused mail is kept as suppressed, and nothing else happened.
    expect(await db.selectFrom('messages').select('delivery_status').where('incident_id', '=', id).execute()).toEqual([
      { delivery_status: 'suppressed' },
    ]);
    expect(
      (await db.selectFrom('incidents').select('acknowledged_at').where('id', '=', id).executeTakeFirstOrThrow()).acknowledged_at,
    ).toBeNull();
    const ok = await sendIncidentMail(db, sender, 'CERT-T', ACTOR, id, {
      participantIds: [staff],
      subject: 'Update',
      text: 'Block 203.0.113.66',
    });
    const mail = await db.selectFrom('messages').selectAll().where('id', '=', ok.id).executeTakeFirstOrThrow();
    expect(mail).toMatchObject({
      subject: `[CERT-T #${id}] Update`,
      delivery_status: 'queued',
      pgp_signature: 'signed',
      pgp_encryption: 'none',
    });
    expect(mail.body_text.startsWith('TLP:AMBER')).toBe(true);
    expect(
      (await db.selectFrom('incidents').select('acknowledged_at').where('id', '=', id).executeTakeFirstOrThrow()).acknowledged_at,
    ).not.toBeNull();
    await sendIncidentMail(db, sender, 'CERT-T', ACTOR, id, {
      participantIds: [third],
      subject: 'Public IoCs',
      text: 'IoC list',
      tlp: 'GREEN',
    });

    const strict = await createIncident(db, ACTOR, { title: 'Insider', tlp: 'AMBER+STRICT' });
    await expect(
      addParticipant(db, ACTOR, strict.id, { name: 'Partner analyst', email: 'soc@partner.test', role: 'team-member' }),
    ).rejects.toThrow(/a team member is added by their user account/);
    const analyst = await createUser(db, ACTOR, {
      email: 'soc@partner.test',
      name: 'Seconded analyst',
      role: 'analyst',
      password: 'a long enough password',
    });
    const member = await addParticipant(db, ACTOR, strict.id, { userId: analyst.id, role: 'team-member' });
    await expect(
      sendIncidentMail(db, sender, 'CERT-T', ACTOR, strict.id, { participantIds: [member], subject: 'x', text: 'y' }),
    ).resolves.toMatchObject({
      status: 'suppressed',
      reason: expect.stringMatching(/encryption is required and there is no key for soc@partner.test/),
    });
    await storePublicKey(db, ACTOR, partner.armoredPublic);
    const encrypted = await sendIncidentMail(db, sender, 'CERT-T', ACTOR, strict.id, { participantIds: [member], subject: 'x', text: 'y' });
    expect(
      (await db.selectFrom('messages').select('pgp_encryption').where('id', '=', encrypted.id).executeTakeFirstOrThrow()).pgp_encryption,
    ).toBe('encrypted');
  });

  it('shares only what the TLP core admits: RED and AMBER+STRICT items never reach constituent staff', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'Shared work', tlp: 'AMBER' });
    const staff = await addParticipant(db, ACTOR, id, { name: 'Karin', email: 'k@city.test', role: 'constituent-staff' });
    const amber = await addTask(db, ACTOR, id, { title: 'Reset passwords' }, OFFICE);
    const red = await addTask(db, ACTOR, id, { title: 'Informant details', tlp: 'RED' }, OFFICE);
    await shareItem(db, ACTOR, id, 'task', amber, staff);
    await expect(shareItem(db, ACTOR, id, 'task', red, staff)).rejects.toThrow(/TLP refuses: TLP:RED/);
  });

  it('tasks fall due in working time: 120 working minutes from Friday 15:00 is Monday 09:00', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'Tasks' });
    const friday = new Date('2026-11-20T14:00:00Z'); // 15:00 in Stockholm
    expect(OFFICE.addWorkingMinutes(friday, 120).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    const before = new Date();
    const task = await addTask(db, ACTOR, id, { title: 'Call the ISP', dueInWorkingMinutes: 60 }, OFFICE);
    const after = new Date();
    const due = (await db.selectFrom('tasks').select('due_at').where('id', '=', task).executeTakeFirstOrThrow()).due_at!;
    expect(new Date(due).getTime()).toBeGreaterThanOrEqual(OFFICE.addWorkingMinutes(before, 60).getTime());
    expect(new Date(due).getTime()).toBeLessThanOrEqual(OFFICE.addWorkingMinutes(after, 60).getTime());
    expect(OFFICE.isOpen(new Date(new Date(due).getTime() - 1))).toBe(true);
  });

  it('observables are scoped to their incident and found again across reports and incidents (retro-hunt)', async () => {
    const { db } = get();
    const r = await report('Beaconing seen', 'C2 at evil-c2[.]example and 192.0.2.200');
    const a = await createIncident(db, ACTOR, { title: 'Beacon A' });
    const b = await createIncident(db, ACTOR, { title: 'Beacon B' });
    await addObservable(db, ACTOR, a.id, { kind: 'domain', value: 'EVIL-C2[.]example', description: 'seen by A' });
    await addObservable(db, ACTOR, b.id, { kind: 'domain', value: 'evil-c2.example', description: 'seen by B' });
    await expect(addObservable(db, ACTOR, a.id, { kind: 'domain', value: 'evil-c2.example' })).rejects.toThrow(/already an observable/);
    await expect(addObservable(db, ACTOR, a.id, { kind: 'ipv4', value: '999.1.1.1' })).rejects.toThrow(/not a valid ipv4/);
    const descriptions = await db
      .selectFrom('observables')
      .select(['incident_id', 'description'])
      .where('value', '=', 'evil-c2.example')
      .orderBy('incident_id')
      .execute();
    expect(descriptions.map((d) => d.description)).toEqual(['seen by A', 'seen by B']);
    const seen = await seenElsewhere(db, 'evil-c2[.]example', { feeds: true });
    expect(seen.value).toBe('evil-c2.example');
    expect(seen.sightings.map((s) => `${s.kind}:${s.id}`).sort()).toEqual([`incident:${a.id}`, `incident:${b.id}`, `report:${r}`].sort());
    const candidates = await triageCandidates(db, r);
    expect(
      candidates
        .filter((c) => c.kind === 'incident')
        .map((c) => c.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
  });

  it('full-text search finds reports and incidents by words in subject and body', async () => {
    const { db } = get();
    const r = await report('Credential stuffing against the library portal', 'Thousands of logins from botnet addresses');
    const { id } = await createIncident(db, ACTOR, {
      title: 'Library portal attack',
      description: 'Credential stuffing, mitigated by rate limits',
    });
    const principal = { userId: 'u', email: 'e', name: 'n', role: 'analyst' as const, organisationId: null };
    const { hits } = await search(db, principal, 'credential stuffing');
    expect(hits.map((h) => `${h.kind}:${h.id}`)).toEqual(expect.arrayContaining([`report:${r}`, `incident:${id}`]));
    expect(await search(db, principal, 'nonexistentword')).toEqual({ hits: [], next: null });
    expect((await search(db, principal, '"unbalanced quote & | ! (')).hits).toBeInstanceOf(Array);
  });

  it('the debrief is generated from the incident, edited, made final, and rendered as HTML (escaped) and PDF', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'Defacement <script>', description: 'The web site was defaced.' });
    const draft = await getDebrief(db, ACTOR, id);
    expect(draft.status).toBe('draft');
    expect(draft.content.timeline.map((e) => e.kind)).toContain('opened');
    expect(draft.content.durations.map((d) => d.measure)).toEqual(['acknowledge', 'triage', 'contain', 'resolve']);
    const edited = await saveDebrief(
      db,
      ACTOR,
      id,
      {
        content: {
          ...draft.content,
          hindered: 'No contact at the hosting provider.',
          actions: [{ action: 'Get an abuse contact for the hoster', owner: 'Åsa Öberg', due: '2026-12-01' }],
        },
      },
      draft.version,
    );
    await expect(saveDebrief(db, ACTOR, id, { regenerate: true }, draft.version)).rejects.toThrow(/changed since you loaded it/);
    // Lessons are learned once the incident is resolved: not while it is in triage.
    await expect(saveDebrief(db, ACTOR, id, { final: true }, edited.version)).rejects.toThrow(/in triage.*lessons-learned or closed/);
    let version = 1;
    for (const phase of ['containment', 'eradication', 'recovery', 'lessons-learned'] as const)
      version = await updateIncident(db, ACTOR, id, { phase }, version);
    // Text and finalising in one request: what was typed is saved, not dropped.
    const final = await saveDebrief(
      db,
      ACTOR,
      id,
      { content: { ...edited.content, summary: 'Defaced for two hours; restored from backup.' }, final: true },
      edited.version,
    );
    expect(final).toMatchObject({ status: 'final', content: { summary: 'Defaced for two hours; restored from backup.' } });
    await expect(saveDebrief(db, ACTOR, id, { content: final.content }, final.version)).rejects.toThrow(/is final/);
    await expect(reopenDebrief(db, ACTOR, id, '  ', final.version)).rejects.toThrow(/say why/);
    await expect(reopenDebrief(db, ACTOR, id, 'a later finding', final.version - 1)).rejects.toThrow(/reload/);
    const reopened = await reopenDebrief(db, ACTOR, id, 'the hoster answered after all', final.version);
    expect(reopened).toMatchObject({ status: 'draft', finalisedAt: null, version: final.version + 1 });
    const entry = await db
      .selectFrom('timeline_events')
      .select(['summary', 'created_by'])
      .where('incident_id', '=', id)
      .where('kind', '=', 'debrief')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({ summary: 'Final debrief reopened: the hoster answered after all', created_by: ACTOR });
    const audit = await db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'debrief.reopen')
      .where('object_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).toContain('the hoster answered after all');
    await expect(reopenDebrief(db, ACTOR, id, 'again', reopened.version)).rejects.toThrow(/only a final debrief/);
    await saveDebrief(db, ACTOR, id, { final: true }, reopened.version);
    const html = renderDebriefHtml(debriefFor(final, 'AMBER'));
    expect(html).toContain('No contact at the hosting provider.');
    expect(html).toContain('Defacement &lt;script&gt;');
    expect(html).not.toContain('<script>');
    const pdf = await renderDebriefPdf(debriefFor(final, 'AMBER'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Read back by poppler: the arrows of the timeline ("Phase triage → containment") and Swedish letters survive.
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    expect(text).toContain('Phase triage → containment');
    expect(text).toContain('Defaced for two hours; restored from backup.');
    expect(text).toContain('Åsa Öberg');
  });

  it('labels a debrief with the most restrictive TLP of what it holds, or leaves out what its audience may not see', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'Phishing wave', description: 'Mail to the city council.', tlp: 'AMBER' });
    await addTimelineEvent(db, ACTOR, id, { occurredAt: new Date(), summary: 'Informant names the sender: Mallory', tlp: 'RED' });
    const debrief = await getDebrief(db, ACTOR, id);
    const whole = debriefFor(debrief, 'AMBER');
    expect(whole.label).toBe('RED');
    const html = renderDebriefHtml(whole);
    expect(html).toContain('TLP:RED');
    expect(html).toContain('Mallory');
    const forAmber = debriefFor(debrief, 'AMBER', 'AMBER');
    expect(forAmber).toMatchObject({ label: 'AMBER', leftOut: 1 });
    const amberHtml = renderDebriefHtml(forAmber);
    expect(amberHtml).not.toContain('Mallory');
    expect(amberHtml).not.toContain('TLP:RED');
    expect(amberHtml).toContain('TLP:AMBER');
    expect(amberHtml).toContain('1 timeline entry above TLP:AMBER left out');
    expect(() => debriefFor(debrief, 'AMBER', 'GREEN')).toThrow(/above TLP:GREEN/);
  });
});

describe('SLA timers in business hours', () => {
  const policies: SlaPolicy[] = [
    { priority: 'high', acknowledgeMinutes: 60, triageMinutes: 240, resolveMinutes: 2400 },
    { priority: 'normal', acknowledgeMinutes: 240, triageMinutes: 480, resolveMinutes: 4800 },
  ];
  it('counts only working time: a report on Friday 15:30 is due for acknowledgement on Monday 08:30', () => {
    const opened = new Date('2026-11-20T14:30:00Z');
    const sla = slaOf(
      OFFICE,
      policies,
      { priority: 'high', opened_at: opened, acknowledged_at: null, triaged_at: null, resolved_at: null },
      new Date('2026-11-21T12:00:00Z'),
    );
    expect(sla.acknowledge).toMatchObject({ dueAt: '2026-11-23T07:30:00.000Z', state: 'running', workingMinutes: 30 });
    const late = slaOf(
      OFFICE,
      policies,
      { priority: 'high', opened_at: opened, acknowledged_at: new Date('2026-11-23T08:00:00Z'), triaged_at: null, resolved_at: null },
      new Date('2026-11-23T09:00:00Z'),
    );
    expect(late.acknowledge).toMatchObject({ state: 'breached', workingMinutes: 90 });
    expect(late.breached).toBe(true);
  });
  it('Christmas Eve and Day are not working time in Sweden', () => {
    const opened = new Date('2026-12-23T14:00:00Z'); // Wed 15:00
    const sla = slaOf(
      OFFICE,
      policies,
      { priority: 'normal', opened_at: opened, acknowledged_at: null, triaged_at: null, resolved_at: null },
      opened,
    );
    // 60 minutes on the 23rd; 24th, 25th (bank/public) closed, 26th-27th weekend; Monday 28th 08:00 + 180 min.
    expect(sla.acknowledge.dueAt).toBe('2026-12-28T10:00:00.000Z');
  });
});

describeEachEngine('KPIs', (get) => {
  it('measures time to acknowledge, triage, contain and resolve per class and priority, in working minutes', async () => {
    const { db } = get();
    await saveProfile(db, ACTOR, loadProfileFixture('cert-stockholm')); // Mon–Thu 08:00–16:45 in Stockholm
    const base = new Date('2026-11-16T08:00:00Z'); // Monday 09:00 Stockholm
    const mk = async (rsit: string, ack: number, triage: number, contain: number | null, resolve: number | null) => {
      const { id } = await createIncident(db, ACTOR, { title: `${rsit} ${ack}`, rsitClass: rsit });
      const at = (m: number | null) => (m === null ? null : new Date(base.getTime() + m * 60_000));
      await db
        .updateTable('incidents')
        .set({ opened_at: base, acknowledged_at: at(ack), triaged_at: at(triage), contained_at: at(contain), resolved_at: at(resolve) })
        .where('id', '=', id)
        .execute();
    };
    await mk('fraud', 10, 30, 60, 120);
    await mk('fraud', 20, 60, null, null);
    await mk('fraud', 300, 600, 700, 800);
    await mk('availability', 5, 5, 5, 5);
    const rows = await kpis(db, new Date('2026-11-16T00:00:00Z'), new Date('2026-11-17T00:00:00Z'));
    const fraud = rows.find((r) => r.rsitClass === 'fraud' && r.priority === 'normal')!;
    expect(fraud.incidents).toBe(3);
    expect(fraud.acknowledge).toMatchObject({ count: 3, medianMinutes: 20, breaches: 1 });
    expect(fraud.contain).toMatchObject({ count: 2, medianMinutes: 60 });
    expect(rows.find((r) => r.rsitClass === 'availability')!.resolve).toMatchObject({ count: 1, medianMinutes: 5, breaches: 0 });
    // The evening does not count: Monday 09:00 to 19:00 is 465 working minutes (09:00–16:45).
    expect(fraud.triage.p90Minutes).toBe(465);
  });
});
