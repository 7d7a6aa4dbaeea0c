/**
 * Two Vakt instances: the first serves a collection over TAXII, the second pulls it with the token
 * the first gave it — over real HTTP on loopback — and holds exactly what the first's egress gate
 * lets that peer's account read; a second pull fetches nothing old, and a new object is fetched alone.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database.js';
import { createApiToken } from '../auth/api-tokens.js';
import { createUser } from '../auth/users.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { buildApp } from '../http/app.js';
import type { App } from '../http/context.js';
import { createIncident } from '../incidents/incidents.js';
import { addObservable } from '../incidents/items.js';
import { followCollection, pullCollection } from './taxii-client.js';

describe('pulling a peer’s TAXII collection', () => {
  let first: Database;
  let second: Database;
  let server: App;
  let collectionUrl = '';
  let token = '';
  let incident = '';
  let collection = '';

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase('pglite'), createTestDatabase('pglite')]);
    server = await buildApp({ database: first, config: { ...loadConfig({}), webDir: '/nonexistent' } });
    await server.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    const { db } = first;
    collection = (
      await db
        .insertInto('taxii_collections')
        .values({ title: 'Nordic', created_by: 'system:test' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    incident = String((await createIncident(db, 'system:test', { title: 'Botnet C2', tlp: 'GREEN' })).id);
    for (const [value, tlp] of [
      ['203.0.113.1', 'CLEAR'],
      ['203.0.113.2', 'GREEN'],
      ['203.0.113.3', 'AMBER'],
    ] as const)
      await addObservable(db, 'system:test', incident, { kind: 'ipv4', value, tlp, isIoc: true });
    const analyst = await createUser(db, 'system:test', {
      email: 'a@first.test',
      name: 'A',
      role: 'analyst',
      password: 'a long enough password',
    });
    const put = await server.inject({
      method: 'POST',
      url: `/api/taxii-collections/${collection}/incidents/${incident}`,
      headers: { authorization: `Bearer ${(await createApiToken(db, analyst.id, { name: 't', scopes: ['read', 'write'] })).token}` },
    });
    expect(put.statusCode, put.body).toBe(200);
    const org = await db
      .insertInto('organisations')
      .values({ name: 'Second CERT', kind: 'peer', parent_id: null, tlp_clearance: 'AMBER' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const peer = await createUser(db, 'system:test', {
      email: 'taxii@second.test',
      name: 'Second',
      role: 'constituent',
      password: 'a long enough password',
      organisationId: org.id,
    });
    token = (await createApiToken(db, peer.id, { name: 'taxii', scopes: ['read'] })).token;
    collectionUrl = `${base}/taxii2/api/collections/${collection}/`;
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await Promise.all([first?.close(), second?.close()]);
  });

  const values = async () =>
    (
      await second.db
        .selectFrom('shared_object_indicators')
        .select('value')
        .distinct()
        .where('kind', '=', 'ipv4')
        .orderBy('value')
        .execute()
    ).map((r) => r.value);

  it('holds exactly what the first lets its peer read, and fetches only what is new', { timeout: 120_000 }, async () => {
    const source = await followCollection(second.db, 'system:test', { url: collectionUrl, token });
    expect(source.created).toBe(true);
    const pull = await pullCollection(second.db, source.id, { allowPrivate: true });
    expect(pull.refused).toBe(0);
    expect(pull.stored).toBeGreaterThan(0);
    expect(await values()).toEqual(['203.0.113.1', '203.0.113.2']);
    const amber = await second.db.selectFrom('shared_objects').select('id').where('object', 'like', '%203.0.113.3%').execute();
    expect(amber).toEqual([]);

    const again = await pullCollection(second.db, source.id, { allowPrivate: true });
    expect(again).toMatchObject({ pages: 1, stored: 0, unchanged: 0 });

    await addObservable(first.db, 'system:test', incident, { kind: 'ipv4', value: '203.0.113.4', tlp: 'CLEAR', isIoc: true });
    const admin = await createUser(first.db, 'system:test', {
      email: 'b@first.test',
      name: 'B',
      role: 'analyst',
      password: 'a long enough password',
    });
    await server.inject({
      method: 'POST',
      url: `/api/taxii-collections/${collection}/incidents/${incident}`,
      headers: { authorization: `Bearer ${(await createApiToken(first.db, admin.id, { name: 't', scopes: ['read', 'write'] })).token}` },
    });
    const third = await pullCollection(second.db, source.id, { allowPrivate: true });
    // The new address, its indicator and relationship, and the report's new version: nothing it had.
    expect(third.unchanged).toBe(0);
    expect(await values()).toEqual(['203.0.113.1', '203.0.113.2', '203.0.113.4']);

    const wrong = await followCollection(second.db, 'system:test', {
      url: `${collectionUrl.slice(0, -37)}00000000-0000-4000-8000-000000000000/`,
      token,
    });
    await expect(pullCollection(second.db, wrong.id, { allowPrivate: true })).rejects.toThrow(/HTTP 404/);
    await expect(followCollection(second.db, 'system:test', { url: 'ftp://example.test/collections/x/', token })).rejects.toThrow(
      /must be a TAXII collection/,
    );
  });
});
