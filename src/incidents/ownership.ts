/**
 * Who carries an incident: its manager, the owners of its tasks, and the people who watch it.
 * Only team members may manage, own or watch. Watchers (and the manager) are told of changes in
 * the app, and by mail if they ask (watch-digest.ts): their updates are the timeline entries and
 * notes of those incidents written by others.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { cursorTime } from '../core/cursor.js';
import { ValidationError, notFound } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { actorNames } from '../auth/users.js';
import type { Role } from '../auth/roles.js';
import { TEAM_ROLES } from '../sharing/egress.js';

/** Those who can work incidents: the team without its read-only members. */
const WORKING_ROLES: readonly Role[] = [...TEAM_ROLES].filter((r) => r !== 'read-only');

/** Refuses a user who is not an active team member, naming the field the id came in. */
export async function requireTeamMember(db: Kysely<Schema> | Transaction<Schema>, userId: string, field: string): Promise<void> {
  const user = await db.selectFrom('users').select(['role', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!user || user.disabled_at || !WORKING_ROLES.includes(user.role as Role))
    throw new ValidationError([{ field, reason: 'must be an active team member who works incidents' }]);
}

/** The people who may manage incidents and own tasks, for those choices. */
export async function teamMembers(db: Kysely<Schema>): Promise<Array<{ id: string; name: string; role: string }>> {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'role'])
    .where('role', 'in', WORKING_ROLES)
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute();
}

export async function setWatching(db: Kysely<Schema>, actor: string, userId: string, incidentId: string, watch: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const incident = await trx.selectFrom('incidents').select('id').where('id', '=', incidentId).executeTakeFirst();
    if (!incident) throw notFound(`incident #${incidentId}`);
    if (watch)
      await trx
        .insertInto('incident_watchers')
        .values({ incident_id: incidentId, user_id: userId })
        .onConflict((oc) => oc.columns(['incident_id', 'user_id']).doNothing())
        .execute();
    else await trx.deleteFrom('incident_watchers').where('incident_id', '=', incidentId).where('user_id', '=', userId).execute();
    await appendAudit(trx, { actor, action: watch ? 'incident.watch' : 'incident.unwatch', objectType: 'incident', objectId: incidentId });
  });
}

export async function watchersOf(db: Kysely<Schema>, incidentId: string): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectFrom('incident_watchers')
    .innerJoin('users', 'users.id', 'incident_watchers.user_id')
    .select(['users.id', 'users.name'])
    .where('incident_watchers.incident_id', '=', incidentId)
    .orderBy('users.name')
    .execute();
}

export interface Update {
  kind: 'timeline' | 'note';
  id: string;
  incidentId: string;
  incidentTitle: string;
  at: string;
  text: string;
  by: string;
  /** The entry's own label and its incident's: what a mail of it must respect. */
  tlp: string;
  incidentTlp: string;
}

/**
 * What others did on the incidents a user watches or manages, newest first, paged by time: the
 * cursor is the `at` of the last entry seen, to the microsecond (as the cursors of the lists are).
 */
export async function updatesFor(
  db: Kysely<Schema>,
  userId: string,
  opts: { before?: string; since?: string; limit: number },
): Promise<Update[]> {
  const actor = `user:${userId}`;
  const mine = db
    .selectFrom('incidents')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('manager_id', '=', userId),
        eb('id', 'in', eb.selectFrom('incident_watchers').select('incident_id').where('user_id', '=', userId)),
      ]),
    );
  const before = sql<Date>`${opts.before ?? '9999-12-31T00:00:00Z'}::timestamptz`;
  const since = sql<Date>`${opts.since ?? '1970-01-01T00:00:00Z'}::timestamptz`;
  const [events, notes] = await Promise.all([
    db
      .selectFrom('timeline_events as t')
      .innerJoin('incidents as i', 'i.id', 't.incident_id')
      .select([
        't.id',
        't.incident_id',
        'i.title',
        cursorTime('t.created_at').as('at'),
        't.summary as text',
        't.created_by as by',
        't.tlp',
        'i.tlp as incident_tlp',
      ])
      .where('t.incident_id', 'in', mine)
      .where('t.created_by', '!=', actor)
      .where('t.created_at', '<', before)
      .where('t.created_at', '>', since)
      .orderBy('t.created_at', 'desc')
      .limit(opts.limit)
      .execute(),
    db
      .selectFrom('incident_notes as n')
      .innerJoin('incidents as i', 'i.id', 'n.incident_id')
      .select([
        'n.id',
        'n.incident_id',
        'i.title',
        cursorTime('n.created_at').as('at'),
        sql<string>`left(n.body, 300)`.as('text'),
        'n.created_by as by',
        'n.tlp',
        'i.tlp as incident_tlp',
      ])
      .where('n.incident_id', 'in', mine)
      .where('n.created_by', '!=', actor)
      .where('n.created_at', '<', before)
      .where('n.created_at', '>', since)
      .orderBy('n.created_at', 'desc')
      .limit(opts.limit)
      .execute(),
  ]);
  const names = await actorNames(
    db,
    [...events, ...notes].map((r) => r.by),
  );
  return (
    [...events.map((r) => ({ ...r, kind: 'timeline' as const })), ...notes.map((r) => ({ ...r, kind: 'note' as const }))]
      // The times are UTC ISO strings of one length, so they sort as text.
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(0, opts.limit)
      .map((r) => ({
        kind: r.kind,
        id: r.id,
        incidentId: r.incident_id,
        incidentTitle: r.title,
        at: r.at,
        text: r.text,
        by: names.get(r.by) ?? r.by,
        tlp: r.tlp,
        incidentTlp: r.incident_tlp,
      }))
  );
}
