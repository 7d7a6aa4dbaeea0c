import { sql, type Kysely } from 'kysely';

/* A team of no single country (Central Asia, the EU institutions) is filed under INT, its region in its record. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table peer_teams drop constraint peer_teams_country_check`).execute(db);
  await sql.raw(`alter table peer_teams add constraint peer_teams_country_check check (country ~ '^([A-Z]{2}|INT)$')`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const international = await sql<{ n: string }>`select count(*) as n from peer_teams where country = 'INT'`.execute(db);
  if (Number(international.rows[0]?.n ?? 0) > 0)
    throw new Error(`cannot go below 0012_international_teams: ${international.rows[0]!.n} teams have no single country (INT)`);
  await sql.raw(`alter table peer_teams drop constraint peer_teams_country_check`).execute(db);
  await sql.raw(`alter table peer_teams add constraint peer_teams_country_check check (country ~ '^[A-Z]{2}$')`).execute(db);
}
