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
  password_changed_at: Timestamp;
  created_at: CreatedAt;
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

export interface Schema {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  team_profile: TeamProfileTable;
  job_runs: JobRunsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
