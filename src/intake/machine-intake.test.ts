import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { useApp } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { mail, testSettings } from '../../test/helpers/mail.js';
import { createOrganisation } from '../constituency/organisations.js';
import { ingestMail, type IntakeOutcome } from './ingest.js';

const fixture = (name: string, messageId = ''): Buffer =>
  Buffer.from(
    readFileSync(new URL(`../../test/fixtures/mail/machine/${name}`, import.meta.url), 'utf8').replace('{{MESSAGE_ID}}', messageId),
  );

const xarfFixture = (name: string): Buffer => readFileSync(new URL(`../../test/fixtures/mail/xarf/${name}`, import.meta.url));

describeEachEngine('machine-written mail', (get) => {
  const settings = () => testSettings();

  /** A report whose acknowledgement went out: the outgoing mail a DSN or complaint can name. */
  async function sentAcknowledgement(): Promise<{ reportId: string; messageId: string; id: string }> {
    const { db } = get();
    const outcome = await ingestMail(db, settings(), mail({ subject: 'Phishing again' }), 'test');
    if (outcome.kind !== 'report') throw new Error('expected a report');
    const ack = await db
      .updateTable('messages')
      .set({ delivery_status: 'sent', sent_at: new Date() })
      .where('report_id', '=', outcome.reportId)
      .where('direction', '=', 'out')
      .returning(['id', 'message_id'])
      .executeTakeFirstOrThrow();
    return { reportId: outcome.reportId, messageId: ack.message_id!, id: ack.id };
  }

  const statusOf = async (id: string) =>
    get().db.selectFrom('messages').select(['delivery_status', 'delivery_error']).where('id', '=', id).executeTakeFirstOrThrow();
  const reportCount = async () =>
    Number(
      (
        await get()
          .db.selectFrom('reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('an ARF report becomes a report with its fields, routed by Source-IP to the constituent, with an RSIT suggestion and no acknowledgement', async () => {
    const { db } = get();
    const shop = await createOrganisation(db, 'test', { name: 'Stockholm Shop AB', netblocks: [{ prefix: '203.0.113.0/24' }] });
    const outcome = await ingestMail(db, settings(), fixture('arf-fbl-base64.eml'), 'test');
    expect(outcome.kind).toBe('report');
    const id = (outcome as Extract<IntakeOutcome, { kind: 'report' }>).reportId;
    const report = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(report.organisation_id).toBe(shop.id);
    expect(new Date(report.reported_at!).toISOString()).toBe('2026-11-17T02:22:11.000Z');
    expect(report.intake_notes).toContain('the Source-IP 203.0.113.45 belongs to Stockholm Shop AB');
    expect(report.machine_report).toMatchObject({
      format: 'arf',
      feedbackType: 'abuse',
      sourceIp: '203.0.113.45',
      incidents: 12,
      suggestion: { rsitClass: 'abusive-content', rsitType: 'spam' },
      routing: 'the Source-IP 203.0.113.45 belongs to Stockholm Shop AB',
    });
    const indicators = await db.selectFrom('report_indicators').select(['kind', 'value']).where('report_id', '=', id).execute();
    expect(indicators).toEqual(expect.arrayContaining([{ kind: 'ipv4', value: '203.0.113.45' }]));
    const out = await db.selectFrom('messages').select('id').where('report_id', '=', id).where('direction', '=', 'out').execute();
    expect(out).toEqual([]);
  });

  it('an ARF whose Source-IP is nobody’s stays unrouted and says so; an IPv6 auth-failure report suggests masquerade', async () => {
    const { db } = get();
    const outcome = (await ingestMail(db, settings(), fixture('arf-auth-failure-rfc6591.eml'), 'test')) as Extract<
      IntakeOutcome,
      { kind: 'report' }
    >;
    const report = await db.selectFrom('reports').selectAll().where('id', '=', outcome.reportId).executeTakeFirstOrThrow();
    expect(report.organisation_id).toBeNull();
    expect(report.intake_notes).toContain('the Source-IP 2001:db8::25 is in no netblock of the constituency');
    expect(report.machine_report).toMatchObject({ suggestion: { rsitClass: 'fraud', rsitType: 'masquerade' } });
  });

  it('an X-ARF report becomes a report routed by its source to the constituent, with its RSIT suggestion and indicators, never acknowledged', async () => {
    const { db } = get();
    const host = await createOrganisation(db, 'test', { name: 'Hosting Syd AB', netblocks: [{ prefix: '203.0.113.32/28' }] });
    const outcome = await ingestMail(db, settings(), xarfFixture('xarf-v4-arf-login-attack.eml'), 'test');
    const id = (outcome as Extract<IntakeOutcome, { kind: 'report' }>).reportId;
    const report = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ organisation_id: host.id, intake_status: 'ok' });
    expect(report.machine_report).toMatchObject({
      format: 'xarf',
      type: 'login_attack',
      sourceIp: '203.0.113.45',
      suggestion: { rsitClass: 'intrusion-attempts', rsitType: 'brute-force' },
      routing: 'the Source-IP 203.0.113.45 belongs to Hosting Syd AB',
    });
    const indicators = await db.selectFrom('report_indicators').select(['kind', 'value']).where('report_id', '=', id).execute();
    expect(indicators).toEqual(expect.arrayContaining([{ kind: 'ipv4', value: '203.0.113.45' }]));
    const out = await db.selectFrom('messages').select('id').where('report_id', '=', id).where('direction', '=', 'out').execute();
    expect(out).toEqual([]);
  });

  it('an invalid or cut-off X-ARF report is stored and flagged with what is wrong, never dropped', async () => {
    const { db } = get();
    for (const [name, problem] of [
      ['xarf-v4-invalid.eml', /^X-ARF: sender: /],
      ['xarf-truncated.eml', /^X-ARF: the JSON part is not valid JSON/],
    ] as const) {
      const outcome = (await ingestMail(db, settings(), xarfFixture(name), 'test')) as Extract<IntakeOutcome, { kind: 'report' }>;
      expect(outcome.kind).toBe('report');
      const report = await db.selectFrom('reports').selectAll().where('id', '=', outcome.reportId).executeTakeFirstOrThrow();
      expect(report.intake_status).toBe('malformed');
      expect(report.intake_notes).toEqual(expect.arrayContaining([expect.stringMatching(problem)]));
      expect(report.machine_report).toMatchObject({ format: 'xarf' });
    }
  });

  it('a failed DSN about our mail bounces it and is filed on its report, not triaged', async () => {
    const { db } = get();
    const ours = await sentAcknowledgement();
    const before = await reportCount();
    const outcome = await ingestMail(db, settings(), fixture('dsn-postfix-failed.eml', ours.messageId), 'test');
    expect(outcome).toMatchObject({ kind: 'filed', reportId: ours.reportId, about: [ours.id] });
    expect(await reportCount()).toBe(before);
    expect(await statusOf(ours.id)).toEqual({
      delivery_status: 'bounced',
      delivery_error: 'bounced: smtp; 550 5.1.1 <noc@hosting.example.se>: Recipient address rejected: User unknown',
    });
    const filed = await db
      .selectFrom('messages')
      .select(['report_id', 'machine_report'])
      .where('id', '=', (outcome as { messageId: string }).messageId)
      .executeTakeFirstOrThrow();
    expect(filed).toMatchObject({ report_id: ours.reportId, machine_report: { format: 'dsn', outcome: 'failed' } });
  });

  it('a delay is recorded as a delay; the failure that follows still bounces it', async () => {
    const { db } = get();
    const ours = await sentAcknowledgement();
    await ingestMail(db, settings(), fixture('dsn-delayed.eml', ours.messageId), 'test');
    expect(await statusOf(ours.id)).toEqual({
      delivery_status: 'delayed',
      delivery_error: 'delayed: SMTP; 451 4.4.7 Connection timed out',
    });
    await ingestMail(db, settings(), fixture('dsn-exchange-multi.eml', ours.messageId), 'test');
    expect(await statusOf(ours.id)).toMatchObject({ delivery_status: 'bounced' });
    expect((await statusOf(ours.id)).delivery_error).toMatch(/5\.1\.10 RESOLVER\.ADR\.RecipientNotFound/);
  });

  it('an ARF complaint about our own mail marks it complained, not bounced, and opens no report', async () => {
    const { db } = get();
    const ours = await sentAcknowledgement();
    const before = await reportCount();
    const outcome = await ingestMail(db, settings(), fixture('arf-complaint-about-us.eml', ours.messageId), 'test');
    expect(outcome).toMatchObject({ kind: 'filed', about: [ours.id] });
    expect(await reportCount()).toBe(before);
    expect(await statusOf(ours.id)).toEqual({
      delivery_status: 'complained',
      delivery_error: 'complained: abuse reported by MailProvider-FBL/3.0',
    });
  });

  it('a read receipt (RFC 8098 MDN) about our mail is a reply on its report, and does not mark the mail bounced', async () => {
    const { db } = get();
    const ours = await sentAcknowledgement();
    const outcome = await ingestMail(db, settings(), fixture('mdn-read-receipt.eml', ours.messageId), 'test');
    expect(outcome).toMatchObject({ kind: 'reply', reportId: ours.reportId });
    expect(await statusOf(ours.id)).toEqual({ delivery_status: 'sent', delivery_error: null });
    const stored = await db
      .selectFrom('messages')
      .select('auto_submitted')
      .where('id', '=', (outcome as { messageId: string }).messageId)
      .executeTakeFirstOrThrow();
    expect(stored.auto_submitted).toBe(true);
  });

  it('a DSN about nothing of ours is filed as such: kept, on no report, out of the triage queue', async () => {
    const { db } = get();
    const before = await reportCount();
    const outcome = await ingestMail(db, settings(), fixture('dsn-unmatched.eml'), 'test');
    expect(outcome).toMatchObject({ kind: 'filed', reportId: null, incidentId: null, about: [] });
    expect(await reportCount()).toBe(before);
    const filed = await db
      .selectFrom('messages')
      .select(['report_id', 'incident_id', 'machine_report', 'raw_sha256'])
      .where('id', '=', (outcome as { messageId: string }).messageId)
      .executeTakeFirstOrThrow();
    expect(filed).toMatchObject({ report_id: null, incident_id: null, machine_report: { format: 'dsn', outcome: 'failed' } });
    expect(filed.raw_sha256).not.toBeNull();
    // Once: a re-delivery finds it.
    expect((await ingestMail(db, settings(), fixture('dsn-unmatched.eml'), 'test')).kind).toBe('duplicate');
  });

  it('an archive imported later keeps the mail’s Date, and the triage clock starts there; a Date in the future is not believed', async () => {
    const { db } = get();
    const old = (await ingestMail(db, settings(), mail({ subject: 'Old report from the archive' }), 'test')) as Extract<
      IntakeOutcome,
      { kind: 'report' }
    >;
    const report = await db
      .selectFrom('reports')
      .select(['received_at', 'reported_at'])
      .where('id', '=', old.reportId)
      .executeTakeFirstOrThrow();
    expect(new Date(report.reported_at!).toISOString()).toBe('2026-11-16T09:00:00.000Z');
    expect(new Date(report.received_at).getTime()).toBeGreaterThan(new Date(report.reported_at!).getTime());
    const future = mail({ subject: 'From the future' })
      .toString()
      .replace('Mon, 16 Nov 2026 10:00:00 +0100', 'Fri, 1 Jan 2100 00:00:00 +0000');
    const later = (await ingestMail(db, settings(), Buffer.from(future), 'test')) as Extract<IntakeOutcome, { kind: 'report' }>;
    const futureReport = await db
      .selectFrom('reports')
      .select(['reported_at', 'intake_notes'])
      .where('id', '=', later.reportId)
      .executeTakeFirstOrThrow();
    expect(futureReport.reported_at).toBeNull();
    expect(futureReport.intake_notes.join()).toMatch(/later than its arrival/);
  });
});

