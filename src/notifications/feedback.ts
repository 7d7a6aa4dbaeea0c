/**
 * What constituents say of a notification (useful / not useful / false positive, and a comment),
 * through the unguessable link in it, and the figures per feed and per organisation: the
 * feedback loop the co-operation report asks of early-warning systems.
 */
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { beforeCursor, cursorTime } from '../core/cursor.js';
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
  const given = await db
    .selectFrom('notification_feedback')
    .select(sql<string>`count(*)`.as('n'))
    .where('notification_id', '=', row.id)
    .executeTakeFirstOrThrow();
  return {
    notificationId: row.id,
    organisation: row.organisation,
    feed: row.feed,
    periodStart: new Date(row.period_start).toISOString(),
    events: row.event_count,
    given: Number(given.n),
  };
}

/** At most this many answers per notification: a link passed around cannot flood the figures. */
const MAX_ANSWERS = 20;

export async function giveFeedback(db: Kysely<Schema>, token: string, verdict: string, comment: string): Promise<FeedbackTarget> {
  if (!(VERDICTS as readonly string[]).includes(verdict))
    throw new ValidationError([{ field: 'verdict', reason: `one of ${VERDICTS.join(', ')}` }]);
  if (comment.length > 4000) throw new ValidationError([{ field: 'comment', reason: 'at most 4000 characters' }]);
  const target = await feedbackTarget(db, token);
  if (target.given >= MAX_ANSWERS)
    throw new ValidationError([{ field: 'verdict', reason: 'this notification has received all the answers it takes' }]);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('notification_feedback')
      .values({ notification_id: target.notificationId, verdict, comment: comment.trim() })
      .execute();
    await appendAudit(trx, {
      actor: 'public:feedback',
      action: 'notification.feedback',
      objectType: 'notification',
      objectId: target.notificationId,
      after: { verdict },
    });
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
  const result = await sql<{
    key: string;
    name: string;
    notifications: string;
    events: string;
    useful: string;
    not_useful: string;
    false_positive: string;
    comments: string;
  }>`
    select g.id as key, g.name, count(distinct n.id) as notifications,
      (select coalesce(sum(n2.event_count), 0) from notifications n2 where ${sql.raw(by === 'feed' ? 'n2.feed_id' : 'n2.organisation_id')} = g.id) as events,
      count(fb.id) filter (where fb.verdict = 'useful') as useful,
      count(fb.id) filter (where fb.verdict = 'not-useful') as not_useful,
      count(fb.id) filter (where fb.verdict = 'false-positive') as false_positive,
      count(fb.id) filter (where fb.comment <> '') as comments
    from notifications n ${join} left join notification_feedback fb on fb.notification_id = n.id
    group by g.id, g.name order by g.name`.execute(db);
  return result.rows.map((r) => ({
    key: r.key,
    name: r.name,
    notifications: Number(r.notifications),
    events: Number(r.events),
    useful: Number(r.useful),
    notUseful: Number(r.not_useful),
    falsePositive: Number(r.false_positive),
    comments: Number(r.comments),
  }));
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
  /** withheld, or the worst of its mails: bounced, failed, queued, sent. */
  state: NotificationState;
  reason: string | null;
  recipients: string[];
  /** Per mail: queued, sending, sent, failed, suppressed, bounced. */
  delivery: Array<{ to: string; status: string; error: string | null; encrypted: boolean }>;
  feedback: Array<{ verdict: string; comment: string; at: string }>;
  createdAt: string;
}

export const NOTIFICATION_STATES = ['queued', 'sent', 'delayed', 'complained', 'failed', 'bounced', 'withheld'] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

