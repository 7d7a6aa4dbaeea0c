import { sql, type Kysely } from 'kysely';

/*
 * What the team shares with each peer team of the directory: the highest TLP label it may receive
 * and the kinds of item. A peer without a profile receives nothing: sharing is chosen, per peer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table sharing_profiles (
         peer_team_id uuid primary key references peer_teams (id) on delete cascade,
         max_tlp text not null check (max_tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
         item_kinds text[] not null,
         version integer not null default 1,
         updated_by text not null,
         updated_at timestamptz not null default now()
       )`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table sharing_profiles`).execute(db);
}
