import { sql, type Kysely } from 'kysely';

/*
 * Following CSAF aggregators and listers as well as providers: a subscription is to one or the
 * other, and a provider followed because an aggregator lists it says which (so the list can show
 * where it came from, and the team can stop following either).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table csaf_subscriptions
         add column kind text not null default 'provider' check (kind in ('provider', 'aggregator')),
         add column via uuid references csaf_subscriptions (id) on delete set null`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table csaf_subscriptions drop column via, drop column kind`).execute(db);
}
