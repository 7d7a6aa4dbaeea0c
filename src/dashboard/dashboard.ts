/**
 * The team's home page in figures: what is open and how urgent, which clocks have run out or are
 * about to, how long the triage queue has waited, my tasks, what the feeds brought in, what the
 * notifications got back, and what happened last. Only the team reads it (reports:read).
 */
import { sql, type Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { StringEnum } from '../core/validate.js';
import { PRIORITIES } from '../incidents/incidents.js';
import type { Schema } from '../db/schema.js';
import { slaOf, slaPolicies, teamClock, type SlaStatus } from '../incidents/sla.js';
import { isoOrNull } from '../core/iso-time.js';

/** A clock that runs out within this many minutes is "due soon". */
const DUE_SOON_MINUTES = 120;
const DAY = 24 * 3600_000;

const Count = Type.Integer({ minimum: 0 });
const When = Type.String({ format: 'date-time' });
const SlaAlertSchema = Type.Object({
  incidentId: Type.String(),
  title: Type.String(),
  priority: Type.String(),
  measure: StringEnum(['acknowledge', 'triage', 'resolve'] as const),
  state: StringEnum(['overdue', 'due-soon'] as const),
  dueAt: When,
});
type SlaAlert = Static<typeof SlaAlertSchema>;

export const DashboardSchema = Type.Object({
  generatedAt: When,
  open: Type.Object({
    total: Count,
    byPriority: Type.Array(Type.Object({ priority: Type.String(), count: Count })),
    byClass: Type.Array(Type.Object({ rsitClass: Type.String(), count: Count })),
  }),
  sla: Type.Object({ overdue: Count, dueSoon: Count, alerts: Type.Array(SlaAlertSchema) }),
  triage: Type.Object({ waiting: Count, oldestReceivedAt: Type.Union([When, Type.Null()]) }),
  myTasks: Type.Array(
    Type.Object({
      id: Type.String(),
      incidentId: Type.String(),
      title: Type.String(),
      dueAt: Type.Union([When, Type.Null()]),
      overdue: Type.Boolean(),
    }),
  ),
  feeds: Type.Array(Type.Object({ day: Type.String(), events: Count, runs: Count })),
  notifications: Type.Object({
    built: Count,
    sent: Count,
    withheld: Count,
    bounced: Count,
    useful: Count,
    notUseful: Count,
    falsePositive: Count,
  }),
  activity: Type.Array(
    Type.Object({ at: When, incidentId: Type.String(), title: Type.String(), kind: Type.String(), summary: Type.String() }),
  ),
});
export type Dashboard = Static<typeof DashboardSchema>;

const count = (v: unknown) => Number(v ?? 0);

/** The clock of an open incident that has run out, or will within DUE_SOON_MINUTES. */
function alertOf(sla: SlaStatus, now: Date): { measure: SlaAlert['measure']; state: SlaAlert['state']; dueAt: string } | undefined {
  for (const measure of ['acknowledge', 'triage', 'resolve'] as const) {
    const t = sla[measure];
    if (t.state === 'overdue') return { measure, state: 'overdue', dueAt: t.dueAt };
    if (t.state === 'running' && new Date(t.dueAt).getTime() - now.getTime() <= DUE_SOON_MINUTES * 60_000)
      return { measure, state: 'due-soon', dueAt: t.dueAt };
  }
  return undefined;
}

export async function dashboard(db: Kysely<Schema>, userId: string, now = new Date()): Promise<Dashboard> {
  const since = new Date(now.getTime() - 7 * DAY);
  const openIncidents = db.selectFrom('incidents').where('merged_into_id', 'is', null).where('phase', 'not in', ['closed', 'rejected']);
  const [open, clock, policies, triage, myTasks, feeds, notifications, feedback, activity] = await Promise.all([
    openIncidents.select(['id', 'title', 'priority', 'rsit_class', 'opened_at', 'acknowledged_at', 'triaged_at', 'resolved_at']).execute(),
    teamClock(db),
    slaPolicies(db),
    db
      .selectFrom('reports')
      .select([
        sql<string>`count(*)`.as('waiting'),
        sql<Date | null>`min(least(received_at, coalesce(reported_at, received_at)))`.as('oldest'),
      ])
      .where('status', '=', 'new')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('tasks')
      .select(['id', 'incident_id', 'title', 'due_at'])
      .where('owner_id', '=', userId)
      .where('status', '=', 'open')
      .orderBy(sql`due_at nulls last`)
      .limit(20)
      .execute(),
    db
      .selectFrom('feed_runs')
      .select([
        sql<string>`to_char(started_at at time zone 'UTC', 'YYYY-MM-DD')`.as('day'),
        sql<string>`sum(events)`.as('events'),
        sql<string>`count(*)`.as('runs'),
      ])
      .where('started_at', '>=', since)
      .groupBy(sql`1`)
      .orderBy(sql`1`)
      .execute(),
    db
      .selectFrom('notifications')
      .select(['status', sql<string>`count(*)`.as('n')])
      .where('created_at', '>=', since)
      .groupBy('status')
      .execute(),
    db
      .selectFrom('notification_feedback')
      .select(['verdict', sql<string>`count(*)`.as('n')])
      .where('created_at', '>=', since)
      .groupBy('verdict')
      .execute(),
    db
      .selectFrom('timeline_events as t')
      .innerJoin('incidents as i', 'i.id', 't.incident_id')
      .select(['t.occurred_at', 't.incident_id', 'i.title', 't.kind', 't.summary'])
      .orderBy('t.occurred_at', 'desc')
      .limit(10)
      .execute(),
  ]);

  const alerts = open
    .map((i) => ({ i, alert: alertOf(slaOf(clock, policies, i, now), now) }))
    .filter((x): x is { i: (typeof open)[number]; alert: NonNullable<ReturnType<typeof alertOf>> } => x.alert !== undefined)
    .map(({ i, alert }) => ({ incidentId: i.id, title: i.title, priority: i.priority, ...alert }))
    .sort((a, b) => (a.state === b.state ? a.dueAt.localeCompare(b.dueAt) : a.state === 'overdue' ? -1 : 1));
  const tally = <K extends string>(rows: Array<Record<K, string | null>>, key: K) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r[key] ?? 'unclassified', (counts.get(r[key] ?? 'unclassified') ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
  };
  const status = (s: string) => count(notifications.find((n) => n.status === s)?.n);
  const verdict = (v: string) => count(feedback.find((f) => f.verdict === v)?.n);
  return {
    generatedAt: now.toISOString(),
    open: {
      total: open.length,
      byPriority: tally(open, 'priority')
        .map(([priority, n]) => ({ priority, count: n }))
        .sort(
          (a, b) =>
            PRIORITIES.indexOf(b.priority as (typeof PRIORITIES)[number]) - PRIORITIES.indexOf(a.priority as (typeof PRIORITIES)[number]),
        ),
      byClass: tally(open, 'rsit_class').map(([rsitClass, n]) => ({ rsitClass, count: n })),
    },
    sla: {
      overdue: alerts.filter((a) => a.state === 'overdue').length,
      dueSoon: alerts.filter((a) => a.state === 'due-soon').length,
      alerts: alerts.slice(0, 10),
    },
    triage: { waiting: count(triage.waiting), oldestReceivedAt: isoOrNull(triage.oldest) },
    myTasks: myTasks.map((t) => ({
      id: t.id,
      incidentId: t.incident_id,
      title: t.title,
      dueAt: isoOrNull(t.due_at),
      overdue: t.due_at !== null && new Date(t.due_at) < now,
    })),
    feeds: feeds.map((f) => ({ day: f.day, events: count(f.events), runs: count(f.runs) })),
    notifications: {
      built: notifications.reduce((sum, n) => sum + count(n.n), 0),
      sent: status('sent'),
      withheld: status('withheld'),
      bounced: status('bounced'),
      useful: verdict('useful'),
      notUseful: verdict('not-useful'),
      falsePositive: verdict('false-positive'),
    },
    activity: activity.map((a) => ({
      at: isoOrNull(a.occurred_at)!,
      incidentId: a.incident_id,
      title: a.title,
      kind: a.kind,
      summary: a.summary,
    })),
  };
}
