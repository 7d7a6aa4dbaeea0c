/**
 * Feed definitions: where a feed comes from, in which format, on which schedule, at which TLP,
 * how often its events are notified and how long a repeated event counts as a duplicate.
 */
import cronParser from 'cron-parser';
import { sql, type Kysely, type Selectable } from 'kysely';
import { afterKeyCursor, keyPage } from '../core/cursor.js';
import { Type, type Static } from 'typebox';
import { appendAudit } from '../audit/audit-log.js';
import { notFound, ValidationError, VaktError, type FieldIssue } from '../core/errors.js';
import { checkRsit } from '../core/taxonomies.js';
import { TLP_LABELS, type TlpLabel } from '../core/tlp.js';
import { DbCount, StringEnum, validate } from '../core/validate.js';
import type { FeedsTable, Schema } from '../db/schema.js';
import { MappingSchema, validateMapping, type Mapping } from './mapping.js';
import { shadowserverReport } from './shadowserver.js';

export const NOTIFY_PERIODS = ['immediately', 'hourly', 'daily', 'never'] as const;
export type NotifyPeriod = (typeof NOTIFY_PERIODS)[number];

const SourceSchema = Type.Union([
  Type.Object({ kind: Type.Literal('upload') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('file'), path: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('url'), url: Type.String({ pattern: '^https?://', maxLength: 2000 }) }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('imap'),
      /** The intake mailbox (by name) whose server and account are used. */
      mailbox: Type.String({ minLength: 1, maxLength: 200 }),
      folder: Type.String({ minLength: 1, maxLength: 200 }),
      /** Only attachments whose file name matches (a regular expression, case-insensitive). */
      attachmentPattern: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  ),
  /** Machine abuse reports (ARF, X-ARF) that mail intake receives from these senders, aggregated instead of triaged one by one. */
  Type.Object(
    {
      kind: Type.Literal('intake'),
      /** Addresses ("fbl@provider.example") or whole domains ("@provider.example"). */
      senders: Type.Array(Type.String({ pattern: '^[^\\s@]*@[^\\s@]+\\.[^\\s@]+$', maxLength: 254 }), { minItems: 1, maxItems: 50 }),
    },
    { additionalProperties: false },
  ),
]);
export type FeedSource = Static<typeof SourceSchema>;

export const FeedSchema = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    /** shadowserver (report recognised per file), shadowserver:<report>, csv or json (with a mapping), or arf (machine abuse reports from mail intake). */
    format: Type.String({ pattern: '^(shadowserver(:[a-z0-9_]+)?|csv|json|arf)$' }),
    source: SourceSchema,
    /** "manual" or a cron expression (UTC), e.g. "15 * * * *". */
    schedule: Type.Optional(Type.String({ maxLength: 100 })),
    tlp: StringEnum(TLP_LABELS),
    mapping: Type.Optional(MappingSchema),
    /** The RSIT class and type of every event of the feed, whatever its format or mapping says. */
    rsit: Type.Optional(
      Type.Object({ class: Type.String({ maxLength: 60 }), type: Type.String({ maxLength: 60 }) }, { additionalProperties: false }),
    ),
    notify: Type.Optional(StringEnum(NOTIFY_PERIODS)),
    dedupHours: Type.Optional(Type.Integer({ minimum: 1, maximum: 720 })),
    enabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type FeedInput = Static<typeof FeedSchema>;

/** A feed as stored: every field filled in, with its id (null for one defined only in the configuration) and version. */
export const StoredFeedSchema = Type.Object({
  ...FeedSchema.properties,
  id: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  schedule: Type.String(),
  notify: StringEnum(NOTIFY_PERIODS),
  dedupHours: Type.Integer(),
  enabled: Type.Boolean(),
  version: Type.Integer(),
});

