/**
 * An incident shared with a peer team, kept up to date: each publication makes the STIX objects
 * and the MISP event the peer's profile admits (pseudonymised, through the egress gate) and sends
 * what changed by the profile's channels — new object versions into its TAXII collection, the
 * event as a new revision in its MISP feed, a bundle by encrypted mail. An item whose label was
 * raised past the profile, that was removed, or a share withdrawn reaches the peer as a revocation
 * (STIX) or a deleted attribute (MISP) — never as silence. The job republishes a share when what it
 * is made from (the incident, its observables, the profile) has moved.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { VaktError, notFound } from '../core/errors.js';
import { mostRestrictive, type TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { defineJob } from '../jobs/queue.js';
import { queueMail, type QueuedMail, type Sender } from '../mail/outbox.js';
import { exportIncidentMisp } from './misp-export.js';
import { getSharingProfile, type SharingProfile } from './sharing-profiles.js';
import { exportIncidentStix } from './stix-export.js';
import { derivedId, STIX_SCO_TYPES } from './stix-ids.js';
import { addObjects } from './taxii-store.js';

export interface Publication {
  revision: number;
  /** STIX objects sent as new (or first) versions. */
  changed: number;
  /** STIX objects revoked or withdrawn, MISP attributes deleted. */
  revoked: number;
  channels: string[];
  /** What did not go: a mail the gate or a missing key held back. */
  problems: string[];
}

type StixObject = Record<string, unknown> & { id: string; type: string };
const ALWAYS_SENT = new Set(['identity', 'marking-definition']);

/** What an object says, apart from when it was said. */
const substance = (o: Record<string, unknown>) => {
  const { modified: _m, published: _p, ...rest } = o;
  return JSON.stringify(rest);
};

/** A version after PREVIOUS: now, or a millisecond past it when the clock has not moved on. */
function nextVersion(previous: unknown): string {
  const now = Date.now();
  const before = typeof previous === 'string' ? Date.parse(previous) : Number.NaN;
  return new Date(Number.isNaN(before) ? now : Math.max(now, before + 1)).toISOString();
}

/** What a share is made from; it is republished only when this moves. */
async function fingerprintOf(db: Kysely<Schema>, peerTeamId: string, incidentId: string, withdrawn: boolean): Promise<string> {
  const incident = await db.selectFrom('incidents').select(['version', 'tlp', 'pap']).where('id', '=', incidentId).executeTakeFirst();
  const observables = await db
    .selectFrom('observables')
    .select(['id', 'tlp', 'value', 'is_ioc', 'description'])
    .where('incident_id', '=', incidentId)
    .orderBy('id')
    .execute();
  const profile = await db.selectFrom('sharing_profiles').select('version').where('peer_team_id', '=', peerTeamId).executeTakeFirst();
  // New reports are new sightings.
  const reports = await db
    .selectFrom('reports')
    .select((eb) => [eb.fn.countAll<string>().as('n'), eb.fn.max('received_at').as('last')])
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
  return createHash('sha256')
    .update(JSON.stringify([withdrawn, incident, observables, profile?.version ?? null, reports]))
    .digest('hex');
}

/**
 * An object's references, each through MAP: a relationship's ends, a sighting's indicator, a report's
 * objects — so that what refers to a re-issued object names it by its new id.
 */
function referring(object: StixObject, map: ReadonlyMap<string, string>): StixObject {
  if (map.size === 0) return object;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object))
    out[key] =
      key.endsWith('_refs') && Array.isArray(value)
        ? value.map((v) => map.get(v as string) ?? v)
        : key.endsWith('_ref')
          ? (map.get(value as string) ?? value)
          : value;
  return out as StixObject;
}

/**
 * The STIX objects the peer's profile admits now, those withdrawn since the last publication, and
 * the new state to keep, each under the id the export gives it (its key). A revoked object may not
 * be un-revoked (STIX 2.1 section 3.6): one that comes back is issued anew under an id of its own,
 * and what refers to it is sent with the new id.
 */
