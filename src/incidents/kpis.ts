/**
 * KPIs: the measured times to acknowledge, triage, contain and resolve per RSIT class and
 * priority, in the team's working time, over the incidents opened in a period (rejected and merged
 * ones left out). A national team opens hundreds of thousands of incidents a year, so a period is
 * read from tallies stored per month and per UTC day (kpi-histogram.ts); only days the job has not
 * counted again since a change, and the parts of days at the period's ends, are counted from their
 * incidents. Both ways give the same figures (a test holds them to it).
 */
import { sql, type Kysely } from 'kysely';
import type { BusinessClock } from '../core/business-hours.js';
import { sha256Hex } from '../db/blobs.js';
import { defineJob } from '../jobs/queue.js';
import type { Schema } from '../db/schema.js';
import { getProfile } from '../profile/stored.js';
import { PRIORITIES, type Priority } from './incidents.js';
import {
  addMinutes,
  addStored,
  emptyTally,
  encodeTally,
  figureOf,
  STEPS,
  type GroupTally,
  type KpiFigure,
  type StepTally,
  type StoredTally,
} from './kpi-histogram.js';
import { policyFor, slaPolicies, teamClock, type SlaPolicy } from './sla.js';

export type { KpiFigure } from './kpi-histogram.js';

export interface KpiRow {
  rsitClass: string;
  priority: string;
  incidents: number;
  acknowledge: KpiFigure;
  triage: KpiFigure;
  contain: KpiFigure;
  resolve: KpiFigure;
}

const DAY_MS = 86_400_000;
type Groups = Map<string, GroupTally>;
const groupKey = (rsitClass: string | null, priority: string) => `${rsitClass ?? 'unclassified'}\u0000${priority}`;

/** Milliseconds since the epoch, as PostgreSQL gives a timestamp when asked for a number: no date to parse. */
const epochMs = (column: string) => sql<number | null>`(extract(epoch from ${sql.ref(column)}) * 1000)::float8`;

function measuredIncidents(db: Kysely<Schema>, from: Date, to: Date) {
  return db
    .selectFrom('incidents')
    .select([
      'rsit_class',
      'priority',
      epochMs('opened_at').as('opened'),
      epochMs('acknowledged_at').as('acknowledged'),
      epochMs('triaged_at').as('triaged'),
      epochMs('contained_at').as('contained'),
      epochMs('resolved_at').as('resolved'),
      epochMs('closed_at').as('closed'),
    ])
    .where('opened_at', '>=', from)
    .where('opened_at', '<', to)
    .where('merged_into_id', 'is', null)
    .where('phase', '<>', 'rejected')
    .execute();
}
type MeasuredIncident = Awaited<ReturnType<typeof measuredIncidents>>[number];

/**
 * Adds incidents to the tallies, as their SLA timers would judge them at `now`. Returns the first
 * instant after `now` at which an open step falls due: the tallies' breaches hold until then.
 */
function tallyIncidents(clock: BusinessClock, policies: readonly SlaPolicy[], rows: MeasuredIncident[], now: number, groups: Groups) {
  let settlesAt: number | null = null;
  for (const r of rows) {
    const key = groupKey(r.rsit_class, r.priority);
    let tally = groups.get(key);
    if (!tally) groups.set(key, (tally = emptyTally()));
    tally.incidents++;
    const policy = policyFor(policies, r.priority);
    const start = new Date(r.opened!);
    /** `done` stops the step's clock; `measure` is what its time is taken to (only a resolution is measured). */
    const step = (into: StepTally, target: number | undefined, done: number | null, measure = done) => {
      if (measure !== null) addMinutes(into, Math.round(clock.workingMinutesBetween(start, new Date(measure))));
      if (target === undefined) return;
      const due = clock.addWorkingMinutes(start, target).getTime();
      if ((done ?? now) > due) into.breaches++;
      else if (done === null && (settlesAt === null || due < settlesAt)) settlesAt = due;
    };
    step(tally.acknowledge, policy.acknowledgeMinutes, r.acknowledged);
    step(tally.triage, policy.triageMinutes, r.triaged);
    step(tally.contain, undefined, r.contained); // containment has no target
    step(tally.resolve, policy.resolveMinutes, r.resolved ?? r.closed, r.resolved);
  }
  return settlesAt;
}

