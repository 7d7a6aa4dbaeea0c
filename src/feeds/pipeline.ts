/**
 * A feed run: parse → normalise → route → de-duplicate → aggregate → store, one line at a time
 * with back-pressure. The next chunk of the file is read only when there is room for its events
 * among the batches waiting to be stored, so a file of any size runs in the memory of a few batches. A row that cannot be read is counted and
 * reported (its line and why); the rest of the feed continues. Events nobody in the constituency
 * owns are stored and counted, never dropped. A repeated event (same feed, organisation, address,
 * port and identifier within the feed's de-duplication window) is stored once, so running the
 * same file twice, or again after a crash, adds nothing.
 */
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError } from '../core/errors.js';
import { lineChunks } from '../core/lines.js';
import { checkRsit } from '../core/taxonomies.js';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { formatAddress, formatPrefix, parseAddress, parsePrefix, isPrefix, type Address, type Prefix } from '../constituency/ip.js';
import { constituencyIndex, type ConstituencyIndex } from '../constituency/lookup-index.js';
import { normaliseDomain } from '../constituency/domain.js';
import { splitCsvLine } from './csv-line.js';
import { highestEventId } from './event-values.js';
import { hash64, type DedupKey } from './dedup-key.js';
import { compileMapping, parseFeedTime, type CompiledMapping, type Mapping } from './mapping.js';
import { detectShadowserverReport } from './shadowserver.js';

export interface FeedSpec {
  id: string | null;
  name: string;
  format: string;
  tlp: TlpLabel;
  mapping?: Mapping;
  /** Overrides the class and type the format or mapping gives. */
  rsit?: { class: string; type: string };
  dedupHours: number;
}

function withFeedRsit(mapping: Mapping, feed: FeedSpec): Mapping {
  return feed.rsit ? { ...mapping, rsitClass: { value: feed.rsit.class }, rsitType: { value: feed.rsit.type } } : mapping;
}

export interface RunCounts {
  bytes: number;
  rows: number;
  events: number;
  duplicates: number;
  unowned: number;
  malformed: number;
  /** Rows the report lists that its mapping's condition says are no finding (scan_ssl with ssl_poodle=N). */
  skipped: number;
}

export interface BadRow {
  line: number;
  reason: string;
}

export interface RunSummary extends RunCounts {
  runId: string;
  feed: string;
  report?: string;
  /** Why the report was read generically, when it was. */
  warning?: string;
  status: 'ok' | 'failed';
  badRows: BadRow[];
  byOrganisation: Record<string, number>;
  error?: string;
  seconds: number;
}

/** Time spent per stage, for the benchmark. */
export interface StageTimes {
  parse: number;
  normalise: number;
  route: number;
  store: number;
}

export interface IngestInput {
  /** The bytes of the feed file (already gunzipped). */
  stream: AsyncIterable<Buffer | string>;
  /** A name for the run log and for recognising the report (file name, URL, mail attachment). */
  source: string;
  totalBytes?: number;
  bytesRead?: () => number;
  actor: string;
  onProgress?: (counts: RunCounts, totalBytes?: number) => void;
  stageTimes?: StageTimes;
  batchSize?: number;
  maxLineBytes?: number;
}

const MAX_BAD_ROWS_KEPT = 100;
const SAMPLE_EVERY = 16;
/**
 * No feed row holds control characters (JSON escapes them; a CSV provider has no reason to):
 * one that does is refused, which also keeps NUL (PostgreSQL text cannot hold it) and the record
 * separator the batch is joined by out of the database.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const PROGRESS_EVERY_MS = 2000;
const LANES = 2;
const DEPTH = 2;

/**
 * Events to store, a column each, named as in the insert below ('' for none). Columns, not an
 * object per event: a batch lives long enough to be moved out of the young generation, and a
 * million short-lived objects with their boxed numbers kept the garbage collector busy.
 */
