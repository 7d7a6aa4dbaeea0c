/**
 * What constituents say of a notification (useful / not useful / false positive, and a comment),
 * through the unguessable link in it, and the figures per feed and per organisation: the
 * feedback loop the co-operation report asks of early-warning systems.
 */
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { notFound, ValidationError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';

export const VERDICTS = ['useful', 'not-useful', 'false-positive'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface FeedbackTarget {
  notificationId: string;
  organisation: string;
  feed: string;
  periodStart: string;
  events: number;
  given: number;
}

export async function feedbackTarget(db: Kysely<Schema>, token: string): Promise<FeedbackTarget> {
  const row = await db
    .selectFrom('notifications as n')
    .innerJoin('organisations as o', 'o.id', 'n.organisation_id')
    .innerJoin('feeds as f', 'f.id', 'n.feed_id')
    .select(['n.id', 'o.name as organisation', 'f.name as feed', 'n.period_start', 'n.event_count'])
    .where('n.feedback_token', '=', token)
    .executeTakeFirst();
  if (!row) throw notFound('this feedback link');
  const given = await db.selectFrom('notification_feedback').select(sql<string>`count(*)`.as('n')).where('notification_id', '=', row.id).executeTakeFirstOrThrow();
  return { notificationId: row.id, organisation: row.organisation, feed: row.feed, periodStart: new Date(row.period_start).toISOString(), events: row.event_count, given: Number(given.n) };
}

/** At most this many answers per notification: a link passed around cannot flood the figures. */
const MAX_ANSWERS = 20;

export async function giveFeedback(db: Kysely<Schema>, token: string, verdict: string, comment: string): Promise<FeedbackTarget> {
  if (!(VERDICTS as readonly string[]).includes(verdict)) throw new ValidationError([{ field: 'verdict', reason: `one of ${VERDICTS.join(', ')}` }]);
  if (comment.length > 4000) throw new ValidationError([{ field: 'comment', reason: 'at most 4000 characters' }]);
  const target = await feedbackTarget(db, token);
  if (target.given >= MAX_ANSWERS) throw new ValidationError([{ field: 'verdict', reason: 'this notification has received all the answers it takes' }]);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('notification_feedback').values({ notification_id: target.notificationId, verdict, comment: comment.trim() }).execute();
    await appendAudit(trx, { actor: 'public:feedback', action: 'notification.feedback', objectType: 'notification', objectId: target.notificationId, after: { verdict } });
  });
  return { ...target, given: target.given + 1 };
}

export interface FeedbackFigures {
  key: string;
  name: string;
  notifications: number;
  events: number;
  useful: number;
  notUseful: number;
  falsePositive: number;
  comments: number;
}

/** Notifications and answers grouped by feed or by organisation. */
export async function feedbackFigures(db: Kysely<Schema>, by: 'feed' | 'organisation'): Promise<FeedbackFigures[]> {
  const join = by === 'feed' ? sql`join feeds g on g.id = n.feed_id` : sql`join organisations g on g.id = n.organisation_id`;
  const result = await sql<{ key: string; name: string; notifications: string; events: string; useful: string; not_useful: string; false_positive: string; comments: string }>`
    select g.id as key, g.name, count(distinct n.id) as notifications,
      (select coalesce(sum(n2.event_count), 0) from notifications n2 where ${sql.raw(by === 'feed' ? 'n2.feed_id' : 'n2.organisation_id')} = g.id) as events,
      count(fb.id) filter (where fb.verdict = 'useful') as useful,
      count(fb.id) filter (where fb.verdict = 'not-useful') as not_useful,
      count(fb.id) filter (where fb.verdict = 'false-positive') as false_positive,
      count(fb.id) filter (where fb.comment <> '') as comments
    from notifications n ${join} left join notification_feedback fb on fb.notification_id = n.id
    group by g.id, g.name order by g.name`.execute(db);
  return result.rows.map((r) => ({ key: r.key, name: r.name, notifications: Number(r.notifications), events: Number(r.events), useful: Number(r.useful), notUseful: Number(r.not_useful), falsePositive: Number(r.false_positive), comments: Number(r.comments) }));
}

export interface NotificationRow {
  id: string;
  organisation: string;
  organisationId: string;
  feed: string;
  periodStart: string;
  periodEnd: string;
  events: number;
  tlp: string;
  status: string;
  reason: string | null;
  recipients: string[];
  /** Per mail: queued, sending, sent, failed, suppressed, bounced. */
  delivery: Array<{ to: string; status: string; error: string | null; encrypted: boolean }>;
  feedback: Array<{ verdict: string; comment: string; at: string }>;
  createdAt: string;
}

export async function listNotifications(db: Kysely<Schema>, filter: { status?: string; organisationId?: string; limit?: number } = {}): Promise<NotificationRow[]> {
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('organisations as o', 'o.id', 'n.organisation_id')
    .innerJoin('feeds as f', 'f.id', 'n.feed_id')
    .select(['n.id', 'o.name as organisation', 'n.organisation_id', 'f.name as feed', 'n.period_start', 'n.period_end', 'n.event_count', 'n.tlp', 'n.status', 'n.reason', 'n.recipients', 'n.message_ids', 'n.created_at'])
    .$if(filter.organisationId !== undefined, (q) => q.where('n.organisation_id', '=', filter.organisationId!))
    .orderBy('n.created_at', 'desc')
    .limit(filter.limit ?? 200)
    .execute();
  const messageIds = rows.flatMap((r) => r.message_ids);
  const messages = messageIds.length === 0 ? [] : await db.selectFrom('messages').select(['id', 'to_addresses', 'delivery_status', 'delivery_error', 'pgp_encryption']).where('id', 'in', messageIds).execute();
  const ids = rows.map((r) => r.id);
  const feedback = ids.length === 0 ? [] : await db.selectFrom('notification_feedback').selectAll().where('notification_id', 'in', ids).orderBy('created_at').execute();
  const out = rows.map((r) => ({
    id: r.id,
    organisation: r.organisation,
    organisationId: r.organisation_id,
    feed: r.feed,
    periodStart: new Date(r.period_start).toISOString(),
    periodEnd: new Date(r.period_end).toISOString(),
    events: r.event_count,
    tlp: r.tlp,
    status: r.status,
    reason: r.reason,
    recipients: r.recipients,
    delivery: r.message_ids.map((id) => messages.find((m) => m.id === id)).filter((m) => m !== undefined).map((m) => ({ to: m.to_addresses.join(', '), status: m.delivery_status ?? 'unknown', error: m.delivery_error, encrypted: m.pgp_encryption === 'encrypted' })),
    feedback: feedback.filter((f) => f.notification_id === r.id).map((f) => ({ verdict: f.verdict, comment: f.comment, at: new Date(f.created_at).toISOString() })),
    createdAt: new Date(r.created_at).toISOString(),
  }));
  // A notification's state for the queue view: withheld, or the worst of its mails.
  const state = (n: NotificationRow) => (n.status === 'withheld' ? 'withheld' : n.delivery.some((d) => d.status === 'bounced') ? 'bounced' : n.delivery.some((d) => d.status === 'failed') ? 'failed' : n.delivery.every((d) => d.status === 'sent') ? 'sent' : 'queued');
  return filter.status ? out.filter((n) => state(n) === filter.status) : out;
}
