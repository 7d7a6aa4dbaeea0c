/**
 * MISP events and feeds from peers. An event is kept whole (its version is its timestamp), and so
 * is each of its attributes, its objects' included, with the TLP its tags give (an attribute's own
 * tag may narrow the event's; an unknown `tlp:` tag reads as TLP:RED; an untagged event takes the
 * team's default). Each attribute's indicator values are indexed as a STIX object's are, so "seen
 * elsewhere" finds them. A feed is read by its manifest: only the events whose timestamp is newer
 * than the version held are fetched.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError, VaktError } from '../core/errors.js';
import { mostRestrictive, unlabelledTlpOf, type TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import type { IndicatorKind } from '../intake/indicators.js';
import { getProfile } from '../profile/service.js';
import { describeFetch, getBounded } from '../advisories/fetch-bounded.js';
import { STIX_MAX_BYTES, describeValues, normalised, storeShared, type ObjectOutcome, type StixImport } from './stix-import.js';
import { tlpOfMispTags } from './tlp-encodings.js';

type Json = Record<string, unknown>;

/** The indicator kinds each MISP attribute type can name; `a|b` types name both halves. */
const KINDS: Record<string, IndicatorKind[]> = {
  'ip-dst': ['ipv4', 'ipv6'],
  'ip-src': ['ipv4', 'ipv6'],
  // The second half of `domain|ip`.
  ip: ['ipv4', 'ipv6'],
  domain: ['domain'],
  hostname: ['domain'],
  url: ['url'],
  email: ['email'],
  'email-src': ['email'],
  'email-dst': ['email'],
  md5: ['md5'],
  sha1: ['sha1'],
  sha256: ['sha256'],
  vulnerability: ['cve'],
};

const asList = (value: unknown): Json[] =>
  Array.isArray(value) ? value.filter((v): v is Json => Boolean(v) && typeof v === 'object') : [];
const tagsOf = (item: Json) => asList(item.Tag).map((t) => String(t.name ?? ''));

/** The values one attribute names: `ip-dst|port` → the address; `filename|sha256` → the hash; `domain|ip` → both. */
export function attributeValues(attribute: Json): Array<{ kind: IndicatorKind; value: string }> {
  const type = String(attribute.type ?? '');
  const parts = type.split('|');
  const values = String(attribute.value ?? '').split('|');
  return parts.flatMap((part, i) => {
    const kinds = KINDS[part];
    const found = kinds ? normalised(kinds, values[i] ?? '') : undefined;
    return found ? [found] : [];
  });
}

/** The event inside what MISP writes: `{"Event": {…}}`, or the event itself. */
export function mispEventOf(document: unknown): Json | undefined {
  const record = (document && typeof document === 'object' && !Array.isArray(document) ? document : {}) as Json;
  const event = (record.Event && typeof record.Event === 'object' ? record.Event : record) as Json;
  return 'Attribute' in event || 'Object' in event || ('info' in event && 'uuid' in event) ? event : undefined;
}

/** A MISP uuid, or (for an export that gave none) one derived from the content, so a second import finds it. */
const uuidOf = (item: Json) =>
  typeof item.uuid === 'string' && item.uuid.length > 0 && item.uuid.length <= 100
    ? item.uuid
    : createHash('sha256').update(JSON.stringify(item)).digest('hex').slice(0, 32);

