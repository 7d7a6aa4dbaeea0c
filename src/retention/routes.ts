/**
 * The retention policy over HTTP, for administrators: what the next purge would do (a dry run),
 * and a purge now. Only counts and periods cross here, no record content; the data-subject
 * export stays on the command line, where the administrator handles what it finds.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { principal, requirePermission } from '../http/authentication.js';
import { getProfile } from '../profile/service.js';
import { Nullable, StringEnum } from '../core/validate.js';
import { RETENTION_KINDS, RetentionSchema } from './policy.js';
import { purge } from './purge.js';

const OutcomeSchema = Type.Object({
  dryRun: Type.Boolean(),
  at: Type.String(),
  kinds: Type.Array(
    Type.Object({
      kind: StringEnum(RETENTION_KINDS),
      effect: Type.String(),
      cutoff: Nullable(Type.String()),
      due: Type.Integer(),
      done: Type.Integer(),
      kept: Nullable(Type.Object({ count: Type.Integer(), reason: Type.String() })),
    }),
  ),
});

export const retentionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const policyOf = async () => (await getProfile(db))?.profile.retention ?? {};

  app.get(
    '/api/retention',
    {
      preHandler: requirePermission('retention:manage'),
      schema: {
        tags: ['retention'],
        summary: 'The retention policy (from the team profile) and what a purge would do now: a dry run',
        response: { 200: Type.Object({ policy: RetentionSchema, plan: OutcomeSchema }) },
      },
    },
    async (request) => {
      const policy = await policyOf();
      return { policy, plan: await purge(db, policy, { actor: actorOf(principal(request)), dryRun: true }) };
    },
  );

  app.post(
    '/api/retention/purge',
    {
      preHandler: requirePermission('retention:manage'),
      schema: {
        tags: ['retention'],
        summary: 'Remove or pseudonymise now what the policy says is due (the worker does it every night too)',
        response: { 200: OutcomeSchema },
      },
    },
    async (request) => purge(db, await policyOf(), { actor: actorOf(principal(request)) }),
  );
};