/** One run of a feed as the feed page follows it: its counts, bad rows and error, and the cursor after it. */
export const FeedRunSchema = Type.Object(
  {
    id: Type.String(),
    feed_id: Type.Union([Type.String(), Type.Null()]),
    feed_name: Type.String(),
    format: Type.String(),
    source: Type.String(),
    status: Type.String(),
    started_at: Type.String(),
    finished_at: Type.Union([Type.String(), Type.Null()]),
    heartbeat_at: Type.String(),
    bytes: DbCount,
    rows_read: DbCount,
    events: DbCount,
    duplicates: DbCount,
    unowned: DbCount,
    malformed: DbCount,
    skipped: DbCount,
    warnings: Type.Array(Type.String()),
    bad_rows: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() }, { additionalProperties: true })),
    error: Type.Union([Type.String(), Type.Null()]),
    cursor: Type.String({ description: 'where the next page starts after this run (before=)' }),
  },
  { additionalProperties: true },
);

export interface Feed {
  id: string | null;
  name: string;
  description: string;
  format: string;
  source: FeedSource;
  schedule: string;
  tlp: TlpLabel;
  mapping?: Mapping;
  rsit?: { class: string; type: string };
  notify: NotifyPeriod;
  dedupHours: number;
  enabled: boolean;
  version: number;
}

export function checkSchedule(schedule: string): string | undefined {
  if (schedule === 'manual') return undefined;
  try {
    cronParser.parseExpression(schedule, { tz: 'UTC' });
    return undefined;
  } catch (error) {
    return `"${schedule.slice(0, 60)}" is neither "manual" nor a cron expression: ${(error as Error).message}`;
  }
}

