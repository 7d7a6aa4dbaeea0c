/**
 * Relaying vendors' advisories. The team subscribes to CSAF providers (their provider metadata)
 * and to aggregators and listers (their aggregator.json), whose providers it then follows too.
 * Each run of a provider reads its TLP:WHITE folders' changes.csv and its TLP:WHITE ROLIE feeds,
 * keeps only what changed since the time it has read up to, and, oldest first, fetches each
 * document with its hash and signature, verifies both against the provider's published key,
 * validates and stores it (the import's own rules: the same bytes again change nothing), and moves
 * its mark past it — so a run stopped by a crash resumes where it stopped. Each stored advisory is
 * matched against the constituency's inventories; a match becomes a draft notice for an analyst to
 * send or dismiss.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import * as openpgp from 'openpgp';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError, VaktError, notFound } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { importAdvisory } from './advisories.js';
import { describeFetch, getBounded, type Fetched } from './fetch-bounded.js';
import { InventoryIndex } from './inventory-match.js';
import { affectedProductKeys, tellOrganisation, type Told } from './notify.js';
import type { Config } from '../config.js';
import { beforeCursor, cursorTime } from '../core/cursor.js';
import type { TlpLabel } from '../core/tlp.js';
import type { IntakeSettings } from '../intake/ingest.js';
import { defineJob } from '../jobs/queue.js';
import { aggregatorIssues, providerMetadataIssues } from './provider-metadata.js';
import { CSAF_MAX_BYTES } from './validate-csaf.js';
import { asList, asRecord } from './json-readers.js';

export interface RunOptions {
  allowPrivate: boolean;
  /** Called after each document, for progress. */
  onDocument?: (done: number, total: number, url: string) => void;
}

export interface RunOutcome {
  subscription: string;
  publisher: string;
  changed: number;
  imported: number;
  unchanged: number;
  refused: Array<{ url: string; reason: string }>;
  /** What the provider got wrong that the run could read past. */
  warnings: string[];
  notices: number;
  /** For an aggregator: the providers it lists, and how many of them are newly followed. */
  providers?: { listed: number; added: number };
}

type Listing =
  | { kind: 'provider'; document: Record<string, unknown>; publisher: string }
  | { kind: 'aggregator'; document: Record<string, unknown>; publisher: string };

