import { sql, type Kysely } from 'kysely';

/*
 * Plain SQL, one statement per entry, so the same text runs on PGlite (extended protocol, one
 * statement per call) and on a PostgreSQL server.
 */
const statements = [
  `create table organisations (
     id uuid primary key default gen_random_uuid(),
     name text not null,
     kind text not null check (kind in ('team', 'constituent', 'peer', 'other')),
     parent_id uuid references organisations(id),
     created_at timestamptz not null default now()
   )`,
  `create unique index organisations_name_parent on organisations (lower(name), coalesce(parent_id, '00000000-0000-0000-0000-000000000000'))`,
  `create table users (
     id uuid primary key default gen_random_uuid(),
     email text not null,
     name text not null,
     role text not null check (role in ('admin', 'incident-manager', 'analyst', 'constituent', 'read-only')),
     organisation_id uuid references organisations(id),
     password_hash text not null,
     totp_secret text,
     totp_enabled boolean not null default false,
     totp_last_step bigint,
     disabled_at timestamptz,
     password_changed_at timestamptz not null default now(),
     created_at timestamptz not null default now(),
     constraint constituent_has_organisation check (role <> 'constituent' or organisation_id is not null)
   )`,
  `create unique index users_email on users (lower(email))`,
  `create table sessions (
     token_hash text primary key,
     user_id uuid not null references users(id) on delete cascade,
     csrf_token text not null,
     created_at timestamptz not null default now(),
     expires_at timestamptz not null,
     last_seen_at timestamptz not null
   )`,
  `create index sessions_user on sessions (user_id)`,
  `create table api_tokens (
     id uuid primary key default gen_random_uuid(),
     user_id uuid not null references users(id) on delete cascade,
     name text not null,
     token_hash text not null unique,
     prefix text not null,
     scopes text[] not null,
     created_at timestamptz not null default now(),
     expires_at timestamptz,
     last_used_at timestamptz,
     revoked_at timestamptz
   )`,
  `create table audit_log (
     seq bigint primary key,
     at timestamptz not null,
     actor text not null,
     action text not null,
     object_type text not null,
     object_id text,
     before jsonb,
     after jsonb,
     prev_hash text not null,
     hash text not null
   )`,
  // Append-only, whatever the application does: updates, deletes and truncation raise.
  `create function audit_log_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
   end $$`,
  `create trigger audit_log_no_update before update or delete on audit_log
     for each row execute function audit_log_append_only()`,
  `create trigger audit_log_no_truncate before truncate on audit_log
     for each statement execute function audit_log_append_only()`,
  `create table team_profile (
     id integer primary key check (id = 1),
     data jsonb not null,
     version integer not null,
     updated_at timestamptz not null
   )`,
  `create table job_runs (
     job_id text primary key,
     queue text not null,
     completed_at timestamptz not null default now()
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['job_runs', 'team_profile', 'audit_log', 'api_tokens', 'sessions', 'users', 'organisations']) {
    await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  }
  await sql.raw('drop function if exists audit_log_append_only').execute(db);
}
