/**
 * Losing the database under load. While clients keep writing, every server connection is
 * terminated (pg_terminate_backend), and then PostgreSQL is restarted. The process must stay up
 * (an unhandled 'error' event would end this test process), requests in flight must answer 503
 * and never 500, the server must reconnect by itself, and every incident it answered 201 for must
 * be in the database afterwards.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/users.js';
import { loadConfig } from '../../src/config.js';
import { migrate, openDatabase, type Database } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/context.js';
import { TEST_PASSWORD } from '../helpers/app.js';
import { startPrivatePostgres, type PrivatePostgres } from '../helpers/private-postgres.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('losing the database under a write load [postgres]', () => {
  let server: PrivatePostgres;
  let database: Database;
  let app: App;
  let headers: Record<string, string>;

  beforeAll(async () => {
    server = await startPrivatePostgres();
    database = await openDatabase({ url: server.url });
    await migrate(database);
    app = await buildApp({ database, config: { ...loadConfig({}), webDir: '/nonexistent' } });
    await app.ready();
    await createUser(database.db, 'system:test', { email: 'writer@vakt.test', name: 'Writer', role: 'analyst', password: TEST_PASSWORD });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'writer@vakt.test', password: TEST_PASSWORD },
    });
    headers = {
      cookie: `vakt_session=${login.cookies.find((c) => c.name === 'vakt_session')?.value ?? ''}`,
      'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
    };
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    server?.stop();
  });

  /** Writers that keep opening incidents until told to stop; a refused write waits a little, as a client honouring Retry-After would. */
  function writeLoad(writers: number) {
    const statuses = new Map<number, number>();
    const created: string[] = [];
    const problems: string[] = [];
    let running = true;
    let n = 0;
    const loops = Array.from({ length: writers }, async () => {
      while (running) {
        const res = await app.inject({ method: 'POST', url: '/api/incidents', headers, payload: { title: `Load ${++n}` } });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 201) created.push(res.json<{ id: string }>().id);
        else if (res.statusCode === 503) {
          expect(res.headers['retry-after']).toBe('5');
          await sleep(50);
        } else problems.push(`${res.statusCode} ${res.body.slice(0, 200)}`);
      }
    });
    return {
      statuses,
      created,
      problems,
      stop: async () => {
        running = false;
        await Promise.all(loops);
      },
    };
  }

  async function admin<T>(body: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      return await body(client);
    } finally {
      await client.end();
    }
  }

  /**
   * After the blow: no answer but 201 and 503; writes succeed again by themselves; every 201 is
   * stored; and nothing appeared that nobody was told of, beyond commits whose answer was lost.
   */
  async function survived(load: ReturnType<typeof writeLoad>, already: number, settleMs: number): Promise<void> {
    const before = load.created.length;
    await sleep(settleMs);
    await load.stop();
    expect(load.problems).toEqual([]);
    expect(load.statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(load.created.length).toBeGreaterThan(before);
    const stored = await admin((c) =>
      c.query<{ id: string }>('select id::text as id from incidents where id = any($1::bigint[])', [load.created]),
    );
    expect(stored.rows.length).toBe(load.created.length);
    expect(Number(await createdCount()) - already).toBeLessThanOrEqual(load.created.length + (load.statuses.get(503) ?? 0));
  }

  const createdCount = () =>
    (async () =>
      (await admin((c) => c.query<{ n: string }>("select count(*) as n from incidents where title like 'Load %'"))).rows[0]!.n)();

  it('answers 503 while its connections are terminated, reconnects, and keeps what it committed', async () => {
    const load = writeLoad(8);
    await sleep(500);
    for (let round = 0; round < 5; round++) {
      await admin((c) =>
        c.query('select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and datname = current_database()'),
      );
      await sleep(150);
    }
    await survived(load, 0, 800);
  });

  it('answers 503 while PostgreSQL restarts, and carries on afterwards', async () => {
    const already = Number(await createdCount());
    const load = writeLoad(8);
    await sleep(500);
    await server.restart();
    await survived(load, already, 1500);
    expect((await app.inject('/readyz')).statusCode).toBe(200);
  });
});
