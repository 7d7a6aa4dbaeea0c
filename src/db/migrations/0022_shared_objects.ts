import { sql, type Kysely } from 'kysely';

/*
 * Intelligence received from peers: each STIX object exactly as it came (every version, custom
 * properties and unknown types included), its TLP as read from whatever encoding it used, and the
 * indicator values it names — one row per value and object, so "seen elsewhere" finds a peer's
 * intelligence by the value, never by comparing objects pairwise.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table shared_objects (
         id text not null,
         modified text not null,
         type text not null,
         name text not null default '',
         tlp text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
         tlp_known boolean not null,
         object text not null,
         source text not null,
         imported_by text not null,
         imported_at timestamptz not null default now(),
         primary key (id, modified)
       )`,
    )
    .execute(db);
  await sql.raw(`create index shared_objects_newest on shared_objects (imported_at desc, id, modified)`).execute(db);
  await sql
    .raw(
      `create table shared_object_indicators (
         value text not null,
         kind text not null,
         object_id text not null,
         primary key (value, kind, object_id)
       )`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table shared_object_indicators`).execute(db);
  await sql.raw(`drop table shared_objects`).execute(db);
}
