/**
 * An incident as a STIX 2.1 bundle, for the team and for a peer team: deterministic observable ids
 * (the specification's own example), patterns that survive quotes, TLP 2.0 markings, validation
 * against the official schemas, and the peer's sharing profile and the egress gate deciding what
 * goes in — each left-out item named with its reason.
 */
import { makePeerTeam } from '../../test/helpers/peers.js';
import { beforeAll, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { createReport } from '../intake/reports.js';
import { saveProfile } from '../profile/service.js';
import { scoId } from './stix-ids.js';
import { stixBundleIssues } from './stix-validate.js';
import { STIX_TLP2_IDS } from './tlp-encodings.js';

type Bundle = { type: string; id: string; objects: Array<Record<string, unknown> & { id: string; type: string }> };
type Preview = {
  included: Array<{ kind: string; what: string; stixId: string; tlp: string }>;
  left: Array<{ kind: string; what: string; reason: string }>;
};

describeEachEngine('sharing an incident as STIX 2.1', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  let manager: Client;
  let incident = '';
  let peer = '';

  beforeAll(async () => {
    const { db } = get();
    await saveProfile(db, 'system:test', loadProfileFixture('cert-stockholm'));
    analyst = await loginAs('analyst');
    manager = await loginAs('incident-manager');
    peer = await makePeerTeam(db, 'CERT-NO Demo', 'NO');
    const made = await analyst.request({
      method: 'POST',
      url: '/api/incidents',
      payload: { title: 'Phishing wave against the city', tlp: 'GREEN' },
    });
    incident = made.json<{ id: string }>().id;
    const add = (payload: object) => analyst.request({ method: 'POST', url: `/api/incidents/${incident}/observables`, payload });
    for (const payload of [
      { kind: 'ipv4', value: '198.51.100.3', isIoc: true, tlp: 'CLEAR' },
      { kind: 'sha256', value: 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', isIoc: true, tlp: 'AMBER' },
      { kind: 'domain', value: 'mail.city.example', tlp: 'CLEAR' },
      { kind: 'other', value: 'a registry key', tlp: 'CLEAR' },
    ])
      expect((await add(payload)).statusCode).toBe(201);
    // Two reports of the incident named the C2 address: two sightings of its indicator.
    for (const receivedAt of [new Date('2026-11-02T08:00:00Z'), new Date('2026-11-03T09:30:00Z')]) {
      const report = await createReport(
        db,
        'system:test',
        { channel: 'api', subject: 'Scan', body: 'Scanning from 198.51.100.3 again', receivedAt },
        'GREEN',
      );
      await db.updateTable('reports').set({ incident_id: incident, status: 'incident' }).where('id', '=', report).execute();
    }
    // A value the form would normalise, as an import may hold it: the pattern must still quote it right.
    await db
      .insertInto('observables')
      .values([
        {
          incident_id: incident,
          kind: 'url',
          value: "https://login.example.test/o'brien",
          is_ioc: true,
          tlp: 'GREEN',
          description: 'Landing page',
        },
        { incident_id: incident, kind: 'url', value: 'https://login.example.test/a\\b c', is_ioc: true, tlp: 'GREEN' },
      ])
      .execute();
  });

  const exportFor = async (client: Client, query = '') => {
    const res = await client.request({ url: `/api/incidents/${incident}/stix${query}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/stix\+json; ?version="?2\.1"?/);
    return res.json<Bundle>();
  };
  const preview = async (query: string) =>
    (await analyst.request({ url: `/api/incidents/${incident}/share-preview${query}` })).json<Preview>();

  it('gives the team everything, with deterministic ids, escaped patterns and TLP 2.0 markings, valid against the schemas', async () => {
    const bundle = await exportFor(analyst, '?incident=true');
    expect(stixBundleIssues(bundle)).toEqual([]);
    const byType = (type: string) => bundle.objects.filter((o) => o.type === type);
    // The id the specification gives for this address (STIX 2.1 section 2.9's example).
    expect(byType('ipv4-addr')[0]).toMatchObject({
      id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
      object_marking_refs: [STIX_TLP2_IDS.CLEAR],
    });
    expect(byType('file')[0]).toMatchObject({
      id: scoId('file', { hashes: { 'SHA-256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' } }),
      object_marking_refs: [STIX_TLP2_IDS.AMBER],
    });
    expect(byType('indicator').map((i) => i.pattern)).toEqual([
      "[ipv4-addr:value = '198.51.100.3']",
      "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
      "[url:value = 'https://login.example.test/o\\'brien']",
    ]);
    expect(byType('relationship')).toHaveLength(3);
    const [c2] = byType('indicator');
    expect(byType('sighting')).toEqual([
      expect.objectContaining({
        sighting_of_ref: c2!.id,
        count: 2,
        first_seen: '2026-11-02T08:00:00.000Z',
        last_seen: '2026-11-03T09:30:00.000Z',
        where_sighted_refs: [byType('identity')[0]!.id],
        object_marking_refs: [STIX_TLP2_IDS.CLEAR],
      }),
    ]);
    expect(byType('identity')[0]).toMatchObject({ name: 'CERT Stockholm', identity_class: 'organization' });
    const report = byType('report')[0]!;
    expect(report).toMatchObject({ name: 'Phishing wave against the city', object_marking_refs: [STIX_TLP2_IDS.GREEN] });
    expect((report.object_refs as string[]).length).toBe(
      bundle.objects.filter((o) => !['identity', 'marking-definition', 'report'].includes(o.type)).length,
    );
    // Every label used is defined in the bundle, as OASIS publishes it.
    const defined = byType('marking-definition').map((m) => m.name);
    expect(defined).toEqual(expect.arrayContaining(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER']));
    // Exporting again names every object the same way.
    const again = await exportFor(analyst, '?incident=true');
    expect(again.objects.map((o) => o.id)).toEqual(bundle.objects.map((o) => o.id));
    expect(again.id).not.toBe(bundle.id);
    expect((await preview('')).left).toEqual([
      {
        kind: 'observable',
        id: expect.any(String),
        what: 'other a registry key',
        reason: 'STIX 2.1 has no object for an observable of kind other',
      },
      {
        kind: 'observable',
        id: expect.any(String),
        what: 'url https://login.example.test/a\\b c',
        reason: expect.stringMatching(/^not valid as STIX 2\.1 url: value must match format "uri"/),
      },
    ]);
  });

  it('gives a peer team only what its sharing profile and TLP admit, and says why the rest is left out', async () => {
    // No profile yet: the peer is nobody in particular, and gets only TLP:CLEAR.
    const none = await preview(`?peer=${peer}`);
    expect(none.included).toEqual([]);
    expect(none.left.map((l) => l.reason)).toContain('the sharing profile does not share items of kind observable');

    expect(
      (
        await analyst.request({
          method: 'PUT',
          url: `/api/directory/teams/${peer}/sharing-profile`,
          payload: { maxTlp: 'GREEN', itemKinds: ['observable'] },
        })
      ).statusCode,
    ).toBe(403);
    const saved = await manager.request({
      method: 'PUT',
      url: `/api/directory/teams/${peer}/sharing-profile`,
      headers: { 'if-match': '"0"' },
      payload: { maxTlp: 'AMBER', itemKinds: ['observable', 'indicator'] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const stale = await manager.request({
      method: 'PUT',
      url: `/api/directory/teams/${peer}/sharing-profile`,
      headers: { 'if-match': '"0"' },
      payload: { maxTlp: 'RED', itemKinds: ['observable'] },
    });
    expect(stale.statusCode).toBe(409);

    const shared = await preview(`?peer=${peer}&incident=true`);
    expect(shared.included.map((i) => `${i.kind} ${i.tlp}`).sort()).toEqual([
      'indicator CLEAR',
      'indicator GREEN',
      'observable CLEAR',
      'observable CLEAR',
      'observable GREEN',
    ]);
    const why = Object.fromEntries(shared.left.map((l) => [l.what, l.reason]));
    // A peer is the community: TLP:AMBER is for the organisation and its clients, whatever the profile allows.
    expect(
      why['sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'] ??
        why['sha256 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855'],
    ).toMatch(/TLP:AMBER is limited/);
    expect(why['incident ' + incident + ': Phishing wave against the city']).toBe(
      'the sharing profile does not share items of kind incident',
    );
    const bundle = await exportFor(analyst, `?peer=${peer}&incident=true`);
    expect(stixBundleIssues(bundle)).toEqual([]);
    expect(JSON.stringify(bundle)).not.toContain('e3b0c442');
    expect(bundle.objects.some((o) => o.type === 'report')).toBe(false);
    const decisions = await get()
      .db.selectFrom('egress_decisions')
      .select(['allowed', 'tlp'])
      .where('channel', '=', 'export:stix')
      .where('recipient', '=', `peer-team:${peer}`)
      .execute();
    expect(decisions.some((d) => !d.allowed && d.tlp === 'AMBER')).toBe(true);
  });

  it('refuses what it cannot do with a clear answer', async () => {
    expect((await analyst.request({ url: `/api/incidents/999999/stix` })).statusCode).toBe(404);
    expect((await analyst.request({ url: `/api/incidents/${incident}/stix?format=misp` })).statusCode).toBe(400);
    expect((await analyst.request({ url: `/api/incidents/${incident}/stix?peer=not-a-uuid` })).statusCode).toBe(400);
    const reader = await loginAs('read-only');
    expect((await reader.request({ url: `/api/incidents/${incident}/stix` })).statusCode).toBe(403);
    expect(
      (
        await manager.request({
          method: 'PUT',
          url: `/api/directory/teams/00000000-0000-4000-8000-000000000000/sharing-profile`,
          payload: { maxTlp: 'GREEN', itemKinds: [] },
        })
      ).statusCode,
    ).toBe(404);
  });
});
