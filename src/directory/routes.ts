/**
 * The CSIRT directory over HTTP: peer teams, RFC 2350 import (read first, write on confirmation),
 * the coverage matrix, snapshots and the gap-analysis questions.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { VaktError } from '../core/errors.js';
import { KeyCursorSchema } from '../core/cursor.js';
import { Nullable, StringEnum, strict } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { versionFrom } from '../http/if-match.js';
import { requireProfile } from '../profile/service.js';
import { matrixCsv, matrixHtml, sectorTotals, type Matrix } from './coverage.js';
import { ComparisonSchema, MatrixAnswerSchema, SnapshotSchema, SnapshotSummarySchema } from './coverage-schemas.js';
import { directoryFile, exportDirectory } from './exchange.js';
import { ownDirectoryRecord } from './own-record.js';
import { accreditedInSector, nationalPointOfContact, sectorsWithoutTeam } from './questions.js';
import { checkCountryOverride } from './rfc2350-import.js';
import { readCheckedRfc2350 } from './rfc2350-signature.js';
import { MAX_PDF_BYTES, pdfText } from './pdf-text.js';
import {
  DirectoryFileSchema,
  MEMBERSHIP_BODIES,
  PeerTeamSchema,
  SECTORS,
  StoredTeamSchema,
  TEAM_TYPES,
  COVERAGE_LEVELS,
  type PeerTeam,
} from './schema.js';
import { compareSnapshots, getSnapshot, listSnapshots, liveMatrix, parseCountries, takeSnapshot } from './snapshots.js';
import { MAX_DOCUMENT_BYTES } from './text.js';
import { createTeam, deleteTeam, getTeam, importTeams, pageTeams, updateTeam, validateTeam } from './teams.js';

const Problem = Type.Ref('Problem');
const Uuid = Type.String({ format: 'uuid' });
const Format = Type.Optional(StringEnum(['json', 'csv', 'html'] as const));
const Any = Type.Unknown();
const Issue = Type.Object({ field: Type.String(), reason: Type.String() });

/** What an RFC 2350 document was read as: the record, field by field whence, and its signature. */
const ReadingSchema = Type.Object({
  team: Type.Optional(PeerTeamSchema),
  understood: Type.Array(
    Type.Object({ field: Type.String(), value: Any, from: Type.String(), how: StringEnum(['stated', 'inferred'] as const) }),
  ),
  notUnderstood: Type.Array(Issue),
  otherSections: Type.Array(Type.Object({ number: Type.String(), title: Type.String() })),
  warnings: Type.Array(Type.String()),
  errors: Type.Array(Issue),
  signature: Type.Object({
    status: StringEnum(['valid', 'invalid', 'unknown-key', 'unreadable', 'not-signed'] as const),
    signer: Nullable(Type.String()),
    namedInDocument: Type.Boolean(),
    detail: Type.String(),
  }),
});
const ImportOutcomeSchema = Type.Object({
  name: Type.String(),
  country: Type.String(),
  action: StringEnum(['created', 'updated', 'unchanged'] as const),
  id: Type.Optional(Type.String()),
  changes: Type.Array(Type.Object({ field: Type.String(), before: Any, after: Any })),
});

function sendMatrix(reply: FastifyReply, matrix: Matrix, format: string | undefined, title: string) {
  const file = title.replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase();
  if (format === 'csv')
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file}.csv"`)
      .send(matrixCsv(matrix));
  if (format === 'html')
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .send(matrixHtml(matrix, title));
  return reply.send({ matrix, totals: sectorTotals(matrix) });
}