class EventBatch {
  readonly o: string[] = [];
  /** Milliseconds since the epoch. */
  readonly t: number[] = [];
  readonly ip: string[] = [];
  readonly d: string[] = [];
  readonly p: string[] = [];
  readonly a: string[] = [];
  readonly g: string[] = [];
  readonly pr: string[] = [];
  readonly rc: string[] = [];
  readonly rt: string[] = [];
  readonly i: string[] = [];
  /** The de-duplication key's high (signed) and low (unsigned) 32 bits. */
  readonly kh: number[] = [];
  readonly kl: number[] = [];
  readonly b: number[] = [];
  /** The row as received. */
  readonly r: string[] = [];

  get size(): number {
    return this.o.length;
  }

  add(org: string, e: Normalised, key: DedupKey, bucket: number, raw: string): void {
    this.o.push(org);
    this.t.push(e.time.getTime());
    this.ip.push(e.ip ?? '');
    this.d.push(e.domain ?? '');
    this.p.push(e.port ?? '');
    this.a.push(e.asn ?? '');
    this.g.push(e.geo ?? '');
    this.pr.push(e.protocol ?? '');
    this.rc.push(e.rsitClass);
    this.rt.push(e.rsitType);
    this.i.push(e.identifier);
    this.kh.push(key.hi);
    this.kl.push(key.lo);
    this.b.push(bucket);
    this.r.push(raw);
  }

  /** Each column joined by the record separator. */
  joined(): Record<'o' | 't' | 'ip' | 'd' | 'p' | 'a' | 'g' | 'pr' | 'rc' | 'rt' | 'i' | 'kh' | 'kl' | 'b' | 'r', string> {
    const join = (values: ReadonlyArray<string | number>) => values.join('\u001e');
    return {
      o: join(this.o),
      t: join(this.t),
      ip: join(this.ip),
      d: join(this.d),
      p: join(this.p),
      a: join(this.a),
      g: join(this.g),
      pr: join(this.pr),
      rc: join(this.rc),
      rt: join(this.rt),
      i: join(this.i),
      kh: join(this.kh),
      kl: join(this.kl),
      b: join(this.b),
      r: join(this.r),
    };
  }
}

/**
 * A batch goes to the database as one text per column, its values joined by the record separator
 * (U+001E, which no row holds: see CONTROL) and split by PostgreSQL; '' stands for null. Arrays
 * as parameters cost more than storing did (node-postgres escapes every element, PostgreSQL
 * parses every quote): measured, 16,000 rows/s with the raw rows in a text array against
 * 40,000 joined, before the events table lost its foreign keys. PostgreSQL sorts the batch in
 * the order of the unique index (organisation, key, bucket) before adding it: entries added in
 * order take less time (10.6 s a million against 12.4 s), the sort costs less there than in
 * JavaScript, where the process has the rest of the pipeline to run, and two batches that share
 * keys take their locks in the same order.
 */
async function store(db: Kysely<Schema>, feed: FeedSpec, runId: string, batch: EventBatch): Promise<Map<string | null, number>> {
  const c = batch.joined();
  const result = await sql<{ organisation_id: string | null; n: string }>`
    with ins as (
      insert into events (feed_id, run_id, organisation_id, time, source_ip, source_domain, source_port, asn, geo, protocol, rsit_class, rsit_type, identifier, tlp, dedup_key, dedup_bucket, raw)
      select ${feed.id}::uuid, ${runId}::uuid, o::uuid, to_timestamp(t::double precision / 1000), ip::inet, d, p::integer, a::bigint, g, pr, rc, rt, coalesce(i, ''), ${feed.tlp},
             (kh::bigint << 32) | kl::bigint, b::bigint, r
      from unnest(string_to_array(${c.o}, chr(30), ''), string_to_array(${c.t}, chr(30)), string_to_array(${c.ip}, chr(30), ''),
                  string_to_array(${c.d}, chr(30), ''), string_to_array(${c.p}, chr(30), ''), string_to_array(${c.a}, chr(30), ''), string_to_array(${c.g}, chr(30), ''),
                  string_to_array(${c.pr}, chr(30), ''), string_to_array(${c.rc}, chr(30)), string_to_array(${c.rt}, chr(30)),
                  string_to_array(${c.i}, chr(30)), string_to_array(${c.kh}, chr(30)), string_to_array(${c.kl}, chr(30)),
                  string_to_array(${c.b}, chr(30)), string_to_array(${c.r}, chr(30)))
        as u(o, t, ip, d, p, a, g, pr, rc, rt, i, kh, kl, b, r)
      order by 3, 15, 16
      on conflict (organisation_id, dedup_key, dedup_bucket) do nothing
      returning organisation_id)
    select organisation_id, count(*) as n from ins group by organisation_id`.execute(db);
  return new Map(result.rows.map((r) => [r.organisation_id, Number(r.n)]));
}

