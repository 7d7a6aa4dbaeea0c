import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { renderPdf } from '../../test/helpers/pdf.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { renderRfc2350Text } from '../profile/rfc2350.js';
import { saveProfile } from '../profile/service.js';
import { APPENDIX_A_SNAPSHOT } from './datasets.js';
import { accreditedInSector, nationalPointOfContact, sectorsWithoutTeam } from './questions.js';
import { readRfc2350 } from './rfc2350-import.js';
import type { PeerTeam, StoredTeam } from './schema.js';
import { compareSnapshots, getSnapshot, listSnapshots, takeSnapshot } from './snapshots.js';
import { importTeams, listTeams, validateTeam } from './teams.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url), 'utf8');
const base = { services: [], memberships: [], telephone: [], contacts: [], pgpKeys: [] };
const certSe: PeerTeam = {
  ...base,
  name: 'CERT-SE',
  country: 'SE',
  type: 'national',
  nationalPointOfContact: true,
  sectors: [
    { sector: 'government', coverage: 'yes' },
    { sector: 'critical-infrastructure', coverage: 'yes' },
    { sector: 'citizens', coverage: 'partly', note: 'advice only' },
  ],
  services: ['Information Security Incident Management', 'Vulnerability coordination'],
  memberships: [
    { body: 'Trusted Introducer', status: 'accredited', since: '2010-01-01' },
    { body: 'FIRST', status: 'full member' },
  ],
};
const sunet: PeerTeam = {
  ...base,
  name: 'SUNET CERT',
  country: 'SE',
  type: 'research-education',
  sectors: [{ sector: 'research-education', coverage: 'yes' }],
  memberships: [{ body: 'TF-CSIRT' }],
};
const nordCert: PeerTeam = {
  ...base,
  name: 'NorCERT Demo',
  country: 'NO',
  type: 'national',
  sectors: [{ sector: 'government', coverage: 'yes' }],
  memberships: [{ body: 'Trusted Introducer', status: 'listed' }],
};

