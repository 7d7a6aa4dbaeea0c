/**
 * The peer-team inventory: validation beyond the schema, storage with optimistic locking, search,
 * and imports that update a team already known (same name and country) instead of adding it twice.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { isValidTimeZone, validateWeeklyHours, type WeeklyHours } from '../core/business-hours.js';
import { afterKeyCursor, containing, keyCursor } from '../core/cursor.js';
import { notFound, ValidationError, VaktError, type FieldIssue } from '../core/errors.js';
import { isFirstServiceName } from '../core/first-services.js';
import { validate } from '../core/validate.js';
import type { Schema } from '../db/schema.js';
import { isTeamCountry } from './countries.js';
import { atLeast } from './coverage.js';
import { PeerTeamSchema, TI_STATUSES, type Coverage, type MembershipBody, type PeerTeam, type Sector, type StoredTeam } from './schema.js';

/** Checks a team fully; `source` (a file and record) prefixes the error message. */
export function validateTeam(input: unknown, source?: string): PeerTeam {
  const team = validate(PeerTeamSchema, input, source);
  const issues: FieldIssue[] = [];
  if (!isTeamCountry(team.country))
    issues.push({ field: 'country', reason: `"${team.country}" is not an ISO 3166-1 alpha-2 country code, nor INT (no single country)` });
  if (team.timeZone && !isValidTimeZone(team.timeZone))
    issues.push({ field: 'timeZone', reason: `"${team.timeZone}" is not an IANA time zone such as Europe/Stockholm` });
  if (team.operatingHours) issues.push(...validateWeeklyHours(team.operatingHours as WeeklyHours));
  team.services.forEach((name, i) => {
    if (!isFirstServiceName(name))
      issues.push({ field: `services[${i}]`, reason: `"${name}" is not a FIRST CSIRT Services Framework v2.1 service area or service` });
  });
  const sectors = team.sectors.map((s) => s.sector);
  sectors.forEach((sector, i) => {
    if (sectors.indexOf(sector) !== i) issues.push({ field: `sectors[${i}]`, reason: `sector "${sector}" is listed twice` });
  });
  team.memberships.forEach((m, i) => {
    if (m.body === 'Trusted Introducer' && m.status && !(TI_STATUSES as readonly string[]).includes(m.status)) {
      issues.push({ field: `memberships[${i}].status`, reason: `Trusted Introducer status must be one of ${TI_STATUSES.join(', ')}` });
    }
    if (m.body === 'Other' && !m.name) issues.push({ field: `memberships[${i}].name`, reason: 'name the body of an "Other" membership' });
  });
  if (issues.length > 0) throw new ValidationError(issues, source);
  return team;
}

type Row = { id: string; data: unknown; version: number; created_at: Date; updated_at: Date };

function stored(row: Row): StoredTeam {
  return {
    id: row.id,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    team: row.data as PeerTeam,
  };
}

const COLUMNS = ['id', 'data', 'version', 'created_at', 'updated_at'] as const;

export interface TeamFilter {
  q?: string;
  country?: string;
  type?: string;
  sector?: Sector;
  /** With `sector`: the least coverage that counts (default: partly). */
  coverage?: Coverage;
  service?: string;
  membership?: MembershipBody;
  /** With `membership`: e.g. accredited, certified (a comma list matches any). */
  status?: string;
}

/**
 * Country, type and name narrow in SQL; sectors, services and memberships are matched on the
 * records, since a directory holds hundreds of teams, not millions.
 */
export async function listTeams(db: Kysely<Schema>, filter: TeamFilter = {}): Promise<StoredTeam[]> {
  const rows = (await teamQuery(db, filter).execute()).map(stored);
  return rows.filter(({ team }) => matches(team, filter));
}

/** Teams sort by country, then by name in any case: the key a page's cursor holds. */
const ORDER_KEY = sql<string>`country || lower(name)`;

/**
 * A page of the directory in list order and the cursor of the next. The record filters run on
 * the rows, so the rows are read in batches until the page is full or the directory ends.
 */
export async function pageTeams(
  db: Kysely<Schema>,
  filter: TeamFilter & { after?: string; limit: number },
): Promise<{ teams: StoredTeam[]; next: string | null }> {
  const found: Array<StoredTeam & { key: string }> = [];
  let after = filter.after;
  const batch = Math.max(100, filter.limit + 1);
  while (found.length <= filter.limit) {
    let query = teamQuery(db, filter).select(ORDER_KEY.as('order_key')).limit(batch);
    if (after) query = query.where(afterKeyCursor(after, ORDER_KEY, 'id', false));
    const rows = await query.execute();
    for (const row of rows) {
      const team = stored(row);
      if (matches(team.team, filter)) found.push({ ...team, key: row.order_key });
    }
    const last = rows.at(-1);
    if (rows.length < batch || !last) break;
    after = keyCursor(last.order_key, last.id);
  }
  const page = found.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    teams: page.map(({ key: _key, ...team }) => team),
    next: found.length > filter.limit && last ? keyCursor(last.key, last.id) : null,
  };
}

