import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { standardsUrl } from '../../core/standards-path.js';

/*
 * Known-benign indicator values (public resolvers, everyday domains): flagged wherever they are
 * looked up and never used to correlate. A new installation starts with Vakt's shipped lists; the
 * team edits them after.
 */
interface Shipped {
  lists: Array<{ name: string; entries: Array<[string, string]> }>;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `create table warninglist_entries (
         value text not null,
         kind text not null,
         list text not null,
         added_by text not null,
         added_at timestamptz not null default now(),
         primary key (value, kind, list)
       )`,
    )
    .execute(db);
  const shipped = JSON.parse(readFileSync(standardsUrl('warninglists/vakt-warninglists.json'), 'utf8')) as Shipped;
  for (const list of shipped.lists)
    for (const [kind, value] of list.entries)
      await sql`insert into warninglist_entries (value, kind, list, added_by) values (${value}, ${kind}, ${list.name}, 'system:shipped')`.execute(
        db,
      );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table warninglist_entries`).execute(db);
}
