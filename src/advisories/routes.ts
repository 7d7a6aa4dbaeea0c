/**
 * Advisories over the API: import a CSAF 2.0 document (the request body, kept byte for byte), list
 * them newest first, read one with its validation, and get the document back exactly as it came.
 * The team's only: none of this is for constituents.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { CursorSchema } from '../core/cursor.js';
import { TLP_LABELS } from '../core/tlp.js';
import { StringEnum, strict } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { getAdvisory, importAdvisory, pageAdvisories, vulnerabilitiesOf } from './advisories.js';
import { CSAF_MAX_BYTES } from './validate-csaf.js';

const Problem = Type.Ref('Problem');

export const FindingSchema = Type.Object({
  test: Type.String(),
  section: Type.String(),
  severity: StringEnum(['error', 'warning', 'info'] as const),
  path: Type.String(),
  message: Type.String(),
});

const Summary = {
  id: Type.String(),
  publisherNamespace: Type.String(),
  trackingId: Type.String(),
  version: Type.String(),
  title: Type.String(),
  category: Type.String(),
  status: Type.String(),
  csafTlp: Type.Union([Type.String(), Type.Null()]),
  tlp: StringEnum(TLP_LABELS),
  currentReleaseDate: Type.String(),
  sha256: Type.String(),
  valid: Type.Boolean(),
  source: Type.String(),
  importedAt: Type.String(),
};
const AdvisorySchema = Type.Object({ ...Summary, findings: Type.Array(FindingSchema) });
const Vulnerability = Type.Object({
  cve: Type.Union([Type.String(), Type.Null()]),
  title: Type.Union([Type.String(), Type.Null()]),
  cwe: Type.Union([Type.String(), Type.Null()]),
  scores: Type.Array(
    Type.Object({
      version: Type.String(),
      baseScore: Type.Number(),
      severity: Type.Union([Type.String(), Type.Null()]),
      vector: Type.String(),
    }),
  ),
  productStatus: Type.Record(Type.String(), Type.Integer()),
});

export const advisoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const read = { preHandler: requirePermission('advisories:read') };
  const write = { preHandler: requirePermission('advisories:write') };
  // The document is kept as sent, so this plugin's routes take JSON as text (its own scope only).
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: CSAF_MAX_BYTES }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/advisories',
    {
      ...write,
      bodyLimit: CSAF_MAX_BYTES,
      schema: {
        tags: ['advisories'],
        summary:
          'Import a CSAF 2.0 document (the body): validated (schema and every test of section 6) and kept whole; the same document again changes nothing',
        response: { 200: AdvisorySchema, 201: AdvisorySchema, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const text = typeof request.body === 'string' ? request.body : '';
      const outcome = await importAdvisory(db, actorOf(principal(request)), text, { source: 'upload' });
      return reply.code(outcome.created ? 201 : 200).send(outcome.advisory);
    },
  );

  app.get(
    '/api/advisories',
    {
      ...read,
      schema: {
        tags: ['advisories'],
        summary: 'Advisories, the newest release first, a page at a time',
        querystring: Type.Object(
          { before: Type.Optional(CursorSchema), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          strict,
        ),
        response: {
          200: Type.Object({ advisories: Type.Array(Type.Object(Summary)), next: Type.Union([Type.String(), Type.Null()]) }),
          400: Problem,
        },
      },
    },
    async (request) => {
      const { before, limit = 100 } = request.query;
      return pageAdvisories(db, { ...(before ? { before } : {}), limit });
    },
  );

  app.get(
    '/api/advisories/:id',
    {
      ...read,
      schema: {
        tags: ['advisories'],
        summary:
          'One advisory: what Vakt read from it, its vulnerabilities (CVE, CWE, the scores given, products per status) and its validation, finding by finding',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ ...AdvisorySchema.properties, vulnerabilities: Type.Array(Vulnerability) }), 404: Problem },
      },
    },
    async (request) => {
      const { document, ...advisory } = await getAdvisory(db, request.params.id);
      return { ...advisory, vulnerabilities: vulnerabilitiesOf(document) };
    },
  );

  app.get(
    '/api/advisories/:id/document',
    {
      ...read,
      schema: {
        tags: ['advisories'],
        summary: 'The CSAF document exactly as it was imported, byte for byte',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: { content: { 'application/json': { schema: Type.Unknown() } } }, 404: Problem },
      },
    },
    async (request, reply) => {
      const advisory = await getAdvisory(db, request.params.id);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${advisory.trackingId.replace(/[^A-Za-z0-9._-]/g, '_')}.json"`)
        .header('x-content-type-options', 'nosniff')
        .send(advisory.document);
    },
  );
};
