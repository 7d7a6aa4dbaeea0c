/**
 * Durable jobs in the database (pg-boss), shared by every `vakt serve` and `vakt worker` on the
 * same PostgreSQL server, or run in-process on PGlite. Delivery is at-least-once: a job whose
 * worker died is handed out again when it expires. Handlers make their effect exactly-once with
 * `runOnce`, which records the job id in the same transaction as the effect.
 */
import PgBoss from 'pg-boss';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { Schema } from '../db/schema.js';

export interface JobOptions {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  /** How long a worker may hold a job before it is presumed dead and the job handed out again. */
  expireInSeconds: number;
}

/** Retry and expiry defaults, in one place. */
export const DEFAULT_JOB_OPTIONS: JobOptions = { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 };

export interface JobContext {
  database: Database;
  jobId: string;
}

export interface JobDefinition<T extends object = object> {
  name: string;
  options?: Partial<JobOptions>;
  /** A cron expression (UTC) for jobs that run on a schedule. */
  schedule?: string;
  handle(data: T, context: JobContext): Promise<void>;
}

export function defineJob<T extends object>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

export interface QueueSettings {
  /** Run handlers in this process (serve and worker do; a CLI command that only enqueues does not). */
  work: boolean;
  maintenanceIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
}

export class JobQueue {
  private constructor(private readonly boss: PgBoss) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds jobs of many data types
  static async start(database: Database, jobs: ReadonlyArray<JobDefinition<any>>, settings: QueueSettings): Promise<JobQueue> {
    const boss = new PgBoss({
      db: { executeSql: (text, values) => database.sqlExecutor.executeSql(text, values) },
      schema: 'pgboss',
      supervise: settings.work,
      schedule: settings.work,
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds ?? 60,
    });
    boss.on('error', (error) => console.error(`vakt: job queue: ${error.message}`));
    await oneAtATime(database, async () => {
      await boss.start();
      for (const job of jobs) {
        await boss.createQueue(job.name, { name: job.name, ...DEFAULT_JOB_OPTIONS, ...job.options });
        if (settings.work) {
          await boss.work<object>(job.name, { pollingIntervalSeconds: settings.pollingIntervalSeconds ?? 2 }, async (batch) => {
            for (const item of batch) await job.handle(item.data, { database, jobId: item.id });
          });
          if (job.schedule) await boss.schedule(job.name, job.schedule, {});
        }
      }
    });
    return new JobQueue(boss);
  }

  async send<T extends object>(job: JobDefinition<T>, data: T): Promise<string> {
    const id = await this.boss.send(job.name, data);
    if (!id) throw new Error(`job ${job.name} was not queued`);
    return id;
  }

  async state(job: JobDefinition, id: string): Promise<string | undefined> {
    return (await this.boss.getJobById(job.name, id))?.state;
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

/** Taken by every Vakt process while it sets its job queue up ("vakt" in ASCII, then 1). */
const SETUP_LOCK = 0x76616b7401;

/**
 * Sets the queue up while holding a lock every Vakt process on the server takes: pg-boss's own
 * setup (its schema, each queue, each schedule) deadlocked when three processes started together
 * on a new database, and two of them exited. PGlite has one process, and one connection the lock
 * would hold from pg-boss.
 */
async function oneAtATime(database: Database, body: () => Promise<void>): Promise<void> {
  if (database.engine !== 'postgres') return body();
  await database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${SETUP_LOCK})`.execute(connection);
    try {
      await body();
    } finally {
      await sql`select pg_advisory_unlock(${SETUP_LOCK})`.execute(connection);
    }
  });
}

/**
 * Runs a job's effect once per job id, whatever the number of deliveries: the ledger row and
 * the effect commit together, so a crash before the commit leaves neither and a crash after it
 * makes the next delivery a no-op. Returns false when the effect had already happened.
 */
export async function runOnce(
  db: Kysely<Schema>,
  queue: string,
  jobId: string,
  effect: (trx: Transaction<Schema>) => Promise<void>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('job_runs')
      .values({ job_id: jobId, queue })
      .onConflict((oc) => oc.column('job_id').doNothing())
      .returning('job_id')
      .executeTakeFirst();
    if (!inserted) return false;
    await effect(trx);
    return true;
  });
}
