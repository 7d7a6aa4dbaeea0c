import { sql, type Kysely } from 'kysely';

/* Watchers may ask to be told by mail: the choice, and when the last digest went, so none repeats an update. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table users add column watch_mail boolean not null default false`).execute(db);
  await sql.raw(`alter table users add column watch_mail_sent_at timestamptz`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table users drop column watch_mail_sent_at`).execute(db);
  await sql.raw(`alter table users drop column watch_mail`).execute(db);
}
