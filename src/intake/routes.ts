/**
 * Reports over HTTP: submitting (API, the constituents' form, an analyst's note of a call), the
 * triage queue and its decisions, a report's mail with its PGP status, raw mail and attachments
 * as downloads, replies to the reporter, mailboxes and contact keys.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { actorOf, can } from '../auth/roles.js';
import { VaktError, notFound } from '../core/errors.js';
import { TLP_LABELS } from '../core/tlp.js';
import { afterKeyCursor, beforeCursor, CursorSchema, cursorTime, KeyCursorSchema, keyPage, KeyPageQuery } from '../core/cursor.js';
import { StringEnum } from '../core/validate.js';
import { getBlob } from '../db/blobs.js';
import { appendAudit } from '../audit/audit-log.js';
import { principal, requirePermission } from '../http/authentication.js';
import { replyToReporter, sentOrRefused } from '../incidents/mail.js';
import { triageCandidates } from '../incidents/search.js';
import { slaOf, slaPolicies, teamClock } from '../incidents/sla.js';
import { listOperations, markNotIncident, mergeReports, attachReportToIncident, undoOperation } from '../incidents/triage.js';
import { reopenReport } from '../incidents/incidents.js';
import { pageContactKeys, storePublicKey } from '../mail/keys.js';
import { createReport, reportClockStart } from './reports.js';
import { intakeSettings } from './settings.js';
import { MachineReportSchema, ReportDetailSchema, ReportRowSchema } from './report-schemas.js';
import { isoOrNull } from '../core/iso-time.js';

const Problem = Type.Ref('Problem');
const TicketId = Type.String({ pattern: '^\\d{1,15}$' });
const Uuid = Type.String({ format: 'uuid' });
const IdParams = Type.Object({ id: TicketId });
const MANUAL_CHANNELS = ['api', 'web-form', 'phone', 'signal', 'meeting', 'other'] as const;

const NewReportSchema = Type.Object(
  {
    subject: Type.String({ minLength: 1, maxLength: 998 }),
    body: Type.String({ maxLength: 1_000_000 }),
    channel: Type.Optional(StringEnum(MANUAL_CHANNELS)),
    reporterName: Type.Optional(Type.String({ maxLength: 200 })),
    reporterEmail: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    tlp: Type.Optional(StringEnum(TLP_LABELS)),
    receivedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

const REPORT_COLUMNS = [
  'id',
  'channel',
  'status',
  'not_incident_reason',
  'incident_id',
  'merged_into_id',
  'subject',
  'body',
  'reporter_name',
  'reporter_email',
  'organisation_id',
  'tlp',
  'tlp_source',
  'sensitive',
  'intake_status',
  'intake_notes',
  'received_at',
  'reported_at',
  'machine_report',
  'acknowledged_at',
  'triaged_at',
  'created_by',
] as const;

export const intakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const settings = () => intakeSettings(db, app.vakt.config.mail, app.vakt.teamKey);

  app.post(
    '/api/reports',
    {
      preHandler: requirePermission('reports:submit'),
      schema: {
        tags: ['reports'],
        summary: 'Submit a report (constituents: the web form; analysts: also phone, Signal or meeting notes)',
        body: NewReportSchema,
        response: { 201: Type.Object({ id: Type.String() }), 400: Problem },
      },
    },
    async (request, reply) => {
      const who = principal(request);
      const body = request.body;
      const isConstituent = !can(who, 'reports:triage');
      const { defaultTlp } = await settings();
      const id = await createReport(
        db,
        actorOf(who),
        {
          // A constituent reports as themselves, for their organisation, through the form.
          channel: isConstituent ? 'web-form' : (body.channel ?? 'api'),
          subject: body.subject,
          body: body.body,
          reporterName: isConstituent ? who.name : (body.reporterName ?? ''),
          reporterEmail: isConstituent ? who.email : (body.reporterEmail ?? null),
          organisationId: isConstituent ? who.organisationId : null,
          ...(body.tlp ? { tlp: body.tlp } : {}),
          ...(body.receivedAt && !isConstituent ? { receivedAt: new Date(body.receivedAt) } : {}),
        },
        defaultTlp,
      );
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/api/reports',
    {
      preHandler: requirePermission('reports:read'),
      schema: {
        tags: ['reports'],
        summary: 'Reports, newest first, paged by a cursor; status=new is the triage queue (with its SLA timers)',
        // An unknown parameter is refused: a misspelt filter must not quietly return everything.
        querystring: Type.Object(
          {
            status: Type.Optional(StringEnum(['new', 'incident', 'not-incident', 'merged'] as const)),
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'words in the subject or text' })),
            before: Type.Optional(CursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(ReportRowSchema), 400: Problem },
      },
    },
    async (request) => {
      let query = db
        .selectFrom('reports')
        .select([
          'id',
          'channel',
          'status',
          'subject',
          'reporter_name',
          'reporter_email',
          'tlp',
          'sensitive',
          'intake_status',
          'received_at',
          'reported_at',
          'acknowledged_at',
          'triaged_at',
          'incident_id',
          'merged_into_id',
          cursorTime('received_at').as('cursor_at'),
        ])
        .orderBy('received_at', 'desc')
        .orderBy('id', 'desc')
        .limit(request.query.limit ?? 100);
      if (request.query.status) query = query.where('status', '=', request.query.status);
      if (request.query.q) query = query.where(sql<boolean>`search @@ websearch_to_tsquery('simple', ${request.query.q})`);
      if (request.query.before) query = query.where(beforeCursor(request.query.before, 'received_at', 'id', 'ticket'));
      const rows = await query.execute();
      const [clock, policies] = await Promise.all([teamClock(db), slaPolicies(db)]);
      return rows.map(({ cursor_at, ...r }) => {
        const sla = slaOf(clock, policies, {
          priority: 'normal',
          opened_at: reportClockStart(r),
          acknowledged_at: r.acknowledged_at,
          triaged_at: r.triaged_at,
          resolved_at: null,
        });
        return {
          ...r,
          received_at: isoOrNull(r.received_at),
          reported_at: isoOrNull(r.reported_at),
          acknowledged_at: isoOrNull(r.acknowledged_at),
          triaged_at: isoOrNull(r.triaged_at),
          sla: { acknowledge: sla.acknowledge, triage: sla.triage },
          cursor: `${cursor_at},${r.id}`,
        };
      });
    },
  );

  app.get(
    '/api/reports/:id',
    {
      preHandler: requirePermission('reports:read'),
      schema: {
        tags: ['reports'],
        summary: 'A report with its mail (PGP status), attachments, indicators, triage candidates and history',
        params: IdParams,
        response: { 200: ReportDetailSchema, 404: Problem },
      },
    },
    async (request) => {
      const id = request.params.id;
      const report = await db.selectFrom('reports').select(REPORT_COLUMNS).where('id', '=', id).executeTakeFirst();
      if (!report) throw notFound(`report #${id}`);
      const [messages, attachments, indicators, candidates, operations, feedback] = await Promise.all([
        db
          .selectFrom('messages')
          .select([
            'id',
            'direction',
            'message_id',
            'subject',
            'from_address',
            'to_addresses',
            'cc_addresses',
            'sent_at',
            'created_at',
            'body_text',
            'body_html',
            'raw_size',
            'pgp_encryption',
            'pgp_signature',
            'pgp_signer',
            'auto_submitted',
            'automatic',
            'tlp',
            'delivery_status',
            'delivery_error',
            'report_id',
          ])
          .where('report_id', '=', id)
          .orderBy('created_at')
          .execute(),
        db
          .selectFrom('attachments')
          .select(['id', 'message_id', 'filename', 'content_type', 'size', 'sha256', 'stored', 'note'])
          .where('report_id', '=', id)
          .execute(),
        db.selectFrom('report_indicators').select(['kind', 'value']).where('report_id', '=', id).orderBy('kind').orderBy('value').execute(),
        triageCandidates(db, id),
        listOperations(db, { reportId: id }),
        db
          .selectFrom('report_feedback as f')
          .innerJoin('users as u', 'u.id', 'f.user_id')
          .select(['u.name', 'f.rating', 'f.comment', 'f.given_at'])
          .where('f.report_id', '=', id)
          .orderBy('f.given_at')
          .execute(),
      ]);
      return {
        ...report,
        received_at: isoOrNull(report.received_at),
        reported_at: isoOrNull(report.reported_at),
        acknowledged_at: isoOrNull(report.acknowledged_at),
        triaged_at: isoOrNull(report.triaged_at),
        messages: messages.map((m) => ({ ...m, sent_at: isoOrNull(m.sent_at), created_at: isoOrNull(m.created_at) })),
        attachments,
        indicators,
        candidates,
        feedback: feedback.map((f) => ({ name: f.name, rating: f.rating, comment: f.comment, givenAt: isoOrNull(f.given_at) })),
        operations: operations.map((o) => ({
          id: o.id,
          kind: o.kind,
          summary: o.summary,
          actor: o.actor,
          createdAt: isoOrNull(o.created_at),
          undoneAt: isoOrNull(o.undone_at),
        })),
      };
    },
  );

  app.get(
    '/api/messages/:id/raw',
    {
      preHandler: requirePermission('reports:read'),
      schema: { tags: ['reports'], summary: 'A message exactly as received or sent (.eml)', params: Type.Object({ id: Uuid }) },
    },
    async (request, reply) => {
      const message = await db.selectFrom('messages').select(['raw_sha256']).where('id', '=', request.params.id).executeTakeFirst();
      if (!message?.raw_sha256) throw notFound('raw message');
      const raw = await getBlob(db, message.raw_sha256);
      if (!raw) throw notFound('raw message');
      return reply
        .type('message/rfc822')
        .header('content-disposition', `attachment; filename="${request.params.id}.eml"`)
        .header('x-content-type-options', 'nosniff')
        .send(raw);
    },
  );

  app.get(
    '/api/attachments/:id',
    {
      preHandler: requirePermission('reports:read'),
      schema: { tags: ['reports'], summary: 'An attachment, always as a download (never rendered)', params: Type.Object({ id: Uuid }) },
    },
    async (request, reply) => {
      const attachment = await db
        .selectFrom('attachments')
        .select(['sha256', 'filename', 'stored'])
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!attachment) throw notFound('attachment');
      if (!attachment.stored) throw new VaktError('not-found', 'this attachment was over the size limit; download the raw message instead');
      const content = await getBlob(db, attachment.sha256);
      if (!content) throw notFound('attachment content');
      const safeName = attachment.filename.replace(/[^\w.\- ]/g, '_');
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename="${safeName}"`)
        .header('x-content-type-options', 'nosniff')
        .send(content);
    },
  );

  const decision = { 200: Type.Object({ operationId: Type.String() }), 400: Problem, 404: Problem, 409: Problem };

  app.post(
    '/api/reports/:id/not-incident',
    {
      preHandler: requirePermission('reports:triage'),
      schema: {
        tags: ['triage'],
        summary: 'Set a report aside as not an incident',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) }, { additionalProperties: false }),
        response: decision,
      },
    },
    async (request) => ({ operationId: await markNotIncident(db, actorOf(principal(request)), request.params.id, request.body.reason) }),
  );

  app.post(
    '/api/reports/:id/merge',
    {
      preHandler: requirePermission('reports:triage'),
      schema: {
        tags: ['triage'],
        summary: 'Merge this report into the one it duplicates',
        params: IdParams,
        body: Type.Object({ into: TicketId }, { additionalProperties: false }),
        response: decision,
      },
    },
    async (request) => ({ operationId: await mergeReports(db, actorOf(principal(request)), [request.params.id], request.body.into) }),
  );

  app.post(
    '/api/reports/:id/attach',
    {
      preHandler: requirePermission('reports:triage'),
      schema: {
        tags: ['triage'],
        summary: 'Attach this report to an existing incident',
        params: IdParams,
        body: Type.Object({ incidentId: TicketId }, { additionalProperties: false }),
        response: decision,
      },
    },
    async (request) => ({
      operationId: await attachReportToIncident(db, actorOf(principal(request)), request.params.id, request.body.incidentId),
    }),
  );

  app.post(
    '/api/reports/:id/reopen',
    {
      preHandler: requirePermission('reports:triage'),
      schema: { tags: ['triage'], summary: 'Send a report back to the triage queue', params: IdParams, response: decision },
    },
    async (request) => ({ operationId: await reopenReport(db, actorOf(principal(request)), request.params.id) }),
  );

  app.post(
    '/api/triage/operations/:id/undo',
    {
      preHandler: requirePermission('reports:triage'),
      schema: {
        tags: ['triage'],
        summary: 'Undo a triage decision (merge, split, attach, …)',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await undoOperation(db, actorOf(principal(request)), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/reports/:id/reply',
    {
      preHandler: requirePermission('mail:send'),
      schema: {
        tags: ['reports'],
        summary: 'Answer the reporter on the report thread (signed; encrypted where required)',
        params: IdParams,
        body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 200_000 }) }, { additionalProperties: false }),
        response: { 202: Type.Object({ id: Type.String(), status: Type.String() }), 400: Problem, 403: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { sender, shortName } = await settings();
      const queued = sentOrRefused(
        await replyToReporter(db, sender, shortName, actorOf(principal(request)), request.params.id, request.body.text),
      );
      return reply.code(202).send({ id: queued.id, status: queued.status });
    },
  );

  // Mailboxes ------------------------------------------------------------------------------------

  const MailboxSchema = Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 100 }),
      host: Type.String({ minLength: 1, maxLength: 255 }),
      port: Type.Integer({ minimum: 1, maximum: 65535 }),
      secure: Type.Boolean(),
      username: Type.String({ minLength: 1, maxLength: 255 }),
      password: Type.String({ minLength: 1, maxLength: 1000 }),
      folder: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
      enabled: Type.Optional(Type.Boolean()),
    },
    { additionalProperties: false },
  );

  app.get(
    '/api/mailboxes',
    {
      preHandler: requirePermission('mail:settings'),
      schema: {
        tags: ['mail'],
        summary: 'Mailboxes polled for reports, in name order a page at a time (passwords are never shown)',
        querystring: KeyPageQuery,
        response: {
          400: Problem,
          200: Type.Object({
            next: Type.Union([Type.String(), Type.Null()]),
            mailboxes: Type.Array(
              Type.Object({
                id: Type.String(),
                name: Type.String(),
                host: Type.String(),
                port: Type.Integer(),
                secure: Type.Boolean(),
                username: Type.String(),
                folder: Type.String(),
                enabled: Type.Boolean(),
                last_polled_at: Type.Union([Type.String(), Type.Null()]),
                last_error: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { after, limit = 100 } = request.query;
      let query = db
        .selectFrom('mailboxes')
        .select(['id', 'name', 'host', 'port', 'secure', 'username', 'folder', 'enabled', 'last_polled_at', 'last_error'])
        .select(sql<string>`name`.as('sort_key'))
        .orderBy('name')
        .orderBy('id')
        .limit(limit + 1);
      if (after) query = query.where(afterKeyCursor(after, sql<string>`name`, 'id', false));
      const { page, next } = keyPage(await query.execute(), limit, (row) => row.id);
      return { mailboxes: page.map(({ sort_key: _, ...r }) => ({ ...r, last_polled_at: isoOrNull(r.last_polled_at) })), next };
    },
  );

  app.post(
    '/api/mailboxes',
    {
      preHandler: requirePermission('mail:settings'),
      schema: {
        tags: ['mail'],
        summary: 'Add a mailbox to poll',
        body: MailboxSchema,
        response: { 201: Type.Object({ id: Type.String() }), 400: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(principal(request));
      const body = request.body;
      const id = await db.transaction().execute(async (trx) => {
        const exists = await trx.selectFrom('mailboxes').select('id').where('name', '=', body.name).executeTakeFirst();
        if (exists) throw new VaktError('conflict', `a mailbox named ${body.name} exists`);
        const row = await trx
          .insertInto('mailboxes')
          .values({ ...body, folder: body.folder ?? 'INBOX', enabled: body.enabled ?? true })
          .returning('id')
          .executeTakeFirstOrThrow();
        await appendAudit(trx, {
          actor,
          action: 'mailbox.create',
          objectType: 'mailbox',
          objectId: row.id,
          after: { ...body, password: undefined },
        });
        return row.id;
      });
      return reply.code(201).send({ id });
    },
  );

  app.delete(
    '/api/mailboxes/:id',
    {
      preHandler: requirePermission('mail:settings'),
      schema: {
        tags: ['mail'],
        summary: 'Stop polling a mailbox',
        params: Type.Object({ id: Uuid }),
        response: { 204: Type.Null(), 404: Problem },
      },
    },
    async (request, reply) => {
      const actor = actorOf(principal(request));
      await db.transaction().execute(async (trx) => {
        const row = await trx.deleteFrom('mailboxes').where('id', '=', request.params.id).returning(['name']).executeTakeFirst();
        if (!row) throw notFound('mailbox');
        await appendAudit(trx, { actor, action: 'mailbox.delete', objectType: 'mailbox', objectId: request.params.id, before: row });
      });
      return reply.code(204).send(null);
    },
  );

  // Contact keys ---------------------------------------------------------------------------------

  app.get(
    '/api/pgp-keys',
    {
      preHandler: requirePermission('keys:manage'),
      schema: {
        tags: ['mail'],
        summary:
          'Stored public keys of contacts, in address order a page at a time (a national team holds thousands): words in the address, and the cursor of the page before',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ minLength: 1, maxLength: 254 })),
            after: Type.Optional(KeyCursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            keys: Type.Array(
              Type.Object({
                fingerprint: Type.String(),
                email: Type.String(),
                user_ids: Type.Array(Type.String()),
                expires_at: Type.Union([Type.String(), Type.Null()]),
                created_at: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
            next: Type.Union([Type.String(), Type.Null()]),
          }),
          400: Problem,
        },
      },
    },
    async (request) => {
      const { q, after, limit = 100 } = request.query;
      return pageContactKeys(db, { ...(q ? { q } : {}), ...(after ? { after } : {}), limit });
    },
  );

  app.post(
    '/api/pgp-keys',
    {
      preHandler: requirePermission('keys:manage'),
      schema: {
        tags: ['mail'],
        summary: 'Store a contact public key (armoured)',
        body: Type.Object({ armored: Type.String({ minLength: 1, maxLength: 200_000 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ fingerprint: Type.String(), email: Type.String() }), 400: Problem },
      },
    },
    async (request, reply) => {
      const info = await storePublicKey(db, actorOf(principal(request)), request.body.armored);
      return reply.code(201).send({ fingerprint: info.fingerprint, email: info.email });
    },
  );

  app.get(
    '/api/outbox',
    {
      preHandler: requirePermission('mail:send'),
      schema: {
        tags: ['mail'],
        summary: 'Outgoing mail and its delivery state, newest first, paged by a cursor',
        querystring: Type.Object(
          {
            status: Type.Optional(
              StringEnum(['queued', 'sending', 'sent', 'delayed', 'complained', 'bounced', 'failed', 'suppressed'] as const),
            ),
            before: Type.Optional(CursorSchema),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              report_id: Type.Union([Type.String(), Type.Null()]),
              incident_id: Type.Union([Type.String(), Type.Null()]),
              subject: Type.String(),
              to_addresses: Type.Array(Type.String()),
              delivery_status: Type.Union([Type.String(), Type.Null()]),
              delivery_error: Type.Union([Type.String(), Type.Null()]),
              delivery_attempts: Type.Integer(),
              pgp_encryption: Type.String(),
              pgp_signature: Type.String(),
              created_at: Type.String(),
              sent_at: Type.Union([Type.String(), Type.Null()]),
              tlp: Type.String(),
              cursor: Type.String({ description: 'where the next page starts after this row (before=)' }),
            }),
          ),
          400: Problem,
        },
      },
    },
    async (request) => {
      let query = db
        .selectFrom('messages')
        .select([
          'id',
          'report_id',
          'incident_id',
          'subject',
          'to_addresses',
          'delivery_status',
          'delivery_error',
          'delivery_attempts',
          'pgp_encryption',
          'pgp_signature',
          'created_at',
          'sent_at',
          'tlp',
          cursorTime('created_at').as('cursor_at'),
        ])
        .where('direction', '=', 'out')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(request.query.limit ?? 100);
      if (request.query.status) query = query.where('delivery_status', '=', request.query.status);
      if (request.query.before) query = query.where(beforeCursor(request.query.before, 'created_at', 'id', 'uuid'));
      return (await query.execute()).map(({ cursor_at, ...m }) => ({
        ...m,
        created_at: isoOrNull(m.created_at),
        sent_at: isoOrNull(m.sent_at),
        cursor: `${cursor_at},${m.id}`,
      }));
    },
  );

  app.get(
    '/api/mail/filed',
    {
      preHandler: requirePermission('mail:send'),
      schema: {
        tags: ['mail'],
        summary: 'Delivery reports about nothing of ours (backscatter), filed on no report: newest first, paged by a cursor',
        querystring: Type.Object(
          { before: Type.Optional(CursorSchema), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              from_address: Type.String(),
              subject: Type.String(),
              created_at: Type.String(),
              machine_report: MachineReportSchema,
              cursor: Type.String({ description: 'where the next page starts after this row (before=)' }),
            }),
          ),
          400: Problem,
        },
      },
    },
    async (request) => {
      // The partial index messages_machine_filed holds exactly these rows, in this order.
      let query = db
        .selectFrom('messages')
        .select(['id', 'from_address', 'subject', 'created_at', 'machine_report', cursorTime('created_at').as('cursor_at')])
        .where('direction', '=', 'in')
        .where('report_id', 'is', null)
        .where('incident_id', 'is', null)
        .where('machine_report', 'is not', null)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(request.query.limit ?? 100);
      if (request.query.before) query = query.where(beforeCursor(request.query.before, 'created_at', 'id', 'uuid'));
      return (await query.execute()).map(({ cursor_at, ...m }) => ({
        ...m,
        created_at: isoOrNull(m.created_at),
        cursor: `${cursor_at},${m.id}`,
      }));
    },
  );
};