export async function importMispEvent(db: Kysely<Schema>, actor: string, document: unknown, source: string): Promise<StixImport> {
  const event = mispEventOf(document);
  if (!event) throw new ValidationError([{ field: 'event', reason: 'is not a MISP event (an "Event" with "Attribute" or "Object")' }]);
  const unlabelled = unlabelledTlpOf((await getProfile(db))?.profile);
  const eventTlp = tlpOfMispTags(tagsOf(event));
  const tlp: TlpLabel = eventTlp?.tlp ?? unlabelled;
  const version = String(event.timestamp ?? '');
  const attributes = [...asList(event.Attribute), ...asList(event.Object).flatMap((o) => asList(o.Attribute))];
  const entry = (id: string, type: string, name: string, item: Json, label: TlpLabel, known: boolean, modified: string) => ({
    row: { id, modified, type, name, tlp: label, tlp_known: known, object: JSON.stringify(item), source, imported_by: actor },
    values: type === 'misp-attribute' ? attributeValues(item) : [],
  });
  const entries = [
    entry(`misp-event--${uuidOf(event)}`, 'misp-event', String(event.info ?? ''), event, tlp, eventTlp?.known ?? true, version),
    ...attributes.map((attribute) => {
      const own = tlpOfMispTags(tagsOf(attribute));
      return entry(
        `misp-attribute--${uuidOf(attribute)}`,
        'misp-attribute',
        `${String(attribute.type ?? '')} ${String(attribute.value ?? '')}`,
        attribute,
        own ? mostRestrictive(tlp, own.tlp) : tlp,
        (own?.known ?? true) && (eventTlp?.known ?? true),
        String(attribute.timestamp ?? version),
      );
    }),
  ];
  return db.transaction().execute(async (trx) => {
    const stored = await storeShared(trx, entries);
    const outcomes: ObjectOutcome[] = entries.map(({ row, values }, i) => ({
      id: row.id,
      type: row.type,
      status: stored[i] ? 'stored' : 'unchanged',
      tlp: row.tlp as TlpLabel,
      became:
        (values.length > 0 ? `indicator values: ${describeValues(values)}` : 'kept whole, no indicator value') +
        (row.tlp_known ? '' : ' (its tlp: tag is unknown: read as TLP:RED)'),
      problems: [],
    }));
    const count = (status: ObjectOutcome['status']) => outcomes.filter((o) => o.status === status).length;
    await appendAudit(trx, {
      actor,
      action: 'misp.import',
      objectType: 'misp-event',
      objectId: uuidOf(event),
      after: { source: source.slice(0, 500), stored: count('stored'), unchanged: count('unchanged') },
    });
    return { objects: outcomes, stored: count('stored'), unchanged: count('unchanged'), refused: 0 };
  });
}

export interface FeedImport {
  events: number;
  fetched: number;
  /** Events whose manifest timestamp is not newer than the version held: not fetched. */
  skipped: number;
  stored: number;
  failed: Array<{ uuid: string; reason: string }>;
}

/**
 * A MISP feed (its manifest.json, one file per event beside it), delta only: an event is fetched
 * when the manifest's timestamp for it is newer than the version held. READ gives a file's text
 * (over HTTP for a feed's URL, from the disk for a directory).
 */
export async function importMispFeed(
  db: Kysely<Schema>,
  actor: string,
  manifestText: string,
  base: string,
  read: (url: string) => Promise<string>,
): Promise<FeedImport> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    throw new ValidationError([{ field: 'manifest', reason: 'not valid JSON' }]);
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest))
    throw new ValidationError([{ field: 'manifest', reason: 'is not a MISP feed manifest (an object of event uuids)' }]);
  const entries = Object.entries(manifest as Record<string, Json>).filter(([uuid]) => /^[0-9a-f-]{36}$/i.test(uuid));
  const outcome: FeedImport = { events: entries.length, fetched: 0, skipped: 0, stored: 0, failed: [] };
  for (const [uuid, entry] of entries) {
    const held = await db
      .selectFrom('shared_objects')
      .select('modified')
      .where('id', '=', `misp-event--${uuid}`)
      .orderBy('imported_at', 'desc')
      .execute();
    const timestamp = Number(entry.timestamp ?? 0);
    if (held.some((h) => Number(h.modified) >= timestamp)) {
      outcome.skipped++;
      continue;
    }
    try {
      const text = await read(`${base}${uuid}.json`);
      outcome.fetched++;
      outcome.stored += (await importMispEvent(db, actor, JSON.parse(text) as unknown, `${base}${uuid}.json`)).stored;
    } catch (error) {
      outcome.failed.push({ uuid, reason: (error as Error).message });
    }
  }
  return outcome;
}

/** A feed's files over HTTP(S), bounded as every fetch from outside is. */
export function httpReader(allowPrivate: boolean, headers?: Record<string, string>) {
  return async (url: string): Promise<string> => {
    const fetched = await getBounded(url, { allowPrivate, maxBytes: STIX_MAX_BYTES, ...(headers ? { headers } : {}) });
    if (fetched.status !== 200) throw new VaktError('not-found', `${url}: ${describeFetch(fetched)}`);
    return fetched.body.toString('utf8');
  };
}
