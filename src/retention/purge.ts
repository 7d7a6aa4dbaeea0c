/**
 * The purge: whatever the retention policy says is due is removed or pseudonymised, a batch per
 * transaction so a large first run makes steady progress and a crash loses nothing done. A dry
 * run counts the same rows and changes nothing. Each run leaves one audit entry per kind.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { Schema } from '../db/schema.js';
import { pseudonymiseIncidentContent } from './incident-content.js';
import { cutoffOf, RETENTION_EFFECTS, RETENTION_KINDS, type RetentionKind, type RetentionPolicy } from './policy.js';
import { pseudonymsFor, type Pseudonyms } from './pseudonyms.js';

const BATCH = 500;
export const REMOVED = '[removed by the retention policy]';

export interface KindOutcome {
  kind: RetentionKind;
  /** What becomes of it (RETENTION_EFFECTS). */
  effect: string;
  /** Null: the policy keeps this kind. */
  cutoff: string | null;
  due: number;
  done: number;
  /** Records past the cutoff that cannot be purged, and why. */
  kept: { count: number; reason: string } | null;
}

export interface PurgeOutcome {
  dryRun: boolean;
  at: string;
  kinds: KindOutcome[];
}

export interface PurgeOptions {
  now?: Date;
  dryRun?: boolean;
  actor: string;
  onProgress?: (kind: RetentionKind, done: number, due: number) => void;
}

interface Kind {
  due(db: Kysely<Schema>, cutoff: Date): Promise<number>;
  /** Purges up to BATCH due records; returns how many. */
  batch(trx: Transaction<Schema>, cutoff: Date, names: Pseudonyms): Promise<number>;
  kept?(db: Kysely<Schema>, cutoff: Date): Promise<KindOutcome['kept']>;
}

const count = (rows: { n: string | number | bigint }[]): number => Number(rows[0]?.n ?? 0);

type Db = Kysely<Schema> | Transaction<Schema>;

/** What each kind finds due: the one query its count and its batches share. */
const dueReports = (db: Db, cutoff: Date) =>
  db.selectFrom('reports').where('pseudonymised_at', 'is', null).where('status', '<>', 'new').where('received_at', '<', cutoff);
const dueEvents = (db: Db, cutoff: Date) => db.selectFrom('events').where('created_at', '<', cutoff);
const dueNotifications = (db: Db, cutoff: Date) =>
  db.selectFrom('notifications').where('pseudonymised_at', 'is', null).where('created_at', '<', cutoff);
const dueAuditDetail = (db: Db, cutoff: Date) =>
  db.selectFrom('audit_log').where('detail_sha256', 'is not', null).where('purged_at', 'is', null).where('at', '<', cutoff);
const dueIncidents = (db: Db, cutoff: Date) =>
  db.selectFrom('incidents').where('pseudonymised_at', 'is', null).where('phase', '=', 'closed').where('closed_at', '<', cutoff);

/** Deletes the blobs that nothing refers to any more, among those just let go. */
async function releaseBlobs(trx: Transaction<Schema>, shas: readonly (string | null)[]): Promise<void> {
  const candidates = [...new Set(shas.filter((s): s is string => Boolean(s)))];
  if (candidates.length === 0) return;
  await trx
    .deleteFrom('blobs')
    .where('sha256', 'in', candidates)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('messages')
            .select(sql.lit(1).as('one'))
            .whereRef('messages.raw_sha256', '=', 'blobs.sha256')
            .unionAll(
              selectFrom('attachments')
                .select(sql.lit(1).as('one'))
                .whereRef('attachments.sha256', '=', 'blobs.sha256')
                .where('stored', '=', true),
            )
            .unionAll(selectFrom('evidence').select(sql.lit(1).as('one')).whereRef('evidence.blob_sha256', '=', 'blobs.sha256')),
        ),
      ),
    )
    .execute();
}

/** Attachment contents of these messages (or older than the cutoff) are let go; their name, type, size and hash stay. */
async function dropAttachments(trx: Transaction<Schema>, where: { messageIds: string[] } | { before: Date }): Promise<number> {
  if ('messageIds' in where && where.messageIds.length === 0) return 0;
  const stored = trx.selectFrom('attachments').select(['id', 'sha256']).where('stored', '=', true);
  const query =
    'messageIds' in where
      ? stored.where('message_id', 'in', where.messageIds)
      : stored.where('created_at', '<', where.before).orderBy('created_at').limit(BATCH);
  const rows = await query.execute();
  if (rows.length === 0) return 0;
  await trx
    .updateTable('attachments')
    .set({ stored: false, note: `${REMOVED} on ${new Date().toISOString().slice(0, 10)}` })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  await releaseBlobs(
    trx,
    rows.map((r) => r.sha256),
  );
  return rows.length;
}

