/**
 * Triage: a new report becomes an incident, joins one, is set aside as "not an incident", or is
 * merged into the report it duplicates; incidents merge and split. Every such decision is stored
 * as a list of moves (which row, which fields, before and after), so any of them can be undone —
 * and an undo is refused, not forced, when a later decision changed the same rows.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { VaktError, notFound } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { timeline } from './timeline.js';

type MovableTable = 'reports' | 'incidents';
type Fields = Record<string, string | null>;

export interface Move {
  table: MovableTable;
  id: string;
  before: Fields;
  after: Fields;
}

export type OperationKind =
  'merge-reports' | 'merge-incidents' | 'split-incident' | 'attach-report' | 'detach-report' | 'open-incident' | 'not-incident';

const TRACKED: Record<MovableTable, readonly string[]> = {
  reports: ['status', 'incident_id', 'merged_into_id', 'not_incident_reason', 'triaged_at'],
  incidents: ['merged_into_id', 'phase'],
};

function normalise(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

async function current(trx: Transaction<Schema>, table: MovableTable, id: string): Promise<Fields> {
  const result = await sql<
    Record<string, unknown>
  >`select ${sql.join(TRACKED[table].map((f) => sql.ref(f)))} from ${sql.table(table)} where id = ${id} for update`.execute(trx);
  const row = result.rows[0];
  if (!row) throw notFound(`${table === 'reports' ? 'report' : 'incident'} #${id}`);
  return Object.fromEntries(TRACKED[table].map((f) => [f, normalise(row[f])]));
}

async function write(trx: Transaction<Schema>, table: MovableTable, id: string, fields: Fields): Promise<void> {
  const assignments = Object.entries(fields).map(([field, value]) => sql`${sql.ref(field)} = ${value}`);
  if (assignments.length === 0) return;
  await sql`update ${sql.table(table)} set ${sql.join(assignments)} where id = ${id}`.execute(trx);
}

/** Applies changes to rows and returns the moves that record them. */
export async function move(trx: Transaction<Schema>, table: MovableTable, id: string, change: Fields): Promise<Move> {
  const before = await current(trx, table, id);
  const after = { ...before, ...change };
  await write(trx, table, id, after);
  return { table, id, before, after: await current(trx, table, id) };
}

export async function recordOperation(
  trx: Transaction<Schema>,
  actor: string,
  kind: OperationKind,
  moves: readonly Move[],
  summary: string,
): Promise<string> {
  const row = await trx
    .insertInto('triage_operations')
    .values({ kind, moves: JSON.stringify(moves), summary, actor })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { actor, action: `triage.${kind}`, objectType: 'triage-operation', objectId: row.id, after: { summary, moves } });
  return row.id;
}

export async function undoOperation(db: Kysely<Schema>, actor: string, operationId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const operation = await trx.selectFrom('triage_operations').selectAll().where('id', '=', operationId).forUpdate().executeTakeFirst();
    if (!operation) throw notFound('triage operation');
    if (operation.undone_at) throw new VaktError('conflict', 'this operation has already been undone');
    const moves = (typeof operation.moves === 'string' ? JSON.parse(operation.moves) : operation.moves) as Move[];
    const opened = operation.kind === 'open-incident' ? moves.find((m) => m.table === 'reports')?.after.incident_id : undefined;
    if (opened) {
      const work = await workOn(trx, opened);
      if (work.length > 0)
        throw new VaktError(
          'conflict',
          `cannot undo: incident #${opened} has work on it (${work.join(', ')}); reject or close it instead, or split its reports off`,
        );
    }
    for (const m of [...moves].reverse()) {
      const now = await current(trx, m.table, m.id);
      const changed = Object.keys(m.after).filter((f) => now[f] !== m.after[f]);
      if (changed.length > 0) {
        throw new VaktError(
          'conflict',
          `cannot undo: ${m.table === 'reports' ? 'report' : 'incident'} #${m.id} changed since (${changed.join(', ')}); undo the later operations first`,
        );
      }
      await write(trx, m.table, m.id, m.before);
      // A report's mail follows it back to where it was.
      if (m.table === 'reports')
        await trx
          .updateTable('messages')
          .set({ incident_id: m.before.incident_id ?? null })
          .where('report_id', '=', m.id)
          .execute();
    }
    if (opened) await retireEmptyIncident(trx, actor, opened, moves);
    await trx.updateTable('triage_operations').set({ undone_at: new Date(), undone_by: actor }).where('id', '=', operationId).execute();
    await appendAudit(trx, {
      actor,
      action: 'triage.undo',
      objectType: 'triage-operation',
      objectId: operationId,
      before: { kind: operation.kind, summary: operation.summary },
    });
  });
}