describeEachEngine('filed delivery reports, over the API', (get) => {
  const { loginAs } = useApp(get);

  it('lists DSNs about nothing of ours newest first, paged by a cursor, to those who handle mail only', async () => {
    const { db } = get();
    for (const n of [1, 2, 3]) {
      const raw = fixture('dsn-unmatched.eml')
        .toString()
        .replace('<bs-1@backscatter.example>', `<bs-${n}-${Date.now()}@backscatter.example>`);
      expect(
        (
          await ingestMail(
            db,
            testSettings(),
            Buffer.from(raw.replace('Delivery Status Notification (Failure)', `Backscatter ${n}`)),
            'test',
          )
        ).kind,
      ).toBe('filed');
    }
    const manager = await loginAs('incident-manager');
    const seen: string[] = [];
    let before = '';
    for (;;) {
      const page = await manager.request({ method: 'GET', url: `/api/mail/filed?limit=2${before}` });
      expect(page.statusCode).toBe(200);
      const rows = page.json<Array<{ subject: string; cursor: string; machine_report: { format: string; outcome: string } }>>();
      if (rows.length === 0) break;
      for (const row of rows) expect(row.machine_report).toMatchObject({ format: 'dsn', outcome: 'failed' });
      seen.push(...rows.map((r) => r.subject));
      before = `&before=${encodeURIComponent(rows.at(-1)!.cursor)}`;
    }
    expect(seen).toEqual(['Backscatter 3', 'Backscatter 2', 'Backscatter 1']);
    expect((await (await loginAs('read-only')).request({ method: 'GET', url: '/api/mail/filed' })).statusCode).toBe(403);
  });
});
