/**
 * Vakt's TAXII 2.1 server against the specification (OASIS TAXII 2.1, sections 3–5), over real HTTP
 * on loopback as a TAXII client speaks it. The data is the TAXII reference server's own test
 * collection (medallion's default data: several versions of one indicator, a STIX 2.0 version of a
 * malware object, objects added at one instant), posted through the API and read back: what goes in
 * comes out whole, every filter answers what the specification says it selects — worked out here
 * from the data, not from the server — and paging with `next` gives the collection exactly once.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/auth/api-tokens.js';
import { createUser } from '../../src/auth/users.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/context.js';
import { STIX_MAX_BYTES } from '../../src/sharing/stix-import.js';
import { createTestDatabase } from '../helpers/database.js';

type Stix = Record<string, unknown> & { id: string; type: string; modified?: string; created?: string; spec_version?: string };
type Envelope = { more?: boolean; next?: string; objects?: Stix[] };
const MEDIA = 'application/taxii+json;version=2.1';
const MEDALLION = JSON.parse(readFileSync(new URL('../fixtures/taxii/medallion-default_data.json', import.meta.url), 'utf8')) as {
  trustgroup1: { collections: Array<{ objects?: Stix[] }> };
};
const OBJECTS = MEDALLION.trustgroup1.collections.flatMap((c) => c.objects ?? []);
const versionOf = (o: Stix) => String(o.modified ?? o.created);
const key = (o: Stix) => `${o.id}@${versionOf(o)}`;
/** The newest (or oldest) version of each object, as section 3.4.2 defines match[version]. */
const pick = (which: 'last' | 'first') => {
  const chosen = new Map<string, Stix>();
  for (const o of OBJECTS) {
    const held = chosen.get(o.id);
    if (!held || (which === 'last' ? versionOf(o) > versionOf(held) : versionOf(o) < versionOf(held))) chosen.set(o.id, o);
  }
  return [...chosen.values()];
};

