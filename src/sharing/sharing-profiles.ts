/**
 * A sharing profile per peer team of the directory: the highest TLP label it may receive and the
 * kinds of item it is sent. The egress gate reads the label (a peer is the community, cleared up to
 * it); exports read the kinds. Every change is audited with what it was before.
 */
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { appendAudit } from '../audit/audit-log.js';
import { VaktError, notFound } from '../core/errors.js';
import { TLP_LABELS, type TlpLabel } from '../core/tlp.js';
import { StringEnum, strict } from '../core/validate.js';
import type { Schema } from '../db/schema.js';
import { SHARED_KINDS } from './shared-items.js';

export const SharingProfileInput = Type.Object(
  {
    maxTlp: StringEnum(TLP_LABELS),
    itemKinds: Type.Array(StringEnum(SHARED_KINDS), { uniqueItems: true, maxItems: SHARED_KINDS.length }),
  },
  strict,
);
export type SharingProfileInput = Static<typeof SharingProfileInput>;

export interface SharingProfile extends SharingProfileInput {
  peerTeamId: string;
  version: number;
  updatedBy: string;
  updatedAt: string;
}

export async function getSharingProfile(db: Kysely<Schema>, peerTeamId: string): Promise<SharingProfile | null> {
  const row = await db.selectFrom('sharing_profiles').selectAll().where('peer_team_id', '=', peerTeamId).executeTakeFirst();
  if (!row) return null;
  return {
    peerTeamId: row.peer_team_id,
    maxTlp: row.max_tlp as TlpLabel,
    itemKinds: row.item_kinds as SharingProfileInput['itemKinds'],
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Sets the profile; EXPECTED is the version the editor started from (0: there was none), when given. */
export async function saveSharingProfile(
  db: Kysely<Schema>,
  actor: string,
  peerTeamId: string,
  input: SharingProfileInput,
  expected: number | undefined,
): Promise<SharingProfile> {
  return db.transaction().execute(async (trx) => {
    const team = await trx.selectFrom('peer_teams').select('id').where('id', '=', peerTeamId).forUpdate().executeTakeFirst();
    if (!team) throw notFound('peer team');
    const before = await getSharingProfile(trx, peerTeamId);
    if (expected !== undefined && (before?.version ?? 0) !== expected)
      throw new VaktError('conflict', 'the sharing profile changed since you read it; look at it again');
    const values = { max_tlp: input.maxTlp, item_kinds: input.itemKinds, updated_by: actor, updated_at: new Date() };
    await trx
      .insertInto('sharing_profiles')
      .values({ peer_team_id: peerTeamId, ...values })
      .onConflict((oc) => oc.column('peer_team_id').doUpdateSet((eb) => ({ ...values, version: eb('sharing_profiles.version', '+', 1) })))
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'sharing-profile.save',
      objectType: 'peer-team',
      objectId: peerTeamId,
      before: before ? { maxTlp: before.maxTlp, itemKinds: before.itemKinds } : null,
      after: input,
    });
    return (await getSharingProfile(trx, peerTeamId))!;
  });
}