/** A provider's metadata or an aggregator's list, told apart by what it holds, and checked against its schema. */
async function readListing(url: string, allowPrivate: boolean): Promise<Listing> {
  if (!url.startsWith('https://') && !allowPrivate)
    throw new ValidationError([
      { field: 'url', reason: 'must be an https URL (a provider inside your network needs VAKT_FEED_PRIVATE_URLS=true)' },
    ]);
  const fetched = await getBounded(url, { allowPrivate, maxBytes: 1024 * 1024 });
  if (fetched.status !== 200) throw new VaktError('not-found', `${url}: ${describeFetch(fetched)}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fetched.body.toString('utf8'));
  } catch {
    throw new ValidationError([{ field: 'url', reason: 'is neither provider metadata nor an aggregator list: not JSON' }]);
  }
  const document = asRecord(parsed);
  const kind = 'aggregator' in document || 'csaf_providers' in document ? 'aggregator' : 'provider';
  const issues = kind === 'aggregator' ? aggregatorIssues(parsed) : providerMetadataIssues(parsed);
  if (issues.length > 0)
    throw new ValidationError(
      issues.map((i) => ({ field: `${kind === 'aggregator' ? 'aggregator' : 'metadata'} ${i.field}`, reason: i.reason })),
    );
  const publisher = String(asRecord(kind === 'aggregator' ? document.aggregator : document.publisher).name ?? url);
  return { kind, document, publisher };
}

async function readMetadata(url: string, allowPrivate: boolean): Promise<Record<string, unknown>> {
  const listing = await readListing(url, allowPrivate);
  if (listing.kind !== 'provider') throw new ValidationError([{ field: 'url', reason: 'names an aggregator, not a provider' }]);
  return listing.document;
}

export async function subscribe(
  db: Kysely<Schema>,
  actor: string,
  url: string,
  allowPrivate: boolean,
): Promise<{ id: string; publisher: string; kind: Listing['kind']; created: boolean }> {
  const { kind, publisher } = await readListing(url, allowPrivate);
  return { ...(await follow(db, actor, { url, publisher, kind, via: null })), publisher, kind };
}

/** The subscription to URL, made (and audited) unless there is one. */
async function follow(
  db: Kysely<Schema>,
  actor: string,
  target: { url: string; publisher: string; kind: Listing['kind']; via: string | null },
): Promise<{ id: string; created: boolean }> {
  const { url, publisher, kind, via } = target;
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('csaf_subscriptions').select('id').where('metadata_url', '=', url).executeTakeFirst();
    if (existing) return { id: existing.id, created: false };
    const row = await trx
      .insertInto('csaf_subscriptions')
      .values({ metadata_url: url, publisher, kind, via, created_by: actor })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: 'csaf-subscription.create',
      objectType: 'csaf-subscription',
      objectId: row.id,
      after: { url, publisher, kind, via },
    });
    return { id: row.id, created: true };
  });
}

interface Change {
  url: string;
  at: Date;
  /** Where a ROLIE entry says its hashes and signature are; else beside the document. */
  hashes?: string[];
  signature?: string;
}

/**
 * The lines of changes.csv newer than SINCE, oldest first. A time without its zone (real providers
 * have written them) is read as UTC, and said so in WARNINGS; a line that is not two quoted fields is skipped, and said so.
 */
function changesSince(text: string, base: string, since: Date | null, warnings: string[]): Change[] {
  const changes: Change[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const match = /^"([^"]+)","([^"]+)"$/.exec(line);
    if (!match) {
      warnings.push(`${base}changes.csv: "${line.slice(0, 100)}" is not two quoted fields; skipped`);
      continue;
    }
    const zoned = /(Z|[+-]\d\d:\d\d)$/.test(match[2]!);
    if (!zoned) warnings.push(`${base}changes.csv: ${match[1]}: "${match[2]}" has no zone; read as UTC`);
    const at = new Date(zoned ? match[2]! : `${match[2]!.replace(' ', 'T')}Z`);
    if (Number.isNaN(at.getTime()) || (since && at <= since)) continue;
    changes.push({ url: new URL(match[1]!, base).href, at });
  }
  return changes.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The entries of a ROLIE feed updated after SINCE; an entry without a document or a readable time is skipped, and said so. */
function feedChanges(json: unknown, feedUrl: string, since: Date | null, warnings: string[]): Change[] {
  const changes: Change[] = [];
  for (const entry of asList(asRecord(asRecord(json).feed).entry).map(asRecord)) {
    const links = asList(entry.link).map(asRecord);
    const href = (rel: string) => links.filter((l) => l.rel === rel && typeof l.href === 'string').map((l) => String(l.href));
    const document = asRecord(entry.content).src ?? href('self')[0];
    const at = new Date(String(entry.updated ?? entry.published ?? ''));
    if (typeof document !== 'string' || Number.isNaN(at.getTime())) {
      warnings.push(`${feedUrl}: entry ${String(entry.id ?? '?').slice(0, 100)} names no document or no time; skipped`);
      continue;
    }
    if (since && at <= since) continue;
    const signature = href('signature')[0];
    changes.push({
      url: new URL(document, feedUrl).href,
      at,
      hashes: href('hash').map((h) => new URL(h, feedUrl).href),
      ...(signature ? { signature: new URL(signature, feedUrl).href } : {}),
    });
  }
  return changes;
}

const isWhite = (label: unknown) => String(label).toUpperCase() === 'WHITE';

/**
 * What changed since SINCE in the provider's public distributions — each TLP:WHITE folder's
 * changes.csv and each TLP:WHITE ROLIE feed — oldest first, each document once (a provider that
 * offers both lists each document in both).
 */
async function changesOf(
  metadata: Record<string, unknown>,
  since: Date | null,
  allowPrivate: boolean,
  warnings: string[],
): Promise<Change[]> {
  const found = new Map<string, Change>();
  const add = (change: Change) => {
    const known = found.get(change.url);
    if (!known || known.at < change.at) found.set(change.url, { ...known, ...change });
  };
  let read = 0;
  for (const distribution of asList(metadata.distributions).map(asRecord)) {
    const directory = String(distribution.directory_url ?? '');
    if (/\/white\/?$/i.test(directory)) {
      const base = directory.endsWith('/') ? directory : `${directory}/`;
      const csv = await getBounded(`${base}changes.csv`, { allowPrivate, maxBytes: 100 * 1024 * 1024 });
      if (csv.status !== 200) throw new VaktError('not-found', `${base}changes.csv: ${describeFetch(csv)}`);
      changesSince(csv.body.toString('utf8'), base, since, warnings).forEach(add);
      read++;
    }
    for (const feed of asList(asRecord(distribution.rolie).feeds).map(asRecord)) {
      if (!isWhite(feed.tlp_label) || typeof feed.url !== 'string') continue;
      const fetched = await getBounded(feed.url, { allowPrivate, maxBytes: 100 * 1024 * 1024 });
      if (fetched.status !== 200) throw new VaktError('not-found', `${feed.url}: ${describeFetch(fetched)}`);
      let json: unknown;
      try {
        json = JSON.parse(fetched.body.toString('utf8'));
      } catch {
        throw new VaktError('validation', `${feed.url}: not a ROLIE feed (not JSON)`);
      }
      feedChanges(json, feed.url, since, warnings).forEach(add);
      read++;
    }
  }
  if (read === 0) throw new VaktError('not-found', 'the provider offers no TLP:WHITE folder or ROLIE feed to read');
  return [...found.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
}

async function providerKeys(metadata: Record<string, unknown>, allowPrivate: boolean): Promise<openpgp.PublicKey[]> {
  const keys: openpgp.PublicKey[] = [];
  for (const entry of asList(metadata.public_openpgp_keys).map(asRecord)) {
    const fetched = await getBounded(String(entry.url ?? ''), { allowPrivate, maxBytes: 1024 * 1024 });
    try {
      const key = await openpgp.readKey({ armoredKey: fetched.body.toString('utf8') });
      if (!entry.fingerprint || key.getFingerprint().toUpperCase() === String(entry.fingerprint).toUpperCase()) keys.push(key);
    } catch {
      // A key that cannot be read verifies nothing; its documents are refused below.
    }
  }
  return keys;
}

/** The document's hash and signature, checked; a reason when either fails. */
async function verify(
  change: Change,
  body: Buffer,
  keys: readonly openpgp.PublicKey[],
  allowPrivate: boolean,
): Promise<{ hash: string; signer: string } | string> {
  const { url } = change;
  // The strongest hash offered: the feed's links when it gives them, else the files beside the document.
  const offered = change.hashes?.length ? change.hashes : [`${url}.sha512`, `${url}.sha256`];
  const candidates = (['sha512', 'sha256'] as const).flatMap((algorithm) =>
    offered.filter((h) => h.toLowerCase().endsWith(`.${algorithm}`)).map((h) => ({ algorithm, url: h })),
  );
  let hash: { algorithm: 'sha512' | 'sha256'; file: Fetched } | undefined;
  let missing = 'none is named';
  for (const candidate of candidates) {
    const file = await getBounded(candidate.url, { allowPrivate, maxBytes: 4096 });
    if (file.status === 200) {
      hash = { algorithm: candidate.algorithm, file };
      break;
    }
    missing = describeFetch(file);
  }
  if (!hash) return `no .sha512 or .sha256 for it (${missing})`;
  const { algorithm } = hash;
  const stated = /^([0-9a-fA-F]+)\b/.exec(hash.file.body.toString('utf8'))?.[1]?.toLowerCase();
  if (stated !== createHash(algorithm).update(body).digest('hex')) return `its .${algorithm} does not match the document`;
  const signature = await getBounded(change.signature ?? `${url}.asc`, { allowPrivate, maxBytes: 64 * 1024 });
  if (signature.status !== 200) return `no signature beside it (${describeFetch(signature)})`;
  if (keys.length === 0) return 'the provider publishes no key that could be read';
  try {
    const verified = await openpgp.verify({
      message: await openpgp.createMessage({ binary: body }),
      signature: await openpgp.readSignature({ armoredSignature: signature.body.toString('utf8') }),
      verificationKeys: [...keys],
      format: 'binary',
    });
    await verified.signatures[0]!.verified;
    const signer =
      keys
        .find((k) => k.getKeys(verified.signatures[0]!.keyID).length > 0)
        ?.getFingerprint()
        .toUpperCase() ?? '';
    return { hash: algorithm, signer };
  } catch (error) {
    return `its signature does not verify with the provider's key: ${(error as Error).message}`;
  }
}

