/** The tables as Kysely sees them. Each slice's migration and this file change together. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  /** team: our own; constituent: in the constituency; peer: another CSIRT; other. */
  kind: string;
  parent_id: string | null;
  created_at: CreatedAt;
  short_name: string | null;
  category: Generated<string>;
  tags: Generated<string[]>;
  tlp_clearance: Generated<string>;
  notes: Generated<string>;
  version: Generated<number>;
  updated_at: Generated<Date>;
  /** The product inventory: CPE and purl identifiers of what the organisation runs. */
  products: Generated<string[]>;
}

export interface OrgNetblocksTable {
  organisation_id: string;
  prefix: string;
  description: Generated<string>;
}

export interface OrgAsnsTable {
  organisation_id: string;
  asn: ColumnType<string, number | string, number | string>;
}

export interface OrgDomainsTable {
  organisation_id: string;
  domain: string;
}

export interface OrgContactsTable {
  id: Generated<string>;
  organisation_id: string;
  role: string;
  name: Generated<string>;
  email: string;
  phone: Generated<string>;
  pgp_fingerprint: string | null;
  language: Generated<string>;
  notify: Generated<boolean>;
}

export interface ConstituencyStateTable {
  id: number;
  generation: ColumnType<string, number | string, number | string>;
}

export interface RipeRangesTable {
  prefix: string;
  range_text: string;
  netname: string;
  country: string;
  org: string | null;
  abuse_c: string | null;
  mnt_irt: string[];
}

export interface RipeAsnsTable {
  asn: ColumnType<string, number | string, number | string>;
  as_name: string;
  org: string | null;
  abuse_c: string | null;
  mnt_irt: string[];
}

export interface RipeContactsTable {
  handle: string;
  kind: string;
  name: string;
  emails: string[];
  abuse_mailbox: string | null;
  abuse_c: string | null;
}

export interface RipeImportsTable {
  id: Generated<string>;
  imported_at: CreatedAt;
  files: string[];
  counts: Json;
  imported_by: string;
}

export interface FeedsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  format: string;
  source: Json;
  schedule: Generated<string>;
  tlp: string;
  mapping: Json | null;
  rsit_class: string | null;
  rsit_type: string | null;
  notify: Generated<string>;
  dedup_hours: Generated<number>;
  enabled: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

type Count = ColumnType<string, number | undefined, number>;

export interface FeedRunsTable {
  id: Generated<string>;
  feed_id: string | null;
  feed_name: string;
  format: string;
  source: string;
  status: string;
  started_at: CreatedAt;
  finished_at: Timestamp | null;
  bytes: Count;
  rows_read: Count;
  events: Count;
  duplicates: Count;
  unowned: Count;
  malformed: Count;
  skipped: Count;
  warnings: ColumnType<string[], string[] | undefined, string[]>;
  bad_rows: ColumnType<unknown, string | undefined, string>;
  by_organisation: ColumnType<unknown, string | undefined, string>;
  error: string | null;
  started_by: string;
  /** A CSV feed's header: the names of the fields of its events' raw lines. */
  columns: ColumnType<string[] | null, string[] | undefined, string[]>;
  heartbeat_at: Generated<Date>;
  /** Its events after this id are still to be added to feed_event_values; at the start, the highest id there was. */
  values_after: ColumnType<string | null, number | string | undefined, number | string>;
  /** The highest event id when it ended: its own events go no further. */
  events_through: ColumnType<string | null, number | string | undefined, number | string | null>;
  /** When its addresses and domains went into feed_event_values. */
  values_indexed_at: Timestamp | null;
}

/** One address or domain one feed reported: "seen elsewhere" for feed events. */
export interface FeedEventValuesTable {
  value: string;
  kind: string;
  feed_id: string;
  first_seen: Timestamp;
  last_seen: Timestamp;
  events: ColumnType<string, number | string, number | string>;
  stored_at: Timestamp;
}

/** The UTC day of an incident whose KPIs changed, until kpi.refresh has counted it again. */
export interface KpiChangesTable {
  id: Generated<string>;
  /** A date column: select it as text (day::text), the drivers would make a local midnight of it. */
  day: string;
}

/** Stored KPI tallies of the incidents opened on one UTC day (or in one month), per class and priority. */
export interface KpiTalliesTable {
  day: string;
  rsit_class: string;
  priority: string;
  incidents: number;
  open: number;
  overdue: number;
  /** Per step its breaches, then bucket and count pairs (StoredTally in kpi-histogram.ts). */
  steps: ColumnType<Record<string, number[]>, string, string>;
}
export interface KpiMonthTalliesTable extends Omit<KpiTalliesTable, 'day'> {
  month: string;
}

