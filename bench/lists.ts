/**
 * The lists in key order at a million rows each (users, organisations, contact keys, directory
 * teams): the first page and a page 90 % of the way down, through the functions the API calls,
 * median and p99 of 50 reads, and whether the plan reads an index or sorts the table. Baseline in
 * the same process: the same deep page read with OFFSET, as offset paging would have to.
 */
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import { pageUsers } from '../src/auth/users.js';
import { pageOrganisations } from '../src/constituency/organisations.js';
import { keyCursor } from '../src/core/cursor.js';
import type { Schema } from '../src/db/schema.js';
import { pageTeams } from '../src/directory/teams.js';
import { pageContactKeys } from '../src/mail/keys.js';
import { onEachEngine, percentile } from './engines.js';

const N = Number(process.env.BENCH_LIST_ROWS ?? 1_000_000);
const READS = 50;
const PAGE = 100;

interface List {
  name: string;
  seed: (from: number, to: number) => ReturnType<typeof sql.raw>;
  /** The sort key and id of the row 90 % down, read once with OFFSET to make the cursor. */
  deepKey: string;
  read: (db: Kysely<Schema>, after?: string) => Promise<unknown>;
  /** The plain SQL of the same page by OFFSET: the baseline. */
  offsetSql: string;
  table: string;
  /** The sort key expression, as the list function orders by it. */
  key: string;
}

const LISTS: List[] = [
  {
    name: 'users (address order)',
    table: 'users',
    key: 'lower(email)',
    seed: (from, to) =>
      sql.raw(`insert into users (email, name, role, password_hash)
               select md5(g::text) || '@example.org', 'User ' || g, 'analyst', 'not a hash'
               from generate_series(${from}, ${to}) g`),
    deepKey: `select lower(email) as k, id::text as id from users order by lower(email), id offset ${Math.floor(N * 0.9)} limit 1`,
    read: (db, after) => pageUsers(db, { limit: PAGE, ...(after ? { after } : {}) }),
    offsetSql: `select * from users order by lower(email), id offset ${Math.floor(N * 0.9)} limit ${PAGE}`,
  },
  {
    name: 'organisations (name order)',
    table: 'organisations',
    key: 'lower(name)',
    seed: (from, to) =>
      sql.raw(`insert into organisations (name, kind)
               select 'Organisation ' || md5(g::text), 'constituent' from generate_series(${from}, ${to}) g`),
    deepKey: `select lower(name) as k, id::text as id from organisations where kind in ('constituent', 'team')
              order by lower(name), id offset ${Math.floor(N * 0.9)} limit 1`,
    read: (db, after) => pageOrganisations(db, { limit: PAGE, ...(after ? { after } : {}) }),
    offsetSql: `select * from organisations where kind in ('constituent', 'team') order by lower(name), id offset ${Math.floor(N * 0.9)} limit ${PAGE}`,
  },
  {
    name: 'contact keys (address order)',
    table: 'pgp_keys',
    key: 'lower(email)',
    seed: (from, to) =>
      sql.raw(`insert into pgp_keys (fingerprint, email, user_ids, armored)
               select upper(md5(g::text) || substr(md5((g + 1)::text), 1, 8)), md5((g * 7)::text) || '@example.net',
                      array['Contact ' || g], 'not a key'
               from generate_series(${from}, ${to}) g`),
    deepKey: `select lower(email) as k, fingerprint as id from pgp_keys order by lower(email), fingerprint offset ${Math.floor(N * 0.9)} limit 1`,
    read: (db, after) => pageContactKeys(db, { limit: PAGE, ...(after ? { after } : {}) }),
    offsetSql: `select * from pgp_keys order by lower(email), fingerprint offset ${Math.floor(N * 0.9)} limit ${PAGE}`,
  },
  {
    name: 'directory teams (country, name)',
    table: 'peer_teams',
    key: 'country || lower(name)',
    seed: (from, to) =>
      sql.raw(`insert into peer_teams (name, country, data)
               select 'Team ' || md5(g::text), (array['SE', 'NO', 'DK', 'FI', 'DE', 'INT'])[1 + g % 6],
                      jsonb_build_object('name', 'Team ' || md5(g::text), 'country', (array['SE', 'NO', 'DK', 'FI', 'DE', 'INT'])[1 + g % 6],
                                         'type', 'national', 'sectors', '[]'::jsonb, 'services', '[]'::jsonb, 'telephone', '[]'::jsonb)
               from generate_series(${from}, ${to}) g`),
    deepKey: `select country || lower(name) as k, id::text as id from peer_teams order by country || lower(name), id offset ${Math.floor(N * 0.9)} limit 1`,
    read: (db, after) => pageTeams(db, { limit: PAGE, ...(after ? { after } : {}) }),
    offsetSql: `select * from peer_teams order by country || lower(name), id offset ${Math.floor(N * 0.9)} limit ${PAGE}`,
  },
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

await onEachEngine(async (engine, database) => {
  const { db } = database;
  for (const list of LISTS) {
    const t0 = performance.now();
    for (let from = 1; from <= N; from += 100_000) await list.seed(from, Math.min(N, from + 99_999)).execute(db);
    await sql.raw(`analyze ${list.table}`).execute(db);
    const seeded = ((performance.now() - t0) / 1000).toFixed(1);
    const deep = (await sql.raw<{ k: string; id: string }>(list.deepKey).execute(db)).rows[0]!;
    const cursor = keyCursor(deep.k, deep.id);
    await list.read(db);
    const first = await timed(READS, () => list.read(db));
    const deepPage = await timed(READS, () => list.read(db, cursor));
    const offset = await timed(Math.min(READS, 5), () => sql.raw(list.offsetSql).execute(db));
    // The plan of the deep page's own query: an index scan, not a sort of every row.
    const plan = await planOf(db, list, deep);
    console.log(
      `${engine} ${list.name}, ${N.toLocaleString('en')} rows (seeded in ${seeded} s): first page ${ms(first)}; ` +
        `page at 90 % ${ms(deepPage)}; the same page by OFFSET ${ms(offset)} (${(percentile(offset, 0.5) / percentile(deepPage, 0.5)).toFixed(0)}× slower); plan: ${plan}`,
    );
  }
});

/** The scans and sorts of the deep page's plan: the same ORDER BY and row comparison the list function sends. */
async function planOf(db: Kysely<Schema>, list: List, deep: { k: string; id: string }): Promise<string> {
  const id = list.table === 'pgp_keys' ? sql`${deep.id}` : sql`${deep.id}::uuid`;
  const idColumn = sql.ref(list.table === 'pgp_keys' ? 'fingerprint' : 'id');
  const plan = await sql<{ 'QUERY PLAN': string }>`explain select * from ${sql.table(list.table)}
    where (${sql.raw(list.key)}, ${idColumn}) > (${deep.k}, ${id}) order by ${sql.raw(list.key)}, ${idColumn} limit ${PAGE + 1}`.execute(
    db,
  );
  return plan.rows
    .map((r) => r['QUERY PLAN'].trim())
    .filter((line) => /Scan|Sort/.test(line))
    .map((line) => line.replace(/^->\s*/, '').replace(/\s+\(cost.*$/, ''))
    .join(' / ');
}
