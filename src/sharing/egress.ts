/**
 * The egress gate: the one way content leaves the team. Every API read by someone outside the
 * team roles, every search hit shown to them, every export and every outgoing mail asks
 * `egress` with the items, their TLP labels, the recipient and the channel. The gate works out
 * who the recipient is from Vakt's own data (their account, the constituency, the incident's
 * participants), never from what a request claims, lets the TLP core decide, and records each
 * decision about someone outside the team in `egress_decisions`.
 */
import type { Kysely } from 'kysely';
import { ROLES, type Role } from '../auth/roles.js';
import { formatTlp, mayReceive, mostRestrictive, type Recipient, type RecipientRelation, type TlpLabel } from '../core/tlp.js';
import type { Schema, UserRow } from '../db/schema.js';
import { findUserByEmail } from '../auth/users.js';

/** Every way content leaves; the leak matrix (test/security/leak-matrix.test.ts) covers each. */
export const EGRESS_CHANNELS = [
  'api',
  'search',
  'export:debrief',
  'export:custody',
  'mail:incident',
  'mail:reply',
  'mail:acknowledgement',
  'mail:countermeasure-removal',
  'mail:notification',
  'mail:watch-digest',
  'mail:advisory',
  /** The CSAF provider's folders above TLP:WHITE (/.well-known/csaf/{green,amber,red}/…). */
  'csaf:provider',
  /** An incident as a STIX 2.1 bundle, for a peer team or the team's own use. */
  'export:stix',
  /** An incident as a MISP event, for a peer team or the team's own use. */
  'export:misp',
  /** The TAXII 2.1 server's collections, object by object, for whoever reads them. */
  'taxii',
  /** The MISP feed a peer team subscribes to (manifest.json, hashes.csv, an event per incident shared). */
  'misp-feed',
  /** An incident shared with a peer team as a STIX 2.1 bundle, attached to an encrypted mail. */
  'mail:stix',
] as const;
export type EgressChannel = (typeof EGRESS_CHANNELS)[number];

/** Roles that are part of the team: the holders of what the team knows, not recipients of it. */
export const TEAM_ROLES: ReadonlySet<Role> = new Set(ROLES.filter((r) => r !== 'constituent'));

export interface EgressItem {
  kind: string;
  id: string;
  tlp: TlpLabel;
  /** Addresses the item came from or was addressed to: TLP:RED's only audience (a reporter). */
  namedIndividuals?: readonly string[];
}

export type EgressRecipient =
  /** A logged-in user: the team, or a constituent of the organisation on their account. */
  | { kind: 'user'; userId: string }
  /** A participant of an incident: their role there, their organisation from account or constituency. */
  | { kind: 'participant'; participantId: string }
  /**
   * An e-mail address: a team account, a participant of `incidentId` (as that participant), or a
   * constituency contact (of `organisationId`, when named); else nobody in particular.
   */
  | { kind: 'address'; email: string; organisationId?: string; incidentId?: string }
  /** A constituency organisation as a whole (a notification before its contacts are chosen). */
  | { kind: 'organisation'; organisationId: string }
  /** A peer team of the directory, as its sharing profile clears it; without one, the public. */
  | { kind: 'peer-team'; peerTeamId: string }
  /** The team itself, for its own use: an export made at the server's console (`vakt share export`). */
  | { kind: 'team' };

export interface ResolvedRecipient {
  /** For the record: "user:…", "participant:…", "address:…". */
  label: string;
  /** Inside the team: everything may be shown, nothing is recorded. */
  team: boolean;
  tlp: Recipient;
}

export interface EgressDecision {
  /** The recipient as recorded: "participant:…", "address:…". */
  recipient: string;
  allowed: boolean;
  relation: RecipientRelation | 'team';
  reason: string;
}

export interface EgressRequest {
  channel: EgressChannel;
  recipient: EgressRecipient;
  items: readonly EgressItem[];
  /** Who caused it: a user, or "system:…" for Vakt's own mail. */
  actor: string;
}

// The team owns everything it holds; the id only has to differ from every recipient organisation.
const TEAM_OWNER = 'team';
const RECORD_BATCH = 5000;
const INSIDE: Recipient = { relation: 'same-organisation', organisationId: TEAM_OWNER };

