import { sql, type Kysely } from 'kysely';

/*
 * The analyst's workbench: notes in Markdown on incidents and their tasks (items with a TLP label
 * like any other, so they can be shared with participants), people who watch an incident, and
 * the team's incident templates per RSIT type, and saved views of the lists. Indexes serve
 * "assigned to me", "my tasks" and the incident list's cursor.
 */
const TLP = `text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'))`;

const statements = [
  `create table incident_notes (
     id uuid primary key default gen_random_uuid(),
     incident_id bigint not null references incidents(id),
     task_id uuid references tasks(id),
     body text not null check (length(body) between 1 and 100000),
     tlp ${TLP},
     created_by text not null,
     created_at timestamptz not null default now(),
     edited_at timestamptz
   )`,
  `create index incident_notes_incident on incident_notes (incident_id, created_at)`,
  `create table incident_watchers (
     incident_id bigint not null references incidents(id),
     user_id uuid not null references users(id),
     added_at timestamptz not null default now(),
     primary key (incident_id, user_id)
   )`,
  `create index incident_watchers_user on incident_watchers (user_id, incident_id)`,
  `create table incident_templates (
     id uuid primary key default gen_random_uuid(),
     name text not null check (length(name) between 1 and 200),
     rsit_class text not null,
     rsit_type text,
     priority text not null check (priority in ('low', 'normal', 'high', 'critical')),
     tlp ${TLP},
     tasks jsonb not null default '[]',
     version integer not null default 1,
     updated_at timestamptz not null default now()
   )`,
  // One template per RSIT type, and one per class for the types that have none of their own.
  `create unique index incident_templates_rsit on incident_templates (rsit_class, coalesce(rsit_type, ''))`,
  // A list's filters kept under a name, by one user or for the whole team.
  `create table saved_views (
     id uuid primary key default gen_random_uuid(),
     user_id uuid not null references users(id),
     list text not null check (list in ('incidents', 'reports', 'audit')),
     name text not null check (length(name) between 1 and 100),
     query text not null check (length(query) <= 2000),
     shared boolean not null default false,
     created_at timestamptz not null default now()
   )`,
  `create unique index saved_views_name on saved_views (user_id, list, lower(name))`,
  `create index saved_views_shared on saved_views (list, shared) where shared`,
  // What a constituent thought of how the team handled their report: one answer per person and report.
  `create table report_feedback (
     report_id bigint not null references reports(id),
     user_id uuid not null references users(id),
     rating smallint not null check (rating between 1 and 5),
     comment text not null default '' check (length(comment) <= 5000),
     given_at timestamptz not null default now(),
     primary key (report_id, user_id)
   )`,
  // The language a user chose for the interface; none: the team's, from its profile.
  `alter table users add column language text check (language in ('en', 'sv'))`,
  `create index incidents_opened on incidents (opened_at desc, id desc)`,
  `create index incidents_manager on incidents (manager_id, opened_at desc) where manager_id is not null`,
  // The task list, the report list and the portal page newest first by a cursor.
  `create index tasks_owner on tasks (owner_id, status, created_at desc, id desc) where owner_id is not null`,
  `create index tasks_listed on tasks (status, created_at desc, id desc)`,
  `create index reports_received on reports (received_at desc, id desc)`,
  `create index reports_organisation on reports (organisation_id, id desc) where organisation_id is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    'drop index reports_organisation',
    'drop index reports_received',
    'drop index tasks_listed',
    'drop index tasks_owner',
    'drop index incidents_manager',
    'drop index incidents_opened',
    'alter table users drop column language',
    'drop table report_feedback',
    'drop table saved_views',
    'drop table incident_templates',
    'drop table incident_watchers',
    'drop table incident_notes',
  ])
    await sql.raw(statement).execute(db);
}
