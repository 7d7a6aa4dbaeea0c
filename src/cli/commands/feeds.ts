/** `vakt feed …` (definitions, runs, ad-hoc ingestion) and `vakt notify` (build or preview notifications). */
import type { Command } from 'commander';
import { summary } from './catalogue.js';
import type { Kysely } from 'kysely';
import { VaktError } from '../../core/errors.js';
import { isTlpLabel, parseTlp } from '../../core/tlp.js';
import type { Schema } from '../../db/schema.js';
import { deleteFeed, getFeed, listFeeds, saveFeed, type Feed } from '../../feeds/feeds.js';
import type { RunCounts, RunSummary } from '../../feeds/pipeline.js';
import { runFeed, runFile } from '../../feeds/runner.js';
import { intakeSettings } from '../../intake/settings.js';
import { dispatchNotifications, type NotificationPreview } from '../../notifications/dispatch.js';
import { loadConfig } from '../../config.js';
import { action, actorFromCli, progressBar, readInputFile, UsageError, withDatabase } from '../run.js';

function progress(): { onProgress: (c: RunCounts, total?: number) => void; stop: () => void } {
  const bar = progressBar(
    '{bar} {percentage}% | {rows} rows, {events} events, {duplicates} duplicates, {unowned} unowned, {malformed} malformed',
  );
  let started = false;
  return {
    onProgress(c, total) {
      const payload = { rows: c.rows, events: c.events, duplicates: c.duplicates, unowned: c.unowned, malformed: c.malformed };
      if (!started) {
        bar.start(Math.max(1, total ?? c.bytes), 0, payload);
        started = true;
      }
      bar.update(Math.min(c.bytes, total ?? c.bytes), payload);
    },
    stop: () => started && bar.stop(),
  };
}

