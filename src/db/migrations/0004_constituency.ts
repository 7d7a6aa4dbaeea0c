import { sql, type Kysely } from 'kysely';

/*
 * The constituency (organisations with their netblocks, ASNs, domains and contacts), the RIPE
 * database as imported, early-warning feeds with their runs and events, and the notifications
 * that aggregate events per organisation, with the feedback constituents give on them.
 */
const TLP = `text check (tlp in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'))`;

const statements = [
  `alter table organisations
     add column short_name text,
     add column category text not null default 'other'
       check (category in ('team', 'municipality', 'department', 'company', 'foundation', 'supplier', 'other')),
     add column tags text[] not null default '{}',
     add column tlp_clearance text not null default 'AMBER'
       check (tlp_clearance in ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
     add column notes text not null default '',
     add column version integer not null default 1,
     add column updated_at timestamptz not null default now()`,
  `update organisations set category = 'team' where kind = 'team'`,
  `create table org_netblocks (
     organisation_id uuid not null references organisations(id) on delete cascade,
     prefix cidr not null,
     description text not null default '',
     primary key (organisation_id, prefix)
   )`,
  `create table org_asns (
     organisation_id uuid not null references organisations(id) on delete cascade,
     asn bigint not null check (asn between 0 and 4294967295),
     primary key (organisation_id, asn)
   )`,
  `create table org_domains (
     organisation_id uuid not null references organisations(id) on delete cascade,
     domain text not null check (domain = lower(domain)),
     primary key (organisation_id, domain)
   )`,
  `create index org_domains_domain on org_domains (domain)`,
  `create table org_contacts (
     id uuid primary key default gen_random_uuid(),
     organisation_id uuid not null references organisations(id) on delete cascade,
     role text not null check (role in ('security', 'abuse', 'technical', 'management', 'other')),
     name text not null default '',
     email text not null,
     phone text not null default '',
     pgp_fingerprint text,
     language text not null default 'sv' check (language in ('sv', 'en')),
     notify boolean not null default true
   )`,
  `create index org_contacts_org on org_contacts (organisation_id)`,
  // Bumped by every change to the constituency: each process's in-memory index reloads on a new value.
  `create table constituency_state (
     id integer primary key check (id = 1),
     generation bigint not null
   )`,
  `insert into constituency_state (id, generation) values (1, 1)`,

  // The RIPE database, replaced as a whole by each import. Ranges that are not CIDR-aligned are
  // stored as the CIDRs that cover them exactly, each keeping the range as written.
  `create table ripe_ranges (
     prefix cidr not null,
     range_text text not null,
     netname text not null default '',
     country text not null default '',
     org text,
     abuse_c text,
     mnt_irt text[] not null default '{}'
   )`,
  `create index ripe_ranges_prefix on ripe_ranges using gist (prefix inet_ops)`,
  `create table ripe_asns (
     asn bigint primary key,
     as_name text not null default '',
     org text,
     abuse_c text,
     mnt_irt text[] not null default '{}'
   )`,
  // irt, role and organisation objects by handle: what a range or ASN refers to.
  `create table ripe_contacts (
     handle text primary key,
     kind text not null check (kind in ('irt', 'role', 'organisation')),
     name text not null default '',
     emails text[] not null default '{}',
     abuse_mailbox text,
     abuse_c text
   )`,
  `create table ripe_imports (
     id uuid primary key default gen_random_uuid(),
     imported_at timestamptz not null default now(),
     files text[] not null,
     counts jsonb not null,
     imported_by text not null
   )`,

  `create table feeds (
     id uuid primary key default gen_random_uuid(),
     name text not null unique check (name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
     description text not null default '',
     format text not null,
     source jsonb not null,
     schedule text not null default 'manual',
     tlp ${TLP} not null,
     mapping jsonb,
     rsit_class text,
     rsit_type text,
     notify text not null default 'daily' check (notify in ('immediately', 'hourly', 'daily', 'never')),
     dedup_hours integer not null default 24 check (dedup_hours between 1 and 720),
     enabled boolean not null default true,
     version integer not null default 1,
     created_at timestamptz not null default now(),
     updated_at timestamptz not null default now()
   )`,
  `create table feed_runs (
     id uuid primary key default gen_random_uuid(),
     feed_id uuid references feeds(id) on delete set null,
     feed_name text not null,
     format text not null,
     source text not null,
     status text not null check (status in ('running', 'ok', 'failed')),
     started_at timestamptz not null default now(),
     finished_at timestamptz,
     bytes bigint not null default 0,
     rows_read bigint not null default 0,
     events bigint not null default 0,
     duplicates bigint not null default 0,
     unowned bigint not null default 0,
     malformed bigint not null default 0,
     bad_rows jsonb not null default '[]',
     by_organisation jsonb not null default '{}',
     error text,
     started_by text not null
   )`,
  `create index feed_runs_feed on feed_runs (feed_id, started_at desc)`,
  `create table notifications (
     id uuid primary key default gen_random_uuid(),
     organisation_id uuid not null references organisations(id),
     feed_id uuid not null references feeds(id),
     period_start timestamptz not null,
     period_end timestamptz not null,
     event_count integer not null,
     tlp ${TLP} not null,
     recipients text[] not null,
     status text not null check (status in ('queued', 'withheld')),
     reason text,
     -- One mail per contact, each in the contact's language, encrypted when the contact has a key.
     message_ids uuid[] not null default '{}',
     feedback_token text not null unique,
     created_at timestamptz not null default now(),
     unique (organisation_id, feed_id, period_start)
   )`,
  `create table events (
     id bigserial primary key,
     feed_id uuid references feeds(id) on delete set null,
     run_id uuid references feed_runs(id) on delete set null,
     organisation_id uuid references organisations(id) on delete set null,
     time timestamptz not null,
     source_ip inet,
     source_port integer,
     asn bigint,
     geo text,
     protocol text,
     rsit_class text not null,
     rsit_type text not null,
     identifier text not null default '',
     tlp ${TLP} not null,
     dedup_key bigint not null,
     dedup_bucket bigint not null,
     raw jsonb not null,
     notification_id uuid references notifications(id),
     created_at timestamptz not null default now()
   )`,
  `create unique index events_dedup on events (dedup_key, dedup_bucket)`,
  `create index events_pending on events (feed_id, organisation_id, created_at) where notification_id is null and organisation_id is not null`,
  // Partial: a new event has no notification yet, so storing one does not touch this index.
  `create index events_notification on events (notification_id) where notification_id is not null`,
  `create table notification_feedback (
     id uuid primary key default gen_random_uuid(),
     notification_id uuid not null references notifications(id) on delete cascade,
     verdict text not null check (verdict in ('useful', 'not-useful', 'false-positive')),
     comment text not null default '',
     created_at timestamptz not null default now()
   )`,
  `create index notification_feedback_notification on notification_feedback (notification_id)`,
  // Incidents name the organisations they affect.
  `create table incident_organisations (
     incident_id bigint not null references incidents(id) on delete cascade,
     organisation_id uuid not null references organisations(id) on delete cascade,
     primary key (incident_id, organisation_id)
   )`,
  // A bounce is recorded on the message it returned.
  `alter table messages drop constraint messages_delivery_status_check`,
  `alter table messages add constraint messages_delivery_status_check
     check (delivery_status in ('queued', 'sending', 'sent', 'failed', 'suppressed', 'bounced'))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'incident_organisations',
    'notification_feedback',
    'events',
    'notifications',
    'feed_runs',
    'feeds',
    'ripe_imports',
    'ripe_contacts',
    'ripe_asns',
    'ripe_ranges',
    'constituency_state',
    'org_contacts',
    'org_domains',
    'org_asns',
    'org_netblocks',
  ]) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
  await sql
    .raw(
      `alter table organisations drop column short_name, drop column category, drop column tags, drop column tlp_clearance, drop column notes, drop column version, drop column updated_at`,
    )
    .execute(db);
}
