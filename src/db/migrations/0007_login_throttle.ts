import { sql, type Kysely } from 'kysely';

/*
 * Failed logins, counted per account (by e-mail, known or not, so the answers do not tell which
 * accounts exist) and per client address, shared by every server on the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table login_throttle (
    key text primary key,
    failures integer not null,
    window_started_at timestamptz not null,
    locked_until timestamptz
  )`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table login_throttle').execute(db);
}
