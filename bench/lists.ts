/**
 * The lists at a million rows each — in key order (users, organisations, contact keys, directory
 * teams) and across incidents (tasks newest first and soonest due first, observables newest
 * first): the first page and a page 90 % of the way down, through the functions the API calls,
 * median and p99 of 50 reads, and whether the plan reads an index or sorts the table. Baseline in
 * the same process: the same deep page read with OFFSET, as offset paging would have to.
 */
import { performance } from 'node:perf_hooks';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { pageUsers } from '../src/auth/users.js';
import { pageOrganisations } from '../src/constituency/organisations.js';
import { keyCursor } from '../src/core/cursor.js';
import type { Schema } from '../src/db/schema.js';
import { pageTeams } from '../src/directory/teams.js';
import { listObservables } from '../src/incidents/observable-list.js';
import { listTasks } from '../src/incidents/task-list.js';
import { pageContactKeys } from '../src/mail/keys.js';
import { onEachEngine, percentile } from './engines.js';

const N = Number(process.env.BENCH_LIST_ROWS ?? 1_000_000);
/** Tasks and observables are spread over this many incidents. */
const INCIDENTS = Math.max(1, Math.floor(N / 10));
const READS = 50;
const PAGE = 100;
const DEEP = Math.floor(N * 0.9);

interface List {
  name: string;
  table: string;
  /** Rows FROM to TO (1-based) of the list's table. */
  seed: (from: number, to: number) => string;
  /** The cursor the page 90 % down starts after (found once, with OFFSET). */
  deepCursor: (db: Kysely<Schema>) => Promise<string>;
  read: (db: Kysely<Schema>, cursor?: string) => Promise<unknown>;
  /** The same deep page by OFFSET: the baseline. */
  offsetSql: string;
  /** The deep page's query (the ORDER BY and the cursor's comparison the list function sends), for its plan. */
  plan: (cursor: string) => RawBuilder<unknown>;
}

/** A list in (KEY, ID) order whose cursor is the opaque pair of both. */
function keyOrdered(list: {
  name: string;
  table: string;
  key: string;
  id: string;
  seed: List['seed'];
  read: List['read'];
  where?: string;
}): List {
  const where = list.where ? `where ${list.where}` : '';
  const order = `${list.key}, ${list.id}`;
  let deep = { k: '', id: '' };
  return {
    ...list,
    deepCursor: async (db) => {
      deep = (
        await sql
          .raw<{ k: string; id: string }>(
            `select ${list.key} as k, ${list.id}::text as id from ${list.table} ${where} order by ${order} offset ${DEEP} limit 1`,
          )
          .execute(db)
      ).rows[0]!;
      return keyCursor(deep.k, deep.id);
    },
    offsetSql: `select * from ${list.table} ${where} order by ${order} offset ${DEEP} limit ${PAGE + 1}`,
    plan: () => {
      // The id compared as the list function compares it: a uuid, or a fingerprint as text.
      const id = list.id === 'id' ? sql`${deep.id}::uuid` : sql`${deep.id}`;
      return sql`select * from ${sql.table(list.table)} where ${sql.raw(list.where ?? 'true')}
          and (${sql.raw(list.key)}, ${sql.ref(list.id)}) > (${deep.k}, ${id}) order by ${sql.raw(order)} limit ${PAGE + 1}`;
    },
  };
}

/** A list newest first, paged by the "<time>,<id>" cursor of its last row. */
function newestFirst(list: { name: string; table: string; where: string; offset: number; seed: List['seed']; read: List['read'] }): List {
  let deep = { at: '', id: '' };
  return {
    ...list,
    deepCursor: async (db) => {
      deep = (
        await sql
          .raw<{ at: string; id: string }>(
            `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id::text as id
           from ${list.table} where ${list.where} order by created_at desc, id desc offset ${list.offset} limit 1`,
          )
          .execute(db)
      ).rows[0]!;
      return `${deep.at},${deep.id}`;
    },
    offsetSql: `select * from ${list.table} where ${list.where} order by created_at desc, id desc offset ${list.offset} limit ${PAGE}`,
    plan: () =>
      sql`select * from ${sql.table(list.table)} where ${sql.raw(list.where)} and (created_at, id) < (${deep.at}::timestamptz, ${deep.id}::uuid)
          order by created_at desc, id desc limit ${PAGE}`,
  };
}