const emptyOutcome = (subscription: string, publisher: string): RunOutcome => ({
  subscription,
  publisher,
  changed: 0,
  imported: 0,
  unchanged: 0,
  refused: [],
  warnings: [],
  notices: 0,
});

/** Runs BODY for a subscription, and records on it when it ran and what stopped it. */
async function recorded<T>(db: Kysely<Schema>, id: string, body: () => Promise<T>): Promise<T> {
  try {
    const result = await body();
    await db.updateTable('csaf_subscriptions').set({ last_run_at: new Date(), last_error: null }).where('id', '=', id).execute();
    return result;
  } catch (error) {
    await db
      .updateTable('csaf_subscriptions')
      .set({ last_run_at: new Date(), last_error: (error as Error).message })
      .where('id', '=', id)
      .execute();
    throw error;
  }
}

/**
 * One run of one subscription. A provider: everything changed since its mark, in order, then the
 * matches. An aggregator: its list read again (a provider newly listed is followed), then each
 * provider it lists run in turn.
 */
export async function runSubscription(db: Kysely<Schema>, id: string, options: RunOptions): Promise<RunOutcome> {
  const subscription = await db.selectFrom('csaf_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!subscription) throw notFound('subscription');
  if (subscription.kind === 'aggregator') return runAggregator(db, subscription, options);
  const outcome = emptyOutcome(id, subscription.publisher);
  await recorded(db, id, async () => {
    const metadata = await readMetadata(subscription.metadata_url, options.allowPrivate);
    const keys = await providerKeys(metadata, options.allowPrivate);
    const since = subscription.read_up_to ? new Date(subscription.read_up_to) : null;
    const changes = await changesOf(metadata, since, options.allowPrivate, outcome.warnings);
    outcome.changed = changes.length;
    // The constituency's inventories, read once a run (and only once something new is stored).
    let index: Promise<InventoryIndex> | undefined;
    const run: Run = { provider: subscription.metadata_url, keys, options, outcome, constituency: () => (index ??= inventoryIndex(db)) };
    for (const [i, change] of changes.entries()) {
      await relayOne(db, run, change);
      // The mark moves past each time handled, refused or not, so a crash resumes after it; not
      // between documents of the same time, which a resumed run would otherwise skip.
      if (i === changes.length - 1 || changes[i + 1]!.at > change.at)
        await db.updateTable('csaf_subscriptions').set({ read_up_to: change.at }).where('id', '=', id).execute();
      options.onDocument?.(i + 1, changes.length, change.url);
    }
  });
  return outcome;
}

/** Reads an aggregator's list again and follows each provider in it not yet followed; their subscription ids. */
async function refreshAggregator(
  db: Kysely<Schema>,
  aggregator: { id: string; metadata_url: string },
  allowPrivate: boolean,
): Promise<{ providers: string[]; added: number }> {
  return recorded(db, aggregator.id, async () => {
    const listing = await readListing(aggregator.metadata_url, allowPrivate);
    if (listing.kind !== 'aggregator') throw new ValidationError([{ field: 'url', reason: 'no longer names an aggregator' }]);
    const providers: string[] = [];
    let added = 0;
    for (const entry of asList(listing.document.csaf_providers).map((p) => asRecord(asRecord(p).metadata))) {
      const made = await follow(db, 'system:csaf-aggregator', {
        url: String(entry.url),
        publisher: String(asRecord(entry.publisher).name ?? entry.url),
        kind: 'provider',
        via: aggregator.id,
      });
      providers.push(made.id);
      if (made.created) added++;
    }
    return { providers, added };
  });
}

async function runAggregator(
  db: Kysely<Schema>,
  aggregator: { id: string; metadata_url: string; publisher: string },
  options: RunOptions,
): Promise<RunOutcome> {
  const { providers, added } = await refreshAggregator(db, aggregator, options.allowPrivate);
  const total = { ...emptyOutcome(aggregator.id, aggregator.publisher), providers: { listed: providers.length, added } };
  for (const id of providers) {
    try {
      const one = await runSubscription(db, id, options);
      total.changed += one.changed;
      total.imported += one.imported;
      total.unchanged += one.unchanged;
      total.notices += one.notices;
      total.refused.push(...one.refused);
      total.warnings.push(...one.warnings);
    } catch (error) {
      // One provider down does not stop the others; it is recorded on its own subscription too.
      const { metadata_url } = await db
        .selectFrom('csaf_subscriptions')
        .select('metadata_url')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      total.warnings.push(`${metadata_url}: ${(error as Error).message}`);
    }
  }
  return total;
}

/** What one run carries from document to document. */
interface Run {
  provider: string;
  keys: readonly openpgp.PublicKey[];
  options: RunOptions;
  outcome: RunOutcome;
  constituency: () => Promise<InventoryIndex>;
}

async function relayOne(db: Kysely<Schema>, { provider, keys, options, outcome, constituency }: Run, change: Change): Promise<void> {
  const document = await getBounded(change.url, { allowPrivate: options.allowPrivate, maxBytes: CSAF_MAX_BYTES });
  if (document.status !== 200) {
    outcome.refused.push({ url: change.url, reason: describeFetch(document) });
    return;
  }
  const checked = await verify(change, document.body, keys, options.allowPrivate);
  if (typeof checked === 'string') {
    outcome.refused.push({ url: change.url, reason: checked });
    return;
  }
  const text = document.body.toString('utf8');
  let stored;
  try {
    stored = await importAdvisory(db, `system:csaf-subscription`, text, { source: change.url });
  } catch (error) {
    outcome.refused.push({ url: change.url, reason: (error as Error).message });
    return;
  }
  if (!stored.created) {
    outcome.unchanged++;
    return;
  }
  outcome.imported++;
  await db
    .updateTable('advisories')
    .set({
      provenance: JSON.stringify({
        provider,
        url: change.url,
        hash: checked.hash,
        signer: checked.signer,
        fetchedAt: new Date().toISOString(),
      }),
    })
    .where('id', '=', stored.advisory.id)
    .execute();
  outcome.notices += await draftNotices(db, stored.advisory.id, text, await constituency());
}

/** The inventories of the constituency, indexed by product; an organisation without one cannot match. */
async function inventoryIndex(db: Kysely<Schema>): Promise<InventoryIndex> {
  const index = new InventoryIndex();
  const organisations = await db
    .selectFrom('organisations')
    .select(['id', 'products'])
    .where('kind', '=', 'constituent')
    .where(sql<boolean>`cardinality(products) > 0`)
    .execute();
  for (const org of organisations) index.add(org.id, org.products);
  return index;
}

/** A draft notice for each constituent organisation whose inventory the advisory matches. */
async function draftNotices(db: Kysely<Schema>, advisoryId: string, document: string, index: InventoryIndex): Promise<number> {
  const affected = affectedProductKeys(JSON.parse(document));
  if (affected.length === 0) return 0;
  const matches = [...index.match(affected)];
  if (matches.length === 0) return 0;
  await db
    .insertInto('relay_notices')
    .values(matches.map(([organisationId, matched]) => ({ advisory_id: advisoryId, organisation_id: organisationId, matched })))
    .onConflict((oc) => oc.columns(['advisory_id', 'organisation_id']).doNothing())
    .execute();
  return matches.length;
}

export interface RelayNotice {
  id: string;
  advisoryId: string;
  trackingId: string;
  title: string;
  tlp: string;
  organisationId: string;
  organisation: string;
  matched: string[];
  state: string;
  createdAt: string;
}

/** Notices in STATE, the newest first, a page at a time. */
export async function pageNotices(
  db: Kysely<Schema>,
  filter: { state: string; before?: string; limit: number },
): Promise<{ notices: RelayNotice[]; next: string | null }> {
  let query = db
    .selectFrom('relay_notices as n')
    .innerJoin('advisories as a', 'a.id', 'n.advisory_id')
    .innerJoin('organisations as o', 'o.id', 'n.organisation_id')
    .select([
      'n.id',
      'n.advisory_id',
      'a.tracking_id',
      'a.title',
      'a.tlp',
      'n.organisation_id',
      'o.name',
      'n.matched',
      'n.state',
      'n.created_at',
    ])
    .select(cursorTime('n.created_at').as('cursor_at'))
    .where('n.state', '=', filter.state)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.before) query = query.where(beforeCursor(filter.before, 'n.created_at', 'n.id', 'uuid'));
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    notices: page.map((r) => ({
      id: r.id,
      advisoryId: r.advisory_id,
      trackingId: r.tracking_id,
      title: r.title,
      tlp: r.tlp,
      organisationId: r.organisation_id,
      organisation: r.name,
      matched: r.matched,
      state: r.state,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    next: rows.length > filter.limit && last ? `${last.cursor_at},${last.id}` : null,
  };
}

/** Sends a draft notice (the vendor's document attached, through the egress gate) or dismisses it. */
export async function decideNotice(
  db: Kysely<Schema>,
  actor: string,
  id: string,
  decision: 'send' | 'dismiss',
  settings: IntakeSettings,
  publicUrl: string,
): Promise<Told | null> {
  return db.transaction().execute(async (trx) => {
    const notice = await trx.selectFrom('relay_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!notice) throw notFound('notice');
    if (notice.state !== 'draft') throw new VaktError('conflict', `this notice was ${notice.state} already`);
    const advisory = await trx.selectFrom('advisories').selectAll().where('id', '=', notice.advisory_id).executeTakeFirstOrThrow();
    const org = await trx
      .selectFrom('organisations')
      .select(['id', 'name'])
      .where('id', '=', notice.organisation_id)
      .executeTakeFirstOrThrow();
    let told: Told | null = null;
    if (decision === 'send')
      told = await tellOrganisation(
        trx,
        settings,
        {
          documentId: advisory.id,
          document: advisory.document,
          trackingId: advisory.tracking_id,
          version: advisory.version,
          title: advisory.title,
          tlp: advisory.tlp as TlpLabel,
          documentUrl: String(asRecord(advisory.provenance).url ?? advisory.source),
          publicUrl,
          audience: { kind: 'inventory' },
          actor,
        },
        org,
        notice.matched,
      );
    await trx
      .updateTable('relay_notices')
      .set({ state: decision === 'send' ? 'sent' : 'dismissed', decided_by: actor, decided_at: new Date() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, {
      actor,
      action: `relay-notice.${decision}`,
      objectType: 'relay-notice',
      objectId: id,
      after: { advisory: advisory.tracking_id, organisation: org.name, status: told?.status ?? null },
    });
    return told;
  });
}

/** Every subscription, run in turn: the hourly job. Aggregators' lists are read first, so a provider they newly list is read the same hour. */
export async function runAllSubscriptions(db: Kysely<Schema>, allowPrivate: boolean): Promise<RunOutcome[]> {
  const outcomes: RunOutcome[] = [];
  const all = await db.selectFrom('csaf_subscriptions').select(['id', 'kind', 'metadata_url']).orderBy('created_at').execute();
  for (const aggregator of all.filter((s) => s.kind === 'aggregator'))
    await refreshAggregator(db, aggregator, allowPrivate).catch(() => undefined); // recorded on the subscription
  for (const { id } of await db
    .selectFrom('csaf_subscriptions')
    .select('id')
    .where('kind', '=', 'provider')
    .orderBy('created_at')
    .execute()) {
    try {
      outcomes.push(await runSubscription(db, id, { allowPrivate }));
    } catch {
      // Recorded on the subscription (last_error); the others still run.
    }
  }
  return outcomes;
}

export function subscriptionsJob(config: Pick<Config, 'feedPrivateUrls'>) {
  return defineJob({
    name: 'advisories.subscriptions',
    schedule: '41 * * * *',
    options: { retryLimit: 1, expireInSeconds: 3600 },
    async handle(_data, { database }) {
      await runAllSubscriptions(database.db, config.feedPrivateUrls);
    },
  });
}
