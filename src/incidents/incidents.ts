/**
 * Incidents: opened from reports (or directly), classified with RSIT, prioritised, moved through
 * the phases. Every change is audited; a priority change needs a reason; an edit names the
 * version it was made on, so two analysts do not overwrite each other.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError, VaktError, notFound, type FieldIssue } from '../core/errors.js';
import { checkRsit, checkTechniques } from '../core/taxonomies.js';
import { mostRestrictive, type TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { reportClockStart } from '../intake/reports.js';
import { requireTeamMember } from './ownership.js';
import { applyTemplate, templateFor } from './templates.js';
import { timeline } from './timeline.js';
import { attachReports, move, recordOperation, type Move } from './triage.js';

export const PRIORITIES = ['low', 'normal', 'high', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const IMPACTS = ['unknown', 'none', 'low', 'medium', 'high'] as const;
export const PHASES = ['triage', 'containment', 'eradication', 'recovery', 'lessons-learned', 'closed', 'rejected'] as const;
export type Phase = (typeof PHASES)[number];

/** Where each phase may go next. Going back is allowed: a recovery can reveal more to contain. */
export const NEXT_PHASES: Record<Phase, readonly Phase[]> = {
  triage: ['containment', 'rejected', 'closed'],
  containment: ['eradication', 'recovery', 'triage'],
  eradication: ['recovery', 'containment'],
  recovery: ['lessons-learned', 'eradication', 'containment'],
  'lessons-learned': ['closed', 'recovery'],
  closed: ['lessons-learned'],
  rejected: ['triage'],
};

export interface IncidentInput {
  title: string;
  description?: string;
  rsitClass?: string | null;
  rsitType?: string | null;
  priority?: Priority;
  /** What the reporter or customer asked for, kept beside the team's own assessment. */
  requestedPriority?: Priority | null;
  impact?: (typeof IMPACTS)[number];
  affectedConstituents?: string;
  tlp?: TlpLabel;
  pap?: string;
  managerId?: string | null;
  reportIds?: readonly string[];
}

function check(input: { rsitClass?: string | null; rsitType?: string | null; attackTechniques?: readonly string[] }): void {
  const issues: FieldIssue[] = [...checkRsit(input.rsitClass, input.rsitType), ...checkTechniques(input.attackTechniques ?? [])];
  if (issues.length > 0) throw new ValidationError(issues);
}

