/**
 * Incidents over HTTP. Reading goes through the need-to-know filter (visibility.ts): the team sees
 * all, a participant from outside only what is shared with them and admitted by TLP, and anyone
 * else gets 404, so an incident's existence does not leak.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf, can, type Principal } from '../auth/roles.js';
import { actorNames } from '../auth/users.js';
import { ValidationError, VaktError, notFound } from '../core/errors.js';
import { RSIT_CLASSES } from '../core/taxonomies.js';
import { TLP_LABELS, type TlpLabel } from '../core/tlp.js';
import { PAP_LABELS } from '../core/pap.js';
import { beforeCursor, CursorSchema, cursorTime, KeyCursorSchema } from '../core/cursor.js';
import { StringEnum, strict } from '../core/validate.js';
import type { Schema } from '../db/schema.js';
import { principal, requirePermission } from '../http/authentication.js';
import { versionFrom } from '../http/if-match.js';
import { INDICATOR_KINDS } from '../intake/indicators.js';
import { intakeSettings } from '../intake/settings.js';
import { formatTag } from '../intake/threading.js';
import { sql, type Kysely } from 'kysely';
import { DebriefSchema, debriefFor, getDebrief, renderDebriefHtml, renderDebriefPdf, reopenDebrief, saveDebrief } from './debrief.js';
import { egress, type EgressChannel, type EgressItem } from '../sharing/egress.js';
import { CUSTODY_ACTIONS, addCustodyEntry, addEvidence, custodyCsv, custodyLog } from './evidence.js';
import {
  IMPACTS,
  NEXT_PHASES,
  PHASES,
  PRIORITIES,
  createIncident,
  getIncidentRow,
  splitIncident,
  updateIncident,
  updateIncidents,
  type Phase,
} from './incidents.js';
import {
  COUNTERMEASURE_STATES,
  addAsset,
  addCountermeasure,
  addInvestigation,
  addObservable,
  addParticipant,
  addTask,
  addTimelineEvent,
  advanceCountermeasure,
  removeParticipant,
  shareItem,
  unshareItem,
  updateInvestigation,
  updateTask,
  updateObservable,
} from './items.js';
import { sendIncidentMail, sentOrRefused } from './mail.js';
import { search, seenElsewhere } from './search.js';
import { kpis } from './kpis.js';
import { saveSlaPolicies, slaOf, slaPolicies, teamClock } from './sla.js';
import { watchersOf } from './ownership.js';
import { IncidentDetailSchema, IncidentRowSchema } from './schemas.js';
import { afterIncident, INCIDENT_ORDERS, incidentCursor, orderIncidents, PRIORITY_RANK } from './list-order.js';
import { mergeIncidents } from './triage.js';
import {
  ITEM_KINDS,
  PARTICIPANT_ROLES,
  readableIncidentIds,
  releasedTo,
  viewerOf,
  visibleIncidentIds,
  type ItemKind,
} from './visibility.js';

const Problem = Type.Ref('Problem');
const TicketId = Type.String({ pattern: '^\\d{1,15}$' });
const Uuid = Type.String({ format: 'uuid' });
const IdParams = Type.Object({ id: TicketId });
const UuidParams = Type.Object({ id: Uuid });
const Tlp = StringEnum(TLP_LABELS);
const Created = { 201: Type.Object({ id: Type.String() }), 400: Problem, 403: Problem, 404: Problem, 409: Problem };
const Done = { 204: Type.Null(), 400: Problem, 403: Problem, 404: Problem, 409: Problem };

const INCIDENT_COLUMNS = [
  'id',
  'title',
  'description',
  'rsit_class',
  'rsit_type',
  'priority',
  'requested_priority',
  'impact',
  'affected_constituents',
  'phase',
  'tlp',
  'pap',
  'sensitive',
  'manager_id',
  'initial_vector',
  'patient_zero',
  'attack_techniques',
  'merged_into_id',
  'opened_at',
  'acknowledged_at',
  'triaged_at',
  'contained_at',
  'resolved_at',
  'closed_at',
  'version',
] as const;

const Optional = {
  description: Type.Optional(Type.String({ maxLength: 100_000 })),
  rsitClass: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
  rsitType: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
  priority: Type.Optional(StringEnum(PRIORITIES)),
  requestedPriority: Type.Optional(Type.Union([StringEnum(PRIORITIES), Type.Null()])),
  impact: Type.Optional(StringEnum(IMPACTS)),
  affectedConstituents: Type.Optional(Type.String({ maxLength: 5000 })),
  tlp: Type.Optional(Tlp),
  pap: Type.Optional(StringEnum(PAP_LABELS)),
  managerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
};
const Title = Type.String({ minLength: 1, maxLength: 300 });
const CreateIncidentBody = Type.Object(
  { title: Title, ...Optional, reportIds: Type.Optional(Type.Array(TicketId, { maxItems: 500 })) },
  strict,
);
const PatchIncidentBody = Type.Object(
  {
    title: Type.Optional(Title),
    ...Optional,
    priorityReason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
    phase: Type.Optional(StringEnum(PHASES)),
    sensitive: Type.Optional(Type.Boolean()),
    initialVector: Type.Optional(Type.String({ maxLength: 2000 })),
    patientZero: Type.Optional(Type.String({ maxLength: 500 })),
    attackTechniques: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 200 })),
  },
  strict,
);

/** A row with its times as ISO strings, typed so. */
type Iso<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

