/**
 * A generated 1,000,000-row open-service scan report (scan_rdp columns) through the whole feed
 * pipeline (parse → normalise → route → de-duplicate → aggregate → store) on each engine, against
 * a constituency of 10,000 organisations: events/s per stage and overall, and peak RSS. The file
 * is written to disk first and streamed, as a real feed is. Targets: ≥ 100,000 events/s end to
 * end into PostgreSQL; peak RSS under 500 MB whatever the file size (BENCH_FEED_ROWS=… to try).
 * Then what the job does after a run, off the feed's path: its distinct addresses added for "seen
 * elsewhere".
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { sql } from 'kysely';
import { indexFeedEventValues } from '../src/feeds/event-values.js';
import { ingestFeed, type StageTimes } from '../src/feeds/pipeline.js';
import { openMaybeGzip } from '../src/core/lines.js';
import { onEachEngineInOwnProcess, peakRss } from './engines.js';

/**
 * `feed-shaped` (bench/feed-shaped.ts) loads this module again as `feed.js?shape=shadowserver`: a
 * 100,000-row report shaped as Shadowserver sends it — all 32 columns of scan_rdp, every field
 * quoted, certificate fingerprints, 700-odd bytes a row — whose addresses are nine in ten outside
 * the constituency. The shape reaches the engines' processes in BENCH_FEED_SHAPE.
 */
const SHAPED = new URL(import.meta.url).searchParams.get('shape') === 'shadowserver' || process.env.BENCH_FEED_SHAPE === 'shadowserver';
process.env.BENCH_FEED_SHAPE = SHAPED ? 'shadowserver' : '';
const ROWS = SHAPED ? Number(process.env.BENCH_FEED_SHAPED_ROWS ?? 100_000) : Number(process.env.BENCH_FEED_ROWS ?? 1_000_000);
const ORGS = 10_000;

const SHAPED_HEADER =
  '"timestamp","ip","port","hostname","tag","handshake","asn","geo","region","city","rdp_protocol","cert_length","subject_common_name","issuer_common_name","cert_issue_date","cert_expiration_date","sha1_fingerprint","cert_serial_number","ssl_version","signature_algorithm","key_algorithm","sha256_fingerprint","sha512_fingerprint","md5_fingerprint","naics","sic","sector","tlsv13_support","tlsv13_cipher","cve20190708_vulnerable","bluekeep_vulnerable","jarm"\n';
const hex = (i: number, bytes: number) =>
  Array.from({ length: bytes }, (_, b) =>
    (((i * 2654435761 + b * 40503) >>> (b % 24)) & 255).toString(16).padStart(2, '0').toUpperCase(),
  ).join(':');

/** A row as Shadowserver writes it: every field quoted; one address in ten inside the constituency. */
function shapedRow(i: number): string {
  const org = (i * 7919) % ORGS;
  const ip =
    i % 10 === 0
      ? `10.${org >> 8}.${org & 255}.${(i >> 3) & 255}`
      : `${100 + ((i >> 16) % 100)}.${(i >> 8) & 255}.${i & 255}.${(i * 7) & 255}`;
  const second = String(i % 60).padStart(2, '0');
  const fields = [
    `2026-11-20 03:${String((i >> 6) % 60).padStart(2, '0')}:${second}`,
    ip,
    '3389',
    `host-${i}.example.net`,
    'rdp',
    '',
    String(64500 + (i % 1000)),
    'SE',
    'STOCKHOLM',
    'STOCKHOLM',
    'RDP',
    '2048',
    `SRV${i}.corp${i % 97}.local`,
    `SRV${i}.corp${i % 97}.local`,
    '2026-04-29 02:22:06',
    '2026-10-29 02:22:06',
    hex(i, 20),
    hex(i + 1, 16).replaceAll(':', ''),
    '2',
    'sha256WithRSAEncryption',
    'rsaEncryption',
    hex(i + 2, 32),
    hex(i + 3, 64),
    hex(i + 4, 16),
    '517311',
    '0',
    'Communications',
    'N',
    '',
    'N',
    'N',
    '',
  ];
  return `${fields.map((f) => `"${f}"`).join(',')}\n`;
}

const BENCH_HEADER =
  '"timestamp","ip","port","hostname","tag","handshake","asn","geo","region","city","rdp_protocol","cert_length","subject_common_name","issuer_common_name","naics","sic","sector"\n';

/** The benchmark's own row: few columns, numbers unquoted; four addresses in five inside the constituency. */
function benchRow(i: number): string {
  const owned = i % 5 !== 0;
  const org = (i * 7919) % ORGS;
  const ip = owned ? `10.${org >> 8}.${org & 255}.${(i >> 3) & 255}` : `100.${64 + (i % 64)}.${(i >> 6) & 255}.${i & 255}`;
  const minute = String(i % 60).padStart(2, '0');
  return `"2026-11-20 03:${minute}:00","${ip}",3389,,"rdp",,64500,"SE","STOCKHOLM","STOCKHOLM","RDP",2048,"host${i}.example.se","host${i}.example.se",517311,0,"Communications"\n`;
}