/** Opens an incident inside a transaction the caller holds (split uses it too). */
async function open(trx: Transaction<Schema>, actor: string, input: IncidentInput): Promise<{ id: string; moves: Move[] }> {
  check(input);
  const reportIds = input.reportIds ?? [];
  const reports =
    reportIds.length > 0
      ? await trx
          .selectFrom('reports')
          .select(['id', 'tlp', 'sensitive', 'received_at', 'reported_at'])
          .where('id', 'in', [...reportIds])
          .execute()
      : [];
  const missing = reportIds.filter((id) => !reports.some((r) => r.id === id));
  if (missing.length > 0) throw notFound(`report #${missing[0]}`);
  if (input.managerId) await requireTeamMember(trx, input.managerId, 'managerId');
  const template = await templateFor(trx, input.rsitClass, input.rsitType);
  // The reports' labels are a floor no template lowers; with neither, a cautious AMBER+STRICT.
  const floor = template?.tlp ?? (reports.length > 0 ? 'CLEAR' : 'AMBER+STRICT');
  const tlp = input.tlp ?? reports.reduce<TlpLabel>((label, r) => mostRestrictive(label, r.tlp as TlpLabel), floor);
  const openedAt = reports.length > 0 ? new Date(Math.min(...reports.map((r) => reportClockStart(r).getTime()))) : new Date();
  const now = new Date();
  const row = await trx
    .insertInto('incidents')
    .values({
      title: input.title,
      description: input.description ?? '',
      rsit_class: input.rsitClass ?? null,
      rsit_type: input.rsitType ?? null,
      priority: input.priority ?? template?.priority ?? 'normal',
      requested_priority: input.requestedPriority ?? null,
      impact: input.impact ?? 'unknown',
      affected_constituents: input.affectedConstituents ?? '',
      tlp,
      pap: input.pap ?? 'AMBER',
      sensitive: reports.some((r) => r.sensitive),
      manager_id: input.managerId ?? null,
      opened_at: openedAt,
      triaged_at: now,
      attack_techniques: [],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const moves = await attachReports(trx, reportIds, row.id);
  await timeline(
    trx,
    row.id,
    'opened',
    `Incident opened${reportIds.length > 0 ? ` from report ${reportIds.map((r) => `#${r}`).join(', ')}` : ''}`,
    actor,
    tlp,
  );
  if (template) await applyTemplate(trx, actor, row.id, template);
  await appendAudit(trx, { actor, action: 'incident.create', objectType: 'incident', objectId: row.id, after: { ...input, tlp } });
  return { id: row.id, moves };
}

export async function createIncident(
  db: Kysely<Schema>,
  actor: string,
  input: IncidentInput,
  /** What else the new incident gets in the same transaction (its observables, when made from shared intelligence). */
  within?: (trx: Transaction<Schema>, id: string) => Promise<void>,
): Promise<{ id: string; operationId: string | null }> {
  return db.transaction().execute(async (trx) => {
    const { id, moves } = await open(trx, actor, input);
    await within?.(trx, id);
    const operationId =
      moves.length > 0
        ? await recordOperation(
            trx,
            actor,
            'open-incident',
            moves,
            `incident #${id} opened from ${moves.map((m) => `#${m.id}`).join(', ')}`,
          )
        : null;
    return { id, operationId };
  });
}

/** Some reports of an incident turn out to be another matter: they leave with a new incident. */
export async function splitIncident(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  reportIds: readonly string[],
  title: string,
): Promise<{ id: string; operationId: string }> {
  return db.transaction().execute(async (trx) => {
    const source = await trx
      .selectFrom('incidents')
      .select(['id', 'tlp', 'priority', 'rsit_class', 'rsit_type'])
      .where('id', '=', incidentId)
      .executeTakeFirst();
    if (!source) throw notFound(`incident #${incidentId}`);
    const belonging = await trx
      .selectFrom('reports')
      .select('id')
      .where('incident_id', '=', incidentId)
      .where('id', 'in', [...reportIds])
      .execute();
    if (reportIds.length === 0 || belonging.length !== reportIds.length)
      throw new ValidationError([{ field: 'reportIds', reason: `every report to split off must belong to incident #${incidentId}` }]);
    const { id, moves } = await open(trx, actor, {
      title,
      reportIds,
      tlp: source.tlp as TlpLabel,
      priority: source.priority as Priority,
      rsitClass: source.rsit_class,
      rsitType: source.rsit_type,
    });
    // Undoing a split folds the new incident back: it is recorded as merged into the source.
    const fold: Move = {
      table: 'incidents',
      id,
      before: { merged_into_id: incidentId, phase: 'rejected' },
      after: { merged_into_id: null, phase: 'triage' },
    };
    await timeline(
      trx,
      incidentId,
      'split',
      `Reports ${reportIds.map((r) => `#${r}`).join(', ')} split off into incident #${id}`,
      actor,
      source.tlp,
    );
    const operationId = await recordOperation(
      trx,
      actor,
      'split-incident',
      [...moves, fold],
      `incident #${incidentId} split: ${reportIds.map((r) => `#${r}`).join(', ')} into #${id}`,
    );
    return { id, operationId };
  });
}

export interface IncidentPatch {
  title?: string;
  description?: string;
  rsitClass?: string | null;
  rsitType?: string | null;
  priority?: Priority;
  priorityReason?: string;
  requestedPriority?: Priority | null;
  impact?: (typeof IMPACTS)[number];
  affectedConstituents?: string;
  phase?: Phase;
  tlp?: TlpLabel;
  pap?: string;
  sensitive?: boolean;
  managerId?: string | null;
  initialVector?: string;
  patientZero?: string;
  attackTechniques?: string[];
}

const COLUMN: Record<Exclude<keyof IncidentPatch, 'priorityReason'>, string> = {
  title: 'title',
  description: 'description',
  rsitClass: 'rsit_class',
  rsitType: 'rsit_type',
  priority: 'priority',
  requestedPriority: 'requested_priority',
  impact: 'impact',
  affectedConstituents: 'affected_constituents',
  phase: 'phase',
  tlp: 'tlp',
  pap: 'pap',
  sensitive: 'sensitive',
  managerId: 'manager_id',
  initialVector: 'initial_vector',
  patientZero: 'patient_zero',
  attackTechniques: 'attack_techniques',
};

/**
 * Milestones for the KPIs, set the first time the incident gets there. Closing straight from
 * triage (nothing to respond to) sets only the close: it was never contained or resolved, and
 * inventing both at the closing instant would give the KPIs durations nobody worked.
 */
function milestones(
  phase: Phase,
  row: { contained_at: Date | null; resolved_at: Date | null; closed_at: Date | null },
  now: Date,
): Record<string, Date> {
  const set: Record<string, Date> = {};
  if (['eradication', 'recovery', 'lessons-learned'].includes(phase) && !row.contained_at) set.contained_at = now;
  if (phase === 'lessons-learned' && !row.resolved_at) set.resolved_at = now;
  if ((phase === 'closed' || phase === 'rejected') && !row.closed_at) set.closed_at = now;
  return set;
}

export async function updateIncident(
  db: Kysely<Schema>,
  actor: string,
  id: string,
  patch: IncidentPatch,
  expectedVersion?: number,
): Promise<number> {
  return db.transaction().execute((trx) => changeIncident(trx, actor, id, patch, expectedVersion));
}

/**
 * One change to many incidents (assign, set priority, close), all or none: every incident that
 * refuses it is named with its reason, and then nothing is changed.
 */
export async function updateIncidents(db: Kysely<Schema>, actor: string, ids: readonly string[], patch: IncidentPatch): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const issues: FieldIssue[] = [];
    for (const [n, id] of ids.entries()) {
      await trx.executeQuery(sql`savepoint bulk_item`.compile(trx));
      try {
        await changeIncident(trx, actor, id, patch);
        await trx.executeQuery(sql`release savepoint bulk_item`.compile(trx));
      } catch (error) {
        if (!(error instanceof VaktError) || error.code === 'internal') throw error;
        await trx.executeQuery(sql`rollback to savepoint bulk_item`.compile(trx));
        issues.push({ field: `ids[${n}]`, reason: `incident #${id}: ${error.message}` });
      }
    }
    if (issues.length > 0) throw new ValidationError(issues);
  });
}

