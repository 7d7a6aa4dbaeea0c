import { sql, type Kysely } from 'kysely';

/*
 * Lists that page by a name: the constituency sorted by name in any case (the cursor is the
 * lower-case name and the id).
 */
const statements = [`create index organisations_by_name on organisations (lower(name), id)`];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop index if exists organisations_by_name').execute(db);
}
