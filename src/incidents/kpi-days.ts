/**
 * The days KPIs and the dashboard's clocks are stored by: incidents are counted per UTC day of
 * their opening, and a day's stored figures hold until an incident of it changes (the trigger of
 * migration 0029 notes the day), the clock or the SLA targets change, or an open step of it falls
 * due. What does not hold is counted from the incidents themselves.
 */
import { sql, type Kysely } from 'kysely';
import { sha256Hex } from '../db/blobs.js';
import type { Schema } from '../db/schema.js';
import { getProfile } from '../profile/stored.js';
import type { BusinessClock } from '../core/business-hours.js';
import { slaPolicies, teamClock, type SlaPolicy } from './sla.js';

export const DAY_MS = 86_400_000;

/** Milliseconds since the epoch, as PostgreSQL gives a timestamp when asked for a number: no date to parse. */
const epochMs = (column: string) => sql<number | null>`(extract(epoch from ${sql.ref(column)}) * 1000)::float8`;

export function measuredIncidents(db: Kysely<Schema>, from: Date, to: Date) {
  return db
    .selectFrom('incidents')
    .select([
      'id',
      'phase',
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
export type MeasuredIncident = Awaited<ReturnType<typeof measuredIncidents>>[number];

/** The team's working clock and SLA targets, and the key of both that stored figures were counted under. */
export interface Timing {
  clock: BusinessClock;
  policies: SlaPolicy[];
  key: string;
}

export async function teamTiming(db: Kysely<Schema>): Promise<Timing> {
  const [clock, policies, stored] = await Promise.all([teamClock(db), slaPolicies(db), getProfile(db)]);
  // A change of hours, holidays, time zone or targets makes every stored figure stale.
  const settings = stored ? [stored.profile.timeZone, stored.profile.operatingHours, stored.profile.holidays] : 'round the clock';
  return { clock, policies, key: sha256Hex(JSON.stringify({ clock: settings, policies })) };
}

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const monthOf = (day: string) => `${day.slice(0, 7)}-01`;
export const nextMonth = (month: string) => {
  const d = new Date(`${month}T00:00:00Z`);
  return isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
};

/**
 * The days in [first, end) whose stored figures do not hold: changed since they were counted,
 * counted under another clock, or with an open step fallen due since. Every other day either
 * holds or has no incidents.
 */
export async function staleDays(db: Kysely<Schema>, key: string, first: string, end: string, now: Date): Promise<Set<string>> {
  const [pending, states] = await Promise.all([
    db
      .selectFrom('kpi_changes')
      .select(sql<string>`day::text`.as('day'))
      .distinct()
      .where('day', '>=', first)
      .where('day', '<', end)
      .execute(),
    db
      .selectFrom('kpi_day_states')
      .select(sql<string>`day::text`.as('day'))
      .where('day', '>=', first)
      .where('day', '<', end)
      .where((eb) => eb.or([eb('clock', '<>', key), eb('settles_at', '<=', now)]))
      .execute(),
  ]);
  return new Set([...pending, ...states].map((d) => d.day));
}

/** Days as consecutive [start, end) ranges. */
export function rangesOf(days: string[]): Array<[Date, Date]> {
  const ranges: Array<[Date, Date]> = [];
  for (const day of days.sort()) {
    const start = Date.parse(`${day}T00:00:00Z`);
    const last = ranges.at(-1);
    if (last && last[1].getTime() === start) last[1] = new Date(start + DAY_MS);
    else ranges.push([new Date(start), new Date(start + DAY_MS)]);
  }
  return ranges;
}
