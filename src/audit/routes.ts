import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import type { Schema } from '../db/schema.js';
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

/** "Name <address>" for each `user:<id>` among ACTORS. */
async function userNames(db: Kysely<Schema>, actors: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(actors.filter((a) => /^user:[0-9a-f-]{36}$/.test(a)).map((a) => a.slice(5)))];
  if (ids.length === 0) return new Map();
  const users = await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
  return new Map(users.map((u) => [`user:${u.id}`, `${u.name} <${u.email}>`]));
}

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
      const names = await userNames(
        db,
        rows.map((r) => r.actor),
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
