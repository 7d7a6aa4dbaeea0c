import { sql, type Kysely } from 'kysely';

/*
 * Two lists paged in key order had no index of their order, found by `npm run bench lists` at a
 * million rows: the users (lower(email), id: the unique index on the address alone left the cursor
 * to a filter) and the directory ((country || lower(name)), id: a sort of every team per page).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`create index users_email_order on users (lower(email), id)`).execute(db);
  await sql.raw(`create index peer_teams_list_order on peer_teams ((country || lower(name)), id)`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop index peer_teams_list_order`).execute(db);
  await sql.raw(`drop index users_email_order`).execute(db);
}
