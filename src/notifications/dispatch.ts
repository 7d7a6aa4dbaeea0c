/**
 * Early-warning notifications: the events of one feed for one organisation over one period
 * (immediately, hourly or daily, per feed) become one notification, mailed to each of the
 * organisation's contacts in the contact's language with the events as a CSV attachment,
 * PGP-signed and encrypted when the contact has a key, TLP-marked, with a feedback link.
 *
 * The notification row, the events it claims and its mails in the outbox commit in one
 * transaction, and (organisation, feed, period) is unique: a crash or a second worker never sends
 * a period twice. The TLP core decides whether the organisation may receive the events at all; a
 * notification it refuses, or one for an organisation without contacts, is recorded as withheld.
 * A dry run takes the same path and rolls it back, so the preview is exactly what would be sent.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { csvDocument } from '../core/csv.js';
import { formatTlp, mostRestrictive, type TlpLabel } from '../core/tlp.js';
import { decide, resolveRecipient } from '../sharing/egress.js';
import type { Schema } from '../db/schema.js';
import { transactionOrDryRun } from '../db/transaction.js';
import type { Language } from '../constituency/schema.js';
import type { IntakeSettings } from '../intake/ingest.js';
import { queueMail } from '../mail/outbox.js';
import { getProfile } from '../profile/service.js';
import { rawAsJson } from '../feeds/csv-line.js';
import { closeInterruptedRuns } from '../feeds/pipeline.js';
import { notificationBody, notificationSubject, type NotificationText } from './templates.js';
import { notifiableContacts } from '../constituency/organisations.js';

/** At most this many events go into one attachment; the text says when there were more. */
export const MAX_ATTACHED_EVENTS = 10_000;
const ACTOR = 'system:notifications';

export interface DispatchOptions {
  settings: Pick<IntakeSettings, 'sender' | 'teamName' | 'shortName' | 'linkBase'>;
  now?: Date;
  dryRun?: boolean;
  /** Only this feed (by name). */
  feed?: string;
}

export interface NotificationPreview {
  id: string;
  organisationId: string;
  organisation: string;
  feed: string;
  periodStart: string;
  periodEnd: string;
  events: number;
  tlp: TlpLabel;
  status: 'queued' | 'withheld';
  reason?: string;
  mails: Array<{ to: string; language: Language; subject: string; body: string; encrypted: boolean; status: string }>;
  attachmentRows: number;
}

interface Group {
  organisation_id: string;
  feed_id: string;
  notify: string;
  bucket: Date | null;
  bucket_end: Date | null;
  first_finished: Date;
  last_finished: Date;
}

/**
 * What ended runs stored and no notification has taken, by organisation, feed and period (of the
 * runs' ends); only periods that have ended. A day is the team's day, in the profile's time zone
 * (23 or 25 hours when the clocks change); an hour is an hour of UTC, since a local hour repeats
 * when the clocks go back and two periods would share a start.
 */
async function dueGroups(db: Kysely<Schema> | Transaction<Schema>, now: Date, timeZone: string, feed?: string): Promise<Group[]> {
  const local = sql`ro.finished_at at time zone ${timeZone}`;
  const result = await sql<Group>`
    select ro.organisation_id, ro.feed_id, f.notify,
      case f.notify when 'hourly' then date_trunc('hour', ro.finished_at at time zone 'UTC') at time zone 'UTC'
                    when 'daily' then date_trunc('day', ${local}) at time zone ${timeZone} end as bucket,
      case f.notify when 'hourly' then (date_trunc('hour', ro.finished_at at time zone 'UTC') + interval '1 hour') at time zone 'UTC'
                    when 'daily' then (date_trunc('day', ${local}) + interval '1 day') at time zone ${timeZone} end as bucket_end,
      min(ro.finished_at) as first_finished, max(ro.finished_at) as last_finished
    from run_organisations ro join feeds f on f.id = ro.feed_id
    where ro.notification_id is null and f.notify <> 'never' and f.enabled
      ${feed ? sql`and f.name = ${feed}` : sql``}
    group by 1, 2, 3, 4, 5 order by 4 nulls first, 1, 2`.execute(db);
  return result.rows.filter((g) => g.notify === 'immediately' || new Date(g.bucket_end!).getTime() <= now.getTime());
}

