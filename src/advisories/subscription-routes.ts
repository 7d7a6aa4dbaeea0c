/**
 * Vendors' advisories over the API: the CSAF providers the team follows, a run of one, and the
 * draft notices their advisories made for the organisations they concern, to send or dismiss.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { CursorSchema } from '../core/cursor.js';
import { Nullable, StringEnum, strict } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { intakeSettings } from '../intake/settings.js';
import { publicUrlFor } from './authoring-routes.js';
import { decideNotice, pageNotices, runSubscription, subscribe } from './subscriptions.js';

const Problem = Type.Ref('Problem');
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

const Kind = StringEnum(['provider', 'aggregator']);
const Subscription = Type.Object({
  id: Type.String(),
  metadataUrl: Type.String(),
  publisher: Type.String(),
  kind: Kind,
  /** The aggregator subscription that listed this provider. */
  via: Nullable(Type.String()),
  readUpTo: Nullable(Type.String()),
  lastRunAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
});

export const subscriptionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const read = { preHandler: requirePermission('advisories:read') };
  const write = { preHandler: requirePermission('advisories:write') };
  const iso = (value: Date | string | null) => (value ? new Date(value).toISOString() : null);

  app.get(
    '/api/csaf-subscriptions',
    {
      ...read,
      schema: {
        tags: ['advisories'],
        summary: 'The CSAF providers the team follows (a few dozen at most: answered whole, in address order)',
        response: { 200: Type.Object({ subscriptions: Type.Array(Subscription) }) },
      },
    },
    async () => {
      const rows = await db.selectFrom('csaf_subscriptions').selectAll().orderBy('metadata_url').limit(1000).execute();
      return {
        subscriptions: rows.map((r) => ({
          id: r.id,
          metadataUrl: r.metadata_url,
          publisher: r.publisher,
          kind: r.kind,
          via: r.via,
          readUpTo: iso(r.read_up_to),
          lastRunAt: iso(r.last_run_at),
          lastError: r.last_error,
        })),
      };
    },
  );

  app.post(
    '/api/csaf-subscriptions',
    {
      ...write,
      schema: {
        tags: ['advisories'],
        summary:
          'Follow a CSAF provider (the URL of its provider-metadata.json) or an aggregator or lister (its aggregator.json, whose providers are then followed too), checked against its schema; the hourly job reads it',
        body: Type.Object({ url: Type.String({ format: 'uri', maxLength: 2000 }) }, strict),
        response: {
          201: Type.Object({ id: Type.String(), publisher: Type.String(), kind: Kind, created: Type.Boolean() }),
          200: Type.Object({ id: Type.String(), publisher: Type.String(), kind: Kind, created: Type.Boolean() }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const made = await subscribe(db, actorOf(principal(request)), request.body.url, app.vakt.config.feedPrivateUrls);
      return reply.code(made.created ? 201 : 200).send(made);
    },
  );

  app.post(
    '/api/csaf-subscriptions/:id/run',
    {
      ...write,
      schema: {
        tags: ['advisories'],
        summary:
          'Read a provider now: what changed since the last run, verified, validated, stored, and matched against the inventories; for an aggregator, its list again and then each provider in it',
        params: Id,
        response: {
          200: Type.Object({
            subscription: Type.String(),
            publisher: Type.String(),
            changed: Type.Integer(),
            imported: Type.Integer(),
            unchanged: Type.Integer(),
            refused: Type.Array(Type.Object({ url: Type.String(), reason: Type.String() })),
            warnings: Type.Array(Type.String()),
            notices: Type.Integer(),
            providers: Type.Optional(Type.Object({ listed: Type.Integer(), added: Type.Integer() })),
          }),
          404: Problem,
        },
      },
    },
    async (request) => runSubscription(db, request.params.id, { allowPrivate: app.vakt.config.feedPrivateUrls }),
  );

  app.get(
    '/api/relay-notices',
    {
      ...read,
      schema: {
        tags: ['advisories'],
        summary: "Notices drafted from vendors' advisories for the organisations whose inventories they match, newest first",
        querystring: Type.Object(
          {
            state: Type.Optional(StringEnum(['draft', 'sent', 'dismissed'] as const)),
            before: Type.Optional(CursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          strict,
        ),
        response: {
          200: Type.Object({
            notices: Type.Array(
              Type.Object({
                id: Type.String(),
                advisoryId: Type.String(),
                trackingId: Type.String(),
                title: Type.String(),
                tlp: Type.String(),
                organisationId: Type.String(),
                organisation: Type.String(),
                matched: Type.Array(Type.String()),
                state: Type.String(),
                createdAt: Type.String(),
              }),
            ),
            next: Nullable(Type.String()),
          }),
          400: Problem,
        },
      },
    },
    async (request) => {
      const { state = 'draft', before, limit = 100 } = request.query;
      return pageNotices(db, { state, ...(before ? { before } : {}), limit });
    },
  );

  app.post(
    '/api/relay-notices/:id/:decision',
    {
      preHandler: requirePermission('mail:send'),
      schema: {
        tags: ['advisories'],
        summary: "Send a draft notice (the vendor's document attached, at its TLP through the egress gate) or dismiss it",
        params: Type.Object({ id: Type.String({ format: 'uuid' }), decision: StringEnum(['send', 'dismiss'] as const) }),
        response: {
          200: Type.Object({ state: Type.String(), status: Nullable(Type.String()), reason: Nullable(Type.String()) }),
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request) => {
      const { id, decision } = request.params;
      const told = await decideNotice(
        db,
        actorOf(principal(request)),
        id,
        decision,
        await intakeSettings(db, app.vakt.config.mail, app.vakt.teamKey),
        publicUrlFor(app.vakt.config.publicUrl, request),
      );
      return { state: decision === 'send' ? 'sent' : 'dismissed', status: told?.status ?? null, reason: told?.reason ?? null };
    },
  );
};
