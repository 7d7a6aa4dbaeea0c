/**
 * Saved views: a list's filters kept under a name, by a user for themselves or for the whole
 * team. A view holds only the filters its list understands (never a page cursor), so opening it
 * always starts at the newest row.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError, VaktError, notFound } from '../core/errors.js';
import type { Schema } from '../db/schema.js';

export const VIEW_FILTERS = {
  incidents: ['open', 'mine', 'phase', 'priority', 'rsitClass', 'tlp', 'q'],
  reports: ['status', 'q'],
  audit: ['action', 'actor', 'objectType', 'objectId'],
} as const;
export type ViewList = keyof typeof VIEW_FILTERS;
export const VIEW_LISTS = Object.keys(VIEW_FILTERS) as ViewList[];

export interface SavedView {
  id: string;
  list: ViewList;
  name: string;
  query: string;
  shared: boolean;
  mine: boolean;
  owner: string;
}

/** The query string kept: the list's own filters, in a fixed order; anything else is refused by name. */
export function normaliseQuery(list: ViewList, query: string): string {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  const allowed: readonly string[] = VIEW_FILTERS[list];
  const unknown = [...params.keys()].filter((k) => !allowed.includes(k));
  if (unknown.length > 0)
    throw new ValidationError([
      { field: 'query', reason: `the ${list} list has no filter ${unknown.join(', ')}; it has ${allowed.join(', ')}` },
    ]);
  const kept = new URLSearchParams();
  for (const name of allowed) {
    const value = params.get(name);
    if (value) kept.set(name, value);
  }
  if (kept.size === 0) throw new ValidationError([{ field: 'query', reason: 'a view needs at least one filter' }]);
  return kept.toString();
}

export async function listViews(db: Kysely<Schema>, userId: string, list: ViewList): Promise<SavedView[]> {
  const rows = await db
    .selectFrom('saved_views as v')
    .innerJoin('users as u', 'u.id', 'v.user_id')
    .select(['v.id', 'v.list', 'v.name', 'v.query', 'v.shared', 'v.user_id', 'u.name as owner'])
    .where('v.list', '=', list)
    .where((eb) => eb.or([eb('v.user_id', '=', userId), eb('v.shared', '=', true)]))
    .orderBy('v.name')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    list: r.list as ViewList,
    name: r.name,
    query: r.query,
    shared: r.shared,
    mine: r.user_id === userId,
    owner: r.owner,
  }));
}

export async function saveView(
  db: Kysely<Schema>,
  userId: string,
  input: { list: ViewList; name: string; query: string; shared?: boolean },
): Promise<string> {
  const query = normaliseQuery(input.list, input.query);
  return db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('saved_views')
      .select('id')
      .where('user_id', '=', userId)
      .where('list', '=', input.list)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
      .executeTakeFirst();
    if (clash) throw new VaktError('conflict', `you already have a view of ${input.list} named "${input.name}"`);
    const row = await trx
      .insertInto('saved_views')
      .values({ user_id: userId, list: input.list, name: input.name, query, shared: input.shared ?? false })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor: `user:${userId}`,
      action: 'view.create',
      objectType: 'saved-view',
      objectId: row.id,
      after: { ...input, query },
    });
    return row.id;
  });
}

/** Only its owner removes a view. */
export async function deleteView(db: Kysely<Schema>, userId: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('saved_views').where('id', '=', id).where('user_id', '=', userId).returningAll().executeTakeFirst();
    if (!row) throw notFound('saved view of yours');
    await appendAudit(trx, { actor: `user:${userId}`, action: 'view.delete', objectType: 'saved-view', objectId: id, before: row });
  });
}
