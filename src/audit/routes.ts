import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorNames } from '../auth/users.js';
import { requirePermission } from '../http/authentication.js';
import { listAudit, verifyAudit } from './audit-log.js';

const EntrySchema = Type.Object({
  seq: Type.String(),
  at: Type.String(),
  actor: Type.String(),
  /** The person behind a `user:<id>` actor, by name and address: the log is read by people. */
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  objectType: Type.String(),
  objectId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  hash: Type.String(),
});

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;

  app.get(
    '/api/audit',
    {
      preHandler: requirePermission('audit:read'),
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries, newest first',
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
            beforeSeq: Type.Optional(Type.String({ pattern: '^\\d{1,18}$' })),
            objectType: Type.Optional(Type.String({ maxLength: 50 })),
            objectId: Type.Optional(Type.String({ maxLength: 100 })),
            actor: Type.Optional(Type.String({ maxLength: 200 })),
            action: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z0-9.-]+$' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(EntrySchema) },
      },
    },
    async (request) => {
      const rows = await listAudit(db, request.query);
      const names = await actorNames(
        db,
        rows.map((r) => r.actor),
        { withEmail: true },
      );
      return rows.map((r) => ({
        seq: String(r.seq),
        at: r.at.toISOString(),
        actor: r.actor,
        actorName: names.get(r.actor) ?? null,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        before: r.before,
        after: r.after,
        hash: r.hash,
      }));
    },
  );

  app.get(
    '/api/audit/verify',
    {
      preHandler: requirePermission('audit:read'),
      schema: {
        tags: ['audit'],
        summary: 'Walk the hash chain and report the first bad entry',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            head: Type.String(),
            firstBad: Type.Optional(Type.Object({ seq: Type.String(), problem: Type.String() })),
          }),
        },
      },
    },
    async () => verifyAudit(db),
  );
};