/** Under which clock and SLA targets a day's (or month's) tallies were counted, and until when they hold. */
export interface KpiDayStatesTable {
  day: string;
  clock: string;
  settles_at: Timestamp | null;
}
export interface KpiMonthStatesTable extends Omit<KpiDayStatesTable, 'day'> {
  month: string;
}

/** An open incident's first step not done and when it falls due, as kpi.refresh last counted its day. */
export interface KpiOpenStepsTable {
  day: string;
  incident_id: string;
  priority: string;
  measure: string | null;
  due_at: Timestamp | null;
}

/** The events one run stored for one organisation, and the notification that took them. */
export interface RunOrganisationsTable {
  run_id: string;
  organisation_id: string;
  feed_id: string | null;
  events: number;
  finished_at: Timestamp;
  notification_id: string | null;
}

export interface EventsTable {
  id: ColumnType<string, never, never>;
  feed_id: string | null;
  run_id: string | null;
  organisation_id: string | null;
  time: Timestamp;
  source_ip: string | null;
  /** The domain a domain-only event was routed by. */
  source_domain: string | null;
  source_port: number | null;
  asn: ColumnType<string | null, number | string | null, number | string | null>;
  geo: string | null;
  protocol: string | null;
  rsit_class: string;
  rsit_type: string;
  identifier: Generated<string>;
  tlp: string;
  dedup_key: ColumnType<string, number | string, number | string>;
  dedup_bucket: ColumnType<string, number | string, number | string>;
  /** The row as received: a CSV line (its run has the header) or a JSON object. */
  raw: string;
  created_at: CreatedAt;
}

export interface NotificationsTable {
  id: Generated<string>;
  organisation_id: string;
  feed_id: string;
  period_start: Timestamp;
  period_end: Timestamp;
  event_count: number;
  tlp: string;
  recipients: string[];
  status: string;
  reason: string | null;
  message_ids: Generated<string[]>;
  feedback_token: string;
  created_at: CreatedAt;
  /** When the retention policy replaced its personal data with pseudonyms. */
  pseudonymised_at: ColumnType<Date | null, never, Date | null>;
}

export interface NotificationFeedbackTable {
  id: Generated<string>;
  notification_id: string;
  verdict: string;
  comment: Generated<string>;
  created_at: CreatedAt;
}

export interface IncidentOrganisationsTable {
  incident_id: ColumnType<string, string | number, string | number>;
  organisation_id: string;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: string;
  organisation_id: string | null;
  password_hash: string;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  /** The last TOTP time step accepted: a code is good once. */
  totp_last_step: ColumnType<string | null, number | null | undefined, number | null>;
  disabled_at: Timestamp | null;
  /** The interface language the user chose; null: the team's. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  password_changed_at: Timestamp;
  created_at: CreatedAt;
  /** Tell this user of changes on watched and managed incidents by mail too. */
  watch_mail: Generated<boolean>;
  /** Up to when those changes have been mailed. */
  watch_mail_sent_at: Timestamp | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: string[];
  created_at: CreatedAt;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  seq: ColumnType<string, string | number, never>;
  at: Timestamp;
  actor: string;
  action: string;
  object_type: string;
  object_id: string | null;
  before: Json | null;
  after: Json | null;
  prev_hash: string;
  hash: string;
  /** SHA-256 of the canonical {before, after}: what the hash covers, so the detail can be purged. Null on entries written before it. */
  detail_sha256: ColumnType<string | null, string | null | undefined, never>;
  /** When the retention policy removed before/after. */
  purged_at: ColumnType<Date | null, never, Date>;
}

export interface RetentionStateTable {
  id: number;
  salt: string;
}

export interface TeamProfileTable {
  id: number;
  data: Json;
  version: number;
  updated_at: Timestamp;
}

export interface JobRunsTable {
  job_id: string;
  queue: string;
  completed_at: CreatedAt;
}

type Id = ColumnType<string, string | number | undefined, never>;
type Big = ColumnType<string, string | number, string | number>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface BlobsTable {
  sha256: string;
  size: Big;
  content: Buffer;
  created_at: CreatedAt;
}

export interface PgpKeysTable {
  fingerprint: string;
  email: string;
  user_ids: string[];
  armored: string;
  expires_at: Timestamp | null;
  organisation_id: string | null;
  created_at: CreatedAt;
}

