/**
 * Every database test runs on PGlite, and on PostgreSQL when VAKT_TEST_DATABASE_URL is set.
 * Each suite gets a database of its own, made from the migrated template of the global setup.
 * Suite names carry the engine in brackets: CI counts the "[postgres]" ones.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../../src/db/database.js';
import { createScratchDatabase } from './postgres.js';

export function testEngines(): Engine[] {
  return inject('pgTemplate') ? ['pglite', 'postgres'] : ['pglite'];
}

export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const tarball = readFileSync(inject('pgliteTemplate'));
    return openDatabase({ loadDataDir: new Blob([tarball]) });
  }
  const url = process.env.VAKT_TEST_DATABASE_URL;
  const template = inject('pgTemplate');
  if (!url || !template) throw new Error('PostgreSQL tests need VAKT_TEST_DATABASE_URL');
  const scratch = await createScratchDatabase(url, template);
  const database = await openDatabase({ url: scratch.url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

/** A suite per engine; `get()` returns that engine's database inside the tests. */
export function describeEachEngine(name: string, body: (get: () => Database, engine: Engine) => void): void {
  for (const engine of testEngines()) {
    describe(`${name} [${engine}]`, () => {
      let database: Database | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(engine);
      });
      afterAll(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error('database not ready');
        return database;
      }, engine);
    });
  }
}