/** What was done on an incident beyond opening it from reports: undoing the opening would orphan it. */
async function workOn(trx: Transaction<Schema>, incidentId: string): Promise<string[]> {
  const counts = await sql<{ what: string; n: string | number }>`
    select 'task' as what, count(*) as n from tasks where incident_id = ${incidentId}
    union all select 'investigation', count(*) from investigations where incident_id = ${incidentId}
    union all select 'countermeasure', count(*) from countermeasures where incident_id = ${incidentId}
    union all select 'observable', count(*) from observables where incident_id = ${incidentId}
    union all select 'asset', count(*) from assets where incident_id = ${incidentId}
    union all select 'evidence item', count(*) from evidence where incident_id = ${incidentId}
    union all select 'participant', count(*) from incident_participants where incident_id = ${incidentId}
    union all select 'share', count(*) from incident_shares where incident_id = ${incidentId}
    union all select 'affected organisation', count(*) from incident_organisations where incident_id = ${incidentId}
    union all select 'debrief', count(*) from debriefs where incident_id = ${incidentId}
    union all select 'mail message', count(*) from messages where incident_id = ${incidentId} and (direction = 'out' or report_id is null)
    union all select 'timeline entry', count(*) from timeline_events where incident_id = ${incidentId} and kind <> 'opened'
    union all select 'edit', count(*) from incidents where id = ${incidentId} and version > 1
  `.execute(trx);
  const plural = (what: string) => (what.endsWith('y') ? `${what.slice(0, -1)}ies` : `${what}s`);
  return counts.rows.filter((r) => Number(r.n) > 0).map((r) => `${r.n} ${Number(r.n) === 1 ? r.what : plural(r.what)}`);
}

/** The incident an undone opening leaves with no reports is rejected, and says why on its timeline. */
async function retireEmptyIncident(trx: Transaction<Schema>, actor: string, incidentId: string, moves: readonly Move[]): Promise<void> {
  const incident = await trx
    .updateTable('incidents')
    .set({ phase: 'rejected', closed_at: new Date(), version: sql`version + 1` })
    .where('id', '=', incidentId)
    .returning('tlp')
    .executeTakeFirstOrThrow();
  const reports = moves.filter((m) => m.table === 'reports').map((m) => `#${m.id}`);
  const summary = `Opening undone: report ${reports.join(', ')} back in triage; this incident is rejected`;
  await timeline(trx, incidentId, 'phase', summary, actor, incident.tlp);
}

export async function listOperations(db: Kysely<Schema>, filter: { reportId?: string; incidentId?: string; limit?: number } = {}) {
  let query = db
    .selectFrom('triage_operations')
    .selectAll()
    .orderBy('created_at', 'desc')
    .limit(filter.limit ?? 100);
  const id = filter.reportId ?? filter.incidentId;
  if (id) {
    const table = filter.reportId ? 'reports' : 'incidents';
    query = query.where(sql<boolean>`moves @> ${JSON.stringify([{ table, id }])}::jsonb`);
  }
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, moves: (typeof r.moves === 'string' ? JSON.parse(r.moves) : r.moves) as Move[] }));
}

async function newReport(trx: Transaction<Schema>, id: string) {
  const report = await trx
    .selectFrom('reports')
    .select(['id', 'status', 'incident_id', 'merged_into_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!report) throw notFound(`report #${id}`);
  return report;
}

export async function markNotIncident(db: Kysely<Schema>, actor: string, reportId: string, reason: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const report = await newReport(trx, reportId);
    if (report.status !== 'new') throw new VaktError('conflict', `report #${reportId} is already triaged (${report.status})`);
    const m = await move(trx, 'reports', reportId, {
      status: 'not-incident',
      not_incident_reason: reason,
      triaged_at: new Date().toISOString(),
    });
    return recordOperation(trx, actor, 'not-incident', [m], `report #${reportId} is not an incident: ${reason}`);
  });
}

