/** The constituent portal's routes: my organisation's reports, one with its conversation, a reply. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principal, requirePermission } from '../http/authentication.js';
import { giveFeedback, organisationReport, organisationReports, replyToOwnReport } from './portal.js';

const Problem = Type.Ref('Problem');
const TicketId = Type.String({ pattern: '^\\d{1,15}$' });
const Summary = {
  id: Type.String(),
  subject: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  standing: Type.String(),
  tlp: Type.String(),
  reporterName: Type.String(),
  receivedAt: Type.String(),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
};

export const portalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;

  app.get(
    '/api/my/reports',
    {
      preHandler: requirePermission('reports:submit'),
      schema: {
        tags: ['portal'],
        summary: "My organisation's reports and where each stands, newest first",
        querystring: Type.Object(
          { before: Type.Optional(TicketId), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(Type.Object(Summary)) },
      },
    },
    async (request) =>
      organisationReports(db, principal(request), {
        ...(request.query.before ? { before: request.query.before } : {}),
        limit: request.query.limit ?? 50,
      }),
  );

  app.get(
    '/api/my/reports/:id',
    {
      preHandler: requirePermission('reports:submit'),
      schema: {
        tags: ['portal'],
        summary: "One of my organisation's reports, with the mail between its people and the team",
        params: Type.Object({ id: TicketId }),
        response: {
          200: Type.Object({
            ...Summary,
            body: Type.String(),
            feedback: Type.Union([Type.Object({ rating: Type.Integer(), comment: Type.String() }), Type.Null()]),
            messages: Type.Array(
              Type.Object({
                id: Type.String(),
                direction: Type.String(),
                subject: Type.String(),
                from: Type.String(),
                at: Type.String(),
                text: Type.String(),
                tlp: Type.String(),
                automatic: Type.Boolean(),
              }),
            ),
          }),
          404: Problem,
        },
      },
    },
    async (request) => organisationReport(db, principal(request), request.params.id),
  );

  app.post(
    '/api/my/reports/:id/replies',
    {
      preHandler: requirePermission('reports:submit'),
      schema: {
        tags: ['portal'],
        summary: 'Reply on a report: the reply joins its thread (and its incident) as mail in',
        params: Type.Object({ id: TicketId }),
        body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 50_000 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.String() }), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ id: await replyToOwnReport(db, principal(request), request.params.id, request.body.text) }),
  );

  app.put(
    '/api/my/reports/:id/feedback',
    {
      preHandler: requirePermission('reports:submit'),
      schema: {
        tags: ['portal'],
        summary: 'Say how the team handled the report (1 to 5, and words); answering again replaces it',
        params: Type.Object({ id: TicketId }),
        body: Type.Object(
          { rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 5000 })) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await giveFeedback(db, principal(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );
};