function isoRow<T extends Record<string, unknown>>(row: T): Iso<T> {
  // A loop, not entries/map/fromEntries: a list makes one of these for each of its rows.
  const out: Record<string, unknown> = {};
  for (const key in row) {
    const value = row[key];
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out as Iso<T>;
}

async function requireViewer(db: Kysely<Schema>, who: Principal, id: string) {
  const viewer = await viewerOf(db, who, id);
  const exists = await db.selectFrom('incidents').select('id').where('id', '=', id).executeTakeFirst();
  if (!viewer || !exists) throw notFound(`incident #${id}`);
  return viewer;
}

async function withAuthors<T extends { created_by: string }>(db: Kysely<Schema>, rows: T[]): Promise<Array<T & { author: string }>> {
  const names = await actorNames(
    db,
    rows.map((r) => r.created_by),
  );
  return rows.map((r) => ({ ...r, author: names.get(r.created_by) ?? r.created_by }));
}

/** A participant whom the gate does not let read an incident's own text sees this instead of its title. */
const withheldTitle = (id: string, tlp: string) => `Incident #${id} (title withheld: TLP:${tlp})`;

async function incidentDetail(db: Kysely<Schema>, who: Principal, id: string) {
  const viewer = await requireViewer(db, who, id);
  const incident = await db.selectFrom('incidents').select(INCIDENT_COLUMNS).where('id', '=', id).executeTakeFirstOrThrow();
  const [
    reports,
    messages,
    tasks,
    investigations,
    countermeasures,
    timeline,
    observables,
    assets,
    evidence,
    notes,
    participants,
    merged,
    shares,
    watchers,
  ] = await Promise.all([
    db
      .selectFrom('reports')
      .select(['id', 'subject', 'channel', 'reporter_email', 'received_at', 'tlp', 'status'])
      .where('incident_id', '=', id)
      .orderBy('received_at')
      .execute(),
    db
      .selectFrom('messages')
      .select([
        'id',
        'direction',
        'subject',
        'from_address',
        'to_addresses',
        'created_at',
        'sent_at',
        'body_text',
        'body_html',
        'pgp_encryption',
        'pgp_signature',
        'pgp_signer',
        'auto_submitted',
        'tlp',
        'delivery_status',
        'delivery_error',
        'report_id',
        'automatic',
      ])
      .where('incident_id', '=', id)
      .orderBy('created_at')
      .execute(),
    db.selectFrom('tasks').selectAll().where('incident_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('investigations').selectAll().where('incident_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('countermeasures').selectAll().where('incident_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('timeline_events').selectAll().where('incident_id', '=', id).orderBy('occurred_at').execute(),
    db.selectFrom('observables').selectAll().where('incident_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('assets').selectAll().where('incident_id', '=', id).orderBy('created_at').execute(),
    db.selectFrom('evidence').selectAll().where('incident_id', '=', id).orderBy('collected_at').execute(),
    db.selectFrom('incident_notes').selectAll().where('incident_id', '=', id).orderBy('created_at').execute(),
    db
      .selectFrom('incident_participants')
      .selectAll()
      .where('incident_id', '=', id)
      .where('removed_at', 'is', null)
      .orderBy('added_at')
      .execute(),
    db.selectFrom('incidents').select(['id', 'title']).where('merged_into_id', '=', id).execute(),
    viewer.kind === 'team'
      ? db.selectFrom('incident_shares').select(['item_kind', 'item_id', 'participant_id']).where('incident_id', '=', id).execute()
      : Promise.resolve([]),
    viewer.kind === 'team' ? watchersOf(db, id) : Promise.resolve([]),
  ]);
  const isTeam = viewer.kind === 'team';
  const lists: Record<ItemKind, Array<{ id: string; tlp: string }>> = {
    report: reports.map((r) => ({ ...r, id: String(r.id) })),
    message: messages,
    task: tasks,
    investigation: investigations,
    countermeasure: countermeasures,
    timeline,
    observable: observables,
    asset: assets,
    evidence,
    note: notes,
  };
  const candidates = ITEM_KINDS.flatMap((kind) => lists[kind].map((r) => ({ kind, id: r.id, tlp: r.tlp as TlpLabel })));
  const released = await releasedTo(db, viewer, incident, candidates, actorOf(who));
  const keep = <T extends { id: string; tlp: string }>(kind: ItemKind, rows: T[]) =>
    rows.filter((r) => released.items.has(`${kind}:${r.id}`)).map(isoRow);
  const [clock, policies] = await Promise.all([teamClock(db), slaPolicies(db)]);
  return {
    incident: isTeam
      ? isoRow(incident)
      : {
          id: incident.id,
          title: released.incident ? incident.title : withheldTitle(incident.id, incident.tlp),
          phase: incident.phase,
          tlp: incident.tlp,
          priority: incident.priority,
          opened_at: new Date(incident.opened_at).toISOString(),
        },
    viewer: viewer.kind === 'team' ? { kind: 'team' } : { kind: 'participant', role: viewer.role },
    /** Where the phase may go from here: the only choices a form should offer. */
    nextPhases: isTeam ? NEXT_PHASES[incident.phase as Phase] : [],
    sla: isTeam ? slaOf(clock, policies, incident) : null,
    reports: keep('report', lists.report as typeof reports),
    messages: keep('message', messages),
    tasks: keep('task', tasks),
    investigations: keep('investigation', investigations),
    countermeasures: keep('countermeasure', countermeasures),
    timeline: keep('timeline', timeline),
    observables: keep('observable', observables),
    assets: keep('asset', assets),
    evidence: keep('evidence', evidence),
    notes: await withAuthors(db, keep('note', notes)),
    watchers,
    watching: watchers.some((w) => w.id === who.userId),
    participants: isTeam ? participants.map(isoRow) : [],
    mergedIncidents: isTeam ? merged : [],
    shares: shares,
  };
}

export const incidentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const settings = () => intakeSettings(db, app.vakt.config.mail, app.vakt.teamKey);
  const actor = (request: FastifyRequest) => actorOf(principal(request));
  /** An export goes to whoever downloads it: the gate decides, and records it. */
  const exportTo = async (request: FastifyRequest, channel: EgressChannel, items: EgressItem[]) => {
    const refused = (
      await egress(db, { channel, recipient: { kind: 'user', userId: principal(request).userId }, items, actor: actor(request) })
    ).find((d) => !d.allowed);
    if (refused) throw new VaktError('forbidden', `TLP refuses: ${refused.reason}`);
  };

  app.get(
    '/api/taxonomies',
    {
      preHandler: requirePermission('incidents:read'),
      schema: {
        tags: ['incidents'],
        summary: 'RSIT classes and types, phases, priorities, item kinds',
        response: {
          200: Type.Object({
            rsit: Type.Array(
              Type.Object(
                {
                  value: Type.String(),
                  name: Type.String(),
                  types: Type.Array(Type.Object({ value: Type.String(), name: Type.String() }, { additionalProperties: true })),
                },
                { additionalProperties: true },
              ),
            ),
            phases: Type.Array(Type.String()),
            priorities: Type.Array(Type.String()),
            impacts: Type.Array(Type.String()),
            papLabels: Type.Array(Type.String()),
            participantRoles: Type.Array(Type.String()),
            itemKinds: Type.Array(Type.String()),
            indicatorKinds: Type.Array(Type.String()),
            custodyActions: Type.Array(Type.String()),
          }),
        },
      },
    },
    async () => ({
      rsit: RSIT_CLASSES.map((c) => ({ ...c, types: [...c.types] })),
      phases: [...PHASES],
      priorities: [...PRIORITIES],
      impacts: [...IMPACTS],
      papLabels: [...PAP_LABELS],
      participantRoles: [...PARTICIPANT_ROLES],
      itemKinds: [...ITEM_KINDS],
      indicatorKinds: [...INDICATOR_KINDS],
      custodyActions: [...CUSTODY_ACTIONS],
    }),
  );

  app.get(
    '/api/incidents',
    {
      preHandler: requirePermission('incidents:read'),
      schema: {
        tags: ['incidents'],
        summary: 'Incidents (constituents: those they take part in), with SLA state',
        // An unknown parameter is refused: a misspelt filter must not quietly return everything.
        querystring: Type.Object(
          {
            phase: Type.Optional(StringEnum(PHASES)),
            open: Type.Optional(Type.Boolean()),
            priority: Type.Optional(StringEnum(PRIORITIES)),
            rsitClass: Type.Optional(Type.String({ maxLength: 60, description: 'an RSIT class, or "unclassified"' })),
            tlp: Type.Optional(StringEnum(TLP_LABELS)),
            mine: Type.Optional(Type.Boolean({ description: 'only those I manage or own an open task of' })),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'words in the title or description' })),
            sort: Type.Optional(
              StringEnum(INCIDENT_ORDERS, { description: 'newest (the default), oldest, or priority (most urgent first)' }),
            ),
            before: Type.Optional(CursorSchema),
            after: Type.Optional(KeyCursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          strict,
        ),
        response: { 200: Type.Array(IncidentRowSchema), 400: Problem },
      },
    },
    async (request) => {
      const who = principal(request);
      const visible = await visibleIncidentIds(db, who);
      if (visible !== 'all' && visible.length === 0) return [];
      const readable = new Set(visible === 'all' ? [] : await readableIncidentIds(db, who, 'api'));
      const order = request.query.sort ?? 'newest';
      if (request.query.before && order !== 'newest')
        throw new ValidationError([{ field: 'before', reason: 'before= pages the newest-first order; other orders page with after=' }]);
      let query = db
        .selectFrom('incidents')
        .select(INCIDENT_COLUMNS)
        .select([cursorTime('opened_at').as('cursor_at'), PRIORITY_RANK.as('priority_rank')])
        .where('merged_into_id', 'is', null)
        .$call((q) => orderIncidents(q, order))
        .limit(request.query.limit ?? 200);
      if (request.query.after) query = query.where(afterIncident(order, request.query.after));
      if (visible !== 'all') query = query.where('id', 'in', visible);
      if (request.query.phase) query = query.where('phase', '=', request.query.phase);
      if (request.query.open) query = query.where('phase', 'not in', ['closed', 'rejected']);
      if (request.query.priority) query = query.where('priority', '=', request.query.priority);
      if (request.query.tlp) query = query.where('tlp', '=', request.query.tlp);
      if (request.query.mine) {
        const me = who.userId;
        query = query.where((eb) =>
          eb.or([
            eb('manager_id', '=', me),
            eb('id', 'in', eb.selectFrom('tasks').select('incident_id').where('owner_id', '=', me).where('status', '=', 'open')),
          ]),
        );
      }
      if (request.query.q) query = query.where(sql<boolean>`search @@ websearch_to_tsquery('simple', ${request.query.q})`);
      if (request.query.before) query = query.where(beforeCursor(request.query.before, 'opened_at', 'id', 'ticket'));
      const rsitClass = request.query.rsitClass;
      if (rsitClass)
        query = rsitClass === 'unclassified' ? query.where('rsit_class', 'is', null) : query.where('rsit_class', '=', rsitClass);
      const rows = await query.execute();
      const [clock, policies] = await Promise.all([teamClock(db), slaPolicies(db)]);
      const team = visible === 'all';
      return rows.map(({ cursor_at, priority_rank, ...r }) => {
        const cursor = incidentCursor(order, { id: r.id, at: cursor_at, rank: priority_rank });
        return team
          ? Object.assign(isoRow(r), { sla: slaOf(clock, policies, r), cursor })
          : {
              id: r.id,
              title: readable.has(r.id) ? r.title : withheldTitle(r.id, r.tlp),
              phase: r.phase,
              tlp: r.tlp,
              priority: r.priority,
              opened_at: new Date(r.opened_at).toISOString(),
              cursor,
            };
      });
    },
  );

  app.post(
    '/api/incidents',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Open an incident, from reports or directly',
        body: CreateIncidentBody,
        response: {
          201: Type.Object({ id: Type.String(), operationId: Type.Union([Type.String(), Type.Null()]) }),
          400: Problem,
          404: Problem,
          409: Problem,
        },
      },
    },
    async (request, reply) => reply.code(201).send(await createIncident(db, actor(request), request.body)),
  );

  app.get(
    '/api/incidents/:id',
    {
      preHandler: requirePermission('incidents:read'),
      schema: {
        tags: ['incidents'],
        summary: 'An incident and everything on it that the caller may see',
        params: IdParams,
        response: { 200: IncidentDetailSchema, 404: Problem },
      },
    },
    async (request, reply) => {
      const detail = await incidentDetail(db, principal(request), request.params.id);
      if ('version' in detail.incident) reply.header('etag', `"${detail.incident.version}"`);
      return detail;
    },
  );

  app.patch(
    '/api/incidents/:id',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Change an incident (send If-Match with its version); a priority change needs priorityReason',
        params: IdParams,
        body: PatchIncidentBody,
        response: { 200: Type.Object({ version: Type.Integer() }), 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const version = await updateIncident(db, actor(request), request.params.id, request.body, versionFrom(request.headers['if-match']));
      reply.header('etag', `"${version}"`);
      return { version };
    },
  );

  app.post(
    '/api/incidents/bulk',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'One change to many incidents (manager, priority with a reason, phase), all or none',
        body: Type.Object(
          {
            ids: Type.Array(TicketId, { minItems: 1, maxItems: 500, uniqueItems: true }),
            change: Type.Object(
              {
                managerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
                priority: Type.Optional(StringEnum(PRIORITIES)),
                priorityReason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
                phase: Type.Optional(StringEnum(PHASES)),
              },
              { ...strict, minProperties: 1 },
            ),
          },
          strict,
        ),
        response: { 204: Type.Null(), 400: Problem },
      },
    },
    async (request, reply) => {
      await updateIncidents(db, actor(request), request.body.ids, request.body.change);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/incidents/:id/merge',
    {
      preHandler: requirePermission('incidents:manage'),
      schema: {
        tags: ['triage'],
        summary: 'Merge this incident into another (undoable)',
        params: IdParams,
        body: Type.Object({ into: TicketId }, strict),
        response: { 200: Type.Object({ operationId: Type.String() }), 400: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request) => ({ operationId: await mergeIncidents(db, actor(request), request.params.id, request.body.into) }),
  );

  app.post(
    '/api/incidents/:id/split',
    {
      preHandler: requirePermission('incidents:manage'),
      schema: {
        tags: ['triage'],
        summary: 'Split reports off into a new incident (undoable)',
        params: IdParams,
        body: Type.Object(
          { reportIds: Type.Array(TicketId, { minItems: 1, maxItems: 500 }), title: Type.String({ minLength: 1, maxLength: 300 }) },
          strict,
        ),
        response: { 201: Type.Object({ id: Type.String(), operationId: Type.String() }), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await splitIncident(db, actor(request), request.params.id, request.body.reportIds, request.body.title)),
  );

  // Items ----------------------------------------------------------------------------------------

  app.post(
    '/api/incidents/:id/tasks',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Add a task; dueInWorkingMinutes counts on the team clock',
        params: IdParams,
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 500 }),
            description: Type.Optional(Type.String({ maxLength: 20_000 })),
            ownerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
            dueAt: Type.Optional(Type.String({ format: 'date-time' })),
            dueInWorkingMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
            tlp: Type.Optional(Tlp),
          },
          strict,
        ),
        response: Created,
      },
    },
    async (request, reply) => {
      const { dueAt, ...rest } = request.body;
      const id = await addTask(
        db,
        actor(request),
        request.params.id,
        { ...rest, ...(dueAt ? { dueAt: new Date(dueAt) } : {}) },
        await teamClock(db),
      );
      return reply.code(201).send({ id });
    },
  );

  app.patch(
    '/api/tasks/:id',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Change a task',
        params: UuidParams,
        body: Type.Object(
          {
            status: Type.Optional(StringEnum(['open', 'done', 'cancelled'] as const)),
            ownerId: Type.Optional(Type.Union([Uuid, Type.Null()])),
            title: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
          },
          { ...strict, minProperties: 1 },
        ),
        response: Done,
      },
    },
    async (request, reply) => {
      await updateTask(db, actor(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/incidents/:id/investigations',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Open an investigation (a child work item, as in RTIR)',
        params: IdParams,
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 500 }),
            correspondent: Type.Optional(Type.String({ maxLength: 500 })),
            notes: Type.Optional(Type.String({ maxLength: 50_000 })),
            tlp: Type.Optional(Tlp),
          },
          strict,
        ),
        response: Created,
      },
    },
    async (request, reply) => reply.code(201).send({ id: await addInvestigation(db, actor(request), request.params.id, request.body) }),
  );

  app.patch(
    '/api/investigations/:id',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Change an investigation',
        params: UuidParams,
        body: Type.Object(
          {
            status: Type.Optional(StringEnum(['open', 'stalled', 'resolved', 'rejected'] as const)),
            notes: Type.Optional(Type.String({ maxLength: 50_000 })),
          },
          { ...strict, minProperties: 1 },
        ),
        response: Done,
      },
    },
    async (request, reply) => {
      await updateInvestigation(db, actor(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/incidents/:id/countermeasures',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Add a countermeasure (starts pending activation)',
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.String({ minLength: 1, maxLength: 100 }),
            target: Type.String({ minLength: 1, maxLength: 1000 }),
            description: Type.Optional(Type.String({ maxLength: 10_000 })),
            notifyOnRemoval: Type.Optional(Type.Array(Type.String({ format: 'email', maxLength: 254 }), { maxItems: 50 })),
            tlp: Type.Optional(Tlp),
          },
          strict,
        ),
        response: Created,
      },
    },
    async (request, reply) => reply.code(201).send({ id: await addCountermeasure(db, actor(request), request.params.id, request.body) }),
  );

  app.post(
    '/api/countermeasures/:id/advance',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary:
          'Move a countermeasure to its next state; removal notifies those listed, each through the TLP gate, and says who was not told and why',
        params: UuidParams,
        body: Type.Object({ to: StringEnum(COUNTERMEASURE_STATES) }, strict),
        response: {
          200: Type.Object({
            notices: Type.Array(
              Type.Object({ to: Type.String(), status: Type.String(), reason: Type.Union([Type.String(), Type.Null()]) }),
            ),
          }),
          400: Problem,
          403: Problem,
          404: Problem,
        },
      },
    },
    async (request) => {
      const row = await db.selectFrom('countermeasures').select('incident_id').where('id', '=', request.params.id).executeTakeFirst();
      if (!row) throw notFound('countermeasure');
      const { sender, shortName } = await settings();
      return {
        notices: await advanceCountermeasure(
          db,
          actor(request),
          request.params.id,
          request.body.to,
          sender,
          formatTag(shortName, row.incident_id),
        ),
      };
    },
  );

  app.post(
    '/api/incidents/:id/timeline',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Add an event to the timeline',
        params: IdParams,
        body: Type.Object(
          {
            occurredAt: Type.String({ format: 'date-time' }),
            kind: Type.Optional(Type.String({ maxLength: 50 })),
            summary: Type.String({ minLength: 1, maxLength: 5000 }),
            tlp: Type.Optional(Tlp),
          },
          strict,
        ),
        response: Created,
      },
    },
    async (request, reply) =>
      reply.code(201).send({
        id: await addTimelineEvent(db, actor(request), request.params.id, {
          ...request.body,
          occurredAt: new Date(request.body.occurredAt),
        }),
      }),
  );

  app.post(
    '/api/incidents/:id/observables',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Add an observable (scoped to this incident)',
        params: IdParams,
        body: Type.Object(
          {
            kind: StringEnum([...INDICATOR_KINDS, 'other'] as const),
            value: Type.String({ minLength: 1, maxLength: 2000 }),
            description: Type.Optional(Type.String({ maxLength: 5000 })),
            isIoc: Type.Optional(Type.Boolean()),
            tlp: Type.Optional(Tlp),
          },
          strict,
        ),
        response: Created,
      },
    },
    async (request, reply) => reply.code(201).send({ id: await addObservable(db, actor(request), request.params.id, request.body) }),
  );

  app.patch(
    '/api/observables/:id',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary:
          'Change an observable’s TLP label, whether it is an indicator, or its description; peer teams it is shared with get the change',
        params: UuidParams,
        body: Type.Object(
          {
            tlp: Type.Optional(Tlp),
            isIoc: Type.Optional(Type.Boolean()),
            description: Type.Optional(Type.String({ maxLength: 5000 })),
          },
          { ...strict, minProperties: 1 },
        ),
        response: Done,
      },
    },
    async (request, reply) => {
      await updateObservable(db, actor(request), request.params.id, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/incidents/:id/assets',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Add an affected asset',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 500 }),
            kind: Type.Optional(Type.String({ maxLength: 50 })),
            description: Type.Optional(Type.String({ maxLength: 5000 })),
            compromised: Type.Optional(Type.Boolean()),
            tlp: Type.Optional(Tlp),
          },
          strict,
        ),
        response: Created,
      },
    },
    async (request, reply) => reply.code(201).send({ id: await addAsset(db, actor(request), request.params.id, request.body) }),
  );

  app.post(
    '/api/incidents/:id/evidence',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Register evidence: its SHA-256, or the file itself (base64, up to 20 MB here)',
        params: IdParams,
        body: Type.Object(
          {
            item: Type.String({ minLength: 1, maxLength: 500 }),
            description: Type.Optional(Type.String({ maxLength: 5000 })),
            sha256: Type.Optional(Type.String({ maxLength: 64 })),
            contentBase64: Type.Optional(Type.String({ maxLength: 28_000_000 })),
            collectedBy: Type.String({ minLength: 1, maxLength: 200 }),
            collectedAt: Type.String({ format: 'date-time' }),
            location: Type.String({ minLength: 1, maxLength: 500 }),
            tlp: Type.Optional(Tlp),
          },
          strict,
        ),
        response: Created,
      },
      bodyLimit: 30 * 1024 * 1024,
    },
    async (request, reply) => {
      const { contentBase64, collectedAt, ...rest } = request.body;
      const id = await addEvidence(db, actor(request), request.params.id, {
        ...rest,
        collectedAt: new Date(collectedAt),
        ...(contentBase64 ? { content: Buffer.from(contentBase64, 'base64') } : {}),
      });
      return reply.code(201).send({ id });
    },
  );

  app.post(
    '/api/evidence/:id/custody',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Record a hand-over, access or storage (append-only)',
        params: UuidParams,
        body: Type.Object(
          {
            at: Type.String({ format: 'date-time' }),
            action: StringEnum(CUSTODY_ACTIONS),
            fromPerson: Type.Optional(Type.String({ maxLength: 200 })),
            toPerson: Type.Optional(Type.String({ maxLength: 200 })),
            location: Type.Optional(Type.String({ maxLength: 500 })),
            note: Type.Optional(Type.String({ maxLength: 5000 })),
          },
          strict,
        ),
        response: Created,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send({ id: await addCustodyEntry(db, actor(request), request.params.id, { ...request.body, at: new Date(request.body.at) }) }),
  );

  app.get(
    '/api/evidence/:id/custody',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'The chain of custody (JSON, or CSV with ?format=csv)',
        params: UuidParams,
        querystring: Type.Object({ format: Type.Optional(StringEnum(['json', 'csv'] as const)) }),
      },
    },
    async (request, reply) => {
      const evidence = await db.selectFrom('evidence').select(['id', 'tlp']).where('id', '=', request.params.id).executeTakeFirst();
      if (!evidence) throw notFound('evidence');
      await exportTo(request, 'export:custody', [{ kind: 'evidence', id: evidence.id, tlp: evidence.tlp as TlpLabel }]);
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="custody-${request.params.id}.csv"`)
          .send(await custodyCsv(db, request.params.id));
      }
      return (await custodyLog(db, request.params.id)).map(isoRow);
    },
  );

  // Participants, sharing, mail ---------------------------------------------------------------

  app.post(
    '/api/incidents/:id/participants',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Add a participant: a user, or a person by name and address',
        params: IdParams,
        body: Type.Object(
          {
            userId: Type.Optional(Uuid),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
            role: StringEnum(PARTICIPANT_ROLES),
          },
          strict,
        ),
        response: Created,
      },
    },
    async (request, reply) => reply.code(201).send({ id: await addParticipant(db, actor(request), request.params.id, request.body) }),
  );

  app.delete(
    '/api/participants/:id',
    {
      preHandler: requirePermission('incidents:write'),
      schema: { tags: ['incidents'], summary: 'Remove a participant (they lose access at once)', params: UuidParams, response: Done },
    },
    async (request, reply) => {
      await removeParticipant(db, actor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  // Reports are numbered like tickets; every other item has a UUID.
  const ShareBody = Type.Object({ kind: StringEnum(ITEM_KINDS), itemId: Type.Union([TicketId, Uuid]), participantId: Uuid }, strict);
  app.post(
    '/api/incidents/:id/shares',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Share one item with one participant (refused when TLP does not admit them)',
        params: IdParams,
        body: ShareBody,
        response: Done,
      },
    },
    async (request, reply) => {
      await shareItem(db, actor(request), request.params.id, request.body.kind, request.body.itemId, request.body.participantId);
      return reply.code(204).send(null);
    },
  );
  app.delete(
    '/api/incidents/:id/shares',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Stop sharing an item with a participant',
        params: IdParams,
        body: ShareBody,
        response: Done,
      },
    },
    async (request, reply) => {
      await unshareItem(db, actor(request), request.body.kind, request.body.itemId, request.body.participantId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/incidents/:id/mail',
    {
      preHandler: requirePermission('mail:send'),
      schema: {
        tags: ['incidents'],
        summary: 'Mail participants from the incident (tagged, signed, encrypted where required, TLP-checked)',
        params: IdParams,
        body: Type.Object(
          {
            participantIds: Type.Array(Uuid, { minItems: 1, maxItems: 100 }),
            subject: Type.String({ minLength: 1, maxLength: 500 }),
            text: Type.String({ minLength: 1, maxLength: 200_000 }),
            tlp: Type.Optional(Tlp),
          },
          strict,
        ),
        response: { 202: Type.Object({ id: Type.String(), status: Type.String() }), 400: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { sender, shortName } = await settings();
      const queued = sentOrRefused(
        await sendIncidentMail(db, sender, shortName, actor(request), request.params.id, {
          ...request.body,
          ...(request.body.tlp ? { tlp: request.body.tlp as TlpLabel } : {}),
        }),
      );
      return reply.code(202).send({ id: queued.id, status: queued.status });
    },
  );

  // Debrief ----------------------------------------------------------------------------------

  app.get(
    '/api/incidents/:id/debrief',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary:
          'The lessons-learned debrief (generated on first request); ?format=html or pdf to render, labelled with the most restrictive TLP of what it holds; ?audience=<TLP> leaves out what is above that label',
        params: IdParams,
        querystring: Type.Object(
          { format: Type.Optional(StringEnum(['json', 'html', 'pdf'] as const)), audience: Type.Optional(Tlp) },
          strict,
        ),
        response: {
          200: {
            description: 'The debrief as JSON, or rendered as HTML or PDF (format=)',
            content: {
              'application/json': { schema: DebriefSchema },
              'text/html': { schema: Type.String() },
              'application/pdf': { schema: Type.String({ format: 'binary' }) },
            },
          },
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const incident = await getIncidentRow(db, request.params.id);
      const debrief = await getDebrief(db, actor(request), request.params.id);
      const format = request.query.format ?? 'json';
      if (format === 'json' && !request.query.audience) {
        reply.header('etag', `"${debrief.version}"`);
        return debrief;
      }
      const rendering = debriefFor(debrief, incident.tlp as TlpLabel, request.query.audience);
      const items = [
        { kind: 'incident', id: incident.id, tlp: incident.tlp as TlpLabel },
        ...rendering.debrief.content.timeline.map((e, i) => ({
          kind: 'debrief-timeline',
          id: `${incident.id}:${i}`,
          tlp: (e.tlp ?? incident.tlp) as TlpLabel,
        })),
      ];
      await exportTo(request, 'export:debrief', items);
      reply.header('x-tlp', rendering.label);
      if (format === 'html')
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
          .send(renderDebriefHtml(rendering));
      if (format === 'pdf')
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="debrief-${request.params.id}.pdf"`)
          .send(await renderDebriefPdf(rendering));
      return { ...rendering.debrief, tlp: rendering.label, leftOut: rendering.leftOut };
    },
  );

  app.put(
    '/api/incidents/:id/debrief',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Edit the draft debrief (If-Match: its version); regenerate refreshes facts and timeline; final locks it',
        params: IdParams,
        body: Type.Object(
          { content: Type.Optional(Type.Unknown()), regenerate: Type.Optional(Type.Boolean()), final: Type.Optional(Type.Boolean()) },
          strict,
        ),
        response: { 200: DebriefSchema, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const expected = versionFrom(request.headers['if-match']);
      if (expected === undefined) throw new VaktError('validation', 'send If-Match with the version you edited');
      const debrief = await saveDebrief(db, actor(request), request.params.id, request.body, expected);
      reply.header('etag', `"${debrief.version}"`);
      return debrief;
    },
  );

  app.post(
    '/api/incidents/:id/debrief/reopen',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['incidents'],
        summary: 'Reopen a final debrief for changes (If-Match: its version); the reason is written on the timeline',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, strict),
        response: { 200: DebriefSchema, 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const expected = versionFrom(request.headers['if-match']);
      if (expected === undefined) throw new VaktError('validation', 'send If-Match with the version you read');
      const debrief = await reopenDebrief(db, actor(request), request.params.id, request.body.reason, expected);
      reply.header('etag', `"${debrief.version}"`);
      return debrief;
    },
  );

  // Search, retro-hunt, SLA, KPI -------------------------------------------------------------

  const SearchHitSchema = Type.Object({
    kind: StringEnum(['report', 'incident', 'note'] as const),
    id: Type.String(),
    incidentId: Type.Union([Type.String(), Type.Null()], { description: 'for a note: the incident it is on' }),
    title: Type.String(),
    status: Type.String(),
    tlp: Type.String(),
    at: Type.String({ format: 'date-time' }),
    rank: Type.Number(),
    snippet: Type.String(),
  });
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Full-text search over reports, incidents and the team’s notes, a page at a time, best match or newest first',
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 1, maxLength: 500 }),
            kind: Type.Optional(StringEnum(['report', 'incident', 'note'] as const)),
            sort: Type.Optional(StringEnum(['relevance', 'newest'] as const)),
            after: Type.Optional(KeyCursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          strict,
        ),
        response: {
          200: Type.Object({
            hits: Type.Array(SearchHitSchema),
            next: Type.Union([Type.String(), Type.Null()], { description: 'the cursor of the next page (after=), null on the last' }),
          }),
          400: Problem,
          403: Problem,
        },
      },
    },
    async (request) => {
      const who = principal(request);
      if (!can(who, 'reports:read') && !can(who, 'incidents:read'))
        throw new VaktError('forbidden', 'this needs the reports:read or incidents:read permission');
      const { q, ...options } = request.query;
      return search(db, who, q, options);
    },
  );

  app.get(
    '/api/indicators/seen',
    {
      preHandler: requirePermission('reports:read'),
      schema: {
        tags: ['incidents'],
        summary:
          'Where else an indicator was seen (retro-hunt): reports, incidents, what peers shared (STIX, MISP) and, for those who may read feeds, the feeds that reported it; defanged input is understood',
        querystring: Type.Object({ value: Type.String({ minLength: 1, maxLength: 2000 }) }, strict),
        response: {
          200: Type.Object({
            value: Type.String({ description: 'the indicator as stored: refanged and normalised' }),
            warninglists: Type.Array(Type.String(), {
              description: 'the warninglists the value is on (known benign: never used to link reports and incidents)',
            }),
            sightings: Type.Array(
              Type.Object({
                kind: StringEnum(['report', 'incident', 'shared', 'feed'] as const),
                id: Type.String({ description: "a report's or incident's number, a shared object's STIX id, a feed's name" }),
                title: Type.String(),
                at: Type.String({ format: 'date-time', description: 'when it was seen last' }),
                indicatorKind: Type.String(),
                events: Type.Optional(Type.Integer({ description: 'a feed: how many of its events named the value' })),
                firstAt: Type.Optional(Type.String({ format: 'date-time', description: "a feed: its oldest such event's time" })),
              }),
            ),
          }),
          400: Problem,
        },
      },
    },
    async (request) => seenElsewhere(db, request.query.value, { feeds: can(principal(request), 'feeds:read') }),
  );

  const KpiFigureSchema = Type.Object({
    count: Type.Number(),
    medianMinutes: Type.Union([Type.Number(), Type.Null()]),
    p90Minutes: Type.Union([Type.Number(), Type.Null()]),
    breaches: Type.Number(),
  });
  const SlaPolicySchema = Type.Object(
    {
      priority: StringEnum(PRIORITIES),
      acknowledgeMinutes: Type.Integer({ minimum: 1 }),
      triageMinutes: Type.Integer({ minimum: 1 }),
      resolveMinutes: Type.Integer({ minimum: 1 }),
    },
    strict,
  );
  app.get(
    '/api/sla-policies',
    {
      preHandler: requirePermission('kpi:read'),
      schema: { tags: ['kpi'], summary: 'SLA targets per priority, in working minutes', response: { 200: Type.Array(SlaPolicySchema) } },
    },
    async () => slaPolicies(db),
  );
  app.put(
    '/api/sla-policies',
    {
      preHandler: requirePermission('incidents:manage'),
      schema: {
        tags: ['kpi'],
        summary: 'Set the SLA targets',
        body: Type.Array(SlaPolicySchema, { minItems: 1, maxItems: 4 }),
        response: { 200: Type.Array(SlaPolicySchema), 400: Problem },
      },
    },
    async (request) => {
      await saveSlaPolicies(db, actor(request), request.body);
      return slaPolicies(db);
    },
  );

  app.get(
    '/api/kpi',
    {
      preHandler: requirePermission('kpi:read'),
      schema: {
        tags: ['kpi'],
        summary: 'Time to acknowledge, triage, contain and resolve per RSIT class and priority (working minutes)',
        querystring: Type.Object(
          {
            from: Type.Optional(Type.String({ format: 'date' })),
            to: Type.Optional(Type.String({ format: 'date' })),
          },
          strict,
        ),
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            rows: Type.Array(
              Type.Object({
                rsitClass: Type.String(),
                priority: Type.String(),
                incidents: Type.Number(),
                acknowledge: KpiFigureSchema,
                triage: KpiFigureSchema,
                contain: KpiFigureSchema,
                resolve: KpiFigureSchema,
              }),
            ),
          }),
          400: Problem,
        },
      },
    },
    async (request) => {
      // Whole UTC days, today included: the stored tallies are per day.
      const to = new Date(request.query.to ? `${request.query.to}T00:00:00Z` : Math.floor(Date.now() / 86_400_000 + 1) * 86_400_000);
      const from = request.query.from ? new Date(`${request.query.from}T00:00:00Z`) : new Date(to.getTime() - 90 * 86_400_000);
      if (from >= to) throw new VaktError('validation', 'from must be before to');
      return { from: from.toISOString(), to: to.toISOString(), rows: await kpis(db, from, to) };
    },
  );
};
