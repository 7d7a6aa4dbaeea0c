/**
 * While `vakt serve` holds an embedded database, other `vakt` processes reach it through a
 * PostgreSQL socket in the data directory (@electric-sql/pglite-socket): the CLI works beside a
 * running server. The socket's clients and the server's own queries are one PGlite session, so
 * they take turns by the same mutex, and a client's transaction keeps the turn until it ends.
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Mutex } from './mutex.js';

const PORT = 5432;

/** Where the socket is: `.s.PGSQL.5432` in the data directory, as libpq and node-postgres look for it. */
export function socketFile(dataDir: string): string {
  return join(resolve(dataDir), `.s.PGSQL.${PORT}`);
}

/** The connection string for the socket of a server holding DATA_DIR. */
export function socketUrl(dataDir: string): string {
  return `postgres://postgres@localhost:${PORT}/template1?host=${encodeURIComponent(resolve(dataDir))}`;
}

/**
 * PGlite seen through the mutex: a client's statement waits for the server's transaction to end,
 * and, once it has begun a transaction of its own, holds the turn until commit or rollback.
 */
function turnTaking(pglite: PGlite, mutex: Mutex): PGlite {
  let release: (() => void) | undefined;
  const inTurn = async <T>(fn: () => Promise<T>): Promise<T> => {
    release ??= await mutex.acquire();
    try {
      return await fn();
    } finally {
      if (!pglite.isInTransaction()) {
        release?.();
        release = undefined;
      }
    }
  };
  return new Proxy(pglite, {
    get(target, property) {
      if (property === 'runExclusive') return <T>(fn: () => Promise<T>) => inTurn(() => target.runExclusive(fn));
      // The socket server rolls back with exec() when a client leaves mid-transaction.
      if (property === 'exec') return (query: string) => inTurn(() => target.exec(query));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Opens the socket; the returned function closes it and removes the file. */
export async function shareOverSocket(pglite: PGlite, mutex: Mutex, dataDir: string): Promise<() => Promise<void>> {
  const path = socketFile(dataDir);
  // Left by a server that died: the data directory's lock has already been taken over.
  if (existsSync(path)) rmSync(path, { force: true });
  const server = new PGLiteSocketServer({ db: turnTaking(pglite, mutex), path, maxConnections: 32 });
  await server.start();
  return async () => {
    await server.stop();
    rmSync(path, { force: true });
  };
}
