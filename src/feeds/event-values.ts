/**
 * The addresses and domains feeds reported, one row per value and feed, for "seen elsewhere". A
 * run's values are added once it has ended (a job does it each minute), reading its own events by
 * the range of ids it recorded: the feed's hot path keeps its one index.
 */
import { sql, type Kysely } from 'kysely';
import { formatPrefix, networkOf, parseAddress } from '../constituency/ip.js';
import type { Schema } from '../db/schema.js';

/**
 * The highest event id there is: a run records it when it starts (its own events come after) and
 * when its batches have ended (its own events go no further).
 */
export const highestEventId = sql<string>`(select coalesce(max(id), 0) from events)`;

/** Events (by id) added in one transaction: on the embedded database one transaction holds everything else up. */
const CHUNK = 50_000;
/** Transactions one call runs at most: a backlog is worked off a call at a time. */
const CHUNKS_A_CALL = 200;

/**
 * Adds the values of ended runs, oldest first, a range of event ids at a time. Each range goes in
 * a transaction with the run's mark of how far it has got, so a value is counted exactly once
 * whichever worker takes it and wherever one stops. Returns the runs finished.
 */
export async function indexFeedEventValues(db: Kysely<Schema>, chunk = CHUNK): Promise<number> {
  let finished = 0;
  for (let i = 0; i < CHUNKS_A_CALL; i++) {
    const step = await db.transaction().execute(async (trx) => {
      const run = await trx
        .selectFrom('feed_runs')
        .select(['id', 'feed_id', 'values_after', sql<string>`coalesce(events_through, ${highestEventId})`.as('through')])
        .where('values_indexed_at', 'is', null)
        .where('status', '<>', 'running')
        .orderBy('finished_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!run) return 'none';
      const after = BigInt(run.values_after ?? 0);
      const upTo = after + BigInt(chunk) < BigInt(run.through) ? after + BigInt(chunk) : BigInt(run.through);
      if (run.feed_id && upTo > after) await addValues(trx, run.id, run.feed_id, after, upTo);
      const done = upTo >= BigInt(run.through);
      await trx
        .updateTable('feed_runs')
        .set({ values_after: upTo.toString(), events_through: run.through, ...(done ? { values_indexed_at: new Date() } : {}) })
        .where('id', '=', run.id)
        .execute();
      return done ? 'finished' : 'more';
    });
    if (step === 'none') break;
    if (step === 'finished') finished++;
  }
  return finished;
}

/** An address as "seen elsewhere" looks it up (a network keeps its length), or the domain. */
const VALUE = sql`case when e.source_ip is null then e.source_domain
  when masklen(e.source_ip) = case family(e.source_ip) when 4 then 32 else 128 end then host(e.source_ip)
  else text(e.source_ip) end`;
const KIND = sql`case when e.source_ip is null then 'domain' when family(e.source_ip) = 4 then 'ipv4' else 'ipv6' end`;

async function addValues(db: Kysely<Schema>, runId: string, feedId: string, after: bigint, upTo: bigint): Promise<void> {
  // Sorted, so that two runs adding the same values take their locks in the same order.
  await sql`
    insert into feed_event_values as v (value, kind, feed_id, first_seen, last_seen, events, stored_at)
    select ${VALUE}, ${KIND}, ${feedId}::uuid, min(e.time), max(e.time), count(*), now()
    from events e
    where e.id > ${after.toString()}::bigint and e.id <= ${upTo.toString()}::bigint
      and e.run_id = ${runId}::uuid and (e.source_ip is not null or e.source_domain is not null)
    group by 1, 2
    order by 1
    on conflict (value, feed_id) do update set
      first_seen = least(v.first_seen, excluded.first_seen),
      last_seen = greatest(v.last_seen, excluded.last_seen),
      events = v.events + excluded.events,
      stored_at = excluded.stored_at`.execute(db);
}

export interface FeedSighting {
  feed: string;
  kind: string;
  /** The block list's network that holds the address, where the feed named a network. */
  network?: string;
  firstSeen: Date;
  lastSeen: Date;
  events: number;
}

/**
 * The feeds that reported this value; for an address also the networks of a block list that hold
 * it (each prefix length looked up by its key, not by scanning the networks).
 */
export async function feedSightings(db: Kysely<Schema>, value: string): Promise<FeedSighting[]> {
  const rows = await db
    .selectFrom('feed_event_values as v')
    .innerJoin('feeds as f', 'f.id', 'v.feed_id')
    .select(['f.name', 'v.value', 'v.kind', 'v.first_seen', 'v.last_seen', 'v.events'])
    .where('v.value', 'in', [value, ...coveringNetworks(value)])
    .orderBy('v.last_seen', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    feed: r.name,
    kind: r.kind,
    ...(r.value === value ? {} : { network: r.value }),
    firstSeen: new Date(r.first_seen),
    lastSeen: new Date(r.last_seen),
    events: Number(r.events),
  }));
}

/** The networks (from /8 for IPv4, /16 for IPv6) that hold an address, written as PostgreSQL writes them. */
export function coveringNetworks(value: string): string[] {
  const address = parseAddress(value);
  if (!address) return [];
  const max = address.family === 4 ? 32 : 128;
  const networks: string[] = [];
  for (let length = address.family === 4 ? 8 : 16; length < max; length++) networks.push(formatPrefix(networkOf(address, length)));
  return networks;
}
