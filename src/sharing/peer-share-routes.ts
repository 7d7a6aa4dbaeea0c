/**
 * Sharing an incident with a peer team for good, and the MISP feed peers subscribe to. Sharing
 * publishes by the channels of the peer's profile and keeps the share current (a change of label
 * or a removal reaches the peer as a new version or a revocation); withdrawing revokes it all.
 *
 * The feed (`/misp-feed/manifest.json`, `hashes.csv`, `{uuid}.json`, as MISP's feed format has it)
 * is the reader's own: an account of the organisation a peer's profile names reads that peer's
 * events, as last published, each through the egress gate (channel `misp-feed`) again.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { notFound, VaktError } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import { Nullable, strict } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { intakeSettings } from '../intake/settings.js';
import { egress, peerTeamReadBy, TEAM_ROLES } from './egress.js';
import { mispEventUuid, mispTeam } from './misp-export.js';
import { shareWithPeer, withdrawShare } from './peer-shares.js';
import { tlpOfMispTags } from './tlp-encodings.js';

const Problem = Type.Ref('Problem');
const ShareParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,15}$' }), peer: Type.String({ format: 'uuid' }) });
const Publication = Type.Object({
  revision: Type.Integer(),
  changed: Type.Integer(),
  revoked: Type.Integer(),
  channels: Type.Array(Type.String()),
  problems: Type.Array(Type.String()),
});
const Share = Type.Object({
  peerTeamId: Type.String(),
  peerName: Type.String(),
  sharedBy: Type.String(),
  sharedAt: Type.String(),
  withdrawnAt: Nullable(Type.String()),
  revision: Type.Integer(),
  publishedAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
});

type MispAttribute = { value: string; deleted?: boolean };
type MispEvent = {
  Event: Record<string, unknown> & {
    uuid: string;
    Attribute: MispAttribute[];
    Object?: Array<{ deleted?: boolean; Attribute: MispAttribute[] }>;
  };
};

export const peerShareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const sender = async () => (await intakeSettings(db, app.vakt.config.mail, app.vakt.teamKey)).sender;

  app.get(
    '/api/incidents/:id/shares',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['sharing'],
        summary: 'The peer teams the incident is shared with, each with its revision, when it was last published and any error',
        params: Type.Object({ id: ShareParams.properties.id }),
        response: { 200: Type.Object({ shares: Type.Array(Share) }), 404: Problem },
      },
    },
    async (request) => {
      const rows = await db
        .selectFrom('peer_shares as s')
        .innerJoin('peer_teams as t', 't.id', 's.peer_team_id')
        .select([
          's.peer_team_id',
          't.name',
          's.shared_by',
          's.shared_at',
          's.withdrawn_at',
          's.revision',
          's.published_at',
          's.last_error',
        ])
        .where('s.incident_id', '=', request.params.id)
        .orderBy('t.name')
        .limit(1000)
        .execute();
      const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
      return {
        shares: rows.map((r) => ({
          peerTeamId: r.peer_team_id,
          peerName: r.name,
          sharedBy: r.shared_by,
          sharedAt: new Date(r.shared_at).toISOString(),
          withdrawnAt: iso(r.withdrawn_at),
          revision: r.revision,
          publishedAt: iso(r.published_at),
          lastError: r.last_error,
        })),
      };
    },
  );

  app.put(
    '/api/incidents/:id/shares/:peer',
    {
      preHandler: requirePermission('sharing:manage'),
      schema: {
        tags: ['sharing'],
        summary:
          "Share the incident with a peer team by its profile's channels (TAXII collection, MISP feed, encrypted mail), pseudonymised as the profile says, and keep the share current; again: publish what changed now",
        params: ShareParams,
        response: { 200: Publication, 404: Problem, 409: Problem },
      },
    },
    async (request) => shareWithPeer(db, actorOf(principal(request)), request.params.id, request.params.peer, await sender()),
  );

  app.delete(
    '/api/incidents/:id/shares/:peer',
    {
      preHandler: requirePermission('sharing:manage'),
      schema: {
        tags: ['sharing'],
        summary:
          'Withdraw the share: every STIX object the peer was sent is revoked (or taken out of its collection), every MISP attribute deleted',
        params: ShareParams,
        response: { 200: Publication, 404: Problem },
      },
    },
    async (request) => withdrawShare(db, actorOf(principal(request)), request.params.id, request.params.peer, await sender()),
  );

  /**
   * The events of the reader's peer's feed the gate lets the reader have; with ONLY (an event's
   * uuid), that one event alone — a feed's client fetches each event, and each fetch must not read,
   * parse and record every other.
   */
  async function feedOf(request: FastifyRequest, only?: string): Promise<MispEvent[]> {
    const who = principal(request);
    const account = await db.selectFrom('users').select(['organisation_id', 'role']).where('id', '=', who.userId).executeTakeFirst();
    const peer =
      account?.organisation_id && !TEAM_ROLES.has(account.role as never) ? await peerTeamReadBy(db, account.organisation_id) : undefined;
    if (!peer) throw new VaktError('forbidden', 'the MISP feed is read with an account of a peer team’s reading organisation');
    let incidents: string[] | undefined;
    if (only) {
      const { teamUuid } = await mispTeam(db);
      const shared = await db.selectFrom('peer_shares').select('incident_id').where('peer_team_id', '=', peer).limit(100_000).execute();
      incidents = shared.map((r) => r.incident_id).filter((id) => mispEventUuid(teamUuid, id) === only);
      if (incidents.length === 0) return [];
    }
    let query = db
      .selectFrom('peer_shares')
      .select(['incident_id', 'misp_event'])
      .where('peer_team_id', '=', peer)
      .where('misp_event', 'is not', null);
    if (incidents) query = query.where('incident_id', 'in', incidents);
    const rows = await query.orderBy('incident_id').limit(100_000).execute();
    const events = rows.map((r) => JSON.parse(r.misp_event!) as MispEvent);
    const decisions = await egress(db, {
      channel: 'misp-feed',
      recipient: { kind: 'user', userId: who.userId },
      items: events.map((e) => ({ kind: 'misp-event', id: e.Event.uuid, tlp: eventTlp(e) })),
      actor: actorOf(who),
    });
    return events.filter((_, i) => decisions[i]!.allowed);
  }

  const feed = { preHandler: requirePermission('incidents:read') };
  app.get(
    '/misp-feed/manifest.json',
    {
      ...feed,
      schema: { tags: ['sharing'], summary: 'The MISP feed’s manifest: each event the reader’s peer team is sent, with its timestamp' },
    },
    async (request) => {
      const manifest: Record<string, unknown> = {};
      for (const { Event: e } of await feedOf(request))
        manifest[e.uuid] = {
          info: e.info,
          date: e.date,
          analysis: e.analysis,
          threat_level_id: e.threat_level_id,
          timestamp: e.timestamp,
          Orgc: e.Orgc,
          Tag: e.Tag,
        };
      return manifest;
    },
  );

  app.get(
    '/misp-feed/hashes.csv',
    {
      ...feed,
      schema: { tags: ['sharing'], summary: 'The MISP feed’s hashes: the MD5 of each attribute value and its event’s uuid, one per line' },
    },
    async (request, reply) => {
      const lines = (await feedOf(request)).flatMap(({ Event: e }) =>
        [...e.Attribute, ...(e.Object ?? []).filter((o) => !o.deleted).flatMap((o) => o.Attribute)]
          .filter((a) => !a.deleted)
          .map((a) => `${createHash('md5').update(a.value).digest('hex')},${e.uuid}`),
      );
      return reply.type('text/csv; charset=utf-8').send(lines.map((l) => `${l}\n`).join(''));
    },
  );

  app.get(
    '/misp-feed/:file',
    {
      ...feed,
      schema: {
        tags: ['sharing'],
        summary: 'One event of the MISP feed, as last published',
        params: Type.Object({ file: Type.String({ pattern: '^[0-9a-f-]{36}\\.json$' }) }, strict),
        response: { 200: Type.Object({ Event: Type.Object({}, { additionalProperties: true }) }), 403: Problem, 404: Problem },
      },
    },
    async (request) => {
      const uuid = request.params.file.slice(0, -5);
      const [event] = await feedOf(request, uuid);
      if (!event) throw notFound('event');
      return event;
    },
  );
};

/** The event's label from its own tags: the feed only carries events Vakt made, tagged with one. */
function eventTlp(event: MispEvent): TlpLabel {
  const tags = ((event.Event.Tag ?? []) as Array<{ name: string }>).map((t) => t.name);
  return tlpOfMispTags(tags)?.tlp ?? 'RED';
}
