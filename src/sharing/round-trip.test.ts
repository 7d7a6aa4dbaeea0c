/**
 * The examples in, and out again valid: every official STIX 2.1 example is imported, put into a
 * TAXII collection as it was stored and read back as a bundle the official schemas accept; every
 * MISP example event is imported, opened as an incident, and that incident exported as a STIX
 * bundle and a MISP event, each validated against its schema before it leaves.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { stixBundleIssues } from './stix-validate.js';

const fixtures = new URL('../../test/fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, fixtures), 'utf8');
const TAXII = 'application/taxii+json;version=2.1';

describeEachEngine('the examples in and out again, valid', (get) => {
  const { loginAs } = useApp(get);
  let manager: Client;
  beforeAll(async () => {
    manager = await loginAs('incident-manager');
  });
  const importShared = async (text: string) => {
    const res = await manager.request({
      method: 'POST',
      url: '/api/shared-objects?source=examples',
      payload: text,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ objects: Array<{ id: string; type: string }> }>();
  };

  it('serves every imported STIX example from a TAXII collection as a bundle the official schemas accept', async () => {
    const files = readdirSync(new URL('stix/', fixtures)).filter((f) => f.endsWith('.json'));
    for (const file of files) await importShared(read(`stix/${file}`));
    const stored = await get().db.selectFrom('shared_objects').select(['id', 'object']).where('type', 'not like', 'misp-%').execute();
    const sent = files.flatMap((f) => (JSON.parse(read(`stix/${f}`)) as { objects: Array<{ id: string }> }).objects.map((o) => o.id));
    expect(new Set(stored.map((s) => s.id))).toEqual(new Set(sent));

    const collection = (await manager.request({ method: 'POST', url: '/api/taxii-collections', payload: { title: 'Examples' } })).json<{
      id: string;
    }>().id;
    const posted = await manager.request({
      method: 'POST',
      url: `/taxii2/api/collections/${collection}/objects/`,
      payload: JSON.stringify({ objects: stored.map((s) => JSON.parse(s.object) as unknown) }),
      headers: { 'content-type': TAXII, accept: TAXII },
    });
    expect(posted.json<{ failure_count: number }>().failure_count).toBe(0);
    const page = (
      await manager.request({
        url: `/taxii2/api/collections/${collection}/objects/?match[version]=all&limit=1000`,
        headers: { accept: TAXII },
      })
    ).json<{ objects: Array<{ id: string }> }>();
    expect(page.objects).toHaveLength(stored.length);
    expect(stixBundleIssues({ type: 'bundle', id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d', objects: page.objects })).toEqual([]);
  });

  it('opens every MISP example event as an incident and exports it as STIX and MISP, both valid', async () => {
    for (const file of ['event-samsam-objects.json', 'event-osint-sednit.json', 'event-objects-references-minimal.json']) {
      // An older export without uuids is named by its content: the import says how.
      const event = (await importShared(read(`misp/${file}`))).objects.find((o) => o.type === 'misp-event')!.id;
      const opened = await manager.request({ method: 'POST', url: `/api/shared-objects/${event}/incident` });
      expect(opened.statusCode, `${file}: ${opened.body}`).toBe(201);
      const { id } = opened.json<{ id: string }>();
      const stix = await manager.request({ url: `/api/incidents/${id}/stix?incident=true` });
      expect(stix.statusCode, `${file}: ${stix.body}`).toBe(200);
      expect(stixBundleIssues(JSON.parse(stix.body))).toEqual([]);
      const misp = await manager.request({ url: `/api/incidents/${id}/misp?incident=true` });
      expect(misp.statusCode, `${file}: ${misp.body}`).toBe(200);
      expect(misp.json<{ Event: { Attribute: unknown[] } }>().Event).toBeDefined();
    }
  });
});