async function changeIncident(
  trx: Transaction<Schema>,
  actor: string,
  id: string,
  patch: IncidentPatch,
  expectedVersion?: number,
): Promise<number> {
  const row = await trx.selectFrom('incidents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(`incident #${id}`);
  if (expectedVersion !== undefined && row.version !== expectedVersion) {
    throw new VaktError(
      'conflict',
      `incident #${id} changed since you loaded it (version ${row.version}, yours ${expectedVersion}); reload and apply your change again`,
    );
  }
  const rsitClass = patch.rsitClass !== undefined ? patch.rsitClass : row.rsit_class;
  const rsitType =
    patch.rsitType !== undefined
      ? patch.rsitType
      : patch.rsitClass !== undefined && patch.rsitClass !== row.rsit_class
        ? null
        : row.rsit_type;
  check({ rsitClass, rsitType, ...(patch.attackTechniques ? { attackTechniques: patch.attackTechniques } : {}) });
  if (patch.priority && patch.priority !== row.priority && !patch.priorityReason?.trim()) {
    throw new ValidationError([{ field: 'priorityReason', reason: 'a change of priority needs a reason' }]);
  }
  if (patch.phase && patch.phase !== row.phase && !NEXT_PHASES[row.phase as Phase].includes(patch.phase)) {
    throw new ValidationError([
      {
        field: 'phase',
        reason: `an incident in ${row.phase} can move to ${NEXT_PHASES[row.phase as Phase].join(', ')}, not to ${patch.phase}`,
      },
    ]);
  }
  if (patch.managerId) await requireTeamMember(trx, patch.managerId, 'managerId');
  const changes: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMN) as Array<[keyof typeof COLUMN, string]>) {
    if (patch[key] !== undefined) changes[column] = patch[key];
  }
  if (patch.rsitClass !== undefined) changes.rsit_type = rsitType;
  if (patch.attackTechniques) changes.attack_techniques = [...new Set(patch.attackTechniques.map((t) => t.toUpperCase()))];
  const now = new Date();
  if (patch.phase && patch.phase !== row.phase) Object.assign(changes, milestones(patch.phase, row, now));
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (row as Record<string, unknown>)[k]]));
  await trx
    .updateTable('incidents')
    .set({ ...(changes as object), version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
  if (patch.phase && patch.phase !== row.phase) await timeline(trx, id, 'phase', `Phase ${row.phase} → ${patch.phase}`, actor, row.tlp);
  if (patch.priority && patch.priority !== row.priority)
    await timeline(trx, id, 'priority', `Priority ${row.priority} → ${patch.priority}: ${patch.priorityReason}`, actor, row.tlp);
  if (patch.managerId !== undefined && patch.managerId !== row.manager_id) await managerChanged(trx, id, patch.managerId, actor, row.tlp);
  const reclassified = (rsitClass !== row.rsit_class || rsitType !== row.rsit_type) && rsitClass;
  const template = reclassified ? await templateFor(trx, rsitClass, rsitType) : undefined;
  if (template) await applyTemplate(trx, actor, id, template);
  await appendAudit(trx, {
    actor,
    action: 'incident.update',
    objectType: 'incident',
    objectId: id,
    before,
    after: { ...changes, ...(patch.priorityReason ? { priorityReason: patch.priorityReason } : {}) },
  });
  return row.version + 1;
}

async function managerChanged(trx: Transaction<Schema>, id: string, managerId: string | null, actor: string, tlp: string): Promise<void> {
  const manager = managerId ? await trx.selectFrom('users').select('name').where('id', '=', managerId).executeTakeFirst() : undefined;
  await timeline(trx, id, 'manager', manager ? `Incident manager: ${manager.name}` : 'No incident manager', actor, tlp);
}

export async function getIncidentRow(db: Kysely<Schema>, id: string) {
  const row = await db.selectFrom('incidents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`incident #${id}`);
  return row;
}

/** Sends a report back to the triage queue: off its incident, out of a merge, decision cleared. */
export async function reopenReport(db: Kysely<Schema>, actor: string, reportId: string): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const m = await move(trx, 'reports', reportId, { status: 'new', incident_id: null, merged_into_id: null, not_incident_reason: null });
    await trx.updateTable('messages').set({ incident_id: null }).where('report_id', '=', reportId).execute();
    return recordOperation(trx, actor, 'detach-report', [m], `report #${reportId} back to the triage queue`);
  });
}
