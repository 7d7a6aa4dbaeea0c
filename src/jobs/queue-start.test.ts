import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createScratchDatabase } from '../../test/helpers/postgres.js';
import { migrate, openDatabase, type Database } from '../db/database.js';
import { defineJob, JobQueue } from './queue.js';

const jobs = Array.from({ length: 12 }, (_, i) =>
  defineJob({ name: `start.job-${i}`, schedule: '* * * * *', handle: async () => undefined }),
);

// Four servers or workers, each with its own connections, started together on a new database.
describe.runIf(process.env.VAKT_TEST_DATABASE_URL)('processes started at once on a new PostgreSQL database', () => {
  it('all start: the migrations and the job queue are set up once, without deadlock', async () => {
    const scratch = await createScratchDatabase(process.env.VAKT_TEST_DATABASE_URL!);
    const databases: Database[] = [];
    const queues: JobQueue[] = [];
    try {
      for (let i = 0; i < 4; i++) databases.push(await openDatabase({ url: scratch.url }));
      const started = await Promise.allSettled(
        databases.map(async (database) => {
          await migrate(database);
          queues.push(await JobQueue.start(database, jobs, { work: true }));
        }),
      );
      expect(started.filter((s) => s.status === 'rejected').map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);
      const { db } = databases[0]!;
      const count = async (table: string) =>
        Number(
          (await sql<{ n: string }>`select count(*) as n from ${sql.table(`pgboss.${table}`)} where name like 'start.job-%'`.execute(db))
            .rows[0]!.n,
        );
      // Each queue and each schedule once, whoever made it.
      expect([await count('queue'), await count('schedule')]).toEqual([jobs.length, jobs.length]);
    } finally {
      for (const queue of queues) await queue.stop();
      for (const database of databases) await database.close();
      await scratch.drop();
    }
  }, 120_000);
});