const LISTS: List[] = [
  keyOrdered({
    name: 'users (address order)',
    table: 'users',
    key: 'lower(email)',
    id: 'id',
    seed: (from, to) => `insert into users (email, name, role, password_hash)
      select md5(g::text) || '@example.org', 'User ' || g, 'analyst', 'not a hash' from generate_series(${from}, ${to}) g`,
    read: (db, after) => pageUsers(db, { limit: PAGE, ...(after ? { after } : {}) }),
  }),
  keyOrdered({
    name: 'organisations (name order)',
    table: 'organisations',
    key: 'lower(name)',
    id: 'id',
    where: `kind in ('constituent', 'team')`,
    seed: (from, to) => `insert into organisations (name, kind)
      select 'Organisation ' || md5(g::text), 'constituent' from generate_series(${from}, ${to}) g`,
    read: (db, after) => pageOrganisations(db, { limit: PAGE, ...(after ? { after } : {}) }),
  }),
  keyOrdered({
    name: 'contact keys (address order)',
    table: 'pgp_keys',
    key: 'lower(email)',
    id: 'fingerprint',
    seed: (from, to) => `insert into pgp_keys (fingerprint, email, user_ids, armored)
      select upper(md5(g::text) || substr(md5((g + 1)::text), 1, 8)), md5((g * 7)::text) || '@example.net', array['Contact ' || g], 'not a key'
      from generate_series(${from}, ${to}) g`,
    read: (db, after) => pageContactKeys(db, { limit: PAGE, ...(after ? { after } : {}) }),
  }),
  keyOrdered({
    name: 'directory teams (country, name)',
    table: 'peer_teams',
    key: 'country || lower(name)',
    id: 'id',
    seed: (from, to) => `insert into peer_teams (name, country, data)
      select 'Team ' || md5(g::text), c, jsonb_build_object('name', 'Team ' || md5(g::text), 'country', c, 'type', 'national',
             'sectors', '[]'::jsonb, 'services', '[]'::jsonb, 'telephone', '[]'::jsonb)
      from generate_series(${from}, ${to}) g, lateral (select (array['SE', 'NO', 'DK', 'FI', 'DE', 'INT'])[1 + g % 6] as c) country`,
    read: (db, after) => pageTeams(db, { limit: PAGE, ...(after ? { after } : {}) }),
  }),
  newestFirst({
    name: 'open tasks, newest first',
    table: 'tasks',
    where: `status = 'open'`,
    offset: Math.floor(DEEP * 0.9),
    // A tenth of them done: the list shows the open ones.
    seed: (from: number, to: number) => `insert into tasks (incident_id, title, status, due_at, tlp, created_at)
        select 1 + g % ${INCIDENTS}, 'Task ' || g, case when g % 10 = 0 then 'done' else 'open' end,
               case when g % 3 = 0 then null else now() + (g % 5000 || ' minutes')::interval end, 'AMBER', now() - (g || ' seconds')::interval
        from generate_series(${from}, ${to}) g`,
    read: (db, before) => listTasks(db, 'bench', { limit: PAGE, ...(before ? { before } : {}) }),
  }),
  (() => {
    let deep = '';
    return {
      name: 'open tasks, soonest due first',
      table: 'tasks',
      seed: () => '',
      deepCursor: async (db: Kysely<Schema>) => {
        deep = (
          await sql<{ cursor: string }>`select case when due_at is null then 'infinity'
              else to_char(due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') end || ',' || id as cursor
            from tasks where status = 'open' order by coalesce(due_at, 'infinity'::timestamptz), id offset ${Math.floor(DEEP * 0.9)} limit 1`.execute(
            db,
          )
        ).rows[0]!.cursor;
        return deep;
      },
      read: (db: Kysely<Schema>, after?: string) => listTasks(db, 'bench', { limit: PAGE, sort: 'due', ...(after ? { after } : {}) }),
      offsetSql: `select * from tasks where status = 'open' order by coalesce(due_at, 'infinity'::timestamptz), id offset ${Math.floor(DEEP * 0.9)} limit ${PAGE}`,
      plan: () => {
        const [due, id] = deep.split(',');
        return sql`select * from tasks t where t.status = 'open'
            and (coalesce(t.due_at, 'infinity'::timestamptz), t.id) > (${due}::timestamptz, ${id}::uuid)
            order by coalesce(t.due_at, 'infinity'::timestamptz), t.id limit ${PAGE}`;
      },
    };
  })(),
  newestFirst({
    name: 'observables, newest first',
    table: 'observables',
    where: 'true',
    offset: DEEP,
    seed: (from: number, to: number) => `insert into observables (incident_id, kind, value, tlp, created_at)
        select 1 + g % ${INCIDENTS}, 'ipv4', '10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256, 'AMBER', now() - (g || ' seconds')::interval
        from generate_series(${from}, ${to}) g`,
    read: (db, before) => listObservables(db, { limit: PAGE, ...(before ? { before } : {}) }),
  }),
];

async function timed(reads: number, read: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < reads; i++) {
    const t0 = performance.now();
    await read();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

const ms = (times: number[]) => `median ${percentile(times, 0.5).toFixed(2)} ms, p99 ${percentile(times, 0.99).toFixed(2)} ms`;

/** The scans and sorts of a plan, on one line. */
async function planOf(db: Kysely<Schema>, query: RawBuilder<unknown>): Promise<string> {
  const plan = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(db);
  return plan.rows
    .map((r) => r['QUERY PLAN'].trim())
    .filter((line) => /Scan|Sort/.test(line))
    .map((line) => line.replace(/^->\s*/, '').replace(/\s+\(cost.*$/, ''))
    .join(' / ');
}

await onEachEngine(async (engine, database) => {
  const { db } = database;
  await sql
    .raw(`insert into incidents (title, tlp, opened_at) select 'Incident ' || g, 'AMBER', now() from generate_series(1, ${INCIDENTS}) g`)
    .execute(db);
  const seeded = new Set<string>();
  for (const list of LISTS) {
    const t0 = performance.now();
    if (!seeded.has(list.table)) {
      for (let from = 1; from <= N; from += 100_000) await sql.raw(list.seed(from, Math.min(N, from + 99_999))).execute(db);
      await sql.raw(`analyze ${list.table}`).execute(db);
      seeded.add(list.table);
    }
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const cursor = await list.deepCursor(db);
    await list.read(db);
    const first = await timed(READS, () => list.read(db));
    const deep = await timed(READS, () => list.read(db, cursor));
    const offset = await timed(5, () => sql.raw(list.offsetSql).execute(db));
    console.log(
      `${engine} ${list.name}, ${N.toLocaleString('en')} rows (seeded in ${seconds} s): first page ${ms(first)}; ` +
        `page at 90 % ${ms(deep)}; the same page by OFFSET ${ms(offset)} (${(percentile(offset, 0.5) / percentile(deep, 0.5)).toFixed(0)}× slower); ` +
        `plan: ${await planOf(db, list.plan(cursor))}`,
    );
  }
});
