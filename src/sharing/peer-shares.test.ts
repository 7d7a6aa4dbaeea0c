/**
 * Sharing an incident with a peer team for good: pseudonymised as its profile says (the preview
 * shows before and after), published to its TAXII collection, its MISP feed and by encrypted mail,
 * and kept current — a raised label or an indicator unmarked reaches the peer as a revocation and
 * a deleted attribute, a lowered one as a new version, a withdrawal as the revocation of it all.
 */
import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import * as openpgp from 'openpgp';
import { beforeAll, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { makePeerTeam } from '../../test/helpers/peers.js';
import { makeKey, type TestKey } from '../../test/helpers/pgp.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { createApiToken } from '../auth/api-tokens.js';
import { createUser } from '../auth/users.js';
import { createOrganisation } from '../constituency/organisations.js';
import { getBlob } from '../db/blobs.js';
import { createReport } from '../intake/reports.js';
import { storePublicKey } from '../mail/keys.js';
import { saveProfile } from '../profile/service.js';
import { republishChanged } from './peer-shares.js';
import { pseudonymiserFor } from './pseudonymise.js';

type StixObject = Record<string, unknown> & { id: string; type: string; value?: string; revoked?: boolean; modified?: string };
type Page = { more: boolean; objects?: StixObject[] };
type Attribute = { uuid: string; value: string; deleted?: boolean };
type Event = {
  Event: { uuid: string; info: string; published: boolean; Attribute: Attribute[]; Object?: Array<{ name: string; deleted?: boolean }> };
};

const MEDIA = 'application/taxii+json;version=2.1';
// What the peer must never see: the constituent, its contact and network, the reporter, internal addresses.
const SECRETS = [
  'Water Company',
  'VattenAB',
  'Nils Noc',
  'noc@water.example',
  'water.example',
  'rita@reporter.test',
  'Rita Reporter',
  '203.0.113.45',
  '10.1.2.3',
];

describeEachEngine('sharing with a peer team, kept current', (get) => {
  let keys: { team: TestKey; peer: TestKey };
  beforeAll(async () => {
    const [team, peer] = await Promise.all([makeKey('CERT', 'cert@team.test'), makeKey('Peer CERT', 'soc@peer.test')]);
    keys = { team, peer };
  });
  const { app, loginAs } = useApp(
    get,
    {},
    {
      get teamKey() {
        return keys?.team.teamKey;
      },
    },
  );
  let analyst: Client;
  let manager: Client;
  let incident = '';
  let peer = '';
  let collection = '';
  let token = '';
  const observable: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = get();
    await saveProfile(db, 'system:test', loadProfileFixture('cert-stockholm'));
    await storePublicKey(db, 'system:test', keys.peer.armoredPublic);
    analyst = await loginAs('analyst');
    manager = await loginAs('incident-manager');
    const water = await createOrganisation(db, 'system:test', {
      name: 'Water Company',
      shortName: 'VattenAB',
      netblocks: [{ prefix: '203.0.113.0/24' }],
      domains: ['water.example'],
      contacts: [{ role: 'security', email: 'noc@water.example', name: 'Nils Noc' }],
    });
    peer = await makePeerTeam(db, 'Peer CERT', 'NO');
    const readers = await db
      .insertInto('organisations')
      .values({ name: 'Peer CERT (readers)', kind: 'peer', parent_id: null, tlp_clearance: 'RED' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reader = await createUser(db, 'system:test', {
      email: 'taxii@peer.test',
      name: 'Peer CERT reader',
      role: 'constituent',
      password: 'a long enough password',
      organisationId: readers.id,
    });
    token = (await createApiToken(db, reader.id, { name: 'peer', scopes: ['read'] })).token;
    collection = (await manager.request({ method: 'POST', url: '/api/taxii-collections', payload: { title: 'For Peer CERT' } })).json<{
      id: string;
    }>().id;
    const profile = await manager.request({
      method: 'PUT',
      url: `/api/directory/teams/${peer}/sharing-profile`,
      headers: { 'if-match': '"0"' },
      payload: {
        maxTlp: 'GREEN',
        itemKinds: ['observable', 'indicator', 'incident'],
        channels: ['taxii', 'misp-feed', 'mail'],
        taxiiCollectionId: collection,
        mailTo: 'soc@peer.test',
        readerOrganisationId: readers.id,
      },
    });
    expect(profile.statusCode, profile.body).toBe(200);
    expect(profile.json()).toMatchObject({
      pseudonymisation: { constituents: 'replace', reporters: 'pseudonymise', ownAddresses: 'truncate', scrubText: true },
    });

    const made = await analyst.request({
      method: 'POST',
      url: '/api/incidents',
      payload: {
        title: 'Water Company: credential phishing reported by rita@reporter.test',
        description: 'Nils Noc at VattenAB saw logins from 203.0.113.45 and 10.1.2.3; the kit copies https://portal.water.example/login.',
        tlp: 'GREEN',
      },
    });
    incident = made.json<{ id: string }>().id;
    const report = await createReport(
      db,
      'system:test',
      { channel: 'api', subject: 'Phish', body: '', reporterEmail: 'rita@reporter.test', reporterName: 'Rita Reporter' },
      'GREEN',
    );
    await db.updateTable('reports').set({ incident_id: incident, status: 'incident' }).where('id', '=', report).execute();
    expect(
      (await analyst.request({ method: 'PUT', url: `/api/incidents/${incident}/organisations`, payload: { organisationIds: [water.id] } }))
        .statusCode,
    ).toBe(200);
    for (const [name, payload] of Object.entries({
      own: { kind: 'ipv4', value: '203.0.113.45', isIoc: true, tlp: 'CLEAR' },
      internal: { kind: 'ipv4', value: '10.1.2.3', tlp: 'CLEAR' },
      c2: { kind: 'ipv4', value: '198.51.100.7', isIoc: true, tlp: 'CLEAR', description: 'Seen by Nils Noc' },
      reporter: { kind: 'email', value: 'rita@reporter.test', tlp: 'GREEN' },
      portal: { kind: 'domain', value: 'portal.water.example', tlp: 'CLEAR' },
      payload: { kind: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', isIoc: true, tlp: 'AMBER' },
      kit: { kind: 'url', value: 'https://login.phish.example/kit', isIoc: true, tlp: 'CLEAR' },
    })) {
      const res = await analyst.request({ method: 'POST', url: `/api/incidents/${incident}/observables`, payload });
      expect(res.statusCode, res.body).toBe(201);
      observable[name] = res.json<{ id: string }>().id;
    }
  });

  const asPeer = (url: string) =>
    app().inject({ url, headers: { authorization: `Bearer ${token}`, accept: url.startsWith('/taxii2') ? MEDIA : 'application/json' } });
  const collectionObjects = async (query = '') => {
    const res = await asPeer(`/taxii2/api/collections/${collection}/objects/${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Page>().objects ?? [];
  };
  const feedEvent = async () => {
    const manifest = await asPeer('/misp-feed/manifest.json');
    expect(manifest.statusCode, manifest.body).toBe(200);
    const [uuid] = Object.keys(manifest.json<Record<string, unknown>>());
    const event = await asPeer(`/misp-feed/${uuid}.json`);
    expect(event.statusCode, event.body).toBe(200);
    return event.json<Event>();
  };
  const share = async (method: 'PUT' | 'DELETE') => {
    const res = await manager.request({ method, url: `/api/incidents/${incident}/shares/${peer}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ revision: number; changed: number; revoked: number; channels: string[] }>();
  };

  it('previews each replacement, before and after, and the peer’s export holds none of the originals', async () => {
    const preview = (await manager.request({ url: `/api/incidents/${incident}/share-preview?peer=${peer}&incident=true` })).json<{
      pseudonymised: Array<{ field: string; before: string; after: string; rule: string }>;
      left: Array<{ what: string; reason: string }>;
    }>();
    const after = (before: string) => preview.pseudonymised.find((r) => r.before === before)?.after;
    expect(after('203.0.113.45')).toBe('203.0.113.0/24');
    expect(after('10.1.2.3')).toBe('10.1.2.0/24');
    expect(after('rita@reporter.test')).toMatch(/^p-[0-9a-f]{20}@pseudonymised\.invalid$/);
    expect(after('portal.water.example')).toMatch(/^c-[0-9a-f]{12}\.pseudonymised\.invalid$/);
    const title = preview.pseudonymised.find((r) => r.field === 'incident title')!;
    expect(title.after).toMatch(/^constituent-[0-9a-f]{8}: credential phishing reported by p-[0-9a-f]{20}@pseudonymised\.invalid$/);
    const description = preview.pseudonymised.find((r) => r.field === 'incident description')!.after;
    for (const secret of SECRETS) expect(description).not.toContain(secret);
    expect(description).toContain('203.0.113.0/24');
    expect(preview.left).toContainEqual(
      expect.objectContaining({ what: expect.stringContaining('sha256'), reason: expect.stringMatching(/TLP:AMBER/) }),
    );

    const forPeer = await manager.request({ url: `/api/incidents/${incident}/stix?peer=${peer}&incident=true` });
    for (const secret of SECRETS) expect(forPeer.body).not.toContain(secret);
    const forTeam = await manager.request({ url: `/api/incidents/${incident}/stix?incident=true` });
    for (const secret of ['203.0.113.45', 'rita@reporter.test', 'Nils Noc']) expect(forTeam.body).toContain(secret);
    // The same address gets the same pseudonym each time: a peer can correlate without learning it.
    const again = (await manager.request({ url: `/api/incidents/${incident}/stix?peer=${peer}` })).body;
    expect(again).toContain(after('rita@reporter.test'));
  });

  it('drops or pseudonymises own addresses prefix-preservingly when the profile says so', async () => {
    const { db } = get();
    const rules = { constituents: 'keep', reporters: 'keep', scrubText: true } as const;
    const dropping = await pseudonymiserFor(db, incident, { ...rules, ownAddresses: 'drop' });
    expect(dropping.value('ipv4', '203.0.113.45', 'x')).toEqual({ dropped: expect.stringContaining('203.0.113.45') });
    expect(dropping.value('ipv4', '198.51.100.7', 'x')).toEqual({ value: '198.51.100.7' });
    expect(dropping.text('from 10.1.2.3 and 198.51.100.7', 'x')).toBe('from [address withheld] and 198.51.100.7');
    const mapping = await pseudonymiserFor(db, incident, { ...rules, ownAddresses: 'pseudonymise' });
    const bits = (ip: string) =>
      ip
        .split('.')
        .map((o) => Number(o).toString(2).padStart(8, '0'))
        .join('');
    const [a, b] = ['203.0.113.45', '203.0.113.46'].map((ip) => (mapping.value('ipv4', ip, ip) as { value: string }).value);
    expect(a).not.toBe('203.0.113.45');
    // 45 and 46 share their first 30 bits, and so do their pseudonyms — no more.
    const shared = (x: string, y: string) => [...bits(x)].findIndex((c, i) => c !== bits(y)[i]);
    expect(shared(a!, b!)).toBe(shared('203.0.113.45', '203.0.113.46'));
    expect((mapping.value('ipv4', '203.0.113.45', 'again') as { value: string }).value).toBe(a);
    const ipv6 = (mapping.value('ipv6', 'fd00::1', 'v6') as { value: string }).value;
    expect(ipv6).toMatch(/:/);
    expect(ipv6).not.toBe('fd00::1');
  });

  it('publishes to the TAXII collection, the MISP feed and by encrypted mail, and a second time only what changed', async () => {
    const first = await share('PUT');
    expect(first).toMatchObject({ revision: 1, channels: ['taxii', 'mail', 'misp-feed'], problems: [] });
    const objects = await collectionObjects();
    const values = objects.filter((o) => o.type === 'ipv4-addr').map((o) => o.value);
    expect(values.sort()).toEqual(['10.1.2.0/24', '198.51.100.7', '203.0.113.0/24']);
    for (const secret of SECRETS) expect(JSON.stringify(objects)).not.toContain(secret);
    expect(objects.some((o) => o.type === 'file')).toBe(false);

    const event = await feedEvent();
    expect(event.Event.Attribute.map((a) => a.value)).toContain('198.51.100.7');
    for (const secret of SECRETS) expect(JSON.stringify(event)).not.toContain(secret);
    const hashes = (await asPeer('/misp-feed/hashes.csv')).body.trim().split('\n');
    expect(hashes).toContain(`${createHash('md5').update('198.51.100.7').digest('hex')},${event.Event.uuid}`);
    // A URL is a url object: its parts are in the feed's hashes too.
    expect(hashes).toContain(`${createHash('md5').update('login.phish.example').digest('hex')},${event.Event.uuid}`);

    const mail = await get()
      .db.selectFrom('messages')
      .select(['raw_sha256', 'pgp_encryption', 'delivery_status', 'to_addresses'])
      .where('incident_id', '=', incident)
      .where('direction', '=', 'out')
      .executeTakeFirstOrThrow();
    expect(mail).toMatchObject({ pgp_encryption: 'encrypted', delivery_status: 'queued', to_addresses: ['soc@peer.test'] });
    const bundle = await decryptedBundle(mail.raw_sha256!);
    expect(bundle.objects.filter((o) => o.type === 'ipv4-addr').length).toBe(3);
    for (const secret of SECRETS) expect(JSON.stringify(bundle)).not.toContain(secret);

    expect(await share('PUT')).toMatchObject({ revision: 1, changed: 0, revoked: 0, channels: [] });
    expect(await republishChanged(get().db, { from: 'cert@team.test', teamKey: keys.team.teamKey })).toBe(0);
  });

  it('sends a raised label as a revocation and a deleted attribute, a lowered one as a new version', async () => {
    const { db } = get();
    const patch = (id: string, payload: object) => analyst.request({ method: 'PATCH', url: `/api/observables/${id}`, payload });
    expect((await patch(observable.c2!, { tlp: 'AMBER' })).statusCode).toBe(204);
    expect((await patch(observable.payload!, { tlp: 'GREEN' })).statusCode).toBe(204);
    expect(await republishChanged(db, { from: 'cert@team.test', teamKey: keys.team.teamKey })).toBe(1);

    const all = await collectionObjects('?match[version]=all&match[type]=indicator');
    const c2 = all.filter((o) => String(o.pattern).includes('198.51.100.7'));
    expect(c2.map((o) => Boolean(o.revoked))).toEqual([false, true]);
    expect(Date.parse(c2[1]!.modified!)).toBeGreaterThan(Date.parse(c2[0]!.modified!));
    const latest = await collectionObjects();
    expect(latest.some((o) => o.value === '198.51.100.7')).toBe(false);
    expect(latest.some((o) => o.type === 'file')).toBe(true);

    const event = await feedEvent();
    expect(event.Event.Attribute.find((a) => a.value === '198.51.100.7')).toMatchObject({ deleted: true });
    expect(event.Event.Attribute.some((a) => a.value.startsWith('e3b0c442') && !a.deleted)).toBe(true);
    const hashes = (await asPeer('/misp-feed/hashes.csv')).body;
    expect(hashes).not.toContain(createHash('md5').update('198.51.100.7').digest('hex'));
    const shares = (await manager.request({ url: `/api/incidents/${incident}/shares` })).json<{ shares: Array<{ revision: number }> }>();
    expect(shares.shares).toEqual([expect.objectContaining({ peerName: 'Peer CERT', revision: 2, withdrawnAt: null, lastError: null })]);
  });

  it('issues an indicator anew when its label is lowered after a revocation, for a revoked object is never un-revoked', async () => {
    const { db } = get();
    const revokedId = (await collectionObjects('?match[version]=all&match[type]=indicator')).find(
      (o) => String(o.pattern).includes('198.51.100.7') && o.revoked,
    )!.id;
    expect(
      (await analyst.request({ method: 'PATCH', url: `/api/observables/${observable.c2}`, payload: { tlp: 'CLEAR' } })).statusCode,
    ).toBe(204);
    expect(await republishChanged(db, { from: 'cert@team.test', teamKey: keys.team.teamKey })).toBe(1);
    const latest = await collectionObjects('?match[version]=all');
    const old = latest.filter((o) => o.id === revokedId);
    expect(old.at(-1)?.revoked).toBe(true);
    const fresh = latest.filter((o) => o.type === 'indicator' && String(o.pattern).includes('198.51.100.7') && o.id !== revokedId);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.revoked).toBeUndefined();
    // What refers to it names the new id: its based-on relationship is issued anew too.
    const relationship = latest.find((o) => o.type === 'relationship' && o.source_ref === fresh[0]!.id);
    expect(relationship).toMatchObject({ relationship_type: 'based-on' });
    expect(relationship?.revoked).toBeUndefined();
    expect(latest.some((o) => o.type === 'ipv4-addr' && o.value === '198.51.100.7')).toBe(true);
    // A second run changes nothing: the new ids hold.
    expect(await republishChanged(db, { from: 'cert@team.test', teamKey: keys.team.teamKey })).toBe(0);
    expect((await manager.request({ method: 'PUT', url: `/api/incidents/${incident}/shares/${peer}` })).json()).toMatchObject({
      changed: 0,
    });
  });

  it('deletes the feed’s attributes when the profile drops the MISP feed, and sends them again when it comes back', async () => {
    const { db } = get();
    const channels = async (list: string[]) => {
      const current = await manager.request({ url: `/api/directory/teams/${peer}/sharing-profile` });
      const saved = await manager.request({
        method: 'PUT',
        url: `/api/directory/teams/${peer}/sharing-profile`,
        headers: { 'if-match': current.headers.etag as string },
        payload: { maxTlp: 'GREEN', itemKinds: ['observable', 'indicator', 'incident'], channels: list },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      return republishChanged(db, { from: 'cert@team.test', teamKey: keys.team.teamKey });
    };
    const live = (await feedEvent()).Event.Attribute.filter((a) => !a.deleted).length;
    const inCollection = await collectionObjects();
    expect(live).toBeGreaterThan(0);
    expect(await channels(['taxii', 'mail'])).toBe(1);
    const dropped = await feedEvent();
    expect(dropped.Event.info).toMatch(/^\[withdrawn\]/);
    expect(dropped.Event.Attribute.every((a) => a.deleted)).toBe(true);
    expect((await asPeer('/misp-feed/hashes.csv')).body).toBe('');
    // TAXII is untouched by it.
    expect(await collectionObjects()).toEqual(inCollection);
    expect(await channels(['taxii', 'misp-feed', 'mail'])).toBe(1);
    const back = await feedEvent();
    expect(back.Event.info).not.toMatch(/withdrawn/);
    expect(back.Event.Attribute.filter((a) => !a.deleted)).toHaveLength(live);
  });

  it('revokes everything when the share is withdrawn, and the feed keeps the event with every attribute deleted', async () => {
    const withdrawn = await share('DELETE');
    expect(withdrawn.revoked).toBeGreaterThan(0);
    const indicators = await collectionObjects('?match[type]=indicator,report');
    expect(indicators.length).toBeGreaterThan(0);
    expect(indicators.every((o) => o.revoked === true)).toBe(true);
    expect((await collectionObjects('?match[type]=ipv4-addr')).length).toBe(0);
    const event = await feedEvent();
    expect(event.Event.info).toMatch(/^\[withdrawn\]/);
    expect(event.Event.Attribute.every((a) => a.deleted)).toBe(true);
    expect(event.Event.Object).toEqual([expect.objectContaining({ name: 'url', deleted: true })]);
    expect((await asPeer('/misp-feed/hashes.csv')).body).toBe('');
    expect((await manager.request({ method: 'DELETE', url: `/api/incidents/${incident}/shares/${peer}` })).statusCode).toBe(404);
  });

  it('gives the feed to a peer’s reader only, and makes readers with a token shown once', async () => {
    expect((await analyst.request({ url: '/misp-feed/manifest.json' })).statusCode).toBe(403);
    expect((await app().inject({ url: '/misp-feed/manifest.json' })).statusCode).toBe(401);
    const refused = await manager.request({
      method: 'PUT',
      url: `/api/directory/teams/${peer}/sharing-profile`,
      payload: { maxTlp: 'GREEN', itemKinds: ['observable'], channels: ['mail'], mailTo: null },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toEqual(['mailTo']);

    // Making readers takes managing users too: an admin's.
    const path = `/api/directory/teams/${peer}/sharing-profile/readers`;
    expect((await manager.request({ method: 'POST', url: path, payload: { email: 'misp@peer.test' } })).statusCode).toBe(403);
    const admin = await loginAs('admin');
    const made = await admin.request({ method: 'POST', url: path, payload: { email: 'misp@peer.test' } });
    expect(made.statusCode, made.body).toBe(201);
    const reader = made.json<{ token: string; organisationId: string }>();
    const profile = (await manager.request({ url: `/api/directory/teams/${peer}/sharing-profile` })).json<{
      readerOrganisationId: string;
    }>();
    expect(reader.organisationId).toBe(profile.readerOrganisationId);
    const feed = await app().inject({ url: '/misp-feed/manifest.json', headers: { authorization: `Bearer ${reader.token}` } });
    expect(feed.statusCode, feed.body).toBe(200);
    const listed = (await manager.request({ url: '/api/sharing-profiles' })).json<{
      profiles: Array<{ name: string; hasReader: boolean }>;
    }>();
    expect(listed.profiles).toEqual([expect.objectContaining({ name: 'Peer CERT', hasReader: true })]);
  });

  it('makes a collection for a peer whose profile takes TAXII without naming one, and keeps what a save leaves out', async () => {
    const other = await makePeerTeam(get().db, 'Distant CERT', 'IS');
    const saved = await manager.request({
      method: 'PUT',
      url: `/api/directory/teams/${other}/sharing-profile`,
      payload: {
        maxTlp: 'CLEAR',
        itemKinds: ['indicator', 'observable'],
        channels: ['taxii'],
        pseudonymisation: { constituents: 'keep', reporters: 'pseudonymise', ownAddresses: 'drop', scrubText: true },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const { taxiiCollectionId } = saved.json<{ taxiiCollectionId: string }>();
    const collections = (await manager.request({ url: '/api/taxii-collections' })).json<{
      collections: Array<{ id: string; title: string }>;
    }>();
    expect(collections.collections).toContainEqual(expect.objectContaining({ id: taxiiCollectionId, title: 'Shared with Distant CERT' }));
    const again = await manager.request({
      method: 'PUT',
      url: `/api/directory/teams/${other}/sharing-profile`,
      payload: { maxTlp: 'GREEN', itemKinds: ['indicator', 'observable'] },
    });
    expect(again.json()).toMatchObject({
      maxTlp: 'GREEN',
      channels: ['taxii'],
      taxiiCollectionId,
      pseudonymisation: { ownAddresses: 'drop' },
    });
  });

  async function decryptedBundle(sha: string): Promise<{ objects: StixObject[] }> {
    const raw = (await getBlob(get().db, sha))!.toString('utf8');
    const armored = /-----BEGIN PGP MESSAGE-----[\s\S]*?-----END PGP MESSAGE-----/.exec(raw)![0];
    const { data } = await openpgp.decrypt({
      message: await openpgp.readMessage({ armoredMessage: armored }),
      decryptionKeys: keys.peer.teamKey.privateKey,
    });
    const inner = await simpleParser(String(data));
    const attachment = inner.attachments.find((a) => a.filename?.endsWith('.stix.json'))!;
    return JSON.parse(attachment.content.toString('utf8')) as { objects: StixObject[] };
  }
});
