/**
 * Full-text search over reports and incidents (PostgreSQL text search, the same on PGlite), and
 * the retro-hunt: where else has this indicator been seen?
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Principal } from '../auth/roles.js';
import { can } from '../auth/roles.js';
import { cursorTime, opaqueCursor, readOpaqueCursor } from '../core/cursor.js';
import { ValidationError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { feedSightings } from '../feeds/event-values.js';
import { extractIndicators } from '../intake/indicators.js';
import { warninglistsOf } from '../sharing/warninglists.js';
import { readableIncidentIds } from './visibility.js';

export interface SearchHit {
  kind: 'report' | 'incident' | 'note';
  id: string;
  /** For a note: the incident it is on. */
  incidentId: string | null;
  title: string;
  status: string;
  tlp: string;
  at: string;
  rank: number;
  snippet: string;
}

export interface SearchOptions {
  kind?: SearchHit['kind'];
  /** Best match first (the default), or newest first. */
  sort?: 'relevance' | 'newest';
  after?: string;
  limit?: number;
}

const HEADLINE = 'MaxWords=20, MinWords=5, StartSel=«, StopSel=»';
/** Best first, how many of each kind's newest matches are ranked. */
const CANDIDATES = 1000;

/**
 * Reports, incidents and the team's notes that match the words, a page at a time, best match or
 * newest first. One query over all three keeps a single order, so the page's cursor (the sort
 * value, the kind and the id of its last hit) goes on across kinds; snippets are drawn only for
 * the page shown.
 */