/** The report in the shape asked for, into FILE; each organisation holds one /24 in 10.0.0.0/8. Returns its size. */
async function writeScan(file: string): Promise<number> {
  const out = createWriteStream(file);
  const [header, row] = SHAPED ? [SHAPED_HEADER, shapedRow] : [BENCH_HEADER, benchRow];
  out.write(header);
  let bytes = header.length;
  for (let i = 0; i < ROWS; i++) {
    const line = row(i);
    bytes += line.length;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

await onEachEngineInOwnProcess(
  import.meta.url,
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vakt-bench-feed-'));
    const file = join(dir, '2026-11-20-scan_rdp-bench.csv');
    const bytes = await writeScan(file);
    console.log(
      `generated ${ROWS.toLocaleString('en')} rows (${(bytes / 1e6).toFixed(0)} MB${SHAPED ? `, ${Math.round(bytes / ROWS)} bytes a row, every field quoted, 9 in 10 unowned` : ''})`,
    );
    return { input: file, cleanup: () => rm(dir, { recursive: true, force: true }) };
  },
  async (engine, database, file) => {
    const { db } = database;
    // The constituency straight into its tables: 10,000 organisations with one /24 each.
    await sql`insert into organisations (name, kind, category) select 'Org ' || g, 'constituent', 'company' from generate_series(0, ${ORGS - 1}::int) g`.execute(
      db,
    );
    await sql`insert into org_netblocks (organisation_id, prefix)
      select o.id, ('10.' || (g >> 8) || '.' || (g & 255) || '.0/24')::cidr
      from generate_series(0, ${ORGS - 1}::int) g join organisations o on o.name = 'Org ' || g`.execute(db);
    await sql`update constituency_state set generation = generation + 1`.execute(db);
    const rssBefore = Math.round(process.memoryUsage().rss / 1e6);
    // PostgreSQL shares this machine's two cores with the process feeding it, so one run can be
    // off by a tenth either way: the median of three, each into an emptied table, is reported.
    const repeats = engine === 'postgres' ? 3 : 1;
    const runs: Array<{ seconds: number; times: StageTimes; summary: Awaited<ReturnType<typeof ingestFeed>> }> = [];
    const rss = peakRss();
    for (let i = 0; i < repeats; i++) {
      if (i > 0) await sql`truncate events, run_organisations`.execute(db);
      const times: StageTimes = { parse: 0, normalise: 0, route: 0, store: 0 };
      const opened = await openMaybeGzip(file);
      const start = performance.now();
      const summary = await ingestFeed(
        db,
        { id: null, name: 'bench', format: 'shadowserver', tlp: 'AMBER', dedupHours: 24 },
        { stream: opened.stream, source: file, bytesRead: opened.bytesRead, totalBytes: opened.size, actor: 'bench', stageTimes: times },
      );
      runs.push({ seconds: (performance.now() - start) / 1000, times, summary });
    }
    const peak = rss.stop();
    // Truncated before each run: only the last one's events are left.
    const last = runs.at(-1)!.summary;
    const rateOf = (r: (typeof runs)[number]) => r.summary.rows / r.seconds;
    runs.sort((a, b) => a.seconds - b.seconds);
    const { seconds, times, summary: run } = runs[Math.floor(runs.length / 2)]!;
    const perStage = (ms: number) => `${Math.round(ROWS / (ms / 1000)).toLocaleString('en')}/s`;
    const rate = run.rows / seconds;
    const spread =
      repeats > 1 ? ` (median of ${repeats} runs: ${runs.map((r) => Math.round(rateOf(r)).toLocaleString('en')).join(', ')})` : '';
    console.log(
      `[${engine}] ${run.rows.toLocaleString('en')} rows → ${run.events.toLocaleString('en')} events (${run.unowned.toLocaleString('en')} of them unowned; ${run.duplicates.toLocaleString('en')} duplicates, ${run.malformed} malformed) in ${seconds.toFixed(1)} s: ${Math.round(rate).toLocaleString('en')} rows/s end to end${spread}`,
    );
    console.log(
      `[${engine}] per stage: parse ${perStage(times.parse)}, normalise ${perStage(times.normalise)}, route ${perStage(times.route)}, de-duplicate + aggregate + store ${perStage(times.store)} (per lane; two lanes store while the next rows are read)`,
    );
    await valuesOfRun(engine, database.db, last.runId, last.events);
    console.log(
      `[${engine}] RSS ${rssBefore} MB before the run, peak ${peak} MB (${rss.parts()}; target < 500 MB: ${peak < 500 ? 'met' : 'NOT met'})${engine === 'postgres' ? `; target ≥ 100,000 events/s: ${rate >= 100_000 ? 'met' : 'NOT met'}` : ''}`,
    );
  },
);

/** One run, under a feed of its own (the runs above had none), added for "seen elsewhere". */
async function valuesOfRun(engine: string, db: Parameters<typeof indexFeedEventValues>[0], runId: string, events: number): Promise<void> {
  const feed = await sql<{
    id: string;
  }>`insert into feeds (name, format, source, tlp) values ('bench', 'shadowserver', '{"kind":"upload"}', 'AMBER') returning id`.execute(db);
  await sql`update feed_runs set values_indexed_at = now() where id <> ${runId}`.execute(db);
  await sql`update feed_runs set feed_id = ${feed.rows[0]!.id} where id = ${runId}`.execute(db);
  const start = performance.now();
  await indexFeedEventValues(db);
  const seconds = (performance.now() - start) / 1000;
  const values = await sql<{ n: string }>`select count(*) as n from feed_event_values`.execute(db);
  console.log(
    `[${engine}] seen elsewhere: the run's ${Number(values.rows[0]!.n).toLocaleString('en')} distinct addresses from ${events.toLocaleString('en')} events added in ${seconds.toFixed(1)} s by the job after it (${Math.round(events / seconds).toLocaleString('en')} events/s; not part of the figure above)`,
  );
}
