/** Saved views of the lists: mine and the team's shared ones, added and removed. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { StringEnum } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { deleteView, listViews, saveView, VIEW_LISTS } from './saved-views.js';

const Problem = Type.Ref('Problem');
const List = StringEnum(VIEW_LISTS);

export const viewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  // Team only: the lists saved here are the team's (reports:read is what every team role has).
  const team = { preHandler: requirePermission('reports:read') };

  app.get(
    '/api/saved-views',
    {
      ...team,
      schema: {
        tags: ['views'],
        summary: "A list's saved views: mine and those shared with the team",
        querystring: Type.Object({ list: List }, { additionalProperties: false }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              list: List,
              name: Type.String(),
              query: Type.String(),
              shared: Type.Boolean(),
              mine: Type.Boolean(),
              owner: Type.String(),
            }),
          ),
        },
      },
    },
    async (request) => listViews(db, principal(request).userId, request.query.list),
  );

  app.post(
    '/api/saved-views',
    {
      ...team,
      schema: {
        tags: ['views'],
        summary: "Keep a list's filters under a name, for me or for the team",
        body: Type.Object(
          {
            list: List,
            name: Type.String({ minLength: 1, maxLength: 100 }),
            query: Type.String({ maxLength: 2000 }),
            shared: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String() }), 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => reply.code(201).send({ id: await saveView(db, principal(request).userId, request.body) }),
  );

  app.delete(
    '/api/saved-views/:id',
    {
      ...team,
      schema: {
        tags: ['views'],
        summary: 'Remove a view of mine',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      await deleteView(db, principal(request).userId, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
