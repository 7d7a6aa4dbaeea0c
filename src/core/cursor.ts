/**
 * The cursor of a list ordered newest first by a time and then by id: "<ISO time>,<id>" of the
 * last row seen (a ticket number or a UUID). The next page is everything strictly before it, so
 * no row is lost or repeated when rows arrive in between (as an offset would). The time keeps
 * the database's microseconds where a list gives them: a JavaScript Date would round them away
 * and skip rows written in the same millisecond.
 */
import { sql, type RawBuilder } from 'kysely';
import { Type } from 'typebox';
import { ValidationError } from './errors.js';

const TIME = '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z';

export const CursorSchema = Type.String({
  pattern: `^${TIME},[0-9a-f-]{1,36}$`,
  description: 'the cursor: "<time>,<id>" of the last row seen',
});

const ID = { ticket: /^\d{1,15}$/, uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/ } as const;

function notACursor(cursor: string): ValidationError {
  return new ValidationError([{ field: 'before', reason: `"${cursor.slice(0, 80)}" is not a page cursor (take it from the page before)` }]);
}

/**
 * The rows of a list ordered by (TIME_COLUMN, ID_COLUMN) descending that come after CURSOR, its
 * time to the microsecond (a JavaScript Date would round it to the millisecond).
 */
export function beforeCursor(cursor: string, timeColumn: string, idColumn: string, id: keyof typeof ID): RawBuilder<boolean> {
  const [at = '', last = '', extra] = cursor.split(',');
  if (extra !== undefined || !new RegExp(`^${TIME}$`).test(at) || Number.isNaN(Date.parse(at)) || !ID[id].test(last))
    throw notACursor(cursor);
  return sql<boolean>`(${sql.ref(timeColumn)}, ${sql.ref(idColumn)}) < (${at}::timestamptz, ${last})`;
}

/** A time column as the cursor writes it, to the microsecond, in UTC. */
export function cursorTime(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * The cursor of a list sorted by a text key (a name) and then by id: the base64url of the JSON
 * pair [key, id] of the last row seen. Opaque, because a name may hold any character a plain
 * "<key>,<id>" would need to escape.
 */
export const KeyCursorSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{1,2000}$', description: 'the cursor: from the page before' });

/** An opaque cursor: the base64url of the JSON list of a row's sort values. */
export function opaqueCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The values an opaque cursor holds; anything else is refused as not a cursor, naming FIELD. */
export function readOpaqueCursor(
  cursor: string,
  field: string,
  reason = 'this is not a page cursor (take it from the page before)',
): unknown[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  if (!Array.isArray(values)) throw new ValidationError([{ field, reason }]);
  return values;
}

export function keyCursor(key: string, id: string): string {
  return opaqueCursor([key, id]);
}

/** What the id of a key-ordered list is: a UUID, or an OpenPGP fingerprint (the contact keys). */
const KEY_ID = { uuid: ID.uuid, fingerprint: /^[0-9A-Fa-f]{16,64}$/ } as const;

/**
 * The rows after CURSOR in a list ordered by (KEY_EXPRESSION, ID_COLUMN), ascending or descending.
 * The key is compared as the list orders it, so pass the same expression the ORDER BY uses.
 */
export function afterKeyCursor(
  cursor: string,
  key: RawBuilder<string>,
  idColumn: string,
  descending: boolean,
  field = 'after',
  id: keyof typeof KEY_ID = 'uuid',
): RawBuilder<boolean> {
  const pair = readOpaqueCursor(cursor, field);
  if (pair.length !== 2 || typeof pair[0] !== 'string' || !KEY_ID[id].test(String(pair[1])))
    throw new ValidationError([{ field, reason: 'this is not a page cursor (take it from the page before)' }]);
  const [value, last] = pair as [string, string];
  const lastId = id === 'uuid' ? sql`${last}::uuid` : sql`${last}`;
  return descending
    ? sql<boolean>`(${key}, ${sql.ref(idColumn)}) < (${value}, ${lastId})`
    : sql<boolean>`(${key}, ${sql.ref(idColumn)}) > (${value}, ${lastId})`;
}

/** A list query's answer of up to LIMIT + 1 rows: the page, and the cursor after its last row when there is more. */
export function keyPage<Row extends { sort_key: string }>(
  rows: Row[],
  limit: number,
  /** The row's id, the cursor's tie-breaker (a uuid, or the contact keys' fingerprint). */
  idOf: (row: Row) => string,
): { page: Row[]; next: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, next: rows.length > limit && last ? keyCursor(last.sort_key, idOf(last)) : null };
}

/** The query string of a list paged in key order: the cursor of the page before, and how many. */
export const KeyPageQuery = Type.Object(
  {
    after: Type.Optional(KeyCursorSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);

/** A LIKE pattern that finds TEXT anywhere, its wildcards taken literally. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
