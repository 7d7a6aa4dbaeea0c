/** The peers' TAXII collections the team pulls from, over the API: follow one, list them, pull one now. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { Nullable, strict } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { followCollection, pullCollection } from './taxii-client.js';

const Problem = Type.Ref('Problem');
const Source = Type.Object({
  id: Type.String(),
  collectionUrl: Type.String(),
  peerTeamId: Nullable(Type.String()),
  readUpTo: Nullable(Type.String()),
  lastRunAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
});

export const taxiiSourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;

  app.get(
    '/api/taxii-sources',
    {
      preHandler: requirePermission('directory:read'),
      schema: {
        tags: ['sharing'],
        summary: "The peers' TAXII collections the team pulls from (a few dozen at most: answered whole; tokens are never shown)",
        response: { 200: Type.Object({ sources: Type.Array(Source) }) },
      },
    },
    async () => {
      const rows = await db.selectFrom('taxii_sources').selectAll().orderBy('collection_url').limit(1000).execute();
      return {
        sources: rows.map((r) => ({
          id: r.id,
          collectionUrl: r.collection_url,
          peerTeamId: r.peer_team_id,
          readUpTo: r.read_up_to,
          lastRunAt: r.last_run_at ? new Date(r.last_run_at).toISOString() : null,
          lastError: r.last_error,
        })),
      };
    },
  );

  app.post(
    '/api/taxii-sources',
    {
      preHandler: requirePermission('sharing:manage'),
      schema: {
        tags: ['sharing'],
        summary:
          "Pull a peer's TAXII collection (its URL, …/collections/<id>/, and the API token the peer gave the team); the hourly job reads it",
        body: Type.Object(
          {
            url: Type.String({ format: 'uri', maxLength: 2000 }),
            token: Type.String({ minLength: 8, maxLength: 500 }),
            peerTeamId: Type.Optional(Type.String({ format: 'uuid' })),
          },
          strict,
        ),
        response: {
          200: Type.Object({ id: Type.String(), created: Type.Boolean() }),
          201: Type.Object({ id: Type.String(), created: Type.Boolean() }),
          400: Problem,
        },
      },
    },
    async (request, reply) => {
      const made = await followCollection(db, actorOf(principal(request)), request.body);
      return reply.code(made.created ? 201 : 200).send(made);
    },
  );

  app.post(
    '/api/taxii-sources/:id/pull',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['sharing'],
        summary: 'Pull a source now: what the peer added since the last pull, page after page, through the STIX import',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.Object({
            source: Type.String(),
            pages: Type.Integer(),
            stored: Type.Integer(),
            unchanged: Type.Integer(),
            refused: Type.Integer(),
          }),
          404: Problem,
        },
      },
    },
    async (request) => pullCollection(db, request.params.id, { allowPrivate: app.vakt.config.feedPrivateUrls }),
  );
};
