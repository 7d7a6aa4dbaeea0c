/**
 * Feeds, their runs, notifications and feedback over HTTP. An upload is streamed from the request
 * into the pipeline (never buffered), so its size is bounded by the body limit, not by memory.
 * The feedback page is public: the link's token is the only key, and GET never records anything
 * (mail scanners follow links), only the form's POST does.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { beforeCursor, CursorSchema, cursorTime, KeyPageQuery } from '../core/cursor.js';
import { VaktError } from '../core/errors.js';
import { gunzippedWhenGzip } from '../core/lines.js';
import { StringEnum } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { versionFrom } from '../http/if-match.js';
import { intakeSettings } from '../intake/settings.js';
import { escapeHtml } from '../profile/rfc2350.js';
import { AnswerToken, THANKS, acceptAnswerForms, answerPage, sendAnswerPage } from '../http/answer-page.js';
import { dispatchNotifications } from '../notifications/dispatch.js';
import {
  feedbackFigures,
  feedbackTarget,
  giveFeedback,
  listNotifications,
  NOTIFICATION_STATES,
  VERDICTS,
} from '../notifications/feedback.js';
import { deleteFeed, getFeed, pageFeeds, saveFeed, FeedSchema, FeedRunSchema, StoredFeedSchema, type Feed } from './feeds.js';
import { FeedbackFiguresSchema, NotificationPageSchema, NotificationPreviewsSchema } from '../notifications/schemas.js';
import { ingestFeed } from './pipeline.js';
import { runFeed } from './runner.js';

const Problem = Type.Ref('Problem');
const Any = Type.Unknown();
const Name = Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' });
const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

export const feedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const read = { preHandler: requirePermission('feeds:read') };
  const write = { preHandler: requirePermission('feeds:write') };
  const settings = () => intakeSettings(db, app.vakt.config.mail, app.vakt.teamKey);
  /** Feeds that notify "immediately" do so as soon as their run has stored its events. */
  const notifyNow = async (feed: Feed) =>
    feed.notify === 'immediately' ? dispatchNotifications(db, { settings: await settings(), feed: feed.name }) : [];

  // Uploads arrive as a stream whatever their type; feedback forms as url-encoded text.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream', 'application/gzip', 'application/x-ndjson'],
    (_request, payload, done) => done(null, payload),
  );
  acceptAnswerForms(app);

  app.get(
    '/api/feeds',
    {
      ...read,
      schema: {
        tags: ['feeds'],
        summary: 'Feed definitions in name order, a page at a time',
        querystring: KeyPageQuery,
        response: {
          200: Type.Object({ feeds: Type.Array(StoredFeedSchema), next: Type.Union([Type.String(), Type.Null()]) }),
          400: Problem,
        },
      },
    },
    async (request) => pageFeeds(db, request.query.after, request.query.limit ?? 100),
  );

  app.put(
    '/api/feeds/:name',
    {
      ...write,
      schema: {
        tags: ['feeds'],
        summary: 'Create or replace a feed definition (send If-Match with its version to replace only what you loaded)',
        params: Type.Object({ name: Name }),
        body: FeedSchema,
        response: { 200: Any, 400: Problem, 409: Problem },
      },
    },
    async (request) => {
      if (request.body.name !== request.params.name) throw new VaktError('validation', 'the name in the path and in the body differ');
      return saveFeed(db, actorOf(principal(request)), request.body, versionFrom(request.headers['if-match']));
    },
  );

  app.delete(
    '/api/feeds/:name',
    {
      ...write,
      schema: {
        tags: ['feeds'],
        summary: 'Remove a feed that has sent no notifications',
        params: Type.Object({ name: Name }),
        response: { 204: Type.Null(), 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await deleteFeed(db, actorOf(principal(request)), request.params.name);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/feeds/:name/run',
    {
      ...write,
      schema: {
        tags: ['feeds'],
        summary: 'Run a feed from its source (file, URL, IMAP folder)',
        params: Type.Object({ name: Name }),
        response: { 200: Any, 400: Problem, 404: Problem },
      },
    },
    async (request) => {
      const feed = await getFeed(db, request.params.name);
      const runs = await runFeed(db, feed, {
        actor: actorOf(principal(request)),
        allowPrivateUrls: app.vakt.config.feedPrivateUrls,
        feedDir: app.vakt.config.feedDir,
      });
      return { runs, notifications: await notifyNow(feed) };
    },
  );

  app.post(
    '/api/feeds/:name/upload',
    {
      ...write,
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['feeds'],
        summary: 'Run a feed on an uploaded file (the request body: CSV, JSON Lines, or gzip of either)',
        params: Type.Object({ name: Name }),
        querystring: Type.Object({ filename: Type.Optional(Type.String({ maxLength: 255 })) }),
        response: { 200: Any, 400: Problem, 404: Problem, 415: Problem },
      },
    },
    async (request) => {
      const feed = await getFeed(db, request.params.name);
      const body = request.body as unknown;
      if (!(body instanceof Readable))
        throw new VaktError(
          'validation',
          'send the file as the body with Content-Type text/csv, application/x-ndjson, application/gzip or application/octet-stream',
        );
      const summary = await ingestFeed(db, feed, {
        stream: gunzippedWhenGzip(body),
        source: `upload:${request.query.filename ?? 'file'}`,
        actor: actorOf(principal(request)),
      });
      return { runs: [summary], notifications: await notifyNow(feed) };
    },
  );

  app.get(
    '/api/feed-runs',
    {
      ...read,
      schema: {
        tags: ['feeds'],
        summary: 'Recent feed runs with their counts and bad rows (running ones update every few seconds)',
        querystring: Type.Object(
          {
            feed: Type.Optional(Name),
            before: Type.Optional(CursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ runs: Type.Array(FeedRunSchema) }), 400: Problem },
      },
    },
    async (request) => {
      const runs = await db
        .selectFrom('feed_runs')
        .selectAll()
        .select(cursorTime('started_at').as('cursor_at'))
        .$if(request.query.feed !== undefined, (q) => q.where('feed_name', '=', request.query.feed!))
        .$if(request.query.before !== undefined, (q) => q.where(beforeCursor(request.query.before!, 'started_at', 'id', 'uuid')))
        .orderBy('started_at', 'desc')
        .orderBy('id', 'desc')
        .limit(request.query.limit ?? 50)
        .execute();
      return {
        runs: runs.map(({ cursor_at, ...run }) => ({
          ...run,
          started_at: run.started_at.toISOString(),
          finished_at: run.finished_at?.toISOString() ?? null,
          heartbeat_at: run.heartbeat_at.toISOString(),
          cursor: `${cursor_at},${run.id}`,
        })),
      };
    },
  );

  app.get(
    '/api/notifications',
    {
      ...read,
      schema: {
        tags: ['feeds'],
        summary:
          'Notifications, newest first, a page at a time: queued, sent, bounced, withheld, with their feedback ("next" is the "before" of the following page)',
        querystring: Type.Object(
          {
            status: Type.Optional(StringEnum(NOTIFICATION_STATES)),
            // Checked by the list, which names a bad cursor as such.
            before: Type.Optional(Type.String({ maxLength: 100 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: NotificationPageSchema, 400: Problem },
      },
    },
    async (request) => listNotifications(db, request.query),
  );

  app.post(
    '/api/notifications/dispatch',
    {
      ...write,
      schema: {
        tags: ['feeds'],
        summary: 'Build the notifications that are due; with dryRun, show what each organisation would receive and write nothing',
        body: Type.Object({ dryRun: Type.Optional(Type.Boolean()), feed: Type.Optional(Name) }, { additionalProperties: false }),
        response: { 200: NotificationPreviewsSchema },
      },
    },
    async (request) => ({
      notifications: await dispatchNotifications(db, {
        settings: await settings(),
        dryRun: request.body.dryRun ?? false,
        ...(request.body.feed ? { feed: request.body.feed } : {}),
      }),
    }),
  );

  app.get(
    '/api/notifications/feedback',
    {
      ...read,
      schema: { tags: ['feeds'], summary: 'Feedback figures per feed and per organisation', response: { 200: FeedbackFiguresSchema } },
    },
    async () => ({ byFeed: await feedbackFigures(db, 'feed'), byOrganisation: await feedbackFigures(db, 'organisation') }),
  );

  app.get('/feedback/:token', { config: { public: true }, schema: { hide: true, params: AnswerToken } }, async (request, reply) => {
    const target = await feedbackTarget(db, request.params.token);
    const buttons = VERDICTS.map(
      (v) =>
        `<button name="verdict" value="${v}">${{ useful: 'Useful / Användbar', 'not-useful': 'Not useful / Inte användbar', 'false-positive': 'False positive / Falsklarm' }[v]}</button>`,
    ).join('');
    return sendAnswerPage(
      reply,
      answerPage(
        'Feedback',
        `<h1>Was this notification useful?</h1><p>${escapeHtml(target.feed)} · ${escapeHtml(target.organisation)} · ${target.events} events · ${target.periodStart.slice(0, 10)}</p>
<form method="post"><p><label>Comment (optional)<br><textarea name="comment" maxlength="4000"></textarea></label></p><p>${buttons}</p></form>`,
      ),
      true,
    );
  });

  app.post(
    '/feedback/:token',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        hide: true,
        params: AnswerToken,
        body: Type.Object({ verdict: Type.String({ maxLength: 40 }), comment: Type.Optional(Type.String({ maxLength: 4000 })) }),
      },
    },
    async (request, reply) => {
      await giveFeedback(db, request.params.token, request.body.verdict, request.body.comment ?? '');
      return sendAnswerPage(reply, answerPage('Feedback', THANKS), false);
    },
  );
};
