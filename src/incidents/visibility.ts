/**
 * Need-to-know on incidents, in one place. The team sees everything. A participant from outside
 * the team (constituent staff, a third party, law enforcement) sees an incident only while taking
 * part in it, its title and description only where the egress gate admits the incident's label,
 * and of its items only those shared with them and admitted by the gate.
 */
import type { Kysely } from 'kysely';
import type { Principal } from '../auth/roles.js';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { egress, TEAM_ROLES, type EgressChannel, type EgressItem } from '../sharing/egress.js';

export const PARTICIPANT_ROLES = ['team-member', 'constituent-staff', 'third-party', 'law-enforcement'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ITEM_KINDS = [
  'report',
  'message',
  'task',
  'investigation',
  'countermeasure',
  'timeline',
  'observable',
  'asset',
  'evidence',
  'note',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export type Viewer = { kind: 'team' } | { kind: 'participant'; participantIds: string[]; role: ParticipantRole };

/** Who the principal is on this incident; undefined when the incident is not theirs to see. */
export async function viewerOf(db: Kysely<Schema>, principal: Principal, incidentId: string): Promise<Viewer | undefined> {
  if (TEAM_ROLES.has(principal.role)) return { kind: 'team' };
  const rows = await db
    .selectFrom('incident_participants')
    .select(['id', 'role'])
    .where('incident_id', '=', incidentId)
    .where('user_id', '=', principal.userId)
    .where('removed_at', 'is', null)
    .orderBy('added_at')
    .execute();
  const first = rows[0];
  if (!first) return undefined;
  return { kind: 'participant', participantIds: rows.map((r) => r.id), role: first.role as ParticipantRole };
}

export interface Released {
  /** May the incident's own text (title, description) be shown? */
  incident: boolean;
  /** "kind:id" of the items that may be shown. */
  items: ReadonlySet<string>;
}

const keyOf = (item: { kind: string; id: string }) => `${item.kind}:${item.id}`;

/**
 * What of one incident a viewer may see, decided (and, for a participant, recorded) by the
 * egress gate. Items not shared with the participant are not even put to the gate.
 */
export async function releasedTo(
  db: Kysely<Schema>,
  viewer: Viewer,
  incident: { id: string; tlp: string },
  items: readonly EgressItem[],
  actor: string,
  channel: EgressChannel = 'api',
): Promise<Released> {
  if (viewer.kind === 'team') return { incident: true, items: new Set(items.map(keyOf)) };
  const shares = await db
    .selectFrom('incident_shares')
    .select(['item_kind', 'item_id'])
    .where('incident_id', '=', incident.id)
    .where('participant_id', 'in', viewer.participantIds)
    .execute();
  const shared = new Set(shares.map((s) => `${s.item_kind}:${s.item_id}`));
  const asked: EgressItem[] = [
    { kind: 'incident', id: incident.id, tlp: incident.tlp as TlpLabel },
    ...items.filter((i) => shared.has(keyOf(i))),
  ];
  const decisions = await egress(db, {
    channel,
    recipient: { kind: 'participant', participantId: viewer.participantIds[0]! },
    items: asked,
    actor,
  });
  return {
    incident: decisions[0]!.allowed,
    items: new Set(
      asked
        .slice(1)
        .filter((_, i) => decisions[i + 1]!.allowed)
        .map(keyOf),
    ),
  };
}

/** The incidents a principal may open at all: every one for the team, their own for others. */
export async function visibleIncidentIds(db: Kysely<Schema>, principal: Principal): Promise<string[] | 'all'> {
  if (TEAM_ROLES.has(principal.role)) return 'all';
  const rows = await db
    .selectFrom('incident_participants')
    .select('incident_id')
    .where('user_id', '=', principal.userId)
    .where('removed_at', 'is', null)
    .execute();
  return [...new Set(rows.map((r) => r.incident_id))];
}

/**
 * Of the principal's incidents, those whose own text (title, description) the gate lets them
 * read: what lists and search may show or match. The team reads all.
 */
export async function readableIncidentIds(db: Kysely<Schema>, principal: Principal, channel: EgressChannel): Promise<string[] | 'all'> {
  if (TEAM_ROLES.has(principal.role)) return 'all';
  const rows = await db
    .selectFrom('incident_participants as p')
    .innerJoin('incidents as i', 'i.id', 'p.incident_id')
    .select(['p.id as participant_id', 'i.id', 'i.tlp'])
    .where('p.user_id', '=', principal.userId)
    .where('p.removed_at', 'is', null)
    .orderBy('p.added_at')
    .execute();
  const readable = new Set<string>();
  for (const row of rows) {
    if (readable.has(row.id)) continue;
    const [decision] = await egress(db, {
      channel,
      recipient: { kind: 'participant', participantId: row.participant_id },
      items: [{ kind: 'incident', id: row.id, tlp: row.tlp as TlpLabel }],
      actor: `user:${principal.userId}`,
    });
    if (decision?.allowed) readable.add(row.id);
  }
  return [...readable];
}
