/**
 * The append-only, hash-chained audit log. Each entry carries the hash of the one before it, so
 * altering or removing a row breaks the chain where it happened; the database refuses UPDATE,
 * DELETE and TRUNCATE on the table (see the foundation migration). An entry's hash covers the
 * digest of its before/after detail, so the retention policy can purge the detail (the one UPDATE
 * the database allows) and the chain still verifies; entries written before that (no digest) hash
 * the detail itself and keep it.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditRow, Schema } from '../db/schema.js';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);
/** Serialises appends across processes sharing one PostgreSQL server. */
const AUDIT_LOCK = 0x5641_4b54; // "VAKT"

export interface AuditEntry {
  /** "user:<id>", "cli:<os user>", "system:<component>". */
  actor: string;
  /** A verb phrase in dotted form: "user.create", "profile.update", "token.revoke". */
  action: string;
  objectType: string;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
}

const SECRET_KEYS = /password|secret|token_hash|tokenHash|csrf/i;

/** Secrets never enter the log, whatever a caller hands in. */
function scrub(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrub);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, SECRET_KEYS.test(key) ? '[redacted]' : scrub(v)]));
  }
  return value;
}

interface HashInput {
  seq: string;
  at: Date;
  actor: string;
  action: string;
  object_type: string;
  object_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  detail_sha256?: string | null;
}

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What an entry's hash covers of its before/after. */
export function detailDigest(before: unknown, after: unknown): string {
  return sha256Hex(canonicalJson({ before, after }));
}

export function entryHash(row: HashInput): string {
  const { seq, at, actor, action, object_type, object_id, before, after, prev_hash, detail_sha256 } = row;
  const common = { seq: String(seq), at: at.toISOString(), actor, action, object_type, object_id, prev_hash };
  return sha256Hex(canonicalJson(detail_sha256 ? { ...common, detail_sha256 } : { ...common, before, after }));
}

/** Appends one entry. Call it inside the transaction that makes the change it records. */
export async function appendAudit(trx: Transaction<Schema>, entry: AuditEntry, now = new Date()): Promise<void> {
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(trx);
  const last = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const at = new Date(Math.floor(now.getTime()));
  const row: HashInput = {
    seq: String(last ? Number(last.seq) + 1 : 1),
    at,
    actor: entry.actor,
    action: entry.action,
    object_type: entry.objectType,
    object_id: entry.objectId ?? null,
    before: entry.before === undefined ? null : JSON.parse(canonicalJson(scrub(entry.before))),
    after: entry.after === undefined ? null : JSON.parse(canonicalJson(scrub(entry.after))),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  row.detail_sha256 = detailDigest(row.before, row.after);
  await trx
    .insertInto('audit_log')
    .values({
      ...row,
      before: row.before === null ? null : JSON.stringify(row.before),
      after: row.after === null ? null : JSON.stringify(row.after),
      hash: entryHash(row),
    })
    .execute();
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The hash of the newest entry: keep it elsewhere to detect removal of the newest rows. */
  head: string;
  firstBad?: { seq: string; problem: string };
}

const PAGE = 1000;

/** Walks the whole chain in order and names the first entry that does not fit. */
export async function verifyAudit(db: Kysely<Schema>): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const rows: AuditRow[] = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', String(expectedSeq))
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const seq = String(row.seq);
      const problem =
        Number(row.seq) !== expectedSeq
          ? `entry ${expectedSeq} is missing (next present is ${seq})`
          : row.prev_hash !== prevHash
            ? `prev_hash does not match the hash of entry ${expectedSeq - 1}`
            : entryHash({ ...row, seq }) !== row.hash
              ? 'contents do not match its hash (altered)'
              : row.detail_sha256 && !row.purged_at && detailDigest(row.before, row.after) !== row.detail_sha256
                ? 'before/after do not match their digest (altered)'
                : undefined;
      if (problem)
        return {
          ok: false,
          checked,
          head: prevHash,
          firstBad: { seq: Number(row.seq) !== expectedSeq ? String(expectedSeq) : seq, problem },
        };
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < PAGE) return { ok: true, checked, head: prevHash };
  }
}

export interface AuditQuery {
  limit?: number;
  beforeSeq?: string;
  objectType?: string;
  objectId?: string;
  /** Who did it, as recorded: `user:<id>`, `cli:<login>`, `system:<job>`. */
  actor?: string;
  /** An action (`incident.update`) or a family of them (`incident`). */
  action?: string;
}

export async function listAudit(db: Kysely<Schema>, query: AuditQuery = {}): Promise<AuditRow[]> {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(Math.min(query.limit ?? 100, 1000));
  if (query.beforeSeq) q = q.where('seq', '<', query.beforeSeq);
  if (query.objectType) q = q.where('object_type', '=', query.objectType);
  if (query.objectId) q = q.where('object_id', '=', query.objectId);
  if (query.actor) q = q.where('actor', '=', query.actor);
  const action = query.action;
  if (action) q = q.where((w) => w.or([w('action', '=', action), w('action', 'like', `${action.replace(/[\\%_]/g, '\\$&')}.%`)]));
  return q.execute();
}
