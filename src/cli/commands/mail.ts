/** `vakt import mbox|maildir`, `vakt mail send-queued`, `vakt keys add`. */
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { summary } from './catalogue.js';
import type { SingleBar } from 'cli-progress';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { ingestMail } from '../../intake/ingest.js';
import { maildirFiles, readMaildir, readMbox, type ArchiveMessage } from '../../intake/mail-archive.js';
import { intakeSettings } from '../../intake/settings.js';
import { storePublicKey } from '../../mail/keys.js';
import { deliverQueued, smtpTransport } from '../../mail/outbox.js';
import { loadTeamKeyFile } from '../../mail/pgp.js';
import type { MailConfig } from '../../config.js';
import { action, actorFromCli, progressBar, UsageError, withDatabase } from '../run.js';

interface ImportTotals {
  reports: number;
  replies: number;
  duplicates: number;
  /** Delivery and feedback reports about our own mail, kept but not triaged. */
  filed: number;
  failed: number;
}

async function importMessages(
  db: Kysely<Schema>,
  mail: MailConfig,
  messages: AsyncIterable<ArchiveMessage> | Iterable<ArchiveMessage>,
  bar: SingleBar,
  progress: (m: ArchiveMessage) => number,
): Promise<ImportTotals> {
  const teamKey = mail.pgpKeyFile ? await loadTeamKeyFile(mail.pgpKeyFile, mail.pgpPassphrase) : undefined;
  // An archive is history: acknowledging years-old mail would be a mail storm.
  const settings = { ...(await intakeSettings(db, mail, teamKey)), autoAcknowledge: false };
  const totals: ImportTotals = { reports: 0, replies: 0, filed: 0, duplicates: 0, failed: 0 };
  for await (const message of messages) {
    try {
      const outcome = await ingestMail(db, settings, message.raw, `import:${message.where}`);
      if (outcome.kind === 'report') totals.reports++;
      else if (outcome.kind === 'reply') totals.replies++;
      else if (outcome.kind === 'filed') totals.filed++;
      else totals.duplicates++;
    } catch (error) {
      totals.failed++;
      process.stderr.write(`\nvakt: ${message.where}: ${(error as Error).message}\n`);
    }
    bar.update(progress(message), totals);
  }
  return totals;
}

function mailProgressBar(unit: string): SingleBar {
  return progressBar(
    `{bar} {percentage}% | {value}/{total} ${unit} | {reports} reports, {replies} replies, {filed} filed, {duplicates} duplicates, {failed} failed`,
  );
}

function reportTotals(totals: ImportTotals): number {
  process.stdout.write(
    `imported: ${totals.reports} new reports, ${totals.replies} replies, ${totals.filed} delivery/feedback reports filed, ${totals.duplicates} duplicates skipped, ${totals.failed} failed\n`,
  );
  return totals.failed > 0 ? 1 : 0;
}

export function registerMailCommands(program: Command): void {
  const imports = program.command('import').description(summary('import'));
  imports
    .command('mbox <file>')
    .description('import every message of an mbox file; re-running skips what is already stored')
    .action(
      action(async (file: string) => {
        let size: number;
        try {
          size = statSync(file).size;
        } catch {
          throw new UsageError(`cannot read ${file}`);
        }
        return withDatabase(async ({ db }, config) => {
          const bar = mailProgressBar('MB');
          bar.start(Math.max(1, Math.round(size / 1e6)), 0, { reports: 0, replies: 0, filed: 0, duplicates: 0, failed: 0 });
          let bytes = 0;
          const totals = await importMessages(
            db,
            config.mail,
            readMbox(file, (n) => (bytes += n)),
            bar,
            () => Math.round(bytes / 1e6),
          );
          bar.stop();
          return reportTotals(totals);
        });
      }),
    );
  imports
    .command('maildir <dir>')
    .description('import every message in a Maildir (cur/ and new/)')
    .action(
      action(async (dir: string) => {
        let total: number;
        try {
          total = maildirFiles(dir).length;
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        return withDatabase(async ({ db }, config) => {
          const bar = mailProgressBar('messages');
          bar.start(total, 0, { reports: 0, replies: 0, filed: 0, duplicates: 0, failed: 0 });
          let done = 0;
          const totals = await importMessages(db, config.mail, readMaildir(dir), bar, () => ++done);
          bar.stop();
          return reportTotals(totals);
        });
      }),
    );

  const mail = program.command('mail').description(summary('mail'));
  mail
    .command('send-queued')
    .description('send what is due in the outbox now, through VAKT_SMTP_URL')
    .action(
      action(async () =>
        withDatabase(async ({ db }, config) => {
          if (!config.mail.smtpUrl) throw new UsageError('set VAKT_SMTP_URL (smtp://host:port) to send mail');
          const transport = smtpTransport(config.mail.smtpUrl);
          try {
            const report = await deliverQueued(db, transport);
            process.stdout.write(`sent ${report.sent}, failed ${report.failed}, to retry ${report.retrying}\n`);
            return report.failed > 0 ? 1 : 0;
          } finally {
            transport.close();
          }
        }),
      ),
    );

  program
    .command('keys')
    .description(summary('keys'))
    .command('add <file>')
    .description('store a contact public key (armoured) for signature checks and encryption')
    .action(
      action(async (file: string) => {
        let armored: string;
        try {
          armored = readFileSync(file, 'utf8');
        } catch {
          throw new UsageError(`cannot read ${file}`);
        }
        return withDatabase(async ({ db }) => {
          const info = await storePublicKey(db, actorFromCli(), armored);
          process.stdout.write(`stored ${info.fingerprint} for ${info.email}\n`);
        });
      }),
    );
}
