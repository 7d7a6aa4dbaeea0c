/**
 * The orders the incident list can be read in, and the cursor of each: newest first (a time and
 * an id, the `before` cursor every newest-first list shares), oldest first, or most urgent first
 * (priority, then newest). The other orders' cursors are opaque, sent back as `after`.
 */
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { opaqueCursor, readOpaqueCursor } from '../core/cursor.js';
import { ValidationError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';

export const INCIDENT_ORDERS = ['newest', 'oldest', 'priority'] as const;
export type IncidentOrder = (typeof INCIDENT_ORDERS)[number];

/** Priority as a number that sorts (critical highest); indexed as incidents_by_priority. */
export const PRIORITY_RANK = sql<number>`array_position(array['low', 'normal', 'high', 'critical']::text[], priority)`;

export function orderIncidents<O>(query: SelectQueryBuilder<Schema, 'incidents', O>, order: IncidentOrder) {
  if (order === 'oldest') return query.orderBy('opened_at', 'asc').orderBy('id', 'asc');
  if (order === 'priority') return query.orderBy(PRIORITY_RANK, 'desc').orderBy('opened_at', 'desc').orderBy('id', 'desc');
  return query.orderBy('opened_at', 'desc').orderBy('id', 'desc');
}

/** Where the next page starts, for the row last seen; newest first keeps the shared "<time>,<id>" form. */
export function incidentCursor(order: IncidentOrder, row: { id: string; at: string; rank: number }): string {
  if (order === 'newest') return `${row.at},${row.id}`;
  return opaqueCursor(order === 'priority' ? [row.rank, row.at, row.id] : [row.at, row.id]);
}

const NOT_A_CURSOR = 'this is not a page cursor for this order (take it from the page before)';
const notACursor = () => new ValidationError([{ field: 'after', reason: NOT_A_CURSOR }]);

/** The rows after an `after` cursor in ORDER (newest first pages with `before` instead). */
export function afterIncident(order: IncidentOrder, cursor: string): RawBuilder<boolean> {
  const parsed = readOpaqueCursor(cursor, 'after', NOT_A_CURSOR);
  if (order === 'newest') throw notACursor();
  const [rank, at, id] = order === 'priority' ? parsed : [0, ...parsed];
  const valid =
    parsed.length === (order === 'priority' ? 3 : 2) &&
    Number.isInteger(rank) &&
    typeof at === 'string' &&
    !Number.isNaN(Date.parse(at)) &&
    typeof id === 'string' &&
    /^\d{1,15}$/.test(id);
  if (!valid) throw notACursor();
  return order === 'priority'
    ? sql<boolean>`(${PRIORITY_RANK}, opened_at, id) < (${rank}, ${at}::timestamptz, ${id}::bigint)`
    : sql<boolean>`(opened_at, id) > (${at}::timestamptz, ${id}::bigint)`;
}
