/**
 * Tasks across incidents: mine, nobody's or someone's, open or finished, newest first or the
 * soonest due first (those without a due time last), paged by a cursor.
 */
import { sql, type Kysely } from 'kysely';
import { beforeCursor, cursorTime } from '../core/cursor.js';
import { ValidationError } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';

export interface TaskFilter {
  /** "me" (the caller), "nobody", or a user id. */
  owner?: string;
  status?: 'open' | 'done' | 'cancelled';
  overdue?: boolean;
  sort?: 'newest' | 'due';
  before?: string;
  after?: string;
  limit: number;
}

/** The due time a task sorts by: one without sorts after every dated one. */
const DUE = sql<string>`coalesce(t.due_at, 'infinity'::timestamptz)`;

/** The tasks after an `after` cursor in due order: "<due time or infinity>,<id>". */
function afterDue(cursor: string) {
  const [due = '', id = '', extra] = cursor.split(',');
  if (extra !== undefined || !(due === 'infinity' || !Number.isNaN(Date.parse(due))) || !/^[0-9a-f-]{36}$/.test(id))
    throw new ValidationError([{ field: 'after', reason: 'this is not a page cursor for the due order (take it from the page before)' }]);
  return sql<boolean>`(${DUE}, t.id) > (${due}::timestamptz, ${id}::uuid)`;
}

export async function listTasks(db: Kysely<Schema>, userId: string, filter: TaskFilter, now = new Date()) {
  let query = db
    .selectFrom('tasks as t')
    .innerJoin('incidents as i', 'i.id', 't.incident_id')
    .leftJoin('users as u', 'u.id', 't.owner_id')
    .select([
      't.id',
      't.incident_id',
      'i.title as incident_title',
      't.title',
      't.status',
      't.due_at',
      't.created_at',
      't.tlp',
      't.owner_id',
      'u.name as owner',
      cursorTime('t.created_at').as('cursor_at'),
      sql<string>`case when t.due_at is null then 'infinity' else ${cursorTime('t.due_at')} end`.as('cursor_due'),
    ])
    .limit(filter.limit);
  const byDue = filter.sort === 'due';
  query = byDue ? query.orderBy(DUE).orderBy('t.id') : query.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc');
  if (filter.before && byDue) throw new ValidationError([{ field: 'before', reason: 'the due order pages with after=' }]);
  if (filter.after && !byDue) throw new ValidationError([{ field: 'after', reason: 'the newest-first order pages with before=' }]);
  if (filter.after) query = query.where(afterDue(filter.after));
  query = query.where('t.status', '=', filter.status ?? 'open');
  if (filter.owner === 'me') query = query.where('t.owner_id', '=', userId);
  else if (filter.owner === 'nobody') query = query.where('t.owner_id', 'is', null);
  else if (filter.owner) query = query.where('t.owner_id', '=', filter.owner);
  if (filter.overdue) query = query.where('t.due_at', '<', now);
  if (filter.before) query = query.where(beforeCursor(filter.before, 't.created_at', 't.id', 'uuid'));
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    incidentId: r.incident_id,
    incidentTitle: r.incident_title,
    title: r.title,
    status: r.status,
    owner: r.owner,
    ownerId: r.owner_id,
    dueAt: r.due_at?.toISOString() ?? null,
    overdue: r.status === 'open' && r.due_at !== null && r.due_at < now,
    createdAt: r.created_at.toISOString(),
    /** Where the next page starts when this is the last row seen. */
    cursor: byDue ? `${r.cursor_due},${r.id}` : `${r.cursor_at},${r.id}`,
    tlp: r.tlp as TlpLabel,
  }));
}