export function validateFeed(value: unknown): FeedInput {
  const input = validate(FeedSchema, value);
  const issues: FieldIssue[] = [];
  const scheduleProblem = checkSchedule(input.schedule ?? 'manual');
  if (scheduleProblem) issues.push({ field: 'schedule', reason: scheduleProblem });
  if ((input.format === 'csv' || input.format === 'json') && !input.mapping)
    issues.push({ field: 'mapping', reason: `a ${input.format} feed needs a mapping` });
  const report = input.format.startsWith('shadowserver:') ? input.format.slice('shadowserver:'.length) : undefined;
  if (report && !shadowserverReport(report)) issues.push({ field: 'format', reason: `unknown Shadowserver report "${report}"` });
  if (input.mapping) {
    try {
      validateMapping(input.mapping);
    } catch (error) {
      if (error instanceof ValidationError) issues.push(...error.issues.map((i) => ({ field: `mapping.${i.field}`, reason: i.reason })));
      else throw error;
    }
  }
  if (input.rsit)
    issues.push(
      ...checkRsit(input.rsit.class, input.rsit.type).map((i) => ({
        field: `rsit.${i.field === 'rsitClass' ? 'class' : 'type'}`,
        reason: i.reason,
      })),
    );
  if ((input.format === 'arf') !== (input.source.kind === 'intake'))
    issues.push({
      field: 'source',
      reason: 'machine abuse reports (format arf) come only from mail intake (source kind intake), and intake feeds only them',
    });
  if (input.source.kind === 'imap' && input.source.attachmentPattern) {
    try {
      new RegExp(input.source.attachmentPattern, 'i');
    } catch {
      issues.push({ field: 'source.attachmentPattern', reason: 'not a regular expression' });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return input;
}

type FeedRow = Selectable<FeedsTable>;

function selectFeeds(db: Kysely<Schema>) {
  return db.selectFrom('feeds').selectAll().orderBy('name');
}

function toFeed(row: FeedRow): Feed {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    format: row.format,
    source: row.source as FeedSource,
    schedule: row.schedule,
    tlp: row.tlp as TlpLabel,
    ...(row.mapping ? { mapping: row.mapping as Mapping } : {}),
    ...(row.rsit_class && row.rsit_type ? { rsit: { class: row.rsit_class, type: row.rsit_type } } : {}),
    notify: row.notify as NotifyPeriod,
    dedupHours: row.dedup_hours,
    enabled: row.enabled,
    version: row.version,
  };
}

function columns(input: FeedInput) {
  return {
    name: input.name,
    description: input.description ?? '',
    format: input.format,
    source: JSON.stringify(input.source),
    schedule: input.schedule ?? 'manual',
    tlp: input.tlp,
    mapping: input.mapping ? JSON.stringify(input.mapping) : null,
    rsit_class: input.rsit?.class ?? null,
    rsit_type: input.rsit?.type ?? null,
    notify: input.notify ?? 'daily',
    dedup_hours: input.dedupHours ?? 24,
    enabled: input.enabled ?? true,
  };
}

export async function listFeeds(db: Kysely<Schema>): Promise<Feed[]> {
  return (await selectFeeds(db).execute()).map(toFeed);
}

/** The feed definitions in name order, a page at a time (the API's list; the scheduler reads them all). */
export async function pageFeeds(
  db: Kysely<Schema>,
  after: string | undefined,
  limit: number,
): Promise<{ feeds: Feed[]; next: string | null }> {
  let query = selectFeeds(db)
    .select(sql<string>`name`.as('sort_key'))
    .orderBy('id')
    .limit(limit + 1);
  if (after) query = query.where(afterKeyCursor(after, sql<string>`name`, 'id', false));
  const { page, next } = keyPage(await query.execute(), limit, (row) => row.id);
  return { feeds: page.map(toFeed), next };
}

export async function getFeed(db: Kysely<Schema>, nameOrId: string): Promise<Feed> {
  const isId = /^[0-9a-f-]{36}$/i.test(nameOrId);
  const row = await selectFeeds(db)
    .where(isId ? 'id' : 'name', '=', nameOrId)
    .executeTakeFirst();
  if (!row) throw notFound(`feed ${nameOrId}`);
  return toFeed(row);
}

/** Creates the feed, or replaces the one with the same name (configuration as code: re-apply a file). */
export async function saveFeed(db: Kysely<Schema>, actor: string, value: unknown, expectedVersion?: number): Promise<Feed> {
  const input = validateFeed(value);
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('feeds').select(['id', 'version']).where('name', '=', input.name).executeTakeFirst();
    if (existing && expectedVersion !== undefined && existing.version !== expectedVersion) {
      throw new VaktError('conflict', `feed ${input.name} is at version ${existing.version}, not ${expectedVersion}`);
    }
    if (existing) {
      await trx
        .updateTable('feeds')
        .set({ ...columns(input), version: sql`version + 1`, updated_at: new Date() })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx.insertInto('feeds').values(columns(input)).execute();
    }
    await appendAudit(trx, {
      actor,
      action: existing ? 'feed.update' : 'feed.create',
      objectType: 'feed',
      objectId: input.name,
      after: input,
    });
  });
  return getFeed(db, input.name);
}

export async function deleteFeed(db: Kysely<Schema>, actor: string, name: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('feeds').select('id').where('name', '=', name).executeTakeFirst();
    if (!row) throw notFound(`feed ${name}`);
    const notified = await trx.selectFrom('notifications').select('id').where('feed_id', '=', row.id).executeTakeFirst();
    if (notified) throw new VaktError('conflict', `feed ${name} has sent notifications; disable it instead (enabled: false)`);
    // Its runs and events stay, no longer tied to it (events have no foreign keys: see migration 0005).
    await trx.updateTable('events').set({ feed_id: null }).where('feed_id', '=', row.id).execute();
    await trx.deleteFrom('feeds').where('id', '=', row.id).execute();
    await appendAudit(trx, { actor, action: 'feed.delete', objectType: 'feed', objectId: name });
  });
}

/** Whether a cron schedule has come due since the feed's last run. */
export function isDue(schedule: string, lastRun: Date | null, now: Date): boolean {
  if (schedule === 'manual') return false;
  const previous = cronParser.parseExpression(schedule, { tz: 'UTC', currentDate: now }).prev().toDate();
  return !lastRun || lastRun < previous;
}
