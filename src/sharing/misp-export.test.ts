/**
 * An incident as a MISP event: attributes of the right MISP types and categories, TLP/PAP/RSIT
 * tags, distribution from TLP, the same uuid on every export (MISP updates the event in place), a
 * peer's profile and the egress gate deciding what goes in, and the MISP schema satisfied.
 */
import { makePeerTeam } from '../../test/helpers/peers.js';
import { beforeAll, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { createReport } from '../intake/reports.js';
import { saveProfile } from '../profile/service.js';

type Event = {
  Event: {
    Object?: unknown[];
    uuid: string;
    info: string;
    timestamp: string;
    distribution: string;
    Orgc: { name: string };
    Tag: Array<{ name: string }>;
    Attribute: Array<{
      uuid: string;
      type: string;
      category: string;
      value: string;
      to_ids: boolean;
      Tag: Array<{ name: string }>;
      Sighting?: unknown[];
    }>;
  };
};

describeEachEngine('sharing an incident as a MISP event', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  let incident = '';
  let peer = '';

  beforeAll(async () => {
    const { db } = get();
    await saveProfile(db, 'system:test', loadProfileFixture('cert-stockholm'));
    analyst = await loginAs('analyst');
    incident = (
      await analyst.request({ method: 'POST', url: '/api/incidents', payload: { title: 'Ransomware at the harbour', tlp: 'GREEN' } })
    ).json<{ id: string }>().id;
    await analyst.request({
      method: 'PATCH',
      url: `/api/incidents/${incident}`,
      payload: { rsitClass: 'malicious-code', rsitType: 'infected-system' },
    });
    for (const payload of [
      { kind: 'ipv4', value: '198.51.100.20', isIoc: true, tlp: 'CLEAR' },
      { kind: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', isIoc: true, tlp: 'GREEN' },
      { kind: 'cve', value: 'CVE-2026-1234', tlp: 'GREEN' },
      { kind: 'domain', value: 'pay.ransom.example', tlp: 'AMBER' },
      { kind: 'other', value: 'HKLM\\Software\\Evil', tlp: 'CLEAR' },
      { kind: 'url', value: 'https://unlock.ransom.example:8443/unlock?id=42', isIoc: true, tlp: 'GREEN' },
    ])
      expect((await analyst.request({ method: 'POST', url: `/api/incidents/${incident}/observables`, payload })).statusCode).toBe(201);
    const report = await createReport(
      db,
      'system:test',
      { channel: 'api', subject: 'Beacon', body: 'Beaconing to 198.51.100.20', receivedAt: new Date('2026-11-05T10:00:00Z') },
      'GREEN',
    );
    await db.updateTable('reports').set({ incident_id: incident, status: 'incident' }).where('id', '=', report).execute();
    peer = await makePeerTeam(db, 'CERT-FI Demo', 'FI');
    await db
      .insertInto('sharing_profiles')
      .values({ peer_team_id: peer, max_tlp: 'GREEN', item_kinds: ['observable', 'indicator', 'incident'], updated_by: 'system:test' })
      .execute();
  });

  const event = async (query = '') => {
    const res = await analyst.request({ url: `/api/incidents/${incident}/misp${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Event>();
  };

  it('writes attributes of the right types, tags and distribution, and keeps the event’s uuid', async () => {
    const first = await event('?incident=true');
    const e = first.Event;
    expect(e.info).toBe('Ransomware at the harbour');
    expect(e.Orgc.name).toBe('CERT Stockholm');
    expect(e.Attribute.map((a) => [a.type, a.category, a.to_ids, a.Tag[0]?.name])).toEqual([
      ['ip-dst', 'Network activity', true, 'tlp:clear'],
      ['sha256', 'Payload delivery', true, 'tlp:green'],
      ['vulnerability', 'External analysis', false, 'tlp:green'],
      ['domain', 'Network activity', false, 'tlp:amber'],
      ['text', 'Other', false, 'tlp:clear'],
    ]);
    // The URL is MISP's url object: the address whole (an indicator), its parts beside it.
    expect(first.Event.Object).toEqual([
      expect.objectContaining({
        name: 'url',
        'meta-category': 'network',
        template_uuid: '60efb77b-40b5-4c46-871b-ed1ed999fce5',
        Attribute: [
          expect.objectContaining({
            object_relation: 'url',
            type: 'url',
            value: 'https://unlock.ransom.example:8443/unlock?id=42',
            to_ids: true,
          }),
          expect.objectContaining({ object_relation: 'scheme', type: 'text', value: 'https', to_ids: false }),
          expect.objectContaining({ object_relation: 'host', type: 'hostname', value: 'unlock.ransom.example' }),
          expect.objectContaining({ object_relation: 'port', type: 'port', value: '8443' }),
          expect.objectContaining({ object_relation: 'resource_path', type: 'text', value: '/unlock' }),
          expect.objectContaining({ object_relation: 'query_string', type: 'text', value: 'id=42' }),
        ],
      }),
    ]);
    // The report that named the address is its sighting; the rest were not sighted.
    expect(e.Attribute[0]!.Sighting).toEqual([
      { uuid: expect.any(String), type: '0', date_sighting: String(Date.parse('2026-11-05T10:00:00Z') / 1000), source: 'CERT Stockholm' },
    ]);
    expect(e.Attribute[1]!.Sighting).toBeUndefined();
    // The event holds TLP:AMBER, so MISP keeps it within the receiving organisation.
    expect(e.Tag.map((t) => t.name)).toEqual(['tlp:amber', 'PAP:AMBER', 'rsit:malicious-code="infected-system"']);
    expect(e.distribution).toBe('0');
    const again = await event('?incident=true');
    expect(again.Event.uuid).toBe(e.uuid);
    expect(again.Event.Attribute.map((a) => a.uuid)).toEqual(e.Attribute.map((a) => a.uuid));
    expect(Number(again.Event.timestamp)).toBeGreaterThanOrEqual(Number(e.timestamp));
  });

  it('gives a peer only what its profile and TLP admit', async () => {
    const e = (await event(`?peer=${peer}&incident=true`)).Event;
    expect(e.Attribute.map((a) => a.value)).toEqual([
      '198.51.100.20',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'CVE-2026-1234',
      'HKLM\\Software\\Evil',
    ]);
    expect(JSON.stringify(e)).not.toContain('pay.ransom.example');
    expect(e.Tag[0]?.name).toBe('tlp:green');
    expect(e.distribution).toBe('1');
    const none = (await analyst.request({ url: `/api/incidents/${incident}/misp?peer=00000000-0000-4000-8000-000000000000` })).json<Event>()
      .Event;
    expect(none.Attribute).toEqual([]);
    expect(none.info).toMatch(/^Indicators of incident \d+ \(CERT Stockholm\)$/);
  });
});
