/**
 * Sharing: (1) an incident of 50,000 observables (half of them indicators) exported as a STIX bundle
 * of about 100,000 objects — egress gate, deterministic ids, schema validation — against
 * serialising the same objects alone; (2) that bundle imported (every object kept whole, its values
 * indexed) against parsing it alone; (3) a TAXII collection of 1,000,000 objects read page by page
 * over HTTP with `next` (requests/s, p99), checking that the union of the pages is the collection,
 * each object once; (4) a MISP feed of 10,000 events imported twice — the second fetches nothing.
 * Objects/s and peak RSS are printed for each; the sizes can be made smaller with BENCH_SHARING_*.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createApiToken } from '../src/auth/api-tokens.js';
import { createUser } from '../src/auth/users.js';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { createIncident } from '../src/incidents/incidents.js';
import { saveProfile } from '../src/profile/service.js';
import { importShared } from '../src/sharing/import-shared.js';
import { exportIncidentStix } from '../src/sharing/stix-export.js';
import demoProfile from '../src/demo/cert-stockholm.profile.json' with { type: 'json' };
import { onEachEngine, peakRss } from './engines.js';

const OBSERVABLES = Number(process.env.BENCH_SHARING_OBSERVABLES ?? 50_000);
const TAXII_OBJECTS = Number(process.env.BENCH_SHARING_TAXII ?? 1_000_000);
const FEED_EVENTS = Number(process.env.BENCH_SHARING_FEED ?? 10_000);
const PAGE = 1000;

async function timed<T>(body: () => Promise<T>): Promise<{ value: T; seconds: number; mb: number }> {
  const rss = peakRss();
  const start = performance.now();
  const value = await body();
  return { value, seconds: (performance.now() - start) / 1000, mb: rss.stop() };
}
const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString('en')}/s`;

await onEachEngine(async (engine, database) => {
  const { db } = database;
  await saveProfile(db, 'system:bench', demoProfile);

  // (1) Export.
  const incident = String((await createIncident(db, 'system:bench', { title: 'Botnet of the year', tlp: 'GREEN' })).id);
  await sql`insert into observables (incident_id, kind, value, is_ioc, tlp, description)
            select ${incident}, 'ipv4', '10.' || (i / 65536) || '.' || (i / 256 % 256) || '.' || (i % 256), i % 2 = 0, 'GREEN',
                   'Seen scanning port 3389 from a host of the botnet'
            from generate_series(1, ${OBSERVABLES}) as i`.execute(db);
  const exported = await timed(() =>
    exportIncidentStix(db, incident, { recipient: { kind: 'team' }, actor: 'system:bench', withIncident: true }),
  );
  const objects = exported.value.bundle.objects.length;
  const serialised = await timed(async () => JSON.stringify(exported.value.bundle));
  const text = serialised.value;
  console.log(
    `${engine}: STIX export of ${OBSERVABLES.toLocaleString('en')} observables: ${objects.toLocaleString('en')} objects (${(text.length / 1e6).toFixed(1)} MB) in ${exported.seconds.toFixed(2)} s (${rate(objects, exported.seconds)}), peak RSS ${exported.mb} MB; serialising alone ${serialised.seconds.toFixed(2)} s (${(exported.seconds / serialised.seconds).toFixed(0)}×)`,
  );

  // (2) Import.
  const parsed = await timed(async () => JSON.parse(text) as unknown);
  const imported = await timed(() => importShared(db, 'system:bench', text, 'bench'));
  const result = imported.value as { stored: number };
  console.log(
    `${engine}: STIX import of ${objects.toLocaleString('en')} objects: ${result.stored.toLocaleString('en')} stored in ${imported.seconds.toFixed(2)} s (${rate(objects, imported.seconds)}), peak RSS ${imported.mb} MB; parsing alone ${parsed.seconds.toFixed(2)} s (${(imported.seconds / parsed.seconds).toFixed(0)}×)`,
  );

  // (3) TAXII paging over HTTP.
  const collection = (
    await db
      .insertInto('taxii_collections')
      .values({ title: 'Bench', created_by: 'system:bench' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const filled = await timed(async () => {
    // Objects added a thousand to an instant: the cursor must break the ties.
    await sql`insert into taxii_objects (collection_id, id, version, type, spec_version, tlp, object, added_by, added_at)
              select ${collection}, 'indicator--' || lpad(to_hex(i), 8, '0') || '-0000-4000-8000-000000000000',
                     '2026-01-01T00:00:00.000Z', 'indicator', '2.1', 'GREEN',
                     '{"type":"indicator","spec_version":"2.1","id":"indicator--' || lpad(to_hex(i), 8, '0') || '-0000-4000-8000-000000000000","created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z","pattern":"[ipv4-addr:value = ''198.51.100.1'']","pattern_type":"stix","valid_from":"2026-01-01T00:00:00Z"}',
                     'system:bench', timestamptz '2026-01-01' + (i / 1000) * interval '1 millisecond'
              from generate_series(1, ${TAXII_OBJECTS}) as i`.execute(db);
    // As autovacuum would after a load this size (PGlite has none: the maintenance job does it there).
    await sql`analyze taxii_objects`.execute(db);
  });
  const user = await createUser(db, 'system:bench', {
    email: 'bench@team.test',
    name: 'Bench',
    role: 'analyst',
    password: 'a long enough password',
  });
  const token = (await createApiToken(db, user.id, { name: 'bench', scopes: ['read'] })).token;
  const app = await buildApp({ database, config: { ...loadConfig({}), webDir: '/nonexistent' } });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const headers = { authorization: `Bearer ${token}`, accept: 'application/taxii+json;version=2.1' };
  const seen = new Set<string>();
  const latencies: number[] = [];
  let repeated = 0;
  const paging = await timed(async () => {
    let next: string | undefined;
    do {
      const start = performance.now();
      const res = await fetch(
        `${base}/taxii2/api/collections/${collection}/objects/?limit=${PAGE}${next ? `&next=${encodeURIComponent(next)}` : ''}`,
        { headers },
      );
      const page = (await res.json()) as { more: boolean; next?: string; objects?: Array<{ id: string }> };
      latencies.push(performance.now() - start);
      for (const o of page.objects ?? []) {
        if (seen.has(o.id)) repeated++;
        seen.add(o.id);
      }
      next = page.more ? page.next : undefined;
      if (latencies.length % 100 === 0) process.stderr.write(`\r${engine}: ${seen.size.toLocaleString('en')} objects paged`);
    } while (next);
    process.stderr.write('\n');
  });
  await app.close();
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(
    `${engine}: TAXII paging over ${TAXII_OBJECTS.toLocaleString('en')} objects (loaded in ${filled.seconds.toFixed(1)} s): ${latencies.length} requests of ${PAGE} in ${paging.seconds.toFixed(1)} s (${rate(latencies.length, paging.seconds)} requests, ${rate(seen.size, paging.seconds)} objects), median ${p(0.5)} ms, p99 ${p(0.99)} ms, peak RSS ${paging.mb} MB; union of the pages ${seen.size === TAXII_OBJECTS && repeated === 0 ? 'equals the collection' : `DIFFERS: ${seen.size.toLocaleString('en')} distinct, ${repeated} repeated`}`,
  );

  // (4) A MISP feed imported twice.
  const dir = await mkdtemp(join(tmpdir(), 'vakt-bench-feed-'));
  try {
    const manifest: Record<string, unknown> = {};
    for (let e = 0; e < FEED_EVENTS; e++) {
      const uuid = `5c6f0000-0000-4000-8000-${String(e).padStart(12, '0')}`;
      const event = {
        uuid,
        info: `Phishing campaign ${e}`,
        date: '2026-11-01',
        timestamp: '1764000000',
        analysis: '2',
        threat_level_id: '2',
        Orgc: { name: 'Peer CERT', uuid: '5c6f0000-0000-4000-8000-000000000000' },
        Tag: [{ name: 'tlp:green' }],
        Attribute: Array.from({ length: 5 }, (_, a) => ({
          uuid: `5c6f${String(a).padStart(4, '0')}-0000-4000-8000-${String(e).padStart(12, '0')}`,
          type: a === 0 ? 'url' : a === 1 ? 'domain' : 'ip-dst',
          category: 'Network activity',
          value: a === 0 ? `https://login-${e}.phish.example/` : a === 1 ? `login-${e}.phish.example` : `198.51.${a}.${e % 256}`,
          to_ids: true,
          timestamp: '1764000000',
        })),
      };
      manifest[uuid] = { info: event.info, date: event.date, timestamp: event.timestamp, Orgc: event.Orgc, Tag: event.Tag };
      await writeFile(join(dir, `${uuid}.json`), JSON.stringify({ Event: event }));
    }
    await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    const read = (file: string) => readFile(file, 'utf8');
    for (const round of ['first', 'second'] as const) {
      const run = await timed(async () =>
        importShared(db, 'system:bench', await readFile(join(dir, 'manifest.json'), 'utf8'), dir, { base: `${dir}/`, read }),
      );
      const feed = run.value as { fetched: number; skipped: number };
      console.log(
        `${engine}: MISP feed of ${FEED_EVENTS.toLocaleString('en')} events, ${round} import: ${feed.fetched.toLocaleString('en')} fetched, ${feed.skipped.toLocaleString('en')} unchanged, in ${run.seconds.toFixed(2)} s${feed.fetched ? ` (${rate(feed.fetched, run.seconds)} events)` : ''}, peak RSS ${run.mb} MB`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
