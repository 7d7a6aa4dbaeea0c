/**
 * What the TAXII 2.1 server serves: collections, and every version of every object in them in the
 * order it was added. A page is read by (added_at, seq), so a `next` cursor never skips or repeats
 * objects added in the same instant; `match[version]` chooses the newest, the oldest, all or
 * given versions. Who may see which object is decided by the routes, through the egress gate.
 */
import { sql, type Kysely } from 'kysely';
import { ValidationError } from '../core/errors.js';
import { unlabelledTlpOf, type TlpLabel } from '../core/tlp.js';
import { opaqueCursor, readOpaqueCursor } from '../core/cursor.js';
import type { Schema } from '../db/schema.js';
import { getProfile } from '../profile/service.js';
import { markingDefinitionsOf, stixIdentity, storedLabel } from './stix-import.js';
import { STIX_SCO_TYPES } from './stix-ids.js';

export interface StoredObject {
  id: string;
  version: string;
  type: string;
  specVersion: string;
  tlp: TlpLabel;
  object: string;
  addedAt: string;
}

export interface ObjectFilter {
  addedAfter?: string;
  ids?: string[];
  types?: string[];
  /** 'last' (default), 'first', 'all', or versions (timestamps). */
  versions?: string[];
  specVersions?: string[];
  limit: number;
  next?: string;
}

export interface ObjectPage {
  objects: StoredObject[];
  more: boolean;
  next: string | null;
}

// Only STIX 2.1's cyber observables stand alone without `spec_version`; any other object without it is STIX 2.0.
const specVersionOf = (object: Record<string, unknown>, type: string) =>
  typeof object.spec_version === 'string' ? object.spec_version : STIX_SCO_TYPES.has(type) || type.startsWith('x-') ? '2.1' : '2.0';

const versionOf = (object: Record<string, unknown>) => String(object.modified ?? object.created ?? '');

/** Adds each object (a version already there is a success that changes nothing); the failures say why. */
export async function addObjects(
  db: Kysely<Schema>,
  collectionId: string,
  objects: ReadonlyArray<Record<string, unknown>>,
  actor: string,
): Promise<{ successes: Array<{ id: string; version: string }>; failures: Array<{ id: string; version: string; message: string }> }> {
  const definitions = markingDefinitionsOf(objects);
  const unlabelled = unlabelledTlpOf((await getProfile(db))?.profile);
  const successes: Array<{ id: string; version: string }> = [];
  const failures: Array<{ id: string; version: string; message: string }> = [];
  for (const object of objects) {
    const identity = stixIdentity(object);
    if (!identity) {
      const id = (typeof object.id === 'string' ? object.id : '').slice(0, 200);
      failures.push({ id, version: versionOf(object), message: 'no STIX id of its type' });
      continue;
    }
    const { id, type } = identity;
    // An object without `modified` or `created` (a cyber observable) is versioned by the time it was
    // added: adding it again as it was changes nothing; with other markings it is a new version.
    const text = JSON.stringify(object);
    const latest = versionOf(object) ? undefined : await latestAdded(db, collectionId, id);
    const version = versionOf(object) || (latest?.object === text ? latest.version : new Date().toISOString());
    const { tlp } = storedLabel(object, definitions, unlabelled);
    await db
      .insertInto('taxii_objects')
      .values({
        collection_id: collectionId,
        id,
        version,
        type,
        spec_version: specVersionOf(object, type),
        tlp,
        object: text,
        added_by: actor,
      })
      .onConflict((oc) => oc.columns(['collection_id', 'id', 'version']).doNothing())
      .execute();
    successes.push({ id, version });
  }
  return { successes, failures };
}

async function latestAdded(db: Kysely<Schema>, collectionId: string, id: string): Promise<{ version: string; object: string } | undefined> {
  return db
    .selectFrom('taxii_objects')
    .select(['version', 'object'])
    .where('collection_id', '=', collectionId)
    .where('id', '=', id)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

function cursorOf(next: string): { at: string; seq: string } {
  const [at, seq] = readOpaqueCursor(next, 'next');
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof seq !== 'string' || !/^\d{1,18}$/.test(seq))
    throw new ValidationError([{ field: 'next', reason: 'this is not a page cursor (take it from the page before)' }]);
  return { at, seq };
}

/** One page of a collection's objects, oldest added first. */
export async function pageObjects(db: Kysely<Schema>, collectionId: string, filter: ObjectFilter): Promise<ObjectPage> {
  let query = db
    .selectFrom('taxii_objects as t')
    .select(['t.id', 't.version', 't.type', 't.spec_version', 't.tlp', 't.object', 't.seq'])
    .select(sql<string>`to_char(t.added_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('added'))
    .where('t.collection_id', '=', collectionId);
  if (filter.addedAfter) query = query.where('t.added_at', '>', new Date(filter.addedAfter));
  if (filter.ids?.length) query = query.where('t.id', 'in', filter.ids);
  if (filter.types?.length) query = query.where('t.type', 'in', filter.types);
  if (filter.specVersions?.length) query = query.where('t.spec_version', 'in', filter.specVersions);
  const versions = filter.versions ?? ['last'];
  if (!versions.includes('all')) {
    const exact = versions.filter((v) => v !== 'last' && v !== 'first');
    query = query.where((eb) =>
      eb.or([
        ...(versions.includes('last')
          ? [
              sql<boolean>`not exists (select 1 from taxii_objects n where n.collection_id = t.collection_id and n.id = t.id and n.version > t.version)`,
            ]
          : []),
        ...(versions.includes('first')
          ? [
              sql<boolean>`not exists (select 1 from taxii_objects n where n.collection_id = t.collection_id and n.id = t.id and n.version < t.version)`,
            ]
          : []),
        ...(exact.length > 0 ? [eb('t.version', 'in', exact)] : []),
      ]),
    );
  }
  if (filter.next) {
    const { at, seq } = cursorOf(filter.next);
    query = query.where(sql<boolean>`(t.added_at, t.seq) > (${at}::timestamptz, ${seq}::bigint)`);
  }
  const rows = await query
    .orderBy('t.added_at')
    .orderBy('t.seq')
    .limit(filter.limit + 1)
    .execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    objects: page.map((r) => ({
      id: r.id,
      version: r.version,
      type: r.type,
      specVersion: r.spec_version,
      tlp: r.tlp as TlpLabel,
      object: r.object,
      addedAt: r.added,
    })),
    more: rows.length > filter.limit,
    next: rows.length > filter.limit && last ? opaqueCursor([last.added, String(last.seq)]) : null,
  };
}
