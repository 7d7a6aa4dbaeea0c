import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { freePort } from '../../test/helpers/dovecot.js';
import { mail, testSettings } from '../../test/helpers/mail.js';
import { startSmtpPeer, type SmtpPeer } from '../../test/helpers/smtp.js';
import { makeKey, memoryLookup, type TestKey } from '../../test/helpers/pgp.js';
import { loadConfig } from '../config.js';
import { deliverQueued, smtpTransport } from '../mail/outbox.js';
import { ingestMail } from './ingest.js';
import { readMbox, readMaildir } from './mail-archive.js';
import { startMailService } from './mail-service.js';
import { parseMessage } from './mime.js';

let team: TestKey;
beforeAll(async () => {
  team = await makeKey('CERT', 'cert@team.test');
});

describeEachEngine('outgoing mail through a real SMTP peer', (get) => {
  let peer: SmtpPeer;
  beforeAll(async () => {
    peer = await startSmtpPeer();
  });
  afterAll(() => peer.close());

  it('delivers the acknowledgement once, signed, with the tag; a retry after success sends nothing more', async () => {
    const { db } = get();
    const outcome = await ingestMail(db, testSettings({}, team.teamKey), mail({ subject: 'Open resolver at 192.0.2.53' }), 'test');
    const transport = smtpTransport(`smtp://127.0.0.1:${peer.port}`);
    try {
      expect(await deliverQueued(db, transport)).toEqual({ sent: 1, failed: 0, retrying: 0 });
      expect(await deliverQueued(db, transport)).toEqual({ sent: 0, failed: 0, retrying: 0 });
    } finally {
      transport.close();
    }
    expect(peer.received).toHaveLength(1);
    const got = peer.received[0]!;
    expect(got.to).toEqual(['rita@reporter.test']);
    const parsed = await parseMessage(got.raw, { lookup: memoryLookup([team.publicKey]) });
    expect(parsed.subject).toBe(`Re: [CERT-T #${outcome.kind === 'report' ? outcome.reportId : ''}] Open resolver at 192.0.2.53`);
    expect(parsed.signature.status).toBe('valid');
    const row = await db
      .selectFrom('messages')
      .select(['delivery_status', 'sent_at'])
      .where('direction', '=', 'out')
      .executeTakeFirstOrThrow();
    expect(row.delivery_status).toBe('sent');
  });

  it('retries with back-off on a temporary refusal and gives up at once on a permanent one', async () => {
    const { db } = get();
    await ingestMail(db, testSettings({}, team.teamKey), mail({ subject: 'temp' }), 'test');
    const transport = smtpTransport(`smtp://127.0.0.1:${peer.port}`);
    try {
      peer.refuseWith = 451;
      expect(await deliverQueued(db, transport)).toEqual({ sent: 0, failed: 0, retrying: 1 });
      const waiting = await db
        .selectFrom('messages')
        .select(['delivery_status', 'delivery_attempts', 'next_attempt_at', 'delivery_error'])
        .where('subject', 'like', '%temp')
        .where('direction', '=', 'out')
        .executeTakeFirstOrThrow();
      expect(waiting).toMatchObject({ delivery_status: 'queued', delivery_attempts: 1 });
      expect(new Date(waiting.next_attempt_at!).getTime()).toBeGreaterThan(Date.now() + 60_000);
      peer.refuseWith = 550;
      const later = () => new Date(Date.now() + 3 * 60_000);
      expect(await deliverQueued(db, transport, later)).toEqual({ sent: 0, failed: 1, retrying: 0 });
      const failed = await db
        .selectFrom('messages')
        .select(['delivery_status', 'delivery_error'])
        .where('subject', 'like', '%temp')
        .where('direction', '=', 'out')
        .executeTakeFirstOrThrow();
      expect(failed.delivery_status).toBe('failed');
      expect(failed.delivery_error).toMatch(/550/);
    } finally {
      peer.refuseWith = undefined;
      transport.close();
    }
  });

  it('the SMTP listener stores a delivered report before it answers 250, and refuses oversized mail', async () => {
    const { db, engine } = get();
    const port = await freePort();
    const config = { ...loadConfig({}).mail, smtpListen: `127.0.0.1:${port}`, maxMessageBytes: 50_000, autoAcknowledge: false };
    const service = await startMailService(get(), config, undefined, { info: () => undefined, error: () => undefined });
    const client = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    try {
      const subject = `Direct delivery ${engine}`;
      await client.sendMail({ envelope: { from: 'rita@reporter.test', to: ['cert@team.test'] }, raw: mail({ subject }) });
      const row = await db.selectFrom('reports').select(['subject', 'channel']).where('subject', '=', subject).executeTakeFirst();
      expect(row).toEqual({ subject, channel: 'email' });
      await expect(
        client.sendMail({
          envelope: { from: 'rita@reporter.test', to: ['cert@team.test'] },
          raw: mail({ subject: 'huge', body: 'x'.repeat(80_000) }),
        }),
      ).rejects.toThrow(/552|exceeds/);
    } finally {
      client.close();
      await service.stop();
    }
  });
});

