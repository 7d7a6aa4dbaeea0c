/** Shared CLI plumbing: open the configured database, report errors as one line, exit codes. */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Presets, SingleBar } from 'cli-progress';
import { VaktError } from '../core/errors.js';
import { loadConfig, type Config } from '../config.js';
import type { Database } from '../db/database.js';

export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {}

export function fail(message: string, code = EXIT_ERROR): never {
  process.stderr.write(`vakt: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(code);
}

/** Runs a command body and turns anything thrown into one line on stderr. */
export function action<A extends unknown[]>(body: (...args: A) => Promise<number | void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await body(...args);
      if (code) process.exitCode = code;
    } catch (error) {
      if (error instanceof UsageError) fail(error.message, EXIT_USAGE);
      if (error instanceof VaktError) fail(error.message);
      fail(error instanceof Error ? error.message : String(error));
    }
  };
}

// Loaded when first needed, not at the top: `vakt --help` must not wait for the database drivers.
const databaseModule = () => import('../db/database.js');

/**
 * The database the environment names: DATABASE_URL, else PGlite in VAKT_DATA_DIR — or, while a
 * `vakt serve` holds that directory, the socket it shares it on.
 */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const { openDatabase } = await databaseModule();
  if (config.databaseUrl) return openDatabase({ url: config.databaseUrl });
  try {
    return await openDatabase({ dataDir: config.dataDir });
  } catch (error) {
    const { socketFile, socketUrl } = await import('../db/pglite-socket.js');
    if (!(error instanceof VaktError && error.code === 'conflict' && existsSync(socketFile(config.dataDir)))) throw error;
    const shared = await openDatabase({ url: socketUrl(config.dataDir) });
    return { ...shared, location: `PGlite in ${config.dataDir}, through the running server's socket`, throughServer: true };
  }
}

/** Opens the configured database, migrated, and closes it after the body. */
export async function withDatabase<T>(body: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    await (await databaseModule()).migrate(database);
    return await body(database, config);
  } finally {
    await database.close();
  }
}

export function actorFromCli(): string {
  return `cli:${process.env.SUDO_USER || process.env.USER || 'unknown'}`;
}

/** A file named on the command line, as text; a missing one is a one-line error. */
export async function readInputFile(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new VaktError('not-found', `${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
}

/** A progress bar on stderr; without a terminal it prints a line every five seconds. */
export function progressBar(format: string): SingleBar {
  return new SingleBar(
    { format, hideCursor: true, noTTYOutput: true, notTTYSchedule: 5000, stream: process.stderr },
    Presets.shades_classic,
  );
}