function teamQuery(db: Kysely<Schema>, filter: TeamFilter) {
  let query = db.selectFrom('peer_teams').select(COLUMNS).orderBy(ORDER_KEY).orderBy('id');
  if (filter.country) query = query.where('country', '=', filter.country.toUpperCase());
  if (filter.type) query = query.where(sql<string>`data->>'type'`, '=', filter.type);
  if (filter.q) {
    const like = containing(filter.q);
    query = query.where((eb) =>
      eb.or([
        eb('name', 'ilike', like),
        eb(sql<string>`coalesce(data->>'shortName', '')`, 'ilike', like),
        eb(sql<string>`coalesce(data->>'hostOrganisation', '')`, 'ilike', like),
      ]),
    );
  }
  return query;
}

function matches(team: PeerTeam, filter: TeamFilter): boolean {
  if (filter.sector) {
    const served = team.sectors.find((s) => s.sector === filter.sector);
    if (!served || served.coverage === 'none' || !atLeast(served.coverage, filter.coverage ?? 'partly')) return false;
  }
  if (filter.service) {
    const wanted = filter.service.toLowerCase();
    if (!team.services.some((s) => s.toLowerCase() === wanted)) return false;
  }
  if (filter.membership) {
    const statuses =
      filter.status
        ?.toLowerCase()
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean) ?? [];
    const member = team.memberships.some(
      (m) => m.body === filter.membership && (statuses.length === 0 || statuses.includes((m.status ?? '').toLowerCase())),
    );
    if (!member) return false;
  }
  return true;
}

export async function getTeam(db: Kysely<Schema> | Transaction<Schema>, id: string): Promise<StoredTeam> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(`team ${id}`);
  const row = await db.selectFrom('peer_teams').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`team ${id}`);
  return stored(row);
}

const sameIdentity = (db: Kysely<Schema> | Transaction<Schema>, team: Pick<PeerTeam, 'name' | 'country'>) =>
  db
    .selectFrom('peer_teams')
    .select(COLUMNS)
    .where(sql<string>`lower(name)`, '=', team.name.toLowerCase())
    .where('country', '=', team.country);

/** The stored team a record describes (same name in any case, same country), without locking it. */
export async function findTeamByIdentity(db: Kysely<Schema>, team: Pick<PeerTeam, 'name' | 'country'>): Promise<StoredTeam | undefined> {
  const row = await sameIdentity(db, team).executeTakeFirst();
  return row ? stored(row) : undefined;
}

/** The team a record describes, if the directory has it, locked for the update that follows. */
async function findSame(trx: Transaction<Schema>, team: PeerTeam): Promise<StoredTeam | undefined> {
  const row = await sameIdentity(trx, team).forUpdate().executeTakeFirst();
  return row ? stored(row) : undefined;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Field-by-field differences, one level into the RFC 2350 description. */
export function diffTeams(before: PeerTeam | undefined, after: PeerTeam): FieldChange[] {
  const flat = (team: PeerTeam | undefined): Map<string, unknown> => {
    const out = new Map<string, unknown>();
    for (const [key, value] of Object.entries(team ?? {})) {
      if (key === 'description' && value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) out.set(`description.${k}`, v);
      } else out.set(key, value);
    }
    return out;
  };
  const a = flat(before);
  const b = flat(after);
  const changes: FieldChange[] = [];
  for (const field of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(field);
    const y = b.get(field);
    // jsonb keeps keys in its own order: compare canonically.
    if (canonicalJson(x ?? null) !== canonicalJson(y ?? null)) changes.push({ field, before: x ?? null, after: y ?? null });
  }
  return changes;
}

export interface ImportOutcome {
  name: string;
  country: string;
  action: 'created' | 'updated' | 'unchanged';
  id?: string;
  changes: FieldChange[];
}

/**
 * Writes teams as one transaction: a team already known is updated (the diff is returned), a new
 * one created. Our trust in a team is ours: an import keeps it, whatever the file says.
 * With `dryRun` nothing is written and the outcome is what would happen.
 */
