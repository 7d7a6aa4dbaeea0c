import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { startDovecot, type Dovecot } from '../../test/helpers/dovecot.js';
import { mail, testSettings } from '../../test/helpers/mail.js';
import { createScratchDatabase } from '../../test/helpers/postgres.js';
import { migrate, openDatabase } from '../db/database.js';
import { connect, mailboxFromUrl, pollOnce, STORED_KEYWORD, watchMailbox } from './imap-poller.js';

describeEachEngine('IMAP intake from Dovecot', (get) => {
  let dovecot: Dovecot;
  beforeAll(async () => {
    dovecot = await startDovecot();
  });
  afterAll(() => dovecot?.stop());

  it('stores every new message, marks it on the server only afterwards, and leaves marked ones alone', async () => {
    const { db } = get();
    await dovecot.append([
      mail({ subject: 'first' }),
      mail({ subject: 'second' }),
      mail({ subject: 'third', contentType: 'text/html', body: '<p>html only</p>' }),
    ]);
    const client = connect(dovecot.spec);
    await client.connect();
    try {
      const first = await pollOnce(db, client, dovecot.spec, { settings: async () => testSettings() });
      expect(first).toEqual({ stored: 3, replies: 0, filed: 0, duplicates: 0, failed: 0 });
      expect(await dovecot.flagged(STORED_KEYWORD)).toBe(3);
      const reports = await db.selectFrom('reports').select('subject').orderBy('id').execute();
      expect(reports.map((r) => r.subject)).toEqual(['first', 'second', 'third']);
      const id = (await db.selectFrom('reports').select('id').where('subject', '=', 'first').executeTakeFirstOrThrow()).id;
      await dovecot.append([mail({ subject: `Re: [CERT-T #${id}] first` })]);
      const second = await pollOnce(db, client, dovecot.spec, { settings: async () => testSettings() });
      expect(second).toEqual({ stored: 0, replies: 1, filed: 0, duplicates: 0, failed: 0 });
      expect(await pollOnce(db, client, dovecot.spec, { settings: async () => testSettings() })).toEqual({
        stored: 0,
        replies: 0,
        filed: 0,
        duplicates: 0,
        failed: 0,
      });
    } finally {
      await client.logout();
    }
  });

  it('a 50 MB attachment: the message is not downloaded, its headers are stored as too large, and the rest of the mailbox goes on', async () => {
    const { db } = get();
    const big = Buffer.alloc(50 * 1024 * 1024, 7)
      .toString('base64')
      .replace(/.{76}/g, '$&\r\n');
    const huge = mail({
      subject: 'Full memory dump attached',
      contentType: 'multipart/mixed; boundary="b"',
      body: [
        '--b',
        'Content-Type: text/plain',
        '',
        'See the dump.',
        '--b',
        'Content-Type: application/octet-stream; name="mem.dmp"',
        'Content-Transfer-Encoding: base64',
        '',
        big,
        '--b--',
      ].join('\r\n'),
    });
    await dovecot.append([huge, mail({ subject: 'after the big one' })]);
    const client = connect(dovecot.spec);
    await client.connect();
    try {
      const report = await pollOnce(db, client, dovecot.spec, {
        settings: async () => testSettings({ maxMessageBytes: 64 * 1024 * 1024 }),
      });
      expect(report).toMatchObject({ stored: 2, failed: 0 });
    } finally {
      await client.logout();
    }
    const stored = await db
      .selectFrom('reports')
      .select(['subject', 'intake_status'])
      .where('subject', 'in', ['Full memory dump attached', 'after the big one'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { subject: 'Full memory dump attached', intake_status: 'too-large' },
      { subject: 'after the big one', intake_status: 'ok' },
    ]);
    const message = await db
      .selectFrom('messages')
      .innerJoin('reports', 'reports.id', 'messages.report_id')
      .select(['messages.raw_sha256', 'messages.raw_size'])
      .where('reports.subject', '=', 'Full memory dump attached')
      .executeTakeFirstOrThrow();
    expect(message.raw_sha256).toBeNull();
    expect(Number(message.raw_size)).toBeGreaterThan(64 * 1024 * 1024);
  }, 120_000);

  it('a watcher picks up new mail (IDLE, or its poll as the safety net) and stops at once when told', async () => {
    const { db } = get();
    const stop = new AbortController();
    const seen: string[] = [];
    const errors: string[] = [];
    const passes: string[] = [];
    const watching = watchMailbox(db, dovecot.spec, {
      settings: async () => testSettings(),
      pollSeconds: 10,
      signal: stop.signal,
      onOutcome: (o) => seen.push(o.kind),
      onPoll: (r) => passes.push(JSON.stringify(r)),
      onError: (e) => errors.push(e.message),
    });
    try {
      await dovecot.append([mail({ subject: 'arrives while watching' })]);
      const deadline = Date.now() + 45_000;
      while (!(await db.selectFrom('reports').select('id').where('subject', '=', 'arrives while watching').executeTakeFirst())) {
        if (Date.now() > deadline) throw new Error(`not stored within 45 s; passes: ${passes.join(' ')}; errors: ${errors.join('; ')}`);
        await sleep(200);
      }
    } finally {
      stop.abort();
      const stopped = Date.now();
      await watching;
      expect(Date.now() - stopped).toBeLessThan(5_000);
    }
    expect(seen).toContain('report');
  }, 90_000);

  it('parses imap:// and imaps:// addresses and refuses others with a clear message', () => {
    expect(mailboxFromUrl('imaps://cert%40team.test:p%40ss@mail.team.test/Reports')).toMatchObject({
      host: 'mail.team.test',
      port: 993,
      secure: true,
      username: 'cert@team.test',
      password: 'p@ss',
      folder: 'Reports',
    });
    expect(mailboxFromUrl('imap://u:p@127.0.0.1:10143')).toMatchObject({ port: 10143, secure: false, folder: 'INBOX' });
    expect(() => mailboxFromUrl('pop3://u:p@host')).toThrow(/must start with imap:\/\/ or imaps:\/\//);
    expect(() => mailboxFromUrl('not a url')).toThrow(/not a URL/);
  });
});

/*
 * The exactly-once proof: 500 messages, an intake process SIGKILLed at random moments and started
 * again until it finishes. Every message must be stored once and marked on the server.
 */
const MESSAGES = 500;

function startIntake(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['test/fixtures/intake-process.mjs'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

async function crashUntilDone(env: NodeJS.ProcessEnv, dir: string): Promise<number> {
  let kills = 0;
  let startup = 1000;
  for (let round = 0; round < 200; round++) {
    const started = Date.now();
    const child = startIntake(env);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const ready = new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
    // Every fourth round dies while starting (opening the database, connecting); the others at a
    // random moment of their work, later each round so that the run always finishes. Timing the
    // work from "ready" keeps a slow start on a busy machine from stretching the run.
    const killAt =
      round % 4 === 0
        ? sleep(Math.random() * startup)
        : ready.then(() => {
            startup = Date.now() - started;
            return sleep(200 + Math.random() * 800 + round * 120);
          });
    const outcome = await Promise.race([exited.then(() => 'exited' as const), killAt.then(() => 'timeout' as const)]);
    if (outcome === 'timeout') {
      child.kill('SIGKILL');
      await exited;
      kills++;
      continue;
    }
    if (existsSync(join(dir, 'done'))) return kills;
    throw new Error(`the intake process exited without finishing (code ${child.exitCode})`);
  }
  throw new Error('the intake never finished');
}

for (const engine of ['postgres', 'pglite'] as const) {
  const url = process.env.VAKT_TEST_DATABASE_URL;
  describe.skipIf(engine === 'postgres' && !url)(`IMAP intake survives SIGKILL [${engine}]`, () => {
    it(`stores each of ${MESSAGES} messages exactly once however often the process is killed`, async () => {
      const dovecot = await startDovecot();
      const dir = mkdtempSync(join(tmpdir(), 'vakt-intake-'));
      const scratch = engine === 'postgres' ? await createScratchDatabase(url!) : undefined;
      try {
        const target = scratch ? { url: scratch.url } : { dataDir: join(dir, 'data') };
        const setup = await openDatabase(target);
        await migrate(setup);
        await setup.close();
        const messages = Array.from({ length: MESSAGES }, (_, i) =>
          mail({ messageId: `<crash-${i}@reporter.test>`, subject: `report ${i}`, body: `Scan from 198.51.100.${i % 250} number ${i}` }),
        );
        await dovecot.append(messages);
        const env = {
          INTAKE_DIR: dir,
          VAKT_IMAP_URL: `imap://analyst:secret@127.0.0.1:${dovecot.spec.port}/INBOX`,
          ...(scratch ? { INTAKE_DB_URL: scratch.url } : { INTAKE_DATA_DIR: join(dir, 'data') }),
        };
        const kills = await crashUntilDone(env, dir);
        expect(kills).toBeGreaterThanOrEqual(5);

        const check = await openDatabase(target);
        try {
          const counts = await sql<{ reports: number; distinct_subjects: number; messages: number; acks: number }>`
            select (select count(*)::int from reports) as reports,
                   (select count(distinct subject)::int from reports) as distinct_subjects,
                   (select count(*)::int from messages where direction = 'in') as messages,
                   (select count(*)::int from messages where direction = 'out') as acks`.execute(check.db);
          expect(counts.rows[0]).toEqual({ reports: MESSAGES, distinct_subjects: MESSAGES, messages: MESSAGES, acks: MESSAGES });
        } finally {
          await check.close();
        }
        expect(await dovecot.flagged(STORED_KEYWORD)).toBe(MESSAGES);
        expect(await dovecot.count()).toBe(MESSAGES);
      } finally {
        dovecot.stop();
        await scratch?.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 600_000);
  });
}
