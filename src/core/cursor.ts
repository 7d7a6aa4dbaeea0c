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
