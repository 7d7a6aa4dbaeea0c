import { sql, type Kysely } from 'kysely';

/* The contact key list pages in address order: (lower(email), fingerprint) serves the order and the lookup by address. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`create index pgp_keys_email_order on pgp_keys (lower(email), fingerprint)`).execute(db);
  await sql.raw(`drop index pgp_keys_email`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`create index pgp_keys_email on pgp_keys (lower(email))`).execute(db);
  await sql.raw(`drop index pgp_keys_email_order`).execute(db);
}
