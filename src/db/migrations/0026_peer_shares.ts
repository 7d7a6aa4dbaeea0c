import { sql, type Kysely } from 'kysely';

/*
 * Sharing with a peer, past the one-off export: the profile names the channels a peer is sent
 * (a TAXII collection, a MISP feed, STIX by encrypted mail), how values are pseudonymised first,
 * and the account organisation whose users read for the peer. `peer_shares` records each incident
 * shared with a peer and the MISP event as last published; `peer_share_items` the STIX objects as
 * last sent, so a change of label or a withdrawal reaches the peer as a new version or a revocation.
 */
const PROTECTIVE = `'{"constituents":"replace","reporters":"pseudonymise","ownAddresses":"truncate","scrubText":true}'::jsonb`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `alter table sharing_profiles
         add column pseudonymisation jsonb not null default ${PROTECTIVE},
         add column channels text[] not null default '{}',
         add column taxii_collection_id uuid references taxii_collections (id) on delete set null,
         add column mail_to text,
         add column reader_organisation_id uuid references organisations (id) on delete set null`,
    )
    .execute(db);
  await sql
    .raw(
      `create unique index sharing_profiles_reader on sharing_profiles (reader_organisation_id) where reader_organisation_id is not null`,
    )
    .execute(db);
  await sql
    .raw(
      `create table peer_shares (
         peer_team_id uuid not null references peer_teams (id) on delete cascade,
         incident_id bigint not null references incidents (id),
         shared_by text not null,
         shared_at timestamptz not null default now(),
         withdrawn_at timestamptz,
         revision integer not null default 0,
         published_at timestamptz,
         misp_event text,
         last_error text,
         fingerprint text,
         primary key (peer_team_id, incident_id)
       )`,
    )
    .execute(db);
  await sql.raw(`create index peer_shares_incident on peer_shares (incident_id)`).execute(db);
  await sql
    .raw(
      `create table peer_share_items (
         peer_team_id uuid not null,
         incident_id bigint not null,
         stix_id text not null,
         tlp text not null,
         object text not null,
         withdrawn boolean not null default false,
         primary key (peer_team_id, incident_id, stix_id),
         foreign key (peer_team_id, incident_id) references peer_shares (peer_team_id, incident_id) on delete cascade
       )`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`drop table peer_share_items`).execute(db);
  await sql.raw(`drop table peer_shares`).execute(db);
  await sql
    .raw(
      `alter table sharing_profiles drop column pseudonymisation, drop column channels, drop column taxii_collection_id,
         drop column mail_to, drop column reader_organisation_id`,
    )
    .execute(db);
}
