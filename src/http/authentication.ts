/**
 * Who is calling: a session cookie or an API token (Authorization: Bearer vakt_…). Every /api
 * route needs one unless it is marked public; state-changing requests made with a cookie must
 * carry the session's CSRF token in X-CSRF-Token (SameSite=Lax is the second line of defence).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { lookupApiToken } from '../auth/api-tokens.js';
import { can, type Permission } from '../auth/roles.js';
import { safeEqual } from '../auth/secrets.js';
import { lookupSession } from '../auth/sessions.js';
import { principalOf } from '../auth/users.js';
import { VaktError } from '../core/errors.js';
import type { App } from './context.js';

export const SESSION_COOKIE = 'vakt_session';
/** The browsable API docs (swagger-ui's own routes) are public, like the OpenAPI document. */
const DOCS_PREFIX = '/api/docs';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthentication(app: App): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    const { db } = app.vakt.database;
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const found = await lookupApiToken(db, header.slice(7).trim());
      if (!found) throw new VaktError('unauthenticated', 'the API token is unknown, expired or revoked');
      request.principal = { ...principalOf(found.user), tokenScopes: found.scopes };
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await lookupSession(db, cookie);
    if (!session) return;
    request.principal = principalOf(session.user);
    request.csrfToken = session.csrfToken;
    request.sessionToken = cookie;
  });

  app.addHook('preHandler', async (request: FastifyRequest) => {
    if (request.is404 || request.routeOptions.config.public || !request.url.startsWith('/api/') || request.url.startsWith(DOCS_PREFIX)) return;
    if (!request.principal) throw new VaktError('unauthenticated', 'log in or send an API token');
    if (request.csrfToken && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, request.csrfToken)) {
        throw new VaktError('csrf', 'send the X-CSRF-Token header you got at login');
      }
    }
  });
}

/** A preHandler that lets only principals with the permission through. */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    if (!request.principal) throw new VaktError('unauthenticated', 'log in or send an API token');
    if (!can(request.principal, permission)) throw new VaktError('forbidden', `this needs the ${permission} permission`);
  };
}

export function principal(request: FastifyRequest) {
  if (!request.principal) throw new VaktError('unauthenticated');
  return request.principal;
}