describe('mail archives', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vakt-archive-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('splits an mbox on "From " lines, unquotes ">From ", keeps a message that ends without a newline', async () => {
    const file = join(dir, 'a.mbox');
    writeFileSync(
      file,
      [
        'From a@x Mon Nov 16 10:00:00 2026',
        'Subject: one',
        '',
        'body one',
        '>From the start',
        '',
        'From b@x Mon Nov 16 10:01:00 2026',
        'Subject: two',
        '',
        'last line without newline',
      ].join('\n'),
    );
    const messages = [];
    for await (const m of readMbox(file)) messages.push(m.raw.toString());
    expect(messages).toEqual(['Subject: one\n\nbody one\nFrom the start\n', 'Subject: two\n\nlast line without newline']);
  });

  it('refuses a file that is not an mbox, and a folder that is not a Maildir', async () => {
    const file = join(dir, 'not.mbox');
    writeFileSync(file, 'Subject: no envelope line\n\nbody\n');
    await expect(async () => {
      for await (const m of readMbox(file)) void m;
    }).rejects.toThrow(/not an mbox file/);
    expect(() => [...readMaildir(dir)]).toThrow(/not a Maildir/);
  });

  it('vakt import mbox: imports with progress, acknowledges nothing, and a second run only finds duplicates', async () => {
    const mbox = join(dir, 'import.mbox');
    const messages = Array.from(
      { length: 25 },
      (_, i) =>
        `From rita@reporter.test Mon Nov 16 10:00:00 2026\n${mail({ messageId: `<imp-${i}@reporter.test>`, subject: `archived ${i}` })
          .toString()
          .replace(/\r\n/g, '\n')}\n`,
    );
    writeFileSync(mbox, messages.join('\n'));
    const env = { VAKT_DATA_DIR: join(dir, 'data') };
    const first = await runCli(['import', 'mbox', mbox], env);
    expect(first.stdout).toBe('imported: 25 new reports, 0 replies, 0 delivery/feedback reports filed, 0 duplicates skipped, 0 failed\n');
    expect(first.code).toBe(0);
    const second = await runCli(['import', 'mbox', mbox], env);
    expect(second.stdout).toBe('imported: 0 new reports, 0 replies, 0 delivery/feedback reports filed, 25 duplicates skipped, 0 failed\n');
    const maildir = join(dir, 'Maildir');
    mkdirSync(join(maildir, 'new'), { recursive: true });
    mkdirSync(join(maildir, 'cur'), { recursive: true });
    writeFileSync(join(maildir, 'new', '1.eml'), mail({ messageId: '<md-1@reporter.test>' }));
    writeFileSync(join(maildir, 'cur', '2.eml:2,S'), mail({ messageId: '<md-2@reporter.test>' }));
    const md = await runCli(['import', 'maildir', maildir], env);
    expect(md.stdout).toBe('imported: 2 new reports, 0 replies, 0 delivery/feedback reports filed, 0 duplicates skipped, 0 failed\n');
    const notThere = await runCli(['import', 'mbox', join(dir, 'missing.mbox')], env);
    expect(notThere.code).toBe(2);
    expect(notThere.stderr).toMatch(/cannot read/);
  }, 120_000);
});
