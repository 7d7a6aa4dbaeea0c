/**
 * Sharing with peer teams over the API: each peer's sharing profile, what an incident would give a
 * peer (and why each left-out item is left out), the incident as a STIX 2.1 bundle, and bundles
 * peers send, imported.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { Nullable, StringEnum, strict } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { versionFrom } from '../http/if-match.js';
import type { EgressRecipient } from './egress.js';
import {
  createReader,
  getSharingProfile,
  listSharingProfiles,
  saveSharingProfile,
  SHARING_CHANNELS,
  SharingProfileInput,
} from './sharing-profiles.js';
import { Pseudonymisation } from './pseudonymise.js';
import { SHARED_KINDS } from './shared-items.js';
import { exportIncidentStix } from './stix-export.js';
import { exportIncidentMisp } from './misp-export.js';
import { STIX_MAX_BYTES } from './stix-import.js';
import { importShared } from './import-shared.js';
import { incidentFromShared } from './shared-to-incident.js';

const Problem = Type.Ref('Problem');
const PeerParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const IncidentParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,15}$' }) });
const ShareQuery = Type.Object(
  {
    /** The peer team (directory id) the export is for; without it, the team's own use. */
    peer: Type.Optional(Type.String({ format: 'uuid' })),
    /** The incident itself, as a report over what is shared. */
    incident: Type.Optional(Type.Boolean()),
  },
  strict,
);
const ProfileSchema = Type.Object({
  ...SharingProfileInput.properties,
  pseudonymisation: Pseudonymisation,
  channels: Type.Array(StringEnum(SHARING_CHANNELS)),
  taxiiCollectionId: Nullable(Type.String()),
  mailTo: Nullable(Type.String()),
  readerOrganisationId: Nullable(Type.String()),
  peerTeamId: Type.String(),
  version: Type.Integer(),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
});
const Item = Type.Object({ kind: StringEnum(SHARED_KINDS), id: Type.String(), what: Type.String() });

