/**
 * The data generator of the incidents benchmark: N incidents spread over three years, each with 3
 * reports, 5 observables and 5 timeline entries, seven in ten closed, "ransomware" in four in ten
 * descriptions and "zebracorn" in one. Made by PostgreSQL itself, a batch a statement.
 */
import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../src/db/schema.js';

const BATCH = 50_000;
const THREE_YEARS_S = 3 * 365 * 86_400;

/** Loads N incidents with their reports, observables and timeline, a batch a statement, with progress on stderr. */
export async function seedIncidents(db: Kysely<Schema>, n: number): Promise<void> {
  const started = performance.now();
  for (let from = 1; from <= n; from += BATCH) {
    const to = Math.min(n, from + BATCH - 1);
    await sql`
      with inc as (
        insert into incidents (title, description, rsit_class, rsit_type, priority, phase, tlp, opened_at,
                               acknowledged_at, triaged_at, resolved_at, closed_at)
        select (array['Phishing against', 'Scanning from', 'Malware at', 'DDoS on', 'Defacement of', 'Data leak at'])[1 + g % 6]
                 || ' organisation ' || (g % 5000) || ' case ' || g,
               'Reported by the constituent. ' || case when g % 5 < 2 then 'Ransomware encrypted the file servers. ' else 'No encryption seen. ' end
                 || case when g % ${n} = ${Math.floor(n / 2)} then 'zebracorn ' else '' end || 'Contact the hosting provider.',
               (array['fraud', 'intrusions', 'malicious-code', 'availability', 'information-gathering'])[1 + g % 5], 'other',
               (array['low', 'normal', 'high', 'critical'])[1 + g % 4],
               case when g % 10 < 7 then 'closed' when g % 10 = 7 then 'triage' when g % 10 = 8 then 'containment' else 'recovery' end,
               (array['GREEN', 'AMBER', 'AMBER', 'RED'])[1 + g % 4],
               o, o + interval '10 minutes', o + interval '40 minutes',
               case when g % 10 < 7 then o + interval '2 days' end, case when g % 10 < 7 then o + interval '3 days' end
        from generate_series(${from}::int, ${to}::int) g,
             lateral (select now() - make_interval(secs => ${THREE_YEARS_S}::double precision * (${n} - g) / ${n}) as o) t
        returning id, opened_at, title, description),
      rep as (
        insert into reports (channel, status, incident_id, subject, body, reporter_email, tlp, tlp_source, received_at, triaged_at, created_by)
        select 'email', 'incident', inc.id, 'Re: ' || inc.title, inc.description || ' Report ' || k, 'reporter' || (inc.id % 5000) || '@example.net',
               'AMBER', 'default', inc.opened_at + make_interval(mins => k), inc.opened_at + interval '40 minutes', 'bench'
        from inc, generate_series(1, 3) k
        returning 1),
      obs as (
        insert into observables (incident_id, kind, value, tlp)
        select inc.id, 'ipv4', '198.' || ((inc.id * 5 + k) >> 16 & 255) || '.' || ((inc.id * 5 + k) >> 8 & 255) || '.' || ((inc.id * 5 + k) & 255), 'GREEN'
        from inc, generate_series(1, 5) k
        returning 1),
      tl as (
        insert into timeline_events (incident_id, occurred_at, kind, summary, tlp, created_by)
        select inc.id, inc.opened_at + make_interval(hours => k), 'note', 'Step ' || k || ' of the handling', 'GREEN', 'bench'
        from inc, generate_series(1, 5) k
        returning 1)
      select (select count(*) from rep) + (select count(*) from obs) + (select count(*) from tl) as n`.execute(db);
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write(`\rseeding: ${to.toLocaleString('en')} of ${n.toLocaleString('en')} incidents (${seconds.toFixed(0)} s)`);
  }
  process.stderr.write('\n');
  await sql`analyze`.execute(db);
  console.log(
    `seeded ${n.toLocaleString('en')} incidents, ${(n * 3).toLocaleString('en')} reports, ${(n * 5).toLocaleString('en')} observables and as many timeline entries in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
}