export async function search(
  db: Kysely<Schema>,
  principal: Principal,
  q: string,
  options: SearchOptions = {},
): Promise<{ hits: SearchHit[]; next: string | null }> {
  const text = q.trim().slice(0, 500);
  const limit = options.limit ?? 50;
  const newest = options.sort === 'newest';
  if (!text) return { hits: [], next: null };
  const query = sql`websearch_to_tsquery('simple', ${text})`;
  const wanted = (kind: SearchHit['kind']) => !options.kind || options.kind === kind;
  // A kind with more than CANDIDATES matches is read down its time index: newest first, up to the
  // page; best first, its newest CANDIDATES are ranked. A word in half of a million incidents then
  // costs a short walk, not a rank for every match. A kind with fewer is read whole by the text
  // index: told to order, PostgreSQL walked the time index for a rare word too (a second at a
  // million incidents), so whether a word is common is asked first, for a thousand rows at most.
  const common = async (table: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n
        from (select 1 from ${sql.table(table)} where search @@ ${query} limit ${CANDIDATES + 1}) m`.execute(db)
    ).rows[0]!.n > CANDIDATES;
  const bounded = async (kind: SearchHit['kind'], table: string, at: string, id: string) => {
    const cursor =
      newest && options.after
        ? sql`and ${searchCursor(options.after, true, sql.raw(at), sql`${kind}::text`, sql.raw(`${id}::text`))}`
        : sql``;
    if (!(await common(table))) return cursor;
    return newest
      ? sql`${cursor} order by ${sql.raw(at)} desc, ${sql.raw(id)} desc limit ${limit + 1}`
      : sql`order by ${sql.raw(at)} desc limit ${CANDIDATES}`;
  };
  const sources: Array<RawBuilder<unknown>> = [];
  if (wanted('report') && can(principal, 'reports:read'))
    sources.push(sql`(select 'report' as kind, id::text as id, null::text as incident_id, subject as title, status, tlp,
        received_at as at, ts_rank(search, ${query}) as rank, left(body, 20000) as body
      from reports where search @@ ${query} ${await bounded('report', 'reports', 'received_at', 'id')})`);
  if (can(principal, 'incidents:read') && (wanted('incident') || wanted('note'))) {
    // Outside the team, only incidents whose own text the gate lets them read are matched at all:
    // a hidden incident's words must not rank, match or appear in a snippet. Notes are the team's.
    const visible = await readableIncidentIds(db, principal, 'search');
    if (wanted('incident') && (visible === 'all' || visible.length > 0))
      sources.push(sql`(select 'incident' as kind, id::text as id, null::text as incident_id, title, phase as status, tlp,
          opened_at as at, ts_rank(search, ${query}) as rank, left(description, 20000) as body
        from incidents where search @@ ${query} ${
          // Outside the team the readable incidents are few already.
          visible === 'all' ? await bounded('incident', 'incidents', 'opened_at', 'id') : sql`and id in (${sql.join(visible)})`
        })`);
    if (wanted('note') && visible === 'all')
      sources.push(sql`(select 'note' as kind, n.id::text as id, n.incident_id::text as incident_id, i.title, i.phase as status, n.tlp,
          n.created_at as at, ts_rank(n.search, ${query}) as rank, left(n.body, 20000) as body
        from incident_notes n join incidents i on i.id = n.incident_id where n.search @@ ${query}
        ${await bounded('note', 'incident_notes', 'n.created_at', 'n.id')})`);
  }
  if (sources.length === 0) return { hits: [], next: null };
  const key = newest ? sql`at` : sql`rank`;
  const after = options.after ? searchCursor(options.after, newest) : sql`true`;
  const rows = await sql<SearchHit & { key: string }>`
    select kind, id, incident_id as "incidentId", title, status, tlp, at, rank,
           ${newest ? cursorTime('at') : sql`rank::text`} as key,
           ts_headline('simple', body, ${query}, ${HEADLINE}) as snippet
    from (select * from (${sql.join(sources, sql` union all `)}) matched
          where ${after} order by ${key} desc, kind desc, id desc limit ${limit + 1}) page
    order by ${key} desc, kind desc, id desc`.execute(db);
  const page = rows.rows.slice(0, limit);
  const last = page.at(-1);
  return {
    hits: page.map(({ key: _key, ...h }) => ({ ...h, rank: Number(h.rank), at: new Date(h.at).toISOString() })),
    next: rows.rows.length > limit && last ? opaqueCursor([last.key, last.kind, last.id]) : null,
  };
}

/**
 * The hits after a cursor in (sort value, kind, id) descending; ids compare as text, as the order
 * sorts them. Newest first, the time is compared on its own too, so that one kind's query reads
 * its time index from the cursor on (AT, KIND and ID name that query's columns).
 */
function searchCursor(
  cursor: string,
  newest: boolean,
  at: RawBuilder<unknown> = sql`at`,
  kindOf: RawBuilder<unknown> = sql`kind`,
  idOf: RawBuilder<unknown> = sql`id`,
): RawBuilder<boolean> {
  const [value, kind, id] = readOpaqueCursor(cursor, 'after');
  const valid =
    typeof value === 'string' &&
    (newest ? !Number.isNaN(Date.parse(value)) : Number.isFinite(Number(value))) &&
    (kind === 'report' || kind === 'incident' || kind === 'note') &&
    typeof id === 'string' &&
    /^[0-9a-f-]{1,36}$/.test(id);
  if (!valid) throw new ValidationError([{ field: 'after', reason: 'this is not a page cursor (take it from the page before)' }]);
  if (!newest) return sql<boolean>`(rank, kind, id) < (${value}::real, ${kind}, ${id})`;
  const time = sql`${value}::timestamptz`;
  return sql<boolean>`${at} <= ${time} and (${at} < ${time} or (${kindOf}, ${idOf}) < (${kind}, ${id}))`;
}

export interface Sighting {
  /** shared: an object a peer shared (STIX), by its id; feed: a feed that reported it, by the feed's name. */
  kind: 'report' | 'incident' | 'shared' | 'feed';
  id: string;
  title: string;
  /** When it was seen last (a feed: the newest event's time). */
  at: string;
  indicatorKind: string;
  /** A feed: how many events named it, and the oldest one's time. */
  events?: number;
  firstAt?: string;
}

/**
 * Every report, incident, object peers shared and (for those who may read feeds) feed that holds
 * this indicator, refanged and normalised first. A feed also counts where it named a network that
 * holds the address.
 */
export async function seenElsewhere(
  db: Kysely<Schema>,
  value: string,
  options: { feeds: boolean },
): Promise<{ value: string; warninglists: string[]; sightings: Sighting[] }> {
  const normalised = extractIndicators(value)[0]?.value ?? value.trim().toLowerCase();
  const reports = await db
    .selectFrom('report_indicators as ri')
    .innerJoin('reports as r', 'r.id', 'ri.report_id')
    .select(['r.id', 'r.subject', 'r.received_at', 'ri.kind'])
    .where('ri.value', '=', normalised)
    .orderBy('r.received_at', 'desc')
    .limit(200)
    .execute();
  const incidents = await db
    .selectFrom('observables as o')
    .innerJoin('incidents as i', 'i.id', 'o.incident_id')
    .select(['i.id', 'i.title', 'i.opened_at', 'o.kind'])
    .where('o.value', '=', normalised)
    .orderBy('i.opened_at', 'desc')
    .limit(200)
    .execute();
  // The newest version of each shared object that names it: one row per value and object, found by the value.
  const shared = await db
    .selectFrom('shared_object_indicators as si')
    .innerJoin('shared_objects as so', 'so.id', 'si.object_id')
    .distinctOn('so.id')
    .select(['so.id', 'so.type', 'so.name', 'so.imported_at', 'si.kind'])
    .where('si.value', '=', normalised)
    .orderBy('so.id')
    .orderBy('so.modified', 'desc')
    .limit(200)
    .execute();
  const feeds = options.feeds ? await feedSightings(db, normalised) : [];
  return {
    value: normalised,
    warninglists: await warninglistsOf(db, normalised),
    sightings: [
      ...incidents.map((i) => ({
        kind: 'incident' as const,
        id: i.id,
        title: i.title,
        at: new Date(i.opened_at).toISOString(),
        indicatorKind: i.kind,
      })),
      ...reports.map((r) => ({
        kind: 'report' as const,
        id: r.id,
        title: r.subject,
        at: new Date(r.received_at).toISOString(),
        indicatorKind: r.kind,
      })),
      ...shared.map((o) => ({
        kind: 'shared' as const,
        id: o.id,
        title: o.name || o.type,
        at: new Date(o.imported_at).toISOString(),
        indicatorKind: o.kind,
      })),
      ...feeds.map((f) => ({
        kind: 'feed' as const,
        id: f.feed,
        title: f.network ? `${f.feed} (${f.network})` : f.feed,
        at: f.lastSeen.toISOString(),
        indicatorKind: f.kind,
        events: f.events,
        firstAt: f.firstSeen.toISOString(),
      })),
    ],
  };
}

export interface Candidate {
  kind: 'report' | 'incident';
  id: string;
  title: string;
  reasons: string[];
}

/** For triage: reports and open incidents sharing an indicator or the sender with this report, within the window. */
export async function triageCandidates(db: Kysely<Schema>, reportId: string, windowDays = 30): Promise<Candidate[]> {
  const report = await db
    .selectFrom('reports')
    .select(['id', 'reporter_email', 'received_at'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!report) return [];
  const since = new Date(new Date(report.received_at).getTime() - windowDays * 86_400_000);
  // A value on a warninglist (a public resolver, an everyday domain) links nothing to anything.
  const notBenign = sql`not exists (select 1 from warninglist_entries w where w.value = ri.value)`;
  const byIndicator = await sql<{ kind: 'report' | 'incident'; id: string; title: string; value: string }>`
    select 'report' as kind, r.id::text as id, r.subject as title, ri2.value
    from report_indicators ri join report_indicators ri2 on ri2.value = ri.value and ri2.report_id <> ri.report_id
    join reports r on r.id = ri2.report_id
    where ri.report_id = ${reportId} and r.received_at >= ${since} and r.merged_into_id is null and ${notBenign}
    union all
    select 'incident', i.id::text, i.title, o.value
    from report_indicators ri join observables o on o.value = ri.value join incidents i on i.id = o.incident_id
    where ri.report_id = ${reportId} and i.merged_into_id is null and i.phase not in ('closed', 'rejected') and ${notBenign}
    union all
    select 'incident', i.id::text, i.title, ri2.value
    from report_indicators ri join report_indicators ri2 on ri2.value = ri.value and ri2.report_id <> ri.report_id
    join reports r on r.id = ri2.report_id join incidents i on i.id = r.incident_id
    where ri.report_id = ${reportId} and i.merged_into_id is null and i.phase not in ('closed', 'rejected') and ${notBenign}
    limit 500`.execute(db);
  const bySender = report.reporter_email
    ? await db
        .selectFrom('reports')
        .select(['id', 'subject', 'incident_id'])
        .where('reporter_email', '=', report.reporter_email)
        .where('id', '<>', reportId)
        .where('received_at', '>=', since)
        .where('merged_into_id', 'is', null)
        .limit(50)
        .execute()
    : [];
  const candidates = new Map<string, Candidate>();
  const add = (kind: Candidate['kind'], id: string, title: string, reason: string) => {
    const key = `${kind}:${id}`;
    const existing = candidates.get(key) ?? { kind, id, title, reasons: [] };
    if (!existing.reasons.includes(reason)) existing.reasons.push(reason);
    candidates.set(key, existing);
  };
  for (const row of byIndicator.rows) add(row.kind, row.id, row.title, `shares ${row.value}`);
  for (const row of bySender) add('report', row.id, row.subject, `same sender ${report.reporter_email}`);
  return [...candidates.values()].sort((a, b) => b.reasons.length - a.reasons.length).slice(0, 50);
}
