import { sql, type Kysely } from 'kysely';

/*
 * Security advisories in CSAF 2.0, kept whole: the document as received, byte for byte (a jsonb
 * column would reorder its keys), with what Vakt read from it and its validation. One row per
 * publisher, tracking id and version: a published version never changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table advisories (
         id uuid primary key default gen_random_uuid(),
         publisher_namespace text not null,
         tracking_id text not null,
         version text not null,
         title text not null,
         category text not null,
         status text not null,
         csaf_tlp text,
         tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
         current_release_date timestamptz not null,
         document text not null,
         sha256 text not null,
         valid boolean not null,
         findings jsonb not null,
         source text not null,
         imported_by text not null,
         imported_at timestamptz not null default now(),
         unique (publisher_namespace, tracking_id, version)
       )`,
    )
    .execute(db);
  await sql.raw(`create index advisories_newest on advisories (current_release_date, id)`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table advisories`).execute(db);
}
