/**
 * SLA timers and KPIs, counted in the team's working time (its hours, time zone and holidays from
 * the profile). Each priority has three targets: acknowledge, triage, resolve. An incident's
 * clock starts when its first report arrived. KPIs (kpis.ts) measure the same steps.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { BusinessClock, WEEKDAYS } from '../core/business-hours.js';
import { ValidationError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { getProfile } from '../profile/stored.js';
import { PRIORITIES, type Priority } from './incidents.js';

/** Round the clock, for a Vakt without a team profile yet. */
const ALWAYS_OPEN = Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]])) as ConstructorParameters<
  typeof BusinessClock
>[0]['hours'];

/**
 * The clock of the profile's version: made once per version and kept, with the days it has worked
 * out, for every request after (a holiday calendar and a day's hours cost more than a list's rows).
 */
let lastClock: { version: number; updatedAt: string; clock: BusinessClock } | undefined;
let roundTheClock: BusinessClock | undefined;

export async function teamClock(db: Kysely<Schema>): Promise<BusinessClock> {
  const stored = await getProfile(db);
  if (!stored) return (roundTheClock ??= new BusinessClock({ timeZone: 'UTC', hours: ALWAYS_OPEN }));
  // The time too: a restored backup or another database may hold another profile of the same version.
  if (lastClock?.version === stored.version && lastClock.updatedAt === stored.updatedAt) return lastClock.clock;
  const { profile } = stored;
  const clock = new BusinessClock({ timeZone: profile.timeZone, hours: profile.operatingHours, holidays: profile.holidays });
  lastClock = { version: stored.version, updatedAt: stored.updatedAt, clock };
  return clock;
}

export interface SlaPolicy {
  priority: Priority;
  acknowledgeMinutes: number;
  triageMinutes: number;
  resolveMinutes: number;
}

export async function slaPolicies(db: Kysely<Schema>): Promise<SlaPolicy[]> {
  const rows = await db.selectFrom('sla_policies').selectAll().execute();
  return PRIORITIES.flatMap((p) => {
    const row = rows.find((r) => r.priority === p);
    return row
      ? [
          {
            priority: p,
            acknowledgeMinutes: row.acknowledge_minutes,
            triageMinutes: row.triage_minutes,
            resolveMinutes: row.resolve_minutes,
          },
        ]
      : [];
  });
}

export async function saveSlaPolicies(db: Kysely<Schema>, actor: string, policies: readonly SlaPolicy[]): Promise<void> {
  for (const [i, p] of policies.entries()) {
    if (!(p.acknowledgeMinutes <= p.triageMinutes && p.triageMinutes <= p.resolveMinutes)) {
      throw new ValidationError([{ field: `[${i}]`, reason: 'acknowledge ≤ triage ≤ resolve, in working minutes' }]);
    }
  }
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('sla_policies').selectAll().execute();
    for (const p of policies) {
      await trx
        .insertInto('sla_policies')
        .values({
          priority: p.priority,
          acknowledge_minutes: p.acknowledgeMinutes,
          triage_minutes: p.triageMinutes,
          resolve_minutes: p.resolveMinutes,
        })
        .onConflict((oc) =>
          oc
            .column('priority')
            .doUpdateSet({ acknowledge_minutes: p.acknowledgeMinutes, triage_minutes: p.triageMinutes, resolve_minutes: p.resolveMinutes }),
        )
        .execute();
    }
    await appendAudit(trx, { actor, action: 'sla.update', objectType: 'sla-policy', before, after: policies });
  });
}

export type TimerState = 'met' | 'breached' | 'running' | 'overdue';

export interface Timer {
  dueAt: string;
  doneAt: string | null;
  state: TimerState;
  /** Working minutes used so far (or until done). */
  workingMinutes: number;
  targetMinutes: number;
}

/** A step against its due instant (epoch ms): done in time or late, or not done and still in time or past it. */
export function stepState(done: number | null, due: number, now: number): TimerState {
  if (done !== null) return done <= due ? 'met' : 'breached';
  return now <= due ? 'running' : 'overdue';
}

function timer(clock: BusinessClock, start: Date, target: number, done: Date | null, now: Date): Timer {
  const due = clock.addWorkingMinutes(start, target);
  const end = done ?? now;
  const state = stepState(done?.getTime() ?? null, due.getTime(), now.getTime());
  return {
    dueAt: due.toISOString(),
    doneAt: done?.toISOString() ?? null,
    state,
    workingMinutes: Math.round(clock.workingMinutesBetween(start, end)),
    targetMinutes: target,
  };
}

export interface SlaStatus {
  acknowledge: Timer;
  triage: Timer;
  resolve: Timer;
  breached: boolean;
}

interface Timed {
  priority: string;
  opened_at: Date | string;
  acknowledged_at: Date | string | null;
  triaged_at: Date | string | null;
  resolved_at: Date | string | null;
  /** A closed incident's resolve clock stops at the close, resolved or not (closed straight from triage). */
  closed_at?: Date | string | null;
}

const asDate = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

/** The policy of a priority; a priority without one is timed as normal. */
export function policyFor(policies: readonly SlaPolicy[], priority: string): SlaPolicy {
  const policy = policies.find((p) => p.priority === priority) ?? policies.find((p) => p.priority === 'normal');
  if (!policy) throw new Error('no SLA policy for this priority');
  return policy;
}

export function slaOf(clock: BusinessClock, policies: readonly SlaPolicy[], incident: Timed, now = new Date()): SlaStatus {
  const policy = policyFor(policies, incident.priority);
  const start = new Date(incident.opened_at);
  const acknowledge = timer(clock, start, policy.acknowledgeMinutes, asDate(incident.acknowledged_at), now);
  const triage = timer(clock, start, policy.triageMinutes, asDate(incident.triaged_at), now);
  const resolve = timer(clock, start, policy.resolveMinutes, asDate(incident.resolved_at ?? incident.closed_at ?? null), now);
  const breached = [acknowledge, triage, resolve].some((t) => t.state === 'breached' || t.state === 'overdue');
  return { acknowledge, triage, resolve, breached };
}