/** Rows of a JSON Lines file as arrays over the columns the mapping names (dotted paths allowed). */
function jsonColumns(mapping: Mapping): string[] {
  const refs = [
    mapping.time,
    mapping.sourceIp,
    mapping.sourceDomain,
    mapping.sourcePort,
    mapping.asn,
    mapping.geo,
    mapping.protocol,
    mapping.rsitClass,
    mapping.rsitType,
    mapping.identifier,
  ];
  const names = refs.flatMap((ref) =>
    !ref ? [] : typeof ref === 'string' ? [ref] : 'column' in ref ? [ref.column] : 'columns' in ref ? ref.columns : [],
  );
  return [...new Set([...names, ...(mapping.finding ? [mapping.finding.column] : []), ...(mapping.requiredColumns ?? [])])];
}

function pathValue(object: unknown, path: string): string {
  let value: unknown = object;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return '';
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

interface Reader {
  /** The mapping for this file and the report it was recognised as. */
  mapping: CompiledMapping;
  report?: string;
  warning?: string;
  /** A CSV file's header, kept on the run so that its events' raw lines can be read. */
  columns?: string[];
  /** A row from one line, or why it is not one. */
  row(text: string): { fields: readonly string[] } | { reason: string };
}

function csvReader(feed: FeedSpec, header: string[], source: string): Reader {
  const columns = header.map((h) => h.trim());
  let mapping: Mapping;
  let report: string | undefined;
  let warning: string | undefined;
  if (feed.format.startsWith('shadowserver')) {
    const named = feed.format.includes(':') ? feed.format.slice(feed.format.indexOf(':') + 1) : undefined;
    const detected = detectShadowserverReport(columns, source, named);
    mapping = detected.mapping;
    report = detected.name;
    warning = detected.warning;
  } else {
    if (!feed.mapping)
      throw new ValidationError([{ field: 'mapping', reason: `feed ${feed.name} has no mapping for its ${feed.format} rows` }]);
    mapping = feed.mapping;
  }
  const compiled = compileMapping(withFeedRsit(mapping, feed), columns);
  return {
    mapping: compiled,
    ...(report ? { report } : {}),
    ...(warning ? { warning } : {}),
    columns,
    row(text) {
      const split = splitCsvLine(text);
      if (!split.ok) return { reason: split.reason };
      // Providers add columns to a report before every row carries them (the samples show it):
      // missing trailing fields are empty; extra fields mean the row is not what the header says.
      if (split.fields.length > columns.length) return { reason: `${split.fields.length} fields where the header has ${columns.length}` };
      return split;
    },
  };
}

function jsonReader(feed: FeedSpec): Reader {
  if (!feed.mapping) throw new ValidationError([{ field: 'mapping', reason: `feed ${feed.name} has no mapping for its JSON rows` }]);
  const columns = jsonColumns(feed.mapping);
  const compiled = compileMapping(withFeedRsit({ ...feed.mapping, requiredColumns: [] }, feed), columns);
  return {
    mapping: compiled,
    row(text) {
      let object: unknown;
      try {
        object = JSON.parse(text);
      } catch (error) {
        return { reason: `not JSON: ${(error as Error).message.slice(0, 80)}` };
      }
      if (object === null || typeof object !== 'object' || Array.isArray(object)) return { reason: 'not a JSON object' };
      const fields = columns.map((c) => pathValue(object, c));
      // The line itself has none (JSON escapes them), but a value may: "\u0000" is valid JSON.
      return fields.some((f) => CONTROL.test(f)) ? { reason: 'a control character in a value' } : { fields };
    },
  };
}

interface Normalised {
  time: Date;
  ip: string | null;
  /** The address or network as parsed, for routing: parsed once, here. */
  target: Address | Prefix | null;
  domain: string | null;
  port: string | null;
  asn: string | null;
  geo: string | null;
  protocol: string | null;
  rsitClass: string;
  rsitType: string;
  identifier: string;
}

const rsitChecked = new Map<string, boolean>();

function normalise(m: CompiledMapping, row: readonly string[]): Normalised | string {
  const timeText = m.time(row);
  const time = parseFeedTime(timeText, m.timeFormat);
  if (!time) return `"${timeText.slice(0, 40)}" is not a time`;
  const ipText = m.sourceIp(row).trim();
  let target: Address | Prefix | null = null;
  if (ipText) {
    // Block lists name whole networks: a prefix routes like an address.
    const prefix = ipText.includes('/') ? parsePrefix(ipText) : undefined;
    target = prefix ? (prefix.ok ? prefix.prefix : null) : (parseAddress(ipText) ?? null);
    if (!target) return `"${ipText.slice(0, 60)}" is not an IP address`;
  }
  const domainText = m.sourceDomain(row).trim();
  let domain: string | null = null;
  if (!target && domainText) {
    // A URL routes by its host, a mail address (a leaked account) by its domain.
    const host = /^[a-z][a-z0-9+.-]*:\/\//i.test(domainText) ? safeHost(domainText) : domainText.slice(domainText.lastIndexOf('@') + 1);
    target = host ? (parseAddress(host.replace(/^\[(.*)\]$/, '$1')) ?? null) : null;
    if (!target) domain = host ? (normaliseDomain(host) ?? null) : null;
  }
  const ip = target ? (isPrefix(target) ? formatPrefix(target) : formatAddress(target)) : null;
  if (!ip && !domain)
    return ipText || domainText ? `"${(ipText || domainText).slice(0, 60)}" is neither an address nor a domain` : 'no source address';
  const portText = m.sourcePort(row).trim();
  if (portText && !(/^\d{1,5}$/.test(portText) && Number(portText) <= 65535)) return `"${portText.slice(0, 20)}" is not a port`;
  const asnText = m.asn(row).trim().replace(/^AS/i, '');
  if (asnText && !(/^\d{1,10}$/.test(asnText) && Number(asnText) <= 4294967295)) return `"${asnText.slice(0, 20)}" is not an AS number`;
  const rsitClass = m.rsitClass(row).trim();
  const rsitType = m.rsitType(row).trim();
  const pair = `${rsitClass}/${rsitType}`;
  let ok = rsitChecked.get(pair);
  if (ok === undefined) {
    ok = checkRsit(rsitClass, rsitType).length === 0 && rsitClass !== '' && rsitType !== '';
    if (rsitChecked.size < 1000) rsitChecked.set(pair, ok);
  }
  if (!ok) return `"${pair.slice(0, 60)}" is not an RSIT class and type`;
  const geo = m.geo(row).trim().toUpperCase();
  return {
    time,
    ip,
    target,
    domain,
    port: portText || null,
    asn: asnText || null,
    geo: /^[A-Z]{2}$/.test(geo) ? geo : null,
    protocol: m.protocol(row).trim().toLowerCase().slice(0, 20) || null,
    rsitClass,
    rsitType,
    identifier: m.identifier(row).trim().toLowerCase().slice(0, 100),
  };
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

function route(index: ConstituencyIndex, event: Normalised): string[] {
  const owners = event.target ? index.ownersOf(event.target) : event.domain ? index.ownersOfDomain(event.domain) : undefined;
  if (!owners) return [];
  return owners.length === 1 ? [owners[0]!.organisationId] : [...new Set(owners.map((o) => o.organisationId))];
}

function dedupKey(feed: string, org: string, e: Normalised): DedupKey {
  return hash64(`${feed}\u0000${org}\u0000${e.ip ?? e.domain}\u0000${e.port ?? ''}\u0000${e.identifier}\u0000${e.rsitType}`);
}

/**
 * Collects events into batches and stores them while the next rows are read. Events go to one of
 * LANES lanes by their de-duplication key, and a lane stores one batch at a time: PostgreSQL
 * takes the lanes on separate connections, and two batches of a run in flight never hold the same
 * key, so neither waits for the other's commit to learn whether its event is new. Up to DEPTH
 * full batches wait their turn in a lane, so that reading does not stop each time PostgreSQL
 * commits; a lane with DEPTH waiting holds up reading. The bound on memory is DEPTH + 1 batches a
 * lane.
 */
class EventWriter {
  private readonly lanes = Array.from({ length: LANES }, () => ({ batch: new EventBatch(), queued: [] as Array<Promise<void>> }));

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly feed: FeedSpec,
    private readonly runId: string,
    private readonly counts: RunCounts,
    readonly byOrganisation: Map<string, number>,
    private readonly batchSize: number,
    private readonly times?: StageTimes,
  ) {
    if (batchSize < 1) throw new RangeError('a batch holds at least one event');
  }

  /** Adds an event; when that fills its lane, returns a promise of room for more (an await per event costs). */
  add(org: string, event: Normalised, key: DedupKey, bucket: number, raw: string): Promise<void> | undefined {
    const lane = this.lanes[key.lo % LANES]!;
    lane.batch.add(org, event, key, bucket, raw);
    return lane.batch.size >= this.batchSize ? this.send(lane) : undefined;
  }

  private async send(lane: EventWriter['lanes'][number]): Promise<void> {
    while (lane.queued.length >= DEPTH) await lane.queued.shift();
    const batch = lane.batch;
    lane.batch = new EventBatch();
    // After the lane's previous batch, and not at all if that one failed.
    const pending = (lane.queued.at(-1) ?? Promise.resolve()).then(() => this.store(batch));
    // Observed at once so a failure is never an unhandled rejection; awaited when the lane is full or done.
    pending.catch(() => undefined);
    lane.queued.push(pending);
  }

  /** Stores what is left and waits for every batch. */
  async finish(): Promise<void> {
    for (const lane of this.lanes) if (lane.batch.size > 0) await this.send(lane);
    await Promise.all(this.lanes.flatMap((lane) => lane.queued.splice(0)));
  }

  /** After a failure: lets the batches in flight end, whatever they do. */
  async abandon(): Promise<void> {
    await Promise.allSettled(this.lanes.flatMap((lane) => lane.queued.splice(0)));
  }

  private async store(rows: EventBatch): Promise<void> {
    const t0 = performance.now();
    const inserted = await storeRetryingDeadlocks(this.db, this.feed, this.runId, rows);
    let stored = 0;
    for (const [org, n] of inserted) {
      stored += n;
      if (org) this.byOrganisation.set(org, (this.byOrganisation.get(org) ?? 0) + n);
      else this.counts.unowned += n;
    }
    this.counts.events += stored;
    this.counts.duplicates += rows.size - stored;
    if (this.times) this.times.store += performance.now() - t0;
  }
}

/**
 * Batches take their keys' locks in index order, so they should not deadlock; should PostgreSQL
 * cancel one all the same (nothing of it is stored), it is tried again.
 */
async function storeRetryingDeadlocks(
  db: Kysely<Schema>,
  feed: FeedSpec,
  runId: string,
  rows: EventBatch,
): Promise<Map<string | null, number>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store(db, feed, runId, rows);
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt === 3) throw error;
    }
  }
}

