/**
 * Observables across incidents, newest first, paged by a cursor: the analyst's view of every
 * address, domain and hash the team has recorded, with how many incidents each was seen in.
 */
import { sql, type Kysely } from 'kysely';
import { beforeCursor, containing, cursorTime } from '../core/cursor.js';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { extractIndicators, refang } from '../intake/indicators.js';

export interface ObservableFilter {
  /** A value or part of one; defanged input is understood. */
  q?: string;
  kind?: string;
  ioc?: boolean;
  before?: string;
  limit: number;
}

export async function listObservables(db: Kysely<Schema>, filter: ObservableFilter) {
  let query = db
    .selectFrom('observables as o')
    .innerJoin('incidents as i', 'i.id', 'o.incident_id')
    .select([
      'o.id',
      'o.incident_id',
      'i.title as incident_title',
      'o.kind',
      'o.value',
      'o.description',
      'o.is_ioc',
      'o.tlp',
      'o.created_at',
      cursorTime('o.created_at').as('cursor_at'),
      // Other incidents with the same value, found through observables_value.
      sql<string>`(select count(distinct o2.incident_id) from observables o2 where o2.value = o.value and o2.incident_id <> o.incident_id)`.as(
        'elsewhere',
      ),
    ])
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(filter.limit);
  if (filter.kind) query = query.where('o.kind', '=', filter.kind);
  if (filter.ioc !== undefined) query = query.where('o.is_ioc', '=', filter.ioc);
  if (filter.q) {
    const exact = extractIndicators(filter.q)[0]?.value ?? filter.q.trim().toLowerCase();
    const like = containing(refang(filter.q.trim()));
    query = query.where((eb) => eb.or([eb('o.value', '=', exact), eb('o.value', 'ilike', like)]));
  }
  if (filter.before) query = query.where(beforeCursor(filter.before, 'o.created_at', 'o.id', 'uuid'));
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    incidentId: r.incident_id,
    incidentTitle: r.incident_title,
    kind: r.kind,
    value: r.value,
    description: r.description,
    ioc: r.is_ioc,
    tlp: r.tlp as TlpLabel,
    createdAt: r.created_at.toISOString(),
    seenInOtherIncidents: Number(r.elsewhere),
    /** Where the next page starts when this is the last row seen. */
    cursor: `${r.cursor_at},${r.id}`,
  }));
}
