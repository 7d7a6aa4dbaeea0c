import { sql, type Kysely } from 'kysely';
import { APPENDIX_A_SNAPSHOT } from '../../directory/datasets.js';

/*
 * The CSIRT directory: peer teams (the inventory) and frozen coverage matrices (snapshots), with
 * the 2005 co-operation report's Appendix A as the first snapshot, so a gap analysis can be
 * compared against it from day one.
 */
const statements = [
  `create table peer_teams (
     id uuid primary key default gen_random_uuid(),
     name text not null,
     country text not null check (country ~ '^[A-Z]{2}$'),
     data jsonb not null,
     version integer not null default 1,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now(),
     search tsvector generated always as (to_tsvector('simple',
       coalesce(data->>'name', '') || ' ' || coalesce(data->>'shortName', '') || ' ' || coalesce(data->>'hostOrganisation', ''))) stored
   )`,
  // A re-import of the same team updates it: one team per name and country.
  `create unique index peer_teams_identity on peer_teams (lower(name), country)`,
  `create index peer_teams_country on peer_teams (country)`,
  `create index peer_teams_search on peer_teams using gin (search)`,
  `create table directory_snapshots (
     id uuid primary key default gen_random_uuid(),
     name text not null unique,
     taken_at date not null,
     source text not null check (source in ('inventory', 'dataset')),
     description text,
     matrix jsonb not null,
     created_by text not null,
     created_at timestamptz not null default now()
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
  const s = APPENDIX_A_SNAPSHOT;
  await sql`insert into directory_snapshots (id, name, taken_at, source, description, matrix, created_by)
    values (${s.id}, ${s.name}, ${s.takenAt}, 'dataset', ${s.description}, ${JSON.stringify(s.matrix)}, 'system:dataset')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table if exists directory_snapshots').execute(db);
  await sql.raw('drop table if exists peer_teams').execute(db);
}
