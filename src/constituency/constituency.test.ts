import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { makeKey } from '../../test/helpers/pgp.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { createIncident } from '../incidents/incidents.js';
import { saveProfile } from '../profile/service.js';
import { importRipe } from '../ripe/import.js';
import type { LookupAnswer } from './lookup.js';
import type { StoredOrganisation } from './schema.js';

const fixtureDir = new URL('../../test/fixtures/ripe/', import.meta.url);
const RIPE_FILES = ['inetnum', 'inet6num', 'aut-num', 'irt', 'role', 'organisation'];

/** The RIPE fixtures gzipped, as the RIPE NCC publishes them. */
function gzippedRipeFiles(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'vakt-ripe-'));
  return RIPE_FILES.map((name) => {
    const file = join(dir, `ripe.db.${name}.gz`);
    writeFileSync(file, gzipSync(readFileSync(new URL(`ripe.db.${name}`, fixtureDir))));
    return file;
  });
}

const problem = (r: { statusCode: number; json: () => unknown }) => ({ status: r.statusCode, ...(r.json() as object) });

describeEachEngine('the constituency and lookups', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  let readOnly: Client;
  let city: StoredOrganisation;
  let water: StoredOrganisation;
  let supplier: StoredOrganisation;

  const lookup = async (q: string): Promise<LookupAnswer> => {
    const response = await readOnly.request({ method: 'GET', url: `/api/lookup?q=${encodeURIComponent(q)}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<LookupAnswer>();
  };

  beforeAll(async () => {
    analyst = await loginAs('analyst');
    readOnly = await loginAs('read-only');
    const key = await makeKey('Water SOC', 'soc@vatten.example.se');
    const create = async (body: object) => {
      const response = await analyst.request({ method: 'POST', url: '/api/organisations', payload: body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<StoredOrganisation>();
    };
    city = await create({
      name: 'City of Example',
      category: 'municipality',
      tags: ['government'],
      netblocks: [{ prefix: '10.0.0.0/8' }, { prefix: '2001:db8:5000::/40' }],
      domains: ['example.se'],
      asns: [64510],
      contacts: [{ role: 'security', email: 'CERT@example.se', language: 'sv' }],
    });
    water = await create({
      name: 'Example Water',
      category: 'company',
      parent: city.id,
      tags: ['critical-infrastructure'],
      tlpClearance: 'AMBER',
      netblocks: [{ prefix: '10.20.0.0/16', description: 'SCADA' }],
      domains: ['vatten.example.se'],
      contacts: [{ role: 'abuse', email: 'soc@vatten.example.se', language: 'en', pgpKey: key.armoredPublic }],
    });
    supplier = await create({ name: 'Key Supplier AB', category: 'supplier', netblocks: [{ prefix: '10.20.0.0/16' }] });
  });

  it('stores the hierarchy, what each organisation holds, and the contact key', async () => {
    const list = (await readOnly.request({ method: 'GET', url: '/api/organisations?limit=500' })).json<{
      organisations: StoredOrganisation[];
    }>().organisations;
    const w = list.find((o) => o.id === water.id)!;
    expect(w).toMatchObject({
      parentId: city.id,
      category: 'company',
      tags: ['critical-infrastructure'],
      netblocks: [{ prefix: '10.20.0.0/16', description: 'SCADA' }],
      domains: ['vatten.example.se'],
    });
    expect(w.contacts[0]).toMatchObject({
      email: 'soc@vatten.example.se',
      language: 'en',
      pgpFingerprint: expect.stringMatching(/^[0-9A-F]{40}$/),
    });
    expect(list.find((o) => o.id === city.id)?.contacts[0]?.email).toBe('cert@example.se');
    const stored = await get()
      .db.selectFrom('pgp_keys')
      .select(['email', 'organisation_id'])
      .where('email', '=', 'soc@vatten.example.se')
      .executeTakeFirst();
    expect(stored).toEqual({ email: 'soc@vatten.example.se', organisation_id: water.id });
  });

  it('pages the organisations by name, both ways, found by words, domain, tag, parent or id', async () => {
    type Page = { organisations: StoredOrganisation[]; next: string | null };
    const page = async (query: string): Promise<Page> => {
      const response = await readOnly.request({ method: 'GET', url: `/api/organisations?${query}` });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Page>();
    };
    const names = (p: Page) => p.organisations.map((o) => o.name);
    // The team's own organisation is in the list too, so walk every page and compare with one long page.
    const all = names(await page('limit=500'));
    const walked: string[] = [];
    let next: string | null = null;
    do {
      const p: Page = await page(`limit=1${next ? `&after=${next}` : ''}`);
      walked.push(...names(p));
      next = p.next;
    } while (next);
    expect(walked).toEqual(all);
    expect(all).toEqual([...all].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const backwards: string[] = [];
    next = null;
    do {
      const p: Page = await page(`sort=-name&limit=2${next ? `&after=${next}` : ''}`);
      backwards.push(...names(p));
      next = p.next;
    } while (next);
    expect(backwards).toEqual([...all].reverse());

    expect(names(await page('q=WATER'))).toEqual(['Example Water']);
    expect(names(await page('q=vatten.example'))).toEqual(['Example Water']);
    expect(names(await page('q=government'))).toEqual(['City of Example']);
    expect(names(await page('q=100%25'))).toEqual([]);
    expect(names(await page(`parent=${city.id}`))).toEqual(['Example Water']);
    expect(names(await page(`id=${supplier.id}&id=${city.id}`))).toEqual(['City of Example', 'Key Supplier AB']);
    expect(names(await page(`id=${water.id}`))).toEqual(['Example Water']);

    for (const bad of ['after=bm90LWEtY3Vyc29y', 'after=!!', 'sort=size', 'limit=0', 'id=nope', 'colour=red']) {
      const response = await readOnly.request({ method: 'GET', url: `/api/organisations?${bad}` });
      expect(response.statusCode, bad).toBe(400);
      expect(response.headers['content-type'], bad).toMatch(/problem\+json/);
    }
  });

  it('answers by longest prefix, shows both owners of a shared netblock and every overlap', async () => {
    const answer = await lookup('10.20.3.4');
    expect(answer.decidedBy).toBe('constituency');
    expect(answer.organisations.map((o) => o.name).sort()).toEqual(['Example Water', 'Key Supplier AB']);
    expect(answer.organisations.find((o) => o.name === 'Example Water')?.contacts[0]?.email).toBe('soc@vatten.example.se');
    expect(answer.overlaps.map((o) => o.matched)).toEqual(['10.0.0.0/8', '10.20.0.0/16', '10.20.0.0/16']);
    expect(answer.reason).toContain('2 organisations claim it');
    const other = await lookup('10.99.0.1');
    expect(other.organisations.map((o) => o.name)).toEqual(['City of Example']);
    expect(other.reason).toContain('netblock 10.0.0.0/8');
    expect((await lookup('10.20.0.0/20')).organisations).toHaveLength(2);
    expect((await lookup('10.0.0.0/7')).decidedBy).not.toBe('constituency');
    expect((await lookup('2001:db8:5012::1')).organisations[0]?.name).toBe('City of Example');
    expect((await lookup('::ffff:10.99.0.1')).organisations[0]?.name).toBe('City of Example');
  });

  it('answers domains by suffix, URLs and e-mail addresses by their host, and AS numbers', async () => {
    expect((await lookup('www.vatten.example.se')).organisations[0]?.name).toBe('Example Water');
    expect((await lookup('https://portal.example.se/login?x=1')).organisations[0]?.name).toBe('City of Example');
    expect((await lookup('http://10.20.1.1:8080/')).organisations).toHaveLength(2);
    expect((await lookup('someone@VATTEN.example.se')).organisations[0]?.name).toBe('Example Water');
    const byAsn = await lookup('as64510');
    expect(byAsn).toMatchObject({ kind: 'asn', normalised: 'AS64510', decidedBy: 'constituency' });
    expect((await lookup('notexample.se')).decidedBy).not.toBe('constituency');
  });

  it('refuses what is no address, domain or AS number with a problem', async () => {
    for (const q of ['10.0.0.1/24', 'AS99999999999', 'not a domain', '999.1.1.1', 'http://', 'a'.repeat(300)]) {
      const response = await readOnly.request({ method: 'GET', url: `/api/lookup?q=${encodeURIComponent(q)}` });
      expect(response.statusCode, q).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('falls back to RIPE along every path, then to the national point of contact', async () => {
    expect((await lookup('198.51.100.7')).decidedBy).toBe('none');
    const report = await importRipe(get().db, 'system:test', gzippedRipeFiles());
    expect(report.counts).toEqual({ inetnum: 6, inet6num: 2, 'aut-num': 2, irt: 2, role: 2, organisation: 2 });
    expect(report.ignored).toBe(1);
    expect(report.problems.map((p) => [p.file, p.line])).toEqual([
      ['ripe.db.inetnum.gz', 51],
      ['ripe.db.inetnum.gz', 55],
    ]);
    const irt = await lookup('198.51.100.7');
    expect(irt).toMatchObject({
      decidedBy: 'ripe',
      ripe: { netname: 'EXAMPLE-IRT-NET', contacts: [{ email: 'abuse@irt.example.net', via: 'mnt-irt IRT-EXAMPLE → abuse-mailbox' }] },
    });
    expect((await lookup('203.0.113.5')).ripe?.contacts).toEqual([
      // Written "a@x b@x," and again in capitals: each address once.
      { email: 'csirt@mailonly.example', via: 'mnt-irt IRT-MAILONLY → e-mail' },
      { email: 'soc@mailonly.example', via: 'mnt-irt IRT-MAILONLY → e-mail' },
    ]);
    expect((await lookup('192.0.2.44')).ripe?.contacts).toEqual([
      { email: 'abuse@role.example.se', via: 'abuse-c AR1-RIPE → abuse-mailbox' },
    ]);
    expect((await lookup('100.64.1.1')).ripe?.contacts).toEqual([
      { email: 'abuse@org.example.fi', via: 'org ORG-EX1-RIPE → abuse-c AR2-RIPE → abuse-mailbox' },
    ]);
    const child = await lookup('100.64.10.9');
    expect(child.ripe).toMatchObject({
      netname: 'CHILD-WITHOUT-CONTACT',
      fromParent: true,
      contacts: [{ email: 'abuse@org.example.fi', via: expect.stringContaining('parent range 100.64.0.0 - 100.64.255.255') }],
    });
    expect((await lookup('100.65.0.5')).ripe).toMatchObject({
      object: '100.65.0.1 - 100.65.0.6',
      contacts: [{ email: 'abuse@mailbox.example.no' }],
    });
    expect((await lookup('2001:db8:abcd:1::1')).ripe?.contacts[0]?.email).toBe('abuse@irt.example.net');
    expect((await lookup('2001:db8:ffff::1')).ripe?.contacts[0]?.email).toBe('abuse@role.example.se');
    expect((await lookup('AS64500')).ripe?.contacts[0]?.email).toBe('abuse@org.example.fi');
    expect((await lookup('AS64501')).ripe?.contacts[0]?.via).toBe('abuse-c AR1-RIPE → abuse-mailbox');
    // Unaligned range: 100.65.0.0 is outside it.
    expect((await lookup('100.65.0.0')).decidedBy).toBe('none');

    await saveProfile(get().db, 'system:test', loadProfileFixture('cert-stockholm'));
    const poc = await lookup('100.65.0.0');
    expect(poc).toMatchObject({
      decidedBy: 'national-point-of-contact',
      nationalPointOfContact: { name: 'CERT-SE', email: 'cert@cert.se' },
    });
    expect(poc.reason).toContain('the RIPE database (as imported) has no object for it');
    expect((await lookup('unknown.example.org')).reason).toContain('the RIPE database does not map domains');

    // A re-import replaces the classes it contains, in one go.
    const dir = mkdtempSync(join(tmpdir(), 'vakt-ripe-'));
    writeFileSync(join(dir, 'ripe.db.inetnum'), 'inetnum: 198.51.100.0 - 198.51.100.255\nnetname: REPLACED\nabuse-c: AR1-RIPE\n');
    await importRipe(get().db, 'system:test', [join(dir, 'ripe.db.inetnum')]);
    expect((await lookup('198.51.100.7')).ripe).toMatchObject({ netname: 'REPLACED', contacts: [{ email: 'abuse@role.example.se' }] });
    expect((await lookup('192.0.2.44')).decidedBy).toBe('national-point-of-contact');
    expect((await lookup('2001:db8:ffff::1')).decidedBy).toBe('ripe');
    // A file with nothing usable changes nothing.
    writeFileSync(join(dir, 'garbage'), '\u0000\u0001binary\nnot rpsl at all\n');
    await expect(importRipe(get().db, 'system:test', [join(dir, 'garbage')])).rejects.toThrow(/no inetnum/);
    expect((await lookup('198.51.100.7')).ripe?.netname).toBe('REPLACED');
  });

  it('sees a change at once: the index reloads when the constituency moves', async () => {
    expect((await lookup('172.16.5.5')).decidedBy).not.toBe('constituency');
    const current = await readOnly.request({ method: 'GET', url: `/api/organisations/${supplier.id}` });
    const etag = current.headers.etag as string;
    const body = { name: 'Key Supplier AB', category: 'supplier', netblocks: [{ prefix: '10.20.0.0/16' }, { prefix: '172.16.0.0/12' }] };
    const updated = await analyst.request({
      method: 'PUT',
      url: `/api/organisations/${supplier.id}`,
      headers: { 'if-match': etag },
      payload: body,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect((await lookup('172.16.5.5')).organisations[0]?.name).toBe('Key Supplier AB');
    const stale = await analyst.request({
      method: 'PUT',
      url: `/api/organisations/${supplier.id}`,
      headers: { 'if-match': etag },
      payload: body,
    });
    expect(problem(stale)).toMatchObject({ status: 409 });
  });

  it('refuses invalid organisations with every reason, and cycles in the hierarchy', async () => {
    const bad = await analyst.request({
      method: 'POST',
      url: '/api/organisations',
      payload: {
        name: 'Bad',
        netblocks: [{ prefix: '10.0.0.1/8' }, { prefix: '300.1.1.0/24' }],
        domains: ['no_domain!'],
        contacts: [{ role: 'abuse', email: 'a@b.se', pgpKey: 'not a key' }],
      },
    });
    expect(problem(bad)).toMatchObject({ status: 400 });
    const fields = (bad.json() as { errors: Array<{ field: string }> }).errors.map((i) => i.field);
    expect(fields).toEqual(['netblocks[0]', 'netblocks[1]', 'domains[0]', 'contacts[0].pgpKey']);
    const cycle = await analyst.request({
      method: 'PUT',
      url: `/api/organisations/${city.id}`,
      payload: { name: 'City of Example', parent: water.id },
    });
    expect(problem(cycle)).toMatchObject({ status: 400, detail: expect.stringContaining('descendants') });
    const forbidden = await readOnly.request({ method: 'POST', url: '/api/organisations', payload: { name: 'X' } });
    expect(forbidden.statusCode).toBe(403);
    const constituent = await loginAs('constituent', water.id);
    expect((await constituent.request({ method: 'GET', url: '/api/lookup?q=10.0.0.1' })).statusCode).toBe(403);
  });

  it('imports CSV: all problems with line and field, nothing written, unless invalid rows are skipped', async () => {
    const csv = [
      'name,parent,category,netblocks,domains,asns,contact_role,contact_email,contact_language',
      'Example Schools,City of Example,department,10.30.0.0/16;10.31.0.0/16,skola.example.se,,security,it@skola.example.se,sv',
      'Example Schools,,,2001:db8:5100::/48,,,technical,noc@skola.example.se,en',
      'Broken Net,,company,10.40.0.1/16,,AS12x,abuse,not-an-email,sv',
      'Orphan,Nobody Ltd,company,,,,,,',
      'Housing Foundation,City of Example,foundation,10.50.0.0/16,bostad.example.se,64520,abuse,abuse@bostad.example.se,xx',
    ].join('\n');
    const refused = await analyst.request({ method: 'POST', url: '/api/organisations/import', payload: { format: 'csv', content: csv } });
    expect(problem(refused)).toMatchObject({ status: 400, detail: expect.stringContaining('nothing imported') });
    const issues = (refused.json() as { errors: Array<{ field: string; reason: string }> }).errors;
    expect(issues.map((i) => i.field)).toEqual([
      'line 4: asns[0]',
      'line 4: contacts[0].email',
      'line 4: netblocks[0]',
      'line 5: parent',
      'line 6: contacts[0].language',
    ]);
    expect((await lookup('10.30.1.1')).organisations[0]?.name).toBe('City of Example');

    const partial = await analyst.request({
      method: 'POST',
      url: '/api/organisations/import',
      payload: { format: 'csv', content: csv, skipInvalid: true },
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json()).toMatchObject({ created: ['Example Schools'], updated: [], skipped: 3 });
    const schools = await lookup('2001:db8:5100::9');
    expect(schools.organisations[0]).toMatchObject({
      name: 'Example Schools',
      contacts: [{ email: 'it@skola.example.se' }, { email: 'noc@skola.example.se', language: 'en' }],
    });

    const wrongColumns = await analyst.request({
      method: 'POST',
      url: '/api/organisations/import',
      payload: { format: 'csv', content: 'organisation,ip\nA,10.0.0.0/8\n' },
    });
    expect(problem(wrongColumns)).toMatchObject({ status: 400, detail: expect.stringContaining('unknown column(s) organisation, ip') });
    const unterminated = await analyst.request({
      method: 'POST',
      url: '/api/organisations/import',
      payload: { format: 'csv', content: 'name,notes\nA,"never closed\n' },
    });
    expect(problem(unterminated)).toMatchObject({ status: 400, detail: expect.stringContaining('not readable as CSV') });
  });

  it('imports JSON, updating by name, and a dry run writes nothing', async () => {
    const content = JSON.stringify({
      format: 'vakt-constituency',
      organisations: [
        { name: 'Example Schools', category: 'department', parent: 'City of Example', netblocks: [{ prefix: '10.32.0.0/16' }] },
        { name: 'Harbour AB', category: 'company', domains: ['harbour.example.net'] },
      ],
    });
    const dry = await analyst.request({
      method: 'POST',
      url: '/api/organisations/import',
      payload: { format: 'json', content, dryRun: true },
    });
    expect(dry.json()).toMatchObject({ created: ['Harbour AB'], updated: ['Example Schools'], dryRun: true });
    expect((await lookup('harbour.example.net')).decidedBy).not.toBe('constituency');
    const done = await analyst.request({ method: 'POST', url: '/api/organisations/import', payload: { format: 'json', content } });
    expect(done.json()).toMatchObject({ created: ['Harbour AB'], updated: ['Example Schools'] });
    expect((await lookup('10.32.0.1')).organisations[0]?.name).toBe('Example Schools');
    expect((await lookup('www.harbour.example.net')).organisations[0]?.name).toBe('Harbour AB');
    expect((await lookup('10.30.0.1')).organisations[0]?.name).toBe('City of Example');
    const audit = await get().db.selectFrom('audit_log').select('action').where('action', 'like', 'organisation.%').execute();
    expect(audit.length).toBeGreaterThanOrEqual(6);
  });

  it('names the organisations an incident affects', async () => {
    const { id } = await createIncident(get().db, 'system:test', {
      title: 'Ransomware at the water company',
      rsitClass: 'malicious-code',
      rsitType: 'infected-system',
      priority: 'high',
    });
    const set = await analyst.request({
      method: 'PUT',
      url: `/api/incidents/${id}/organisations`,
      payload: { organisationIds: [water.id, supplier.id] },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await readOnly.request({ method: 'GET', url: `/api/incidents/${id}/organisations` })).json()).toEqual([
      { id: water.id, name: 'Example Water' },
      { id: supplier.id, name: 'Key Supplier AB' },
    ]);
    const bad = await analyst.request({
      method: 'PUT',
      url: `/api/incidents/${id}/organisations`,
      payload: { organisationIds: ['00000000-0000-4000-8000-000000000000'] },
    });
    expect(problem(bad)).toMatchObject({ status: 400, detail: expect.stringContaining('not an organisation of the constituency') });
    expect(
      (await readOnly.request({ method: 'PUT', url: `/api/incidents/${id}/organisations`, payload: { organisationIds: [] } })).statusCode,
    ).toBe(403);
    expect((await readOnly.request({ method: 'GET', url: '/api/incidents/999999/organisations' })).statusCode).toBe(404);
  });

  it("deletes an organisation that nothing refers to, keeping its contacts' keys in the key store", async () => {
    const refused = await analyst.request({ method: 'DELETE', url: `/api/organisations/${city.id}` });
    expect(problem(refused)).toMatchObject({ status: 409, detail: expect.stringContaining('still has sub-organisations') });
    const key = await makeKey('Short-lived', 'it@short.example');
    const created = await analyst.request({
      method: 'POST',
      url: '/api/organisations',
      payload: {
        name: 'Short-lived AB',
        netblocks: [{ prefix: '10.77.0.0/16' }],
        contacts: [{ role: 'security', email: 'it@short.example', pgpKey: key.armoredPublic }],
      },
    });
    expect((await lookup('10.77.1.1')).organisations[0]?.name).toBe('Short-lived AB');
    const deleted = await analyst.request({ method: 'DELETE', url: `/api/organisations/${created.json<StoredOrganisation>().id}` });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await lookup('10.77.1.1')).organisations.map((o) => o.name)).toEqual(['City of Example']);
    const stored = await get()
      .db.selectFrom('pgp_keys')
      .select('organisation_id')
      .where('email', '=', 'it@short.example')
      .executeTakeFirstOrThrow();
    expect(stored.organisation_id).toBeNull();
  });
});
