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
import { openIncidents } from '../incidents/open-steps.js';
import { isoOrNull } from '../core/iso-time.js';

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

export async function dashboard(db: Kysely<Schema>, userId: string, now = new Date()): Promise<Dashboard> {
  const since = new Date(now.getTime() - 7 * DAY);
  const [open, triage, myTasks, feeds, notifications, feedback, activity] = await Promise.all([
    openIncidents(db, now),
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

  const tally = (key: 'priority' | 'rsitClass') => {
    const counts = new Map<string, number>();
    for (const g of open.byGroup) counts.set(g[key], (counts.get(g[key]) ?? 0) + g.count);
    return [...counts].sort((a, b) => b[1] - a[1]);
  };
  const status = (s: string) => count(notifications.find((n) => n.status === s)?.n);
  const verdict = (v: string) => count(feedback.find((f) => f.verdict === v)?.n);
  return {
    generatedAt: now.toISOString(),
    open: {
      total: open.byGroup.reduce((sum, g) => sum + g.count, 0),
      byPriority: tally('priority')
        .map(([priority, n]) => ({ priority, count: n }))
        .sort(
          (a, b) =>
            PRIORITIES.indexOf(b.priority as (typeof PRIORITIES)[number]) - PRIORITIES.indexOf(a.priority as (typeof PRIORITIES)[number]),
        ),
      byClass: tally('rsitClass').map(([rsitClass, n]) => ({ rsitClass, count: n })),
    },
    sla: { overdue: open.overdue, dueSoon: open.dueSoon, alerts: open.alerts },
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
