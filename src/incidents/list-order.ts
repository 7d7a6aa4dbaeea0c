/**
 * The orders the incident list can be read in, and the cursor of each: newest first (a time and
 * an id, the `before` cursor every newest-first list shares), oldest first, or most urgent first
 * (priority, then newest). The other orders' cursors are opaque, sent back as `after`.
 */
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
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
  return Buffer.from(JSON.stringify(order === 'priority' ? [row.rank, row.at, row.id] : [row.at, row.id])).toString('base64url');
}

const notACursor = () =>
  new ValidationError([{ field: 'after', reason: 'this is not a page cursor for this order (take it from the page before)' }]);

/** The rows after an `after` cursor in ORDER (newest first pages with `before` instead). */
export function afterIncident(order: IncidentOrder, cursor: string): RawBuilder<boolean> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notACursor();
  }
  if (order === 'newest' || !Array.isArray(parsed)) throw notACursor();
  const [rank, at, id] = order === 'priority' ? (parsed as unknown[]) : [0, ...(parsed as unknown[])];
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
