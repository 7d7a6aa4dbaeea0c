/**
 * One dialect, two engines: PGlite (embedded, the default) or a PostgreSQL server. Everything
 * above this module sees the same Kysely instance and the same SQL.
 */
import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import { migrations } from './migrations/index.js';
import { Mutex } from './mutex.js';
import { PGliteDialect } from './pglite-dialect.js';
import { shareOverSocket } from './pglite-socket.js';
import type { Schema } from './schema.js';

export type Engine = 'pglite' | 'postgres';

/** What pg-boss needs of a database: run SQL, possibly several statements when there are no values. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount?: number | null }>;
}

export interface Database {
  engine: Engine;
  db: Kysely<Schema>;
  sqlExecutor: SqlExecutor;
  /** Where it lives, without credentials: for logs and `vakt serve`'s banner. */
  location: string;
  /** The embedded engine itself, when it is PGlite (tests dump it as a template). */
  pglite?: PGlite;
  /** An embedded database on disk can be shared with other vakt processes over a socket (see pglite-socket.ts). */
  share?(): Promise<void>;
  /** Set when this is an embedded database reached through the socket of the server that holds it. */
  throughServer?: true;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… for a server; unset for PGlite. */
  url?: string;
  /** PGlite's data directory; unset with no url means in memory (tests). */
  dataDir?: string;
  /** A PGlite data directory tarball to start from (tests load a migrated template). */
  loadDataDir?: Blob;
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'postgres';
  }
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPGlite(options);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A connection the server ends (pg_terminate_backend, a restart, a fail-over) makes its client
  // emit 'error'; with no listener Node would end the whole process. The query in flight reports
  // the error itself (the request answers 503), and the pool drops the client when it comes back
  // and opens a new one for the next query.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine: 'postgres',
    db,
    location: `PostgreSQL at ${redact(url)}`,
    sqlExecutor: { executeSql: (text, values) => pool.query(text, values as unknown[]) },
    close: () => db.destroy(),
  };
}

async function openPGlite(options: DatabaseOptions): Promise<Database> {
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  try {
    const pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      // bigint as text, as node-postgres gives it: ticket numbers must look the same on both engines.
      parsers: { [types.INT8]: (value: string) => value },
      // PostgreSQL's default 128 MB of shared buffers live in PGlite's WebAssembly memory, which is
      // touched at start and never given back; the files are in the OS page cache anyway. With 32 MB
      // the embedded engine starts 100 MB smaller and a million-row feed runs as fast (measured:
      // 38,600 rows/s against 40,700). A team that outgrows it moves to a PostgreSQL server.
      startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
    });
    const mutex = new Mutex();
    const db = new Kysely<Schema>({ dialect: new PGliteDialect(pglite, mutex) });
    const dataDir = options.dataDir;
    let stopSharing: (() => Promise<void>) | undefined;
    return {
      engine: 'pglite',
      db,
      location: options.dataDir ? `PGlite in ${options.dataDir}` : 'PGlite in memory',
      pglite,
      sqlExecutor: {
        executeSql: (text, values) =>
          mutex.run(async () => {
            if (values && values.length > 0) {
              const result = await pglite.query(text, values);
              return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
            }
            const results = await pglite.exec(text);
            const last = results.at(-1);
            return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? last?.rows.length ?? 0 };
          }),
      },
      ...(dataDir ? { share: async () => void (stopSharing ??= await shareOverSocket(pglite, mutex, dataDir)) } : {}),
      close: async () => {
        await stopSharing?.();
        await db.destroy();
        await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

export interface MigrationReport {
  applied: string[];
}

/** Vakt's migrations on this database, with its table names: also what the migration tests step through. */
export function migratorFor(database: Database): Migrator {
  return new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'vakt_migrations',
    migrationLockTableName: 'vakt_migrations_lock',
  });
}

/**
 * Applies pending migrations. Kysely's migrator holds a PostgreSQL advisory lock while it works,
 * so two processes starting together apply each migration once; PGlite is guarded by its lock file.
 */
export async function migrate(database: Database): Promise<MigrationReport> {
  if (await upToDate(database)) return { applied: [] };
  const { error, results } = await migratorFor(database).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

/**
 * Whether every migration has been applied, by one read: the migrator's own check takes its lock
 * and creates its tables if missing, a quarter of a second on PGlite at each CLI command.
 */
async function upToDate(database: Database): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from vakt_migrations`.execute(database.db);
    const applied = new Set(rows.map((r) => r.name));
    // One this version does not know (a newer Vakt's) goes to the migrator, which refuses it.
    return applied.size === Object.keys(migrations).length && Object.keys(migrations).every((name) => applied.has(name));
  } catch {
    // No migrations table yet: a new database.
    return false;
  }
}
