/** The embedded engine's statistics job: without it a grown table keeps the plan of an empty one. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database.js';
import type { Database } from '../db/database.js';
import { analyzeEmbedded } from './maintenance-jobs.js';

describe('database.analyze on the embedded engine', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => database?.close());

  it('gathers the statistics the planner needs, which nothing else does there', async () => {
    const { db } = database;
    await sql`insert into warninglist_entries (list, kind, value, added_by)
              select 'bench', 'domain', 'host' || i || '.example', 'system:test' from generate_series(1, 5000) as i`.execute(db);
    const rows = async () =>
      Number((await sql<{ n: number }>`select reltuples as n from pg_class where relname = 'warninglist_entries'`.execute(db)).rows[0]!.n);
    expect(await rows()).toBeLessThan(1000);
    await analyzeEmbedded.handle({}, { database, jobId: 'test' });
    expect(await rows()).toBeGreaterThan(4000);
  });
});
