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
import type { Schema } from '../db/schema.js';
import { PRIORITIES, type Priority } from './incidents.js';
import {
  addMinutes,
  addStored,
  emptyTally,
  figureOf,
  STEPS,
  type GroupTally,
  type KpiFigure,
  type StepTally,
  type StoredTally,
} from './kpi-histogram.js';
import {
  DAY_MS,
  isoDay,
  measuredIncidents,
  monthOf,
  nextMonth,
  rangesOf,
  staleDays,
  teamTiming,
  type MeasuredIncident,
  type Timing,
} from './kpi-days.js';
import { policyFor, stepState, type SlaPolicy } from './sla.js';

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

export type Groups = Map<string, GroupTally>;
const groupKey = (rsitClass: string | null, priority: string) => `${rsitClass ?? 'unclassified'}\u0000${priority}`;
export const groupKeyParts = (key: string) => key.split('\u0000') as [rsitClass: string, priority: string];

/**
 * Adds incidents to the tallies, as their SLA timers would judge them at `now`. Returns the first
 * instant after `now` at which an open step falls due: the tallies' breaches hold until then.
 */
export function tallyIncidents(
  clock: BusinessClock,
  policies: readonly SlaPolicy[],
  rows: MeasuredIncident[],
  now: number,
  groups: Groups,
) {
  let settlesAt: number | null = null;
  for (const r of rows) {
    const key = groupKey(r.rsit_class, r.priority);
    let tally = groups.get(key);
    if (!tally) groups.set(key, (tally = emptyTally()));
    tally.incidents++;
    const policy = policyFor(policies, r.priority);
    const start = new Date(r.opened!);
    let late = false;
    /** `done` stops the step's clock; `measure` is what its time is taken to (only a resolution is measured). */
    const step = (into: StepTally, target: number | undefined, done: number | null, measure = done) => {
      if (measure !== null) addMinutes(into, Math.round(clock.workingMinutesBetween(start, new Date(measure))));
      if (target === undefined) return;
      const due = clock.addWorkingMinutes(start, target).getTime();
      const state = stepState(done, due, now);
      if (state === 'breached' || state === 'overdue') into.breaches++;
      if (state === 'overdue') late = true;
      if (state === 'running' && (settlesAt === null || due < settlesAt)) settlesAt = due;
    };
    step(tally.acknowledge, policy.acknowledgeMinutes, r.acknowledged);
    step(tally.triage, policy.triageMinutes, r.triaged);
    step(tally.contain, undefined, r.contained); // containment has no target
    step(tally.resolve, policy.resolveMinutes, r.resolved ?? r.closed, r.resolved);
    // A step not done that ran out is overdue (the dashboard's count): the first such has the earliest target.
    if (r.phase !== 'closed') {
      tally.open++;
      if (late) tally.overdue++;
    }
  }
  return settlesAt;
}

/**
 * Adds the stored tallies of the whole days [first, end) that still hold; returns the days that
 * must be counted from their incidents instead.
 */
async function addSummaries(db: Kysely<Schema>, groups: Groups, first: string, end: string, key: string, now: Date, countsOnly: boolean) {
  // The dashboard needs no histograms: leaving them in the database saves shipping and parsing most of the tally.
  const columns = ['rsit_class', 'priority', 'incidents', 'open', 'overdue', ...(countsOnly ? [] : ['steps' as const])] as const;
  const [stale, months] = await Promise.all([
    staleDays(db, key, first, end, now),
    db
      .selectFrom('kpi_month_states')
      .select(sql<string>`month::text`.as('month'))
      .where('month', '>=', first)
      .where('month', '<', end)
      .where('clock', '=', key)
      .where((eb) => eb.or([eb('settles_at', 'is', null), eb('settles_at', '>', now)]))
      .execute(),
  ]);
  const staleMonths = new Set([...stale].map(monthOf));
  const wholeMonths = months.map((m) => m.month).filter((m) => !staleMonths.has(m) && nextMonth(m) <= end);
  // The other days of the period: the stretches between its whole months, read by the key's ranges.
  const between: Array<[string, string]> = [];
  let from = first;
  for (const month of wholeMonths.sort()) {
    if (from < month) between.push([from, month]);
    from = nextMonth(month);
  }
  if (from < end) between.push([from, end]);
  const [monthRows, dayRows] = await Promise.all([
    wholeMonths.length ? db.selectFrom('kpi_months').select(columns).where('month', 'in', wholeMonths).execute() : [],
    between.length
      ? db
          .selectFrom('kpi_days')
          .select(columns)
          .where((eb) => eb.or(between.map(([a, b]) => eb.and([eb('day', '>=', a), eb('day', '<', b)]))))
          .where(sql<boolean>`day <> all(${[...stale]}::date[])`)
          .execute()
      : [],
  ]);
  addRows(groups, [...monthRows, ...dayRows]);
  return [...stale];
}

export function addRows(groups: Groups, rows: Array<StoredTally & { rsit_class: string; priority: string }>): void {
  for (const row of rows) {
    const key = groupKey(row.rsit_class, row.priority);
    let tally = groups.get(key);
    if (!tally) groups.set(key, (tally = emptyTally()));
    addStored(tally, row);
  }
}

/**
 * The tallies of the incidents opened in [from, to), per class and priority, as they stand at
 * `now`; with `countsOnly`, the stored ones without their histograms. Also the days whose stored
 * figures were stale, and the incidents counted from the database instead (theirs, and those of
 * part-days at the period's ends).
 */
export async function tallies(
  db: Kysely<Schema>,
  from: Date,
  to: Date,
  now: Date,
  options: { countsOnly?: boolean; timing?: Timing } = {},
): Promise<{ groups: Groups; stale: string[]; counted: MeasuredIncident[] }> {
  const { clock, policies, key } = options.timing ?? (await teamTiming(db));
  const groups: Groups = new Map();
  const first = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
  const end = Math.floor(to.getTime() / DAY_MS) * DAY_MS;
  const ranges: Array<[Date, Date]> = [];
  let stale: string[] = [];
  if (first >= end) ranges.push([from, to]);
  else {
    if (from.getTime() < first) ranges.push([from, new Date(first)]);
    stale = await addSummaries(db, groups, isoDay(first), isoDay(end), key, now, options.countsOnly ?? false);
    ranges.push(...rangesOf(stale));
    if (end < to.getTime()) ranges.push([new Date(end), to]);
  }
  const counted = (await Promise.all(ranges.map(([a, b]) => measuredIncidents(db, a, b)))).flat();
  tallyIncidents(clock, policies, counted, now.getTime(), groups);
  return { groups, stale, counted };
}

/** KPIs over the incidents opened in [from, to). */
export async function kpis(db: Kysely<Schema>, from: Date, to: Date, now = new Date()): Promise<KpiRow[]> {
  const { groups } = await tallies(db, from, to, now);
  return [...groups]
    .map(([key, tally]): KpiRow => {
      const [rsitClass, priority] = groupKeyParts(key);
      const [acknowledge, triage, contain, resolve] = STEPS.map((s) => figureOf(tally[s])) as [KpiFigure, KpiFigure, KpiFigure, KpiFigure];
      return { rsitClass, priority, incidents: tally.incidents, acknowledge, triage, contain, resolve };
    })
    .sort(
      (a, b) =>
        a.rsitClass.localeCompare(b.rsitClass) || PRIORITIES.indexOf(b.priority as Priority) - PRIORITIES.indexOf(a.priority as Priority),
    );
}
