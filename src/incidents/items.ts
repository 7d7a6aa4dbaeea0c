/**
 * What hangs on an incident: tasks, investigations, countermeasures, timeline events,
 * observables, affected assets, and participants with what is shared with them. Each item has
 * its own TLP label (the incident's unless set) and every change is audited.
 */
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { BusinessClock } from '../core/business-hours.js';
import { ValidationError, VaktError, notFound } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { extractIndicators, MAX_INDICATORS, type Indicator, type IndicatorKind } from '../intake/indicators.js';
import { queueMail, type QueuedMail, type Sender } from '../mail/outbox.js';
import type { Role } from '../auth/roles.js';
import { contactOrganisation, decide, resolveRecipient, TEAM_ROLES } from '../sharing/egress.js';
import { timeline } from './timeline.js';
import type { ItemKind, ParticipantRole } from './visibility.js';

async function incidentOf(trx: Transaction<Schema>, id: string) {
  const row = await trx
    .selectFrom('incidents')
    .select(['id', 'tlp', 'merged_into_id', 'sensitive', 'title'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`incident #${id}`);
  return row;
}

async function audited<T>(
  db: Kysely<Schema>,
  actor: string,
  action: string,
  objectType: string,
  body: (trx: Transaction<Schema>) => Promise<{ id: string; after: unknown; result: T }>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const { id, after, result } = await body(trx);
    await appendAudit(trx, { actor, action, objectType, objectId: id, after });
    return result;
  });
}

// Tasks ----------------------------------------------------------------------------------------

export interface TaskInput {
  title: string;
  description?: string;
  ownerId?: string | null;
  /** A due time, or a number of working minutes from now on the team's business clock. */
  dueAt?: Date | null;
  dueInWorkingMinutes?: number;
  tlp?: TlpLabel;
}