function period(g: Group, now: Date): { start: Date; end: Date } {
  if (g.notify === 'immediately') return { start: new Date(g.first_finished), end: now };
  return { start: new Date(g.bucket!), end: new Date(g.bucket_end!) };
}

const CSV_HEADER = ['time', 'source_ip', 'source_port', 'asn', 'geo', 'protocol', 'rsit_class', 'rsit_type', 'identifier', 'details'];

async function notifyGroup(
  trx: Transaction<Schema>,
  g: Group,
  now: Date,
  options: DispatchOptions,
  publicUrl: string,
): Promise<NotificationPreview | undefined> {
  const { start, end } = period(g, now);
  const org = await trx
    .selectFrom('organisations')
    .select(['id', 'name', 'tlp_clearance'])
    .where('id', '=', g.organisation_id)
    .executeTakeFirstOrThrow();
  const feed = await trx
    .selectFrom('feeds')
    .select(['id', 'name', 'description', 'tlp'])
    .where('id', '=', g.feed_id)
    .executeTakeFirstOrThrow();
  const inPeriod =
    g.notify === 'immediately'
      ? sql<boolean>`finished_at <= ${new Date(g.last_finished)}`
      : sql<boolean>`finished_at >= ${start} and finished_at < ${end}`;
  // Locked: a second worker waits, then finds them taken.
  const runs = await trx
    .selectFrom('run_organisations')
    .select(['run_id', 'events'])
    .where(sql<boolean>`notification_id is null and organisation_id = ${org.id} and feed_id = ${feed.id} and ${inPeriod}`)
    .forUpdate()
    .execute();
  if (runs.length === 0) return undefined;
  const runIds = runs.map((r) => r.run_id);
  const total = runs.reduce((sum, r) => sum + r.events, 0);
  const taken = sql<boolean>`e.organisation_id = ${org.id} and e.run_id = any(${runIds}::uuid[])`;
  const labels = await trx.selectFrom('events as e').select('tlp').distinct().where(taken).execute();
  const tlp = labels.reduce<TlpLabel>((a, r) => mostRestrictive(a, r.tlp as TlpLabel), feed.tlp as TlpLabel);
  const contacts = await notifiableContacts(trx, org.id);
  const decision = decide(
    { kind: 'notification', id: 'new', tlp },
    await resolveRecipient(trx, { kind: 'organisation', organisationId: org.id }),
  );
  const reason = !decision.allowed
    ? decision.reason
    : contacts.length === 0
      ? `${org.name} has no contact that takes notifications`
      : undefined;
  const token = randomBytes(24).toString('base64url');
  const row = await trx
    .insertInto('notifications')
    .values({
      organisation_id: org.id,
      feed_id: feed.id,
      period_start: start,
      period_end: end,
      event_count: total,
      tlp,
      recipients: reason ? [] : contacts.map((c) => c.email),
      status: reason ? 'withheld' : 'queued',
      reason: reason ?? null,
      feedback_token: token,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('run_organisations')
    .set({ notification_id: row.id })
    .where('organisation_id', '=', org.id)
    .where('run_id', 'in', runIds)
    .execute();
  const preview: NotificationPreview = {
    id: row.id,
    organisationId: org.id,
    organisation: org.name,
    feed: feed.name,
    periodStart: start.toISOString(),
    periodEnd: end.toISOString(),
    events: total,
    tlp,
    status: reason ? 'withheld' : 'queued',
    ...(reason ? { reason } : {}),
    mails: [],
    attachmentRows: 0,
  };
  if (!reason) {
    const events = await trx
      .selectFrom('events as e')
      .innerJoin('feed_runs as r', 'r.id', 'e.run_id')
      .select([
        'e.time',
        'e.source_ip',
        'e.source_port',
        'e.asn',
        'e.geo',
        'e.protocol',
        'e.rsit_class',
        'e.rsit_type',
        'e.identifier',
        'e.raw',
        'r.columns',
      ])
      .where(taken)
      .orderBy('e.time')
      .limit(MAX_ATTACHED_EVENTS)
      .execute();
    const counts = await trx
      .selectFrom('events as e')
      .select(['identifier', sql<string>`count(*)`.as('n')])
      .where(taken)
      .groupBy('identifier')
      .orderBy(sql`count(*)`, 'desc')
      .execute();
    const csv = csvDocument(
      CSV_HEADER,
      events.map((e) => [
        new Date(e.time).toISOString(),
        e.source_ip,
        e.source_port,
        e.asn,
        e.geo,
        e.protocol,
        e.rsit_class,
        e.rsit_type,
        e.identifier,
        rawAsJson(e.raw, e.columns),
      ]),
    );
    preview.attachmentRows = events.length;
    const text: NotificationText = {
      teamName: options.settings.teamName,
      shortName: options.settings.shortName,
      organisation: org.name,
      feed: feed.name,
      feedDescription: feed.description,
      periodStart: start,
      periodEnd: end,
      total,
      attached: events.length,
      byIdentifier: counts.map((c) => [c.identifier, Number(c.n)]),
      tlp: formatTlp(tlp),
      feedbackUrl: `${publicUrl}/feedback/${token}`,
    };
    const messageIds: string[] = [];
    for (const contact of contacts) {
      const language = contact.language as Language;
      const subject = notificationSubject(text, language);
      const body = notificationBody(text, language);
      const filename = `${feed.name}-${start.toISOString().slice(0, 10)}.csv`;
      const queued = await queueMail(trx, options.settings.sender, {
        to: [contact.email],
        subject,
        text: body,
        tlp,
        requireEncryption: false,
        automatic: true,
        attachments: [{ filename, contentType: 'text/csv; charset=utf-8', content: Buffer.from(csv) }],
        actor: ACTOR,
        egress: {
          channel: 'mail:notification',
          items: [{ kind: 'notification', id: row.id, tlp }],
          recipients: [{ kind: 'address', email: contact.email, organisationId: org.id }],
        },
      });
      const message = await trx.selectFrom('messages').select('pgp_encryption').where('id', '=', queued.id).executeTakeFirstOrThrow();
      messageIds.push(queued.id);
      preview.mails.push({
        to: contact.email,
        language,
        subject,
        body,
        encrypted: message.pgp_encryption === 'encrypted',
        status: queued.status,
      });
    }
    await trx.updateTable('notifications').set({ message_ids: messageIds }).where('id', '=', row.id).execute();
  }
  await appendAudit(trx, {
    actor: ACTOR,
    action: reason ? 'notification.withhold' : 'notification.queue',
    objectType: 'notification',
    objectId: row.id,
    after: {
      organisation: org.name,
      feed: feed.name,
      events: total,
      tlp,
      recipients: preview.mails.map((m) => m.to),
      reason: reason ?? null,
    },
  });
  return preview;
}

/** Builds (or, in a dry run, previews) every notification that is due. */
export async function dispatchNotifications(db: Kysely<Schema>, options: DispatchOptions): Promise<NotificationPreview[]> {
  const now = options.now ?? new Date();
  const profile = (await getProfile(db))?.profile;
  const publicUrl = options.settings.linkBase;
  const previews: NotificationPreview[] = [];
  if (!options.dryRun) await closeInterruptedRuns(db);
  for (const group of await dueGroups(db, now, profile?.timeZone ?? 'UTC', options.feed)) {
    try {
      // Another worker may have taken the group since it was listed: the unique key refuses it.
      const preview = await transactionOrDryRun(db, Boolean(options.dryRun), (trx) => notifyGroup(trx, group, now, options, publicUrl));
      if (preview) previews.push(preview);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') continue;
      throw error;
    }
  }
  return previews;
}