export async function importTeams(
  db: Kysely<Schema>,
  actor: string,
  teams: readonly PeerTeam[],
  options: { dryRun?: boolean; source?: string } = {},
): Promise<ImportOutcome[]> {
  const seen = new Set<string>();
  teams.forEach((team, i) => {
    const key = `${team.name.toLowerCase()}|${team.country}`;
    if (seen.has(key))
      throw new ValidationError(
        [{ field: `teams[${i}]`, reason: `${team.name} (${team.country}) appears twice in the file` }],
        options.source,
      );
    seen.add(key);
  });
  const run = async (trx: Transaction<Schema>): Promise<ImportOutcome[]> => {
    const outcomes: ImportOutcome[] = [];
    for (const incoming of teams) {
      const existing = await findSame(trx, incoming);
      const { trust: _ignored, ...rest } = incoming;
      const next: PeerTeam = existing?.team.trust ? { ...rest, trust: existing.team.trust } : rest;
      const changes = diffTeams(existing?.team, next);
      const base = { name: incoming.name, country: incoming.country, changes };
      if (existing && changes.length === 0) {
        outcomes.push({ ...base, action: 'unchanged', id: existing.id });
        continue;
      }
      if (options.dryRun) {
        outcomes.push({ ...base, action: existing ? 'updated' : 'created', ...(existing ? { id: existing.id } : {}) });
        continue;
      }
      const id = existing ? await writeUpdate(trx, actor, existing, next) : await writeInsert(trx, actor, next, 'directory.import');
      outcomes.push({ ...base, action: existing ? 'updated' : 'created', id });
    }
    return outcomes;
  };
  return db.transaction().execute(run);
}

async function writeInsert(trx: Transaction<Schema>, actor: string, team: PeerTeam, action: string): Promise<string> {
  const row = await trx
    .insertInto('peer_teams')
    .values({ name: team.name, country: team.country, data: JSON.stringify(team), updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, { actor, action, objectType: 'peer-team', objectId: row.id, before: null, after: team });
  return row.id;
}

async function writeUpdate(trx: Transaction<Schema>, actor: string, existing: StoredTeam, team: PeerTeam): Promise<string> {
  await trx
    .updateTable('peer_teams')
    .set({ name: team.name, country: team.country, data: JSON.stringify(team), version: existing.version + 1, updated_at: new Date() })
    .where('id', '=', existing.id)
    .execute();
  await appendAudit(trx, {
    actor,
    action: 'directory.update',
    objectType: 'peer-team',
    objectId: existing.id,
    before: existing.team,
    after: team,
  });
  return existing.id;
}

export async function createTeam(db: Kysely<Schema>, actor: string, input: unknown): Promise<StoredTeam> {
  const team = validateTeam(input);
  return db.transaction().execute(async (trx) => {
    const existing = await findSame(trx, team);
    if (existing)
      throw new VaktError(
        'conflict',
        `${team.name} (${team.country}) is already in the directory as ${existing.id}; update that record instead`,
      );
    const id = await writeInsert(trx, actor, team, 'directory.create');
    return getTeam(trx, id);
  });
}

/** Replaces a team; with `expectedVersion` (If-Match), an edit based on an older version is refused. */
export async function updateTeam(
  db: Kysely<Schema>,
  actor: string,
  id: string,
  input: unknown,
  expectedVersion?: number,
): Promise<StoredTeam> {
  const team = validateTeam(input);
  return db.transaction().execute(async (trx) => {
    const current = await getTeam(trx, id);
    if (expectedVersion !== undefined && current.version !== expectedVersion) {
      throw new VaktError('conflict', `the team changed since version ${expectedVersion} (now ${current.version}); reload and edit again`);
    }
    const clash = await findSame(trx, team);
    if (clash && clash.id !== id)
      throw new VaktError('conflict', `${team.name} (${team.country}) is already in the directory as ${clash.id}`);
    await writeUpdate(trx, actor, current, team);
    return getTeam(trx, id);
  });
}

export async function deleteTeam(db: Kysely<Schema>, actor: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await getTeam(trx, id);
    await trx.deleteFrom('peer_teams').where('id', '=', id).execute();
    await appendAudit(trx, { actor, action: 'directory.delete', objectType: 'peer-team', objectId: id, before: current.team, after: null });
  });
}

/** Finds a team by id, exact name or short name (for the CLI's `show`). */
export async function findTeam(db: Kysely<Schema>, ref: string): Promise<StoredTeam> {
  if (/^[0-9a-f-]{36}$/i.test(ref)) return getTeam(db, ref);
  const lower = ref.toLowerCase();
  const hits = (await listTeams(db)).filter(({ team }) => team.name.toLowerCase() === lower || team.shortName?.toLowerCase() === lower);
  if (hits.length === 0) throw notFound(`team "${ref}"`);
  if (hits.length > 1)
    throw new VaktError(
      'conflict',
      `"${ref}" names ${hits.length} teams (${hits.map((h) => `${h.team.name}, ${h.team.country}`).join('; ')}); use the id`,
    );
  return hits[0] as StoredTeam;
}