/** What stored tallies were counted under: a change of hours, holidays, time zone or targets makes them stale. */
async function clockKey(db: Kysely<Schema>, policies: readonly SlaPolicy[]): Promise<string> {
  const profile = (await getProfile(db))?.profile;
  const clock = profile ? [profile.timeZone, profile.operatingHours, profile.holidays] : 'round the clock';
  return sha256Hex(JSON.stringify({ clock, policies }));
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
const nextMonth = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  return isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
};
const holds = (state: { clock: string; settles_at: Date | string | null }, key: string, now: Date) =>
  state.clock === key && (state.settles_at === null || new Date(state.settles_at) > now);

/**
 * Adds the stored tallies of the whole days [first, end) that still hold; returns the days, as
 * ranges, that must be counted from their incidents instead.
 */
async function addSummaries(db: Kysely<Schema>, groups: Groups, first: string, end: string, key: string, now: Date) {
  const [pending, days, months] = await Promise.all([
    db.selectFrom('kpi_changes').select(sql<string>`day::text`.as('day')).distinct().where('day', '>=', first).where('day', '<', end).execute(),
    db
      .selectFrom('kpi_day_states')
      .select([sql<string>`day::text`.as('day'), 'clock', 'settles_at'])
      .where('day', '>=', first)
      .where('day', '<', end)
      .execute(),
    db
      .selectFrom('kpi_month_states')
      .select([sql<string>`month::text`.as('month'), 'clock', 'settles_at'])
      .where('month', '>=', first)
      .where('month', '<', end)
      .execute(),
  ]);
  const stale = new Set(pending.map((p) => p.day));
  for (const d of days) if (!holds(d, key, now)) stale.add(d.day);
  const staleMonths = new Set([...stale].map(monthOf));
  const wholeMonths = new Set(
    months.filter((m) => holds(m, key, now) && !staleMonths.has(m.month) && nextMonth(m.month) <= end).map((m) => m.month),
  );
  const storedDays = days.filter((d) => !stale.has(d.day) && !wholeMonths.has(monthOf(d.day))).map((d) => d.day);
  const [monthRows, dayRows] = await Promise.all([
    wholeMonths.size ? db.selectFrom('kpi_months').select(['rsit_class', 'priority', 'tally']).where('month', 'in', [...wholeMonths]).execute() : [],
    storedDays.length ? db.selectFrom('kpi_days').select(['rsit_class', 'priority', 'tally']).where('day', 'in', storedDays).execute() : [],
  ]);
  addRows(groups, [...monthRows, ...dayRows]);
  return rangesOf([...stale].filter((d) => !wholeMonths.has(monthOf(d))));
}

function addRows(groups: Groups, rows: Array<{ rsit_class: string; priority: string; tally: unknown }>): void {
  for (const row of rows) {
    const key = groupKey(row.rsit_class, row.priority);
    let tally = groups.get(key);
    if (!tally) groups.set(key, (tally = emptyTally()));
    addStored(tally, row.tally as StoredTally);
  }
}

/** Days as consecutive [start, end) ranges. */
function rangesOf(days: string[]): Array<[Date, Date]> {
  const ranges: Array<[Date, Date]> = [];
  for (const day of days.sort()) {
    const start = Date.parse(`${day}T00:00:00Z`);
    const last = ranges.at(-1);
    if (last && last[1].getTime() === start) last[1] = new Date(start + DAY_MS);
    else ranges.push([new Date(start), new Date(start + DAY_MS)]);
  }
  return ranges;
}

