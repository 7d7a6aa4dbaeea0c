import { sql, type Kysely } from 'kysely';

/*
 * Telling the constituency of an advisory and hearing back: each organisation's product
 * inventory (CPE and purl identifiers of what it runs), one row per organisation told of a
 * published version, with the unguessable token of its answer link, and the answers it gave.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table organisations add column products text[] not null default '{}'`).execute(db);
  await sql
    .raw(
      `create table advisory_recipients (
         id uuid primary key default gen_random_uuid(),
         advisory_id uuid not null references advisories (id),
         organisation_id uuid not null references organisations (id) on delete cascade,
         recipients text[] not null,
         status text not null check (status in ('queued', 'withheld')),
         reason text,
         feedback_token text not null unique,
         matched text[] not null default '{}',
         document_url text not null,
         mailed_at timestamptz not null default now(),
         reminded_at timestamptz,
         unique (advisory_id, organisation_id)
       )`,
    )
    .execute(db);
  await sql
    .raw(
      `create index advisory_recipients_unanswered on advisory_recipients (mailed_at)
         where reminded_at is null and status = 'queued'`,
    )
    .execute(db);
  await sql
    .raw(
      `create table advisory_answers (
         id uuid primary key default gen_random_uuid(),
         recipient_id uuid not null references advisory_recipients (id) on delete cascade,
         verdict text not null check (verdict in ('affected', 'not-affected', 'patched', 'need-help', 'useful')),
         comment text not null default '',
         created_at timestamptz not null default now()
       )`,
    )
    .execute(db);
  await sql.raw(`create index advisory_answers_recipient on advisory_answers (recipient_id, created_at)`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table advisory_answers`).execute(db);
  await sql.raw(`drop table advisory_recipients`).execute(db);
  await sql.raw(`alter table organisations drop column products`).execute(db);
}