/** The longest PDF the import takes, as base64 in a JSON body. */
const MAX_PDF_BASE64 = Math.ceil(MAX_PDF_BYTES / 3) * 4;
export const directoryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const read = { preHandler: requirePermission('directory:read') };
  const write = { preHandler: requirePermission('directory:write') };

  app.get(
    '/api/directory/teams',
    {
      ...read,
      schema: {
        tags: ['directory'],
        summary: 'Peer teams, searched by name, country, type, sector served, FIRST service and membership',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 200 })),
            country: Type.Optional(Type.String({ pattern: '^(?:[A-Za-z]{2}|INT|int|international)$' })),
            type: Type.Optional(StringEnum(TEAM_TYPES)),
            sector: Type.Optional(StringEnum(SECTORS)),
            coverage: Type.Optional(StringEnum(COVERAGE_LEVELS)),
            service: Type.Optional(Type.String({ maxLength: 200 })),
            membership: Type.Optional(StringEnum(MEMBERSHIP_BODIES)),
            status: Type.Optional(Type.String({ maxLength: 100 })),
            after: Type.Optional(KeyCursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
          },
          strict,
        ),
        response: {
          200: Type.Object({
            teams: Type.Array(StoredTeamSchema),
            next: Type.Union([Type.String(), Type.Null()], { description: 'the cursor of the next page (after=), null on the last' }),
          }),
          400: Problem,
        },
      },
    },
    async (request) => pageTeams(db, { ...request.query, limit: request.query.limit ?? 100 }),
  );

  app.post(
    '/api/directory/teams',
    {
      ...write,
      schema: {
        tags: ['directory'],
        summary: 'Add a peer team',
        body: PeerTeamSchema,
        response: { 201: StoredTeamSchema, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await createTeam(db, actorOf(principal(request)), request.body)),
  );

  app.get(
    '/api/directory/teams/:id',
    {
      ...read,
      schema: {
        tags: ['directory'],
        summary: 'One peer team',
        params: Type.Object({ id: Uuid }),
        response: { 200: StoredTeamSchema, 404: Problem },
      },
    },
    async (request, reply) => {
      const team = await getTeam(db, request.params.id);
      reply.header('etag', `"${team.version}"`);
      return team;
    },
  );

  app.put(
    '/api/directory/teams/:id',
    {
      ...write,
      schema: {
        tags: ['directory'],
        summary: 'Replace a peer team (our trust level and last-verified date included); send If-Match with the version you edited',
        params: Type.Object({ id: Uuid }),
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 20 })) }),
        body: PeerTeamSchema,
        response: { 200: StoredTeamSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const team = await updateTeam(
        db,
        actorOf(principal(request)),
        request.params.id,
        request.body,
        versionFrom(request.headers['if-match']),
      );
      reply.header('etag', `"${team.version}"`);
      return team;
    },
  );

  app.delete(
    '/api/directory/teams/:id',
    {
      ...write,
      schema: {
        tags: ['directory'],
        summary: 'Remove a peer team',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      await deleteTeam(db, actorOf(principal(request)), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/directory/import',
    {
      ...write,
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['directory'],
        summary:
          'Import a directory file (vakt-directory JSON): known teams are updated, with the differences listed; ?dryRun=true writes nothing',
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }, strict),
        body: DirectoryFileSchema,
        response: { 200: Type.Object({ outcomes: Type.Array(ImportOutcomeSchema) }), 400: Problem },
      },
    },
    async (request) => {
      const teams = request.body.teams.map((team, i) => validateTeam(team, `teams[${i}]`));
      return { outcomes: await importTeams(db, actorOf(principal(request)), teams, { dryRun: request.query.dryRun === true }) };
    },
  );

  app.get(
    '/api/directory/export',
    {
      ...read,
      schema: {
        tags: ['directory'],
        summary: 'The whole directory as a vakt-directory file (without our trust levels)',
        response: { 200: DirectoryFileSchema },
      },
    },
    async () => exportDirectory(db),
  );

  app.get(
    '/api/directory/own-record',
    {
      preHandler: requirePermission('profile:read'),
      schema: {
        tags: ['directory'],
        summary: 'Our own team profile as a directory file, for peers to import',
        response: { 200: DirectoryFileSchema, 404: Problem },
      },
    },
    async () => directoryFile([ownDirectoryRecord((await requireProfile(db)).profile, app.vakt.config.publicUrl)]),
  );

  app.post(
    '/api/directory/rfc2350',
    {
      ...write,
      bodyLimit: MAX_PDF_BASE64 + 64 * 1024,
      schema: {
        tags: ['directory'],
        summary:
          'Read an RFC 2350 document (its text, or a PDF in base64) into a team record; shows what was understood and whether its PGP signature verifies. With confirm=true, writes it (a known team is updated; a document whose signature fails is not)',
        body: Type.Object(
          {
            text: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_DOCUMENT_BYTES })),
            pdf: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_PDF_BASE64, description: 'the PDF, base64' })),
            url: Type.Optional(Type.String({ format: 'uri', maxLength: 2000 })),
            signature: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 64 * 1024,
                description:
                  'a detached PGP signature of the document as given (the PDF bytes, or the text in UTF-8): an armoured .asc as text, or a file in base64',
              }),
            ),
            country: Type.Optional(Type.String({ pattern: '^(?:[A-Za-z]{2}|INT|int|international)$' })),
            type: Type.Optional(StringEnum(TEAM_TYPES)),
            shortName: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            allowPartial: Type.Optional(Type.Boolean()),
            confirm: Type.Optional(Type.Boolean()),
          },
          strict,
        ),
        response: { 200: Type.Object({ reading: ReadingSchema, outcome: Type.Optional(ImportOutcomeSchema) }), 400: Problem },
      },
    },
    async (request) => {
      const { text, pdf, url, signature, country, type, shortName, allowPartial, confirm } = request.body;
      if ((text === undefined) === (pdf === undefined))
        throw new VaktError('validation', 'give the document as text or as pdf, one of them', [
          { field: 'text', reason: 'give text or pdf' },
        ]);
      const overrides = {
        ...(country ? { country: checkCountryOverride(country) as string } : {}),
        ...(type ? { type } : {}),
        ...(shortName ? { shortName } : {}),
      };
      const bytes = pdf === undefined ? Buffer.from(text!, 'utf8') : Buffer.from(pdf, 'base64');
      const document = pdf === undefined ? text! : await pdfText(bytes, 'pdf');
      const reading = await readCheckedRfc2350(
        db,
        document,
        { ...(url ? { url } : {}), overrides, ...(allowPartial ? { allowPartial } : {}) },
        signature ? { signed: bytes, signature: Buffer.from(signature, signature.includes('-----BEGIN') ? 'utf8' : 'base64') } : undefined,
      );
      if (!confirm) return { reading };
      if (!reading.team)
        throw new VaktError(
          'validation',
          `the document cannot be imported: ${reading.errors[0]?.reason ?? 'no team record'}`,
          reading.errors,
        );
      const [outcome] = await importTeams(db, actorOf(principal(request)), [reading.team as PeerTeam]);
      return { reading, outcome };
    },
  );

  app.get(
    '/api/directory/matrix',
    {
      ...read,
      schema: {
        tags: ['directory'],
        summary: 'The coverage matrix (countries × sectors) of the directory now, or of a snapshot; JSON, CSV or HTML',
        querystring: Type.Object(
          { countries: Type.Optional(Type.String({ maxLength: 2000 })), snapshot: Type.Optional(Uuid), format: Format },
          strict,
        ),
        response: {
          200: {
            description: 'The matrix and per-sector totals as JSON, or the matrix as CSV or HTML (format=)',
            content: {
              'application/json': { schema: MatrixAnswerSchema },
              'text/csv': { schema: Type.String() },
              'text/html': { schema: Type.String() },
            },
          },
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const { countries, snapshot, format } = request.query;
      if (snapshot) {
        const frozen = await getSnapshot(db, snapshot);
        return sendMatrix(reply, frozen.matrix, format, `${frozen.name} (${frozen.takenAt})`);
      }
      return sendMatrix(reply, await liveMatrix(db, parseCountries(countries)), format, 'CSIRT coverage');
    },
  );

  app.get(
    '/api/directory/snapshots',
    {
      ...read,
      schema: {
        tags: ['directory'],
        summary: 'Frozen coverage matrices, oldest first (the 2005 Appendix A ships with Vakt)',
        response: { 200: Type.Object({ snapshots: Type.Array(SnapshotSummarySchema) }) },
      },
    },
    async () => ({ snapshots: await listSnapshots(db) }),
  );

  app.post(
    '/api/directory/snapshots',
    {
      ...write,
      schema: {
        tags: ['directory'],
        summary: 'Freeze the coverage matrix as it is today',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            countries: Type.Optional(Type.Array(Type.String({ maxLength: 2 }), { maxItems: 300 })),
          },
          strict,
        ),
        response: { 201: SnapshotSchema, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const { name, description, countries } = request.body;
      const snapshot = await takeSnapshot(db, actorOf(principal(request)), {
        name,
        ...(description ? { description } : {}),
        ...(countries ? { countries } : {}),
      });
      return reply.code(201).send(snapshot);
    },
  );

  app.get(
    '/api/directory/snapshots/compare',
    {
      ...read,
      schema: {
        tags: ['directory'],
        summary: 'What changed between two snapshots ("live" for the directory now): cells, countries, teams',
        querystring: Type.Object({ from: Type.String({ maxLength: 40 }), to: Type.String({ maxLength: 40 }) }, strict),
        response: { 200: ComparisonSchema, 404: Problem },
      },
    },
    async (request) => compareSnapshots(db, request.query.from, request.query.to),
  );

  app.get(
    '/api/directory/snapshots/:id',
    {
      ...read,
      schema: {
        tags: ['directory'],
        summary: 'One snapshot and its matrix',
        params: Type.Object({ id: Uuid }),
        response: { 200: SnapshotSchema, 404: Problem },
      },
    },
    async (request) => getSnapshot(db, request.params.id),
  );

  const AnswerSchema = Type.Object({ question: Type.String(), answer: Type.String(), teams: Any, sectors: Type.Optional(Any) });
  app.get(
    '/api/directory/questions/national-poc',
    {
      ...read,
      schema: {
        tags: ['directory'],
        summary: 'Is there a national point of contact for this country?',
        querystring: Type.Object({ country: Type.String({ pattern: '^[A-Za-z]{2}$' }) }, strict),
        response: { 200: AnswerSchema, 400: Problem },
      },
    },
    async (request) => nationalPointOfContact(db, request.query.country),
  );
  app.get(
    '/api/directory/questions/gaps',
    {
      ...read,
      schema: {
        tags: ['directory'],
        summary: 'Which sectors of this country have no known team?',
        querystring: Type.Object({ country: Type.String({ pattern: '^[A-Za-z]{2}$' }) }, strict),
        response: { 200: AnswerSchema, 400: Problem },
      },
    },
    async (request) => sectorsWithoutTeam(db, request.query.country),
  );
  app.get(
    '/api/directory/questions/accredited',
    {
      ...read,
      schema: {
        tags: ['directory'],
        summary: 'Which teams serving this sector are Trusted Introducer accredited or certified?',
        querystring: Type.Object({ sector: StringEnum(SECTORS) }, strict),
        response: { 200: AnswerSchema },
      },
    },
    async (request) => accreditedInSector(db, request.query.sector),
  );
};
