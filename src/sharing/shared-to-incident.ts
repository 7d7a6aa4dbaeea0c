/**
 * An incident from what a peer shared: an imported STIX report or grouping, or a MISP event,
 * becomes an incident of its own — its name and description, its TLP, and an observable for each
 * indicator value it names (an indicator's or an attribute marked for detection as an indicator of
 * compromise) — all in one transaction, with where it came from in the description.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError, notFound } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { createIncident } from '../incidents/incidents.js';
import { attributeValues } from './misp-import.js';

const INCIDENT_TYPES = new Set(['report', 'grouping', 'misp-event']);
const MAX_REFS = 10_000;

type Json = Record<string, unknown>;
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter((v): v is Json => Boolean(v) && typeof v === 'object') : []);

/** The values the shared object names, each once, and whether it names it as an indicator. */
async function valuesOf(db: Kysely<Schema>, type: string, object: Json): Promise<Array<{ kind: string; value: string; ioc: boolean }>> {
  const found = new Map<string, { kind: string; value: string; ioc: boolean }>();
  const add = (kind: string, value: string, ioc: boolean) => {
    const key = `${kind}\u0000${value}`;
    const held = found.get(key);
    found.set(key, { kind, value, ioc: ioc || (held?.ioc ?? false) });
  };
  if (type === 'misp-event') {
    const event = (object.Event && typeof object.Event === 'object' ? object.Event : object) as Json;
    for (const a of [...list(event.Attribute), ...list(event.Object).flatMap((o) => list(o.Attribute))])
      if (!a.deleted) for (const v of attributeValues(a)) add(v.kind, v.value, a.to_ids === true || a.to_ids === '1');
  } else {
    const refs = (Array.isArray(object.object_refs) ? object.object_refs : [])
      .filter((r): r is string => typeof r === 'string')
      .slice(0, MAX_REFS);
    for (let start = 0; start < refs.length; start += 1000) {
      const rows = await db
        .selectFrom('shared_object_indicators')
        .select(['kind', 'value', 'object_id'])
        .where('object_id', 'in', refs.slice(start, start + 1000))
        .execute();
      for (const r of rows) add(r.kind, r.value, r.object_id.startsWith('indicator--'));
    }
  }
  return [...found.values()];
}

export async function incidentFromShared(
  db: Kysely<Schema>,
  actor: string,
  sharedId: string,
): Promise<{ id: string; observables: number }> {
  const row = await db.selectFrom('shared_objects').selectAll().where('id', '=', sharedId).orderBy('modified', 'desc').executeTakeFirst();
  if (!row) throw notFound('shared object');
  if (!INCIDENT_TYPES.has(row.type))
    throw new ValidationError([{ field: 'id', reason: 'only a STIX report or grouping, or a MISP event, becomes an incident' }]);
  const object = JSON.parse(row.object) as Json;
  const values = await valuesOf(db, row.type, object);
  const event = (object.Event ?? object) as Json;
  const description = String(event.description ?? (row.type === 'misp-event' ? '' : (object.description ?? '')));
  const { id } = await createIncident(
    db,
    actor,
    {
      title: (row.name || `Shared ${row.type}`).slice(0, 500),
      description:
        `${description ? `${description}\n\n` : ''}From ${row.source}: ${row.id} (version ${row.modified || 'unversioned'}).`.slice(
          0,
          50_000,
        ),
      tlp: row.tlp as TlpLabel,
    },
    async (trx, incidentId) => {
      if (values.length === 0) return;
      for (let start = 0; start < values.length; start += 1000)
        await trx
          .insertInto('observables')
          .values(
            values
              .slice(start, start + 1000)
              .map((v) => ({ incident_id: incidentId, kind: v.kind, value: v.value, is_ioc: v.ioc, tlp: row.tlp })),
          )
          .execute();
      await appendAudit(trx, {
        actor,
        action: 'observable.create-many',
        objectType: 'incident',
        objectId: incidentId,
        after: { from: row.id, count: values.length },
      });
    },
  );
  return { id, observables: values.length };
}
