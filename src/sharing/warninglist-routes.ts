/** The warninglists over the API: read them a page at a time, add an entry, remove one. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { opaqueCursor, readOpaqueCursor } from '../core/cursor.js';
import { ValidationError } from '../core/errors.js';
import { Nullable, strict } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { WarninglistEntry, addWarninglistEntry, removeWarninglistEntry } from './warninglists.js';

const Problem = Type.Ref('Problem');

export const warninglistRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;

  app.get(
    '/api/warninglists',
    {
      preHandler: requirePermission('reports:read'),
      schema: {
        tags: ['sharing'],
        summary:
          'Known-benign indicator values (flagged, never used to link reports and incidents), by list, kind and value, a page at a time',
        querystring: Type.Object(
          {
            list: Type.Optional(Type.String({ maxLength: 60 })),
            after: Type.Optional(Type.String({ maxLength: 3000 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          strict,
        ),
        response: {
          200: Type.Object({
            entries: Type.Array(Type.Object({ ...WarninglistEntry.properties, addedBy: Type.String() })),
            next: Nullable(Type.String()),
          }),
          400: Problem,
        },
      },
    },
    async (request) => {
      const { list, after, limit = 200 } = request.query;
      let query = db
        .selectFrom('warninglist_entries')
        .selectAll()
        .orderBy('list')
        .orderBy('kind')
        .orderBy('value')
        .limit(limit + 1);
      if (list) query = query.where('list', '=', list);
      if (after) {
        const [l, k, v] = readOpaqueCursor(after, 'after');
        if (typeof l !== 'string' || typeof k !== 'string' || typeof v !== 'string')
          throw new ValidationError([{ field: 'after', reason: 'this is not a page cursor (take it from the page before)' }]);
        query = query.where((eb) => eb(eb.refTuple('list', 'kind', 'value'), '>', eb.tuple(l, k, v)));
      }
      const rows = await query.execute();
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        entries: page.map((r) => ({ list: r.list, kind: r.kind as WarninglistEntry['kind'], value: r.value, addedBy: r.added_by })),
        next: rows.length > limit && last ? opaqueCursor([last.list, last.kind, last.value]) : null,
      };
    },
  );

  app.post(
    '/api/warninglists/entries',
    {
      preHandler: requirePermission('sharing:manage'),
      schema: {
        tags: ['sharing'],
        summary: 'Add a value to a warninglist (a new list is made by its first entry)',
        body: WarninglistEntry,
        response: { 201: WarninglistEntry, 400: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await addWarninglistEntry(db, actorOf(principal(request)), request.body)),
  );

  app.delete(
    '/api/warninglists/entries',
    {
      preHandler: requirePermission('sharing:manage'),
      schema: {
        tags: ['sharing'],
        summary: 'Remove a value from a warninglist',
        body: WarninglistEntry,
        response: { 204: Type.Null(), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await removeWarninglistEntry(db, actorOf(principal(request)), request.body);
      return reply.code(204).send(null);
    },
  );
};