/** Duplicates join the report they repeat; their mail threads follow it. */
export async function mergeReports(db: Kysely<Schema>, actor: string, duplicateIds: readonly string[], intoId: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const into = await newReport(trx, intoId);
    if (into.merged_into_id) throw new VaktError('conflict', `report #${intoId} is itself merged into #${into.merged_into_id}`);
    const moves: Move[] = [];
    for (const id of duplicateIds) {
      if (id === intoId) throw new VaktError('validation', 'a report cannot be merged into itself');
      const report = await newReport(trx, id);
      if (report.merged_into_id) throw new VaktError('conflict', `report #${id} is already merged`);
      moves.push(
        await move(trx, 'reports', id, {
          status: 'merged',
          merged_into_id: intoId,
          incident_id: into.incident_id,
          triaged_at: new Date().toISOString(),
        }),
      );
    }
    return recordOperation(
      trx,
      actor,
      'merge-reports',
      moves,
      `reports ${duplicateIds.map((i) => `#${i}`).join(', ')} merged into #${intoId}`,
    );
  });
}

export async function attachReports(trx: Transaction<Schema>, reportIds: readonly string[], incidentId: string): Promise<Move[]> {
  const moves: Move[] = [];
  for (const id of reportIds) {
    const report = await newReport(trx, id);
    if (report.merged_into_id) throw new VaktError('conflict', `report #${id} is merged into #${report.merged_into_id}; attach that one`);
    if (report.incident_id === incidentId) continue;
    moves.push(await move(trx, 'reports', id, { status: 'incident', incident_id: incidentId, triaged_at: new Date().toISOString() }));
    // Mail already on the report now shows on the incident.
    await trx.updateTable('messages').set({ incident_id: incidentId }).where('report_id', '=', id).execute();
  }
  return moves;
}

export async function attachReportToIncident(db: Kysely<Schema>, actor: string, reportId: string, incidentId: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const incident = await trx.selectFrom('incidents').select(['id', 'merged_into_id']).where('id', '=', incidentId).executeTakeFirst();
    if (!incident) throw notFound(`incident #${incidentId}`);
    if (incident.merged_into_id) throw new VaktError('conflict', `incident #${incidentId} is merged into #${incident.merged_into_id}`);
    const moves = await attachReports(trx, [reportId], incidentId);
    await timeline(trx, incidentId, 'report-attached', `Report #${reportId} attached`, actor, 'AMBER+STRICT');
    return recordOperation(trx, actor, 'attach-report', moves, `report #${reportId} attached to incident #${incidentId}`);
  });
}

/** Incident `fromId` continues as `intoId`: its reports move; its own items stay with it, reachable from `intoId`. */
export async function mergeIncidents(db: Kysely<Schema>, actor: string, fromId: string, intoId: string): Promise<string> {
  if (fromId === intoId) throw new VaktError('validation', 'an incident cannot be merged into itself');
  return db.transaction().execute(async (trx) => {
    for (const id of [fromId, intoId]) {
      const row = await trx.selectFrom('incidents').select(['merged_into_id']).where('id', '=', id).executeTakeFirst();
      if (!row) throw notFound(`incident #${id}`);
      if (row.merged_into_id) throw new VaktError('conflict', `incident #${id} is already merged into #${row.merged_into_id}`);
    }
    const reports = await trx
      .selectFrom('reports')
      .select('id')
      .where('incident_id', '=', fromId)
      .where('merged_into_id', 'is', null)
      .execute();
    const moves = [
      await move(trx, 'incidents', fromId, { merged_into_id: intoId }),
      ...(await attachReports(
        trx,
        reports.map((r) => r.id),
        intoId,
      )),
    ];
    await timeline(trx, intoId, 'merge', `Incident #${fromId} merged into this incident`, actor, 'AMBER+STRICT');
    return recordOperation(trx, actor, 'merge-incidents', moves, `incident #${fromId} merged into #${intoId}`);
  });
}
