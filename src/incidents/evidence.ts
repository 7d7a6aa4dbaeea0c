/**
 * Evidence with a chain of custody (RFC 3227 §4.1): what was collected, its SHA-256, by whom,
 * when and where; then every hand-over, access and storage as an entry that can only be added
 * (a trigger refuses changes). The log exports as CSV for a court or an insurer.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { csvDocument } from '../core/csv.js';
import { ValidationError, notFound } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import { putBlob, sha256Hex } from '../db/blobs.js';
import type { Schema } from '../db/schema.js';

export const CUSTODY_ACTIONS = ['collected', 'transferred', 'accessed', 'analysed', 'stored', 'returned', 'destroyed'] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

export interface EvidenceInput {
  item: string;
  description?: string;
  /** The hash of an item kept elsewhere (a disk image in the evidence safe)… */
  sha256?: string;
  /** …or the file itself, stored here by its hash. */
  content?: Buffer;
  collectedBy: string;
  collectedAt: Date;
  location: string;
  tlp?: TlpLabel;
}

export async function addEvidence(db: Kysely<Schema>, actor: string, incidentId: string, input: EvidenceInput): Promise<string> {
  if (!input.content && !input.sha256)
    throw new ValidationError([{ field: 'sha256', reason: 'give the SHA-256 of the item, or the file itself' }]);
  const hash = input.content ? sha256Hex(input.content) : input.sha256!.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new ValidationError([{ field: 'sha256', reason: 'a SHA-256 is 64 hexadecimal digits' }]);
  if (input.sha256 && input.content && input.sha256.toLowerCase() !== hash)
    throw new ValidationError([{ field: 'sha256', reason: `the file's SHA-256 is ${hash}, not the one given` }]);
  return db.transaction().execute(async (trx) => {
    const incident = await trx.selectFrom('incidents').select('tlp').where('id', '=', incidentId).executeTakeFirst();
    if (!incident) throw notFound(`incident #${incidentId}`);
    const blob = input.content ? await putBlob(trx, input.content) : null;
    const row = await trx
      .insertInto('evidence')
      .values({
        incident_id: incidentId,
        item: input.item,
        description: input.description ?? '',
        sha256: hash,
        blob_sha256: blob,
        collected_by: input.collectedBy,
        collected_at: input.collectedAt,
        location: input.location,
        tlp: input.tlp ?? incident.tlp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('custody_entries')
      .values({
        evidence_id: row.id,
        at: input.collectedAt,
        action: 'collected',
        to_person: input.collectedBy,
        location: input.location,
        note: input.description ?? '',
        recorded_by: actor,
      })
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'evidence.create',
      objectType: 'evidence',
      objectId: row.id,
      after: { incidentId, item: input.item, sha256: hash, collectedBy: input.collectedBy, location: input.location },
    });
    return row.id;
  });
}

export interface CustodyInput {
  at: Date;
  action: CustodyAction;
  fromPerson?: string;
  toPerson?: string;
  location?: string;
  note?: string;
}

export async function addCustodyEntry(db: Kysely<Schema>, actor: string, evidenceId: string, input: CustodyInput): Promise<string> {
  if (input.action === 'transferred' && (!input.fromPerson || !input.toPerson)) {
    throw new ValidationError([{ field: 'toPerson', reason: 'a transfer names who handed over and who received' }]);
  }
  return db.transaction().execute(async (trx) => {
    const evidence = await trx.selectFrom('evidence').select('id').where('id', '=', evidenceId).executeTakeFirst();
    if (!evidence) throw notFound('evidence');
    const last = await trx
      .selectFrom('custody_entries')
      .select(['at', 'action'])
      .where('evidence_id', '=', evidenceId)
      .orderBy('at', 'desc')
      .executeTakeFirst();
    if (last?.action === 'destroyed')
      throw new ValidationError([{ field: 'action', reason: 'the item was destroyed; its custody has ended' }]);
    const row = await trx
      .insertInto('custody_entries')
      .values({
        evidence_id: evidenceId,
        at: input.at,
        action: input.action,
        from_person: input.fromPerson ?? '',
        to_person: input.toPerson ?? '',
        location: input.location ?? '',
        note: input.note ?? '',
        recorded_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'custody.record', objectType: 'evidence', objectId: evidenceId, after: input });
    return row.id;
  });
}

export async function custodyLog(db: Kysely<Schema>, evidenceId: string) {
  return db.selectFrom('custody_entries').selectAll().where('evidence_id', '=', evidenceId).orderBy('at').orderBy('recorded_at').execute();
}

export async function custodyCsv(db: Kysely<Schema>, evidenceId: string): Promise<string> {
  const evidence = await db.selectFrom('evidence').selectAll().where('id', '=', evidenceId).executeTakeFirst();
  if (!evidence) throw notFound('evidence');
  const rows = await custodyLog(db, evidenceId);
  const header = ['evidence_item', 'sha256', 'at', 'action', 'from', 'to', 'location', 'note', 'recorded_by', 'recorded_at'];
  return csvDocument(
    header,
    rows.map((r) => [
      evidence.item,
      evidence.sha256,
      new Date(r.at).toISOString(),
      r.action,
      r.from_person,
      r.to_person,
      r.location,
      r.note,
      r.recorded_by,
      new Date(r.recorded_at).toISOString(),
    ]),
  );
}
