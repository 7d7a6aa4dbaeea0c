import { sql, type Kysely } from 'kysely';

/*
 * The incident loop: intake (mail, API, forms), triage, incidents and everything hung on them.
 * Reports and incidents draw their numbers from one sequence, so a subject tag "[TEAM #1234]"
 * names exactly one of them, as tickets do in RTIR.
 */
const TLP = `text not null check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'))`;
const searchOf = (a: string, b: string) =>
  `tsvector generated always as (setweight(to_tsvector('simple', coalesce(${a}, '')), 'A') || setweight(to_tsvector('simple', left(coalesce(${b}, ''), 500000)), 'B')) stored`;

const statements = [
  `create sequence ticket_seq`,
  // Content-addressed store for raw mail, attachments and evidence files.
  `create table blobs (
     sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
     size bigint not null,
     content bytea not null,
     created_at timestamptz not null default now()
   )`,
  `create table pgp_keys (
     fingerprint text primary key,
     email text not null,
     user_ids text[] not null,
     armored text not null,
     expires_at timestamptz,
     organisation_id uuid references organisations(id),
     created_at timestamptz not null default now()
   )`,
  `create index pgp_keys_email on pgp_keys (lower(email))`,
  `create table mailboxes (
     id uuid primary key default gen_random_uuid(),
     name text not null unique,
     host text not null,
     port integer not null check (port between 1 and 65535),
     secure boolean not null,
     username text not null,
     password text not null,
     folder text not null default 'INBOX',
     enabled boolean not null default true,
     last_polled_at timestamptz,
     last_error text,
     created_at timestamptz not null default now()
   )`,
  `create table incidents (
     id bigint primary key default nextval('ticket_seq'),
     title text not null,
     description text not null default '',
     rsit_class text,
     rsit_type text,
     priority text not null default 'normal' check (priority in ('low', 'normal', 'high', 'critical')),
     requested_priority text check (requested_priority in ('low', 'normal', 'high', 'critical')),
     impact text not null default 'unknown' check (impact in ('unknown', 'none', 'low', 'medium', 'high')),
     affected_constituents text not null default '',
     phase text not null default 'triage' check (phase in ('triage', 'containment', 'eradication', 'recovery', 'lessons-learned', 'closed', 'rejected')),
     tlp ${TLP},
     pap text not null default 'AMBER' check (pap in ('CLEAR', 'GREEN', 'AMBER', 'RED')),
     sensitive boolean not null default false,
     manager_id uuid references users(id),
     initial_vector text not null default '',
     patient_zero text not null default '',
     attack_techniques text[] not null default '{}',
     merged_into_id bigint references incidents(id) deferrable initially deferred,
     opened_at timestamptz not null,
     acknowledged_at timestamptz,
     triaged_at timestamptz,
     contained_at timestamptz,
     resolved_at timestamptz,
     closed_at timestamptz,
     version integer not null default 1,
     created_at timestamptz not null default now(),
     search ${searchOf('title', 'description')}
   )`,
  `create index incidents_search on incidents using gin (search)`,
  `create index incidents_phase on incidents (phase)`,
  `create table reports (
     id bigint primary key default nextval('ticket_seq'),
     channel text not null check (channel in ('email', 'api', 'web-form', 'phone', 'signal', 'meeting', 'other')),
     status text not null default 'new' check (status in ('new', 'incident', 'not-incident', 'merged')),
     not_incident_reason text,
     incident_id bigint references incidents(id),
     merged_into_id bigint references reports(id) deferrable initially deferred,
     subject text not null,
     body text not null default '',
     reporter_name text not null default '',
     reporter_email text,
     organisation_id uuid references organisations(id),
     tlp ${TLP},
     tlp_source text not null check (tlp_source in ('stated', 'default', 'set')),
     sensitive boolean not null default false,
     intake_status text not null default 'ok' check (intake_status in ('ok', 'malformed', 'too-large', 'undecryptable')),
     intake_notes text[] not null default '{}',
     received_at timestamptz not null,
     acknowledged_at timestamptz,
     triaged_at timestamptz,
     created_by text not null,
     created_at timestamptz not null default now(),
     search ${searchOf('subject', 'body')}
   )`,
  `create index reports_search on reports using gin (search)`,
  `create index reports_status on reports (status, received_at)`,
  `create index reports_incident on reports (incident_id)`,
  `create index reports_reporter on reports (lower(reporter_email))`,
  // Every mail in and out. dedupe_key (Message-ID and body hash) makes intake idempotent.
  `create table messages (
     id uuid primary key default gen_random_uuid(),
     direction text not null check (direction in ('in', 'out')),
     report_id bigint references reports(id),
     incident_id bigint references incidents(id),
     dedupe_key text unique,
     message_id text,
     in_reply_to text,
     "references" text[] not null default '{}',
     subject text not null default '',
     from_address text not null default '',
     to_addresses text[] not null default '{}',
     cc_addresses text[] not null default '{}',
     sent_at timestamptz,
     body_text text not null default '',
     body_html text,
     raw_sha256 text references blobs(sha256),
     raw_size bigint,
     pgp_encryption text not null default 'none' check (pgp_encryption in ('none', 'decrypted', 'failed', 'encrypted')),
     pgp_signature text not null default 'not-signed' check (pgp_signature in ('valid', 'invalid', 'unknown-key', 'not-signed', 'signed')),
     pgp_signer text,
     auto_submitted boolean not null default false,
     tlp ${TLP},
     delivery_status text check (delivery_status in ('queued', 'sending', 'sent', 'failed', 'suppressed')),
     delivery_error text,
     delivery_attempts integer not null default 0,
     next_attempt_at timestamptz,
     claimed_at timestamptz,
     automatic boolean not null default false,
     created_by text not null,
     created_at timestamptz not null default now()
   )`,
  `create index messages_report on messages (report_id)`,
  `create index messages_incident on messages (incident_id)`,
  `create index messages_message_id on messages (message_id)`,
  `create index messages_outbox on messages (next_attempt_at) where delivery_status in ('queued', 'sending')`,
  `create table attachments (
     id uuid primary key default gen_random_uuid(),
     message_id uuid references messages(id),
     report_id bigint references reports(id),
     filename text not null,
     content_type text not null,
     size bigint not null,
     sha256 text not null,
     stored boolean not null,
     note text,
     created_at timestamptz not null default now()
   )`,
  `create index attachments_message on attachments (message_id)`,
  `create table report_indicators (
     report_id bigint not null references reports(id),
     kind text not null,
     value text not null,
     primary key (report_id, kind, value)
   )`,
  `create index report_indicators_value on report_indicators (value)`,
  // A reversible record of every merge, split, attach and detach: the undo reads "moves".
  `create table triage_operations (
     id uuid primary key default gen_random_uuid(),
     kind text not null check (kind in ('merge-reports', 'merge-incidents', 'split-incident', 'attach-report', 'detach-report', 'open-incident', 'not-incident')),
     moves jsonb not null,
     summary text not null,
     actor text not null,
     created_at timestamptz not null default now(),
     undone_at timestamptz,
     undone_by text
   )`,
  `create table incident_participants (
     id uuid primary key default gen_random_uuid(),
     incident_id bigint not null references incidents(id),
     user_id uuid references users(id),
     name text not null,
     email text,
     organisation_id uuid references organisations(id),
     role text not null check (role in ('team-member', 'constituent-staff', 'third-party', 'law-enforcement')),
     added_at timestamptz not null default now(),
     removed_at timestamptz
   )`,
  `create unique index incident_participants_user on incident_participants (incident_id, user_id) where user_id is not null and removed_at is null`,
  `create table incident_shares (
     incident_id bigint not null references incidents(id),
     item_kind text not null,
     item_id text not null,
     participant_id uuid not null references incident_participants(id),
     shared_at timestamptz not null default now(),
     primary key (item_kind, item_id, participant_id)
   )`,
  `create table tasks (
     id uuid primary key default gen_random_uuid(),
     incident_id bigint not null references incidents(id),
     title text not null,
     description text not null default '',
     owner_id uuid references users(id),
     status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
     due_at timestamptz,
     tlp ${TLP},
     created_at timestamptz not null default now(),
     completed_at timestamptz
   )`,
  `create index tasks_incident on tasks (incident_id)`,
  `create table investigations (
     id uuid primary key default gen_random_uuid(),
     incident_id bigint not null references incidents(id),
     title text not null,
     correspondent text not null default '',
     status text not null default 'open' check (status in ('open', 'stalled', 'resolved', 'rejected')),
     notes text not null default '',
     tlp ${TLP},
     created_at timestamptz not null default now(),
     resolved_at timestamptz
   )`,
  `create table countermeasures (
     id uuid primary key default gen_random_uuid(),
     incident_id bigint not null references incidents(id),
     kind text not null,
     target text not null,
     description text not null default '',
     state text not null default 'pending-activation' check (state in ('pending-activation', 'active', 'pending-removal', 'removed')),
     notify_on_removal text[] not null default '{}',
     tlp ${TLP},
     created_at timestamptz not null default now(),
     activated_at timestamptz,
     removed_at timestamptz
   )`,
  `create table timeline_events (
     id uuid primary key default gen_random_uuid(),
     incident_id bigint not null references incidents(id),
     occurred_at timestamptz not null,
     kind text not null,
     summary text not null,
     tlp ${TLP},
     created_by text not null,
     created_at timestamptz not null default now()
   )`,
  `create index timeline_incident on timeline_events (incident_id, occurred_at)`,
  `create table observables (
     id uuid primary key default gen_random_uuid(),
     incident_id bigint not null references incidents(id),
     kind text not null,
     value text not null,
     description text not null default '',
     is_ioc boolean not null default false,
     tlp ${TLP},
     created_at timestamptz not null default now(),
     unique (incident_id, kind, value)
   )`,
  `create index observables_value on observables (value)`,
  `create table assets (
     id uuid primary key default gen_random_uuid(),
     incident_id bigint not null references incidents(id),
     name text not null,
     kind text not null default 'host',
     description text not null default '',
     compromised boolean not null default false,
     tlp ${TLP},
     created_at timestamptz not null default now()
   )`,
  `create table evidence (
     id uuid primary key default gen_random_uuid(),
     incident_id bigint not null references incidents(id),
     item text not null,
     description text not null default '',
     sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
     blob_sha256 text references blobs(sha256),
     collected_by text not null,
     collected_at timestamptz not null,
     location text not null,
     tlp ${TLP},
     created_at timestamptz not null default now()
   )`,
  `create table custody_entries (
     id uuid primary key default gen_random_uuid(),
     evidence_id uuid not null references evidence(id),
     at timestamptz not null,
     action text not null check (action in ('collected', 'transferred', 'accessed', 'analysed', 'stored', 'returned', 'destroyed')),
     from_person text not null default '',
     to_person text not null default '',
     location text not null default '',
     note text not null default '',
     recorded_by text not null,
     recorded_at timestamptz not null default now()
   )`,
  `create index custody_evidence on custody_entries (evidence_id, at)`,
  `create function custody_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'custody_entries is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
   end $$`,
  `create trigger custody_no_change before update or delete on custody_entries
     for each row execute function custody_append_only()`,
  `create table sla_policies (
     priority text primary key check (priority in ('low', 'normal', 'high', 'critical')),
     acknowledge_minutes integer not null check (acknowledge_minutes > 0),
     triage_minutes integer not null check (triage_minutes > 0),
     resolve_minutes integer not null check (resolve_minutes > 0)
   )`,
  // Working minutes: a day of 8 h is 480.
  `insert into sla_policies values
     ('critical', 30, 60, 960),
     ('high', 60, 240, 2400),
     ('normal', 240, 480, 4800),
     ('low', 480, 960, 9600)`,
  `create table debriefs (
     incident_id bigint primary key references incidents(id),
     content jsonb not null,
     status text not null default 'draft' check (status in ('draft', 'final')),
     version integer not null default 1,
     finalised_at timestamptz,
     finalised_by text,
     updated_at timestamptz not null default now()
   )`,
];

const tables = [
  'debriefs',
  'sla_policies',
  'custody_entries',
  'evidence',
  'assets',
  'observables',
  'timeline_events',
  'countermeasures',
  'investigations',
  'tasks',
  'incident_shares',
  'incident_participants',
  'triage_operations',
  'report_indicators',
  'attachments',
  'messages',
  'reports',
  'incidents',
  'mailboxes',
  'pgp_keys',
  'blobs',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of tables) await sql.raw(`drop table if exists ${table} cascade`).execute(db);
  await sql.raw('drop function if exists custody_append_only').execute(db);
  await sql.raw('drop sequence if exists ticket_seq').execute(db);
}