/** Every address on these messages but the team's becomes a pseudonym; bodies, raw mail and attachments go. */
async function pseudonymiseMessages(trx: Transaction<Schema>, ids: string[], names: Pseudonyms): Promise<void> {
  if (ids.length === 0) return;
  const rows = await trx
    .selectFrom('messages')
    .select(['id', 'from_address', 'to_addresses', 'cc_addresses', 'raw_sha256'])
    .where('id', 'in', ids)
    .where('pseudonymised_at', 'is', null)
    .execute();
  const swap = (address: string) => (address && !names.keeps(address) ? names.of(address) : address);
  for (const row of rows)
    await trx
      .updateTable('messages')
      .set({
        from_address: swap(row.from_address),
        to_addresses: row.to_addresses.map(swap),
        cc_addresses: row.cc_addresses.map(swap),
        body_text: REMOVED,
        body_html: null,
        raw_sha256: null,
        pseudonymised_at: new Date(),
      })
      .where('id', '=', row.id)
      .execute();
  await dropAttachments(trx, { messageIds: rows.map((r) => r.id) });
  await releaseBlobs(
    trx,
    rows.map((r) => r.raw_sha256),
  );
}

async function pseudonymiseReports(trx: Transaction<Schema>, ids: string[], names: Pseudonyms): Promise<void> {
  if (ids.length === 0) return;
  const rows = await trx.selectFrom('reports').select(['id', 'reporter_email']).where('id', 'in', ids).execute();
  for (const row of rows)
    await trx
      .updateTable('reports')
      .set({
        reporter_name: '',
        reporter_email: row.reporter_email ? names.of(row.reporter_email) : null,
        body: REMOVED,
        pseudonymised_at: new Date(),
      })
      .where('id', '=', row.id)
      .execute();
  const messages = await trx.selectFrom('messages').select('id').where('report_id', 'in', ids).execute();
  await pseudonymiseMessages(
    trx,
    messages.map((m) => m.id),
    names,
  );
}

