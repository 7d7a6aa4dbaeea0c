/**
 * Writing advisories over the API: the product catalogue, the team's advisories and their
 * workflow (submit, review, publish), and the document the next version would be, with its
 * validation finding by finding.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { CursorSchema, KeyPageQuery } from '../core/cursor.js';
import { TLP_LABELS } from '../core/tlp.js';
import { Nullable, StringEnum, strict } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { versionFrom } from '../http/if-match.js';
import { WORKFLOW_STATES, advanceAuthored, createAuthored, editAuthored, getAuthored, nextDocument, pageAuthored } from './authoring.js';
import { ProductInput, createProduct, pageProducts } from './catalogue.js';
import { AdvisoryContent } from './content.js';
import { publishAuthored } from './publish.js';
import { ANSWERS, AUDIENCES, recipientsOf } from './notify.js';
import { intakeSettings } from '../intake/settings.js';
import { ValidationError } from '../core/errors.js';
import { requireProfile } from '../profile/service.js';
import { publicUrlOf } from './provider-layout.js';
import { selfCheck } from './self-check.js';
import { testCsaf } from './validate-csaf.js';
import { FindingSchema } from './routes.js';

const Problem = Type.Ref('Problem');
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

const ProductSchema = Type.Object({
  id: Type.String(),
  vendor: Type.String(),
  name: Type.String(),
  version: Type.String(),
  cpe: Nullable(Type.String()),
  purl: Nullable(Type.String()),
});

const AuthoredSchema = Type.Object({
  id: Type.String(),
  trackingId: Type.String(),
  state: StringEnum(WORKFLOW_STATES),
  title: Type.String(),
  tlp: StringEnum(TLP_LABELS),
  content: AdvisoryContent,
  revision: Type.Integer(),
  publishedVersions: Type.Integer(),
  initialReleaseDate: Nullable(Type.String()),
  createdBy: Type.String(),
  editedBy: Type.String(),
  submittedBy: Nullable(Type.String()),
  reviewedBy: Nullable(Type.String()),
  reviewComment: Nullable(Type.String()),
  updatedAt: Type.String(),
});

/** The team's address: as configured, else as this request reached the server. */
export const publicUrlFor = (configured: string | undefined, request: FastifyRequest) =>
  configured ?? `${request.protocol}://${request.host}`;

