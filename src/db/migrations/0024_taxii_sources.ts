import { sql, type Kysely } from 'kysely';

/*
 * Peers' TAXII collections the team pulls from: where, with which token, and how far it has read
 * (the last time-added it has stored), so a pull resumes where the last one stopped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table taxii_sources (
         id uuid primary key default gen_random_uuid(),
         collection_url text not null unique,
         peer_team_id uuid references peer_teams (id) on delete set null,
         token text not null,
         read_up_to text,
         last_run_at timestamptz,
         last_error text,
         created_by text not null,
         created_at timestamptz not null default now()
       )`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table taxii_sources`).execute(db);
}
