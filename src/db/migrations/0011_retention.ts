import { sql, type Kysely } from 'kysely';

/*
 * Personal data kept only as long as the team's retention policy allows. An audit entry now
 * hashes a digest of its before/after detail instead of the detail itself, so the detail can be
 * purged and the chain still verifies; the append-only trigger allows exactly that one change.
 * Pseudonyms are keyed by a secret salt of this installation, so the same address gets the same
 * pseudonym (reports of one reporter stay together) and cannot be found by hashing guesses.
 */
const statements = [
  `alter table audit_log add column detail_sha256 text`,
  `alter table audit_log add column purged_at timestamptz`,
  `create or replace function audit_log_append_only() returns trigger language plpgsql as $$
   begin
     if tg_op = 'UPDATE' and old.detail_sha256 is not null and old.purged_at is null
        and new.purged_at is not null and new.before is null and new.after is null
        and (new.seq, new.at, new.actor, new.action, new.object_type, new.object_id, new.prev_hash, new.hash, new.detail_sha256)
            is not distinct from
            (old.seq, old.at, old.actor, old.action, old.object_type, old.object_id, old.prev_hash, old.hash, old.detail_sha256) then
       return new;
     end if;
     raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
   end $$`,
  `alter table reports add column pseudonymised_at timestamptz`,
  `alter table messages add column pseudonymised_at timestamptz`,
  `alter table notifications add column pseudonymised_at timestamptz`,
  `alter table incidents add column pseudonymised_at timestamptz`,
  `create table retention_state (
     id integer primary key check (id = 1),
     salt text not null
   )`,
  `insert into retention_state (id, salt) values (1, md5(random()::text || clock_timestamp()::text) || md5(random()::text))`,
  // What each nightly run finds due, oldest first, without walking what is already done.
  `create index messages_raw_retention on messages (created_at) where raw_sha256 is not null`,
  `create index attachments_retention on attachments (created_at) where stored`,
  `create index reports_retention on reports (received_at) where pseudonymised_at is null and status <> 'new'`,
  `create index notifications_retention on notifications (created_at) where pseudonymised_at is null`,
  `create index incidents_retention on incidents (closed_at) where pseudonymised_at is null and phase = 'closed'`,
  // Events are appended in time order by the million: a BRIN index costs the feed almost nothing.
  `create index events_created on events using brin (created_at)`,
  // A blob is deleted only when nothing refers to it any more.
  `create index messages_raw_blob on messages (raw_sha256) where raw_sha256 is not null`,
  `create index attachments_blob on attachments (sha256) where stored`,
  `create index evidence_blob on evidence (blob_sha256) where blob_sha256 is not null`,
  `create index audit_log_detail_retention on audit_log (at) where detail_sha256 is not null and purged_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The code before this migration hashes before/after itself: it could not verify a newer entry.
  const newer = await sql<{ n: string }>`select count(*) as n from audit_log where detail_sha256 is not null`.execute(db);
  if (Number(newer.rows[0]?.n ?? 0) > 0)
    throw new Error(
      `cannot go below 0011_retention: ${newer.rows[0]!.n} audit entries hash a digest of their detail, which older code cannot verify`,
    );
  for (const index of [
    'evidence_blob',
    'attachments_blob',
    'messages_raw_blob',
    'audit_log_detail_retention',
    'events_created',
    'incidents_retention',
    'notifications_retention',
    'reports_retention',
    'attachments_retention',
    'messages_raw_retention',
  ])
    await sql.raw(`drop index if exists ${index}`).execute(db);
  await sql.raw(`drop table retention_state`).execute(db);
  for (const table of ['incidents', 'notifications', 'messages', 'reports'])
    await sql.raw(`alter table ${table} drop column pseudonymised_at`).execute(db);
  await sql
    .raw(
      `create or replace function audit_log_append_only() returns trigger language plpgsql as $$
       begin
         raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
       end $$`,
    )
    .execute(db);
  await sql.raw(`alter table audit_log drop column purged_at`).execute(db);
  await sql.raw(`alter table audit_log drop column detail_sha256`).execute(db);
}
