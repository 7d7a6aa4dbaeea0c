/** What the egress gate decided, for the team's administrators: newest first, paged by id. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { StringEnum } from '../core/validate.js';
import { requirePermission } from '../http/authentication.js';
import { EGRESS_CHANNELS } from './egress.js';

const DecisionSchema = Type.Object({
  id: Type.String(),
  decidedAt: Type.String(),
  channel: Type.String(),
  itemKind: Type.String(),
  itemId: Type.String(),
  tlp: Type.String(),
  recipient: Type.String(),
  relation: Type.String(),
  allowed: Type.Boolean(),
  reason: Type.String(),
  actor: Type.String(),
});

export const egressRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;

  app.get(
    '/api/egress-decisions',
    {
      preHandler: requirePermission('audit:read'),
      schema: {
        tags: ['audit'],
        summary: 'What left the team, or was refused, to whom and through which channel; newest first, ?before=<id> for the next page',
        querystring: Type.Object(
          {
            refused: Type.Optional(Type.Boolean()),
            channel: Type.Optional(StringEnum(EGRESS_CHANNELS)),
            before: Type.Optional(Type.String({ pattern: '^\\d{1,18}$' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ decisions: Type.Array(DecisionSchema), next: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => {
      const { refused, channel, before, limit = 100 } = request.query;
      let query = db
        .selectFrom('egress_decisions')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (refused !== undefined) query = query.where('allowed', '=', !refused);
      if (channel) query = query.where('channel', '=', channel);
      if (before) query = query.where('id', '<', before as never);
      const rows = await query.execute();
      const page = rows.slice(0, limit);
      return {
        decisions: page.map((r) => ({
          id: String(r.id),
          decidedAt: new Date(r.decided_at).toISOString(),
          channel: r.channel,
          itemKind: r.item_kind,
          itemId: r.item_id,
          tlp: r.tlp,
          recipient: r.recipient,
          relation: r.relation,
          allowed: r.allowed,
          reason: r.reason,
          actor: r.actor,
        })),
        next: rows.length > limit ? String(page.at(-1)!.id) : null,
      };
    },
  );
};