/**
 * An organisation as a recipient, at its clearance: the constituency are the team's clients, peer
 * teams its community. Any other organisation is nobody in particular, and being "the team" takes
 * a team account: an address or account that names the team's own organisation gets nothing from it.
 */
async function organisationRecipient(db: Kysely<Schema>, organisationId: string | null): Promise<Recipient | undefined> {
  if (!organisationId) return undefined;
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'kind', 'tlp_clearance'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  const relation = org?.kind === 'constituent' ? 'client' : org?.kind === 'peer' ? 'community-peer' : undefined;
  return org && relation ? { relation, organisationId: org.id, clearance: org.tlp_clearance as TlpLabel } : undefined;
}

/** The constituency organisation whose contact this address is (the one named, if named). */
export async function contactOrganisation(db: Kysely<Schema>, email: string, organisationId?: string): Promise<string | null> {
  let query = db
    .selectFrom('org_contacts')
    .select('organisation_id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()));
  if (organisationId) query = query.where('organisation_id', '=', organisationId);
  const rows = await query.limit(2).execute();
  // An address that two organisations list is nobody's in particular: it gets no organisation's rights.
  return rows.length === 1 ? rows[0]!.organisation_id : null;
}

type Account = Pick<UserRow, 'role' | 'organisation_id' | 'disabled_at' | 'email'>;

async function resolveUser(db: Kysely<Schema>, user: Account | undefined, label: string): Promise<ResolvedRecipient> {
  if (!user || user.disabled_at) return { label, team: false, tlp: { relation: 'public' } };
  if (TEAM_ROLES.has(user.role as Role)) return { label, team: true, tlp: INSIDE };
  // An account that reads for a peer team is cleared as its sharing profile says, not as its organisation is.
  const reading = user.organisation_id ? await peerTeamReadBy(db, user.organisation_id) : undefined;
  if (reading) return { ...(await resolvePeerTeam(db, reading)), label };
  const org = await organisationRecipient(db, user.organisation_id);
  return { label, team: false, tlp: { ...(org ?? { relation: 'public' }), individualId: user.email.toLowerCase() } };
}

async function resolveParticipant(db: Kysely<Schema>, participantId: string): Promise<ResolvedRecipient> {
  const label = `participant:${participantId}`;
  const p = await db
    .selectFrom('incident_participants')
    .select(['role', 'user_id', 'email'])
    .where('id', '=', participantId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  if (!p) return { label, team: false, tlp: { relation: 'public' } };
  const account = p.user_id
    ? await db.selectFrom('users').select(['role', 'organisation_id', 'disabled_at']).where('id', '=', p.user_id).executeTakeFirst()
    : undefined;
  if (account?.disabled_at) return { label, team: false, tlp: { relation: 'public' } };
  if (account && TEAM_ROLES.has(account.role as Role)) return { label, team: true, tlp: INSIDE };
  const email = p.email?.toLowerCase();
  const org = await organisationRecipient(db, account ? account.organisation_id : email ? await contactOrganisation(db, email) : null);
  const individual = email ? { individualId: email } : {};
  if (p.role === 'constituent-staff' && org?.relation === 'client') return { label, team: false, tlp: { ...org, ...individual } };
  if (p.role === 'third-party' || p.role === 'law-enforcement')
    return { label, team: false, tlp: { ...(org ?? {}), relation: 'community-peer', ...individual } };
  // A "team member" without a team account, or constituent staff of no known organisation: nobody in particular.
  return { label, team: false, tlp: { relation: 'public', ...individual } };
}

async function resolveAddress(
  db: Kysely<Schema>,
  address: string,
  organisationId?: string,
  incidentId?: string,
): Promise<ResolvedRecipient> {
  const email = address.trim().toLowerCase();
  const label = `address:${email}`;
  if (incidentId) {
    const participant = await db
      .selectFrom('incident_participants')
      .select('id')
      .where('incident_id', '=', incidentId)
      .where('email', '=', email)
      .where('removed_at', 'is', null)
      .orderBy('added_at')
      .executeTakeFirst();
    if (participant) return { ...(await resolveParticipant(db, participant.id)), label };
  }
  if (!organisationId) {
    const resolved = await resolveUser(db, await findUserByEmail(db, email), label);
    if (resolved.tlp.relation !== 'public') return resolved;
  }
  const org = await organisationRecipient(db, await contactOrganisation(db, email, organisationId));
  return { label, team: false, tlp: { ...(org ?? { relation: 'public' }), individualId: email } };
}

/** The peer team whose sharing profile names this organisation as the one reading for it. */
export async function peerTeamReadBy(db: Kysely<Schema>, organisationId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('sharing_profiles')
    .select('peer_team_id')
    .where('reader_organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row?.peer_team_id;
}

/** A peer team is the community, cleared up to its sharing profile's label; one without a profile is nobody in particular. */
async function resolvePeerTeam(db: Kysely<Schema>, peerTeamId: string): Promise<ResolvedRecipient> {
  const label = `peer-team:${peerTeamId}`;
  const profile = await db.selectFrom('sharing_profiles').select('max_tlp').where('peer_team_id', '=', peerTeamId).executeTakeFirst();
  if (!profile) return { label, team: false, tlp: { relation: 'public' } };
  return { label, team: false, tlp: { relation: 'community-peer', organisationId: label, clearance: profile.max_tlp as TlpLabel } };
}

export async function resolveRecipient(db: Kysely<Schema>, recipient: EgressRecipient): Promise<ResolvedRecipient> {
  if (recipient.kind === 'user') {
    const user = await db
      .selectFrom('users')
      .select(['role', 'organisation_id', 'disabled_at', 'email'])
      .where('id', '=', recipient.userId)
      .executeTakeFirst();
    return resolveUser(db, user, `user:${recipient.userId}`);
  }
  if (recipient.kind === 'participant') return resolveParticipant(db, recipient.participantId);
  if (recipient.kind === 'peer-team') return resolvePeerTeam(db, recipient.peerTeamId);
  if (recipient.kind === 'team') return { label: 'team', team: true, tlp: INSIDE };
  if (recipient.kind === 'organisation') {
    const label = `organisation:${recipient.organisationId}`;
    return { label, team: false, tlp: (await organisationRecipient(db, recipient.organisationId)) ?? { relation: 'public' } };
  }
  return resolveAddress(db, recipient.email, recipient.organisationId, recipient.incidentId);
}

/** The decision for one item and a resolved recipient: pure, the TLP core's answer. */
export function decide(item: EgressItem, recipient: ResolvedRecipient): EgressDecision {
  if (recipient.team) return { recipient: recipient.label, allowed: true, relation: 'team', reason: 'inside the team' };
  const named = (item.namedIndividuals ?? []).map((a) => a.toLowerCase());
  return {
    recipient: recipient.label,
    ...mayReceive({ tlp: item.tlp, ownerOrganisationId: TEAM_OWNER, namedIndividuals: named }, recipient.tlp),
  };
}

/**
 * Decides for every item, in order, and records the decisions about anyone outside the team.
 * Run it in the transaction that sends, so the record and the sending stand or fall together.
 */
export async function egress(db: Kysely<Schema>, request: EgressRequest): Promise<EgressDecision[]> {
  const recipient = await resolveRecipient(db, request.recipient);
  const decisions = request.items.map((item) => decide(item, recipient));
  const recordAll = request.channel.startsWith('mail:') || request.channel.startsWith('export:');
  if (!recipient.team || recordAll) {
    const rows = request.items.map((item, i) => ({
      channel: request.channel,
      item_kind: item.kind,
      item_id: item.id,
      tlp: item.tlp,
      recipient: recipient.label,
      relation: decisions[i]!.relation,
      allowed: decisions[i]!.allowed,
      reason: decisions[i]!.reason,
      actor: request.actor,
    }));
    // A few thousand rows a statement: an export of 100,000 items stays under PostgreSQL's 65,535 parameters.
    for (let start = 0; start < rows.length; start += RECORD_BATCH)
      await db
        .insertInto('egress_decisions')
        .values(rows.slice(start, start + RECORD_BATCH))
        .execute();
  }
  return decisions;
}

/** The label a document made of these items must carry: the most restrictive of them. */
export function documentLabel(items: readonly Pick<EgressItem, 'tlp'>[], floor: TlpLabel = 'CLEAR'): TlpLabel {
  return items.reduce<TlpLabel>((label, item) => mostRestrictive(label, item.tlp), floor);
}

/** One line for a refusal, naming the label and the recipient. */
export function refusal(item: EgressItem, decision: EgressDecision): string {
  return `${decision.recipient} may not receive ${item.kind} ${item.id} (${formatTlp(item.tlp)}): ${decision.reason}`;
}
