import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { createOrganisation } from '../constituency/organisations.js';
import { seenElsewhere } from '../incidents/search.js';
import { purge } from '../retention/purge.js';
import { coveringNetworks, indexFeedEventValues } from './event-values.js';
import { deleteFeed, saveFeed, type Feed } from './feeds.js';
import { closeInterruptedRuns, ingestFeed } from './pipeline.js';

const lines = (rows: object[]) => Readable.from([Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n'))]);
const at = (iso: string) => Date.parse(iso) / 1000;
const blocklist = (name: string) => ({
  name,
  format: 'json',
  source: { kind: 'upload' },
  tlp: 'GREEN',
  notify: 'never',
  mapping: {
    time: 'seen',
    timeFormat: 'epoch',
    sourceIp: 'ip',
    sourceDomain: 'url',
    rsitClass: { value: 'malicious-code' },
    rsitType: { value: 'c2-server' },
    identifier: 'kind',
  },
});

describe('the networks that hold an address', () => {
  it('names every network from /8 (IPv4) or /16 (IPv6) down, as PostgreSQL writes them', () => {
    const v4 = coveringNetworks('198.51.100.7');
    expect(v4).toHaveLength(24);
    expect(v4[0]).toBe('198.0.0.0/8');
    expect(v4).toContain('198.51.100.0/24');
    expect(v4.at(-1)).toBe('198.51.100.6/31');
    const v6 = coveringNetworks('2001:db8::7');
    expect(v6).toHaveLength(112);
    expect(v6).toContain('2001:db8::/32');
    expect(coveringNetworks('phish.example.net')).toEqual([]);
    expect(coveringNetworks('300.1.1.1')).toEqual([]);
  });
});

describeEachEngine('seen elsewhere over feed events', (get) => {
  const { loginAs } = useApp(get);
  let feed: Feed;

  const ingest = (rows: object[]) => ingestFeed(get().db, feed, { stream: lines(rows), source: 'upload.jsonl', actor: 'system:test' });
  const feedsSeen = async (value: string, feeds = true) =>
    (await seenElsewhere(get().db, value, { feeds })).sightings.filter((s) => s.kind === 'feed');

  beforeAll(async () => {
    await createOrganisation(get().db, 'system:test', { name: 'Seen Hosting AB', netblocks: [{ prefix: '198.51.100.0/24' }] });
    feed = await saveFeed(get().db, 'system:test', blocklist('blocklist'));
  });

  it('adds the addresses, networks and domains of an ended run once, and finds them by value', async () => {
    const run = await ingest([
      { seen: at('2026-11-01T10:00:00Z'), ip: '198.51.100.7', kind: 'a' },
      { seen: at('2026-11-03T10:00:00Z'), ip: '198.51.100.7', kind: 'b' },
      // The same event again: a duplicate, not a second sighting.
      { seen: at('2026-11-03T10:00:00Z'), ip: '198.51.100.7', kind: 'b' },
      { seen: at('2026-11-02T10:00:00Z'), ip: '2001:DB8:0:0::7', kind: 'a' },
      { seen: at('2026-11-02T10:00:00Z'), ip: '203.0.113.0/24', kind: 'a' },
      { seen: at('2026-11-02T10:00:00Z'), url: 'http://Phish.Example.NET/login', kind: 'a' },
    ]);
    expect(run).toMatchObject({ events: 5, duplicates: 1, unowned: 3 });
    // Added by the job, after the run: nothing yet.
    expect(await feedsSeen('198.51.100.7')).toEqual([]);
    // A few events at a time, each range in a transaction of its own, counts each event once.
    expect(await indexFeedEventValues(get().db, 2)).toBe(1);
    expect(await indexFeedEventValues(get().db)).toBe(0);

    expect(await feedsSeen('198.51.100[.]7')).toEqual([
      {
        kind: 'feed',
        id: 'blocklist',
        title: 'blocklist',
        at: '2026-11-03T10:00:00.000Z',
        firstAt: '2026-11-01T10:00:00.000Z',
        events: 2,
        indicatorKind: 'ipv4',
      },
    ]);
    expect(await feedsSeen('2001:db8::7')).toMatchObject([{ id: 'blocklist', events: 1, indicatorKind: 'ipv6' }]);
    expect(await feedsSeen('hxxp://phish[.]example[.]net/other')).toEqual([]);
    expect(await feedsSeen('phish[.]example[.]net')).toMatchObject([{ id: 'blocklist', events: 1, indicatorKind: 'domain' }]);
    // An address inside a network the block list named.
    expect(await feedsSeen('203.0.113.99')).toMatchObject([{ id: 'blocklist', title: 'blocklist (203.0.113.0/24)' }]);
    expect(await feedsSeen('192.0.2.1')).toEqual([]);
    // Only for those who may read feeds.
    expect(await feedsSeen('198.51.100.7', false)).toEqual([]);
  });

  it('counts later runs on, keeps the first sighting, and adds a run whose process died', async () => {
    await ingest([{ seen: at('2026-11-10T10:00:00Z'), ip: '198.51.100.7', kind: 'c' }]);
    // A run that never ended: not added until it is closed.
    const crashed = await ingest([{ seen: at('2026-11-12T10:00:00Z'), ip: '198.51.100.7', kind: 'd' }]);
    await get()
      .db.updateTable('feed_runs')
      .set({ status: 'running', finished_at: null, events_through: null, heartbeat_at: new Date(Date.now() - 11 * 60_000) })
      .where('id', '=', crashed.runId)
      .execute();
    expect(await indexFeedEventValues(get().db)).toBe(1);
    expect(await feedsSeen('198.51.100.7')).toMatchObject([
      { events: 3, firstAt: '2026-11-01T10:00:00.000Z', at: '2026-11-10T10:00:00.000Z' },
    ]);
    expect(await closeInterruptedRuns(get().db)).toBe(1);
    expect(await indexFeedEventValues(get().db)).toBe(1);
    expect(await feedsSeen('198.51.100.7')).toMatchObject([{ events: 4, at: '2026-11-12T10:00:00.000Z' }]);
    // Another feed that reported it is a sighting of its own.
    const other = await saveFeed(get().db, 'system:test', blocklist('sinkhole'));
    await ingestFeed(get().db, other, {
      stream: lines([{ seen: at('2026-11-20T10:00:00Z'), ip: '198.51.100.7', kind: 'x' }]),
      source: 'upload.jsonl',
      actor: 'system:test',
    });
    await indexFeedEventValues(get().db);
    expect((await feedsSeen('198.51.100.7')).map((s) => [s.id, s.events])).toEqual([
      ['sinkhole', 1],
      ['blocklist', 4],
    ]);
  });

  it('answers over HTTP, and goes with the feed and with its events under retention', async () => {
    const analyst = await loginAs('analyst');
    const seen = await analyst.request({ method: 'GET', url: '/api/indicators/seen?value=198.51.100.7' });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().sightings.filter((s: { kind: string }) => s.kind === 'feed')).toHaveLength(2);

    await deleteFeed(get().db, 'system:test', 'sinkhole');
    expect((await feedsSeen('198.51.100.7')).map((s) => s.id)).toEqual(['blocklist']);

    const later = new Date(Date.now() + 120 * 86_400_000);
    const done = await purge(get().db, { feedEvents: 90 }, { actor: 'system:test', now: later });
    expect(done.kinds.find((k) => k.kind === 'feedEvents')?.done).toBeGreaterThan(0);
    expect(await feedsSeen('198.51.100.7')).toEqual([]);
    expect(await get().db.selectFrom('feed_event_values').select('value').execute()).toEqual([]);
  });
});
