/**
 * What of an incident goes to a recipient, whatever the format: its observables, an indicator for
 * each marked as one, and the incident itself when asked — less what the format cannot carry, what
 * the peer's sharing profile does not share, and what the egress gate refuses. Each item left out
 * is named with its reason, for the preview and the export alike.
 */
import type { Kysely } from 'kysely';
import { notFound } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { egress, type EgressChannel, type EgressRecipient } from './egress.js';
import { pseudonymiserFor, type Pseudonymisation, type Replacement } from './pseudonymise.js';

export const SHARED_KINDS = ['observable', 'indicator', 'incident'] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

export interface LeftOut {
  kind: SharedKind;
  id: string;
  /** What the item is, for the preview ("ipv4 198.51.100.7"). */
  what: string;
  reason: string;
}

export type Observable = { id: string; kind: string; value: string; description: string; is_ioc: boolean; tlp: string; created_at: Date };
export type SharedIncident = {
  id: string;
  title: string;
  description: string;
  tlp: string;
  pap: string;
  opened_at: Date;
  rsit_class: string | null;
  rsit_type: string | null;
};

export interface SharedItem {
  kind: SharedKind;
  id: string;
  what: string;
  tlp: TlpLabel;
  observable?: Observable;
  /** When the incident's reports mentioned the observable's value, oldest first: its sightings. */
  sightings?: Date[];
}

export interface ShareOptions {
  recipient: EgressRecipient;
  actor: string;
  /** The incident itself (a report, an event's own text). */
  withIncident: boolean;
  /** The way it leaves, when not the format's own export (a TAXII collection, the MISP feed, mail). */
  channel?: EgressChannel;
}

/**
 * The kinds a recipient is sent and how values are pseudonymised first: a peer's profile says; anyone
 * else (the team, a user) is sent every kind the gate admits, as it is.
 */
async function profileFor(
  db: Kysely<Schema>,
  recipient: EgressRecipient,
): Promise<{ kinds: ReadonlySet<string>; pseudonymisation?: Pseudonymisation }> {
  if (recipient.kind !== 'peer-team') return { kinds: new Set(SHARED_KINDS) };
  const profile = await db
    .selectFrom('sharing_profiles')
    .select(['item_kinds', 'pseudonymisation'])
    .where('peer_team_id', '=', recipient.peerTeamId)
    .executeTakeFirst();
  return profile
    ? { kinds: new Set(profile.item_kinds), pseudonymisation: profile.pseudonymisation as Pseudonymisation }
    : { kinds: new Set() };
}

export async function sharedItems(
  db: Kysely<Schema>,
  incidentId: string,
  options: Omit<ShareOptions, 'channel'> & {
    channel: EgressChannel;
    /** Why the format cannot carry this observable; undefined when it can. */
    unusable: (o: Observable) => string | undefined;
  },
): Promise<{ incident: SharedIncident; items: SharedItem[]; left: LeftOut[]; replacements: Replacement[] }> {
  const found = await db
    .selectFrom('incidents')
    .select(['id', 'title', 'description', 'tlp', 'pap', 'opened_at', 'rsit_class', 'rsit_type'])
    .where('id', '=', incidentId)
    .executeTakeFirst();
  if (!found) throw notFound('incident');
  const { kinds, pseudonymisation } = await profileFor(db, options.recipient);
  const pseudonyms = pseudonymisation ? await pseudonymiserFor(db, incidentId, pseudonymisation) : undefined;
  const incident = pseudonyms
    ? {
        ...found,
        title: pseudonyms.text(found.title, 'incident title'),
        description: pseudonyms.text(found.description, 'incident description'),
      }
    : found;
  const stored = await db
    .selectFrom('observables')
    .select(['id', 'kind', 'value', 'description', 'is_ioc', 'tlp', 'created_at'])
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const seen = await sightingsOf(db, incidentId);
  const left: LeftOut[] = [];
  const candidates: SharedItem[] = [];
  for (const original of stored) {
    const what = `${original.kind} ${original.value}`;
    const shared = pseudonyms?.value(original.kind, original.value, `observable ${original.id}`) ?? { value: original.value };
    if ('dropped' in shared) {
      left.push({ kind: 'observable', id: original.id, what, reason: shared.dropped });
      continue;
    }
    const o = {
      ...original,
      value: shared.value,
      description: pseudonyms?.text(original.description, `observable ${original.id} description`) ?? original.description,
    };
    const reason = options.unusable(o);
    if (reason) {
      left.push({ kind: 'observable', id: o.id, what, reason });
      continue;
    }
    candidates.push({ kind: 'observable', id: o.id, what, tlp: o.tlp as TlpLabel, observable: o });
    if (o.is_ioc)
      candidates.push({
        kind: 'indicator',
        id: o.id,
        what: `indicator of ${what}`,
        tlp: o.tlp as TlpLabel,
        observable: o,
        sightings: seen.get(o.id) ?? [],
      });
  }
  if (options.withIncident)
    candidates.push({
      kind: 'incident',
      id: incident.id,
      what: `incident ${incident.id}: ${incident.title}`,
      tlp: incident.tlp as TlpLabel,
    });

  const byKind = candidates.filter((c) => {
    if (kinds.has(c.kind)) return true;
    left.push({ kind: c.kind, id: c.id, what: c.what, reason: `the sharing profile does not share items of kind ${c.kind}` });
    return false;
  });
  const decisions = await egress(db, {
    channel: options.channel,
    recipient: options.recipient,
    items: byKind.map((c) => ({ kind: c.kind === 'indicator' ? 'observable' : c.kind, id: c.id, tlp: c.tlp })),
    actor: options.actor,
  });
  const admitted = byKind.filter((c, i) => {
    if (decisions[i]!.allowed) return true;
    left.push({ kind: c.kind, id: c.id, what: c.what, reason: decisions[i]!.reason });
    return false;
  });
  // An indicator is shared only beside the observable it is based on.
  const observablesAdmitted = new Set(admitted.filter((o) => o.kind === 'observable').map((o) => o.id));
  const items = admitted.filter((c) => {
    if (c.kind !== 'indicator' || observablesAdmitted.has(c.id)) return true;
    left.push({ kind: c.kind, id: c.id, what: c.what, reason: 'the observable it is based on is not shared' });
    return false;
  });
  return { incident, items, left, replacements: pseudonyms?.replacements ?? [] };
}

/** Each observable's sightings: when the incident's reports named its value (at most 1,000 an observable). */
async function sightingsOf(db: Kysely<Schema>, incidentId: string): Promise<Map<string, Date[]>> {
  const rows = await db
    .selectFrom('observables as o')
    .innerJoin('report_indicators as ri', (join) => join.onRef('ri.value', '=', 'o.value').onRef('ri.kind', '=', 'o.kind'))
    .innerJoin('reports as r', (join) => join.onRef('r.id', '=', 'ri.report_id').onRef('r.incident_id', '=', 'o.incident_id'))
    .select(['o.id', 'r.received_at'])
    .where('o.incident_id', '=', incidentId)
    .orderBy('r.received_at')
    .limit(100_000)
    .execute();
  const byObservable = new Map<string, Date[]>();
  for (const row of rows) {
    const dates = byObservable.get(row.id) ?? [];
    if (dates.length < 1000) dates.push(new Date(row.received_at));
    byObservable.set(row.id, dates);
  }
  return byObservable;
}