export async function addTask(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  input: TaskInput,
  clock: BusinessClock,
): Promise<string> {
  return audited(db, actor, 'task.create', 'task', async (trx) => {
    const incident = await incidentOf(trx, incidentId);
    const dueAt =
      input.dueInWorkingMinutes !== undefined ? clock.addWorkingMinutes(new Date(), input.dueInWorkingMinutes) : (input.dueAt ?? null);
    const row = await trx
      .insertInto('tasks')
      .values({
        incident_id: incidentId,
        title: input.title,
        description: input.description ?? '',
        owner_id: input.ownerId ?? null,
        due_at: dueAt,
        tlp: input.tlp ?? incident.tlp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, after: { ...input, dueAt }, result: row.id };
  });
}

export async function updateTask(
  db: Kysely<Schema>,
  actor: string,
  taskId: string,
  patch: { status?: 'open' | 'done' | 'cancelled'; ownerId?: string | null; dueAt?: Date | null; title?: string },
): Promise<void> {
  await audited(db, actor, 'task.update', 'task', async (trx) => {
    const task = await trx.selectFrom('tasks').select(['id', 'status']).where('id', '=', taskId).executeTakeFirst();
    if (!task) throw notFound('task');
    const completed =
      patch.status && patch.status !== 'open' && task.status === 'open'
        ? { completed_at: new Date() }
        : patch.status === 'open'
          ? { completed_at: null }
          : {};
    await trx
      .updateTable('tasks')
      .set({
        ...(patch.status ? { status: patch.status } : {}),
        ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
        ...(patch.dueAt !== undefined ? { due_at: patch.dueAt } : {}),
        ...(patch.title ? { title: patch.title } : {}),
        ...completed,
      })
      .where('id', '=', taskId)
      .execute();
    return { id: taskId, after: patch, result: undefined };
  });
}

// Investigations -------------------------------------------------------------------------------

export async function addInvestigation(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  input: { title: string; correspondent?: string; notes?: string; tlp?: TlpLabel },
): Promise<string> {
  return audited(db, actor, 'investigation.create', 'investigation', async (trx) => {
    const incident = await incidentOf(trx, incidentId);
    const row = await trx
      .insertInto('investigations')
      .values({
        incident_id: incidentId,
        title: input.title,
        correspondent: input.correspondent ?? '',
        notes: input.notes ?? '',
        tlp: input.tlp ?? incident.tlp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, after: input, result: row.id };
  });
}

export async function updateInvestigation(
  db: Kysely<Schema>,
  actor: string,
  id: string,
  patch: { status?: 'open' | 'stalled' | 'resolved' | 'rejected'; notes?: string },
): Promise<void> {
  await audited(db, actor, 'investigation.update', 'investigation', async (trx) => {
    const row = await trx.selectFrom('investigations').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('investigation');
    const resolved =
      patch.status === 'resolved' || patch.status === 'rejected' ? { resolved_at: new Date() } : patch.status ? { resolved_at: null } : {};
    await trx
      .updateTable('investigations')
      .set({ ...(patch.status ? { status: patch.status } : {}), ...(patch.notes !== undefined ? { notes: patch.notes } : {}), ...resolved })
      .where('id', '=', id)
      .execute();
    return { id, after: patch, result: undefined };
  });
}

// Countermeasures ------------------------------------------------------------------------------

export const COUNTERMEASURE_STATES = ['pending-activation', 'active', 'pending-removal', 'removed'] as const;
export type CountermeasureState = (typeof COUNTERMEASURE_STATES)[number];
const COUNTERMEASURE_NEXT: Record<CountermeasureState, CountermeasureState | undefined> = {
  'pending-activation': 'active',
  active: 'pending-removal',
  'pending-removal': 'removed',
  removed: undefined,
};

export async function addCountermeasure(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  input: { kind: string; target: string; description?: string; notifyOnRemoval?: string[]; tlp?: TlpLabel },
): Promise<string> {
  return audited(db, actor, 'countermeasure.create', 'countermeasure', async (trx) => {
    const incident = await incidentOf(trx, incidentId);
    const row = await trx
      .insertInto('countermeasures')
      .values({
        incident_id: incidentId,
        kind: input.kind,
        target: input.target,
        description: input.description ?? '',
        notify_on_removal: (input.notifyOnRemoval ?? []).map((e) => e.toLowerCase()),
        tlp: input.tlp ?? incident.tlp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, after: input, result: row.id };
  });
}

export interface RemovalNotice {
  to: string;
  status: QueuedMail['status'];
  reason: string | null;
}

/**
 * Moves a countermeasure one step along its lifecycle. On removal, each address that asked to be
 * told gets a mail of its own through the egress gate (signed; encrypted where required). A notice
 * the gate or the encryption rule stops is kept as suppressed, written on the timeline and
 * returned, so the analyst sees who was not told and why.
 */
export async function advanceCountermeasure(
  db: Kysely<Schema>,
  actor: string,
  id: string,
  to: CountermeasureState,
  sender: Sender,
  tag: string,
): Promise<RemovalNotice[]> {
  return audited(db, actor, 'countermeasure.advance', 'countermeasure', async (trx) => {
    const row = await trx.selectFrom('countermeasures').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw notFound('countermeasure');
    const next = COUNTERMEASURE_NEXT[row.state as CountermeasureState];
    if (next !== to)
      throw new ValidationError([
        { field: 'state', reason: `a countermeasure in ${row.state} can only move to ${next ?? 'nothing (it is removed)'}` },
      ]);
    await trx
      .updateTable('countermeasures')
      .set({ state: to, ...(to === 'active' ? { activated_at: new Date() } : {}), ...(to === 'removed' ? { removed_at: new Date() } : {}) })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('timeline_events')
      .values({
        incident_id: row.incident_id,
        occurred_at: new Date(),
        kind: 'countermeasure',
        summary: `Countermeasure ${row.kind} on ${row.target}: ${row.state} → ${to}`,
        tlp: row.tlp,
        created_by: actor,
      })
      .execute();
    const notices: RemovalNotice[] = [];
    for (const address of to === 'removed' ? row.notify_on_removal : []) {
      const tlp = row.tlp as TlpLabel;
      const queued = await queueMail(trx, sender, {
        incidentId: row.incident_id,
        to: [address],
        subject: `${tag} Countermeasure removed: ${row.kind} on ${row.target}`,
        text: `TLP:${row.tlp}\n\nThe countermeasure "${row.kind}" on ${row.target} has been removed.\n\n${row.description}\n`,
        tlp,
        requireEncryption: tlp === 'RED' || tlp === 'AMBER+STRICT',
        automatic: true,
        actor,
        egress: {
          channel: 'mail:countermeasure-removal',
          items: [{ kind: 'countermeasure', id, tlp }],
          recipients: [{ kind: 'address', email: address, incidentId: row.incident_id }],
        },
      });
      notices.push({ to: address, status: queued.status, reason: queued.reason ?? null });
      if (queued.status === 'suppressed') {
        const summary = `Removal notice to ${address} not sent: ${queued.reason ?? ''}`.slice(0, 500);
        await timeline(trx, row.incident_id, 'mail-out', summary, actor, row.tlp);
      }
    }
    return { id, after: { from: row.state, to, notices }, result: notices };
  });
}

// Timeline, observables, assets ----------------------------------------------------------------

export async function addTimelineEvent(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  input: { occurredAt: Date; kind?: string; summary: string; tlp?: TlpLabel },
): Promise<string> {
  return audited(db, actor, 'timeline.create', 'timeline-event', async (trx) => {
    const incident = await incidentOf(trx, incidentId);
    const row = await trx
      .insertInto('timeline_events')
      .values({
        incident_id: incidentId,
        occurred_at: input.occurredAt,
        kind: input.kind ?? 'note',
        summary: input.summary,
        tlp: input.tlp ?? incident.tlp,
        created_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, after: input, result: row.id };
  });
}

/** Checks that a value is what its kind says, in the normal form the retro-hunt matches on. */
export function normaliseObservable(kind: IndicatorKind | 'other', value: string): string {
  const trimmed = value.trim();
  if (kind === 'other') return trimmed;
  const found = extractIndicators(trimmed).find((i) => i.kind === kind);
  if (!found) throw new ValidationError([{ field: 'value', reason: `"${trimmed.slice(0, 60)}" is not a valid ${kind}` }]);
  return found.value;
}

export async function addObservable(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  input: { kind: IndicatorKind | 'other'; value: string; description?: string; isIoc?: boolean; tlp?: TlpLabel },
): Promise<string> {
  const value = normaliseObservable(input.kind, input.value);
  return audited(db, actor, 'observable.create', 'observable', async (trx) => {
    const incident = await incidentOf(trx, incidentId);
    const existing = await trx
      .selectFrom('observables')
      .select('id')
      .where('incident_id', '=', incidentId)
      .where('kind', '=', input.kind)
      .where('value', '=', value)
      .executeTakeFirst();
    if (existing) throw new VaktError('conflict', `${input.kind} ${value} is already an observable of incident #${incidentId}`);
    const row = await trx
      .insertInto('observables')
      .values({
        incident_id: incidentId,
        kind: input.kind,
        value,
        description: input.description ?? '',
        is_ioc: input.isIoc ?? false,
        tlp: input.tlp ?? incident.tlp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, after: { ...input, value }, result: row.id };
  });
}

/**
 * Changes an observable's label, whether it is an indicator, or its description. Its value stays:
 * a wrong value is another observable. Shares with peer teams follow the change (sharing/peer-shares.ts).
 */
export async function updateObservable(
  db: Kysely<Schema>,
  actor: string,
  observableId: string,
  patch: { tlp?: TlpLabel; isIoc?: boolean; description?: string },
): Promise<void> {
  await audited(db, actor, 'observable.update', 'observable', async (trx) => {
    const before = await trx
      .selectFrom('observables')
      .select(['tlp', 'is_ioc', 'description'])
      .where('id', '=', observableId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound('observable');
    await trx
      .updateTable('observables')
      .set({
        ...(patch.tlp ? { tlp: patch.tlp } : {}),
        ...(patch.isIoc !== undefined ? { is_ioc: patch.isIoc } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
      })
      .where('id', '=', observableId)
      .execute();
    return {
      id: observableId,
      after: { before: { tlp: before.tlp, isIoc: before.is_ioc, description: before.description }, ...patch },
      result: undefined,
    };
  });
}

export interface BulkObservables {
  added: Indicator[];
  already: Indicator[];
  /** Lines in which no indicator was found, by number, so the analyst can fix them. */
  unrecognised: Array<{ line: number; text: string }>;
}

/**
 * Observables pasted as a list, defanged or not: every indicator on every line, the host inside a
 * URL or an e-mail address not counted again on its own.
 * Those the incident has are reported, not added again; all in one go.
 */
export async function addObservables(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  input: { text: string; isIoc?: boolean; tlp?: TlpLabel },
): Promise<BulkObservables> {
  const found: Indicator[] = [];
  const unrecognised: BulkObservables['unrecognised'] = [];
  input.text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const indicators = extractIndicators(line);
    const wholes = indicators.filter((i) => i.kind === 'url' || i.kind === 'email').map((i) => i.value);
    const own = indicators.filter((i) => i.kind === 'url' || i.kind === 'email' || !wholes.some((w) => w.includes(i.value)));
    if (own.length === 0) unrecognised.push({ line: index + 1, text: line.slice(0, 200) });
    for (const i of own) if (!found.some((f) => f.kind === i.kind && f.value === i.value)) found.push(i);
  });
  if (found.length > MAX_INDICATORS) throw new ValidationError([{ field: 'text', reason: `more than ${MAX_INDICATORS} indicators` }]);
  return audited(db, actor, 'observable.create-many', 'incident', async (trx) => {
    const incident = await incidentOf(trx, incidentId);
    const existing = await trx.selectFrom('observables').select(['kind', 'value']).where('incident_id', '=', incidentId).execute();
    const has = new Set(existing.map((o) => `${o.kind} ${o.value}`));
    const added = found.filter((i) => !has.has(`${i.kind} ${i.value}`));
    if (added.length > 0)
      await trx
        .insertInto('observables')
        .values(
          added.map((i) => ({
            incident_id: incidentId,
            kind: i.kind,
            value: i.value,
            is_ioc: input.isIoc ?? false,
            tlp: input.tlp ?? incident.tlp,
          })),
        )
        .execute();
    const already = found.filter((i) => has.has(`${i.kind} ${i.value}`));
    return { id: incidentId, after: { added, isIoc: input.isIoc ?? false }, result: { added, already, unrecognised } };
  });
}

export async function addAsset(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  input: { name: string; kind?: string; description?: string; compromised?: boolean; tlp?: TlpLabel },
): Promise<string> {
  return audited(db, actor, 'asset.create', 'asset', async (trx) => {
    const incident = await incidentOf(trx, incidentId);
    const row = await trx
      .insertInto('assets')
      .values({
        incident_id: incidentId,
        name: input.name,
        kind: input.kind ?? 'host',
        description: input.description ?? '',
        compromised: input.compromised ?? false,
        tlp: input.tlp ?? incident.tlp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, after: input, result: row.id };
  });
}

// Participants and sharing ---------------------------------------------------------------------

export interface ParticipantInput {
  userId?: string;
  name?: string;
  email?: string;
  role: ParticipantRole;
}

/**
 * A participant's organisation is never taken from the request: it is the one on their account,
 * or, for a person by address, the constituency organisation that lists the address as a contact.
 * A team member must have a team account; anything else could claim the team's rights.
 */
export async function addParticipant(db: Kysely<Schema>, actor: string, incidentId: string, input: ParticipantInput): Promise<string> {
  return audited(db, actor, 'participant.add', 'participant', async (trx) => {
    await incidentOf(trx, incidentId);
    let { name, email } = input;
    let organisationId: string | null = null;
    if (input.userId) {
      const user = await trx
        .selectFrom('users')
        .select(['name', 'email', 'organisation_id', 'role'])
        .where('id', '=', input.userId)
        .executeTakeFirst();
      if (!user) throw notFound('user');
      if (input.role === 'team-member' && !TEAM_ROLES.has(user.role as Role))
        throw new ValidationError([{ field: 'role', reason: `a ${user.role} user cannot be a team member` }]);
      name = user.name;
      email = user.email;
      organisationId = user.organisation_id;
    } else {
      if (input.role === 'team-member')
        throw new ValidationError([{ field: 'userId', reason: 'a team member is added by their user account' }]);
      if (email) organisationId = await contactOrganisation(trx, email);
    }
    if (!name) throw new ValidationError([{ field: 'name', reason: 'a participant needs a user or a name' }]);
    const row = await trx
      .insertInto('incident_participants')
      .values({
        incident_id: incidentId,
        user_id: input.userId ?? null,
        name,
        email: email?.toLowerCase() ?? null,
        organisation_id: organisationId,
        role: input.role,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, after: { ...input, name, email, organisationId }, result: row.id };
  });
}

export async function removeParticipant(db: Kysely<Schema>, actor: string, participantId: string): Promise<void> {
  await audited(db, actor, 'participant.remove', 'participant', async (trx) => {
    const result = await trx
      .updateTable('incident_participants')
      .set({ removed_at: new Date() })
      .where('id', '=', participantId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('participant');
    return { id: participantId, after: null, result: undefined };
  });
}

const ITEM_TABLES: Record<
  ItemKind,
  | 'reports'
  | 'messages'
  | 'tasks'
  | 'investigations'
  | 'countermeasures'
  | 'timeline_events'
  | 'observables'
  | 'assets'
  | 'evidence'
  | 'incident_notes'
> = {
  report: 'reports',
  message: 'messages',
  task: 'tasks',
  investigation: 'investigations',
  countermeasure: 'countermeasures',
  timeline: 'timeline_events',
  observable: 'observables',
  asset: 'assets',
  evidence: 'evidence',
  note: 'incident_notes',
};

/** Shares one item with one participant; the TLP core must admit them, or it is refused. */
export async function shareItem(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  kind: ItemKind,
  itemId: string,
  participantId: string,
): Promise<void> {
  await audited(db, actor, 'item.share', kind, async (trx) => {
    const participant = await trx
      .selectFrom('incident_participants')
      .selectAll()
      .where('id', '=', participantId)
      .where('incident_id', '=', incidentId)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    if (!participant) throw notFound('participant of this incident');
    if ((kind === 'report') !== /^\d{1,15}$/.test(itemId)) throw notFound(`${kind} on incident #${incidentId}`);
    const table = ITEM_TABLES[kind];
    const item = await trx
      .selectFrom(table)
      .select(['tlp'])
      .where('id', '=', itemId)
      .where('incident_id', '=', incidentId)
      .executeTakeFirst();
    if (!item) throw notFound(`${kind} on incident #${incidentId}`);
    // Sharing releases nothing yet (each read is put to the gate again), so it is decided, not recorded.
    const decision = decide(
      { kind, id: itemId, tlp: item.tlp as TlpLabel },
      await resolveRecipient(trx, { kind: 'participant', participantId }),
    );
    if (!decision.allowed) throw new VaktError('forbidden', `TLP refuses: ${decision.reason}`);
    await trx
      .insertInto('incident_shares')
      .values({ incident_id: incidentId, item_kind: kind, item_id: itemId, participant_id: participantId })
      .onConflict((oc) => oc.columns(['item_kind', 'item_id', 'participant_id']).doNothing())
      .execute();
    return { id: itemId, after: { participantId, relation: decision.relation }, result: undefined };
  });
}

export async function unshareItem(db: Kysely<Schema>, actor: string, kind: ItemKind, itemId: string, participantId: string): Promise<void> {
  await audited(db, actor, 'item.unshare', kind, async (trx) => {
    await trx
      .deleteFrom('incident_shares')
      .where('item_kind', '=', kind)
      .where('item_id', '=', itemId)
      .where('participant_id', '=', participantId)
      .execute();
    return { id: itemId, after: { participantId }, result: undefined };
  });
}
