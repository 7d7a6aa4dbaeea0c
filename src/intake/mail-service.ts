/**
 * The mail side of `vakt serve` and `vakt worker`: a watcher per mailbox (the one in
 * VAKT_IMAP_URL and those added through the API, picked up within a minute), the outbox sender,
 * and the optional SMTP listener. The SMTP listener answers 250 only after the report has
 * committed, so a sender retries whatever we could not store.
 */
import { SMTPServer } from 'smtp-server';
import type { MailConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { deliverQueued, smtpTransport, type Transport } from '../mail/outbox.js';
import type { TeamKey } from '../mail/pgp.js';
import { mailboxFromUrl, watchMailbox, type MailboxSpec } from './imap-poller.js';
import { ingestMail } from './ingest.js';
import { intakeSettings } from './settings.js';

export interface MailServiceLog {
  info(message: string): void;
  error(message: string): void;
}

export interface MailService {
  stop(): Promise<void>;
  /** The port the SMTP listener got (useful when it was asked for port 0). */
  smtpPort?: number;
}

const RESCAN_MS = 60_000;

function hostPort(value: string): { host: string; port: number } {
  const match = /^(.*):(\d{1,5})$/.exec(value);
  if (!match) throw new Error(`VAKT_SMTP_LISTEN must be host:port, not "${value}"`);
  return { host: match[1] || '127.0.0.1', port: Number(match[2]) };
}

export async function startMailService(
  database: Database,
  mail: MailConfig,
  teamKey: TeamKey | undefined,
  log: MailServiceLog,
  transport?: Transport,
): Promise<MailService> {
  const { db } = database;
  const settings = () => intakeSettings(db, mail, teamKey);
  const stopper = new AbortController();
  const watchers = new Map<string, { abort: AbortController; done: Promise<void> }>();
  const tasks: Array<Promise<void>> = [];

  const watch = (key: string, spec: MailboxSpec, record: boolean) => {
    const abort = new AbortController();
    const done = watchMailbox(db, spec, {
      settings,
      pollSeconds: mail.pollSeconds,
      signal: AbortSignal.any([abort.signal, stopper.signal]),
      onPoll: (report) => {
        if (report.stored + report.replies + report.filed > 0)
          log.info(
            `mail ${spec.name}: ${report.stored} new reports, ${report.replies} replies, ${report.filed} delivery/feedback reports filed`,
          );
        if (record) void db.updateTable('mailboxes').set({ last_polled_at: new Date(), last_error: null }).where('id', '=', key).execute();
      },
      onError: (error, uid) => {
        log.error(`mail ${spec.name}${uid ? ` message ${uid}` : ''}: ${error.message}`);
        if (record)
          void db
            .updateTable('mailboxes')
            .set({ last_error: error.message.slice(0, 1000) })
            .where('id', '=', key)
            .execute();
      },
    });
    watchers.set(key, { abort, done });
  };

  if (mail.imapUrl) watch('environment', mailboxFromUrl(mail.imapUrl), false);

  const rescan = async () => {
    const rows = await db.selectFrom('mailboxes').selectAll().where('enabled', '=', true).execute();
    const wanted = new Set(rows.map((r) => r.id));
    for (const row of rows)
      if (!watchers.has(row.id))
        watch(
          row.id,
          {
            name: row.name,
            host: row.host,
            port: row.port,
            secure: row.secure,
            username: row.username,
            password: row.password,
            folder: row.folder,
          },
          true,
        );
    for (const [key, watcher] of watchers) {
      if (key !== 'environment' && !wanted.has(key)) {
        watcher.abort.abort();
        watchers.delete(key);
      }
    }
  };
  await rescan();
  const rescanTimer = setInterval(() => void rescan().catch((e: Error) => log.error(`mailboxes: ${e.message}`)), RESCAN_MS);

  const sender = transport ?? (mail.smtpUrl ? smtpTransport(mail.smtpUrl) : undefined);
  if (sender) {
    tasks.push(
      (async () => {
        while (!stopper.signal.aborted) {
          try {
            const report = await deliverQueued(db, sender);
            if (report.sent + report.failed > 0)
              log.info(`outbox: ${report.sent} sent, ${report.failed} failed, ${report.retrying} to retry`);
          } catch (error) {
            log.error(`outbox: ${(error as Error).message}`);
          }
          await new Promise((resolve) => {
            const timer = setTimeout(resolve, Math.min(mail.pollSeconds, 5) * 1000);
            stopper.signal.addEventListener('abort', () => {
              clearTimeout(timer);
              resolve(undefined);
            });
          });
        }
      })(),
    );
  }

  let smtp: SMTPServer | undefined;
  let smtpPort: number | undefined;
  if (mail.smtpListen) {
    const { host, port } = hostPort(mail.smtpListen);
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: mail.maxMessageBytes,
      banner: 'Vakt report intake',
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
            callback(Object.assign(new Error(`message exceeds the ${mail.maxMessageBytes}-byte limit`), { responseCode: 552 }));
            return;
          }
          settings()
            .then((s) => ingestMail(db, s, Buffer.concat(chunks), `smtp:${session.remoteAddress}`))
            .then(
              () => callback(),
              (error: Error) => {
                log.error(`smtp intake: ${error.message}`);
                callback(Object.assign(new Error('temporary failure storing the message; try again'), { responseCode: 451 }));
              },
            );
        });
      },
    });
    smtp.on('error', (error) => log.error(`smtp listener: ${error.message}`));
    await new Promise<void>((resolve) => smtp!.listen(port, host, resolve));
    const address = smtp.server.address();
    smtpPort = typeof address === 'object' && address ? address.port : port;
    log.info(`accepting mail over SMTP on ${host}:${smtpPort}`);
  }

  return {
    ...(smtpPort !== undefined ? { smtpPort } : {}),
    async stop() {
      stopper.abort();
      clearInterval(rescanTimer);
      await Promise.all([...watchers.values()].map((w) => w.done));
      await Promise.all(tasks);
      if (smtp) await new Promise<void>((resolve) => smtp!.close(() => resolve()));
      if (sender && !transport) sender.close();
    },
  };
}
