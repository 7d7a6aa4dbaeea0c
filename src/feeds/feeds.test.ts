import { readdirSync, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { simpleParser } from 'mailparser';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { mail, testSettings } from '../../test/helpers/mail.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { makeKey, type TestKey } from '../../test/helpers/pgp.js';
import { startSmtpPeer, type SmtpPeer } from '../../test/helpers/smtp.js';
import { createOrganisation, deleteOrganisation } from '../constituency/organisations.js';
import { lines as readLines } from '../core/lines.js';
import { ingestMail } from '../intake/ingest.js';
import { deliverQueued, smtpTransport } from '../mail/outbox.js';
import { dispatchNotifications } from '../notifications/dispatch.js';
import { saveProfile } from '../profile/service.js';
import { listNotifications } from '../notifications/feedback.js';
import { rpslObjects } from '../ripe/rpsl.js';
import { splitCsvLine } from './csv-line.js';
import { saveFeed, type Feed } from './feeds.js';
import { ingestFeed, type FeedSpec } from './pipeline.js';
import { runFile } from './runner.js';
import { detectShadowserverReport } from './shadowserver.js';

const samples = new URL('../../test/fixtures/shadowserver/', import.meta.url);
const sample = (name: string) => new URL(name, samples).pathname;
const adHoc: FeedSpec = { id: null, name: 'ad-hoc', format: 'shadowserver', tlp: 'AMBER', dedupHours: 24 };
const text = (lines: string[]) => Readable.from([Buffer.from(lines.join('\n'))]);

describe('reading feed lines', () => {
  it('splits CSV lines as RFC 4180 quotes them, and reports what is broken', () => {
    expect(splitCsvLine('a,"b,c","d""e",,')).toEqual({ ok: true, fields: ['a', 'b,c', 'd"e', '', ''] });
    expect(splitCsvLine('"open')).toEqual({ ok: false, reason: 'a quoted field is not closed' });
    expect(splitCsvLine('"a"b,c')).toMatchObject({ ok: false });
    expect(splitCsvLine('a,b"c')).toMatchObject({ ok: false, reason: 'a stray quote in field 2' });
  });

  it("reads Shadowserver's backslash-escaped quotes, and keeps a field that really ends in a backslash", () => {
    // As in event4_sinkhole_http: a user agent with quotes inside, escaped with a backslash.
    expect(splitCsvLine('2026-11-20 00:00:01,192.0.2.7,"Mozilla/5.0 \\"Bot\\" 1.0",80')).toEqual({
      ok: true,
      fields: ['2026-11-20 00:00:01', '192.0.2.7', 'Mozilla/5.0 "Bot" 1.0', '80'],
    });
    expect(splitCsvLine('"ends \\"","x"')).toEqual({ ok: true, fields: ['ends "', 'x'] });
    expect(splitCsvLine('"a \\"quoted\\""')).toEqual({ ok: true, fields: ['a "quoted"'] });
    expect(splitCsvLine('"C:\\dir\\",1')).toEqual({ ok: true, fields: ['C:\\dir\\', '1'] });
    expect(splitCsvLine('"never \\" closed')).toMatchObject({ ok: false });
  });

  it('never throws on hostile lines: random text, Latin-1 bytes, a truncated file, RPSL garbage', async () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (line) => {
        const split = splitCsvLine(line);
        if (split.ok) expect(split.fields.join(',').length).toBeLessThanOrEqual(line.length);
      }),
      { numRuns: 2000 },
    );
    const latin1 = Buffer.concat([
      Buffer.from('"timestamp","ip","port","hostname","tag"\n'),
      Buffer.from('"2026-11-20 01:00:00","198.123.245.60",3389,"sk\u00e5p.example.se","rdp"\n', 'latin1'),
      Buffer.from('"2026-11-20 01:00:00","198.123.245.61",33'),
    ]);
    const lines: string[] = [];
    for await (const line of readLines(Readable.from([latin1]))) lines.push(line.text);
    expect(lines).toEqual([
      '"timestamp","ip","port","hostname","tag"',
      '"2026-11-20 01:00:00","198.123.245.60",3389,"skåp.example.se","rdp"',
      '"2026-11-20 01:00:00","198.123.245.61",33',
    ]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 80 }), { maxLength: 40 }), async (garbage) => {
        const problems: unknown[] = [];
        const objects = [];
        for await (const object of rpslObjects(
          (async function* () {
            let number = 0;
            for (const text of garbage) yield { number: ++number, text };
          })(),
          (p) => problems.push(p),
        ))
          objects.push(object);
        for (const object of objects) expect(object.attributes.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('recognises every Shadowserver sample, by file name or else by its columns', () => {
    for (const file of readdirSync(samples).filter((f) => f.endsWith('.csv'))) {
      const header = splitCsvLine(
        readFileSync(new URL(file, samples), 'utf8')
          .split('\n')[0]!
          .replace(/^\uFEFF/, ''),
      );
      if (!header.ok) throw new Error(file);
      const byColumns = detectShadowserverReport(header.fields);
      expect(byColumns.by, file).toBe('columns');
      const byName = detectShadowserverReport(header.fields, `2026-11-20-${file}`);
      if (
        [
          'scan_rdp',
          'scan_ntp',
          'scan_http',
          'scan_smb',
          'scan_ssl',
          'event4_sinkhole_http',
          'compromised_website',
          'blocklist',
          'malware_url',
        ].some((r) => file === `${r}.csv`)
      ) {
        expect(byName, file).toMatchObject({ name: file.replace('.csv', ''), by: 'name' });
        expect(byColumns.name, file).toBe(file.replace('.csv', ''));
      }
    }
    expect(() => detectShadowserverReport(['when', 'who'])).toThrow(/not a Shadowserver report/);
  });
});

