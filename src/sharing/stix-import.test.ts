/**
 * Importing peers' STIX 2.1 bundles: the official examples and Vakt's own export go in whole, each
 * object is reported, every TLP encoding is read, what is not a bundle is refused with nothing
 * stored, and what a peer shared is found again by "seen elsewhere".
 */
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { patternValues } from './stix-import.js';

const examples = new URL('../../test/fixtures/stix/', import.meta.url);
const example = (file: string) => readFileSync(new URL(file, examples), 'utf8');

type Outcome = { id: string; type: string; status: string; tlp: string | null; became: string; problems: string[] };
type Imported = { stored: number; unchanged: number; refused: number; objects: Outcome[] };

describeEachEngine('importing STIX 2.1 bundles', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  beforeAll(async () => {
    analyst = await loginAs('analyst');
  });
  const post = (body: string, type = 'application/json') =>
    analyst.request({ method: 'POST', url: '/api/shared-objects?source=test', payload: body, headers: { 'content-type': type } });
  const objectCount = async () =>
    Number(
      (
        await get()
          .db.selectFrom('shared_objects')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('keeps every object of the official examples whole, reports each, and finds their values again', async () => {
    for (const file of readdirSync(examples).filter((f) => f.endsWith('.json'))) {
      const text = example(file);
      const res = await post(text, 'application/stix+json;version=2.1');
      expect(res.statusCode, `${file}: ${res.body}`).toBe(200);
      const imported = res.json<Imported>();
      const objects = (JSON.parse(text) as { objects: Array<{ id: string }> }).objects;
      expect(imported.objects.map((o) => o.id)).toEqual(objects.map((o) => o.id));
      expect(imported.refused).toBe(0);
      expect(imported.objects.flatMap((o) => o.problems)).toEqual([]);
      // Kept whole: the stored object is the object sent.
      for (const object of objects) {
        const row = await get().db.selectFrom('shared_objects').select('object').where('id', '=', object.id).executeTakeFirstOrThrow();
        expect(JSON.parse(row.object)).toEqual(object);
      }
    }
    const again = (await post(example('indicator-for-c2-ip-address.json'))).json<Imported>();
    expect(again.stored).toBe(0);
    expect(again.unchanged).toBe(again.objects.length);
    const c2 = (
      JSON.parse(example('indicator-for-c2-ip-address.json')) as { objects: Array<{ type: string; pattern?: string }> }
    ).objects.find((o) => o.type === 'indicator')!;
    const value = patternValues(c2.pattern!)[0]!.value;
    const seen = (await analyst.request({ url: `/api/indicators/seen?value=${encodeURIComponent(value)}` })).json<{
      sightings: Array<{ kind: string; id: string }>;
    }>();
    expect(seen.sightings.filter((s) => s.kind === 'shared').length).toBeGreaterThan(0);
  });

  it('reads every marking, keeps custom and unknown parts, stores a new version, and says what became of each', async () => {
    const bundle = {
      type: 'bundle',
      id: 'bundle--6a2f0d3e-0000-4000-8000-000000000001',
      objects: [
        {
          type: 'indicator',
          spec_version: '2.1',
          id: 'indicator--6a2f0d3e-0000-4000-8000-000000000002',
          created: '2026-11-01T10:00:00.000Z',
          modified: '2026-11-01T10:00:00.000Z',
          name: 'Phishing kit',
          pattern:
            "[domain-name:value = 'kit.example.test'] OR [file:hashes.'SHA-256' = 'AA11BB22CC33DD44EE55FF6600112233445566778899AABBCCDDEEFF00112233'] OR [url:value LIKE '%evil%']",
          pattern_type: 'stix',
          valid_from: '2026-11-01T10:00:00Z',
          object_marking_refs: ['marking-definition--826578e1-40ad-459f-bc73-ede076f81f37'],
          x_peer_confidence: 'high',
        },
        {
          type: 'x-peer-ticket',
          id: 'x-peer-ticket--6a2f0d3e-0000-4000-8000-000000000003',
          created: '2026-11-01T10:00:00.000Z',
          modified: '2026-11-01T10:00:00.000Z',
          spec_version: '2.1',
          ticket: 'CERT-NO#4711',
          object_marking_refs: ['marking-definition--00000000-0000-4000-8000-00000000dead'],
        },
        {
          type: 'observed-data',
          id: 'observed-data--6a2f0d3e-0000-4000-8000-000000000004',
          created: '2026-11-01T10:00:00.000Z',
          modified: '2026-11-01T10:00:00.000Z',
          spec_version: '2.1',
          first_observed: '2026-11-01T09:00:00Z',
          last_observed: '2026-11-01T09:30:00Z',
          number_observed: 3,
          objects: { '0': { type: 'ipv4-addr', value: '198.51.100.77' } },
          object_marking_refs: ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'],
        },
        { type: 'indicator', name: 'no id at all' },
      ],
    };
    const imported = (await post(JSON.stringify(bundle))).json<Imported>();
    expect(imported.objects.map((o) => [o.status, o.tlp])).toEqual([
      ['stored', 'AMBER+STRICT'],
      ['stored', 'RED'],
      ['stored', 'CLEAR'],
      ['refused', null],
    ]);
    expect(imported.objects[0]!.became).toBe(
      'indicator values: domain kit.example.test, sha256 aa11bb22cc33dd44ee55ff6600112233445566778899aabbccddeeff00112233',
    );
    expect(imported.objects[1]!.became).toContain('its marking is unknown: read as TLP:RED');
    expect(imported.objects[2]!.became).toBe('indicator values: ipv4 198.51.100.77');
    expect(imported.objects[3]!.problems).toEqual(['no STIX id of its type']);
    const stored = await get()
      .db.selectFrom('shared_objects')
      .select('object')
      .where('id', '=', 'x-peer-ticket--6a2f0d3e-0000-4000-8000-000000000003')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.object)).toMatchObject({ ticket: 'CERT-NO#4711' });
    // A later version of the indicator is a new version, kept beside the first.
    const revised = { ...bundle, objects: [{ ...bundle.objects[0]!, modified: '2026-11-02T10:00:00.000Z', revoked: true }] };
    expect((await post(JSON.stringify(revised))).json<Imported>().stored).toBe(1);
    const versions = await get()
      .db.selectFrom('shared_objects')
      .select('modified')
      .where('id', '=', 'indicator--6a2f0d3e-0000-4000-8000-000000000002')
      .execute();
    expect(versions).toHaveLength(2);
  });

  it('refuses what is not a bundle with a clear problem, and stores nothing of it', async () => {
    const before = await objectCount();
    const whole = example('indicator-for-c2-ip-address.json');
    for (const [body, reason] of [
      [whole.slice(0, whole.length / 2), /not valid JSON/],
      ['{"type":"indicator"}', /is neither a STIX 2.1 bundle, a MISP event nor a MISP feed manifest/],
      ['[]', /is neither a STIX 2.1 bundle, a MISP event nor a MISP feed manifest/],
      ['"bundle"', /is neither a STIX 2.1 bundle, a MISP event nor a MISP feed manifest/],
      [`{"type":"bundle","objects":${JSON.stringify(Array.from({ length: 200_001 }, () => ({})))}}`, /more than 200000 objects/],
    ] as const) {
      const res = await post(body);
      expect(res.statusCode, String(body).slice(0, 40)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<{ errors?: Array<{ reason: string }>; detail: string }>().errors?.[0]?.reason ?? '').toMatch(reason);
    }
    expect(await objectCount()).toBe(before);
    const reader = await loginAs('read-only');
    expect(
      (
        await reader.request({
          method: 'POST',
          url: '/api/shared-objects',
          payload: whole,
          headers: { 'content-type': 'application/json' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("takes Vakt's own export back whole, and finds it by value", async () => {
    const incident = (
      await analyst.request({ method: 'POST', url: '/api/incidents', payload: { title: 'Round trip', tlp: 'GREEN' } })
    ).json<{ id: string }>().id;
    await analyst.request({
      method: 'POST',
      url: `/api/incidents/${incident}/observables`,
      payload: { kind: 'ipv4', value: '192.0.2.200', isIoc: true },
    });
    const bundle = (await analyst.request({ url: `/api/incidents/${incident}/stix?incident=true` })).body;
    const imported = (await post(bundle, 'application/stix+json;version=2.1')).json<Imported>();
    expect(imported.refused).toBe(0);
    expect(imported.objects.flatMap((o) => o.problems)).toEqual([]);
    expect(imported.objects.filter((o) => o.type !== 'marking-definition').map((o) => o.tlp)).toEqual([
      'CLEAR',
      'GREEN',
      'GREEN',
      'GREEN',
      'GREEN',
    ]);
    const seen = (await analyst.request({ url: '/api/indicators/seen?value=192.0.2%5B.%5D200' })).json<{
      sightings: Array<{ kind: string }>;
    }>();
    expect(seen.sightings.map((s) => s.kind).sort()).toEqual(['incident', 'shared', 'shared']);
  });

  it('opens an incident from a shared report or MISP event, with its indicator values as observables', async () => {
    const report = (
      await get()
        .db.selectFrom('shared_objects')
        .select('id')
        .where('type', '=', 'report')
        .where('name', '=', 'Round trip')
        .executeTakeFirstOrThrow()
    ).id;
    const opened = await analyst.request({ method: 'POST', url: `/api/shared-objects/${report}/incident` });
    expect(opened.statusCode, opened.body).toBe(201);
    const { id, observables } = opened.json<{ id: string; observables: number }>();
    expect(observables).toBe(1);
    const detail = (await analyst.request({ url: `/api/incidents/${id}` })).json<{
      incident: { title: string; tlp: string; description: string };
      observables: Array<{ kind: string; value: string; is_ioc: boolean; tlp: string }>;
    }>();
    expect(detail.incident).toMatchObject({
      title: 'Round trip',
      tlp: 'GREEN',
      description: expect.stringContaining(`From test: ${report}`),
    });
    expect(detail.observables).toEqual([expect.objectContaining({ kind: 'ipv4', value: '192.0.2.200', is_ioc: true, tlp: 'GREEN' })]);

    const misp = readFileSync(new URL('../../test/fixtures/misp/event-osint-sednit.json', import.meta.url), 'utf8');
    expect((await post(misp)).statusCode).toBe(200);
    const event = (await get().db.selectFrom('shared_objects').select('id').where('type', '=', 'misp-event').executeTakeFirstOrThrow()).id;
    const fromEvent = await analyst.request({ method: 'POST', url: `/api/shared-objects/${event}/incident` });
    expect(fromEvent.statusCode, fromEvent.body).toBe(201);
    expect(fromEvent.json<{ observables: number }>().observables).toBeGreaterThan(5);

    const indicator = (await get().db.selectFrom('shared_objects').select('id').where('type', '=', 'indicator').executeTakeFirstOrThrow())
      .id;
    const refused = await analyst.request({ method: 'POST', url: `/api/shared-objects/${indicator}/incident` });
    expect(refused.statusCode).toBe(400);
    expect(
      (await analyst.request({ method: 'POST', url: '/api/shared-objects/report--00000000-0000-4000-8000-000000000000/incident' }))
        .statusCode,
    ).toBe(404);
  });
});
