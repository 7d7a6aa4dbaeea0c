/**
 * A sharing profile per peer team of the directory: the highest TLP label it may receive, the
 * kinds of item it is sent, how values are pseudonymised first, the channels it is sent them by
 * (a TAXII collection, the MISP feed, STIX by encrypted mail) and the account organisation whose
 * users read for it. The egress gate reads the label (a peer is the community, cleared up to it);
 * exports read the rest. Every change is audited with what it was before.
 */
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { randomBytes } from 'node:crypto';
import { appendAudit } from '../audit/audit-log.js';
import { createApiToken } from '../auth/api-tokens.js';
import { createUser } from '../auth/users.js';
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
    /** Left out: as it was; for a new profile, the protective rules (constituents replaced, reporters pseudonymised, own addresses truncated, text scrubbed). */
    pseudonymisation: Type.Optional(Pseudonymisation),
    channels: Type.Optional(Type.Array(StringEnum(SHARING_CHANNELS), { uniqueItems: true, maxItems: SHARING_CHANNELS.length })),
    /** The TAXII collection the peer reads (channel taxii); one is made for the peer when none is named. */
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
    // What the request leaves out stays as it was (a new profile pseudonymises protectively).
    const merged = {
      pseudonymisation: input.pseudonymisation ?? before?.pseudonymisation ?? PROTECTIVE,
      channels: input.channels ?? before?.channels ?? [],
      taxiiCollectionId: input.taxiiCollectionId !== undefined ? input.taxiiCollectionId : (before?.taxiiCollectionId ?? null),
      mailTo: input.mailTo !== undefined ? input.mailTo : (before?.mailTo ?? null),
      readerOrganisationId: input.readerOrganisationId !== undefined ? input.readerOrganisationId : (before?.readerOrganisationId ?? null),
    };
    await checkReferences(trx, merged);
    if (merged.channels.includes('taxii') && !merged.taxiiCollectionId)
      merged.taxiiCollectionId = await collectionFor(trx, actor, peerTeamId);
    const values = {
      max_tlp: input.maxTlp,
      item_kinds: input.itemKinds,
      pseudonymisation: JSON.stringify(merged.pseudonymisation),
      channels: merged.channels,
      taxii_collection_id: merged.taxiiCollectionId,
      mail_to: merged.mailTo,
      reader_organisation_id: merged.readerOrganisationId,
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

/** The peer's own collection, made for it when its profile takes the taxii channel without naming one. */
async function collectionFor(db: Kysely<Schema>, actor: string, peerTeamId: string): Promise<string> {
  const team = await db.selectFrom('peer_teams').select('name').where('id', '=', peerTeamId).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('taxii_collections')
    .values({ title: `Shared with ${team.name}`, description: `What the team shares with ${team.name}`, created_by: actor })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Mail needs its address; a collection or reader organisation named must exist, the reader be a peer. */
async function checkReferences(
  db: Kysely<Schema>,
  input: Pick<SharingProfile, 'channels' | 'taxiiCollectionId' | 'mailTo' | 'readerOrganisationId'>,
): Promise<void> {
  const issues: Array<{ field: string; reason: string }> = [];
  if (input.channels.includes('mail') && !input.mailTo) issues.push({ field: 'mailTo', reason: 'the mail channel needs an address' });
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

/**
 * An account that reads for the peer (its TAXII collection, its MISP feed) and its API token, shown
 * once: a member of the profile's reading organisation, made on first use, with a password nobody
 * knows — the token is how a TAXII client or a MISP instance logs in.
 */
export async function createReader(
  db: Kysely<Schema>,
  actor: string,
  peerTeamId: string,
  email: string,
): Promise<{ userId: string; organisationId: string; token: string }> {
  const profile = await getSharingProfile(db, peerTeamId);
  if (!profile) throw new VaktError('conflict', 'the peer team has no sharing profile; give it one before sharing');
  const team = await db.selectFrom('peer_teams').select('name').where('id', '=', peerTeamId).executeTakeFirstOrThrow();
  let organisationId = profile.readerOrganisationId;
  if (!organisationId)
    organisationId = await db.transaction().execute(async (trx) => {
      const org = await trx
        .insertInto('organisations')
        .values({ name: `${team.name} (readers)`, kind: 'peer', parent_id: null, tlp_clearance: profile.maxTlp })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.updateTable('sharing_profiles').set({ reader_organisation_id: org.id }).where('peer_team_id', '=', peerTeamId).execute();
      await appendAudit(trx, {
        actor,
        action: 'sharing-profile.reader-organisation',
        objectType: 'peer-team',
        objectId: peerTeamId,
        after: { organisationId: org.id },
      });
      return org.id;
    });
  const user = await createUser(db, actor, {
    email,
    name: `${team.name} reader`,
    role: 'constituent',
    password: randomBytes(24).toString('base64url'),
    organisationId,
  });
  const { token } = await createApiToken(db, user.id, { name: 'peer sharing (TAXII, MISP feed)', scopes: ['read'] });
  return { userId: user.id, organisationId, token };
}

/** The peer teams the team shares with, by name (a team shares with tens, not thousands). */
export async function listSharingProfiles(db: Kysely<Schema>) {
  const rows = await db
    .selectFrom('sharing_profiles as p')
    .innerJoin('peer_teams as t', 't.id', 'p.peer_team_id')
    .select(['p.peer_team_id', 't.name', 'p.max_tlp', 'p.channels', 'p.reader_organisation_id'])
    .orderBy('t.name')
    .limit(1000)
    .execute();
  return rows.map((r) => ({
    peerTeamId: r.peer_team_id,
    name: r.name,
    maxTlp: r.max_tlp as TlpLabel,
    channels: r.channels as SharingChannel[],
    hasReader: r.reader_organisation_id !== null,
  }));
}
