/** `vakt serve` and `vakt worker`. */
import type { Command } from 'commander';
import { summary } from './catalogue.js';
import { loadConfig, servedAt } from '../../config.js';
import { migrate, type Database } from '../../db/database.js';
import { DEMO_PASSWORD } from '../../demo/demo.js';
import { loadWholeDemo } from '../../demo/load.js';
import { demoTeamKey } from '../../demo/demo-incidents.js';
import { advisoryRemindersJob } from '../../advisories/notify.js';
import { subscriptionsJob } from '../../advisories/subscriptions.js';
import { taxiiPullJob } from '../../sharing/taxii-client.js';
import { republishJob } from '../../sharing/peer-shares.js';
import { intakeSettings } from '../../intake/settings.js';
import { startMailService, type MailService } from '../../intake/mail-service.js';
import { loadTeamKeyFile, type TeamKey } from '../../mail/pgp.js';
import type { Config } from '../../config.js';
import { buildApp } from '../../http/app.js';
import { earlyWarningJobs } from '../../feeds/jobs.js';
import { foundationJobs } from '../../jobs/maintenance-jobs.js';
import { refreshKpisJob } from '../../incidents/kpi-refresh.js';
import { watchDigestJob } from '../../incidents/watch-digest.js';
import { JobQueue } from '../../jobs/queue.js';
import { action, openConfiguredDatabase, UsageError } from '../run.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`--port must be 0-65535, not "${value}"`);
  return n;
}

async function open(): Promise<Database> {
  const database = await openConfiguredDatabase(loadConfig());
  const { applied } = await migrate(database);
  if (applied.length > 0) process.stderr.write(`vakt: applied migrations ${applied.join(', ')}\n`);
  return database;
}

async function teamKeyFor(config: Config, demo: boolean): Promise<TeamKey | undefined> {
  if (config.mail.pgpKeyFile) return loadTeamKeyFile(config.mail.pgpKeyFile, config.mail.pgpPassphrase);
  // The demo signs its mail with a key of its own; a real team sets VAKT_PGP_KEY_FILE.
  return demo && !config.databaseUrl ? demoTeamKey(config.dataDir) : undefined;
}

const stderrLog = {
  info: (message: string) => process.stderr.write(`vakt: ${message}\n`),
  error: (message: string) => process.stderr.write(`vakt: error: ${message}\n`),
};

/** Stops cleanly on SIGINT/SIGTERM, so PGlite is closed and its lock released. */
function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`vakt: shutdown: ${String(error)}\n`);
          process.exit(1);
        },
      );
    });
  }
}

/** Every scheduled job a worker runs: the foundation's, the KPI tallies', early warning's, and the watchers' digests. */
function scheduledJobs(config: Config, teamKey?: TeamKey) {
  return [
    ...foundationJobs,
    refreshKpisJob,
    ...earlyWarningJobs(config, teamKey),
    watchDigestJob(config, teamKey),
    advisoryRemindersJob(config, teamKey),
    subscriptionsJob(config),
    taxiiPullJob(config),
    republishJob(async (db) => (await intakeSettings(db, config.mail, teamKey)).sender),
  ];
}
export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description(summary('serve'))
    .option('--port <n>', 'port to listen on (VAKT_PORT, default 8080)')
    .option('--host <address>', 'address to listen on (VAKT_HOST, default 127.0.0.1)')
    .option('--demo', 'load demo data when the database is empty')
    .option('--no-worker', 'do not run background jobs in this process')
    .action(
      action(async (options: { port?: string; host?: string; demo?: boolean; worker: boolean }) => {
        const loaded = loadConfig();
        const config = servedAt(loaded, options.host ?? loaded.host, options.port !== undefined ? port(options.port) : loaded.port);
        const database = await open();
        const teamKey = await teamKeyFor(config, Boolean(options.demo));
        const demo = options.demo ? await loadWholeDemo(database.db, config.mail, teamKey) : undefined;
        // The CLI, run beside this server on the same embedded database, comes in through this socket.
        await database.share?.();
        const queue = options.worker ? await JobQueue.start(database, scheduledJobs(config, teamKey), { work: true }) : undefined;
        const mail: MailService | undefined = options.worker
          ? await startMailService(database, config.mail, teamKey, stderrLog)
          : undefined;
        const app = await buildApp(
          { database, config, ...(teamKey ? { teamKey } : {}) },
          {
            logger: {
              level: config.logLevel,
              redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
            },
          },
        );
        const address = await app.listen({ port: config.port, host: config.host });
        onShutdown(async () => {
          await app.close();
          await mail?.stop();
          await queue?.stop();
          await database.close();
        });
        const url = address.replace('://127.0.0.1', '://localhost');
        const lines = [`Vakt is running at ${url} (${database.location})`];
        if (demo) {
          lines.push(demo.loaded ? 'Demo data loaded. Log in with:' : 'Demo accounts (the database already had users):');
          for (const login of demo.logins) lines.push(`  ${login.email.padEnd(40)} password: ${DEMO_PASSWORD}   (${login.role})`);
        }
        process.stdout.write(`\n${lines.join('\n')}\n\n`);
      }),
    );

  program
    .command('worker')
    .description(summary('worker'))
    .action(
      action(async () => {
        const config = loadConfig();
        const database = await open();
        if (database.throughServer) {
          await database.close();
          throw new UsageError(
            'a vakt serve holds this embedded database and runs its jobs (unless started with --no-worker); separate workers need PostgreSQL (DATABASE_URL)',
          );
        }
        const teamKey = await teamKeyFor(config, false);
        const queue = await JobQueue.start(database, scheduledJobs(config, teamKey), { work: true });
        const mail = await startMailService(database, config.mail, teamKey, stderrLog);
        process.stdout.write(`vakt worker running (${database.location}); stop with Ctrl-C\n`);
        onShutdown(async () => {
          await mail.stop();
          await queue.stop();
          await database.close();
        });
      }),
    );
}
