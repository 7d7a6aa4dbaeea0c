/** /api/auth (login, logout, session, TOTP), /api/users and /api/tokens. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { appendAudit } from '../audit/audit-log.js';
import { VaktError } from '../core/errors.js';
import { KeyCursorSchema } from '../core/cursor.js';
import { StringEnum, strict } from '../core/validate.js';
import type { UserRow } from '../db/schema.js';
import { SESSION_COOKIE, principal, requirePermission } from '../http/authentication.js';
import { languageOf, UI_LANGUAGES, type UiLanguage } from './language.js';
import { createApiToken, listApiTokens, NewTokenSchema, revokeApiToken } from './api-tokens.js';
import { actorOf, permissionsOf, ROLES, TOKEN_SCOPES, type Principal } from './roles.js';
import { checkLoginAllowed, recordLoginFailure, clearAccountFailures } from './login-throttle.js';
import { createSession, endSession } from './sessions.js';
import { newTotpSecret, totpUri } from './totp.js';
import {
  acceptTotp,
  authenticate,
  changeUser,
  createUser,
  disableUser,
  pageUsers,
  logoutEverywhere,
  NewUserSchema,
  principalOf,
  publicUser,
  resetPassword,
  resetTotp,
  unlockUser,
  UserChangeSchema,
} from './users.js';

const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: StringEnum(ROLES),
  organisationId: Type.Union([Type.String(), Type.Null()]),
  totpEnabled: Type.Boolean(),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
});
const SessionSchema = Type.Object({
  user: UserSchema,
  csrfToken: Type.String(),
  permissions: Type.Array(Type.String()),
  /** Whether outgoing mail is handed to an SMTP server, or (none configured) waits in the queue. */
  mailDelivery: StringEnum(['smtp', 'none'] as const),
  /** The interface's language: the user's choice (languageChoice), else the team's. */
  language: StringEnum(UI_LANGUAGES),
  languageChoice: Type.Union([StringEnum(UI_LANGUAGES), Type.Null()]),
});
const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  scopes: Type.Array(StringEnum(TOKEN_SCOPES)),
  createdAt: Type.String(),
  expiresAt: Type.Union([Type.String(), Type.Null()]),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revoked: Type.Boolean(),
});
const Problem = Type.Ref('Problem');
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const mailDelivery = () => (app.vakt.config.mail.smtpUrl ? 'smtp' : 'none') as 'smtp' | 'none';
  /** What a login and "who am I" answer: the user, their rights, and how the interface speaks to them. */
  const sessionAnswer = async (user: UserRow, csrfToken: string) => ({
    user: publicUser(user),
    csrfToken,
    permissions: permissionsOf(principalOf(user)),
    mailDelivery: mailDelivery(),
    language: await languageOf(db, user.language),
    languageChoice: (user.language as UiLanguage | null) ?? null,
  });

  app.post(
    '/api/auth/login',
    {
      config: {
        public: true,
        // Per address and account: guessing one account's password is slowed without letting
        // a stranger lock out everyone behind a shared NAT.
        rateLimit: {
          max: app.vakt.config.loginRateLimit,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (request) =>
            `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '')
              .toLowerCase()
              .slice(0, 254)}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Log in; sets the session cookie and returns the CSRF token',
        body: Type.Object(
          {
            email: Type.String({ maxLength: 254 }),
            password: Type.String({ maxLength: 1024 }),
            totp: Type.Optional(Type.String({ maxLength: 10 })),
          },
          strict,
        ),
        response: { 200: SessionSchema, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      await checkLoginAllowed(db, email, request.ip);
      const user = await authenticate(db, request.body).catch(async (error: unknown) => {
        if (error instanceof VaktError && error.code === 'unauthenticated') await recordLoginFailure(db, email, request.ip);
        request.log.warn({ email: email.slice(0, 254), code: (error as VaktError).code }, 'login refused');
        throw error;
      });
      await clearAccountFailures(db, email);
      const session = await createSession(db, user);
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: 'auto',
        expires: session.expiresAt,
      });
      return sessionAnswer(user, session.csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'End the session', response: { 204: Type.Null() } } },
    async (request, reply) => {
      if (request.sessionToken) await endSession(db, request.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      preHandler: requirePermission('tokens:own'),
      schema: {
        tags: ['auth'],
        summary: 'End every session and revoke every API token of mine, this session included',
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const p = principal(request);
      await logoutEverywhere(db, actorOf(p), p.userId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/session',
    { schema: { tags: ['auth'], summary: 'Who am I', response: { 200: SessionSchema, 401: Problem } } },
    async (request) => {
      const row = await db.selectFrom('users').selectAll().where('id', '=', principal(request).userId).executeTakeFirstOrThrow();
      return sessionAnswer(row, request.csrfToken ?? '');
    },
  );

  app.put(
    '/api/auth/language',
    {
      preHandler: requirePermission('tokens:own'),
      schema: {
        tags: ['auth'],
        summary: "Choose the interface's language, or null for the team's",
        body: Type.Object({ language: Type.Union([StringEnum(UI_LANGUAGES), Type.Null()]) }, strict),
        response: { 200: SessionSchema },
      },
    },
    async (request) => {
      const p = principal(request);
      const row = await db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('users')
          .set({ language: request.body.language })
          .where('id', '=', p.userId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await appendAudit(trx, { actor: actorOf(p), action: 'user.language', objectType: 'user', objectId: p.userId, after: request.body });
        return updated;
      });
      return sessionAnswer(row, request.csrfToken ?? '');
    },
  );

  app.post(
    '/api/auth/totp/enrol',
    {
      preHandler: requirePermission('tokens:own'),
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: returns the secret to enter in an authenticator app',
        response: { 200: Type.Object({ secret: Type.String(), uri: Type.String() }), 409: Problem },
      },
    },
    async (request) => {
      const p = principal(request);
      const row = await db.selectFrom('users').select('totp_enabled').where('id', '=', p.userId).executeTakeFirstOrThrow();
      // Re-enrolling would switch the second factor off: that needs the current code (disable).
      if (row.totp_enabled)
        throw new VaktError('conflict', 'two-factor authentication is already on; turn it off with a current code first');
      const secret = newTotpSecret();
      await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', p.userId).execute();
      return { secret, uri: totpUri(secret, p.email) };
    },
  );

  const CodeBody = Type.Object({ code: Type.String({ maxLength: 10 }) }, strict);
  const setTotp = async (p: Principal, code: string, enable: boolean) => {
    const row = await db
      .selectFrom('users')
      .select(['id', 'totp_secret', 'totp_enabled'])
      .where('id', '=', p.userId)
      .executeTakeFirstOrThrow();
    if (row.totp_enabled === enable) throw new VaktError('conflict', `two-factor authentication is already ${enable ? 'on' : 'off'}`);
    await acceptTotp(db, row, code).catch((error: VaktError) => {
      throw new VaktError('validation', `${error.message}; check the time on your device`, [{ field: 'code', reason: 'does not match' }]);
    });
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ totp_enabled: enable, ...(enable ? {} : { totp_secret: null, totp_last_step: null }) })
        .where('id', '=', p.userId)
        .execute();
      await appendAudit(trx, {
        actor: actorOf(p),
        action: enable ? 'user.totp-enable' : 'user.totp-disable',
        objectType: 'user',
        objectId: p.userId,
      });
    });
  };

  app.post(
    '/api/auth/totp/confirm',
    {
      preHandler: requirePermission('tokens:own'),
      schema: {
        tags: ['auth'],
        summary: 'Finish TOTP enrolment with a code from the app',
        body: CodeBody,
        response: { 204: Type.Null(), 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await setTotp(principal(request), request.body.code, true);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/totp/disable',
    {
      preHandler: requirePermission('tokens:own'),
      schema: {
        tags: ['auth'],
        summary: 'Turn TOTP off; needs a current code',
        body: CodeBody,
        response: { 204: Type.Null(), 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await setTotp(principal(request), request.body.code, false);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/users',
    {
      preHandler: requirePermission('users:read'),
      schema: {
        tags: ['users'],
        summary: 'Users in address order, a page at a time: words in the address or name, a role, and the cursor of the page before',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            role: Type.Optional(StringEnum(ROLES)),
            after: Type.Optional(KeyCursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          strict,
        ),
        response: { 200: Type.Object({ users: Type.Array(UserSchema), next: Type.Union([Type.String(), Type.Null()]) }), 400: Problem },
      },
    },
    async (request) => {
      const { q, role, after, limit = 100 } = request.query;
      return pageUsers(db, { ...(q ? { q } : {}), ...(role ? { role } : {}), ...(after ? { after } : {}), limit });
    },
  );

  app.post(
    '/api/users',
    {
      preHandler: requirePermission('users:manage'),
      schema: { tags: ['users'], summary: 'Create a user', body: NewUserSchema, response: { 201: UserSchema, 400: Problem, 409: Problem } },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, actorOf(principal(request)), request.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      preHandler: requirePermission('users:manage'),
      schema: {
        tags: ['users'],
        summary: "Change a user's name, role or organisation; a new role or organisation ends their sessions and tokens",
        params: IdParams,
        body: UserChangeSchema,
        response: { 200: UserSchema, 400: Problem, 404: Problem },
      },
    },
    async (request) => changeUser(db, actorOf(principal(request)), request.params.id, request.body),
  );

  app.post(
    '/api/users/:id/unlock',
    {
      preHandler: requirePermission('users:manage'),
      schema: {
        tags: ['users'],
        summary: 'Lift the lockout that failed logins put on an account',
        params: IdParams,
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      await unlockUser(db, actorOf(principal(request)), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/users/:id/disable',
    {
      preHandler: requirePermission('users:manage'),
      schema: {
        tags: ['users'],
        summary: 'Disable a user; ends their sessions and tokens',
        params: IdParams,
        response: { 200: UserSchema, 404: Problem },
      },
    },
    async (request) => disableUser(db, actorOf(principal(request)), request.params.id),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      preHandler: requirePermission('users:manage'),
      schema: {
        tags: ['users'],
        summary: "Set a user's password; ends their sessions and API tokens",
        params: IdParams,
        body: Type.Object({ password: Type.String({ maxLength: 1024 }) }, strict),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await resetPassword(db, actorOf(principal(request)), request.params.id, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/users/:id/reset-totp',
    {
      preHandler: requirePermission('users:manage'),
      schema: {
        tags: ['users'],
        summary: "Turn off a user's two-factor authentication (a lost device); ends their sessions",
        params: IdParams,
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      await resetTotp(db, actorOf(principal(request)), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/tokens',
    {
      preHandler: requirePermission('tokens:own'),
      schema: { tags: ['tokens'], summary: 'My API tokens', response: { 200: Type.Array(TokenSchema) } },
    },
    async (request) => listApiTokens(db, principal(request).userId),
  );

  app.post(
    '/api/tokens',
    {
      preHandler: requirePermission('tokens:own'),
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the token is shown only in this response',
        body: NewTokenSchema,
        response: { 201: Type.Intersect([TokenSchema, Type.Object({ token: Type.String() })]) },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(db, principal(request).userId, request.body)),
  );

  app.delete(
    '/api/tokens/:id',
    {
      preHandler: requirePermission('tokens:own'),
      schema: { tags: ['tokens'], summary: 'Revoke an API token', params: IdParams, response: { 204: Type.Null(), 404: Problem } },
    },
    async (request, reply) => {
      const p = principal(request);
      await revokeApiToken(db, actorOf(p), p.userId, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