/** KPIs over the incidents opened in [from, to). */
export async function kpis(db: Kysely<Schema>, from: Date, to: Date, now = new Date()): Promise<KpiRow[]> {
  const [clock, policies] = await Promise.all([teamClock(db), slaPolicies(db)]);
  const groups: Groups = new Map();
  const first = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
  const end = Math.floor(to.getTime() / DAY_MS) * DAY_MS;
  const counted: Array<[Date, Date]> = [];
  if (first >= end) counted.push([from, to]);
  else {
    if (from.getTime() < first) counted.push([from, new Date(first)]);
    counted.push(...(await addSummaries(db, groups, isoDay(first), isoDay(end), await clockKey(db, policies), now)));
    if (end < to.getTime()) counted.push([new Date(end), to]);
  }
  for (const [a, b] of counted) tallyIncidents(clock, policies, await measuredIncidents(db, a, b), now.getTime(), groups);
  return [...groups]
    .map(([key, tally]): KpiRow => {
      const [rsitClass, priority] = key.split('\u0000') as [string, string];
      const [acknowledge, triage, contain, resolve] = STEPS.map((s) => figureOf(tally[s])) as [KpiFigure, KpiFigure, KpiFigure, KpiFigure];
      return { rsitClass, priority, incidents: tally.incidents, acknowledge, triage, contain, resolve };
    })
    .sort(
      (a, b) =>
        a.rsitClass.localeCompare(b.rsitClass) || PRIORITIES.indexOf(b.priority as Priority) - PRIORITIES.indexOf(a.priority as Priority),
    );
}

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
  const [clock, policies] = await Promise.all([teamClock(db), slaPolicies(db)]);
  const key = await clockKey(db, policies);
  const [changes, outdated] = await Promise.all([
    db.selectFrom('kpi_changes').select(['id', sql<string>`day::text`.as('day')]).orderBy('id').limit(CHANGES_PER_RUN).execute(),
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
      for (const day of days) await countDay(trx, clock, policies, key, day, now);
      if (changeIds.length) await trx.deleteFrom('kpi_changes').where('id', '=', sql<string>`any(${changeIds}::bigint[])`).execute();
      await countMonth(trx, key, month);
    });
    result.days += days.size;
    result.months++;
  }
  return result;
}

async function countDay(db: Kysely<Schema>, clock: BusinessClock, policies: readonly SlaPolicy[], key: string, day: string, now: Date) {
  const start = Date.parse(`${day}T00:00:00Z`);
  const groups: Groups = new Map();
  const rows = await measuredIncidents(db, new Date(start), new Date(start + DAY_MS));
  const settlesAt = tallyIncidents(clock, policies, rows, now.getTime(), groups);
  await db.deleteFrom('kpi_days').where('day', '=', day).execute();
  if (groups.size) await db.insertInto('kpi_days').values(storedRows(groups).map((r) => ({ day, ...r }))).execute();
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
  addRows(groups, await db.selectFrom('kpi_days').select(['rsit_class', 'priority', 'tally']).where('day', '>=', month).where('day', '<', end).execute());
  const { settles } = await db
    .selectFrom('kpi_day_states')
    .select((eb) => eb.fn.min('settles_at').as('settles'))
    .where('day', '>=', month)
    .where('day', '<', end)
    .executeTakeFirstOrThrow();
  await db.deleteFrom('kpi_months').where('month', '=', month).execute();
  if (groups.size) await db.insertInto('kpi_months').values(storedRows(groups).map((r) => ({ month, ...r }))).execute();
  const state = { clock: key, settles_at: settles ?? null };
  await db
    .insertInto('kpi_month_states')
    .values({ month, ...state })
    .onConflict((oc) => oc.column('month').doUpdateSet(state))
    .execute();
}

function storedRows(groups: Groups) {
  return [...groups].map(([key, tally]) => {
    const [rsit_class, priority] = key.split('\u0000') as [string, string];
    return { rsit_class, priority, tally: JSON.stringify(encodeTally(tally)) };
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
