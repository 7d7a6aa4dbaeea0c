/**
 * Need-to-know on incidents, in one place. The team sees everything. A participant from outside
 * the team (constituent staff, a third party, law enforcement) sees an incident only while taking
 * part in it, and of its items only those shared with them, and only where the TLP core admits
 * them: constituent staff are the team's clients, third parties and law enforcement its
 * community. Outgoing incident mail asks the same question.
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/roles.js';
import { mayReceive, type Recipient, type ReleaseDecision, type TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';

export const PARTICIPANT_ROLES = ['team-member', 'constituent-staff', 'third-party', 'law-enforcement'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ITEM_KINDS = ['report', 'message', 'task', 'investigation', 'countermeasure', 'timeline', 'observable', 'asset', 'evidence'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Roles that are part of the team: they see every incident whole. */
const TEAM_ROLES = new Set(['admin', 'incident-manager', 'analyst', 'read-only']);

export type Viewer =
  | { kind: 'team' }
  | { kind: 'participant'; participantIds: string[]; role: ParticipantRole; organisationId: string | null };

export interface ParticipantLike {
  role: ParticipantRole;
  organisation_id: string | null;
}

/** The team's own organisation: the owner of everything the team holds. */
export async function teamOrganisationId(db: Kysely<Schema>): Promise<string> {
  const team = await db.selectFrom('organisations').select('id').where('kind', '=', 'team').orderBy('created_at').executeTakeFirst();
  // Before `vakt init` there is no team organisation; nobody outside can then be "same organisation".
  return team?.id ?? '00000000-0000-0000-0000-000000000000';
}

function recipientFor(participant: ParticipantLike, teamOrgId: string): Recipient {
  if (participant.role === 'team-member') return { relation: 'same-organisation', organisationId: teamOrgId };
  if (participant.role === 'constituent-staff') return { relation: 'client', ...(participant.organisation_id ? { organisationId: participant.organisation_id } : {}) };
  return { relation: 'community-peer', ...(participant.organisation_id ? { organisationId: participant.organisation_id } : {}) };
}

export function releaseTo(participant: ParticipantLike, tlp: TlpLabel, teamOrgId: string): ReleaseDecision {
  return mayReceive({ tlp, ownerOrganisationId: teamOrgId }, recipientFor(participant, teamOrgId));
}

/** Who the principal is on this incident; undefined when the incident is not theirs to see. */
export async function viewerOf(db: Kysely<Schema>, principal: Principal, incidentId: string): Promise<Viewer | undefined> {
  if (TEAM_ROLES.has(principal.role)) return { kind: 'team' };
  const rows = await db
    .selectFrom('incident_participants')
    .select(['id', 'role', 'organisation_id'])
    .where('incident_id', '=', incidentId)
    .where('user_id', '=', principal.userId)
    .where('removed_at', 'is', null)
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  return { kind: 'participant', participantIds: rows.map((r) => r.id), role: first.role as ParticipantRole, organisationId: first.organisation_id };
}

export interface VisibilityFilter {
  /** May this item be shown? */
  allows(kind: ItemKind, id: string, tlp: string): boolean;
}

export async function visibilityFor(db: Kysely<Schema>, viewer: Viewer, incidentId: string): Promise<VisibilityFilter> {
  if (viewer.kind === 'team') return { allows: () => true };
  const teamOrgId = await teamOrganisationId(db);
  const shares = await db
    .selectFrom('incident_shares')
    .select(['item_kind', 'item_id'])
    .where('incident_id', '=', incidentId)
    .where('participant_id', 'in', viewer.participantIds)
    .execute();
  const shared = new Set(shares.map((s) => `${s.item_kind}:${s.item_id}`));
  const participant = { role: viewer.role, organisation_id: viewer.organisationId };
  return {
    allows: (kind, id, tlp) => shared.has(`${kind}:${id}`) && releaseTo(participant, tlp as TlpLabel, teamOrgId).allowed,
  };
}

/** The incidents a principal may open at all: every one for the team, their own for others. */
export async function visibleIncidentIds(db: Kysely<Schema>, principal: Principal): Promise<string[] | 'all'> {
  if (TEAM_ROLES.has(principal.role)) return 'all';
  const rows = await db.selectFrom('incident_participants').select('incident_id').where('user_id', '=', principal.userId).where('removed_at', 'is', null).execute();
  return [...new Set(rows.map((r) => r.incident_id))];
}