function printRun(run: RunSummary): void {
  const lines = [
    `${run.feed}${run.report ? ` (${run.report})` : ''}: ${run.rows} rows, ${run.events} new events, ${run.duplicates} duplicates, ${run.unowned} unowned, ${run.malformed} malformed${run.skipped ? `, ${run.skipped} not findings` : ''} (${run.seconds.toFixed(1)} s)`,
  ];
  if (run.warning) lines.push(`  warning: ${run.warning}`);
  for (const bad of run.badRows) lines.push(`  line ${bad.line}: ${bad.reason}`);
  if (run.malformed > run.badRows.length) lines.push(`  … and ${run.malformed - run.badRows.length} more malformed rows`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

function printPreview(n: NotificationPreview, full: boolean): void {
  const head = `${n.organisation} · ${n.feed} · ${n.periodStart.slice(0, 16)}–${n.periodEnd.slice(0, 16)} · ${n.events} events · TLP:${n.tlp} · ${n.status}${n.reason ? ` (${n.reason})` : ''}`;
  const out = [head];
  for (const mail of n.mails) {
    out.push(`  to ${mail.to} [${mail.language}${mail.encrypted ? ', encrypted' : ', signed'}]: ${mail.subject}`);
    if (full)
      out.push(
        mail.body
          .split('\n')
          .map((l) => `    | ${l}`)
          .join('\n'),
      );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

async function notifyImmediately(db: Kysely<Schema>, feed: Feed): Promise<void> {
  if (feed.notify !== 'immediately' || !feed.id) return;
  const sent = await dispatchNotifications(db, { settings: await intakeSettings(db, loadConfig().mail), feed: feed.name });
  if (sent.length > 0) process.stdout.write(`${sent.length} notification(s) queued\n`);
}

export function registerFeedCommands(program: Command): void {
  const feed = program.command('feed').description(summary('feed'));

  feed
    .command('list')
    .description('the feed definitions and their last run')
    .action(
      action(async () =>
        withDatabase(async ({ db }) => {
          for (const f of await listFeeds(db)) {
            const last = await db
              .selectFrom('feed_runs')
              .select(['started_at', 'status', 'events', 'malformed'])
              .where('feed_name', '=', f.name)
              .orderBy('started_at', 'desc')
              .executeTakeFirst();
            process.stdout.write(
              `${f.name.padEnd(24)} ${f.format.padEnd(28)} ${f.source.kind.padEnd(7)} ${f.schedule.padEnd(14)} TLP:${f.tlp.padEnd(12)} notify ${f.notify.padEnd(11)} ${f.enabled ? '' : 'disabled '}${last ? `last ${new Date(last.started_at).toISOString().slice(0, 16)} ${last.status} ${last.events} events` : 'never run'}\n`,
            );
          }
        }),
      ),
    );

  feed
    .command('add')
    .argument('<file>', 'a JSON feed definition (name, format, source, schedule, tlp, mapping, notify, dedupHours)')
    .description('create a feed, or replace the one with the same name')
    .action(
      action(async (file: string) => {
        const text = await readInputFile(file);
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          throw new VaktError('validation', `${file}: not JSON: ${(error as Error).message}`);
        }
        await withDatabase(async ({ db }) => {
          const saved = await saveFeed(db, actorFromCli(), value);
          process.stdout.write(`feed ${saved.name} saved (version ${saved.version})\n`);
        });
      }),
    );

  feed
    .command('remove')
    .argument('<name>')
    .description('remove a feed that has sent no notifications')
    .action(action(async (name: string) => withDatabase(async ({ db }) => deleteFeed(db, actorFromCli(), name))));

  feed
    .command('run')
    .argument('<name>')
    .option('--file <file>', "run on this file instead of the feed's source")
    .description('run a feed from its source (file, URL, IMAP folder) or from --file, with progress')
    .action(
      action(async (name: string, options: { file?: string }) =>
        withDatabase(async ({ db }, config) => {
          const f = await getFeed(db, name);
          const bar = progress();
          try {
            const runs = await runFeed(db, f, {
              actor: actorFromCli(),
              onProgress: bar.onProgress,
              allowPrivateUrls: config.feedPrivateUrls,
              feedDir: config.feedDir,
              ...(options.file ? { file: options.file } : {}),
            });
            bar.stop();
            if (runs.length === 0) process.stdout.write(`${name}: nothing new at the source\n`);
            runs.forEach(printRun);
            await notifyImmediately(db, f);
          } finally {
            bar.stop();
          }
        }),
      ),
    );

  feed
    .command('ingest')
    .argument('<file>', 'a feed file (gzip or plain)')
    .requiredOption('--format <format>', 'shadowserver, shadowserver:<report>, csv or json (csv and json take --mapping)')
    .option('--feed <name>', 'take the TLP, mapping and de-duplication window of this feed, and notify as it does')
    .option('--mapping <file>', 'a JSON field mapping, for csv and json')
    .option('--tlp <label>', 'the TLP of the events (default TLP:AMBER)')
    .description('ingest one file: parse, normalise, route, de-duplicate and store its events, with progress')
    .action(
      action(async (file: string, options: { format: string; feed?: string; mapping?: string; tlp?: string }) =>
        withDatabase(async ({ db }) => {
          if (!/^(shadowserver(:[a-z0-9_]+)?|csv|json)$/.test(options.format))
            throw new UsageError('--format must be shadowserver, shadowserver:<report>, csv or json');
          const base: Feed = options.feed
            ? await getFeed(db, options.feed)
            : {
                id: null,
                name: 'ad-hoc',
                description: '',
                format: options.format,
                source: { kind: 'upload' },
                schedule: 'manual',
                tlp: 'AMBER',
                notify: 'never',
                dedupHours: 24,
                enabled: true,
                version: 0,
              };
          const tlp = options.tlp ? parseTlp(options.tlp, '--tlp') : base.tlp;
          const mapping = options.mapping ? (JSON.parse(await readInputFile(options.mapping)) as Feed['mapping']) : base.mapping;
          const spec: Feed = { ...base, format: options.format, tlp: isTlpLabel(tlp) ? tlp : base.tlp, ...(mapping ? { mapping } : {}) };
          const bar = progress();
          try {
            const run = await runFile(db, spec, file, { actor: actorFromCli(), onProgress: bar.onProgress });
            bar.stop();
            printRun(run);
            await notifyImmediately(db, spec);
            // Every row refused: a script must see that the file was not taken in.
            if (run.malformed > 0 && run.malformed === run.rows) {
              process.stderr.write(`vakt: no row of ${file} could be stored (${run.malformed} malformed)\n`);
              return 1;
            }
          } finally {
            bar.stop();
          }
        }),
      ),
    );

  feed
    .command('runs')
    .argument('[name]')
    .description('recent runs with their counts')
    .action(
      action(async (name: string | undefined) =>
        withDatabase(async ({ db }) => {
          const runs = await db
            .selectFrom('feed_runs')
            .selectAll()
            .$if(name !== undefined, (q) => q.where('feed_name', '=', name!))
            .orderBy('started_at', 'desc')
            .limit(30)
            .execute();
          for (const r of runs)
            process.stdout.write(
              `${new Date(r.started_at).toISOString().slice(0, 19)} ${r.feed_name.padEnd(20)} ${r.status.padEnd(7)} ${r.rows_read} rows, ${r.events} events, ${r.duplicates} dup, ${r.unowned} unowned, ${r.malformed} malformed${r.error ? ` — ${r.error}` : ''}\n`,
            );
        }),
      ),
    );

  program
    .command('notify')
    .description(summary('notify'))
    .option('--dry-run', 'show, write nothing')
    .option('--feed <name>', 'only this feed')
    .option('--full', "with --dry-run, print each mail's text")
    .action(
      action(async (options: { dryRun?: boolean; feed?: string; full?: boolean }) =>
        withDatabase(async ({ db }, config) => {
          const previews = await dispatchNotifications(db, {
            settings: await intakeSettings(db, config.mail),
            dryRun: Boolean(options.dryRun),
            ...(options.feed ? { feed: options.feed } : {}),
          });
          for (const n of previews) printPreview(n, Boolean(options.full));
          process.stdout.write(
            `${previews.length} notification(s) ${options.dryRun ? 'would be built (dry run, nothing written)' : 'built'}\n`,
          );
        }),
      ),
    );
}
