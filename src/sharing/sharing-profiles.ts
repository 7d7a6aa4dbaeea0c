/**
 * A sharing profile per peer team of the directory: the highest TLP label it may receive, the
 * kinds of item it is sent, how values are pseudonymised first, the channels it is sent them by
 * (a TAXII collection, the MISP feed, STIX by encrypted mail) and the account organisation whose
 * users read for it. The egress gate reads the label (a peer is the community, cleared up to it);
 * exports read the rest. Every change is audited with what it was before.
 */
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError, VaktError, notFound } from '../core/errors.js';
import { TLP_LABELS, type TlpLabel } from '../core/tlp.js';
import { Nullable, StringEnum, strict } from '../core/validate.js';
import type { Schema } from '../db/schema.js';
import { SHARED_KINDS } from './shared-items.js';
import { PROTECTIVE, Pseudonymisation } from './pseudonymise.js';

export const SHARING_CHANNELS = ['taxii', 'misp-feed', 'mail'] as const;
export type SharingChannel = (typeof SHARING_CHANNELS)[number];

export const SharingProfileInput = Type.Object(
  {
    maxTlp: StringEnum(TLP_LABELS),
    itemKinds: Type.Array(StringEnum(SHARED_KINDS), { uniqueItems: true, maxItems: SHARED_KINDS.length }),
    /** Without it, the protective rules: constituents replaced, reporters pseudonymised, own addresses truncated, text scrubbed. */
    pseudonymisation: Type.Optional(Pseudonymisation),
    channels: Type.Optional(Type.Array(StringEnum(SHARING_CHANNELS), { uniqueItems: true, maxItems: SHARING_CHANNELS.length })),
    /** The TAXII collection the peer reads (channel taxii). */
    taxiiCollectionId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    /** Where STIX by mail goes (channel mail); the mail is encrypted to this address's key or not sent. */
    mailTo: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
    /** The account organisation (kind peer) whose users read the TAXII collection and the MISP feed for this peer. */
    readerOrganisationId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  },
  strict,
);
export type SharingProfileInput = Static<typeof SharingProfileInput>;

export interface SharingProfile {
  maxTlp: TlpLabel;
  itemKinds: SharingProfileInput['itemKinds'];
  pseudonymisation: Pseudonymisation;
  channels: SharingChannel[];
  taxiiCollectionId: string | null;
  mailTo: string | null;
  readerOrganisationId: string | null;
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
    pseudonymisation: row.pseudonymisation as Pseudonymisation,
    channels: row.channels as SharingChannel[],
    taxiiCollectionId: row.taxii_collection_id,
    mailTo: row.mail_to,
    readerOrganisationId: row.reader_organisation_id,
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
    await checkReferences(trx, input);
    const values = {
      max_tlp: input.maxTlp,
      item_kinds: input.itemKinds,
      pseudonymisation: JSON.stringify(input.pseudonymisation ?? PROTECTIVE),
      channels: input.channels ?? [],
      taxii_collection_id: input.taxiiCollectionId ?? null,
      mail_to: input.mailTo ?? null,
      reader_organisation_id: input.readerOrganisationId ?? null,
      updated_by: actor,
      updated_at: new Date(),
    };
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
      before: before ? settingsOf(before) : null,
      after: settingsOf((await getSharingProfile(trx, peerTeamId))!),
    });
    return (await getSharingProfile(trx, peerTeamId))!;
  });
}

const settingsOf = ({ peerTeamId: _p, version: _v, updatedBy: _b, updatedAt: _a, ...settings }: SharingProfile) => settings;

/** A channel needs its destination; the collection and the reader organisation must exist, the reader be a peer. */
async function checkReferences(db: Kysely<Schema>, input: SharingProfileInput): Promise<void> {
  const issues: Array<{ field: string; reason: string }> = [];
  const channels = input.channels ?? [];
  if (channels.includes('taxii') && !input.taxiiCollectionId)
    issues.push({ field: 'taxiiCollectionId', reason: 'the taxii channel needs a collection' });
  if (channels.includes('mail') && !input.mailTo) issues.push({ field: 'mailTo', reason: 'the mail channel needs an address' });
  if ((channels.includes('taxii') || channels.includes('misp-feed')) && !input.readerOrganisationId)
    issues.push({
      field: 'readerOrganisationId',
      reason: 'a peer reads the collection and the feed with accounts of an organisation; name it',
    });
  if (input.taxiiCollectionId) {
    const found = await db.selectFrom('taxii_collections').select('id').where('id', '=', input.taxiiCollectionId).executeTakeFirst();
    if (!found) issues.push({ field: 'taxiiCollectionId', reason: 'no such collection' });
  }
  if (input.readerOrganisationId) {
    const org = await db.selectFrom('organisations').select('kind').where('id', '=', input.readerOrganisationId).executeTakeFirst();
    if (org?.kind !== 'peer') issues.push({ field: 'readerOrganisationId', reason: 'no organisation of kind peer has this id' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}