export interface MailboxesTable {
  id: Generated<string>;
  name: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
  folder: Generated<string>;
  enabled: Generated<boolean>;
  last_polled_at: Timestamp | null;
  last_error: string | null;
  created_at: CreatedAt;
}

export interface IncidentsTable {
  id: Id;
  title: string;
  description: Generated<string>;
  rsit_class: string | null;
  rsit_type: string | null;
  priority: Generated<string>;
  requested_priority: string | null;
  impact: Generated<string>;
  affected_constituents: Generated<string>;
  phase: Generated<string>;
  tlp: string;
  pap: Generated<string>;
  sensitive: Generated<boolean>;
  manager_id: string | null;
  initial_vector: Generated<string>;
  patient_zero: Generated<string>;
  attack_techniques: TextArray;
  merged_into_id: Big | null;
  opened_at: Timestamp;
  acknowledged_at: Timestamp | null;
  triaged_at: Timestamp | null;
  contained_at: Timestamp | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  version: Generated<number>;
  created_at: CreatedAt;
  /** When the retention policy replaced its personal data with pseudonyms. */
  pseudonymised_at: ColumnType<Date | null, never, Date | null>;
}

export interface ReportsTable {
  id: Id;
  channel: string;
  status: Generated<string>;
  not_incident_reason: string | null;
  incident_id: Big | null;
  merged_into_id: Big | null;
  subject: string;
  body: Generated<string>;
  reporter_name: Generated<string>;
  reporter_email: string | null;
  organisation_id: string | null;
  tlp: string;
  tlp_source: string;
  sensitive: Generated<boolean>;
  intake_status: Generated<string>;
  intake_notes: TextArray;
  received_at: Timestamp;
  /** The mail's own Date: an archive imported later keeps when it was reported. */
  reported_at: Timestamp | null;
  /** What a machine-written report (ARF, X-ARF) said, as fields. */
  machine_report: Json | null;
  acknowledged_at: Timestamp | null;
  triaged_at: Timestamp | null;
  created_by: string;
  created_at: CreatedAt;
  /** When the retention policy replaced its personal data with pseudonyms. */
  pseudonymised_at: ColumnType<Date | null, never, Date | null>;
}

export interface MessagesTable {
  id: Generated<string>;
  direction: 'in' | 'out';
  report_id: Big | null;
  incident_id: Big | null;
  dedupe_key: string | null;
  message_id: string | null;
  in_reply_to: string | null;
  references: TextArray;
  subject: Generated<string>;
  from_address: Generated<string>;
  to_addresses: TextArray;
  cc_addresses: TextArray;
  sent_at: Timestamp | null;
  body_text: Generated<string>;
  body_html: string | null;
  raw_sha256: string | null;
  raw_size: Big | null;
  pgp_encryption: Generated<string>;
  pgp_signature: Generated<string>;
  pgp_signer: string | null;
  auto_submitted: Generated<boolean>;
  tlp: string;
  delivery_status: string | null;
  delivery_error: string | null;
  delivery_attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  claimed_at: Timestamp | null;
  /** Sent by Vakt itself (acknowledgements): does not count as a person's answer. */
  automatic: Generated<boolean>;
  /** A delivery or feedback report, as read (incoming mail only). */
  machine_report: Json | null;
  created_by: string;
  created_at: CreatedAt;
  /** When the retention policy replaced its personal data with pseudonyms. */
  pseudonymised_at: ColumnType<Date | null, never, Date | null>;
}

export interface AttachmentsTable {
  id: Generated<string>;
  message_id: string | null;
  report_id: Big | null;
  filename: string;
  content_type: string;
  size: Big;
  sha256: string;
  stored: boolean;
  note: string | null;
  created_at: CreatedAt;
}

export interface ReportIndicatorsTable {
  report_id: Big;
  kind: string;
  value: string;
}

export interface TriageOperationsTable {
  id: Generated<string>;
  kind: string;
  moves: Json;
  summary: string;
  actor: string;
  created_at: CreatedAt;
  undone_at: Timestamp | null;
  undone_by: string | null;
}

export interface IncidentParticipantsTable {
  id: Generated<string>;
  incident_id: Big;
  user_id: string | null;
  name: string;
  email: string | null;
  organisation_id: string | null;
  role: string;
  added_at: CreatedAt;
  removed_at: Timestamp | null;
}