describe('TAXII 2.1 conformance', () => {
  let database: Database;
  let server: App;
  let base = '';
  let token = '';
  let collection = '';

  const call = (path: string, init: RequestInit & { auth?: string | null } = {}) => {
    const { auth, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (!headers.has('accept')) headers.set('accept', MEDIA);
    if (auth !== null) headers.set('authorization', auth ?? `Bearer ${token}`);
    return fetch(`${base}${path}`, { ...rest, headers });
  };
  const json = async <T>(path: string, init?: RequestInit) => {
    const res = await call(path, init);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/taxii\+json; ?version="?2\.1"?(;|$)/);
    return { body: (await res.json()) as T, headers: res.headers };
  };
  const objects = (query = '') => json<Envelope>(`/taxii2/api/collections/${collection}/objects/${query}`);

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    server = await buildApp({ database, config: { ...loadConfig({}), webDir: '/nonexistent' } });
    await server.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    const user = await createUser(database.db, 'system:test', {
      email: 'curator@team.test',
      name: 'Curator',
      role: 'incident-manager',
      password: 'a long enough password',
    });
    token = (await createApiToken(database.db, user.id, { name: 'taxii', scopes: ['read', 'write'] })).token;
    const made = await call('/api/taxii-collections', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ title: 'High Value Indicator Collection' }),
    });
    expect(made.status, await made.clone().text()).toBe(201);
    collection = ((await made.json()) as { id: string }).id;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('§4.1 discovery and §4.2 the API root: required members, absolute URLs, the version and size limit', async () => {
    const { body: discovery } = await json<{ title: string; default: string; api_roots: string[] }>('/taxii2/');
    expect(discovery.title).toEqual(expect.any(String));
    expect(discovery.api_roots.length).toBeGreaterThan(0);
    for (const root of discovery.api_roots) expect(root).toMatch(/^https?:\/\/.+\/$/);
    expect(discovery.api_roots).toContain(discovery.default);
    const { body: root } = await json<{ title: string; versions: string[]; max_content_length: number }>(
      new URL(discovery.default).pathname,
    );
    expect(root.versions).toContain(MEDIA);
    expect(root.max_content_length).toBe(STIX_MAX_BYTES);
  });

  it('§5.4 adds an envelope and answers with a status resource that counts every object', async () => {
    const res = await call(`/taxii2/api/collections/${collection}/objects/`, {
      method: 'POST',
      headers: { 'content-type': MEDIA },
      body: JSON.stringify({ objects: [...OBJECTS, { type: 'indicator', name: 'no id' }] }),
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('content-type')).toMatch(/^application\/taxii\+json/);
    const status = (await res.json()) as Record<string, number | string | unknown[]>;
    expect(status).toMatchObject({
      status: 'complete',
      total_count: OBJECTS.length + 1,
      success_count: OBJECTS.length,
      failure_count: 1,
      pending_count: 0,
    });
    expect(status.failures).toEqual([expect.objectContaining({ message: expect.any(String) })]);
    const { body: again } = await json<typeof status>(`/taxii2/api/status/${String(status.id)}/`);
    expect(again).toMatchObject({ id: status.id, total_count: status.total_count, success_count: status.success_count });
  });

  it('§5.1–5.2 lists the collection with its id, title and rights, and 404s one that is not there', async () => {
    const { body } = await json<{ collections: Array<Record<string, unknown>> }>('/taxii2/api/collections/');
    expect(body.collections).toContainEqual(
      expect.objectContaining({ id: collection, title: 'High Value Indicator Collection', can_read: true, can_write: true }),
    );
    const missing = await call('/taxii2/api/collections/00000000-0000-4000-8000-000000000000/');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/taxii\+json/);
    expect(await missing.json()).toMatchObject({ title: expect.any(String), http_status: '404' });
  });

  it('§5.3 gives back every object whole, the newest version of each by default', async () => {
    const { body, headers } = await objects();
    expect(body.more).toBe(false);
    expect(new Set(body.objects!.map(key))).toEqual(new Set(pick('last').map(key)));
    for (const o of body.objects!) expect(o).toEqual(OBJECTS.find((x) => key(x) === key(o)));
    expect(headers.get('x-taxii-date-added-first')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(headers.get('x-taxii-date-added-last')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('§3.4.2 match[version]: first, all, and a given version', async () => {
    expect(new Set((await objects('?match[version]=first')).body.objects!.map(key))).toEqual(new Set(pick('first').map(key)));
    expect((await objects('?match[version]=all')).body.objects!.map(key).sort()).toEqual(OBJECTS.map(key).sort());
    const indicator = OBJECTS.filter((o) => o.id.startsWith('indicator--6770298f')).sort((a, b) =>
      versionOf(a).localeCompare(versionOf(b)),
    );
    const middle = versionOf(indicator[1]!);
    const given = (await objects(`?match[id]=${indicator[1]!.id}&match[version]=${middle}`)).body.objects!;
    expect(given.map(key)).toEqual([key(indicator[1]!)]);
  });

  it('§3.4.2 match[id], match[type] and match[spec_version], alone and together', async () => {
    const types = (await objects('?match[type]=indicator,malware')).body.objects!;
    expect(new Set(types.map(key))).toEqual(
      new Set(
        pick('last')
          .filter((o) => ['indicator', 'malware'].includes(o.type))
          .map(key),
      ),
    );
    const ids = pick('last')
      .slice(0, 2)
      .map((o) => o.id);
    expect(new Set((await objects(`?match[id]=${ids.join(',')}`)).body.objects!.map((o) => o.id))).toEqual(new Set(ids));
    // The malware object's newest version is STIX 2.0 (no spec_version): only it answers for 2.0.
    const older = (await objects('?match[spec_version]=2.0&match[version]=all')).body.objects!;
    expect(older.map(key)).toEqual(OBJECTS.filter((o) => !o.spec_version).map(key));
    expect((await objects('?match[type]=attack-pattern')).body).toEqual({ more: false });
  });

  it('§3.4.1 pages with limit and next: every version once, none skipped, more false at the end', async () => {
    const seen: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const { body } = await objects(`?match[version]=all&limit=3${next ? `&next=${encodeURIComponent(next)}` : ''}`);
      expect(body.objects!.length).toBeLessThanOrEqual(3);
      expect(Boolean(body.next)).toBe(body.more);
      seen.push(...body.objects!.map(key));
      next = body.more ? body.next : undefined;
      pages++;
    } while (next && pages < 20);
    expect(pages).toBe(Math.ceil(OBJECTS.length / 3));
    expect(seen.sort()).toEqual(OBJECTS.map(key).sort());
    const bad = await call(`/taxii2/api/collections/${collection}/objects/?next=not-a-cursor`);
    expect(bad.status).toBe(400);
  });

  it('§3.4.2 added_after is exclusive, and the headers name the first and last time added of the page', async () => {
    const { body: manifest } = await json<{ objects: Array<{ id: string; date_added: string; version: string; media_type: string }> }>(
      `/taxii2/api/collections/${collection}/manifest/?match[version]=all`,
    );
    expect(manifest.objects).toHaveLength(OBJECTS.length);
    for (const m of manifest.objects) {
      expect(m.media_type).toMatch(/^application\/stix\+json;version=2\.[01]$/);
      expect(OBJECTS.some((o) => o.id === m.id && versionOf(o) === m.version)).toBe(true);
    }
    const first = await objects('?match[version]=all&limit=2');
    const after = first.headers.get('x-taxii-date-added-last')!;
    expect(after).toBe(manifest.objects[1]!.date_added);
    const later = (await objects(`?match[version]=all&added_after=${after}`)).body.objects ?? [];
    const expected = manifest.objects.filter((m) => m.date_added > after);
    expect(later.map(key).sort()).toEqual(expected.map((m) => `${m.id}@${m.version}`).sort());
  });

  it('§5.5–5.7 one object, its versions, and its removal; an object that is not there is a 404', async () => {
    const id = OBJECTS.find((o) => o.id.startsWith('indicator--6770298f'))!.id;
    const all = OBJECTS.filter((o) => o.id === id)
      .map(versionOf)
      .sort();
    const { body: one } = await json<Envelope>(`/taxii2/api/collections/${collection}/objects/${id}/?match[version]=all`);
    expect(one.objects!.map(versionOf).sort()).toEqual(all);
    const { body: versions } = await json<{ versions: string[]; more: boolean }>(
      `/taxii2/api/collections/${collection}/objects/${id}/versions/`,
    );
    expect([...versions.versions].sort()).toEqual(all);
    const gone = OBJECTS.find((o) => o.type === 'relationship')!.id;
    expect((await call(`/taxii2/api/collections/${collection}/objects/${gone}/`, { method: 'DELETE' })).status).toBe(200);
    for (const path of [`objects/${gone}/`, `objects/${gone}/versions/`, 'objects/indicator--00000000-0000-4000-8000-000000000000/'])
      expect((await call(`/taxii2/api/collections/${collection}/${path}`)).status).toBe(404);
  });

  it('§1.6 and §3.6 answers in TAXII media types: 401 with a challenge, 406, 415 and 413, each as a TAXII error', async () => {
    const anonymous = await call('/taxii2/api/collections/', { auth: null });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect(await anonymous.json()).toMatchObject({ http_status: '401', title: expect.any(String) });
    const basic = await call('/taxii2/api/collections/', { auth: `Basic ${Buffer.from(`taxii:${token}`).toString('base64')}` });
    expect(basic.status).toBe(200);
    expect((await call('/taxii2/', { headers: { accept: 'text/html' } })).status).toBe(406);
    const wrongType = await call(`/taxii2/api/collections/${collection}/objects/`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'objects',
    });
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get('content-type')).toMatch(/^application\/taxii\+json/);
    const huge = await call(`/taxii2/api/collections/${collection}/objects/`, {
      method: 'POST',
      headers: { 'content-type': MEDIA },
      body: `{"objects":[${'"x",'.repeat(Math.ceil(STIX_MAX_BYTES / 4))}"x"]}`,
    });
    expect(huge.status).toBe(413);
  });
});
