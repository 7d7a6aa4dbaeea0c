/**
 * Organisations of the constituency: validation beyond the schema, storage of what each owns
 * (netblocks, ASNs, domains) and whom to tell (contacts), with optimistic locking and an audit
 * entry per change. Every change bumps the constituency generation, so each process's in-memory
 * lookup index reloads.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { productKeyOf } from '../advisories/inventory-match.js';
import { appendAudit } from '../audit/audit-log.js';
import { afterKeyCursor, containing, keyCursor } from '../core/cursor.js';
import { notFound, ValidationError, VaktError, type FieldIssue } from '../core/errors.js';
import { validate } from '../core/validate.js';
import type { Schema } from '../db/schema.js';
import { insertPublicKey } from '../mail/keys.js';
import { describePublicKey } from '../mail/pgp.js';
import { normaliseDomain } from './domain.js';
import { formatPrefix, parsePrefix } from './ip.js';
import { OrganisationSchema, type OrganisationInput, type StoredOrganisation } from './schema.js';

/** What a checked organisation holds, in the form it is stored. */
export interface CheckedOrganisation {
  input: OrganisationInput;
  netblocks: Array<{ prefix: string; description: string }>;
  domains: string[];
  keys: Map<number, Awaited<ReturnType<typeof describePublicKey>>>;
}