export interface IncidentSharesTable {
  incident_id: Big;
  item_kind: string;
  item_id: string;
  participant_id: string;
  shared_at: CreatedAt;
}

interface IncidentItem {
  id: Generated<string>;
  incident_id: Big;
  tlp: string;
  created_at: CreatedAt;
}

export interface TasksTable extends IncidentItem {
  title: string;
  description: Generated<string>;
  owner_id: string | null;
  status: Generated<string>;
  due_at: Timestamp | null;
  completed_at: Timestamp | null;
}

export interface InvestigationsTable extends IncidentItem {
  title: string;
  correspondent: Generated<string>;
  status: Generated<string>;
  notes: Generated<string>;
  resolved_at: Timestamp | null;
}

export interface CountermeasuresTable extends IncidentItem {
  kind: string;
  target: string;
  description: Generated<string>;
  state: Generated<string>;
  notify_on_removal: TextArray;
  activated_at: Timestamp | null;
  removed_at: Timestamp | null;
}

export interface TimelineEventsTable extends IncidentItem {
  occurred_at: Timestamp;
  kind: string;
  summary: string;
  created_by: string;
}

export interface ObservablesTable extends IncidentItem {
  kind: string;
  value: string;
  description: Generated<string>;
  is_ioc: Generated<boolean>;
}

export interface AssetsTable extends IncidentItem {
  name: string;
  kind: Generated<string>;
  description: Generated<string>;
  compromised: Generated<boolean>;
}

export interface EvidenceTable extends IncidentItem {
  item: string;
  description: Generated<string>;
  sha256: string;
  blob_sha256: string | null;
  collected_by: string;
  collected_at: Timestamp;
  location: string;
}

export interface CustodyEntriesTable {
  id: Generated<string>;
  evidence_id: string;
  at: Timestamp;
  action: string;
  from_person: Generated<string>;
  to_person: Generated<string>;
  location: Generated<string>;
  note: Generated<string>;
  recorded_by: string;
  recorded_at: CreatedAt;
}

export interface SlaPoliciesTable {
  priority: string;
  acknowledge_minutes: number;
  triage_minutes: number;
  resolve_minutes: number;
}

export interface DebriefsTable {
  incident_id: Big;
  content: Json;
  status: Generated<string>;
  version: Generated<number>;
  finalised_at: Timestamp | null;
  finalised_by: string | null;
  updated_at: Timestamp;
}

export interface PeerTeamsTable {
  id: Generated<string>;
  name: string;
  country: string;
  data: Json;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  search: ColumnType<string, never, never>;
}

export interface SharingProfilesTable {
  peer_team_id: string;
  /** The most restrictive label the peer may receive. */
  max_tlp: string;
  /** The kinds of item shared: observable, indicator, incident. */
  item_kinds: string[];
  version: Generated<number>;
  updated_by: string;
  updated_at: Generated<Date>;
  /** The pseudonymisation rules (sharing/pseudonymise.ts). */
  pseudonymisation: ColumnType<unknown, string | undefined, string>;
  /** taxii, misp-feed, mail. */
  channels: Generated<string[]>;
  taxii_collection_id: string | null;
  mail_to: string | null;
  /** The account organisation whose users read for this peer. */
  reader_organisation_id: string | null;
}

export interface PeerSharesTable {
  peer_team_id: string;
  incident_id: Big;
  shared_by: string;
  shared_at: CreatedAt;
  withdrawn_at: Timestamp | null;
  revision: Generated<number>;
  published_at: Timestamp | null;
  /** The MISP event as last published to the peer's feed. */
  misp_event: string | null;
  /** What went wrong at the last publication, if it did. */
  last_error: string | null;
  /** What the last publication was made from: republished only when it moves. */
  fingerprint: string | null;
}

export interface PeerShareItemsTable {
  peer_team_id: string;
  incident_id: Big;
  stix_id: string;
  tlp: string;
  /** The STIX object as last sent. */
  object: string;
  withdrawn: Generated<boolean>;
}

export interface SharedObjectsTable {
  /** The STIX id. */
  id: string;
  /** The version: the object's `modified` (or `created`), empty for an object that has neither (a cyber observable). */
  modified: string;
  type: string;
  name: Generated<string>;
  tlp: string;
  /** False: its marking was one Vakt does not know, read as TLP:RED. */
  tlp_known: boolean;
  /** The object exactly as received. */
  object: string;
  source: string;
  imported_by: string;
  imported_at: CreatedAt;
}