async function stixChanges(
  trx: Transaction<Schema>,
  share: { peer_team_id: string; incident_id: string; revision: number },
  profile: SharingProfile,
  withdrawn: boolean,
  actor: string,
) {
  const channel = profile.channels.includes('taxii') ? ('taxii' as const) : ('mail:stix' as const);
  const recipient = { kind: 'peer-team' as const, peerTeamId: share.peer_team_id };
  const exported = withdrawn
    ? undefined
    : await exportIncidentStix(trx, share.incident_id, { recipient, actor, channel, withIncident: profile.itemKinds.includes('incident') });
  const current = ((exported?.bundle.objects ?? []) as StixObject[]).filter((o) => !ALWAYS_SENT.has(o.type));
  const before = new Map(
    (
      await trx
        .selectFrom('peer_share_items')
        .selectAll()
        .where('peer_team_id', '=', share.peer_team_id)
        .where('incident_id', '=', share.incident_id)
        .execute()
    ).map((row) => [row.stix_id, { ...row, last: JSON.parse(row.object) as StixObject }]),
  );
  // The id each object goes by with this peer: as before, or a new one where the last it heard was a revocation.
  const issued = new Map<string, string>();
  for (const object of current) {
    const previous = before.get(object.id);
    if (!previous) continue;
    const reissue = previous.last.revoked === true && !STIX_SCO_TYPES.has(object.type);
    const id = reissue ? derivedId(object.type, object.id, `issued in revision ${share.revision + 1}`) : previous.last.id;
    if (id !== object.id) issued.set(object.id, id);
  }
  const tlpOf = new Map(exported?.included.map((i) => [i.stixId, i.tlp]) ?? []);
  const changed: StixObject[] = [];
  const kept: Array<{ key: string; object: StixObject; tlp: TlpLabel }> = [];
  for (const exportedObject of current) {
    const key = exportedObject.id;
    const previous = before.get(key);
    const id = issued.get(key) ?? key;
    const last = previous?.last.id === id ? previous.last : undefined;
    // An object keeps the creation time it was first sent with (a re-issued one, its re-issue).
    const object = referring({ ...exportedObject, id, ...(last?.created ? { created: last.created } : {}) }, issued);
    const tlp = tlpOf.get(key) ?? 'CLEAR';
    if (last && !previous!.withdrawn && substance(last) === substance(object)) {
      kept.push({ key, object: last, tlp });
      continue;
    }
    const stamp = nextVersion(last?.modified ?? object.modified);
    // A re-issued object is new: it was created now.
    const next = STIX_SCO_TYPES.has(object.type)
      ? object
      : { ...object, ...(issued.has(key) && !last ? { created: stamp } : {}), modified: stamp };
    changed.push(next);
    kept.push({ key, object: next, tlp });
  }
  const present = new Set(current.map((o) => o.id));
  const revoked: Array<{ key: string; object: StixObject }> = [];
  const gone: string[] = [];
  for (const [key, row] of before) {
    if (present.has(key) || row.withdrawn) continue;
    // A cyber observable has no versions to revoke: it leaves the collection; what refers to it is revoked.
    if (STIX_SCO_TYPES.has(row.last.type)) gone.push(key);
    else revoked.push({ key, object: { ...row.last, modified: nextVersion(row.last.modified), revoked: true } });
  }
  const envelope = (exported?.bundle.objects ?? []).filter((o) => ALWAYS_SENT.has(String(o.type)));
  return { exported, changed, revoked, gone, kept, envelope };
}

