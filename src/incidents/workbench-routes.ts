/**
 * The workbench's routes: notes, watching and the updates it brings, the team's people for the
 * manager and owner choices, observables in bulk, and incident templates.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { appendAudit } from '../audit/audit-log.js';
import { PRIORITIES } from './incidents.js';
import { TLP_LABELS } from '../core/tlp.js';
import { CursorSchema, KeyPageQuery } from '../core/cursor.js';
import { StringEnum, strict } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { versionFrom } from '../http/if-match.js';
import { addObservables } from './items.js';
import { addNote, editNote } from './notes.js';
import { setWatching, teamMembers, updatesFor } from './ownership.js';
import { listObservables } from './observable-list.js';
import { listTasks } from './task-list.js';
import { createTemplate, deleteTemplate, pageTemplates, updateTemplate } from './templates.js';

const Problem = Type.Ref('Problem');
const IdParams = Type.Object({ id: Type.String({ pattern: '^\\d{1,15}$' }) });
const UuidParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Tlp = StringEnum(TLP_LABELS);
const NoteBody = Type.String({ minLength: 1, maxLength: 100_000 });
const Indicator = Type.Object({ kind: Type.String(), value: Type.String() });

const TemplateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    rsitClass: Type.String({ minLength: 1, maxLength: 60 }),
    rsitType: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 60 }), Type.Null()])),
    priority: StringEnum(PRIORITIES),
    tlp: Tlp,
    tasks: Type.Array(
      Type.Object(
        {
          title: Type.String({ minLength: 1, maxLength: 500 }),
          dueInWorkingMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
        },
        strict,
      ),
      { maxItems: 100 },
    ),
  },
  strict,
);
const TemplateSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  rsitClass: Type.String(),
  rsitType: Type.Union([Type.String(), Type.Null()]),
  priority: StringEnum(PRIORITIES),
  tlp: Tlp,
  tasks: Type.Array(Type.Object({ title: Type.String(), dueInWorkingMinutes: Type.Optional(Type.Integer()) })),
  version: Type.Integer(),
  updatedAt: Type.String(),
});

export const workbenchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const actor = (request: FastifyRequest) => actorOf(principal(request));

  app.get(
    '/api/team-members',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'The people who may manage incidents and own tasks',
        response: { 200: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() })) },
      },
    },
    async () => teamMembers(db),
  );

  app.get(
    '/api/observables',
    {
      preHandler: requirePermission('reports:read'),
      schema: {
        tags: ['incidents'],
        summary: 'Observables across incidents, newest first, with how many other incidents saw each value',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'a value or part of one; defanged is fine' })),
            kind: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
            ioc: Type.Optional(Type.Boolean()),
            before: Type.Optional(CursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          strict,
        ),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              incidentId: Type.String(),
              incidentTitle: Type.String(),
              kind: Type.String(),
              value: Type.String(),
              description: Type.String(),
              ioc: Type.Boolean(),
              tlp: Tlp,
              createdAt: Type.String({ format: 'date-time' }),
              seenInOtherIncidents: Type.Integer(),
              cursor: Type.String(),
            }),
          ),
          400: Problem,
        },
      },
    },
    async (request) => {
      const { limit, ...filter } = request.query;
      return listObservables(db, { ...filter, limit: limit ?? 50 });
    },
  );

  app.get(
    '/api/tasks',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: "Tasks across incidents: mine, nobody's or someone's; open (the default) or finished; newest first or soonest due first",
        querystring: Type.Object(
          {
            owner: Type.Optional(Type.Union([StringEnum(['me', 'nobody'] as const), Type.String({ format: 'uuid' })])),
            status: Type.Optional(StringEnum(['open', 'done', 'cancelled'] as const)),
            overdue: Type.Optional(Type.Boolean()),
            sort: Type.Optional(
              StringEnum(['newest', 'due'] as const, { description: 'newest first (the default), or the soonest due first' }),
            ),
            before: Type.Optional(CursorSchema),
            after: Type.Optional(Type.String({ maxLength: 100, description: 'the cursor of the due order' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          strict,
        ),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              incidentId: Type.String(),
              incidentTitle: Type.String(),
              title: Type.String(),
              status: Type.String(),
              owner: Type.Union([Type.String(), Type.Null()]),
              ownerId: Type.Union([Type.String(), Type.Null()]),
              dueAt: Type.Union([Type.String(), Type.Null()]),
              overdue: Type.Boolean(),
              createdAt: Type.String(),
              cursor: Type.String(),
              tlp: Tlp,
            }),
          ),
        },
      },
    },
    async (request) => {
      const { limit, ...filter } = request.query;
      return listTasks(db, principal(request).userId, { ...filter, limit: limit ?? 50 });
    },
  );

  app.post(
    '/api/incidents/:id/notes',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Add a note in Markdown to the incident, or to one of its tasks',
        params: IdParams,
        body: Type.Object({ body: NoteBody, taskId: Type.Optional(Type.String({ format: 'uuid' })), tlp: Type.Optional(Tlp) }, strict),
        response: { 201: Type.Object({ id: Type.String() }), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => reply.code(201).send({ id: await addNote(db, actor(request), request.params.id, request.body) }),
  );

  app.patch(
    '/api/notes/:id',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Change the text of a note of your own',
        params: UuidParams,
        body: Type.Object({ body: NoteBody }, strict),
        response: { 204: Type.Null(), 400: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await editNote(db, actor(request), request.params.id, request.body.body);
      return reply.code(204).send(null);
    },
  );

  for (const [method, watch] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    app[method](
      '/api/incidents/:id/watch',
      {
        preHandler: requirePermission('incidents:write'),
        schema: {
          tags: ['incidents'],
          summary: watch ? 'Watch an incident: its changes appear among my updates' : 'Stop watching an incident',
          params: IdParams,
          response: { 204: Type.Null(), 404: Problem },
        },
      },
      async (request, reply) => {
        const who = principal(request);
        await setWatching(db, actorOf(who), who.userId, request.params.id, watch);
        return reply.code(204).send(null);
      },
    );
  }

  const WatchMail = Type.Object(
    { mail: Type.Boolean({ description: 'a digest by mail every 15 minutes, besides the dashboard' }) },
    strict,
  );
  app.get(
    '/api/me/watch-mail',
    {
      preHandler: requirePermission('incidents:write'),
      schema: { tags: ['incidents'], summary: 'Whether I am told of updates by mail too', response: { 200: WatchMail } },
    },
    async (request) => {
      const user = await db.selectFrom('users').select('watch_mail').where('id', '=', principal(request).userId).executeTakeFirstOrThrow();
      return { mail: user.watch_mail };
    },
  );
  app.put(
    '/api/me/watch-mail',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Be told of updates on the incidents I watch or manage by mail too (from now on), or not',
        body: WatchMail,
        response: { 200: WatchMail },
      },
    },
    async (request) => {
      const who = principal(request);
      const { mail } = request.body;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set(mail ? { watch_mail: true, watch_mail_sent_at: new Date() } : { watch_mail: false })
          .where('id', '=', who.userId)
          .execute();
        await appendAudit(trx, {
          actor: actorOf(who),
          action: 'user.watch-mail',
          objectType: 'user',
          objectId: who.userId,
          after: { mail },
        });
      });
      return { mail };
    },
  );

  app.get(
    '/api/me/updates',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'What others did on the incidents I watch or manage, newest first',
        querystring: Type.Object(
          {
            before: Type.Optional(Type.String({ format: 'date-time', description: 'the cursor: the time of the last update seen' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          strict,
        ),
        response: {
          200: Type.Array(
            Type.Object({
              kind: StringEnum(['timeline', 'note'] as const),
              id: Type.String(),
              incidentId: Type.String(),
              incidentTitle: Type.String(),
              at: Type.String(),
              text: Type.String(),
              by: Type.String(),
            }),
          ),
        },
      },
    },
    async (request) =>
      updatesFor(db, principal(request).userId, {
        ...(request.query.before ? { before: request.query.before } : {}),
        limit: request.query.limit ?? 30,
      }),
  );

  app.post(
    '/api/incidents/:id/observables/bulk',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Add observables from a pasted list, defanged or not; says what was added, already there, or not understood',
        params: IdParams,
        body: Type.Object(
          { text: Type.String({ minLength: 1, maxLength: 1_000_000 }), isIoc: Type.Optional(Type.Boolean()), tlp: Type.Optional(Tlp) },
          strict,
        ),
        response: {
          200: Type.Object({
            added: Type.Array(Indicator),
            already: Type.Array(Indicator),
            unrecognised: Type.Array(Type.Object({ line: Type.Integer(), text: Type.String() })),
          }),
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request) => addObservables(db, actor(request), request.params.id, request.body),
  );

  app.get(
    '/api/incident-templates',
    {
      // Team only: reports:read is what every team role has and no constituent does.
      preHandler: requirePermission('reports:read'),
      schema: {
        tags: ['incidents'],
        summary: "The team's incident templates by RSIT class and type, a page at a time",
        querystring: KeyPageQuery,
        response: {
          200: Type.Object({ templates: Type.Array(TemplateSchema), next: Type.Union([Type.String(), Type.Null()]) }),
          400: Problem,
        },
      },
    },
    async (request) => pageTemplates(db, request.query.after, request.query.limit ?? 100),
  );

  app.post(
    '/api/incident-templates',
    {
      preHandler: requirePermission('incidents:manage'),
      schema: {
        tags: ['incidents'],
        summary: 'Add a template for an RSIT type (or a class)',
        body: TemplateBody,
        response: { 201: TemplateSchema, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await createTemplate(db, actor(request), request.body)),
  );

  app.put(
    '/api/incident-templates/:id',
    {
      preHandler: requirePermission('incidents:manage'),
      schema: {
        tags: ['incidents'],
        summary: 'Change a template (send If-Match with its version)',
        params: UuidParams,
        body: TemplateBody,
        response: { 200: TemplateSchema, 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => updateTemplate(db, actor(request), request.params.id, request.body, versionFrom(request.headers['if-match'])),
  );

  app.delete(
    '/api/incident-templates/:id',
    {
      preHandler: requirePermission('incidents:manage'),
      schema: { tags: ['incidents'], summary: 'Remove a template', params: UuidParams, response: { 204: Type.Null(), 404: Problem } },
    },
    async (request, reply) => {
      await deleteTemplate(db, actor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
