/**
 * The SLA clocks of the open incidents, for the dashboard. How many are open and overdue come with
 * the KPI tallies (kpis.ts); each open incident's first step not done, and when it falls due, is
 * stored by kpi.refresh beside its day's tallies, so the clocks about to run out and the ten that
 * ran out first are an index walk, not a timer per open incident (measured: 465 ms for 30,000 open
 * incidents). Days not counted again since a change are worked out from their incidents.
 */
import { sql, type Kysely } from 'kysely';
import type { BusinessClock } from '../core/business-hours.js';
import type { Schema } from '../db/schema.js';
import { teamTiming, type MeasuredIncident } from './kpi-days.js';
import { groupKeyParts, tallies } from './kpis.js';
import { policyFor, type SlaPolicy } from './sla.js';

/** A clock that runs out within this many minutes is "due soon". */
const DUE_SOON_MINUTES = 120;

type Measure = 'acknowledge' | 'triage' | 'resolve';

/**
 * An open incident's first step not done and when it falls due (null once resolved). A later step
 * never falls due before an earlier one (acknowledge ≤ triage ≤ resolve), so the first step not
 * done is the one whose clock runs out first.
 */
function openStep(clock: BusinessClock, policies: readonly SlaPolicy[], r: MeasuredIncident): { measure: Measure; due: Date } | null {
  const policy = policyFor(policies, r.priority);
  const step: [Measure, number] | null =
    r.acknowledged === null
      ? ['acknowledge', policy.acknowledgeMinutes]
      : r.triaged === null
        ? ['triage', policy.triageMinutes]
        : (r.resolved ?? r.closed) === null
          ? ['resolve', policy.resolveMinutes]
          : null;
  return step && { measure: step[0], due: clock.addWorkingMinutes(new Date(r.opened!), step[1]) };
}

const isOpen = (r: MeasuredIncident) => r.phase !== 'closed';

/** Replaces a day's stored open steps; `rows` are its incidents, rejected and merged ones left out. */
export async function storeOpenSteps(
  db: Kysely<Schema>,
  clock: BusinessClock,
  policies: readonly SlaPolicy[],
  day: string,
  rows: MeasuredIncident[],
) {
  await db.deleteFrom('kpi_open_steps').where('day', '=', day).execute();
  const open = rows.filter(isOpen).map((r) => {
    const step = openStep(clock, policies, r);
    return {
      incident_id: r.id,
      day,
      priority: r.priority,
      measure: step?.measure ?? null,
      due_at: step?.due ?? null,
    };
  });
  for (let i = 0; i < open.length; i += 5000)
    await db
      .insertInto('kpi_open_steps')
      .values(open.slice(i, i + 5000))
      .execute();
}

export interface OpenFigures {
  byGroup: Array<{ priority: string; rsitClass: string; count: number }>;
  overdue: number;
  dueSoon: number;
  /** The ten clocks that ran out first, then those about to. */
  alerts: Array<{ incidentId: string; title: string; priority: string; measure: Measure; state: 'overdue' | 'due-soon'; dueAt: string }>;
}

/** All time: the tallies of every day, to whatever day incidents are opened on. */
const EVER: [Date, Date] = [new Date(0), new Date('9999-01-01T00:00:00Z')];

export async function openIncidents(db: Kysely<Schema>, now: Date): Promise<OpenFigures> {
  const timing = await teamTiming(db);
  const { clock, policies } = timing;
  // Open and overdue come with the KPI tallies; the clocks about to run out, from the stored steps
  // of the days that hold, and from the incidents of those that do not.
  // All time has no part-days: the incidents counted are those of the stale days.
  const { groups, stale, counted } = await tallies(db, ...EVER, now, { countsOnly: true, timing });
  const soon = new Date(now.getTime() + DUE_SOON_MINUTES * 60_000);
  const held = sql<boolean>`day <> all(${stale}::date[])`;
  const [dueSoon, first] = await Promise.all([
    db
      .selectFrom('kpi_open_steps')
      .select(sql<string>`count(*)`.as('n'))
      .where('due_at', '>=', now)
      .where('due_at', '<=', soon)
      .where(held)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('kpi_open_steps')
      .select(['incident_id', 'priority', 'measure', 'due_at'])
      .where('due_at', '<=', soon)
      .where(held)
      .orderBy('due_at')
      .limit(10)
      .execute(),
  ]);
  const figures: OpenFigures = { byGroup: [], overdue: 0, dueSoon: Number(dueSoon.n), alerts: [] };
  for (const [key, tally] of groups) {
    const [rsitClass, priority] = groupKeyParts(key);
    if (tally.open) figures.byGroup.push({ priority, rsitClass, count: tally.open });
    figures.overdue += tally.overdue;
  }
  const candidates = first.map((f) => ({
    id: f.incident_id,
    priority: f.priority,
    measure: f.measure as Measure,
    due: new Date(f.due_at!),
  }));
  for (const r of counted.filter(isOpen)) {
    const step = openStep(clock, policies, r);
    if (!step || step.due > soon) continue;
    if (step.due >= now) figures.dueSoon++;
    candidates.push({ id: r.id, priority: r.priority, ...step });
  }
  const alerts = candidates.sort((a, b) => a.due.getTime() - b.due.getTime()).slice(0, 10);
  const titles = alerts.length
    ? await db
        .selectFrom('incidents')
        .select(['id', 'title'])
        .where(
          'id',
          'in',
          alerts.map((a) => a.id),
        )
        .execute()
    : [];
  figures.alerts = alerts.map((a) => ({
    incidentId: a.id,
    title: titles.find((t) => t.id === a.id)?.title ?? '',
    priority: a.priority,
    measure: a.measure,
    state: a.due < now ? 'overdue' : 'due-soon',
    dueAt: a.due.toISOString(),
  }));
  return figures;
}
