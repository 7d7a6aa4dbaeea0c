/**
 * STIX 2.1 bundles from peers: every object kept exactly as it came — each version, custom
 * properties and unknown types included — with its TLP read from whatever encoding it uses, and a
 * report, object by object, of what became what (the anchors drop data silently). The indicator
 * values an object names (a cyber observable's value or hash, the comparisons of a STIX pattern,
 * the observables an observed-data holds) are indexed by value, so "seen elsewhere" finds them.
 * A bundle is stored whole or not at all.
 */
import type { Insertable, Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError } from '../core/errors.js';
import { unlabelledTlpOf, type TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { extractIndicators, type IndicatorKind } from '../intake/indicators.js';
import { getProfile } from '../profile/service.js';
import { stixObjectIssues } from './stix-validate.js';
import { tlpOfStixObject } from './tlp-encodings.js';

export const STIX_MAX_BYTES = 50 * 1024 * 1024;
const MAX_OBJECTS = 200_000;

export interface ObjectOutcome {
  id: string;
  type: string;
  /** stored: a new object or version; unchanged: this version was here; refused: not stored, with why. */
  status: 'stored' | 'unchanged' | 'refused';
  tlp: TlpLabel | null;
  /** What it became: the indicator values it names, or what else. */
  became: string;
  /** Where it breaks the official schemas (it is kept all the same). */
  problems: string[];
}

export interface StixImport {
  objects: ObjectOutcome[];
  stored: number;
  unchanged: number;
  refused: number;
}

type Record_ = Record<string, unknown>;
export type Value = { kind: IndicatorKind; value: string };

const SCO_VALUE: Record<string, IndicatorKind[]> = {
  'ipv4-addr': ['ipv4'],
  'ipv6-addr': ['ipv6'],
  'domain-name': ['domain'],
  url: ['url'],
  'email-addr': ['email'],
};
const HASHES: Record<string, IndicatorKind> = { MD5: 'md5', 'SHA-1': 'sha1', SHA1: 'sha1', 'SHA-256': 'sha256', SHA256: 'sha256' };

/** A value as Vakt stores indicators (refanged, lower-cased where the kind says), or nothing when it is not one of KINDS. */
export function normalised(kinds: readonly IndicatorKind[], raw: unknown): Value | undefined {
  if (typeof raw !== 'string' || raw.length > 2000) return undefined;
  const found = extractIndicators(raw).find((i) => kinds.includes(i.kind));
  return found ? { kind: found.kind, value: found.value } : undefined;
}

/** The values a cyber observable names: its value, or a file's hashes. */
function observableValues(object: Record_): Value[] {
  const kinds = SCO_VALUE[String(object.type)];
  if (kinds) return [normalised(kinds, object.value)].filter((v): v is Value => Boolean(v));
  if (object.type !== 'file' || typeof object.hashes !== 'object' || !object.hashes) return [];
  return Object.entries(object.hashes as Record_).flatMap(([algorithm, hash]) => {
    const kind = HASHES[algorithm.toUpperCase()];
    return kind ? [normalised([kind], hash)].filter((v): v is Value => Boolean(v)) : [];
  });
}

/**
 * The equality comparisons of a STIX pattern that name an indicator value:
 * `[ipv4-addr:value = '198.51.100.1'] OR [file:hashes.'SHA-256' = '…']`. Other comparisons
 * (LIKE, MATCHES, ranges) say something, but no single value to look for.
 */
export function patternValues(pattern: string): Value[] {
  const values: Value[] = [];
  const comparison = /([a-z0-9-]+):([a-z_]+)(?:\.(?:'([^']+)'|([A-Za-z0-9_-]+)))?\s*=\s*'((?:[^'\\]|\\.)*)'/g;
  for (const match of pattern.slice(0, 100_000).matchAll(comparison)) {
    const [, type, property, quotedKey, bareKey, literal] = match;
    const value = literal!.replace(/\\(.)/g, '$1');
    const kinds = property === 'value' ? SCO_VALUE[type!] : undefined;
    const hash = type === 'file' && property === 'hashes' ? HASHES[(quotedKey ?? bareKey ?? '').toUpperCase()] : undefined;
    const found = kinds ? normalised(kinds, value) : hash ? normalised([hash], value) : undefined;
    if (found) values.push(found);
  }
  return values;
}

function valuesOf(object: Record_): Value[] {
  if (object.type === 'indicator' && (object.pattern_type ?? 'stix') === 'stix' && typeof object.pattern === 'string')
    return patternValues(object.pattern);
  // STIX 2.0's observed-data carries its observables inside, keyed "0", "1" …
  if (object.type === 'observed-data' && object.objects && typeof object.objects === 'object')
    return Object.values(object.objects as Record_).flatMap((o) => (o && typeof o === 'object' ? observableValues(o as Record_) : []));
  return observableValues(object);
}

/** The bundle's objects, or a clear refusal of what is not a bundle. */
function objectsOf(text: string): Record_[] {
  if (Buffer.byteLength(text) > STIX_MAX_BYTES)
    throw new ValidationError([{ field: 'bundle', reason: `is larger than ${STIX_MAX_BYTES} bytes` }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ValidationError([{ field: 'bundle', reason: `not valid JSON: ${(error as Error).message}` }]);
  }
  const bundle = (parsed ?? {}) as Record_;
  if (bundle.type !== 'bundle' || !Array.isArray(bundle.objects))
    throw new ValidationError([{ field: 'bundle', reason: 'is not a STIX bundle (a "type": "bundle" with "objects")' }]);
  if (bundle.objects.length > MAX_OBJECTS) throw new ValidationError([{ field: 'objects', reason: `more than ${MAX_OBJECTS} objects` }]);
  return bundle.objects.map((o) => (o && typeof o === 'object' && !Array.isArray(o) ? (o as Record_) : {}));
}

type SharedRow = Omit<Insertable<Schema['shared_objects']>, 'imported_at'>;
// Rows a statement: well under PostgreSQL's 65,535 parameters at nine a row.
const BATCH = 500;

/**
 * Stores versions of shared objects and indexes the values each names, a few hundred a statement;
 * for each entry, in order, whether it was new (false: that version was here already, or earlier
 * in ENTRIES).
 */
export async function storeShared(
  trx: Kysely<Schema>,
  entries: ReadonlyArray<{ row: SharedRow; values: readonly Value[] }>,
): Promise<boolean[]> {
  const key = (r: { id: string; modified: string }) => `${r.id}\u0000${r.modified}`;
  const inserted = new Set<string>();
  for (let start = 0; start < entries.length; start += BATCH) {
    const chunk = entries.slice(start, start + BATCH);
    const rows = await trx
      .insertInto('shared_objects')
      .values(chunk.map(({ row }) => ({ ...row, name: (row.name ?? '').slice(0, 500) })))
      .onConflict((oc) => oc.columns(['id', 'modified']).doNothing())
      .returning(['id', 'modified'])
      .execute();
    for (const r of rows) inserted.add(key(r));
  }
  const claimed = new Set<string>();
  const stored = entries.map(({ row }) => {
    const k = key(row);
    if (!inserted.has(k) || claimed.has(k)) return false;
    claimed.add(k);
    return true;
  });
  const values = entries.flatMap(({ row, values }, i) => (stored[i] ? values.map((v) => ({ ...v, object_id: row.id })) : []));
  for (let start = 0; start < values.length; start += BATCH * 3)
    await trx
      .insertInto('shared_object_indicators')
      .values(values.slice(start, start + BATCH * 3))
      .onConflict((oc) => oc.columns(['value', 'kind', 'object_id']).doNothing())
      .execute();
  return stored;
}

export const describeValues = (values: readonly Value[]) => values.map((v) => `${v.kind} ${v.value}`).join(', ');

/** The marking definitions a bundle (or an envelope) carries, by id. */
export const markingDefinitionsOf = (objects: readonly Record_[]) =>
  new Map(objects.filter((o) => o.type === 'marking-definition' && typeof o.id === 'string').map((o) => [String(o.id), o]));

/** The object's id and type, when its id is a STIX id of its own type; undefined for anything else. */
export function stixIdentity(object: Record_): { id: string; type: string } | undefined {
  const id = typeof object.id === 'string' ? object.id : '';
  const type = typeof object.type === 'string' ? object.type : '';
  return /^[a-z0-9-]+--[0-9a-fA-F-]{36}$/.test(id) && id.startsWith(`${type}--`) ? { id, type } : undefined;
}

/** The label an object is kept under: a marking definition is public; else what its markings say; else the team's default. */
export function storedLabel(
  object: Record_,
  definitions: ReadonlyMap<string, Record_>,
  unlabelled: TlpLabel,
): { tlp: TlpLabel; read: ReturnType<typeof tlpOfStixObject> } {
  const read = tlpOfStixObject(object, definitions);
  return { tlp: object.type === 'marking-definition' ? 'CLEAR' : (read?.tlp ?? unlabelled), read };
}

export async function importStixBundle(db: Kysely<Schema>, actor: string, text: string, source: string): Promise<StixImport> {
  const objects = objectsOf(text);
  const definitions = markingDefinitionsOf(objects);
  const unlabelled = unlabelledTlpOf((await getProfile(db))?.profile);
  // What each object is and becomes, worked out before anything is stored; then stored a batch at a time.
  const read = objects.map((object) => {
    const identity = stixIdentity(object);
    if (!identity) return { object };
    const { tlp, read: label } = storedLabel(object, definitions, unlabelled);
    return { object, identity, tlp, label, values: valuesOf(object) };
  });
  return db.transaction().execute(async (trx) => {
    const kept = read.filter((r) => r.identity);
    const stored = await storeShared(
      trx,
      kept.map((r) => ({
        row: {
          id: r.identity!.id,
          modified: String(r.object.modified ?? r.object.created ?? ''),
          type: r.identity!.type,
          name: String(r.object.name ?? ''),
          tlp: r.tlp!,
          tlp_known: r.identity!.type === 'marking-definition' || (r.label?.known ?? true),
          object: JSON.stringify(r.object),
          source,
          imported_by: actor,
        },
        values: r.values!,
      })),
    );
    const storedOf = new Map(kept.map((r, i) => [r, stored[i]!]));
    const outcomes: ObjectOutcome[] = read.map((r) => {
      const { object } = r;
      if (!r.identity)
        return {
          id: (typeof object.id === 'string' ? object.id : '').slice(0, 200),
          type: (typeof object.type === 'string' ? object.type : '').slice(0, 100),
          status: 'refused',
          tlp: null,
          became: 'nothing',
          problems: ['no STIX id of its type'],
        };
      const { id, type } = r.identity;
      const labelNote =
        r.label && !r.label.known
          ? ' (its marking is unknown: read as TLP:RED)'
          : !r.label && type !== 'marking-definition'
            ? ` (unmarked: the team's default)`
            : '';
      return {
        id,
        type,
        status: storedOf.get(r) ? 'stored' : 'unchanged',
        tlp: r.tlp!,
        became:
          (r.values!.length > 0
            ? `indicator values: ${describeValues(r.values!)}`
            : type === 'marking-definition'
              ? 'a marking definition'
              : 'kept whole, no indicator value') + labelNote,
        problems: stixObjectIssues(object).map((p) => `${p.field} ${p.reason}`.trim()),
      };
    });
    const count = (status: ObjectOutcome['status']) => outcomes.filter((o) => o.status === status).length;
    const result = { objects: outcomes, stored: count('stored'), unchanged: count('unchanged'), refused: count('refused') };
    await appendAudit(trx, {
      actor,
      action: 'stix.import',
      objectType: 'stix-bundle',
      objectId: source.slice(0, 500),
      after: { stored: result.stored, unchanged: result.unchanged, refused: result.refused },
    });
    return result;
  });
}
