/**
 * Incident templates, one per RSIT type (or per class, for the types without their own): the
 * tasks such an incident always needs, its default priority and TLP. The team edits them; an
 * incident opened with that classification starts from its template, and one classified later
 * gets the template's tasks it does not have yet.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { afterKeyCursor, keyPage } from '../core/cursor.js';
import { ValidationError, VaktError, notFound } from '../core/errors.js';
import { checkRsit } from '../core/taxonomies.js';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import type { Priority } from './incidents.js';
import { teamClock } from './sla.js';
import { timeline } from './timeline.js';

export interface TemplateTask {
  title: string;
  /** Due this many working minutes after the task is added, on the team clock. */
  dueInWorkingMinutes?: number;
}

export interface TemplateInput {
  name: string;
  rsitClass: string;
  rsitType?: string | null;
  priority: Priority;
  tlp: TlpLabel;
  tasks: TemplateTask[];
}

export interface Template extends Required<TemplateInput> {
  id: string;
  version: number;
  updatedAt: string;
}

function toTemplate(row: {
  id: string;
  name: string;
  rsit_class: string;
  rsit_type: string | null;
  priority: string;
  tlp: string;
  tasks: unknown;
  version: number;
  updated_at: Date;
}): Template {
  return {
    id: row.id,
    name: row.name,
    rsitClass: row.rsit_class,
    rsitType: row.rsit_type,
    priority: row.priority as Priority,
    tlp: row.tlp as TlpLabel,
    tasks: row.tasks as TemplateTask[],
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

function check(input: TemplateInput): void {
  const issues = checkRsit(input.rsitClass, input.rsitType);
  const titles = input.tasks.map((t) => t.title.trim().toLowerCase());
  const twice = titles.findIndex((t, i) => titles.indexOf(t) !== i);
  if (twice >= 0) issues.push({ field: `tasks[${twice}].title`, reason: 'the template already has this task' });
  if (issues.length > 0) throw new ValidationError(issues);
}

const columns = (input: TemplateInput) => ({
  name: input.name,
  rsit_class: input.rsitClass,
  rsit_type: input.rsitType ?? null,
  priority: input.priority,
  tlp: input.tlp,
  tasks: JSON.stringify(input.tasks),
});

function duplicate(input: TemplateInput): VaktError {
  return new VaktError('conflict', `there is already a template for ${input.rsitClass}${input.rsitType ? `/${input.rsitType}` : ''}`);
}

async function clashes(db: Kysely<Schema>, input: TemplateInput, except?: string): Promise<boolean> {
  let query = db
    .selectFrom('incident_templates')
    .select('id')
    .where('rsit_class', '=', input.rsitClass)
    .where(sql<string>`coalesce(rsit_type, '')`, '=', input.rsitType ?? '');
  if (except) query = query.where('id', '!=', except);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The templates by RSIT class and type, a page at a time. */
export async function pageTemplates(
  db: Kysely<Schema>,
  after: string | undefined,
  limit: number,
): Promise<{ templates: Template[]; next: string | null }> {
  // The order of the unique index (class, type): one template per pair, so the key alone is unique.
  const key = sql<string>`rsit_class || '/' || coalesce(rsit_type, '')`;
  let query = db
    .selectFrom('incident_templates')
    .selectAll()
    .select(key.as('sort_key'))
    .orderBy(key)
    .orderBy('id')
    .limit(limit + 1);
  if (after) query = query.where(afterKeyCursor(after, key, 'id', false));
  const { page, next } = keyPage(await query.execute(), limit, (row) => row.id);
  return { templates: page.map(toTemplate), next };
}

export async function createTemplate(db: Kysely<Schema>, actor: string, input: TemplateInput): Promise<Template> {
  check(input);
  return db.transaction().execute(async (trx) => {
    if (await clashes(trx, input)) throw duplicate(input);
    const row = await trx.insertInto('incident_templates').values(columns(input)).returningAll().executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'template.create', objectType: 'incident-template', objectId: row.id, after: input });
    return toTemplate(row);
  });
}

export async function updateTemplate(
  db: Kysely<Schema>,
  actor: string,
  id: string,
  input: TemplateInput,
  expectedVersion?: number,
): Promise<Template> {
  check(input);
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('incident_templates').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound('incident template');
    if (expectedVersion !== undefined && before.version !== expectedVersion)
      throw new VaktError('conflict', `the template changed since you loaded it (version ${before.version}, yours ${expectedVersion})`);
    if (await clashes(trx, input, id)) throw duplicate(input);
    const row = await trx
      .updateTable('incident_templates')
      .set({ ...columns(input), version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: 'template.update',
      objectType: 'incident-template',
      objectId: id,
      before: toTemplate(before),
      after: input,
    });
    return toTemplate(row);
  });
}

export async function deleteTemplate(db: Kysely<Schema>, actor: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('incident_templates').where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw notFound('incident template');
    await appendAudit(trx, { actor, action: 'template.delete', objectType: 'incident-template', objectId: id, before: toTemplate(row) });
  });
}

/** The template for a classification: the type's own, else its class's. */
export async function templateFor(
  db: Kysely<Schema>,
  rsitClass: string | null | undefined,
  rsitType: string | null | undefined,
): Promise<Template | undefined> {
  if (!rsitClass) return undefined;
  const rows = await db
    .selectFrom('incident_templates')
    .selectAll()
    .where('rsit_class', '=', rsitClass)
    .where((eb) => eb.or([eb('rsit_type', 'is', null), ...(rsitType ? [eb('rsit_type', '=', rsitType)] : [])]))
    .execute();
  const row = rows.find((r) => r.rsit_type === rsitType) ?? rows.find((r) => r.rsit_type === null);
  return row ? toTemplate(row) : undefined;
}

/** Adds the template's tasks the incident does not have (by title) and says so on its timeline. */
export async function applyTemplate(trx: Transaction<Schema>, actor: string, incidentId: string, template: Template): Promise<number> {
  const incident = await trx.selectFrom('incidents').select('tlp').where('id', '=', incidentId).executeTakeFirstOrThrow();
  const have = await trx.selectFrom('tasks').select('title').where('incident_id', '=', incidentId).execute();
  const known = new Set(have.map((t) => t.title.trim().toLowerCase()));
  const missing = template.tasks.filter((t) => !known.has(t.title.trim().toLowerCase()));
  if (missing.length === 0) return 0;
  const clock = await teamClock(trx);
  const now = new Date();
  await trx
    .insertInto('tasks')
    .values(
      missing.map((t) => ({
        incident_id: incidentId,
        title: t.title,
        due_at: t.dueInWorkingMinutes !== undefined ? clock.addWorkingMinutes(now, t.dueInWorkingMinutes) : null,
        tlp: incident.tlp,
      })),
    )
    .execute();
  await timeline(trx, incidentId, 'template', `Template "${template.name}": ${missing.length} task(s) added`, actor, incident.tlp);
  return missing.length;
}
