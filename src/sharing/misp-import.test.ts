/**
 * MISP events and feeds from peers: PyMISP's example events (objects, an older export with
 * galaxies) go in whole, attribute by attribute with the TLP their tags give; Vakt's own export comes
 * back and is found by value; a feed is read by its manifest and only what changed is fetched.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { importMispFeed } from './misp-import.js';

const fixture = (file: string) => readFileSync(new URL(`../../test/fixtures/misp/${file}`, import.meta.url), 'utf8');
type Imported = {
  format: string;
  stored: number;
  unchanged: number;
  objects: Array<{ id: string; type: string; tlp: string; became: string }>;
};

describeEachEngine('importing MISP events and feeds', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  beforeAll(async () => {
    analyst = await loginAs('analyst');
  });
  const post = (body: string) =>
    analyst.request({ method: 'POST', url: '/api/shared-objects', payload: body, headers: { 'content-type': 'application/json' } });

  it("keeps PyMISP's example events whole, attribute by attribute, with the TLP of their tags", async () => {
    for (const file of ['event-samsam-objects.json', 'event-osint-sednit.json', 'event-objects-references-minimal.json']) {
      const res = await post(fixture(file));
      expect(res.statusCode, `${file}: ${res.body}`).toBe(200);
      const imported = res.json<Imported>();
      expect(imported.format).toBe('misp-event');
      expect(imported.objects[0]?.type).toBe('misp-event');
      expect(imported.objects.filter((o) => o.type === 'misp-attribute').length).toBeGreaterThan(0);
    }
    const sednit = (await post(fixture('event-osint-sednit.json'))).json<Imported>();
    expect(sednit.stored).toBe(0);
    // tlp:white is read as TLP:CLEAR; the event's domains and hashes are indexed.
    expect(new Set(sednit.objects.map((o) => o.tlp))).toEqual(new Set(['CLEAR']));
    const domain = sednit.objects.find((o) => /indicator values: domain /.test(o.became))!;
    const value = /indicator values: domain (\S+)/.exec(domain.became)![1]!;
    const seen = (await analyst.request({ url: `/api/indicators/seen?value=${encodeURIComponent(value)}` })).json<{
      sightings: Array<{ kind: string }>;
    }>();
    expect(seen.sightings.some((s) => s.kind === 'shared')).toBe(true);
  });

  it('narrows by an attribute’s own tag, reads an unknown tlp: tag as RED, splits composite types, and keeps each version', async () => {
    const event = (timestamp: string) => ({
      Event: {
        uuid: '7e57e7e5-0000-4000-8000-000000000001',
        info: 'Phishing against the municipality',
        timestamp,
        Tag: [{ name: 'tlp:green' }, { name: 'PAP:AMBER' }],
        Attribute: [
          { uuid: '7e57e7e5-0000-4000-8000-000000000002', type: 'domain|ip', value: 'login.example.test|198.51.100.99', timestamp },
          {
            uuid: '7e57e7e5-0000-4000-8000-000000000003',
            type: 'filename|sha256',
            value: `invoice.pdf.exe|${'ab'.repeat(32)}`,
            Tag: [{ name: 'tlp:amber' }],
          },
          { uuid: '7e57e7e5-0000-4000-8000-000000000004', type: 'ip-dst|port', value: '203.0.113.77|443', Tag: [{ name: 'tlp:ex:chr' }] },
          { uuid: '7e57e7e5-0000-4000-8000-000000000005', type: 'comment', value: 'seen in three mailboxes', x_unknown: { kept: true } },
        ],
      },
    });
    const first = (await post(JSON.stringify(event('1764000000')))).json<Imported>();
    expect(first.objects.map((o) => [o.type, o.tlp, o.became])).toEqual([
      ['misp-event', 'GREEN', 'kept whole, no indicator value'],
      ['misp-attribute', 'GREEN', 'indicator values: domain login.example.test, ipv4 198.51.100.99'],
      ['misp-attribute', 'AMBER', `indicator values: sha256 ${'ab'.repeat(32)}`],
      ['misp-attribute', 'RED', 'indicator values: ipv4 203.0.113.77 (its tlp: tag is unknown: read as TLP:RED)'],
      ['misp-attribute', 'GREEN', 'kept whole, no indicator value'],
    ]);
    const kept = await get()
      .db.selectFrom('shared_objects')
      .select('object')
      .where('id', '=', 'misp-attribute--7e57e7e5-0000-4000-8000-000000000005')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(kept.object)).toMatchObject({ x_unknown: { kept: true } });
    const newer = (await post(JSON.stringify(event('1764100000')))).json<Imported>();
    expect(newer.objects[0]).toMatchObject({ type: 'misp-event' });
    expect(newer.stored).toBeGreaterThanOrEqual(2);
    for (const body of ['{"Event": {"info": 3}}', '{"foo": 1}', '[1,2]', '{"7e57e7e5-0000-4000-8000-000000000001": {"info": "a feed"}}']) {
      const res = await post(body);
      expect(res.statusCode, body).toBe(400);
    }
  });

  it("takes Vakt's own MISP export back, and finds it by value", async () => {
    const incident = (
      await analyst.request({ method: 'POST', url: '/api/incidents', payload: { title: 'Round trip', tlp: 'CLEAR' } })
    ).json<{ id: string }>().id;
    await analyst.request({
      method: 'POST',
      url: `/api/incidents/${incident}/observables`,
      payload: { kind: 'domain', value: 'roundtrip.example.test', isIoc: true },
    });
    const event = (await analyst.request({ url: `/api/incidents/${incident}/misp?incident=true` })).body;
    const imported = (await post(event)).json<Imported>();
    expect(imported.objects.map((o) => [o.type, o.tlp])).toEqual([
      ['misp-event', 'CLEAR'],
      ['misp-attribute', 'CLEAR'],
    ]);
    const seen = (await analyst.request({ url: '/api/indicators/seen?value=roundtrip.example.test' })).json<{
      sightings: Array<{ kind: string }>;
    }>();
    expect(seen.sightings.map((s) => s.kind).sort()).toEqual(['incident', 'shared']);
  });

  it('reads a feed by its manifest, and fetches only the events that changed', async () => {
    const { db } = get();
    const eventFile = (uuid: string, timestamp: string, value: string) =>
      JSON.stringify({
        Event: {
          uuid,
          info: `Feed event ${value}`,
          timestamp,
          Tag: [{ name: 'tlp:clear' }],
          Attribute: [{ uuid: `${uuid.slice(0, -1)}a`, type: 'url', value }],
        },
      });
    const [a, b] = ['5eed0000-0000-4000-8000-000000000001', '5eed0000-0000-4000-8000-000000000002'];
    const files = new Map<string, string>([
      [`${a}.json`, eventFile(a, '1764000000', 'https://a.example.test/x')],
      [`${b}.json`, eventFile(b, '1764000000', 'https://b.example.test/y')],
    ]);
    const manifest = () =>
      JSON.stringify(
        Object.fromEntries(
          [a, b].map((uuid) => [
            uuid,
            { info: 'x', timestamp: (JSON.parse(files.get(`${uuid}.json`)!) as { Event: { timestamp: string } }).Event.timestamp },
          ]),
        ),
      );
    const asked: string[] = [];
    const read = async (url: string) => {
      asked.push(url);
      const text = files.get(url.slice('https://feed.test/'.length));
      if (!text) throw new Error(`${url}: HTTP 404`);
      return text;
    };
    expect(await importMispFeed(db, 'system:test', manifest(), 'https://feed.test/', read)).toMatchObject({
      events: 2,
      fetched: 2,
      skipped: 0,
      failed: [],
    });
    asked.length = 0;
    expect(await importMispFeed(db, 'system:test', manifest(), 'https://feed.test/', read)).toMatchObject({ fetched: 0, skipped: 2 });
    expect(asked).toEqual([]);
    files.set(`${b}.json`, eventFile(b, '1764200000', 'https://b.example.test/z'));
    expect(await importMispFeed(db, 'system:test', manifest(), 'https://feed.test/', read)).toMatchObject({ fetched: 1, skipped: 1 });
    expect(asked).toEqual([`https://feed.test/${b}.json`]);
    const gone = JSON.stringify({ ...(JSON.parse(manifest()) as object), [a]: { info: 'x', timestamp: '1764300000' } });
    files.delete(`${a}.json`);
    const outcome = await importMispFeed(db, 'system:test', gone, 'https://feed.test/', read);
    expect(outcome.failed).toEqual([{ uuid: a, reason: `https://feed.test/${a}.json: HTTP 404` }]);
    await expect(importMispFeed(db, 'system:test', '{"truncated": ', 'https://feed.test/', read)).rejects.toThrow(/not valid JSON/);
  });
});
