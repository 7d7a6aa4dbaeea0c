import { sql, type Kysely } from 'kysely';

/*
 * The TAXII 2.1 server's collections and what they hold: every version of every object, in the
 * order it was added (a sequence breaks ties, so paging neither skips nor repeats), with the TLP
 * the egress gate decides on for each reader, and the status of each POST.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table taxii_collections (
         id uuid primary key default gen_random_uuid(),
         title text not null,
         description text not null default '',
         created_by text not null,
         created_at timestamptz not null default now()
       )`,
    )
    .execute(db);
  await sql
    .raw(
      `create table taxii_objects (
         seq bigserial,
         collection_id uuid not null references taxii_collections (id) on delete cascade,
         id text not null,
         version text not null,
         type text not null,
         spec_version text not null,
         tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
         object text not null,
         added_by text not null,
         added_at timestamptz not null default clock_timestamp(),
         primary key (collection_id, id, version)
       )`,
    )
    .execute(db);
  await sql.raw(`create unique index taxii_objects_added on taxii_objects (collection_id, added_at, seq)`).execute(db);
  await sql
    .raw(
      `create table taxii_status (
         id uuid primary key default gen_random_uuid(),
         collection_id uuid not null references taxii_collections (id) on delete cascade,
         request_timestamp timestamptz not null default now(),
         successes jsonb not null,
         failures jsonb not null,
         created_by text not null
       )`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table taxii_status`).execute(db);
  await sql.raw(`drop table taxii_objects`).execute(db);
  await sql.raw(`drop table taxii_collections`).execute(db);
}