/** The MISP event as the peer's feed shows it next: what is admitted now, and the attributes since withdrawn as deleted. */
async function mispRevision(
  trx: Transaction<Schema>,
  share: { peer_team_id: string; incident_id: string; misp_event: string | null },
  profile: SharingProfile,
  withdrawn: boolean,
  actor: string,
): Promise<{ event: string | null; deleted: number }> {
  const previous = share.misp_event ? (JSON.parse(share.misp_event) as { Event: Record<string, unknown> }) : undefined;
  const { event } = await exportIncidentMisp(trx, share.incident_id, {
    recipient: { kind: 'peer-team', peerTeamId: share.peer_team_id },
    actor,
    channel: 'misp-feed',
    withIncident: profile.itemKinds.includes('incident'),
  });
  const stamp = String(Math.floor(Date.now() / 1000));
  const attributes = carried(withdrawn ? [] : listOf(event.Event, 'Attribute'), listOf(previous?.Event, 'Attribute'), stamp);
  const objects = carried(withdrawn ? [] : listOf(event.Event, 'Object'), listOf(previous?.Event, 'Object'), stamp);
  const next = {
    Event: {
      ...event.Event,
      ...(withdrawn ? { info: `[withdrawn] ${String(event.Event.info)}`, published: false } : {}),
      Attribute: attributes.list,
      ...(objects.list.length > 0 ? { Object: objects.list } : {}),
    },
  };
  // What the event says, apart from when: every timestamp left out, at every depth.
  const same = (e: { Event: Record<string, unknown> }) =>
    JSON.stringify(e, (key, value: unknown) => (key.endsWith('timestamp') ? undefined : value));
  if (previous && same(previous) === same(next)) return { event: share.misp_event, deleted: 0 };
  return { event: JSON.stringify(next), deleted: attributes.newlyDeleted + objects.newlyDeleted };
}

type MispItem = Record<string, unknown> & { uuid: string; deleted?: boolean };
const listOf = (event: Record<string, unknown> | undefined, key: 'Attribute' | 'Object') => (event?.[key] ?? []) as MispItem[];

/** The items now, and those sent before that are not, marked deleted (MISP's way of taking one back). */
function carried(now: MispItem[], before: MispItem[], stamp: string): { list: MispItem[]; newlyDeleted: number } {
  const present = new Set(now.map((a) => a.uuid));
  const gone = before.filter((a) => !present.has(a.uuid));
  return {
    list: [...now, ...gone.map((a) => (a.deleted ? a : { ...a, deleted: true, timestamp: stamp }))],
    newlyDeleted: gone.filter((a) => !a.deleted).length,
  };
}

/** Publishes one share by every channel of the peer's profile; a no-op when nothing changed. */
export async function publishShare(
  db: Kysely<Schema>,
  peerTeamId: string,
  incidentId: string,
  actor: string,
  sender: Sender,
): Promise<Publication> {
  return db.transaction().execute(async (trx) => {
    const share = await trx
      .selectFrom('peer_shares')
      .selectAll()
      .where('peer_team_id', '=', peerTeamId)
      .where('incident_id', '=', incidentId)
      .forUpdate()
      .executeTakeFirst();
    if (!share) throw notFound('share');
    const profile = await getSharingProfile(trx, peerTeamId);
    if (!profile) throw new VaktError('conflict', 'the peer team has no sharing profile; give it one before sharing');
    const withdrawn = share.withdrawn_at !== null;
    const fingerprint = await fingerprintOf(trx, peerTeamId, incidentId, withdrawn);
    const stix = await stixChanges(trx, share, profile, withdrawn, actor);
    // A feed the profile no longer has keeps the event with everything deleted, not its last revision gone stale.
    const inFeed = profile.channels.includes('misp-feed');
    const misp =
      inFeed || share.misp_event
        ? await mispRevision(trx, share, profile, withdrawn || !inFeed, actor)
        : { event: share.misp_event, deleted: 0 };
    const stixMoved = stix.changed.length + stix.revoked.length + stix.gone.length > 0;
    const moved = stixMoved || misp.event !== share.misp_event;
    const channels: string[] = [];
    const problems: string[] = [];
    if (stixMoved && profile.channels.includes('taxii') && profile.taxiiCollectionId) {
      await addObjects(trx, profile.taxiiCollectionId, [...stix.envelope, ...stix.changed, ...stix.revoked.map((r) => r.object)], actor);
      if (stix.gone.length > 0)
        await trx.deleteFrom('taxii_objects').where('collection_id', '=', profile.taxiiCollectionId).where('id', 'in', stix.gone).execute();
      channels.push('taxii');
    }
    if (stixMoved && profile.channels.includes('mail') && profile.mailTo) {
      const mail = await mailBundle(trx, sender, { share, profile, stix, actor, revision: share.revision + 1 });
      if (mail.status === 'queued') channels.push('mail');
      else problems.push(`mail to ${profile.mailTo} not sent: ${mail.reason}`);
    }
    if (misp.event !== share.misp_event) channels.push('misp-feed');
    await saveItems(trx, share, stix);
    await trx
      .updateTable('peer_shares')
      .set({
        fingerprint,
        last_error: problems[0] ?? null,
        ...(moved ? { revision: share.revision + 1, published_at: new Date(), misp_event: misp.event } : {}),
      })
      .where('peer_team_id', '=', peerTeamId)
      .where('incident_id', '=', incidentId)
      .execute();
    const publication = {
      revision: moved ? share.revision + 1 : share.revision,
      changed: stix.changed.length,
      revoked: stix.revoked.length + stix.gone.length + misp.deleted,
      channels,
      problems,
    };
    if (moved)
      await appendAudit(trx, {
        actor,
        action: 'share.publish',
        objectType: 'incident',
        objectId: incidentId,
        after: { peerTeamId, ...publication },
      });
    return publication;
  });
}

