/**
 * Full-text search over 100,000 reports on each engine: median and p99 latency of two-word
 * queries through the same function the API uses. Baseline in the same process: counting the
 * matches of one word without the full-text index (ILIKE), as a search without it would have to.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { search } from '../src/incidents/search.js';
import { onEachEngine, percentile } from './engines.js';

const N = Number(process.env.BENCH_REPORTS ?? 100_000);
const Q = 300;
const WORDS = [
  'phishing',
  'ransomware',
  'scanning',
  'botnet',
  'defacement',
  'ddos',
  'malware',
  'credential',
  'leak',
  'vulnerability',
  'exchange',
  'vpn',
  'printer',
  'school',
  'hospital',
  'water',
  'library',
  'municipality',
  'firewall',
  'backup',
  'outage',
  'spam',
  'sinkhole',
  'beacon',
  'exfiltration',
  'rdp',
  'smb',
  'ssh',
  'mailbox',
  'invoice',
];
const analyst = { userId: 'bench', email: 'bench@x', name: 'bench', role: 'analyst' as const, organisationId: null };

await onEachEngine(async (engine, database) => {
  const { db } = database;
  const t0 = performance.now();
  const words = `array[${WORDS.map((w) => `'${w}'`).join(',')}]`;
  for (let from = 0; from < N; from += 20_000) {
    await sql`
      insert into reports (channel, subject, body, tlp, tlp_source, received_at, created_by)
      select 'email',
             (${sql.raw(words)})[1 + (g * 7) % ${WORDS.length}::int] || ' at ' || (${sql.raw(words)})[1 + (g * 13) % ${WORDS.length}::int] || ' #' || g,
             repeat((${sql.raw(words)})[1 + (g * 17) % ${WORDS.length}::int] || ' observed from 198.51.100.' || (g % 250) || ' ', 20),
             'AMBER', 'default', now() - (g || ' minutes')::interval, 'bench'
      from generate_series(${from}::int, ${Math.min(N, from + 20_000) - 1}::int) g`.execute(db);
  }
  await sql`analyze reports`.execute(db);
  console.log(`[${engine}] ${N.toLocaleString('en')} reports loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < Q; i++) {
    const q = `${WORDS[(i * 7) % WORDS.length]} ${WORDS[(i * 11) % WORDS.length]}`;
    const start = performance.now();
    hits += (await search(db, analyst, q, { limit: 50 })).hits.length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${`search, ${Q} two-word queries [${engine}]`.padEnd(56)} median ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms (${hits} hits)`,
  );
  const base: number[] = [];
  for (let i = 0; i < 20; i++) {
    const word = WORDS[(i * 7) % WORDS.length]!;
    const start = performance.now();
    await sql`select count(*) from reports where subject ilike ${`%${word}%`} or body ilike ${`%${word}%`}`.execute(db);
    base.push(performance.now() - start);
  }
  base.sort((a, b) => a - b);
  console.log(
    `${`  baseline: ILIKE without the index, 20 queries [${engine}]`.padEnd(56)} median ${percentile(base, 0.5).toFixed(1)} ms, p99 ${percentile(base, 0.99).toFixed(1)} ms`,
  );
});