/** A notification's state for the queue view: withheld, or the worst of its mails. */
const STATE = sql<NotificationState>`case
  when n.status = 'withheld' then 'withheld'
  when exists (select 1 from messages m where m.id = any(n.message_ids) and m.delivery_status = 'bounced') then 'bounced'
  when exists (select 1 from messages m where m.id = any(n.message_ids) and m.delivery_status = 'failed') then 'failed'
  when exists (select 1 from messages m where m.id = any(n.message_ids) and m.delivery_status = 'complained') then 'complained'
  when exists (select 1 from messages m where m.id = any(n.message_ids) and m.delivery_status = 'delayed') then 'delayed'
  when not exists (select 1 from messages m where m.id = any(n.message_ids) and m.delivery_status is distinct from 'sent') then 'sent'
  else 'queued' end`;

export interface NotificationPage {
  notifications: NotificationRow[];
  /** Give it as `before` for the next, older page; absent on the last one. */
  next?: string;
}

/**
 * Notifications, newest first, a page at a time. The state is worked out in the query, so a
 * filter by state pages through all of them, not the latest few. `before` is the cursor of the
 * page before: the last row's time and id.
 */
export async function listNotifications(
  db: Kysely<Schema>,
  filter: { status?: NotificationState; organisationId?: string; limit?: number; before?: string } = {},
): Promise<NotificationPage> {
  const limit = filter.limit ?? 100;
  const rows = await db
    .selectFrom('notifications as n')
    .innerJoin('organisations as o', 'o.id', 'n.organisation_id')
    .innerJoin('feeds as f', 'f.id', 'n.feed_id')
    .select([
      'n.id',
      'o.name as organisation',
      'n.organisation_id',
      'f.name as feed',
      'n.period_start',
      'n.period_end',
      'n.event_count',
      'n.tlp',
      'n.status',
      'n.reason',
      'n.recipients',
      'n.message_ids',
      'n.created_at',
      STATE.as('state'),
      cursorTime('n.created_at').as('cursor'),
    ])
    .$if(filter.organisationId !== undefined, (q) => q.where('n.organisation_id', '=', filter.organisationId!))
    .$if(filter.status !== undefined, (q) => q.where(sql<boolean>`${STATE} = ${filter.status}`))
    .$if(filter.before !== undefined, (q) => q.where(beforeCursor(filter.before!, 'n.created_at', 'n.id', 'uuid')))
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const messageIds = page.flatMap((r) => r.message_ids);
  const messages =
    messageIds.length === 0
      ? []
      : await db
          .selectFrom('messages')
          .select(['id', 'to_addresses', 'delivery_status', 'delivery_error', 'pgp_encryption'])
          .where('id', 'in', messageIds)
          .execute();
  const ids = page.map((r) => r.id);
  const feedback =
    ids.length === 0
      ? []
      : await db.selectFrom('notification_feedback').selectAll().where('notification_id', 'in', ids).orderBy('created_at').execute();
  const notifications = page.map((r) => ({
    id: r.id,
    organisation: r.organisation,
    organisationId: r.organisation_id,
    feed: r.feed,
    periodStart: new Date(r.period_start).toISOString(),
    periodEnd: new Date(r.period_end).toISOString(),
    events: r.event_count,
    tlp: r.tlp,
    status: r.status,
    state: r.state,
    reason: r.reason,
    recipients: r.recipients,
    delivery: r.message_ids
      .map((id) => messages.find((m) => m.id === id))
      .filter((m) => m !== undefined)
      .map((m) => ({
        to: m.to_addresses.join(', '),
        status: m.delivery_status ?? 'unknown',
        error: m.delivery_error,
        encrypted: m.pgp_encryption === 'encrypted',
      })),
    feedback: feedback
      .filter((f) => f.notification_id === r.id)
      .map((f) => ({ verdict: f.verdict, comment: f.comment, at: new Date(f.created_at).toISOString() })),
    createdAt: new Date(r.created_at).toISOString(),
  }));
  const last = page.at(-1);
  return { notifications, ...(rows.length > limit && last ? { next: `${last.cursor},${last.id}` } : {}) };
}
