import { sql, type Kysely } from 'kysely';

/*
 * Lists that page by a name: the constituency sorted by name in any case (the cursor is the
 * lower-case name and the id), and observables across incidents, the outbox and feed runs newest first, incidents most urgent first, and tasks soonest due first. Notes join the full-text search, indexed like reports and incidents.
 */
const statements = [
  `create index organisations_by_name on organisations (lower(name), id)`,
  `create index observables_newest on observables (created_at, id)`,
  `create index messages_sent_newest on messages (created_at, id) where direction = 'out'`,
  `create index feed_runs_newest on feed_runs (started_at, id)`,
  `create index tasks_by_due on tasks (status, (coalesce(due_at, 'infinity'::timestamptz)), id)`,
  `create index incidents_by_priority on incidents ((array_position(array['low', 'normal', 'high', 'critical']::text[], priority)), opened_at, id)`,
  `alter table incident_notes add column search tsvector generated always as (to_tsvector('simple', left(body, 500000))) stored`,
  `create index incident_notes_search on incident_notes using gin (search)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop index if exists organisations_by_name').execute(db);
  await sql.raw('drop index if exists observables_newest').execute(db);
  await sql.raw('drop index if exists messages_sent_newest').execute(db);
  await sql.raw('drop index if exists feed_runs_newest').execute(db);
  await sql.raw('drop index if exists tasks_by_due').execute(db);
  await sql.raw('drop index if exists incidents_by_priority').execute(db);
  await sql.raw('alter table incident_notes drop column search').execute(db);
}