/** Checks an organisation fully; `source` (a file and line) prefixes the error message. */
export async function checkOrganisation(value: unknown, source?: string): Promise<CheckedOrganisation> {
  const issues: FieldIssue[] = [];
  try {
    validate(OrganisationSchema, value);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    issues.push(...error.issues);
  }
  // The checks below also run on input the schema refused, so one pass reports every problem.
  const input = value as OrganisationInput;
  const listOf = <T>(items: unknown, ok: (item: unknown) => boolean): T[] => (Array.isArray(items) ? items.filter(ok) : []) as T[];
  const netblocks: CheckedOrganisation['netblocks'] = [];
  listOf<{ prefix: string; description?: string }>(input.netblocks, (b) => typeof (b as { prefix?: unknown })?.prefix === 'string').forEach(
    (block, i) => {
      const parsed = parsePrefix(block.prefix);
      if (!parsed.ok) issues.push({ field: `netblocks[${i}]`, reason: parsed.reason });
      else if (netblocks.some((b) => b.prefix === formatPrefix(parsed.prefix)))
        issues.push({ field: `netblocks[${i}]`, reason: `${block.prefix} is listed twice` });
      else netblocks.push({ prefix: formatPrefix(parsed.prefix), description: block.description ?? '' });
    },
  );
  const domains: string[] = [];
  listOf<string>(input.domains, (d) => typeof d === 'string').forEach((domain, i) => {
    const normalised = normaliseDomain(domain);
    if (!normalised) issues.push({ field: `domains[${i}]`, reason: `"${domain.slice(0, 80)}" is not a domain name` });
    else if (!domains.includes(normalised)) domains.push(normalised);
  });
  listOf<string>(input.products, (p) => typeof p === 'string').forEach((product, i) => {
    if (!productKeyOf(product))
      issues.push({ field: `products[${i}]`, reason: `"${product.slice(0, 80)}" is not a CPE or a package URL (purl)` });
  });
  const keys: CheckedOrganisation['keys'] = new Map();
  for (const [i, contact] of listOf<{ pgpKey?: unknown }>(input.contacts, (c) => typeof c === 'object' && c !== null).entries()) {
    if (typeof contact.pgpKey !== 'string') continue;
    try {
      keys.set(i, await describePublicKey(contact.pgpKey));
    } catch (error) {
      issues.push({ field: `contacts[${i}].pgpKey`, reason: `not an OpenPGP public key: ${(error as Error).message}` });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, source);
  return { input, netblocks, domains, keys };
}

export async function bumpGeneration(trx: Transaction<Schema>): Promise<void> {
  await trx
    .updateTable('constituency_state')
    .set({ generation: sql`generation + 1` })
    .where('id', '=', 1)
    .execute();
}

/** Replaces what an organisation holds with what the input says. */
async function writeHoldings(trx: Transaction<Schema>, id: string, checked: CheckedOrganisation): Promise<void> {
  await trx.deleteFrom('org_netblocks').where('organisation_id', '=', id).execute();
  await trx.deleteFrom('org_asns').where('organisation_id', '=', id).execute();
  await trx.deleteFrom('org_domains').where('organisation_id', '=', id).execute();
  await trx.deleteFrom('org_contacts').where('organisation_id', '=', id).execute();
  if (checked.netblocks.length > 0)
    await trx
      .insertInto('org_netblocks')
      .values(checked.netblocks.map((b) => ({ organisation_id: id, ...b })))
      .execute();
  const asns = [...new Set(checked.input.asns ?? [])];
  if (asns.length > 0)
    await trx
      .insertInto('org_asns')
      .values(asns.map((asn) => ({ organisation_id: id, asn })))
      .execute();
  if (checked.domains.length > 0)
    await trx
      .insertInto('org_domains')
      .values(checked.domains.map((domain) => ({ organisation_id: id, domain })))
      .execute();
  for (const [i, contact] of (checked.input.contacts ?? []).entries()) {
    const key = checked.keys.get(i);
    if (key) await insertPublicKey(trx, key, id);
    await trx
      .insertInto('org_contacts')
      .values({
        organisation_id: id,
        role: contact.role,
        name: contact.name ?? '',
        email: contact.email.toLowerCase(),
        phone: contact.phone ?? '',
        pgp_fingerprint: key?.fingerprint ?? contact.pgpFingerprint ?? null,
        language: contact.language ?? 'sv',
        notify: contact.notify ?? true,
      })
      .execute();
  }
}

/** The parent as an id: the API gives ids, import files names (resolved before this). */
async function checkParent(trx: Transaction<Schema>, id: string | null, parentId: string | null): Promise<void> {
  if (!parentId) return;
  if (!(await trx.selectFrom('organisations').select('id').where('id', '=', parentId).executeTakeFirst())) {
    throw new ValidationError([{ field: 'parent', reason: `no organisation ${parentId}` }]);
  }
  if (!id) return;
  // Walking up from the new parent must never reach the organisation itself.
  const ancestors = await sql<{ id: string }>`
    with recursive up as (select id, parent_id from organisations where id = ${parentId}
      union all select o.id, o.parent_id from organisations o join up on o.id = up.parent_id)
    select id from up`.execute(trx);
  if (ancestors.rows.some((r) => r.id === id))
    throw new ValidationError([{ field: 'parent', reason: 'an organisation cannot be placed under itself or its own descendants' }]);
}

function columns(input: OrganisationInput, parentId: string | null) {
  return {
    name: input.name.trim(),
    short_name: input.shortName ?? null,
    category: input.category ?? 'other',
    parent_id: parentId,
    tags: input.tags ?? [],
    tlp_clearance: input.tlpClearance ?? 'AMBER',
    notes: input.notes ?? '',
    products: [...new Set((input.products ?? []).map((p) => p.trim()))],
  };
}

export async function insertOrganisation(
  trx: Transaction<Schema>,
  actor: string,
  checked: CheckedOrganisation,
  parentId: string | null,
): Promise<string> {
  await checkParent(trx, null, parentId);
  const clash = await trx
    .selectFrom('organisations')
    .select('id')
    .where(
      sql<boolean>`lower(name) = lower(${checked.input.name.trim()}) and coalesce(parent_id, '00000000-0000-0000-0000-000000000000') = coalesce(${parentId}::uuid, '00000000-0000-0000-0000-000000000000')`,
    )
    .executeTakeFirst();
  if (clash) throw new VaktError('conflict', `an organisation named "${checked.input.name}" already exists there`);
  const row = await trx
    .insertInto('organisations')
    .values({ ...columns(checked.input, parentId), kind: 'constituent' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeHoldings(trx, row.id, checked);
  await bumpGeneration(trx);
  await appendAudit(trx, { actor, action: 'organisation.create', objectType: 'organisation', objectId: row.id, after: summary(checked) });
  return row.id;
}

export async function replaceOrganisation(
  trx: Transaction<Schema>,
  actor: string,
  id: string,
  checked: CheckedOrganisation,
  parentId: string | null,
  expectedVersion?: number,
): Promise<void> {
  await checkParent(trx, id, parentId);
  const updated = await trx
    .updateTable('organisations')
    .set({ ...columns(checked.input, parentId), version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .$if(expectedVersion !== undefined, (q) => q.where('version', '=', expectedVersion!))
    .returning('id')
    .executeTakeFirst();
  if (!updated) {
    const exists = await trx.selectFrom('organisations').select('version').where('id', '=', id).executeTakeFirst();
    if (!exists) throw notFound(`organisation ${id}`);
    throw new VaktError('conflict', `organisation ${id} is at version ${exists.version}, not ${expectedVersion}: reload and edit again`);
  }
  await writeHoldings(trx, id, checked);
  await bumpGeneration(trx);
  await appendAudit(trx, { actor, action: 'organisation.update', objectType: 'organisation', objectId: id, after: summary(checked) });
}

function summary(checked: CheckedOrganisation) {
  const { input } = checked;
  return {
    name: input.name,
    category: input.category ?? 'other',
    netblocks: checked.netblocks.map((b) => b.prefix),
    asns: input.asns ?? [],
    domains: checked.domains,
    contacts: (input.contacts ?? []).map((c) => c.email),
  };
}

export async function createOrganisation(db: Kysely<Schema>, actor: string, value: unknown): Promise<StoredOrganisation> {
  const checked = await checkOrganisation(value);
  const id = await db.transaction().execute((trx) => insertOrganisation(trx, actor, checked, checked.input.parent ?? null));
  return getOrganisation(db, id);
}

export async function updateOrganisation(
  db: Kysely<Schema>,
  actor: string,
  id: string,
  value: unknown,
  expectedVersion?: number,
): Promise<StoredOrganisation> {
  const checked = await checkOrganisation(value);
  await db.transaction().execute((trx) => replaceOrganisation(trx, actor, id, checked, checked.input.parent ?? null, expectedVersion));
  return getOrganisation(db, id);
}

export async function deleteOrganisation(db: Kysely<Schema>, actor: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('organisations').select(['name', 'kind']).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound(`organisation ${id}`);
    if (row.kind === 'team') throw new VaktError('conflict', 'the team itself cannot be deleted');
    // What the record of past work refers to keeps the organisation: reports, incidents, notifications.
    const used = await sql<{ n: number }>`
      select (select count(*) from organisations where parent_id = ${id})
           + (select count(*) from users where organisation_id = ${id})
           + (select count(*) from notifications where organisation_id = ${id})
           + (select count(*) from reports where organisation_id = ${id})
           + (select count(*) from incident_participants where organisation_id = ${id}) as n`.execute(trx);
    if (Number(used.rows[0]?.n ?? 0) > 0)
      throw new VaktError(
        'conflict',
        `"${row.name}" still has sub-organisations, users, reports, incident participants or notifications; move or remove them first`,
      );
    // Its contacts' keys stay in the key store (other mail may need them), no longer tied to it.
    await trx.updateTable('pgp_keys').set({ organisation_id: null }).where('organisation_id', '=', id).execute();
    // Its feed events stay, unowned (events have no foreign keys: see migration 0005).
    await trx.updateTable('events').set({ organisation_id: null }).where('organisation_id', '=', id).execute();
    await trx.deleteFrom('organisations').where('id', '=', id).execute();
    await bumpGeneration(trx);
    await appendAudit(trx, { actor, action: 'organisation.delete', objectType: 'organisation', objectId: id, before: { name: row.name } });
  });
}

type OrgRow = Awaited<ReturnType<typeof selectOrganisations>>[number];

function selectOrganisations(db: Kysely<Schema>, ids?: readonly string[]) {
  return db
    .selectFrom('organisations')
    .select(['id', 'version', 'name', 'short_name', 'category', 'parent_id', 'kind', 'tags', 'tlp_clearance', 'notes', 'products'])
    .where('kind', 'in', ['constituent', 'team'])
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids!.length > 0 ? ids! : ['00000000-0000-0000-0000-000000000000']))
    .orderBy('name')
    .execute();
}

async function assemble(db: Kysely<Schema>, rows: OrgRow[]): Promise<StoredOrganisation[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [netblocks, asns, domains, contacts] = await Promise.all([
    db
      .selectFrom('org_netblocks')
      .select(['organisation_id', 'prefix', 'description'])
      .where('organisation_id', 'in', ids)
      .orderBy('prefix')
      .execute(),
    db.selectFrom('org_asns').select(['organisation_id', 'asn']).where('organisation_id', 'in', ids).orderBy('asn').execute(),
    db.selectFrom('org_domains').select(['organisation_id', 'domain']).where('organisation_id', 'in', ids).orderBy('domain').execute(),
    db.selectFrom('org_contacts').selectAll().where('organisation_id', 'in', ids).orderBy('email').execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    name: r.name,
    shortName: r.short_name,
    category: r.category,
    parentId: r.parent_id,
    kind: r.kind,
    tags: r.tags,
    tlpClearance: r.tlp_clearance as StoredOrganisation['tlpClearance'],
    notes: r.notes,
    products: r.products,
    netblocks: netblocks.filter((b) => b.organisation_id === r.id).map((b) => ({ prefix: b.prefix, description: b.description })),
    asns: asns.filter((a) => a.organisation_id === r.id).map((a) => Number(a.asn)),
    domains: domains.filter((d) => d.organisation_id === r.id).map((d) => d.domain),
    contacts: contacts
      .filter((c) => c.organisation_id === r.id)
      .map((c) => ({
        id: c.id,
        role: c.role,
        name: c.name,
        email: c.email,
        phone: c.phone,
        pgpFingerprint: c.pgp_fingerprint,
        language: c.language,
        notify: c.notify,
      })),
  }));
}