describeEachEngine('the CSIRT directory', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  let readOnly: Client;
  let constituent: Client;

  beforeAll(async () => {
    const org = await get()
      .db.insertInto('organisations')
      .values({ name: 'City department', kind: 'constituent', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    [analyst, readOnly, constituent] = [await loginAs('analyst'), await loginAs('read-only'), await loginAs('constituent', org.id)];
  });

  async function call<T>(
    client: Client,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await client.request({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}), headers });
    return {
      status: response.statusCode,
      headers: response.headers,
      text: response.body,
      body: (response.body && /json/.test(String(response.headers['content-type'])) ? response.json() : null) as T,
    };
  }

  it('imports teams in one transaction: a bad record anywhere writes nothing', async () => {
    const db = get().db;
    expect(() => validateTeam({ ...sunet, country: 'XX' })).toThrow(/"XX" is not an ISO 3166-1 alpha-2 country code/);
    expect(() => validateTeam({ ...sunet, services: ['Hacking back'] })).toThrow(/not a FIRST CSIRT Services Framework/);
    expect(() => validateTeam({ ...sunet, memberships: [{ body: 'Trusted Introducer', status: 'gold' }] })).toThrow(
      /listed, accredited, certified/,
    );
    await expect(importTeams(db, 'test', [certSe, sunet, certSe])).rejects.toThrow(/appears twice/);
    expect(await listTeams(db)).toEqual([]);

    const bad = await call(analyst, 'POST', '/api/directory/import', {
      format: 'vakt-directory',
      version: 1,
      teams: [certSe, { ...sunet, country: 'ZZ' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.text).toMatch(/teams\[1\].*ZZ/);
    expect(await listTeams(db)).toEqual([]);

    const dry = await call<{ outcomes: Array<{ action: string }> }>(analyst, 'POST', '/api/directory/import?dryRun=true', {
      format: 'vakt-directory',
      version: 1,
      teams: [certSe, sunet, nordCert],
    });
    expect(dry.body.outcomes.map((o) => o.action)).toEqual(['created', 'created', 'created']);
    expect(await listTeams(db)).toEqual([]);

    const done = await call<{ outcomes: Array<{ action: string }> }>(analyst, 'POST', '/api/directory/import', {
      format: 'vakt-directory',
      version: 1,
      teams: [certSe, sunet, nordCert],
    });
    expect(done.body.outcomes.map((o) => o.action)).toEqual(['created', 'created', 'created']);
    const audit = await db.selectFrom('audit_log').select('action').where('object_type', '=', 'peer-team').execute();
    expect(audit.map((a) => a.action)).toEqual(['directory.import', 'directory.import', 'directory.import']);
  });

  it('updates a known team on re-import, shows the difference, and keeps our trust in it', async () => {
    const db = get().db;
    const [current] = await listTeams(db, { q: 'sunet' });
    const put = await call<StoredTeam>(
      analyst,
      'PUT',
      `/api/directory/teams/${current?.id}`,
      { ...sunet, trust: { level: 'high', lastVerified: '2026-11-01' } },
      { 'if-match': '"1"' },
    );
    expect(put.status).toBe(200);
    const stale = await call(analyst, 'PUT', `/api/directory/teams/${current?.id}`, sunet, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);

    const changed = { ...sunet, name: 'sunet cert', services: ['Vulnerability Management'], trust: { level: 'low' as const } };
    const [outcome] = await importTeams(db, 'test', [changed]);
    expect(outcome).toMatchObject({ action: 'updated', id: current?.id });
    expect(outcome?.changes.map((c) => c.field)).toEqual(['name', 'services']);
    const [again] = await importTeams(db, 'test', [changed]);
    expect(again?.action).toBe('unchanged');
    const stored = await listTeams(db, { q: 'sunet' });
    expect(stored).toHaveLength(1);
    expect(stored[0]?.team.trust).toEqual({ level: 'high', lastVerified: '2026-11-01' });
    // Our trust stays ours: the export leaves it out.
    const exported = await call<{ teams: PeerTeam[] }>(readOnly, 'GET', '/api/directory/export');
    expect(exported.body.teams.find((t) => t.name === 'sunet cert')?.trust).toBeUndefined();
  });

  it('keeps a team of no single country under INT with its region, and finds it by INT', async () => {
    const created = await call<{ id: string; team: { country: string; region: string } }>(analyst, 'POST', '/api/directory/teams', {
      name: 'Central Asia Volunteer CERT',
      country: 'INT',
      region: 'Central Asia',
      type: 'sector',
      sectors: [],
      services: [],
      memberships: [],
      telephone: [],
      contacts: [],
      pgpKeys: [],
      description: {},
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.team).toMatchObject({ country: 'INT', region: 'Central Asia' });
    const found = await call<{ teams: Array<{ team: { name: string } }> }>(analyst, 'GET', '/api/directory/teams?country=INT');
    expect(found.body.teams.map((t) => t.team.name)).toEqual(['Central Asia Volunteer CERT']);
    expect((await call(analyst, 'DELETE', `/api/directory/teams/${created.body.id}`)).status).toBe(204);
  });

  it('searches by name, country, type, sector, service and membership', async () => {
    const db = get().db;
    const names = async (filter: Parameters<typeof listTeams>[1]) => (await listTeams(db, filter)).map((t) => t.team.name);
    expect(await names({ country: 'se' })).toEqual(['CERT-SE', 'sunet cert']);
    expect(await names({ q: 'cert' })).toHaveLength(3);
    expect(await names({ q: '%' })).toEqual([]);
    expect(await names({ type: 'national' })).toEqual(['NorCERT Demo', 'CERT-SE']);
    expect(await names({ sector: 'citizens' })).toEqual(['CERT-SE']);
    expect(await names({ sector: 'citizens', coverage: 'yes' })).toEqual([]);
    expect(await names({ service: 'vulnerability coordination' })).toEqual(['CERT-SE']);
    expect(await names({ membership: 'Trusted Introducer' })).toEqual(['NorCERT Demo', 'CERT-SE']);
    expect(await names({ membership: 'Trusted Introducer', status: 'accredited,certified' })).toEqual(['CERT-SE']);
    const api = await call<{ teams: StoredTeam[] }>(readOnly, 'GET', '/api/directory/teams?sector=government&membership=FIRST');
    expect(api.body.teams.map((t) => t.team.name)).toEqual(['CERT-SE']);
  });

  it('pages the directory with a cursor, the record filters included, and refuses a forged cursor', async () => {
    type Page = { teams: StoredTeam[]; next: string | null };
    const walk = async (filter: string) => {
      const names: string[] = [];
      let next: string | null = null;
      do {
        const page: { body: Page } = await call<Page>(
          readOnly,
          'GET',
          `/api/directory/teams?limit=1${filter}${next ? `&after=${next}` : ''}`,
        );
        expect(page.body.teams.length).toBeLessThanOrEqual(1);
        names.push(...page.body.teams.map((t) => t.team.name));
        next = page.body.next;
      } while (next);
      return names;
    };
    const names = async (filter: Parameters<typeof listTeams>[1]) => (await listTeams(get().db, filter)).map((t) => t.team.name);
    expect(await walk('')).toEqual(await names({}));
    expect((await walk('')).length).toBeGreaterThan(2);
    expect(await walk('&membership=Trusted%20Introducer')).toEqual(['NorCERT Demo', 'CERT-SE']);
    const forged = Buffer.from(JSON.stringify(['x', 'not-a-uuid'])).toString('base64url');
    expect((await call(readOnly, 'GET', `/api/directory/teams?after=${forged}`)).status).toBe(400);
  });

  it('answers the gap analysis questions from the data', async () => {
    const db = get().db;
    expect(await nationalPointOfContact(db, 'SE')).toMatchObject({ answer: 'Yes: CERT-SE.' });
    expect((await nationalPointOfContact(db, 'FI')).answer).toMatch(
      /^No: the directory knows no national team or point of contact for Finland/,
    );
    await expect(nationalPointOfContact(db, 'QQ')).rejects.toThrow(/not ISO 3166-1 alpha-2 country codes: QQ/);
    const gaps = await sectorsWithoutTeam(db, 'SE');
    expect(gaps.sectors?.map((s) => s.sector)).toEqual(['commercial', 'sme', 'all-other']);
    expect((await sectorsWithoutTeam(db, 'FI')).sectors).toHaveLength(7);
    expect((await accreditedInSector(db, 'government')).teams.map((t) => t.name)).toEqual(['CERT-SE']);
    expect((await accreditedInSector(db, 'research-education')).answer).toBe('None that the directory knows.');
    const api = await call<{ answer: string }>(readOnly, 'GET', '/api/directory/questions/gaps?country=NO');
    expect(api.body.answer).toMatch(/^Commercial, SME, Research \/ education/);
  });

  it('freezes the matrix in snapshots and compares them with each other and with the 2005 appendix', async () => {
    const db = get().db;
    const shipped = await listSnapshots(db);
    expect(shipped[0]).toMatchObject({
      id: APPENDIX_A_SNAPSHOT.id,
      name: 'ENISA 2005 Appendix A',
      takenAt: '2005-12-31',
      source: 'dataset',
    });
    expect((await getSnapshot(db, APPENDIX_A_SNAPSHOT.id)).matrix.cells.CZ?.government?.text).toBe(
      'Yes for cesnet.cz, cesnet2.cz, ces.net, ten.cz and ipv6.cz',
    );

    const first = await takeSnapshot(db, 'test', { name: 'Nordic 2026', countries: ['FI'] }, new Date('2026-01-15T10:00:00Z'));
    expect(first.takenAt).toBe('2026-01-15');
    await expect(takeSnapshot(db, 'test', { name: 'Nordic 2026' })).rejects.toThrow(/exists already/);
    await importTeams(db, 'test', [
      { ...base, name: 'FI-CERT Demo', country: 'FI', type: 'national', sectors: [{ sector: 'citizens', coverage: 'yes' }] },
    ]);
    const second = await takeSnapshot(db, 'test', { name: 'Nordic 2027', countries: ['FI'] });
    const diff = await compareSnapshots(db, first.id, second.id);
    expect(diff.changed.map((c) => [c.country, c.sector, c.before.level, c.after.level])).toEqual([['FI', 'citizens', 'none', 'yes']]);
    expect(diff.teamsAppeared).toEqual([{ name: 'FI-CERT Demo', country: 'FI' }]);

    const since2005 = await compareSnapshots(db, APPENDIX_A_SNAPSHOT.id, 'live');
    const sweden = since2005.changed.filter((c) => c.country === 'SE').map((c) => [c.sector, c.before.text, c.after.level]);
    expect(sweden).toContainEqual(['sme', 'Partly (Telia)', 'none']);
    expect(sweden).toContainEqual(['citizens', 'No known activity', 'partly']);
    expect(since2005.countriesRemoved).toEqual([]);

    const csv = await call(readOnly, 'GET', `/api/directory/matrix?snapshot=${APPENDIX_A_SNAPSHOT.id}&format=csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain(
      'DK,Denmark,partly,"Partly (KMD, TDC)",partly,"Partly (KMD, TDC)",partly,Only local authorities,yes,Yes,none,No known activity',
    );
    const html = await call(readOnly, 'GET', '/api/directory/matrix?format=html&countries=IS');
    expect(html.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(html.text).toContain('data-country="IS">Iceland</th>');
    const created = await call<{ id: string }>(analyst, 'POST', '/api/directory/snapshots', { name: 'via API' });
    expect(created.status).toBe(201);
    expect((await call(analyst, 'GET', '/api/directory/snapshots/compare?from=live&to=nonsense')).status).toBe(404);
  });

  it('reads an RFC 2350 document over the API, writes only on confirmation, and updates on re-import', async () => {
    const text = fixture('rfc2350/rfc2350-truesec-csirt.txt');
    const preview = await call<{ reading: { team: PeerTeam; understood: unknown[] } }>(analyst, 'POST', '/api/directory/rfc2350', { text });
    expect(preview.status).toBe(200);
    expect(preview.body.reading.team.name).toBe('Truesec CSIRT');
    expect(await listTeams(get().db, { q: 'truesec' })).toEqual([]);
    const written = await call<{ outcome: { action: string; id: string } }>(analyst, 'POST', '/api/directory/rfc2350', {
      text,
      confirm: true,
      shortName: 'TRUESEC',
    });
    expect(written.body.outcome.action).toBe('created');
    const edited = text.replace('Emergency number: +46 81 07200', 'Emergency number: +46 81 07299');
    const again = await call<{ outcome: { action: string; changes: Array<{ field: string }> } }>(
      analyst,
      'POST',
      '/api/directory/rfc2350',
      { text: edited, confirm: true, shortName: 'TRUESEC' },
    );
    expect(again.body.outcome).toMatchObject({ action: 'updated', changes: [{ field: 'telephone' }] });
    expect(await listTeams(get().db, { q: 'truesec' })).toHaveLength(1);

    const notRfc = await call<{ detail: string }>(analyst, 'POST', '/api/directory/rfc2350', {
      text: 'Dear team, here is our report.',
      confirm: true,
    });
    expect(notRfc.status).toBe(400);
    expect(notRfc.body.detail).toMatch(/not an RFC 2350 description/);
    const cut = await call<{ detail: string }>(analyst, 'POST', '/api/directory/rfc2350', { text: text.slice(0, 1500), confirm: true });
    expect(cut.status).toBe(400);
    expect(cut.body.detail).toMatch(/cut off/);
    const badCountry = await call(analyst, 'POST', '/api/directory/rfc2350', { text, country: 'XX' });
    expect(badCountry.status).toBe(400);

    // As most teams publish it: a PDF, here of the RFC 2350 text Vakt serves for CERT Stockholm.
    const stockholm = loadProfileFixture('cert-stockholm');
    const pdf = (await renderPdf(renderRfc2350Text(stockholm), 'CERT Stockholm RFC 2350')).toString('base64');
    const fromPdf = await call<{ reading: { team: PeerTeam } }>(analyst, 'POST', '/api/directory/rfc2350', { pdf });
    expect(fromPdf.status).toBe(200);
    expect(fromPdf.body.reading.team).toMatchObject({ name: 'CERT Stockholm', email: 'cert@stockholm.se', country: 'SE' });
    expect(fromPdf.body.reading.team.operatingHours?.friday).toEqual([{ start: '08:00', end: '16:15' }]);
    for (const body of [{ text, pdf }, {}, { pdf: Buffer.from('%PDF-1.4 broken').toString('base64') }]) {
      const refused = await call<{ detail: string }>(analyst, 'POST', '/api/directory/rfc2350', body);
      expect(refused.status).toBe(400);
    }
  });

  it('exports our own profile as a record that a peer imports unchanged', async () => {
    await saveProfile(get().db, 'test', loadProfileFixture('cert-stockholm'));
    const own = await call<{ format: string; teams: PeerTeam[] }>(readOnly, 'GET', '/api/directory/own-record');
    expect(own.body.teams[0]).toMatchObject({ name: 'CERT Stockholm', shortName: 'CERT-STHLM', country: 'SE', email: 'cert@stockholm.se' });
    const outcome = await call<{ outcomes: Array<{ action: string }> }>(analyst, 'POST', '/api/directory/import', own.body);
    expect(outcome.body.outcomes[0]?.action).toBe('created');
    const [stored] = await listTeams(get().db, { q: 'CERT Stockholm' });
    expect(stored?.team).toEqual(own.body.teams[0]);
  });

  it('lets the team read and write, read-only users read, and constituents nothing', async () => {
    expect((await call(readOnly, 'GET', '/api/directory/teams')).status).toBe(200);
    expect((await call(readOnly, 'POST', '/api/directory/teams', nordCert)).status).toBe(403);
    expect((await call(readOnly, 'POST', '/api/directory/snapshots', { name: 'x' })).status).toBe(403);
    expect((await call(constituent, 'GET', '/api/directory/teams')).status).toBe(403);
    expect((await call(constituent, 'GET', '/api/directory/matrix')).status).toBe(403);
    const dup = await call<{ detail: string }>(analyst, 'POST', '/api/directory/teams', { ...nordCert, name: 'NORCERT DEMO' });
    expect(dup.status).toBe(409);
    const [team] = await listTeams(get().db, { q: 'NorCERT' });
    expect((await call(analyst, 'DELETE', `/api/directory/teams/${team?.id}`)).status).toBe(204);
    expect((await call(analyst, 'GET', `/api/directory/teams/${team?.id}`)).status).toBe(404);
  });
});

it('reads both seed documents into records that validate as teams', () => {
  for (const name of ['rfc2350-cert-stockholm.txt', 'rfc2350-truesec-csirt.txt']) {
    const reading = readRfc2350(fixture(`rfc2350/${name}`));
    expect(reading.errors).toEqual([]);
    expect(() => validateTeam(reading.team)).not.toThrow();
  }
});
