/**
 * The cursor of a list ordered newest first by a time and then by id: "<ISO time>,<id>" of the
 * last row seen (a ticket number or a UUID). The next page is everything strictly before it, so
 * no row is lost or repeated when rows arrive in between (as an offset would).
 */
import { Type } from 'typebox';
import { ValidationError } from './errors.js';

export const CursorSchema = Type.String({
  pattern: '^[0-9T:.Z-]{20,30},[0-9a-f-]{1,36}$',
  description: 'the cursor: "<time>,<id>" of the last row seen',
});

export function parseCursor(cursor: string): { at: Date; id: string } {
  const [at = '', id = ''] = cursor.split(',');
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) throw new ValidationError([{ field: 'before', reason: 'not a cursor this list gave' }]);
  return { at: time, id };
}
