/** The team profile API and its public renderings: /rfc2350 and /.well-known/security.txt. */
import { providerDatabase } from '../advisories/publication-scope.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { principal, requirePermission } from '../http/authentication.js';
import { versionFrom } from '../http/if-match.js';
import { renderRfc2350Html, renderRfc2350Text } from './rfc2350.js';
import { ProfileSchema } from './schema.js';
import { renderSecurityTxt } from './security-txt.js';
import { requireProfile, saveProfile } from './service.js';

const StoredSchema = Type.Object({ profile: ProfileSchema, version: Type.Integer(), updatedAt: Type.String() });
const Problem = Type.Ref('Problem');

export const profileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;

  app.get(
    '/api/profile',
    {
      preHandler: requirePermission('profile:read'),
      schema: { tags: ['profile'], summary: 'The team profile (RFC 2350 fields)', response: { 200: StoredSchema, 404: Problem } },
    },
    async (_request, reply) => {
      const stored = await requireProfile(db);
      reply.header('etag', `"${stored.version}"`);
      return stored;
    },
  );

  app.put(
    '/api/profile',
    {
      preHandler: requirePermission('profile:write'),
      schema: {
        tags: ['profile'],
        summary: 'Replace the team profile; send If-Match with the version you edited to avoid overwriting a newer one',
        headers: Type.Object({ 'if-match': Type.Optional(Type.String({ maxLength: 20 })) }),
        body: ProfileSchema,
        response: { 200: StoredSchema, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const stored = await saveProfile(db, actorOf(principal(request)), request.body, versionFrom(request.headers['if-match']));
      reply.header('etag', `"${stored.version}"`);
      return stored;
    },
  );

  app.get(
    '/rfc2350',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'The RFC 2350 description (HTML, or text with ?format=txt or Accept: text/plain)',
        querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('txt'), Type.Literal('html')])) }),
      },
    },
    async (request, reply) => {
      const { profile } = await requireProfile(db);
      const wantsText =
        request.query.format === 'txt' || (request.query.format !== 'html' && /^text\/plain/.test(request.headers.accept ?? ''));
      return wantsText
        ? reply.type('text/plain; charset=utf-8').send(renderRfc2350Text(profile))
        : reply.type('text/html; charset=utf-8').send(renderRfc2350Html(profile));
    },
  );

  app.get(
    '/rfc2350.txt',
    { config: { public: true }, schema: { tags: ['public'], summary: 'The RFC 2350 description as text' } },
    async (_request, reply) => {
      const { profile } = await requireProfile(db);
      return reply.type('text/plain; charset=utf-8').send(renderRfc2350Text(profile));
    },
  );

  app.get(
    '/.well-known/security.txt',
    { config: { public: true }, schema: { tags: ['public'], summary: 'RFC 9116 security.txt' } },
    async (_request, reply) => {
      // Read through a publication's transaction while it checks itself: the provider's check reads security.txt too.
      const { profile } = await requireProfile(providerDatabase(db));
      return reply.type('text/plain; charset=utf-8').send(renderSecurityTxt(profile, app.vakt.config.publicUrl));
    },
  );
};
