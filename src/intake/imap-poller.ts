/**
 * Polls an IMAP mailbox (imapflow). A message is marked on the server ($VaktStored, and \Seen)
 * only after its report has committed; a message already stored (a crash came between the
 * commit and the flag) is found by its de-duplication key and only flagged. Between passes the
 * connection IDLEs where the server offers it, and a new pass starts when the server announces
 * new mail (EXISTS), or after the poll interval.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { ImapFlow } from 'imapflow';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { ingestMail, type IntakeOutcome, type IntakeSettings } from './ingest.js';

export const STORED_KEYWORD = '$VaktStored';

export interface MailboxSpec {
  name: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
  folder: string;
}

export interface PollReport {
  stored: number;
  replies: number;
  duplicates: number;
  filed: number;
  failed: number;
}

export interface PollOptions {
  /** Settings are read per run: a profile change (short name, default TLP) applies at once. */
  settings: () => Promise<IntakeSettings>;
  onOutcome?: (outcome: IntakeOutcome) => void;
  onError?: (error: Error, uid: number) => void;
}

/** Parses imap://user:password@host:port/folder (imaps:// for TLS). */
export function mailboxFromUrl(url: string, name = 'environment'): MailboxSpec {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('VAKT_IMAP_URL is not a URL; write it as imap://user:password@host:port/INBOX');
  }
  if (parsed.protocol !== 'imap:' && parsed.protocol !== 'imaps:') throw new Error('VAKT_IMAP_URL must start with imap:// or imaps://');
  const secure = parsed.protocol === 'imaps:';
  return {
    name,
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 993 : 143,
    secure,
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    folder: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'INBOX',
  };
}

/** How long a polite LOGOUT may take at shutdown before the connection is simply closed. */
const LOGOUT_GRACE_MS = 2000;

/** IDLE starts a second after a pass (imapflow's default is 15 s), so new mail is announced soon. */
const AUTO_IDLE_DELAY_MS = 1000;
/**
 * Ending IDLE to start a pass has been seen to stall (the mailbox lock never granted); a pass
 * that cannot get the lock in this time drops the connection, and the watcher reconnects.
 */
const LOCK_TIMEOUT_MS = 20_000;

export function connect(spec: MailboxSpec): ImapFlow {
  return new ImapFlow({
    host: spec.host,
    port: spec.port,
    secure: spec.secure,
    auth: { user: spec.username, pass: spec.password },
    logger: false,
    autoIdleDelay: AUTO_IDLE_DELAY_MS,
  });
}

async function lockWithin(client: ImapFlow, folder: string): Promise<{ release(): void }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no lock on ${folder} within ${LOCK_TIMEOUT_MS / 1000} s; reconnecting`)), LOCK_TIMEOUT_MS);
  });
  const pending = client.getMailboxLock(folder);
  try {
    return await Promise.race([pending, timeout]);
  } catch (error) {
    // If the lock comes after all, give it back; the connection is closed by the caller.
    void pending.then(
      (lock) => lock.release(),
      () => undefined,
    );
    client.close();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** One pass over the mailbox: every message not yet marked is stored, then marked. */
export async function pollOnce(db: Kysely<Schema>, client: ImapFlow, spec: MailboxSpec, options: PollOptions): Promise<PollReport> {
  const report: PollReport = { stored: 0, replies: 0, filed: 0, duplicates: 0, failed: 0 };
  const lock = await lockWithin(client, spec.folder);
  try {
    // Let the server announce mail that arrived on other connections before searching.
    await client.noop();
    const mailbox = client.mailbox;
    const keywords = mailbox && mailbox.permanentFlags ? mailbox.permanentFlags.has('\\*') : false;
    const uids = (await client.search(keywords ? { unKeyword: STORED_KEYWORD } : { seen: false }, { uid: true })) || [];
    const settings = await options.settings();
    for (const uid of uids) {
      try {
        const meta = await client.fetchOne(String(uid), { size: true }, { uid: true });
        const size = meta ? (meta.size ?? 0) : 0;
        const tooLarge = size > settings.maxMessageBytes;
        const message = await client.fetchOne(String(uid), tooLarge ? { headers: true } : { source: true }, { uid: true });
        const raw = message ? (tooLarge ? message.headers : message.source) : undefined;
        if (!raw) continue;
        const outcome = await ingestMail(db, settings, raw, `imap:${spec.name}/${spec.folder}`, tooLarge ? { size } : {});
        await client.messageFlagsAdd(String(uid), keywords ? [STORED_KEYWORD, '\\Seen'] : ['\\Seen'], { uid: true });
        if (outcome.kind === 'report') report.stored++;
        else if (outcome.kind === 'reply') report.replies++;
        else if (outcome.kind === 'filed') report.filed++;
        else report.duplicates++;
        options.onOutcome?.(outcome);
      } catch (error) {
        // One bad message must not stop the mailbox: it stays unmarked and is tried next run.
        report.failed++;
        options.onError?.(error as Error, uid);
      }
    }
  } finally {
    lock.release();
  }
  return report;
}

/** Polls until the signal aborts; reconnects after a lost connection. */
export async function watchMailbox(
  db: Kysely<Schema>,
  spec: MailboxSpec,
  options: PollOptions & { pollSeconds: number; signal: AbortSignal; onPoll?: (report: PollReport) => void },
): Promise<void> {
  const { signal } = options;
  while (!signal.aborted) {
    const client = connect(spec);
    client.on('error', () => undefined);
    try {
      await client.connect();
      while (!signal.aborted && client.usable) {
        options.onPoll?.(await pollOnce(db, client, spec, options));
        // A stop that came during the pass must not wait out the poll interval.
        if (signal.aborted) break;
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            client.off('exists', done);
            client.off('close', done);
            signal.removeEventListener('abort', done);
            resolve();
          };
          const timer = setTimeout(done, options.pollSeconds * 1000);
          client.on('exists', done);
          client.on('close', done);
          signal.addEventListener('abort', done);
        });
      }
    } catch (error) {
      options.onError?.(error as Error, 0);
    } finally {
      // A stop must not wait on the server: LOGOUT if it answers quickly, else just close.
      await Promise.race([client.logout().catch(() => undefined), sleep(LOGOUT_GRACE_MS)]);
      client.close();
    }
    if (!signal.aborted) await sleep(Math.min(options.pollSeconds, 10) * 1000, undefined, { signal }).catch(() => undefined);
  }
}