export const authoringRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const read = { preHandler: requirePermission('advisories:read') };
  const write = { preHandler: requirePermission('advisories:write') };
  const actor = (request: FastifyRequest) => actorOf(principal(request));

  app.get(
    '/api/products',
    {
      ...read,
      schema: {
        tags: ['advisories'],
        summary: 'The product catalogue, in vendor, product and version order, found by words',
        querystring: Type.Object({ ...KeyPageQuery.properties, q: Type.Optional(Type.String({ maxLength: 200 })) }, strict),
        response: { 200: Type.Object({ products: Type.Array(ProductSchema), next: Nullable(Type.String()) }), 400: Problem },
      },
    },
    async (request) => {
      const { q, after, limit = 100 } = request.query;
      return pageProducts(db, { ...(q ? { q } : {}), ...(after ? { after } : {}), limit });
    },
  );

  app.post(
    '/api/products',
    {
      ...write,
      schema: {
        tags: ['advisories'],
        summary: 'Add a product version to the catalogue, with its CPE and purl',
        body: ProductInput,
        response: { 201: ProductSchema, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await createProduct(db, actor(request), request.body)),
  );

  app.get(
    '/api/authored-advisories',
    {
      ...read,
      schema: {
        tags: ['advisories'],
        summary: "The team's own advisories, the most recently changed first",
        querystring: Type.Object(
          {
            state: Type.Optional(StringEnum(WORKFLOW_STATES)),
            before: Type.Optional(CursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          strict,
        ),
        response: { 200: Type.Object({ advisories: Type.Array(AuthoredSchema), next: Nullable(Type.String()) }), 400: Problem },
      },
    },
    async (request) => {
      const { state, before, limit = 100 } = request.query;
      return pageAuthored(db, { ...(state ? { state } : {}), ...(before ? { before } : {}), limit });
    },
  );

  app.post(
    '/api/authored-advisories',
    {
      ...write,
      schema: {
        tags: ['advisories'],
        summary: 'Start an advisory: a draft, with a tracking id from the profile’s pattern',
        body: AdvisoryContent,
        response: { 201: AuthoredSchema, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const created = await createAuthored(db, actor(request), request.body);
      return reply.code(201).header('etag', `"${created.revision}"`).send(created);
    },
  );

  app.get(
    '/api/authored-advisories/:id',
    {
      ...read,
      schema: {
        tags: ['advisories'],
        summary: 'One of the team’s advisories',
        params: Id,
        response: { 200: AuthoredSchema, 404: Problem },
      },
    },
    async (request, reply) => {
      const advisory = await getAuthored(db, request.params.id);
      return reply.header('etag', `"${advisory.revision}"`).send(advisory);
    },
  );

  app.put(
    '/api/authored-advisories/:id',
    {
      ...write,
      schema: {
        tags: ['advisories'],
        summary: 'Edit a draft, or start the next version of a published advisory (If-Match: the revision you edited)',
        params: Id,
        body: AdvisoryContent,
        response: { 200: AuthoredSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const edited = await editAuthored(db, actor(request), request.params.id, request.body, versionFrom(request.headers['if-match']));
      return reply.header('etag', `"${edited.revision}"`).send(edited);
    },
  );

  app.post(
    '/api/authored-advisories/:id/submit',
    {
      ...write,
      schema: {
        tags: ['advisories'],
        summary: 'Submit a draft for review',
        params: Id,
        response: { 200: AuthoredSchema, 404: Problem, 409: Problem },
      },
    },
    async (request) => advanceAuthored(db, actor(request), request.params.id, { action: 'submit' }),
  );

  app.post(
    '/api/authored-advisories/:id/review',
    {
      ...write,
      schema: {
        tags: ['advisories'],
        summary: 'Review an advisory as a second team member: approve it, or return it to the author with a comment',
        params: Id,
        body: Type.Object(
          { decision: StringEnum(['approve', 'return'] as const), comment: Type.Optional(Type.String({ maxLength: 5000 })) },
          strict,
        ),
        response: { 200: AuthoredSchema, 400: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => {
      const { decision, comment } = request.body;
      return advanceAuthored(db, actor(request), request.params.id, { action: 'review', decision, ...(comment ? { comment } : {}) });
    },
  );

  app.get(
    '/api/authored-advisories/:id/preview',
    {
      ...read,
      schema: {
        tags: ['advisories'],
        summary: 'The CSAF document the next version would be, with every finding of the tests of CSAF 2.0 section 6',
        params: Id,
        response: {
          200: Type.Object({
            document: Type.Unknown(),
            path: Nullable(Type.String()),
            version: Type.Integer(),
            valid: Type.Boolean(),
            findings: Type.Array(FindingSchema),
          }),
          404: Problem,
        },
      },
    },
    async (request) => {
      const advisory = await getAuthored(db, request.params.id);
      const next = await nextDocument(db, advisory, publicUrlFor(app.vakt.config.publicUrl, request));
      const { valid, findings } = await testCsaf(JSON.stringify(next.document));
      return { ...next, valid, findings };
    },
  );

  const Told = Type.Object({
    organisationId: Type.String(),
    organisation: Type.String(),
    status: StringEnum(['queued', 'withheld'] as const),
    reason: Nullable(Type.String()),
    matched: Type.Array(Type.String()),
    recipients: Type.Array(Type.String()),
  });

  app.post(
    '/api/authored-advisories/:id/publish',
    {
      preHandler: requirePermission('advisories:publish'),
      // A publication with no body tells by inventory: the body's defaults apply.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['advisories'],
        summary:
          'Publish an approved advisory: its next version, validated, signed with the team key, served by the CSAF provider, and mailed to the organisations it concerns (by product inventory unless told otherwise); refused, with nothing kept, when the provider check on the provider as it would be finds a rule it would break',
        params: Id,
        body: Type.Object(
          {
            audience: Type.Optional(StringEnum(AUDIENCES)),
            tag: Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' })),
          },
          strict,
        ),
        response: {
          200: Type.Object({
            advisory: AuthoredSchema,
            documentId: Type.String(),
            version: Type.String(),
            path: Type.String(),
            sha256: Type.String(),
            told: Type.Array(Told),
            providerCheck: Type.Object({
              passed: Type.Boolean(),
              failed: Type.Array(Type.Object({ rule: Type.Integer(), title: Type.String(), messages: Type.Array(Type.String()) })),
            }),
          }),
          400: Problem,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request) => {
      const { audience = 'inventory', tag } = request.body;
      if (audience === 'tag' && !tag) throw new ValidationError([{ field: 'tag', reason: 'name the tag whose organisations are told' }]);
      const publicUrl = publicUrlFor(app.vakt.config.publicUrl, request);
      const teamUrl = publicUrlOf((await requireProfile(db)).profile, publicUrl);
      return publishAuthored(db, actor(request), request.params.id, {
        teamKey: app.vakt.teamKey,
        configuredUrl: publicUrl,
        notify: {
          audience: audience === 'tag' ? { kind: 'tag', tag: tag! } : { kind: audience },
          settings: await intakeSettings(db, app.vakt.config.mail, app.vakt.teamKey),
        },
        selfCheck: () => selfCheck(app, teamUrl),
      });
    },
  );

  app.get(
    '/api/authored-advisories/:id/recipients',
    {
      ...read,
      schema: {
        tags: ['advisories'],
        summary:
          'The organisations told of the advisory, each with its newest answer (affected, not affected, patched, need help, useful), and how many have not yet patched',
        params: Id,
        response: {
          200: Type.Object({
            organisations: Type.Array(
              Type.Object({
                ...Told.properties,
                version: Type.String(),
                mailedAt: Type.String(),
                remindedAt: Nullable(Type.String()),
                answer: Nullable(Type.Object({ verdict: StringEnum(ANSWERS), comment: Type.String(), at: Type.String() })),
              }),
            ),
            told: Type.Integer(),
            answered: Type.Integer(),
            notPatched: Type.Integer(),
          }),
          404: Problem,
        },
      },
    },
    async (request) => recipientsOf(db, (await getAuthored(db, request.params.id)).id),
  );
};