describeEachEngine('early-warning feeds and notifications', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  let smtp: SmtpPeer;
  let socKey: TestKey;
  let teamKey: TestKey;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = get().db;
    analyst = await loginAs('analyst');
    smtp = await startSmtpPeer();
    socKey = await makeKey('Hosting SOC', 'soc@hosting.example.se');
    teamKey = await makeKey('CERT Test', 'cert@team.test');
    await db.insertInto('organisations').values({ name: 'CERT Test', kind: 'team', parent_id: null }).execute();
    const actor = 'system:test';
    ids.hosting = (
      await createOrganisation(db, actor, {
        name: 'Example Hosting',
        netblocks: [{ prefix: '198.123.245.0/24' }],
        contacts: [
          { role: 'abuse', email: 'soc@hosting.example.se', language: 'sv', pgpKey: socKey.armoredPublic },
          { role: 'technical', email: 'noc@hosting.example.se', language: 'en' },
        ],
      })
    ).id;
    ids.lab = (
      await createOrganisation(db, actor, {
        name: 'Example Lab',
        tlpClearance: 'GREEN',
        netblocks: [{ prefix: '192.168.0.0/24' }],
        contacts: [{ role: 'security', email: 'lab@example.se' }],
      })
    ).id;
    ids.silent = (await createOrganisation(db, actor, { name: 'No Contacts AB', netblocks: [{ prefix: '75.74.78.0/24' }] })).id;
    ids.water = (
      await createOrganisation(db, actor, {
        name: 'Example Water',
        netblocks: [{ prefix: '10.20.0.0/16' }],
        domains: ['example.se'],
        contacts: [{ role: 'security', email: 'it@example.se', language: 'en' }],
      })
    ).id;
  });
  afterAll(async () => smtp?.close());

  it('ingests every Shadowserver sample: routed, unowned counted, nothing malformed', async () => {
    for (const file of readdirSync(samples).filter((f) => f.endsWith('.csv'))) {
      const rows = readFileSync(new URL(file, samples), 'utf8')
        .split('\n')
        .slice(1)
        .filter((l) => l.trim()).length;
      const run = await runFile(
        get().db,
        { ...adHoc, source: { kind: 'upload' }, description: '', schedule: 'manual', notify: 'never', enabled: true, version: 0 } as Feed,
        sample(file),
        { actor: 'system:test' },
      );
      expect(run, file).toMatchObject({ status: 'ok', rows, malformed: 0 });
      expect(run.events + run.duplicates, file).toBe(rows);
    }
    const rdp = await get()
      .db.selectFrom('events')
      .select(['organisation_id', 'rsit_class', 'rsit_type', 'identifier', 'source_port', 'asn', 'geo'])
      .where('source_ip', '=', '198.123.245.178')
      .where('identifier', '=', 'open-rdp')
      .executeTakeFirstOrThrow();
    expect(rdp).toMatchObject({
      organisation_id: ids.hosting,
      rsit_class: 'vulnerable',
      rsit_type: 'vulnerable-system',
      source_port: 5678,
    });
    const sinkhole = await get()
      .db.selectFrom('events')
      .select(['organisation_id', 'rsit_type', 'identifier'])
      .where('source_ip', '=', '103.196.1.2')
      .executeTakeFirstOrThrow();
    expect(sinkhole).toEqual({ organisation_id: null, rsit_type: 'infected-system', identifier: 'andromeda' });
    // A compromised website without an address is routed by its host name.
    const byDomain = await get()
      .db.selectFrom('events')
      .select(['organisation_id', 'rsit_class'])
      .where('identifier', '=', 'compromised-website')
      .orderBy('time')
      .execute();
    expect(byDomain).toEqual([
      { organisation_id: ids.water, rsit_class: 'intrusions' },
      { organisation_id: ids.water, rsit_class: 'intrusions' },
    ]);
    // The block list's whole network belongs to the organisation holding it.
    expect(
      (await get().db.selectFrom('events').select('organisation_id').where('source_ip', '=', '198.123.245.0/24').executeTakeFirstOrThrow())
        .organisation_id,
    ).toBe(ids.hosting);
  });

  it('stores a repeated event once, within the window, however often the file comes', async () => {
    const first = await runFile(get().db, { ...adHoc, name: 'rdp-twice' } as Feed, sample('scan_rdp.csv'), { actor: 'system:test' });
    const again = await runFile(get().db, { ...adHoc, name: 'rdp-twice' } as Feed, sample('scan_rdp.csv'), { actor: 'system:test' });
    expect([first.events, first.duplicates]).toEqual([2, 0]);
    expect([again.events, again.duplicates]).toEqual([0, 2]);
    // A day later (outside the 24-hour window) the same finding is new again.
    const later = readFileSync(sample('scan_rdp.csv'), 'utf8').replaceAll('2019-09-04 15:45:51', '2019-09-05 16:00:00');
    const run = await ingestFeed(
      get().db,
      { ...adHoc, name: 'rdp-twice' },
      { stream: text([later]), source: 'scan_rdp-later.csv', actor: 'system:test' },
    );
    expect(run.events).toBe(2);
  });

  it('reports bad rows with their line numbers and goes on; refuses a file that is no known report', async () => {
    const header = '"timestamp","ip","port","hostname","tag","asn","geo"';
    const run = await ingestFeed(
      get().db,
      { ...adHoc, name: 'bad-rows' },
      {
        stream: text([
          header,
          '"2026-11-20 01:00:00","198.123.245.50",3389,,"rdp",64500,"SE"',
          '"2026-11-20 01:00:00","198.123.245.51",3389,,"rdp",64500,"SE","extra"',
          '"not a time","198.123.245.52",3389,,"rdp",1,"SE"',
          '"2026-11-20 01:00:00","999.1.1.1",3389,,"rdp",1,"SE"',
          `"2026-11-20 01:00:00","198.123.245.53",3389,,"${'x'.repeat(3000)}",1,"SE"`,
          '"2026-11-20 01:00:00","198.123.245.54",70000,,"rdp",1,"SE"',
          '"2026-11-20 01:00:00,"198.123.245.55",3389,,"rdp",1,"SE"',
          '',
          '"2026-11-20 01:00:00","198.123.245.56",3389,,"rdp",64500,"SE"',
          '"2026-11-20 01:00:00","198.123.245.57",3389,,"rd\u0000p",1,"SE"',
          '"2026-11-20 01:00:00","198.123.245.58",3389,,"rdp\u001e",1,"SE"',
        ]),
        source: 'scan_rdp.csv',
        actor: 'system:test',
        maxLineBytes: 1000,
      },
    );
    expect(run).toMatchObject({ status: 'ok', events: 2, malformed: 8 });
    expect(run.badRows).toEqual([
      { line: 3, reason: '8 fields where the header has 7' },
      { line: 4, reason: '"not a time" is not a time' },
      { line: 5, reason: '"999.1.1.1" is not an IP address' },
      { line: 6, reason: 'line too long' },
      { line: 7, reason: '"70000" is not a port' },
      { line: 8, reason: 'text after a closing quote in field 1' },
      { line: 11, reason: 'a control character in the row' },
      { line: 12, reason: 'a control character in the row' },
    ]);
    const stored = await get()
      .db.selectFrom('feed_runs')
      .select(['status', 'malformed', 'bad_rows'])
      .where('id', '=', run.runId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ status: 'ok', malformed: '8' });
    expect((stored.bad_rows as unknown[]).length).toBe(8);

    await expect(
      ingestFeed(
        get().db,
        { ...adHoc, name: 'wrong-columns' },
        { stream: text(['when,who,what', '1,2,3']), source: 'upload.csv', actor: 'system:test' },
      ),
    ).rejects.toThrow(/not a Shadowserver report/);
    await expect(
      ingestFeed(get().db, { ...adHoc, name: 'empty' }, { stream: text(['']), source: 'empty.csv', actor: 'system:test' }),
    ).rejects.toThrow(/empty/);
    const failed = await get()
      .db.selectFrom('feed_runs')
      .select(['status', 'error'])
      .where('feed_name', '=', 'wrong-columns')
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('not a Shadowserver report') });
  });

  it('reads a generic JSON Lines feed through a mapping written as data', async () => {
    const feed = await saveFeed(get().db, 'system:test', {
      name: 'honeypot-json',
      format: 'json',
      source: { kind: 'upload' },
      tlp: 'GREEN',
      notify: 'never',
      mapping: {
        time: 'seen',
        timeFormat: 'epoch',
        sourceIp: 'src.ip',
        sourcePort: 'src.port',
        protocol: { value: 'tcp' },
        rsitClass: { value: 'intrusion-attempts' },
        rsitType: { value: 'brute-force' },
        identifier: 'kind',
      },
    });
    const run = await ingestFeed(get().db, feed, {
      stream: text([
        '{"seen": 1795000000, "src": {"ip": "10.20.1.2", "port": 22}, "kind": "ssh-brute"}',
        '{"seen": "soon", "src": {"ip": "10.20.1.3"}}',
        'not json',
        '[1]',
        '{"seen": 1795000001, "src": {"ip": "2001:db8::1"}, "kind": "ssh-brute"}',
        '{"seen": 1795000002, "src": {"ip": "10.20.1.4"}, "kind": "ssh\\u001ebrute"}',
      ]),
      source: 'upload.jsonl',
      actor: 'system:test',
    });
    expect(run).toMatchObject({ events: 2, unowned: 1, malformed: 4 });
    expect(run.badRows.at(-1)).toEqual({ line: 6, reason: 'a control character in a value' });
    expect(run.byOrganisation).toEqual({ [ids.water!]: 1 });
    await expect(
      saveFeed(get().db, 'system:test', {
        name: 'bad-mapping',
        format: 'csv',
        source: { kind: 'upload' },
        tlp: 'AMBER',
        mapping: { time: 't', sourceIp: 'ip', rsitClass: { value: 'vulnerable' }, rsitType: { value: 'spam' } },
      }),
    ).rejects.toThrow(/not a type of vulnerable/);
    await expect(
      saveFeed(get().db, 'system:test', {
        name: 'bad-schedule',
        format: 'shadowserver',
        source: { kind: 'upload' },
        tlp: 'AMBER',
        schedule: 'every day',
      }),
    ).rejects.toThrow(/cron/);
  });

  it('gives every event of a feed the RSIT class and type the feed names, and checks them', async () => {
    const feed = await saveFeed(get().db, 'system:test', {
      name: 'rdp-as-exposure',
      format: 'shadowserver',
      source: { kind: 'upload' },
      tlp: 'AMBER',
      notify: 'never',
      rsit: { class: 'vulnerable', type: 'potentially-unwanted-accessible' },
    });
    expect(feed.rsit).toEqual({ class: 'vulnerable', type: 'potentially-unwanted-accessible' });
    const run = await runFile(get().db, feed, sample('scan_rdp.csv'), { actor: 'system:test' });
    const types = await get().db.selectFrom('events').select('rsit_type').distinct().where('run_id', '=', run.runId).execute();
    expect(types).toEqual([{ rsit_type: 'potentially-unwanted-accessible' }]);
    await expect(
      saveFeed(get().db, 'system:test', {
        name: 'bad-rsit',
        format: 'shadowserver',
        source: { kind: 'upload' },
        tlp: 'AMBER',
        rsit: { class: 'vulnerable', type: 'phishing' },
      }),
    ).rejects.toThrow(/not a type of vulnerable/);
  });

  it("notifies each organisation once per period: in its contacts' languages, encrypted to a key, TLP-marked, withheld where TLP or contacts say so", async () => {
    const db = get().db;
    const feed = await saveFeed(db, 'system:test', {
      name: 'shadowserver-daily',
      description: 'Shadowserver scans',
      format: 'shadowserver',
      source: { kind: 'upload' },
      tlp: 'AMBER',
      notify: 'daily',
    });
    for (const file of ['scan_rdp.csv', 'scan_ntp.csv', 'scan_http.csv', 'scan_smb.csv'])
      await runFile(db, feed, sample(file), { actor: 'system:test' });
    const settings = testSettings({}, teamKey.teamKey);
    // Nothing is due before the day has ended.
    expect(await dispatchNotifications(db, { settings, now: new Date() })).toEqual([]);
    const tomorrow = new Date(Date.now() + 86_400_000);
    const preview = await dispatchNotifications(db, { settings, now: tomorrow, dryRun: true });
    expect(preview.map((n) => [n.organisation, n.status]).sort()).toEqual([
      ['Example Hosting', 'queued'],
      ['Example Lab', 'withheld'],
      ['No Contacts AB', 'withheld'],
    ]);
    expect(await db.selectFrom('notifications').select('id').execute()).toEqual([]);

    const built = await dispatchNotifications(db, { settings, now: tomorrow });
    const hosting = built.find((n) => n.organisation === 'Example Hosting')!;
    expect(hosting).toMatchObject({ events: 3, tlp: 'AMBER', attachmentRows: 3 });
    expect(hosting.mails.map((m) => [m.to, m.language, m.encrypted])).toEqual([
      ['noc@hosting.example.se', 'en', false],
      ['soc@hosting.example.se', 'sv', true],
    ]);
    expect(hosting.mails[1]!.subject).toBe('[TLP:AMBER] [CERT-T] shadowserver-daily: 3 händelser för Example Hosting');
    expect(hosting.mails[0]!.body).toContain('open-rdp: 2');
    // Links start at the address Vakt is reached at (VAKT_PUBLIC_URL or the address served), not a fixed localhost:8080.
    expect(hosting.mails[0]!.body).toMatch(/https:\/\/vakt\.team\.test\/feedback\/[A-Za-z0-9_-]{32}/);
    expect(built.find((n) => n.organisation === 'Example Lab')?.reason).toBe(
      'the recipient is cleared only up to TLP:GREEN, and this is TLP:AMBER',
    );
    expect(built.find((n) => n.organisation === 'No Contacts AB')?.reason).toContain('has no contact');
    // Once built, never again.
    expect(await dispatchNotifications(db, { settings, now: tomorrow })).toEqual([]);

    const report = await deliverQueued(db, smtpTransport(`smtp://127.0.0.1:${smtp.port}`));
    expect(report.sent).toBe(2);
    const plain = smtp.received.find((m) => m.to.includes('noc@hosting.example.se'))!;
    const parsed = await simpleParser(plain.raw);
    expect(parsed.subject).toBe('[TLP:AMBER] [CERT-T] shadowserver-daily: 3 events for Example Hosting');
    expect(parsed.text).toMatch(/^TLP:AMBER/);
    const csv = parsed.attachments.find((a) => a.filename?.endsWith('.csv'))!.content.toString();
    expect(csv.split('\r\n')[0]).toBe('time,source_ip,source_port,asn,geo,protocol,rsit_class,rsit_type,identifier,details');
    expect(csv).toContain('198.123.245.178');
    // The raw row, kept as the line it came as, goes out as an object by the report's header.
    expect(csv).toContain('""ip"":""198.123.245.178""');
    const encrypted = smtp.received.find((m) => m.to.includes('soc@hosting.example.se'))!.raw.toString();
    expect(encrypted).toContain('multipart/encrypted');
    expect(encrypted).not.toContain('198.123.245.178');

    // A bounce marks the mail it returns.
    const messageId = (
      await db
        .selectFrom('messages')
        .select('message_id')
        .where(sql<boolean>`${'noc@hosting.example.se'} = any(to_addresses)`)
        .executeTakeFirstOrThrow()
    ).message_id!;
    await ingestMail(
      db,
      testSettings(),
      mail({
        from: 'MAILER-DAEMON@hosting.example.se',
        subject: 'Undelivered Mail Returned to Sender',
        headers: ['Auto-Submitted: auto-replied'],
        contentType: 'multipart/report; report-type=delivery-status; boundary="b"',
        body: [
          '--b',
          'Content-Type: text/plain',
          '',
          'User unknown',
          '--b',
          'Content-Type: message/delivery-status',
          '',
          'Status: 5.1.1',
          'Diagnostic-Code: smtp; 550 5.1.1 user unknown',
          '--b',
          'Content-Type: text/rfc822-headers',
          '',
          `Message-ID: ${messageId}`,
          'Subject: whatever',
          '--b--',
        ].join('\r\n'),
      }),
      'test',
    );
    const listed = (await listNotifications(db, { status: 'bounced' })).notifications;
    expect(listed.map((n) => n.organisation)).toEqual(['Example Hosting']);
    expect(listed[0]!.delivery.find((d) => d.to === 'noc@hosting.example.se')).toMatchObject({
      status: 'bounced',
      error: 'bounced: smtp; 550 5.1.1 user unknown',
    });
  });

  it('takes feedback through the link, never on GET, and shows the figures', async () => {
    const token = (
      await get()
        .db.selectFrom('notifications')
        .select('feedback_token')
        .where('organisation_id', '=', ids.hosting!)
        .executeTakeFirstOrThrow()
    ).feedback_token;
    const page = await analyst.request({ method: 'GET', url: `/feedback/${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Was this notification useful?');
    expect(await get().db.selectFrom('notification_feedback').select('id').execute()).toEqual([]);
    const answer = await analyst.request({
      method: 'POST',
      url: `/feedback/${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'verdict=false-positive&comment=that+host+is+a+honeypot',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(
      (
        await analyst.request({
          method: 'POST',
          url: `/feedback/${token}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: 'verdict=maybe',
        })
      ).statusCode,
    ).toBe(400);
    expect((await analyst.request({ method: 'GET', url: '/feedback/AAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(404);
    const figures = (await analyst.request({ method: 'GET', url: '/api/notifications/feedback' })).json<{
      byFeed: Array<Record<string, unknown>>;
      byOrganisation: Array<Record<string, unknown>>;
    }>();
    expect(figures.byFeed).toEqual([
      expect.objectContaining({ name: 'shadowserver-daily', notifications: 3, falsePositive: 1, useful: 0, comments: 1 }),
    ]);
    expect(figures.byOrganisation.find((o) => o.name === 'Example Hosting')).toMatchObject({
      notifications: 1,
      events: 3,
      falsePositive: 1,
    });
  });

  it('pages through the notifications, newest first, and filters by state before paging', async () => {
    type Page = { notifications: Array<{ id: string; state: string; createdAt: string }>; next?: string };
    const all = (await analyst.request({ method: 'GET', url: '/api/notifications' })).json<Page>().notifications;
    expect(all.length).toBe(3);
    const seen: string[] = [];
    for (let url = '/api/notifications?limit=1'; ;) {
      const page = (await analyst.request({ method: 'GET', url })).json<Page>();
      seen.push(...page.notifications.map((n) => n.id));
      if (!page.next) break;
      url = `/api/notifications?limit=1&before=${encodeURIComponent(page.next)}`;
    }
    expect(seen).toEqual(all.map((n) => n.id));
    const withheld = (await analyst.request({ method: 'GET', url: '/api/notifications?status=withheld&limit=1' })).json<Page>();
    expect(withheld.notifications.map((n) => n.state)).toEqual(['withheld']);
    expect(withheld.next).toBeDefined();
    const bad = await analyst.request({ method: 'GET', url: '/api/notifications?before=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toContain('not a page cursor');
  });

  it('stores each event once when two runs of one file go at once', async () => {
    const csv = readFileSync(sample('scan_rdp.csv'), 'utf8').replaceAll('2019-09-04', '2026-10-01');
    const runs = await Promise.all(
      [1, 2, 3].map(() =>
        ingestFeed(
          get().db,
          { ...adHoc, name: 'rdp-racing' },
          { stream: text([csv]), source: 'scan_rdp.csv', actor: 'system:test', batchSize: 1 },
        ),
      ),
    );
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    expect(runs.reduce((n, r) => n + r.events, 0)).toBe(2);
    expect(runs.reduce((n, r) => n + r.duplicates, 0)).toBe(4);
  });

  it('closes a run whose process died, and notifies what it had stored', async () => {
    const db = get().db;
    const feed = await saveFeed(db, 'system:test', {
      name: 'rdp-crashed',
      format: 'shadowserver',
      source: { kind: 'upload' },
      tlp: 'AMBER',
      notify: 'immediately',
    });
    const csv = readFileSync(sample('scan_rdp.csv'), 'utf8').replaceAll('2019-09-04', '2026-09-01');
    const run = await ingestFeed(db, feed, { stream: text([csv]), source: 'scan_rdp.csv', actor: 'system:test' });
    // As a run looks when its process was killed after storing its events: running, no progress since.
    await db.deleteFrom('run_organisations').where('run_id', '=', run.runId).execute();
    await db
      .updateTable('feed_runs')
      .set({ status: 'running', finished_at: null, heartbeat_at: new Date(Date.now() - 11 * 60_000) })
      .where('id', '=', run.runId)
      .execute();
    const settings = testSettings({}, teamKey.teamKey);
    const sent = await dispatchNotifications(db, { settings, feed: 'rdp-crashed' });
    expect(sent.map((n) => [n.organisation, n.events])).toEqual([['Example Hosting', 2]]);
    const closed = await db.selectFrom('feed_runs').select(['status', 'error']).where('id', '=', run.runId).executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: 'failed', error: 'interrupted: no progress for 10 minutes' });
    // A run still making progress is left alone.
    await db.updateTable('feed_runs').set({ status: 'running', heartbeat_at: new Date() }).where('id', '=', run.runId).execute();
    expect(await dispatchNotifications(db, { settings, feed: 'rdp-crashed' })).toEqual([]);
    expect((await db.selectFrom('feed_runs').select('status').where('id', '=', run.runId).executeTakeFirstOrThrow()).status).toBe(
      'running',
    );
  });

  it('leaves the events of a deleted organisation unowned', async () => {
    const db = get().db;
    const org = await createOrganisation(db, 'system:test', { name: 'Short-lived AB', netblocks: [{ prefix: '203.0.113.0/24' }] });
    const run = await ingestFeed(
      db,
      { ...adHoc, name: 'short-lived' },
      {
        stream: text([
          '"timestamp","ip","port","hostname","tag","asn","geo"',
          '"2026-11-20 01:00:00","203.0.113.7",3389,,"rdp",64500,"SE"',
        ]),
        source: 'scan_rdp.csv',
        actor: 'system:test',
      },
    );
    expect(run.byOrganisation).toEqual({ [org.id]: 1 });
    await deleteOrganisation(db, 'system:test', org.id);
    expect(await db.selectFrom('events').select('organisation_id').where('run_id', '=', run.runId).execute()).toEqual([
      { organisation_id: null },
    ]);
  });

  it('runs an uploaded file through the API and notifies at once when the feed says so', async () => {
    const put = await analyst.request({
      method: 'PUT',
      url: '/api/feeds/rdp-now',
      payload: {
        name: 'rdp-now',
        format: 'shadowserver:scan_rdp',
        source: { kind: 'upload' },
        tlp: 'GREEN',
        notify: 'immediately',
        dedupHours: 48,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const csv = readFileSync(sample('scan_rdp.csv'), 'utf8').replaceAll('2019-09-04', '2026-11-01');
    const upload = await analyst.request({
      method: 'POST',
      url: '/api/feeds/rdp-now/upload?filename=whatever.csv',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(upload.statusCode, upload.body).toBe(200);
    const body = upload.json<{
      runs: Array<{ events: number; report: string }>;
      notifications: Array<{ organisation: string; status: string }>;
    }>();
    expect(body.runs[0]).toMatchObject({ events: 2, report: 'scan_rdp' });
    expect(body.notifications).toEqual([expect.objectContaining({ organisation: 'Example Hosting', status: 'queued' })]);
    // Gzip is known by its first bytes, whatever the name and content type say.
    const gzipped = gzipSync(Buffer.from(csv.replaceAll('2026-11-01', '2026-11-05')));
    const second = await analyst.request({
      method: 'POST',
      url: '/api/feeds/rdp-now/upload?filename=report.csv',
      headers: { 'content-type': 'application/octet-stream' },
      payload: gzipped,
    });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<{ runs: Array<{ events: number }> }>().runs[0]).toMatchObject({ events: 2 });
    const runs = (await analyst.request({ method: 'GET', url: '/api/feed-runs?feed=rdp-now' })).json<{ runs: Array<{ status: string }> }>()
      .runs;
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok']);
    // One run a page: the cursor leads to the older run, then to nothing.
    type Page = { runs: Array<{ id: string; cursor: string }> };
    const newest = (await analyst.request({ url: '/api/feed-runs?feed=rdp-now&limit=1' })).json<Page>().runs;
    const older = (
      await analyst.request({ url: `/api/feed-runs?feed=rdp-now&limit=1&before=${encodeURIComponent(newest[0]!.cursor)}` })
    ).json<Page>().runs;
    expect(older).toHaveLength(1);
    expect(older[0]!.id).not.toBe(newest[0]!.id);
    const none = (
      await analyst.request({ url: `/api/feed-runs?feed=rdp-now&before=${encodeURIComponent(older[0]!.cursor)}` })
    ).json<Page>();
    expect(none.runs).toEqual([]);
    expect((await analyst.request({ url: '/api/feed-runs?page=2' })).statusCode).toBe(400);
    const readOnly = await loginAs('read-only');
    expect(
      (await readOnly.request({ method: 'POST', url: '/api/feeds/rdp-now/upload', headers: { 'content-type': 'text/csv' }, payload: csv }))
        .statusCode,
    ).toBe(403);
    expect((await readOnly.request({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(200);
  });

  it("notifies a day's events when the team's day has ended, in its time zone, on the day the clocks change", async () => {
    const db = get().db;
    await saveProfile(db, 'system:test', loadProfileFixture('cert-stockholm'));
    try {
      const feed = await saveFeed(db, 'system:test', {
        name: 'rdp-local-day',
        format: 'shadowserver',
        source: { kind: 'upload' },
        tlp: 'AMBER',
        notify: 'daily',
      });
      const run = await runFile(db, feed, sample('scan_rdp.csv'), { actor: 'system:test' });
      // Ended at 00:30 in Stockholm on 29 March 2026, the day summer time starts: 23 hours long.
      await db
        .updateTable('run_organisations')
        .set({ finished_at: new Date('2026-03-28T23:30:00Z') })
        .where('run_id', '=', run.runId)
        .execute();
      const settings = testSettings({}, teamKey.teamKey);
      expect(await dispatchNotifications(db, { settings, feed: 'rdp-local-day', now: new Date('2026-03-29T21:59:59Z') })).toEqual([]);
      const sent = await dispatchNotifications(db, { settings, feed: 'rdp-local-day', now: new Date('2026-03-29T22:00:00Z') });
      expect(sent.map((n) => [n.organisation, n.periodStart, n.periodEnd])).toEqual([
        ['Example Hosting', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
      ]);
    } finally {
      await db.deleteFrom('team_profile').execute();
    }
  });
});