export const shareRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const recipientOf = (peer: string | undefined, userId: string): EgressRecipient =>
    peer ? { kind: 'peer-team', peerTeamId: peer } : { kind: 'user', userId };

  app.get(
    '/api/directory/teams/:id/sharing-profile',
    {
      preHandler: requirePermission('directory:read'),
      schema: {
        tags: ['sharing'],
        summary: 'What the team shares with this peer team: the highest TLP label and the kinds of item (null: nothing is shared)',
        params: PeerParams,
        response: { 200: Nullable(ProfileSchema), 404: Problem },
      },
    },
    async (request, reply) => {
      const profile = await getSharingProfile(db, request.params.id);
      if (profile) reply.header('etag', `"${profile.version}"`);
      return profile;
    },
  );

  app.get(
    '/api/sharing-profiles',
    {
      preHandler: requirePermission('directory:read'),
      schema: {
        tags: ['sharing'],
        summary: 'The peer teams the team shares with (those with a sharing profile), by name',
        response: {
          200: Type.Object({
            profiles: Type.Array(
              Type.Object({
                peerTeamId: Type.String(),
                name: Type.String(),
                maxTlp: Type.String(),
                channels: Type.Array(Type.String()),
                hasReader: Type.Boolean(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ profiles: await listSharingProfiles(db) }),
  );

  app.post(
    '/api/directory/teams/:id/sharing-profile/readers',
    {
      preHandler: [requirePermission('sharing:manage'), requirePermission('users:manage')],
      schema: {
        tags: ['sharing'],
        summary:
          'Make an account that reads for the peer (its TAXII collection and MISP feed) and its API token, shown this once; the first one also makes the reading organisation',
        params: PeerParams,
        body: Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) }, strict),
        response: {
          201: Type.Object({ userId: Type.String(), organisationId: Type.String(), token: Type.String() }),
          400: Problem,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReader(db, actorOf(principal(request)), request.params.id, request.body.email)),
  );

  app.put(
    '/api/directory/teams/:id/sharing-profile',
    {
      preHandler: requirePermission('sharing:manage'),
      schema: {
        tags: ['sharing'],
        summary: 'Set what the team shares with this peer team; send If-Match with the version you edited ("0" for a first profile)',
        params: PeerParams,
        body: SharingProfileInput,
        response: { 200: ProfileSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) =>
      saveSharingProfile(db, actorOf(principal(request)), request.params.id, request.body, versionFrom(request.headers['if-match'])),
  );

  app.post(
    '/api/shared-objects/:id/incident',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['sharing'],
        summary:
          'Open an incident from what a peer shared — an imported STIX report or grouping, or a MISP event: its name, description and TLP, and an observable for each indicator value it names',
        params: Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]+--[0-9A-Za-z-]{1,100}$' }) }),
        response: { 201: Type.Object({ id: Type.String(), observables: Type.Integer() }), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await incidentFromShared(db, actorOf(principal(request)), request.params.id)),
  );

  app.get(
    '/api/incidents/:id/share-preview',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['sharing'],
        summary:
          'What a STIX export of the incident would hold for a peer team (or the team), why each item left out is left out, and each value pseudonymisation changes, before and after',
        params: IncidentParams,
        querystring: ShareQuery,
        response: {
          200: Type.Object({
            included: Type.Array(Type.Object({ ...Item.properties, stixId: Type.String(), tlp: Type.String() })),
            left: Type.Array(Type.Object({ ...Item.properties, reason: Type.String() })),
            pseudonymised: Type.Array(
              Type.Object({ field: Type.String(), before: Type.String(), after: Type.String(), rule: Type.String() }),
            ),
          }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request) => {
      const { included, left, replacements } = await exportIncidentStix(db, request.params.id, {
        recipient: recipientOf(request.query.peer, principal(request).userId),
        actor: actorOf(principal(request)),
        withIncident: request.query.incident ?? false,
      });
      return { included, left, pseudonymised: replacements };
    },
  );

  app.get(
    '/api/incidents/:id/misp',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['sharing'],
        summary:
          'The incident as a MISP event (core format) for a peer team (?peer=) or the team: attributes with their types and tags, TLP/PAP/RSIT tags, distribution from TLP; the same uuid every time, so MISP updates it in place',
        params: IncidentParams,
        querystring: ShareQuery,
        response: { 200: Type.Object({ Event: Type.Object({}, { additionalProperties: true }) }), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { event, left } = await exportIncidentMisp(db, request.params.id, {
        recipient: recipientOf(request.query.peer, principal(request).userId),
        actor: actorOf(principal(request)),
        withIncident: request.query.incident ?? false,
      });
      return reply.header('x-vakt-left-out', String(left.length)).send(event);
    },
  );

  app.get(
    '/api/incidents/:id/stix',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['sharing'],
        summary:
          'The incident as a STIX 2.1 bundle for a peer team (?peer=) or the team: what the egress gate and the peer’s sharing profile admit, each object with its TLP 2.0 marking, validated against the official schemas',
        params: IncidentParams,
        querystring: ShareQuery,
        response: {
          200: {
            description: 'A STIX 2.1 bundle',
            content: { 'application/stix+json;version=2.1': { schema: Type.Object({}, { additionalProperties: true }) } },
          },
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const { bundle, left } = await exportIncidentStix(db, request.params.id, {
        recipient: recipientOf(request.query.peer, principal(request).userId),
        actor: actorOf(principal(request)),
        withIncident: request.query.incident ?? false,
      });
      return reply
        .type('application/stix+json;version=2.1')
        .header('x-vakt-left-out', String(left.length))
        .send(JSON.stringify(bundle, null, 2));
    },
  );
};

const Outcome = Type.Object({
  id: Type.String(),
  type: Type.String(),
  status: StringEnum(['stored', 'unchanged', 'refused'] as const),
  tlp: Nullable(Type.String()),
  became: Type.String(),
  problems: Type.Array(Type.String()),
});

/** Importing a STIX bundle: its own scope, where JSON is taken as text, so every object is kept as it was sent. */
export const stixImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  for (const type of ['application/json', 'application/stix+json'])
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: STIX_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.post(
    '/api/shared-objects',
    {
      preHandler: requirePermission('incidents:write'),
      bodyLimit: STIX_MAX_BYTES,
      schema: {
        tags: ['sharing'],
        summary:
          'Import what a peer sent (the body), recognised by its content — a STIX 2.1 bundle or a MISP event: every object (and attribute) kept whole with its TLP read from whatever marking or tag it uses, its indicator values indexed for "seen elsewhere", and a report of what became of each; all or nothing',
        querystring: Type.Object({ source: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) }, strict),
        response: {
          200: Type.Object({
            format: StringEnum(['stix', 'misp-event'] as const),
            stored: Type.Integer(),
            unchanged: Type.Integer(),
            refused: Type.Integer(),
            objects: Type.Array(Outcome),
          }),
          400: Problem,
        },
      },
    },
    async (request) => {
      const actor = actorOf(principal(request));
      const text = typeof request.body === 'string' ? request.body : '';
      // A feed's manifest is refused here (no sibling reader): its events are fetched by `vakt share import URL`.
      return importShared(db, actor, text, request.query.source ?? `upload by ${actor}`) as Promise<
        Exclude<Awaited<ReturnType<typeof importShared>>, { format: 'misp-feed' }>
      >;
    },
  );
};
