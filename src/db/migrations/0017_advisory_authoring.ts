import { sql, type Kysely } from 'kysely';

/*
 * Advisories the team writes: a product catalogue to pick affected products from, the advisory
 * being written (its content as the author gave it, and where it stands in the editorial
 * workflow), and, for each published version, the document in `advisories` with its detached
 * signature. A published version stays as it was; a change is a new version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table products (
         id uuid primary key default gen_random_uuid(),
         vendor text not null,
         name text not null,
         version text not null,
         cpe text,
         purl text,
         created_by text not null,
         created_at timestamptz not null default now(),
         unique (vendor, name, version)
       )`,
    )
    .execute(db);
  await sql.raw(`create index products_order on products ((lower(vendor || ' ' || name || ' ' || version)), id)`).execute(db);
  await sql
    .raw(
      `create table authored_advisories (
         id uuid primary key default gen_random_uuid(),
         tracking_id text not null unique,
         state text not null check (state in ('draft', 'in-review', 'approved', 'published')),
         content jsonb not null,
         revision integer not null default 1,
         revision_history jsonb not null default '[]',
         initial_release_date timestamptz,
         created_by text not null,
         edited_by text not null,
         submitted_by text,
         reviewed_by text,
         review_comment text,
         created_at timestamptz not null default now(),
         updated_at timestamptz not null default now()
       )`,
    )
    .execute(db);
  await sql.raw(`create index authored_advisories_order on authored_advisories (updated_at, id)`).execute(db);
  await sql
    .raw(
      `alter table advisories
         add column authored_id uuid references authored_advisories (id),
         add column signature text`,
    )
    .execute(db);
  await sql
    .raw(`create index advisories_authored on advisories (authored_id, current_release_date) where authored_id is not null`)
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table advisories drop column authored_id, drop column signature`).execute(db);
  await sql.raw(`drop table authored_advisories`).execute(db);
  await sql.raw(`drop table products`).execute(db);
}
