import { sql, type Kysely } from 'kysely';

/*
 * The egress gate's record: one row per item per recipient it decided on, released or not.
 * Reads by the team itself are not egress and are not recorded; everything that reaches someone
 * outside the team (an API read by a participant, a mail, an export) is. Paged newest first by id.
 */
const statements = [
  `create table egress_decisions (
     id bigserial primary key,
     decided_at timestamptz not null default now(),
     channel text not null,
     item_kind text not null,
     item_id text not null,
     tlp text not null,
     recipient text not null,
     relation text not null,
     allowed boolean not null,
     reason text not null,
     actor text not null
   )`,
  `create index egress_decisions_refused on egress_decisions (id) where not allowed`,
  `create index egress_decisions_item on egress_decisions (item_kind, item_id, id)`,
  `create index egress_decisions_channel on egress_decisions (channel, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table egress_decisions').execute(db);
}