async function saveItems(
  trx: Transaction<Schema>,
  share: { peer_team_id: string; incident_id: string },
  stix: Awaited<ReturnType<typeof stixChanges>>,
): Promise<void> {
  const of = { peer_team_id: share.peer_team_id, incident_id: share.incident_id };
  const save = (key: string, object: StixObject, tlp: TlpLabel | undefined, withdrawn: boolean) =>
    trx
      .insertInto('peer_share_items')
      .values({ ...of, stix_id: key, tlp: tlp ?? 'CLEAR', object: JSON.stringify(object), withdrawn })
      .onConflict((oc) =>
        oc
          .columns(['peer_team_id', 'incident_id', 'stix_id'])
          .doUpdateSet({ object: JSON.stringify(object), withdrawn, ...(tlp ? { tlp } : {}) }),
      )
      .execute();
  for (const { key, object, tlp } of stix.kept) await save(key, object, tlp, false);
  for (const { key, object } of stix.revoked) await save(key, object, undefined, true);
  if (stix.gone.length > 0)
    await trx
      .updateTable('peer_share_items')
      .set({ withdrawn: true })
      .where('peer_team_id', '=', of.peer_team_id)
      .where('incident_id', '=', of.incident_id)
      .where('stix_id', 'in', stix.gone)
      .execute();
}

/** The bundle by mail: what the peer holds now, and the revocations; encrypted to the address's key or not sent. */
async function mailBundle(
  trx: Transaction<Schema>,
  sender: Sender,
  input: {
    share: { peer_team_id: string; incident_id: string };
    profile: SharingProfile;
    stix: Awaited<ReturnType<typeof stixChanges>>;
    actor: string;
    revision: number;
  },
): Promise<QueuedMail> {
  const { share, profile, stix, actor, revision } = input;
  const objects = [...stix.envelope, ...stix.kept.map((k) => k.object), ...stix.revoked.map((r) => r.object)];
  const labels = stix.kept.map((k) => k.tlp);
  const tlp = labels.reduce<TlpLabel>(mostRestrictive, 'CLEAR');
  const bundle = { type: 'bundle', id: `bundle--${stix.exported?.bundle.id.slice(8) ?? randomUUID()}`, objects };
  return queueMail(trx, sender, {
    incidentId: share.incident_id,
    to: [profile.mailTo!],
    subject: `[TLP:${tlp}] Incident ${share.incident_id}, revision ${revision} (STIX 2.1)`,
    text: [
      `TLP:${tlp}`,
      '',
      `The attached STIX 2.1 bundle holds what we share with you of incident ${share.incident_id}, as of revision ${revision}.`,
      stix.revoked.length + stix.gone.length > 0
        ? `${stix.revoked.length + stix.gone.length} object(s) shared before are withdrawn: revoked where STIX allows it; please remove the rest.`
        : '',
    ].join('\n'),
    tlp,
    requireEncryption: true,
    attachments: [
      {
        filename: `incident-${share.incident_id}-r${revision}.stix.json`,
        contentType: 'application/stix+json;version=2.1',
        content: Buffer.from(JSON.stringify(bundle)),
      },
    ],
    actor,
    egress: {
      channel: 'mail:stix',
      items: stix.kept.map((k) => ({ kind: 'stix-object', id: k.object.id, tlp: k.tlp })),
      recipients: [{ kind: 'peer-team', peerTeamId: share.peer_team_id }],
    },
  });
}

