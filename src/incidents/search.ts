/**
 * Full-text search over reports and incidents (PostgreSQL text search, the same on PGlite), and
 * the retro-hunt: where else has this indicator been seen?
 */
import { sql, type Kysely } from 'kysely';
import type { Principal } from '../auth/roles.js';
import { can } from '../auth/roles.js';
import type { Schema } from '../db/schema.js';
import { extractIndicators } from '../intake/indicators.js';
import { readableIncidentIds } from './visibility.js';

export interface SearchHit {
  kind: 'report' | 'incident';
  id: string;
  title: string;
  status: string;
  tlp: string;
  at: string;
  rank: number;
  snippet: string;
}

export async function search(db: Kysely<Schema>, principal: Principal, q: string, limit = 50): Promise<SearchHit[]> {
  const text = q.trim().slice(0, 500);
  if (!text) return [];
  const query = sql`websearch_to_tsquery('simple', ${text})`;
  const hits: SearchHit[] = [];
  if (can(principal, 'reports:read')) {
    const reports = await sql<SearchHit>`
      select 'report' as kind, id::text as id, subject as title, status, tlp, received_at as at, ts_rank(search, ${query}) as rank,
             ts_headline('simple', left(body, 20000), ${query}, 'MaxWords=20, MinWords=5, StartSel=«, StopSel=»') as snippet
      from reports where search @@ ${query} order by rank desc, id desc limit ${limit}`.execute(db);
    hits.push(...reports.rows);
  }
  if (can(principal, 'incidents:read')) {
    // Outside the team, only incidents whose own text the gate lets them read are matched at all:
    // a hidden incident's words must not rank, match or appear in a snippet.
    const visible = await readableIncidentIds(db, principal, 'search');
    if (visible === 'all' || visible.length > 0) {
      const incidents = await sql<SearchHit>`
        select 'incident' as kind, id::text as id, title, phase as status, tlp, opened_at as at, ts_rank(search, ${query}) as rank,
               ts_headline('simple', left(description, 20000), ${query}, 'MaxWords=20, MinWords=5, StartSel=«, StopSel=»') as snippet
        from incidents where search @@ ${query} ${visible === 'all' ? sql`` : sql`and id in (${sql.join(visible)})`}
        order by rank desc, id desc limit ${limit}`.execute(db);
      hits.push(...incidents.rows);
    }
  }
  return hits
    .map((h) => ({ ...h, rank: Number(h.rank), at: new Date(h.at).toISOString() }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, limit);
}

export interface Sighting {
  kind: 'report' | 'incident';
  id: string;
  title: string;
  at: string;
  indicatorKind: string;
}

/** Every report and incident that holds this indicator (refanged and normalised first). */
export async function seenElsewhere(db: Kysely<Schema>, value: string): Promise<{ value: string; sightings: Sighting[] }> {
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
  return {
    value: normalised,
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
  const byIndicator = await sql<{ kind: 'report' | 'incident'; id: string; title: string; value: string }>`
    select 'report' as kind, r.id::text as id, r.subject as title, ri2.value
    from report_indicators ri join report_indicators ri2 on ri2.value = ri.value and ri2.report_id <> ri.report_id
    join reports r on r.id = ri2.report_id
    where ri.report_id = ${reportId} and r.received_at >= ${since} and r.merged_into_id is null
    union all
    select 'incident', i.id::text, i.title, o.value
    from report_indicators ri join observables o on o.value = ri.value join incidents i on i.id = o.incident_id
    where ri.report_id = ${reportId} and i.merged_into_id is null and i.phase not in ('closed', 'rejected')
    union all
    select 'incident', i.id::text, i.title, ri2.value
    from report_indicators ri join report_indicators ri2 on ri2.value = ri.value and ri2.report_id <> ri.report_id
    join reports r on r.id = ri2.report_id join incidents i on i.id = r.incident_id
    where ri.report_id = ${reportId} and i.merged_into_id is null and i.phase not in ('closed', 'rejected')
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