export interface SharedObjectIndicatorsTable {
  value: string;
  kind: string;
  object_id: string;
}

export interface TaxiiCollectionsTable {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  created_by: string;
  created_at: CreatedAt;
}

export interface TaxiiObjectsTable {
  seq: ColumnType<string, never, never>;
  collection_id: string;
  id: string;
  /** The object's `modified` (or `created`); for an object with neither, when it was added. */
  version: string;
  type: string;
  spec_version: string;
  tlp: string;
  object: string;
  added_by: string;
  added_at: CreatedAt;
}

export interface TaxiiStatusTable {
  id: Generated<string>;
  collection_id: string;
  request_timestamp: CreatedAt;
  successes: Json;
  failures: Json;
  created_by: string;
}

export interface TaxiiSourcesTable {
  id: Generated<string>;
  /** A peer's collection: https://…/taxii2/<root>/collections/<id>/ */
  collection_url: string;
  peer_team_id: string | null;
  /** The API token the peer gave the team (sent as HTTP Basic's password). */
  token: string;
  /** The newest time-added stored: the next pull asks for what was added after it. */
  read_up_to: string | null;
  last_run_at: Timestamp | null;
  last_error: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface WarninglistEntriesTable {
  value: string;
  kind: string;
  /** Which list: public-dns-resolvers, common-domains, or one the team made. */
  list: string;
  added_by: string;
  added_at: CreatedAt;
}

export interface DirectorySnapshotsTable {
  id: Generated<string>;
  name: string;
  taken_at: ColumnType<string, string, string>;
  source: string;
  description: string | null;
  matrix: Json;
  created_by: string;
  created_at: CreatedAt;
}

/** What the egress gate decided, for whom, through which channel (sharing/egress.ts). */
export interface EgressDecisionsTable {
  id: ColumnType<string, never, never>;
  decided_at: CreatedAt;
  channel: string;
  item_kind: string;
  item_id: string;
  tlp: string;
  recipient: string;
  relation: string;
  allowed: boolean;
  reason: string;
  actor: string;
}

/** Failed logins per account ("account:<email>") and per client address ("address:<ip>"). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface IncidentNotesTable extends IncidentItem {
  task_id: string | null;
  body: string;
  created_by: string;
  edited_at: Timestamp | null;
}

export interface IncidentWatchersTable {
  incident_id: Big;
  user_id: string;
  added_at: CreatedAt;
}

export interface IncidentTemplatesTable {
  id: Generated<string>;
  name: string;
  rsit_class: string;
  rsit_type: string | null;
  priority: string;
  tlp: string;
  tasks: Json;
  version: Generated<number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface SavedViewsTable {
  id: Generated<string>;
  user_id: string;
  list: string;
  name: string;
  query: string;
  shared: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ReportFeedbackTable {
  report_id: Big;
  user_id: string;
  rating: number;
  comment: Generated<string>;
  given_at: ColumnType<Date, Date | undefined, Date>;
}

export interface AdvisoriesTable {
  id: Generated<string>;
  publisher_namespace: string;
  tracking_id: string;
  version: string;
  title: string;
  category: string;
  status: string;
  csaf_tlp: string | null;
  tlp: string;
  current_release_date: Timestamp;
  document: string;
  sha256: string;
  valid: boolean;
  findings: Json;
  source: string;
  imported_by: string;
  imported_at: CreatedAt;
  /** The team's own advisory this version publishes. */
  authored_id: string | null;
  /** A detached, armoured OpenPGP signature over `document`, made with the team key at publication. */
  signature: string | null;
  /** A relayed vendor document: where it came from and how its hash and signature checked out. */
  provenance: Json | null;
}