/** Shares the incident with the peer (again, if it had been withdrawn) and publishes what changed; an active share is only published. */
export async function shareWithPeer(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  peerTeamId: string,
  sender: Sender,
): Promise<Publication> {
  const team = await db.selectFrom('peer_teams').select('id').where('id', '=', peerTeamId).executeTakeFirst();
  if (!team) throw notFound('peer team');
  const incident = await db.selectFrom('incidents').select('id').where('id', '=', incidentId).executeTakeFirst();
  if (!incident) throw notFound('incident');
  await db
    .insertInto('peer_shares')
    .values({ peer_team_id: peerTeamId, incident_id: incidentId, shared_by: actor })
    .onConflict((oc) =>
      oc
        .columns(['peer_team_id', 'incident_id'])
        .doUpdateSet({ withdrawn_at: null, shared_by: actor })
        .where('peer_shares.withdrawn_at', 'is not', null),
    )
    .execute();
  return publishShare(db, peerTeamId, incidentId, actor, sender);
}

/** Withdraws the share: everything the peer received of the incident is revoked or deleted by the same channels. */
export async function withdrawShare(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  peerTeamId: string,
  sender: Sender,
): Promise<Publication> {
  const updated = await db
    .updateTable('peer_shares')
    .set({ withdrawn_at: new Date() })
    .where('peer_team_id', '=', peerTeamId)
    .where('incident_id', '=', incidentId)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw notFound('share');
  return publishShare(db, peerTeamId, incidentId, actor, sender);
}

/** Republishes every share whose incident, observables or profile moved since it was last published; returns how many got a new revision. */
export async function republishChanged(db: Kysely<Schema>, sender: Sender): Promise<number> {
  let published = 0;
  for await (const share of everyShare(db)) {
    const fingerprint = await fingerprintOf(db, share.peer_team_id, share.incident_id, share.withdrawn_at !== null);
    if (fingerprint === share.fingerprint) continue;
    try {
      const result = await publishShare(db, share.peer_team_id, share.incident_id, 'system:sharing', sender);
      if (result.revision > share.revision) published++;
    } catch (error) {
      await db
        .updateTable('peer_shares')
        .set({ last_error: (error as Error).message })
        .where('peer_team_id', '=', share.peer_team_id)
        .where('incident_id', '=', share.incident_id)
        .execute();
    }
  }
  return published;
}

/** The shares a page at a time, by their key: however many there are, only a page is held at once. */
async function* everyShare(db: Kysely<Schema>) {
  let after: { peer_team_id: string; incident_id: string } | undefined;
  for (;;) {
    const page = await db
      .selectFrom('peer_shares')
      .select(['peer_team_id', 'incident_id', 'fingerprint', 'withdrawn_at', 'revision'])
      .$if(after !== undefined, (q) =>
        q.where(({ eb, refTuple, tuple }) =>
          eb(refTuple('peer_team_id', 'incident_id'), '>', tuple(after!.peer_team_id, after!.incident_id)),
        ),
      )
      // The primary key's order.
      .orderBy('peer_team_id')
      .orderBy('incident_id')
      .limit(500)
      .execute();
    yield* page;
    if (page.length < 500) return;
    after = page.at(-1);
  }
}

export function republishJob(senderOf: (db: Kysely<Schema>) => Promise<Sender>) {
  return defineJob({
    name: 'sharing.republish',
    schedule: '* * * * *',
    options: { retryLimit: 1 },
    async handle(_data, { database }) {
      await republishChanged(database.db, await senderOf(database.db));
    },
  });
}
