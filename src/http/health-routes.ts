import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { sendProblem } from './problem.js';

export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['health'], summary: 'Liveness', response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['health'],
        summary: 'Readiness: the database answers',
        response: { 200: Type.Object({ status: Type.Literal('ready'), database: Type.String() }) },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(app.vakt.database.db);
        return { status: 'ready' as const, database: app.vakt.database.engine };
      } catch (error) {
        request.log.error({ err: error }, 'database not reachable');
        return sendProblem(request, reply, 'internal', 'the database does not answer', [], 503);
      }
    },
  );
};
