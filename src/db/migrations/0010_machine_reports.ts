import { sql, type Kysely } from 'kysely';

/*
 * Machine-written mail understood: a report keeps the mail's own Date beside the time Vakt took
 * it in, and what a feedback report (ARF) said as fields; a delivery or feedback report about our
 * own mail is kept on the incoming message, and the outgoing mail it concerns can now be delayed
 * or complained about, not only bounced.
 */
const statements = [
  `alter table reports add column reported_at timestamptz`,
  `alter table reports add column machine_report jsonb`,
  `alter table messages add column machine_report jsonb`,
  `alter table messages drop constraint messages_delivery_status_check`,
  `alter table messages add constraint messages_delivery_status_check
     check (delivery_status in ('queued', 'sending', 'sent', 'failed', 'suppressed', 'bounced', 'delayed', 'complained'))`,
  // Feed rows a report lists that are no finding (scan_ssl with ssl_poodle=N), and why a report was read generically.
  `alter table feed_runs add column skipped bigint not null default 0`,
  `alter table feed_runs add column warnings text[] not null default '{}'`,
  // S/MIME signatures are recognised, not verified: never "PGP invalid".
  `alter table messages drop constraint messages_pgp_signature_check`,
  `alter table messages add constraint messages_pgp_signature_check
     check (pgp_signature in ('valid', 'invalid', 'unknown-key', 'not-signed', 'signed', 'smime-unverified'))`,
  // Delivery and feedback reports filed on no report: the mail page lists them newest first.
  `create index messages_machine_filed on messages (created_at, id) where direction = 'in' and report_id is null and incident_id is null and machine_report is not null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop index if exists messages_machine_filed`).execute(db);
  await sql.raw(`update messages set delivery_status = 'sent' where delivery_status in ('delayed', 'complained')`).execute(db);
  await sql.raw(`alter table messages drop constraint messages_delivery_status_check`).execute(db);
  await sql
    .raw(
      `alter table messages add constraint messages_delivery_status_check
         check (delivery_status in ('queued', 'sending', 'sent', 'failed', 'suppressed', 'bounced'))`,
    )
    .execute(db);
  await sql.raw(`update messages set pgp_signature = 'not-signed' where pgp_signature = 'smime-unverified'`).execute(db);
  await sql.raw(`alter table messages drop constraint messages_pgp_signature_check`).execute(db);
  await sql
    .raw(
      `alter table messages add constraint messages_pgp_signature_check
         check (pgp_signature in ('valid', 'invalid', 'unknown-key', 'not-signed', 'signed'))`,
    )
    .execute(db);
  await sql.raw(`alter table messages drop column machine_report`).execute(db);
  await sql.raw(`alter table feed_runs drop column warnings`).execute(db);
  await sql.raw(`alter table feed_runs drop column skipped`).execute(db);
  await sql.raw(`alter table reports drop column machine_report`).execute(db);
  await sql.raw(`alter table reports drop column reported_at`).execute(db);
}
