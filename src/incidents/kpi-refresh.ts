/**
 * The job kpi.refresh: counts again the days a change, a new clock or a step falling due made
 * stale, stores their KPI tallies and open steps, and sums each month's days into its tally.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { defineJob } from '../jobs/queue.js';
import { encodeTally } from './kpi-histogram.js';
import { DAY_MS, measuredIncidents, monthOf, nextMonth, teamTiming, type Timing } from './kpi-days.js';
import { addRows, groupKeyParts, tallyIncidents, type Groups } from './kpis.js';
import { storeOpenSteps } from './open-steps.js';

/** Advisory lock space of the refresh: one transaction per month at a time. */
const REFRESH_LOCK = 0x6b7069; // "kpi"
const CHANGES_PER_RUN = 200_000;

export interface RefreshResult {
  days: number;
  months: number;
  /** False when work is left for the next run (its time or its share of changes ran out). */
  done: boolean;
}

/**
 * Counts again the days that changed, whose clock or targets changed, or whose open steps have
 * since fallen due, and the months they are in: a month's days and its own tally in one
 * transaction. A change is forgotten only once the day it names has been counted after it.
 */
export async function refreshKpiSummaries(db: Kysely<Schema>, options: { now?: Date; budgetMs?: number } = {}): Promise<RefreshResult> {
  const now = options.now ?? new Date();
  const deadline = Date.now() + (options.budgetMs ?? 50_000);
  const timing = await teamTiming(db);
  const { key } = timing;
  const [changes, outdated] = await Promise.all([
    db
      .selectFrom('kpi_changes')
      .select(['id', sql<string>`day::text`.as('day')])
      .orderBy('id')
      .limit(CHANGES_PER_RUN)
      .execute(),
    db
      .selectFrom('kpi_day_states')
      .select(sql<string>`day::text`.as('day'))
      .where((eb) => eb.or([eb('clock', '<>', key), eb('settles_at', '<=', now)]))
      .execute(),
  ]);
  const work = new Map<string, { days: Set<string>; changeIds: string[] }>();
  const workOf = (day: string) => {
    const month = monthOf(day);
    let entry = work.get(month);
    if (!entry) work.set(month, (entry = { days: new Set(), changeIds: [] }));
    entry.days.add(day);
    return entry;
  };
  for (const c of changes) workOf(c.day).changeIds.push(c.id);
  for (const d of outdated) workOf(d.day);
  const result: RefreshResult = { days: 0, months: 0, done: changes.length < CHANGES_PER_RUN };
  for (const [month, { days, changeIds }] of [...work].sort(([a], [b]) => a.localeCompare(b))) {
    if (Date.now() > deadline) return { ...result, done: false };
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${REFRESH_LOCK}, ${Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7))})`.execute(trx);
      for (const day of days) await countDay(trx, timing, day, now);
      if (changeIds.length)
        await trx
          .deleteFrom('kpi_changes')
          .where('id', '=', sql<string>`any(${changeIds}::bigint[])`)
          .execute();
      await countMonth(trx, key, month);
    });
    result.days += days.size;
    result.months++;
  }
  return result;
}

async function countDay(db: Kysely<Schema>, { clock, policies, key }: Timing, day: string, now: Date) {
  const start = Date.parse(`${day}T00:00:00Z`);
  const groups: Groups = new Map();
  const rows = await measuredIncidents(db, new Date(start), new Date(start + DAY_MS));
  const settlesAt = tallyIncidents(clock, policies, rows, now.getTime(), groups);
  await storeOpenSteps(db, clock, policies, day, rows);
  await db.deleteFrom('kpi_days').where('day', '=', day).execute();
  if (groups.size)
    await db
      .insertInto('kpi_days')
      .values(storedRows(groups).map((r) => ({ day, ...r })))
      .execute();
  const state = { clock: key, settles_at: settlesAt === null ? null : new Date(settlesAt) };
  await db
    .insertInto('kpi_day_states')
    .values({ day, ...state })
    .onConflict((oc) => oc.column('day').doUpdateSet(state))
    .execute();
}

/** A month's tally is the sum of its days'; it holds until the first of its days stops holding. */
async function countMonth(db: Kysely<Schema>, key: string, month: string) {
  const end = nextMonth(month);
  const groups: Groups = new Map();
  addRows(
    groups,
    await db
      .selectFrom('kpi_days')
      .select(['rsit_class', 'priority', 'incidents', 'open', 'overdue', 'steps'])
      .where('day', '>=', month)
      .where('day', '<', end)
      .execute(),
  );
  const { settles } = await db
    .selectFrom('kpi_day_states')
    .select((eb) => eb.fn.min('settles_at').as('settles'))
    .where('day', '>=', month)
    .where('day', '<', end)
    .executeTakeFirstOrThrow();
  await db.deleteFrom('kpi_months').where('month', '=', month).execute();
  if (groups.size)
    await db
      .insertInto('kpi_months')
      .values(storedRows(groups).map((r) => ({ month, ...r })))
      .execute();
  const state = { clock: key, settles_at: settles ?? null };
  await db
    .insertInto('kpi_month_states')
    .values({ month, ...state })
    .onConflict((oc) => oc.column('month').doUpdateSet(state))
    .execute();
}

function storedRows(groups: Groups) {
  return [...groups].map(([key, tally]) => {
    const [rsit_class, priority] = groupKeyParts(key);
    const { steps, ...counts } = encodeTally(tally);
    return { rsit_class, priority, ...counts, steps: JSON.stringify(steps) };
  });
}

/** Every minute: a minute's changes, and the days whose open steps fell due, counted again. */
export const refreshKpisJob = defineJob({
  name: 'kpi.refresh',
  schedule: '* * * * *',
  async handle(_data, { database }) {
    await refreshKpiSummaries(database.db);
  },
});
