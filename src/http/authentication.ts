/**
 * Who is calling: a session cookie or an API token (Authorization: Bearer vakt_…). Every route
 * needs one unless its own declaration says `config: { public: true }`; state-changing requests
 * made with a cookie must carry the session's CSRF token in X-CSRF-Token (SameSite=Lax is the
 * second line of defence). The decision is taken from the route the router matched, never from
 * the request's URL: `/%61pi/…` and `/api/…` reach the same route and meet the same check.
 */
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { lookupApiToken } from '../auth/api-tokens.js';
import { can, type Permission } from '../auth/roles.js';
import { safeEqual } from '../auth/secrets.js';
import { lookupSession } from '../auth/sessions.js';
import { principalOf } from '../auth/users.js';
import { VaktError } from '../core/errors.js';
import type { App } from './context.js';

export const SESSION_COOKIE = 'vakt_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthentication(app: App): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionToken', null);

  // Every authenticated route appears in the OpenAPI document, so the route-wide tests that read
  // it (variants of each path, hostile input, the leak matrix) reach all of them.
  const routes: RouteOptions[] = [];
  app.addHook('onRoute', (route) => void routes.push(route));
  app.addHook('onReady', async () => {
    const hidden = routes.find(
      (r) => (r.schema as { hide?: boolean } | undefined)?.hide === true && !(r.config as { public?: boolean } | undefined)?.public,
    );
    if (hidden) throw new Error(`${String(hidden.method)} ${hidden.url}: a route hidden from the API document must be public`);
  });

  // onRequest runs after the router matched the request, before its body is read: a stranger's
  // request is refused before any parsing or validation.
  app.addHook('onRequest', async (request: FastifyRequest) => {
    await identify(app, request);
    // A request no route matched reaches only the not-found handler, which reveals nothing.
    if (request.is404 || request.routeOptions.config.public) return;
    if (!request.principal) throw new VaktError('unauthenticated', 'log in or send an API token');
    if (request.csrfToken && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, request.csrfToken)) {
        throw new VaktError('csrf', 'send the X-CSRF-Token header you got at login');
      }
    }
  });
}

async function identify(app: App, request: FastifyRequest): Promise<void> {
  const { db } = app.vakt.database;
  const header = request.headers.authorization;
  // HTTP Basic carries an API token as its password (TAXII clients speak Basic; the user name is not read).
  const basic = header?.startsWith('Basic ')
    ? /:(.*)$/s.exec(Buffer.from(header.slice(6).trim(), 'base64').toString('utf8'))?.[1]
    : undefined;
  if (header?.startsWith('Bearer ') || basic !== undefined) {
    const found = await lookupApiToken(db, basic ?? header!.slice(7).trim());
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
}

/**
 * Registers a plugin's routes as public: for third-party plugins that serve only public files
 * (the browsable API docs, the web UI's static assets) and cannot declare it themselves.
 */
export async function registerPublic(app: App, register: (scope: App) => Promise<void>): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...(route.config ?? {}), public: true } as typeof route.config;
    });
    await register(scope as unknown as App);
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
