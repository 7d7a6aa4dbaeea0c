/**
 * The TAXII 2.1 server as a peer's client meets it: discovery, the API root, collections, objects
 * paged with `next` to the end with nothing skipped or repeated (ties included), filters, versions,
 * the manifest, POST with its status, DELETE, the media types, HTTP Basic over an API token, and
 * the egress gate deciding for each object what a peer's account may read.
 */
import { beforeAll, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { createApiToken } from '../auth/api-tokens.js';
import { createUser } from '../auth/users.js';

const MEDIA = 'application/taxii+json;version=2.1';
type Page = { more: boolean; next?: string; objects?: Array<Record<string, unknown> & { id: string; type: string }> };

describeEachEngine('the TAXII 2.1 server', (get) => {
  const { app, loginAs } = useApp(get);
  let analyst: Client;
  let collection = '';
  let peerToken = '';
  const peer = (url: string, extra: { method?: 'GET' | 'POST' | 'DELETE'; payload?: string; accept?: string } = {}) =>
    app().inject({
      method: extra.method ?? 'GET',
      url,
      headers: {
        authorization: `Basic ${Buffer.from(`cert-no:${peerToken}`).toString('base64')}`,
        accept: extra.accept ?? MEDIA,
        ...(extra.payload ? { 'content-type': MEDIA } : {}),
      },
      ...(extra.payload ? { payload: extra.payload } : {}),
    });
  const root = '/taxii2/api';

  beforeAll(async () => {
    const { db } = get();
    analyst = await loginAs('analyst');
    const manager = await loginAs('incident-manager');
    collection = (
      await manager.request({ method: 'POST', url: '/api/taxii-collections', payload: { title: 'Shared with the Nordic teams' } })
    ).json<{ id: string }>().id;
    const incident = (
      await analyst.request({ method: 'POST', url: '/api/incidents', payload: { title: 'DDoS on the city', tlp: 'GREEN' } })
    ).json<{ id: string }>().id;
    for (const [value, tlp] of [
      ['198.51.100.1', 'CLEAR'],
      ['198.51.100.2', 'GREEN'],
      ['198.51.100.3', 'AMBER'],
      ['198.51.100.4', 'RED'],
    ])
      await analyst.request({
        method: 'POST',
        url: `/api/incidents/${incident}/observables`,
        payload: { kind: 'ipv4', value, tlp, isIoc: true },
      });
    const added = await analyst.request({ method: 'POST', url: `/api/taxii-collections/${collection}/incidents/${incident}` });
    expect(added.statusCode, added.body).toBe(200);
    // A peer team's account: a member of an organisation of kind "peer", cleared up to AMBER.
    const org = await db
      .insertInto('organisations')
      .values({ name: 'CERT-NO', kind: 'peer', parent_id: null, tlp_clearance: 'AMBER' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const user = await createUser(db, 'system:test', {
      email: 'taxii@cert-no.test',
      name: 'CERT-NO TAXII',
      role: 'constituent',
      password: 'a long enough password',
      organisationId: org.id,
    });
    peerToken = (await createApiToken(db, user.id, { name: 'taxii', scopes: ['read', 'write'] })).token;
  });

  it('answers discovery, the API root and the collections in the TAXII media type', async () => {
    const discovery = await peer('/taxii2/');
    expect(discovery.statusCode, discovery.body).toBe(200);
    expect(discovery.headers['content-type']).toMatch(/^application\/taxii\+json; ?version="?2\.1/);
    expect(discovery.json<{ api_roots: string[] }>().api_roots[0]).toMatch(/\/taxii2\/api\/$/);
    expect((await peer(`${root}/`)).json<{ versions: string[] }>().versions).toEqual([MEDIA]);
    const collections = (await peer(`${root}/collections/`)).json<{ collections: Array<{ id: string; can_read: boolean }> }>();
    expect(collections.collections).toEqual([expect.objectContaining({ id: collection, can_read: true })]);
    expect((await peer(`${root}/collections/`, { accept: 'text/html' })).statusCode).toBe(406);
    expect((await app().inject({ url: `${root}/collections/`, headers: { accept: MEDIA } })).statusCode).toBe(401);
  });

  it('gives a peer only what TLP admits, and the team everything', async () => {
    const values = (page: Page) => (page.objects ?? []).filter((o) => o.type === 'ipv4-addr').map((o) => o.value);
    const asPeer = (await peer(`${root}/collections/${collection}/objects/`)).json<Page>();
    expect(values(asPeer).sort()).toEqual(['198.51.100.1', '198.51.100.2']);
    expect(JSON.stringify(asPeer)).not.toContain('198.51.100.3');
    const asTeam = (await analyst.request({ url: `${root}/collections/${collection}/objects/`, headers: { accept: MEDIA } })).json<Page>();
    expect(values(asTeam).sort()).toEqual(['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4']);
    const refused = await get()
      .db.selectFrom('egress_decisions')
      .select('tlp')
      .where('channel', '=', 'taxii')
      .where('allowed', '=', false)
      .execute();
    expect(new Set(refused.map((r) => r.tlp))).toEqual(new Set(['AMBER', 'RED']));
  });

  it('pages with next to the end, never skipping or repeating objects added in the same instant', async () => {
    const { db } = get();
    // Twenty objects added at one and the same time.
    const at = new Date('2026-12-01T12:00:00.000Z');
    await db
      .insertInto('taxii_objects')
      .values(
        Array.from({ length: 20 }, (_, i) => ({
          collection_id: collection,
          id: `x-tie--00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          version: '2026-12-01T12:00:00.000Z',
          type: 'x-tie',
          spec_version: '2.1',
          tlp: 'CLEAR',
          object: JSON.stringify({ type: 'x-tie', id: `x-tie--00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }),
          added_by: 'system:test',
          added_at: at,
        })),
      )
      .execute();
    const all = (
      await analyst.request({ url: `${root}/collections/${collection}/objects/?limit=1000`, headers: { accept: MEDIA } })
    ).json<Page>();
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const res = await peer(`${root}/collections/${collection}/manifest/?limit=3&match[type]=x-tie${next ? `&next=${next}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<Page & { objects?: Array<{ id: string; date_added: string }> }>();
      seen.push(...(page.objects ?? []).map((o) => o.id));
      next = page.more ? page.next : undefined;
      pages++;
    } while (next && pages < 50);
    expect(pages).toBe(7);
    expect(seen).toEqual(all.objects!.filter((o) => o.type === 'x-tie').map((o) => o.id));
    expect(new Set(seen).size).toBe(20);
    expect((await peer(`${root}/collections/${collection}/objects/?next=not-a-cursor`)).statusCode).toBe(400);
    expect((await peer(`${root}/collections/${collection}/objects/?priority=high`)).statusCode).toBe(400);
  });

  it('takes a POST with a status, keeps versions, filters by id, version and time, and deletes', async () => {
    const indicator = {
      type: 'indicator',
      spec_version: '2.1',
      id: 'indicator--7d2f0d3e-0000-4000-8000-000000000001',
      created: '2026-12-01T10:00:00.000Z',
      modified: '2026-12-01T10:00:00.000Z',
      pattern: "[ipv4-addr:value = '203.0.113.50']",
      pattern_type: 'stix',
      valid_from: '2026-12-01T10:00:00Z',
      object_marking_refs: ['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'],
    };
    const before = new Date().toISOString();
    const posted = await peer(`${root}/collections/${collection}/objects/`, {
      method: 'POST',
      payload: JSON.stringify({
        objects: [indicator, { ...indicator, modified: '2026-12-02T10:00:00.000Z', revoked: true }, { type: 'indicator' }],
      }),
    });
    expect(posted.statusCode, posted.body).toBe(202);
    const status = posted.json<{
      id: string;
      status: string;
      total_count: number;
      success_count: number;
      failure_count: number;
      pending_count: number;
    }>();
    expect(status).toMatchObject({ status: 'complete', total_count: 3, success_count: 2, failure_count: 1, pending_count: 0 });
    expect((await peer(`${root}/status/${status.id}/`)).json<{ success_count: number }>().success_count).toBe(2);
    const one = `${root}/collections/${collection}/objects/${indicator.id}/`;
    expect((await peer(one)).json<Page>().objects?.map((o) => o.modified)).toEqual(['2026-12-02T10:00:00.000Z']);
    expect((await peer(`${one}?match[version]=first`)).json<Page>().objects?.map((o) => o.modified)).toEqual(['2026-12-01T10:00:00.000Z']);
    expect((await peer(`${one}versions/`)).json<{ versions: string[] }>().versions).toEqual([
      '2026-12-01T10:00:00.000Z',
      '2026-12-02T10:00:00.000Z',
    ]);
    const recent = (await peer(`${root}/collections/${collection}/objects/?added_after=${encodeURIComponent(before)}`)).json<Page>();
    expect(recent.objects?.map((o) => o.id)).toEqual([indicator.id]);
    expect(
      (await peer(`${root}/collections/${collection}/objects/?match[id]=${indicator.id}&match[version]=all`)).json<Page>().objects,
    ).toHaveLength(2);
    // Deleting is the team's.
    expect((await peer(one, { method: 'DELETE' })).statusCode).toBe(403);
    expect((await analyst.request({ method: 'DELETE', url: one, headers: { accept: MEDIA } })).statusCode).toBe(200);
    expect((await peer(one)).statusCode).toBe(404);
    expect((await peer(`${root}/collections/00000000-0000-4000-8000-000000000000/objects/`)).statusCode).toBe(404);
    expect((await peer(`${root}/collections/${collection}/objects/`, { method: 'POST', payload: '{"objects": ' })).statusCode).toBe(400);
  });
});
