/** The constituency over HTTP: organisations, their import, and "who is responsible for this?". */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { KeyCursorSchema } from '../core/cursor.js';
import { Nullable, strict, StringEnum } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { versionFrom } from '../http/if-match.js';
import { affectedOrganisations, setAffectedOrganisations } from './affected.js';
import { importConstituency } from './import.js';
import { lookup } from './lookup.js';
import { createOrganisation, deleteOrganisation, getOrganisation, pageOrganisations, updateOrganisation } from './organisations.js';
import { OrganisationSchema, StoredOrganisationSchema } from './schema.js';

const Problem = Type.Ref('Problem');
const Uuid = Type.String({ format: 'uuid' });
const Any = Type.Unknown();
const Owner = { name: Type.String(), matched: Type.String() };

const LookupAnswerSchema = Type.Object({
  query: Type.String(),
  kind: Type.String(),
  normalised: Type.String(),
  decidedBy: StringEnum(['constituency', 'ripe', 'national-point-of-contact', 'none'] as const),
  reason: Type.String(),
  organisations: Type.Array(
    Type.Object({
      id: Type.String(),
      ...Owner,
      contacts: Type.Array(
        Type.Object({
          role: Type.String(),
          name: Type.String(),
          email: Type.String(),
          phone: Type.String(),
          language: Type.String(),
          pgpFingerprint: Nullable(Type.String()),
        }),
      ),
    }),
  ),
  overlaps: Type.Array(Type.Object({ organisationId: Type.String(), ...Owner })),
  ripe: Type.Optional(
    Type.Object({
      object: Type.String(),
      netname: Type.String(),
      country: Type.String(),
      fromParent: Type.Boolean(),
      contacts: Type.Array(Type.Object({ email: Type.String(), via: Type.String() })),
    }),
  ),
  nationalPointOfContact: Type.Optional(
    Type.Object({ name: Type.String(), email: Type.String(), telephone: Type.Optional(Type.String()), url: Type.Optional(Type.String()) }),
  ),
});

export const constituencyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const read = { preHandler: requirePermission('constituency:read') };
  const write = { preHandler: requirePermission('constituency:write') };

  app.get(
    '/api/organisations',
    {
      ...read,
      schema: {
        tags: ['constituency'],
        summary: 'The constituency, a page at a time, sorted by name: each organisation with its netblocks, ASNs, domains and contacts',
        querystring: Type.Object(
          {
            q: Type.Optional(
              Type.String({ minLength: 1, maxLength: 200, description: 'words in the name, short name or a domain, or a tag' }),
            ),
            parent: Type.Optional(Type.String({ format: 'uuid', description: 'only the organisations directly under this one' })),
            id: Type.Optional(Type.Array(Uuid, { maxItems: 200, description: 'only these organisations' })),
            sort: Type.Optional(StringEnum(['name', '-name'] as const)),
            after: Type.Optional(KeyCursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          strict,
        ),
        response: {
          200: Type.Object({
            organisations: Type.Array(StoredOrganisationSchema),
            next: Type.Union([Type.String(), Type.Null()], { description: 'the cursor of the next page (after=), null on the last' }),
          }),
          400: Problem,
        },
      },
    },
    async (request) => {
      const { q, parent, id, sort, after, limit } = request.query;
      return pageOrganisations(db, {
        limit: limit ?? 100,
        ...(q ? { q } : {}),
        ...(parent ? { parent } : {}),
        ...(id ? { ids: id } : {}),
        ...(sort ? { sort } : {}),
        ...(after ? { after } : {}),
      });
    },
  );

  app.post(
    '/api/organisations',
    {
      ...write,
      schema: {
        tags: ['constituency'],
        summary: 'Add an organisation (parent is an organisation id)',
        body: OrganisationSchema,
        response: { 201: StoredOrganisationSchema, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await createOrganisation(db, actorOf(principal(request)), request.body)),
  );

  app.get(
    '/api/organisations/:id',
    {
      ...read,
      schema: {
        tags: ['constituency'],
        summary: 'One organisation',
        params: Type.Object({ id: Uuid }),
        response: { 200: StoredOrganisationSchema, 404: Problem },
      },
    },
    async (request, reply) => {
      const org = await getOrganisation(db, request.params.id);
      reply.header('etag', `"${org.version}"`);
      return org;
    },
  );

  app.put(
    '/api/organisations/:id',
    {
      ...write,
      schema: {
        tags: ['constituency'],
        summary: 'Replace an organisation and what it holds; send If-Match with the version you edited',
        params: Type.Object({ id: Uuid }),
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 20 })) }),
        body: OrganisationSchema,
        response: { 200: StoredOrganisationSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const org = await updateOrganisation(
        db,
        actorOf(principal(request)),
        request.params.id,
        request.body,
        versionFrom(request.headers['if-match']),
      );
      reply.header('etag', `"${org.version}"`);
      return org;
    },
  );

  app.delete(
    '/api/organisations/:id',
    {
      ...write,
      schema: {
        tags: ['constituency'],
        summary: 'Remove an organisation with no sub-organisations, users or notifications',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await deleteOrganisation(db, actorOf(principal(request)), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/organisations/import',
    {
      ...write,
      bodyLimit: 21 * 1024 * 1024,
      schema: {
        tags: ['constituency'],
        summary:
          'Import organisations from CSV or JSON; every problem is listed (line, field, reason) and nothing is written unless skipInvalid',
        body: Type.Object(
          {
            format: StringEnum(['csv', 'json'] as const),
            content: Type.String({ maxLength: 20 * 1024 * 1024 }),
            skipInvalid: Type.Optional(Type.Boolean()),
            dryRun: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 200: Any, 400: Problem },
      },
    },
    async (request) => importConstituency(db, actorOf(principal(request)), request.body.content, request.body),
  );

  const Affected = Type.Array(Type.Object({ id: Type.String(), name: Type.String() }));
  app.get(
    '/api/incidents/:id/organisations',
    {
      ...read,
      schema: {
        tags: ['constituency'],
        summary: 'The organisations an incident affects',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) }),
        response: { 200: Affected, 404: Problem },
      },
    },
    async (request) => affectedOrganisations(db, request.params.id),
  );

  app.put(
    '/api/incidents/:id/organisations',
    {
      preHandler: [requirePermission('incidents:write'), requirePermission('constituency:read')],
      schema: {
        tags: ['constituency'],
        summary: 'Name the organisations an incident affects (replaces the list)',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) }),
        body: Type.Object({ organisationIds: Type.Array(Uuid, { maxItems: 500 }) }, { additionalProperties: false }),
        response: { 200: Affected, 400: Problem, 404: Problem },
      },
    },
    async (request) => setAffectedOrganisations(db, actorOf(principal(request)), request.params.id, request.body.organisationIds),
  );

  app.get(
    '/api/lookup',
    {
      ...read,
      schema: {
        tags: ['constituency'],
        summary:
          'Who is responsible for an IP address, CIDR prefix, domain, URL, e-mail address or AS number: the constituency, else RIPE, else the national point of contact',
        querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 2048 }) }, { additionalProperties: false }),
        response: { 200: LookupAnswerSchema, 400: Problem },
      },
    },
    async (request) => lookup(db, request.query.q),
  );
};