/** Every organisation, for an export or the command line's tree; a screen pages with pageOrganisations. */
export async function listOrganisations(db: Kysely<Schema>): Promise<StoredOrganisation[]> {
  return assemble(db, await selectOrganisations(db));
}

export interface OrganisationFilter {
  /** Words in the name, short name or a domain, or a tag as written. */
  q?: string;
  /** Only the organisations directly under this one. */
  parent?: string;
  /** Only these (a form naming its current choices). */
  ids?: readonly string[];
  sort?: 'name' | '-name';
  after?: string;
  limit: number;
}

/** A page of organisations sorted by name (any case), and the cursor of the next page. */
export async function pageOrganisations(
  db: Kysely<Schema>,
  filter: OrganisationFilter,
): Promise<{ organisations: StoredOrganisation[]; next: string | null }> {
  const descending = filter.sort === '-name';
  const direction = descending ? 'desc' : 'asc';
  let query = db
    .selectFrom('organisations')
    .select(['id', 'version', 'name', 'short_name', 'category', 'parent_id', 'kind', 'tags', 'tlp_clearance', 'notes', 'products'])
    // The database's own lower case, so the cursor compares as the order sorts.
    .select(sql<string>`lower(name)`.as('sort_key'))
    .where('kind', 'in', ['constituent', 'team'])
    .orderBy(sql`lower(name)`, direction)
    .orderBy('id', direction)
    .limit(filter.limit + 1);
  if (filter.parent) query = query.where('parent_id', '=', filter.parent);
  if (filter.ids) query = query.where('id', 'in', filter.ids.length > 0 ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.after) query = query.where(afterKeyCursor(filter.after, sql<string>`lower(name)`, 'id', descending));
  if (filter.q) {
    const like = containing(filter.q);
    const q = filter.q;
    query = query.where((eb) =>
      eb.or([
        eb('name', 'ilike', like),
        eb('short_name', 'ilike', like),
        eb(sql<string>`${q}`, '=', sql<string>`any(tags)`),
        eb.exists(
          eb.selectFrom('org_domains').select('domain').whereRef('organisation_id', '=', 'organisations.id').where('domain', 'ilike', like),
        ),
      ]),
    );
  }
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    organisations: await assemble(db, page),
    next: rows.length > filter.limit && last ? keyCursor(last.sort_key, last.id) : null,
  };
}

export async function getOrganisation(db: Kysely<Schema>, id: string): Promise<StoredOrganisation> {
  const [org] = await assemble(db, await selectOrganisations(db, [id]));
  if (!org) throw notFound(`organisation ${id}`);
  return org;
}

/** The contacts of an organisation that take automatic notifications, with their language. */
export function notifiableContacts(db: Kysely<Schema>, organisationId: string): Promise<Array<{ email: string; language: string }>> {
  return db
    .selectFrom('org_contacts')
    .select(['email', 'language'])
    .where('organisation_id', '=', organisationId)
    .where('notify', '=', true)
    .orderBy('email')
    .execute();
}