export interface CsafSubscriptionsTable {
  id: Generated<string>;
  metadata_url: string;
  publisher: string;
  read_up_to: Timestamp | null;
  last_run_at: Timestamp | null;
  last_error: string | null;
  /** What the URL names: a provider's provider-metadata.json, or an aggregator's (or lister's) aggregator.json. */
  kind: Generated<'provider' | 'aggregator'>;
  /** The aggregator subscription that listed this provider; null when the team followed it itself. */
  via: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface RelayNoticesTable {
  id: Generated<string>;
  advisory_id: string;
  organisation_id: string;
  matched: string[];
  state: Generated<string>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface ProductsTable {
  id: Generated<string>;
  vendor: string;
  name: string;
  version: string;
  cpe: string | null;
  purl: string | null;
  created_by: string;
  created_at: CreatedAt;
}

export interface AdvisoryRecipientsTable {
  id: Generated<string>;
  advisory_id: string;
  organisation_id: string;
  recipients: string[];
  status: string;
  reason: string | null;
  feedback_token: string;
  /** The inventory entries that matched the advisory's affected products. */
  matched: Generated<string[]>;
  /** Where the version told of is served, for the reminder. */
  document_url: string;
  mailed_at: CreatedAt;
  reminded_at: Timestamp | null;
}

export interface AdvisoryAnswersTable {
  id: Generated<string>;
  recipient_id: string;
  verdict: string;
  comment: Generated<string>;
  created_at: CreatedAt;
}

export interface AuthoredAdvisoriesTable {
  id: Generated<string>;
  tracking_id: string;
  state: string;
  content: Json;
  /** Counts saves: the ETag a client edits against. */
  revision: Generated<number>;
  /** CSAF revision_history entries of the versions published so far. */
  revision_history: ColumnType<unknown, string | undefined, string>;
  initial_release_date: Timestamp | null;
  created_by: string;
  edited_by: string;
  submitted_by: string | null;
  reviewed_by: string | null;
  review_comment: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface Schema {
  advisories: AdvisoriesTable;
  products: ProductsTable;
  authored_advisories: AuthoredAdvisoriesTable;
  advisory_recipients: AdvisoryRecipientsTable;
  advisory_answers: AdvisoryAnswersTable;
  csaf_subscriptions: CsafSubscriptionsTable;
  sharing_profiles: SharingProfilesTable;
  peer_shares: PeerSharesTable;
  peer_share_items: PeerShareItemsTable;
  shared_objects: SharedObjectsTable;
  shared_object_indicators: SharedObjectIndicatorsTable;
  taxii_collections: TaxiiCollectionsTable;
  taxii_objects: TaxiiObjectsTable;
  taxii_status: TaxiiStatusTable;
  taxii_sources: TaxiiSourcesTable;
  warninglist_entries: WarninglistEntriesTable;
  relay_notices: RelayNoticesTable;
  organisations: OrganisationsTable;
  egress_decisions: EgressDecisionsTable;
  login_throttle: LoginThrottleTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  team_profile: TeamProfileTable;
  job_runs: JobRunsTable;
  blobs: BlobsTable;
  pgp_keys: PgpKeysTable;
  mailboxes: MailboxesTable;
  incidents: IncidentsTable;
  reports: ReportsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  report_indicators: ReportIndicatorsTable;
  triage_operations: TriageOperationsTable;
  incident_participants: IncidentParticipantsTable;
  incident_shares: IncidentSharesTable;
  tasks: TasksTable;
  investigations: InvestigationsTable;
  countermeasures: CountermeasuresTable;
  timeline_events: TimelineEventsTable;
  observables: ObservablesTable;
  assets: AssetsTable;
  evidence: EvidenceTable;
  custody_entries: CustodyEntriesTable;
  sla_policies: SlaPoliciesTable;
  debriefs: DebriefsTable;
  peer_teams: PeerTeamsTable;
  directory_snapshots: DirectorySnapshotsTable;
  org_netblocks: OrgNetblocksTable;
  org_asns: OrgAsnsTable;
  org_domains: OrgDomainsTable;
  org_contacts: OrgContactsTable;
  constituency_state: ConstituencyStateTable;
  ripe_ranges: RipeRangesTable;
  ripe_asns: RipeAsnsTable;
  ripe_contacts: RipeContactsTable;
  ripe_imports: RipeImportsTable;
  feeds: FeedsTable;
  feed_runs: FeedRunsTable;
  events: EventsTable;
  feed_event_values: FeedEventValuesTable;
  kpi_changes: KpiChangesTable;
  kpi_days: KpiTalliesTable;
  kpi_months: KpiMonthTalliesTable;
  kpi_day_states: KpiDayStatesTable;
  kpi_month_states: KpiMonthStatesTable;
  kpi_open_steps: KpiOpenStepsTable;
  run_organisations: RunOrganisationsTable;
  notifications: NotificationsTable;
  notification_feedback: NotificationFeedbackTable;
  incident_organisations: IncidentOrganisationsTable;
  incident_notes: IncidentNotesTable;
  incident_watchers: IncidentWatchersTable;
  incident_templates: IncidentTemplatesTable;
  saved_views: SavedViewsTable;
  report_feedback: ReportFeedbackTable;
  retention_state: RetentionStateTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