async function startRun(db: Kysely<Schema>, feed: FeedSpec, source: string, actor: string): Promise<string> {
  const row = await db
    .insertInto('feed_runs')
    .values({
      feed_id: feed.id,
      feed_name: feed.name,
      format: feed.format,
      source: source.slice(0, 1000),
      status: 'running',
      started_by: actor,
      values_after: highestEventId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function recordProgress(db: Kysely<Schema>, runId: string, c: RunCounts): Promise<void> {
  await db
    .updateTable('feed_runs')
    .set({
      bytes: c.bytes,
      rows_read: c.rows,
      events: c.events,
      duplicates: c.duplicates,
      unowned: c.unowned,
      malformed: c.malformed,
      skipped: c.skipped,
      heartbeat_at: new Date(),
    })
    .where('id', '=', runId)
    .execute();
}

export async function ingestFeed(db: Kysely<Schema>, feed: FeedSpec, input: IngestInput): Promise<RunSummary> {
  const started = Date.now();
  const runId = await startRun(db, feed, input.source, input.actor);
  const counts: RunCounts = { bytes: 0, rows: 0, events: 0, duplicates: 0, unowned: 0, malformed: 0, skipped: 0 };
  const badRows: BadRow[] = [];
  const times = input.stageTimes;
  // Stage times, for the benchmark, from one row in SAMPLE_EVERY: a clock read per stage and row cost a few per cent.
  const clock = (timed: boolean) => (timed ? performance.now() : 0);
  const bad = (line: number, reason: string) => {
    counts.malformed++;
    if (badRows.length < MAX_BAD_ROWS_KEPT) badRows.push({ line, reason });
  };
  let report: string | undefined;
  let warning: string | undefined;
  const writer = new EventWriter(db, feed, runId, counts, new Map(), input.batchSize ?? 5000, times);
  const byOrganisation = writer.byOrganisation;
  try {
    const index = await constituencyIndex(db);
    const bucketMs = feed.dedupHours * 3_600_000;
    let reader: Reader | undefined;
    let lastProgress = Date.now();
    const progress = async () => {
      counts.bytes = input.bytesRead?.() ?? counts.bytes;
      if (Date.now() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = Date.now();
      await recordProgress(db, runId, counts);
      input.onProgress?.(counts, input.totalBytes);
    };
    for await (const chunk of lineChunks(input.stream, input.maxLineBytes ?? 1024 * 1024))
      for (const line of chunk) {
        if (!input.bytesRead) counts.bytes += line.text.length + 1;
        if (line.tooLong) {
          counts.rows++;
          bad(line.number, 'line too long');
          continue;
        }
        const text = line.number === 1 ? line.text.replace(/^\uFEFF/, '') : line.text;
        if (text.trim() === '') continue;
        if (!reader) {
          if (feed.format === 'json') {
            if (text.trimStart().startsWith('['))
              throw new ValidationError([
                { field: 'file', reason: 'a JSON array: give JSON Lines, one event object per line, so that any size streams' },
              ]);
            reader = jsonReader(feed);
          } else {
            const header = splitCsvLine(text);
            if (!header.ok) throw new ValidationError([{ field: 'header', reason: `line ${line.number}: ${header.reason}` }]);
            reader = csvReader(feed, header.fields, input.source);
            report = reader.report;
            warning = reader.warning;
            await db
              .updateTable('feed_runs')
              .set({ columns: reader.columns!, warnings: warning ? [warning] : [] })
              .where('id', '=', runId)
              .execute();
            continue;
          }
        }
        counts.rows++;
        const timed = times !== undefined && counts.rows % SAMPLE_EVERY === 0;
        const t = clock(timed);
        const row = CONTROL.test(text) ? { reason: 'a control character in the row' } : reader.row(text);
        const t1 = clock(timed);
        if (timed) times.parse += (t1 - t) * SAMPLE_EVERY;
        if ('reason' in row) {
          bad(line.number, row.reason);
          continue;
        }
        if (!reader.mapping.isFinding(row.fields)) {
          counts.skipped++;
          continue;
        }
        const event = normalise(reader.mapping, row.fields);
        const t2 = clock(timed);
        if (timed) times.normalise += (t2 - t1) * SAMPLE_EVERY;
        if (typeof event === 'string') {
          bad(line.number, event);
          continue;
        }
        const owners = route(index, event);
        if (timed) times.route += (clock(timed) - t2) * SAMPLE_EVERY;
        const bucket = Math.floor(event.time.getTime() / bucketMs);
        for (const org of owners.length > 0 ? owners : ['']) {
          const room = writer.add(org, event, dedupKey(feed.name, org, event), bucket, text);
          if (room) await room;
        }
        if (counts.rows % 1000 === 0) await progress();
      }
    await writer.finish();
    if (!reader) throw new ValidationError([{ field: 'file', reason: 'the file is empty' }]);
    counts.bytes = input.bytesRead?.() ?? counts.bytes;
    const summary: RunSummary = {
      runId,
      feed: feed.name,
      ...(report ? { report } : {}),
      ...(warning ? { warning } : {}),
      status: 'ok',
      ...counts,
      badRows,
      byOrganisation: Object.fromEntries(byOrganisation),
      seconds: (Date.now() - started) / 1000,
    };
    await finishRun(db, summary, input.actor);
    input.onProgress?.(counts, input.totalBytes);
    return summary;
  } catch (error) {
    await writer.abandon();
    const summary: RunSummary = {
      runId,
      feed: feed.name,
      ...(report ? { report } : {}),
      status: 'failed',
      ...counts,
      badRows,
      byOrganisation: Object.fromEntries(byOrganisation),
      error: (error as Error).message.slice(0, 2000),
      seconds: (Date.now() - started) / 1000,
    };
    await finishRun(db, summary, input.actor).catch(() => undefined);
    throw error;
  }
}

async function finishRun(db: Kysely<Schema>, s: RunSummary, actor: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('feed_runs')
      .set({
        status: s.status,
        finished_at: new Date(),
        bytes: s.bytes,
        rows_read: s.rows,
        events: s.events,
        duplicates: s.duplicates,
        unowned: s.unowned,
        malformed: s.malformed,
        skipped: s.skipped,
        bad_rows: JSON.stringify(s.badRows),
        by_organisation: JSON.stringify(s.byOrganisation),
        error: s.error ?? null,
        events_through: highestEventId,
      })
      .where('id', '=', s.runId)
      .execute();
    const owned = Object.entries(s.byOrganisation);
    await notifiable(
      trx,
      s.runId,
      sql`select o::uuid as organisation_id, n from unnest(${owned.map(([o]) => o)}::text[], ${owned.map(([, n]) => n)}::integer[]) as u(o, n)`,
    );
    await appendAudit(trx, {
      actor,
      action: s.status === 'ok' ? 'feed.run' : 'feed.fail',
      objectType: 'feed-run',
      objectId: s.runId,
      after: {
        feed: s.feed,
        report: s.report ?? null,
        rows: s.rows,
        events: s.events,
        duplicates: s.duplicates,
        unowned: s.unowned,
        malformed: s.malformed,
        skipped: s.skipped,
        warning: s.warning ?? null,
        error: s.error ?? null,
      },
    });
  });
}

/**
 * What a run stored for each organisation (`counts`: organisation_id, n), waiting for its
 * notification. Organisations deleted during the run are left out: their events are unowned. The
 * end is kept to the millisecond, as JavaScript dates carry it, so that a notification's period
 * taken from it includes it.
 */
async function notifiable(trx: Transaction<Schema>, runId: string, counts: RawBuilder<unknown>): Promise<void> {
  await sql`insert into run_organisations (run_id, organisation_id, feed_id, events, finished_at)
    select r.id, c.organisation_id, r.feed_id, c.n, date_trunc('milliseconds', now())
    from (${counts}) c join organisations o on o.id = c.organisation_id join feed_runs r on r.id = ${runId}
    on conflict do nothing`.execute(trx);
}

/**
 * A run whose process died (no progress for `staleMinutes`) is failed, and the events it had
 * stored become notifiable as those of a run that ended: none is left unnotified.
 */
export async function closeInterruptedRuns(db: Kysely<Schema>, staleMinutes = 10): Promise<number> {
  const stale = await db
    .selectFrom('feed_runs')
    .select(['id', 'feed_name'])
    .where('status', '=', 'running')
    .where(sql<boolean>`heartbeat_at < now() - make_interval(mins => ${staleMinutes})`)
    .execute();
  for (const run of stale) {
    await db.transaction().execute(async (trx) => {
      const error = `interrupted: no progress for ${staleMinutes} minutes`;
      const closed = await trx
        .updateTable('feed_runs')
        .set({ status: 'failed', finished_at: new Date(), error, events_through: highestEventId })
        .where('id', '=', run.id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (closed.numUpdatedRows === 0n) return;
      await notifiable(
        trx,
        run.id,
        sql`select organisation_id, count(*)::integer as n from events where run_id = ${run.id} and organisation_id is not null group by 1`,
      );
      await appendAudit(trx, {
        actor: 'system:feeds',
        action: 'feed.fail',
        objectType: 'feed-run',
        objectId: run.id,
        after: { feed: run.feed_name, error },
      });
    });
  }
  return stale.length;
}
