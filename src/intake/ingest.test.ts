import { readFileSync, readdirSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { mail, testSettings } from '../../test/helpers/mail.js';
import { makeKey, type TestKey } from '../../test/helpers/pgp.js';
import { getBlob } from '../db/blobs.js';
import { storePublicKey } from '../mail/keys.js';
import { ingestMail, type IntakeOutcome } from './ingest.js';

const SAMPLES = new URL('../../test/fixtures/mail/', import.meta.url);

let team: TestKey;
let reporter: TestKey;
beforeAll(async () => {
  [team, reporter] = await Promise.all([makeKey('CERT Test', 'cert@team.test'), makeKey('Rita', 'rita@reporter.test')]);
});

function reportIdOf(outcome: IntakeOutcome): string {
  if (outcome.kind !== 'report') throw new Error(`expected a new report, got ${outcome.kind}`);
  return outcome.reportId;
}

describeEachEngine('mail intake', (get) => {
  const settings = () => testSettings({}, team.teamKey);

  it('turns a mail into a report: text, TLP as stated, indicators refanged, raw kept by hash, a signed acknowledgement queued with the tag', async () => {
    const { db } = get();
    const raw = mail({
      subject: 'Phishing against our customers',
      body: 'See hxxps://login-bank[.]example/verify from 198.51.100[.]7\r\nTLP:GREEN',
    });
    const id = reportIdOf(await ingestMail(db, settings(), raw, 'test'));
    const report = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(report).toMatchObject({
      channel: 'email',
      status: 'new',
      subject: 'Phishing against our customers',
      reporter_email: 'rita@reporter.test',
      reporter_name: 'Rita Reporter',
      tlp: 'GREEN',
      tlp_source: 'stated',
      intake_status: 'ok',
      sensitive: false,
    });
    const indicators = await db
      .selectFrom('report_indicators')
      .select(['kind', 'value'])
      .where('report_id', '=', id)
      .orderBy('kind')
      .orderBy('value')
      .execute();
    expect(indicators).toEqual([
      { kind: 'domain', value: 'login-bank.example' },
      { kind: 'ipv4', value: '198.51.100.7' },
      { kind: 'url', value: 'https://login-bank.example/verify' },
    ]);
    const message = await db
      .selectFrom('messages')
      .selectAll()
      .where('report_id', '=', id)
      .where('direction', '=', 'in')
      .executeTakeFirstOrThrow();
    expect((await getBlob(db, message.raw_sha256!))?.equals(raw)).toBe(true);
    const ack = await db
      .selectFrom('messages')
      .selectAll()
      .where('report_id', '=', id)
      .where('direction', '=', 'out')
      .executeTakeFirstOrThrow();
    expect(ack).toMatchObject({
      subject: `Re: [CERT-T #${id}] Phishing against our customers`,
      to_addresses: ['rita@reporter.test'],
      delivery_status: 'queued',
      pgp_signature: 'signed',
      automatic: true,
      in_reply_to: message.message_id,
    });
    expect(ack.body_text).toContain(`[CERT-T #${id}]`);
    expect((await getBlob(db, ack.raw_sha256!))?.toString()).toMatch(/Auto-Submitted: auto-replied/);
  });

  it('stores a re-delivery once: the same Message-ID and body with another Received line is a duplicate', async () => {
    const { db } = get();
    const first = mail({ messageId: '<redeliver@reporter.test>' });
    const again = Buffer.concat([Buffer.from('Received: from relay2.example by mx.team.test; Mon, 16 Nov 2026 10:05:00 +0100\r\n'), first]);
    const a = await ingestMail(db, settings(), first, 'test');
    const b = await ingestMail(db, settings(), again, 'test');
    expect(a.kind).toBe('report');
    expect(b).toEqual({ kind: 'duplicate', messageId: a.messageId });
    const [a2, b2] = await Promise.all([
      ingestMail(db, settings(), mail({ messageId: '<race@reporter.test>' }), 'x'),
      ingestMail(db, settings(), mail({ messageId: '<race@reporter.test>' }), 'y'),
    ]);
    expect([a2.kind, b2.kind].sort()).toEqual(['duplicate', 'report']);
  });

  it('threads a reply onto its report by subject tag, and by In-Reply-To of our acknowledgement, without acknowledging again', async () => {
    const { db } = get();
    const id = reportIdOf(await ingestMail(db, settings(), mail({ subject: 'Scanning from our range' }), 'test'));
    const tagged = await ingestMail(
      db,
      settings(),
      mail({ subject: `Re: [cert-t #${id}] Scanning from our range`, body: 'More logs: 203.0.113.50' }),
      'test',
    );
    expect(tagged).toMatchObject({ kind: 'reply', reportId: id, incidentId: null });
    const ack = await db
      .selectFrom('messages')
      .select('message_id')
      .where('report_id', '=', id)
      .where('direction', '=', 'out')
      .executeTakeFirstOrThrow();
    const byReference = await ingestMail(db, settings(), mail({ subject: 'Re: your mail', inReplyTo: ack.message_id! }), 'test');
    expect(byReference).toMatchObject({ kind: 'reply', reportId: id });
    const outgoing = await db.selectFrom('messages').select('id').where('report_id', '=', id).where('direction', '=', 'out').execute();
    expect(outgoing).toHaveLength(1);
  });

  it('S/MIME-signed mail (detached and opaque, made by openssl) is named S/MIME, unverified, never a bad PGP signature', async () => {
    const { db } = get();
    for (const [name, text] of [
      ['smime/signed.eml', 'Phishing at hxxp://bank-login[.]example'],
      ['smime/opaque.eml', ''],
    ] as const) {
      const id = reportIdOf(await ingestMail(db, settings(), readFileSync(new URL(name, SAMPLES)), 'test'));
      const message = await db
        .selectFrom('messages')
        .select(['pgp_signature', 'body_text'])
        .where('report_id', '=', id)
        .where('direction', '=', 'in')
        .executeTakeFirstOrThrow();
      expect(message.pgp_signature).toBe('smime-unverified');
      expect(message.body_text).toContain(text);
      const attachments = await db.selectFrom('attachments').select('filename').where('report_id', '=', id).execute();
      // The detached signature is no attachment of the report; the opaque one is the whole content.
      expect(attachments.map((a) => a.filename)).toEqual(name === 'smime/opaque.eml' ? ['smime.p7m'] : []);
    }
  });

  it('a tag naming no ticket makes a new report that says so', async () => {
    const { db } = get();
    const id = reportIdOf(await ingestMail(db, settings(), mail({ subject: 'Re: [CERT-T #999999] old matter' }), 'test'));
    const report = await db.selectFrom('reports').select('intake_notes').where('id', '=', id).executeTakeFirstOrThrow();
    expect(report.intake_notes.join()).toMatch(/#999999, which is no report or incident/);
  });

  it('never acknowledges machines: Auto-Submitted (even forged), bounces, lists, no-reply senders, our own address', async () => {
    const { db } = get();
    const cases = [
      mail({ headers: ['Auto-Submitted: auto-replied'] }),
      mail({ headers: ['Auto-Submitted: auto-generated (forged by a spammer)'] }),
      mail({ headers: ['Return-Path: <>'] }),
      mail({ headers: ['List-Id: <abuse.lists.example>'] }),
      mail({ headers: ['Precedence: bulk'] }),
      mail({ from: 'MAILER-DAEMON@mx.example' }),
      mail({ from: 'cert@team.test' }),
    ];
    for (const raw of cases) {
      const id = reportIdOf(await ingestMail(db, settings(), raw, 'test'));
      const out = await db.selectFrom('messages').select('id').where('report_id', '=', id).where('direction', '=', 'out').execute();
      expect(out).toHaveLength(0);
      const message = await db.selectFrom('messages').select('auto_submitted').where('report_id', '=', id).executeTakeFirstOrThrow();
      expect(message.auto_submitted).toBe(true);
    }
    // A delivery report, even one without its status part, is filed rather than triaged or answered.
    const dsn = await ingestMail(
      db,
      settings(),
      mail({
        contentType: 'multipart/report; report-type=delivery-status; boundary="b"',
        body: '--b\r\nContent-Type: text/plain\r\n\r\nDelivery failed\r\n--b--',
      }),
      'test',
    );
    expect(dsn).toMatchObject({ kind: 'filed', reportId: null, about: [] });
    const filed = await db
      .selectFrom('messages')
      .select(['auto_submitted', 'machine_report'])
      .where('id', '=', (dsn as { messageId: string }).messageId)
      .executeTakeFirstOrThrow();
    expect(filed).toMatchObject({ auto_submitted: true, machine_report: { format: 'dsn', problems: ['no message/delivery-status part'] } });
  });

  it('SENSITIVE in the subject: flagged; the acknowledgement is suppressed without a key and encrypted with one', async () => {
    const { db } = get();
    const withoutKey = reportIdOf(
      await ingestMail(db, settings(), mail({ from: 'nokey@reporter.test', subject: 'SENSITIVE: breach at the water utility' }), 'test'),
    );
    const report = await db.selectFrom('reports').select(['sensitive']).where('id', '=', withoutKey).executeTakeFirstOrThrow();
    expect(report.sensitive).toBe(true);
    const suppressed = await db
      .selectFrom('messages')
      .select(['delivery_status', 'delivery_error'])
      .where('report_id', '=', withoutKey)
      .where('direction', '=', 'out')
      .executeTakeFirstOrThrow();
    expect(suppressed).toMatchObject({ delivery_status: 'suppressed' });
    expect(suppressed.delivery_error).toMatch(/no key for nokey@reporter.test/);

    await storePublicKey(db, 'system:test', reporter.armoredPublic);
    const withKey = reportIdOf(await ingestMail(db, settings(), mail({ subject: 'Sensitive: another breach' }), 'test'));
    const ack = await db
      .selectFrom('messages')
      .selectAll()
      .where('report_id', '=', withKey)
      .where('direction', '=', 'out')
      .executeTakeFirstOrThrow();
    expect(ack).toMatchObject({ delivery_status: 'queued', pgp_encryption: 'encrypted' });
    const bytes = (await getBlob(db, ack.raw_sha256!))!.toString();
    expect(bytes).toMatch(/multipart\/encrypted/);
    expect(bytes).not.toContain('Thank you for your report');
  });

  it('TLP: none stated gives the team default; an unknown marker is noted; several labels give the most restrictive', async () => {
    const { db } = get();
    const plain = reportIdOf(await ingestMail(db, settings(), mail({ body: 'no label here' }), 'test'));
    const unknown = reportIdOf(await ingestMail(db, settings(), mail({ body: 'TLP:PURPLE please' }), 'test'));
    const mixed = reportIdOf(
      await ingestMail(db, settings(), mail({ subject: '[TLP:AMBER] report', body: 'excerpt follows\n> TLP:RED\n' }), 'test'),
    );
    const rows = await db
      .selectFrom('reports')
      .select(['id', 'tlp', 'tlp_source', 'intake_notes'])
      .where('id', 'in', [plain, unknown, mixed])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.tlp, r.tlp_source])).toEqual([
      ['AMBER+STRICT', 'default'],
      ['AMBER+STRICT', 'default'],
      ['RED', 'stated'],
    ]);
    expect(rows[1]!.intake_notes.join()).toMatch(/unknown TLP marker "TLP:PURPLE"/);
  });

  it('HTML-only mail: text extracted for reading and indicators, HTML kept only sanitised', async () => {
    const { db } = get();
    const html =
      '<html><body><p onclick="steal()">Visit <a href="javascript:alert(1)">this</a> <a href="https://evil.example/x">link</a></p><script>alert(1)</script><img src="https://tracker.example/p.gif"><iframe src="https://evil.example"></iframe></body></html>';
    const id = reportIdOf(await ingestMail(db, settings(), mail({ contentType: 'text/html; charset=utf-8', body: html }), 'test'));
    const message = await db
      .selectFrom('messages')
      .select(['body_html', 'body_text'])
      .where('report_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(message.body_html).not.toMatch(/script|onclick|javascript:|<img|iframe|tracker/i);
    expect(message.body_html).toContain('href="https://evil.example/x"');
    expect(message.body_text).toMatch(/Visit/);
    const urls = await db.selectFrom('report_indicators').select('value').where('report_id', '=', id).where('kind', '=', 'url').execute();
    expect(urls.map((u) => u.value)).toContain('https://evil.example/x');
  });

  it('charsets: ISO-8859-1 and Windows-1252 bodies and an RFC 2047 subject decode; undeclared 8-bit bytes do not crash', async () => {
    const { db } = get();
    const latin = Buffer.concat([
      mail({ subject: '=?ISO-8859-1?Q?Intr=E5ng_i_v=E5rt_n=E4t?=', contentType: 'text/plain; charset=iso-8859-1', body: '' }),
      Buffer.from('Angriparen kom från 192.0.2.99 och förstörde säkerhetskopian.', 'latin1'),
    ]);
    const id = reportIdOf(await ingestMail(db, settings(), latin, 'test'));
    const report = await db.selectFrom('reports').select(['subject', 'body']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ subject: 'Intrång i vårt nät' });
    expect(report.body).toContain('Angriparen kom från 192.0.2.99 och förstörde säkerhetskopian.');
    const cp1252 = Buffer.concat([
      mail({ contentType: 'text/plain; charset=windows-1252', body: '' }),
      Buffer.from([0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x80]),
    ]);
    const id2 = reportIdOf(await ingestMail(db, settings(), cp1252, 'test'));
    expect((await db.selectFrom('reports').select('body').where('id', '=', id2).executeTakeFirstOrThrow()).body).toContain(
      '\u201cquoted\u201d \u20ac',
    );
    const wrong = Buffer.concat([
      mail({ contentType: 'text/plain; charset=x-no-such-charset', body: '' }),
      Buffer.from([0xff, 0xfe, 0x41, 0x00]),
    ]);
    expect((await ingestMail(db, settings(), wrong, 'test')).kind).toBe('report');
  });

  it('attachments: kept by hash; over the limit recorded but not stored twice; an archive (even a zip bomb) is never unpacked', async () => {
    const { db } = get();
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
    const big = Buffer.alloc(2 * 1024 * 1024, 0x41);
    const body = [
      '--b',
      'Content-Type: text/plain',
      '',
      'Logs and a sample attached.',
      '--b',
      'Content-Type: application/zip; name="sample.zip"',
      'Content-Disposition: attachment; filename="sample.zip"',
      'Content-Transfer-Encoding: base64',
      '',
      bomb.toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--b',
      'Content-Type: application/octet-stream; name="memory.dmp"',
      'Content-Disposition: attachment; filename="memory.dmp"',
      'Content-Transfer-Encoding: base64',
      '',
      big.toString('base64').replace(/.{76}/g, '$&\r\n'),
      '--b--',
    ].join('\r\n');
    const id = reportIdOf(await ingestMail(db, settings(), mail({ contentType: 'multipart/mixed; boundary="b"', body }), 'test'));
    const attachments = await db.selectFrom('attachments').selectAll().where('report_id', '=', id).orderBy('filename').execute();
    expect(attachments.map((a) => [a.filename, Number(a.size), a.stored])).toEqual([
      ['memory.dmp', big.length, false],
      ['sample.zip', bomb.length, true],
    ]);
    expect(attachments[0]!.note).toMatch(/attachment limit/);
    expect(attachments[1]!.note).toMatch(/never unpacked/);
    expect((await getBlob(db, attachments[1]!.sha256))?.length).toBe(bomb.length);
  });

  it('a message over the size limit keeps its headers, is marked too-large, and is not acknowledged', async () => {
    const { db } = get();
    const raw = mail({ subject: 'Huge dump', body: 'x'.repeat(200_000) });
    const id = reportIdOf(await ingestMail(db, testSettings({ maxMessageBytes: 100_000 }, team.teamKey), raw, 'test'));
    const report = await db
      .selectFrom('reports')
      .select(['intake_status', 'subject', 'intake_notes'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(report).toMatchObject({ intake_status: 'too-large', subject: 'Huge dump' });
    expect(report.intake_notes.join()).toMatch(/over the 100000-byte limit/);
  });

  it('malformed MIME and bytes that are no mail at all are stored with a status, never dropped', async () => {
    const { db } = get();
    const broken = mail({
      contentType: 'multipart/mixed; boundary="never-closed"',
      body: '--never-closed\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!',
    });
    expect((await ingestMail(db, settings(), broken, 'test')).kind).toBe('report');
    const garbage = Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x0d, 0x0a, 0x0d, 0x0a, 0x42]);
    const id = reportIdOf(await ingestMail(db, settings(), garbage, 'test'));
    const report = await db.selectFrom('reports').select(['intake_status', 'subject']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(report.intake_status).toBe('malformed');
  });

  it('ingests the sample mails (RIPE, Mailpile): multipart alternative, mixed, HTML and list mail', async () => {
    const { db } = get();
    const files = readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.eml'))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const file of files) {
      const outcome = await ingestMail(db, settings(), readFileSync(new URL(file, SAMPLES)), `file:${file}`);
      expect(['report', 'reply']).toContain(outcome.kind);
    }
    const html = await db
      .selectFrom('reports')
      .select(['body'])
      .where('created_by', '=', 'system:intake')
      .where('body', 'like', '%inetnum%')
      .execute();
    expect(html.length).toBeGreaterThan(0);
  });
});
