import { sql, type Kysely } from 'kysely';

/*
 * "Seen elsewhere" over feed events without slowing the feed down: storing an event touches one
 * index, and an index on its address would be a second on the hot path. Instead each run, once it
 * has ended, adds its distinct addresses and domains to `feed_event_values`, one row per value and
 * feed. A run records the range of event ids it can have stored (after the highest id when it
 * started, up to the highest when it ended), so that adding them reads those events by the primary
 * key, a range at a time (`values_after` moves on as they are added). Events keep the domain they
 * were routed by, which had been kept only in the raw row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`alter table events add column source_domain text`).execute(db);
  await sql
    .raw(
      `alter table feed_runs
         add column values_after bigint,
         add column events_through bigint,
         add column values_indexed_at timestamptz`,
    )
    .execute(db);
  await sql.raw(`create index feed_runs_values_pending on feed_runs (finished_at) where values_indexed_at is null`).execute(db);
  await sql
    .raw(
      `create table feed_event_values (
         value text not null,
         kind text not null,
         feed_id uuid not null references feeds (id) on delete cascade,
         first_seen timestamptz not null,
         last_seen timestamptz not null,
         events bigint not null,
         stored_at timestamptz not null,
         primary key (value, feed_id)
       )`,
    )
    .execute(db);
  // Retention deletes a value with the last of its events.
  await sql.raw(`create index feed_event_values_stored on feed_event_values (stored_at)`).execute(db);
  // The events stored before: their addresses, in one pass (their domains were not kept).
  await sql
    .raw(
      `insert into feed_event_values (value, kind, feed_id, first_seen, last_seen, events, stored_at)
       select case when masklen(source_ip) = case family(source_ip) when 4 then 32 else 128 end then host(source_ip) else text(source_ip) end,
              case family(source_ip) when 4 then 'ipv4' else 'ipv6' end,
              feed_id, min(time), max(time), count(*), max(created_at)
       from events where source_ip is not null and feed_id is not null
       group by 1, 2, 3`,
    )
    .execute(db);
  await sql.raw(`update feed_runs set values_indexed_at = now() where status <> 'running'`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table feed_event_values`).execute(db);
  await sql.raw(`alter table feed_runs drop column values_after, drop column events_through, drop column values_indexed_at`).execute(db);
  await sql.raw(`alter table events drop column source_domain`).execute(db);
}