const KINDS: Record<RetentionKind, Kind> = {
  rawMail: {
    async due(db, cutoff) {
      const messages = await db
        .selectFrom('messages')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('raw_sha256', 'is not', null)
        .where('created_at', '<', cutoff)
        .execute();
      const attachments = await db
        .selectFrom('attachments')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('stored', '=', true)
        .where('created_at', '<', cutoff)
        .execute();
      return count(messages) + count(attachments);
    },
    async batch(trx, cutoff) {
      const rows = await trx
        .selectFrom('messages')
        .select(['id', 'raw_sha256'])
        .where('raw_sha256', 'is not', null)
        .where('created_at', '<', cutoff)
        // Mail still waiting in the outbox needs its bytes to be sent.
        .where((eb) => eb.or([eb('delivery_status', 'is', null), eb('delivery_status', 'not in', ['queued', 'sending'])]))
        .orderBy('created_at')
        .limit(BATCH)
        .execute();
      if (rows.length > 0) {
        await trx
          .updateTable('messages')
          .set({ raw_sha256: null, body_html: null })
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
        await releaseBlobs(
          trx,
          rows.map((r) => r.raw_sha256),
        );
      }
      return rows.length + (await dropAttachments(trx, { before: cutoff }));
    },
  },
  reports: {
    async due(db, cutoff) {
      return count(
        await dueReports(db, cutoff)
          .select((eb) => eb.fn.countAll().as('n'))
          .execute(),
      );
    },
    async batch(trx, cutoff, names) {
      const rows = await dueReports(trx, cutoff).select('id').orderBy('received_at').limit(BATCH).execute();
      await pseudonymiseReports(
        trx,
        rows.map((r) => r.id),
        names,
      );
      return rows.length;
    },
    async kept(db, cutoff) {
      const waiting = count(
        await db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '=', 'new')
          .where('received_at', '<', cutoff)
          .execute(),
      );
      return waiting > 0 ? { count: waiting, reason: 'still waiting in triage: decide on them first' } : null;
    },
  },
  feedEvents: {
    async due(db, cutoff) {
      return count(
        await dueEvents(db, cutoff)
          .select((eb) => eb.fn.countAll().as('n'))
          .execute(),
      );
    },
    async batch(trx, cutoff) {
      // What "seen elsewhere" knows of them goes with the events: a value whose last run is due.
      await sql`delete from feed_event_values where (value, feed_id) in
        (select value, feed_id from feed_event_values where stored_at < ${cutoff} limit ${BATCH * 4})`.execute(trx);
      const rows = await dueEvents(trx, cutoff)
        .select('id')
        .limit(BATCH * 4)
        .execute();
      if (rows.length > 0)
        await trx
          .deleteFrom('events')
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
      return rows.length;
    },
  },
  notifications: {
    async due(db, cutoff) {
      return count(
        await dueNotifications(db, cutoff)
          .select((eb) => eb.fn.countAll().as('n'))
          .execute(),
      );
    },
    async batch(trx, cutoff, names) {
      const rows = await dueNotifications(trx, cutoff)
        .select(['id', 'recipients', 'message_ids'])
        .orderBy('created_at')
        .limit(BATCH)
        .execute();
      for (const row of rows)
        await trx
          .updateTable('notifications')
          .set({ recipients: row.recipients.map((r) => names.of(r)), pseudonymised_at: new Date() })
          .where('id', '=', row.id)
          .execute();
      if (rows.length > 0)
        await trx
          .updateTable('notification_feedback')
          .set({ comment: '' })
          .where(
            'notification_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
      await pseudonymiseMessages(
        trx,
        rows.flatMap((r) => r.message_ids),
        names,
      );
      return rows.length;
    },
  },
  auditDetail: {
    async due(db, cutoff) {
      return count(
        await dueAuditDetail(db, cutoff)
          .select((eb) => eb.fn.countAll().as('n'))
          .execute(),
      );
    },
    async batch(trx, cutoff) {
      const rows = await dueAuditDetail(trx, cutoff)
        .select('seq')
        .orderBy('at')
        .limit(BATCH * 2)
        .execute();
      if (rows.length > 0)
        await trx
          .updateTable('audit_log')
          .set({ before: null, after: null, purged_at: new Date() })
          .where(
            'seq',
            'in',
            rows.map((r) => r.seq),
          )
          .execute();
      return rows.length;
    },
    async kept(db, cutoff) {
      const old = count(
        await db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('detail_sha256', 'is', null)
          .where('at', '<', cutoff)
          .execute(),
      );
      return old > 0 ? { count: old, reason: 'written before the detail could be purged: their hash covers the detail itself' } : null;
    },
  },
  closedIncidents: {
    async due(db, cutoff) {
      return count(
        await dueIncidents(db, cutoff)
          .select((eb) => eb.fn.countAll().as('n'))
          .execute(),
      );
    },
    async batch(trx, cutoff, names) {
      const rows = await dueIncidents(trx, cutoff).select('id').orderBy('closed_at').limit(50).execute();
      for (const { id } of rows) {
        const participants = await trx.selectFrom('incident_participants').select(['id', 'email']).where('incident_id', '=', id).execute();
        for (const p of participants) {
          const pseudonym = p.email ? names.of(p.email) : null;
          await trx
            .updateTable('incident_participants')
            .set({ email: pseudonym, name: pseudonym?.split('@')[0] ?? 'pseudonymised' })
            .where('id', '=', p.id)
            .execute();
        }
        const reports = await trx
          .selectFrom('reports')
          .select('id')
          .where('incident_id', '=', id)
          .where('pseudonymised_at', 'is', null)
          .execute();
        await pseudonymiseReports(
          trx,
          reports.map((r) => r.id),
          names,
        );
        const messages = await trx.selectFrom('messages').select('id').where('incident_id', '=', id).execute();
        await pseudonymiseMessages(
          trx,
          messages.map((m) => m.id),
          names,
        );
        await releaseBlobs(trx, await pseudonymiseIncidentContent(trx, id, names));
        await trx.updateTable('incidents').set({ pseudonymised_at: new Date() }).where('id', '=', id).execute();
      }
      return rows.length;
    },
  },
};

/** Runs the policy (or, with dryRun, only counts what it would do). */
export async function purge(db: Kysely<Schema>, policy: RetentionPolicy, options: PurgeOptions): Promise<PurgeOutcome> {
  const now = options.now ?? new Date();
  const names = await pseudonymsFor(db);
  const kinds: KindOutcome[] = [];
  for (const kind of RETENTION_KINDS) {
    const cutoff = cutoffOf(policy, kind, now);
    const handler = KINDS[kind];
    const outcome: KindOutcome = {
      kind,
      effect: RETENTION_EFFECTS[kind],
      cutoff: cutoff?.toISOString() ?? null,
      due: 0,
      done: 0,
      kept: null,
    };
    kinds.push(outcome);
    if (!cutoff) continue;
    outcome.due = await handler.due(db, cutoff);
    outcome.kept = (await handler.kept?.(db, cutoff)) ?? null;
    if (options.dryRun || outcome.due === 0) continue;
    for (;;) {
      const done = await db.transaction().execute((trx) => handler.batch(trx, cutoff, names));
      if (done === 0) break;
      outcome.done += done;
      options.onProgress?.(kind, outcome.done, outcome.due);
    }
    await db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: options.actor,
        action: 'retention.purge',
        objectType: 'retention',
        objectId: kind,
        after: { cutoff: outcome.cutoff, done: outcome.done },
      }),
    );
  }
  return { dryRun: Boolean(options.dryRun), at: now.toISOString(), kinds };
}
