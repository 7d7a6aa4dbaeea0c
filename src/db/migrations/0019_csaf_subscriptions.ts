import { sql, type Kysely } from 'kysely';

/*
 * Relaying vendors' advisories: the CSAF providers the team follows, how far each has been read
 * (the newest changes.csv time imported, so a run resumes where the last stopped), where each
 * fetched document came from and how it was verified, and the draft notices to the organisations
 * whose inventories a vendor's advisory matches, for an analyst to send or dismiss.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table csaf_subscriptions (
         id uuid primary key default gen_random_uuid(),
         metadata_url text not null unique,
         publisher text not null,
         read_up_to timestamptz,
         last_run_at timestamptz,
         last_error text,
         created_by text not null,
         created_at timestamptz not null default now()
       )`,
    )
    .execute(db);
  await sql.raw(`alter table advisories add column provenance jsonb`).execute(db);
  await sql
    .raw(
      `create table relay_notices (
         id uuid primary key default gen_random_uuid(),
         advisory_id uuid not null references advisories (id),
         organisation_id uuid not null references organisations (id) on delete cascade,
         matched text[] not null,
         state text not null default 'draft' check (state in ('draft', 'sent', 'dismissed')),
         decided_by text,
         decided_at timestamptz,
         created_at timestamptz not null default now(),
         unique (advisory_id, organisation_id)
       )`,
    )
    .execute(db);
  await sql.raw(`create index relay_notices_drafts on relay_notices (created_at, id) where state = 'draft'`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table relay_notices`).execute(db);
  await sql.raw(`alter table advisories drop column provenance`).execute(db);
  await sql.raw(`drop table csaf_subscriptions`).execute(db);
}
