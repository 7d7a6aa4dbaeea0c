/** `vakt serve` and `vakt worker`. */
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { migrate, type Database } from '../../db/database.js';
import { DEMO_PASSWORD, loadDemo } from '../../demo/demo.js';
import { buildApp } from '../../http/app.js';
import { foundationJobs } from '../../jobs/maintenance-jobs.js';
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

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('run the web UI and API (and, unless --no-worker, the background jobs)')
    .option('--port <n>', 'port to listen on (VAKT_PORT, default 8080)')
    .option('--host <address>', 'address to listen on (VAKT_HOST, default 127.0.0.1)')
    .option('--demo', 'load demo data when the database is empty')
    .option('--no-worker', 'do not run background jobs in this process')
    .action(
      action(async (options: { port?: string; host?: string; demo?: boolean; worker: boolean }) => {
        const config = loadConfig();
        const listenPort = options.port !== undefined ? port(options.port) : config.port;
        const host = options.host ?? config.host;
        const database = await open();
        const demo = options.demo ? await loadDemo(database.db) : undefined;
        const queue = options.worker ? await JobQueue.start(database, foundationJobs, { work: true }) : undefined;
        const app = await buildApp(
          { database, config },
          { logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] } },
        );
        const address = await app.listen({ port: listenPort, host });
        onShutdown(async () => {
          await app.close();
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
    .description('run only the background jobs; several workers may share one PostgreSQL server')
    .action(
      action(async () => {
        const database = await open();
        const queue = await JobQueue.start(database, foundationJobs, { work: true });
        process.stdout.write(`vakt worker running (${database.location}); stop with Ctrl-C\n`);
        onShutdown(async () => {
          await queue.stop();
          await database.close();
        });
      }),
    );
}
