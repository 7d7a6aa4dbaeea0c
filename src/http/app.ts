/**
 * The Fastify application: security headers, cookies, validation, problem+json, OpenAPI, the
 * slices' routes and the web UI. `buildApp` takes its database and config, so tests build one
 * per suite and talk to it with `inject`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import { auditRoutes } from '../audit/routes.js';
import { retentionRoutes } from '../retention/routes.js';
import { authRoutes } from '../auth/routes.js';
import { constituencyRoutes } from '../constituency/routes.js';
import { dashboardRoutes } from '../dashboard/routes.js';
import { createAjv, unstorableText } from '../core/validate.js';
import { ValidationError } from '../core/errors.js';
import { directoryRoutes } from '../directory/routes.js';
import { feedRoutes } from '../feeds/routes.js';
import { incidentRoutes } from '../incidents/routes.js';
import { workbenchRoutes } from '../incidents/workbench-routes.js';
import { intakeRoutes } from '../intake/routes.js';
import { portalRoutes } from '../intake/portal-routes.js';
import { profileRoutes } from '../profile/routes.js';
import { egressRoutes } from '../sharing/routes.js';
import { shareRoutes, stixImportRoutes } from '../sharing/share-routes.js';
import { taxiiRoutes } from '../sharing/taxii-routes.js';
import { peerShareRoutes } from '../sharing/peer-share-routes.js';
import { taxiiSourceRoutes } from '../sharing/taxii-source-routes.js';
import { warninglistRoutes } from '../sharing/warninglist-routes.js';
import { advisoryRoutes } from '../advisories/routes.js';
import { authoringRoutes } from '../advisories/authoring-routes.js';
import { providerRoutes } from '../advisories/provider-routes.js';
import { answerRoutes } from '../advisories/answer-routes.js';
import { subscriptionRoutes } from '../advisories/subscription-routes.js';
import { viewRoutes } from '../views/routes.js';
import { registerAuthentication, registerPublic } from './authentication.js';
import type { App, AppContext } from './context.js';
import { healthRoutes } from './health-routes.js';
import { errorHandler, ProblemSchema, sendProblem } from './problem.js';

/** A parsed JSON body (not an upload's bytes or stream). */
const isJson = (body: unknown) =>
  Array.isArray(body) || (body !== null && typeof body === 'object' && Object.getPrototypeOf(body) === Object.prototype);

export interface BuildOptions {
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(context: AppContext, options: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: context.config.trustProxy,
    genReqId: () => randomUUID(),
    // Fastify's two info lines per request bury the start banner; one line at debug instead.
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({ req: request, res: reply, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
  });

  // Bodies are validated strictly (a string is not a number); query strings and paths are text
  // and may be coerced (a parameter given once is a list of one where the schema wants a list).
  const strictAjv = createAjv();
  const coercingAjv = createAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema));

  // Text PostgreSQL cannot store is refused before validation, whatever route and field it came in.
  app.addHook('preValidation', async (request) => {
    const issues = [
      ...unstorableText(request.params, 'params'),
      ...unstorableText(request.query, 'query'),
      ...(isJson(request.body) ? unstorableText(request.body) : []),
    ];
    if (issues.length > 0) throw new ValidationError(issues);
  });

  app.decorate('vakt', context);
  app.addSchema(ProblemSchema);
  app.setErrorHandler(errorHandler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Added per response over https only (below): over plain http on a LAN address it would
        // rewrite every script to an https URL nobody serves, and the page would stay blank.
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
      const csp = reply.getHeader('content-security-policy');
      if (typeof csp === 'string') reply.header('content-security-policy', `${csp};upgrade-insecure-requests`);
    }
    // API answers carry need-to-know data: no browser or proxy cache may keep them. Static
    // assets set their own caching.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Vakt API', version: '0.1.0', description: 'Run a CSIRT under the Traffic Light Protocol.' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vakt_session' }, token: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ session: [] }, { token: [] }],
    },
    // The document says which routes are public (`security: []`), from the same declaration the
    // authentication hook reads.
    transform: ({ schema, url, route }) => ({ schema: route.config?.public ? { ...schema, security: [] } : schema, url }),
  });
  registerAuthentication(app);
  await registerPublic(app, async (scope) => {
    await scope.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(profileRoutes);
  await app.register(auditRoutes);
  await app.register(retentionRoutes);
  await app.register(intakeRoutes);
  await app.register(portalRoutes);
  await app.register(incidentRoutes);
  await app.register(workbenchRoutes);
  await app.register(directoryRoutes);
  await app.register(constituencyRoutes);
  await app.register(feedRoutes);
  await app.register(egressRoutes);
  await app.register(shareRoutes);
  await app.register(stixImportRoutes);
  await app.register(taxiiRoutes);
  await app.register(peerShareRoutes);
  await app.register(taxiiSourceRoutes);
  await app.register(warninglistRoutes);
  await app.register(dashboardRoutes);
  await app.register(viewRoutes);
  await app.register(advisoryRoutes);
  await app.register(authoringRoutes);
  await app.register(providerRoutes);
  await app.register(answerRoutes);
  await app.register(subscriptionRoutes);

  const webDir = context.config.webDir;
  const hasWeb = existsSync(`${webDir}/index.html`);
  if (hasWeb)
    await registerPublic(app, async (scope) => {
      await scope.register(fastifyStatic, { root: webDir, wildcard: false, index: false, decorateReply: false });
    });
  const indexHtml = hasWeb ? readFileSync(`${webDir}/index.html`) : undefined;

  // The web UI is a single-page app: unknown GETs outside /api get its index; the rest a problem.
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (indexHtml && isPage) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    return sendProblem(request, reply, 'not-found', `no route for ${request.method} ${request.url.split('?')[0]}`);
  });

  return app;
}
