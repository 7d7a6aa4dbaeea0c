/**
 * The team's CSAF provider: what it serves after a publication, checked with the tools a
 * consumer uses — `sha256sum -c`, `sha512sum -c` and `gpg --verify` over the downloaded files — and
 * its access rules: TLP:WHITE for everyone, the other folders only for who may read them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { makeKey } from '../../test/helpers/pgp.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { saveProfile } from '../profile/service.js';
import { sampleContent } from '../../test/helpers/advisories.js';
import type { AdvisoryContent } from './content.js';
import { providerMetadataIssues } from './provider-metadata.js';

const key = await makeKey('CERT Stockholm', 'cert@cert-stockholm.test');
const BASE = 'https://cert.example.se/.well-known/csaf';

describeEachEngine('the CSAF provider', (get) => {
  const { app, loginAs } = useApp(get, { publicUrl: 'https://cert.example.se' }, { teamKey: key.teamKey });
  let analyst: Client;
  let constituent: Client;
  const published: Record<string, string> = {};

  async function publish(tlp: AdvisoryContent['tlp']): Promise<string> {
    const reviewer = await loginAs('analyst');
    const manager = await loginAs('incident-manager');
    const products: Record<string, string> = {};
    for (const version of ['2.0', '2.1']) {
      const res = await analyst.request({
        method: 'POST',
        url: '/api/products',
        payload: { vendor: `Vendor ${tlp}`, name: 'Router', version },
      });
      products[version] = res.json<{ id: string }>().id;
    }
    const content = { ...sampleContent({ affected: products['2.0']!, fixed: products['2.1']! }, tlp), title: `Router flaw TLP:${tlp}` };
    const { id } = (await analyst.request({ method: 'POST', url: '/api/authored-advisories', payload: content })).json<{ id: string }>();
    await analyst.request({ method: 'POST', url: `/api/authored-advisories/${id}/submit` });
    await reviewer.request({ method: 'POST', url: `/api/authored-advisories/${id}/review`, payload: { decision: 'approve' } });
    const res = await manager.request({ method: 'POST', url: `/api/authored-advisories/${id}/publish` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ path: string }>().path;
  }

  beforeAll(async () => {
    await saveProfile(get().db, 'system:test', loadProfileFixture('cert-stockholm'));
    analyst = await loginAs('analyst');
    const org = await get()
      .db.insertInto('organisations')
      .values({ name: 'Green-cleared city', kind: 'constituent', parent_id: null, tlp_clearance: 'GREEN' })
      .returning('id')
      .executeTakeFirstOrThrow();
    constituent = await loginAs('constituent', org.id);
    for (const tlp of ['CLEAR', 'GREEN', 'AMBER'] as const) published[tlp] = await publish(tlp);
  }, 120_000);

  const anonymous = (url: string) => app().inject({ url });

  it('serves valid provider metadata, the ROLIE service document, and the key in security.txt and the metadata', async () => {
    const res = await anonymous('/.well-known/csaf/provider-metadata.json');
    expect(res.statusCode).toBe(200);
    const metadata = res.json<{ canonical_url: string; role: string; public_openpgp_keys: Array<{ fingerprint: string; url: string }> }>();
    expect(providerMetadataIssues(metadata)).toEqual([]);
    expect(metadata).toMatchObject({ canonical_url: `${BASE}/provider-metadata.json`, role: 'csaf_trusted_provider' });
    expect(metadata.public_openpgp_keys).toEqual([
      { fingerprint: key.teamKey.fingerprint, url: `${BASE}/openpgp/${key.teamKey.fingerprint}.asc` },
    ]);
    const served = await anonymous(`/.well-known/csaf/openpgp/${key.teamKey.fingerprint}.asc`);
    expect(served.body).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    expect(served.body).not.toContain('PRIVATE');
    expect((await anonymous('/.well-known/security.txt')).body).toContain(`CSAF: ${BASE}/provider-metadata.json\n`);
    expect((await anonymous('/.well-known/csaf/service.json')).json()).toMatchObject({
      service: { workspace: [{ collection: expect.any(Array) }] },
    });
  });

  it('lists TLP:WHITE for everyone: index.txt, changes.csv with zoned times, a ROLIE feed and directory listings', async () => {
    const white = published.CLEAR!;
    const inFolder = white.slice('white/'.length);
    expect((await anonymous('/.well-known/csaf/white/index.txt')).body).toBe(`${inFolder}\n`);
    expect((await anonymous('/.well-known/csaf/white/changes.csv')).body).toMatch(
      new RegExp(`^"${inFolder}","\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"\\n$`),
    );
    const feed = (await anonymous('/.well-known/csaf/feed-tlp-white.json')).json<{
      feed: { entry: Array<{ link: Array<{ rel: string; href: string }> }> };
    }>();
    expect(feed.feed.entry).toHaveLength(1);
    expect(feed.feed.entry[0]!.link.map((l) => l.href)).toEqual([
      `${BASE}/${white}`,
      `${BASE}/${white}.sha256`,
      `${BASE}/${white}.sha512`,
      `${BASE}/${white}.asc`,
    ]);
    for (const listing of ['/.well-known/csaf/white/', '/.well-known/csaf/white'])
      expect((await anonymous(listing)).body).toContain(`href="${inFolder.split('/')[0]}/"`);
    expect((await anonymous(`/.well-known/csaf/white/${inFolder.split('/')[0]}/`)).body).toContain(`href="${inFolder.split('/')[1]}.asc"`);
  });

  it('serves each document with hashes that sha256sum and sha512sum accept and a signature gpg verifies', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vakt-csaf-'));
    const [folder, year, file] = published.CLEAR!.split('/') as [string, string, string];
    mkdirSync(join(dir, year));
    for (const suffix of ['', '.sha256', '.sha512', '.asc']) {
      const res = await anonymous(`/.well-known/csaf/${folder}/${year}/${file}${suffix}`);
      expect(res.statusCode, suffix).toBe(200);
      writeFileSync(join(dir, year, file + suffix), res.rawPayload);
    }
    execFileSync('sha256sum', ['-c', `${file}.sha256`], { cwd: join(dir, year) });
    execFileSync('sha512sum', ['-c', `${file}.sha512`], { cwd: join(dir, year) });
    const home = join(dir, 'gnupg');
    mkdirSync(home, { mode: 0o700 });
    writeFileSync(join(dir, 'key.asc'), key.armoredPublic);
    execFileSync('gpg', ['--homedir', home, '--batch', '--import', join(dir, 'key.asc')], { stdio: 'pipe' });
    const verify = execFileSync('gpg', ['--homedir', home, '--batch', '--status-fd', '1', '--verify', `${file}.asc`, file], {
      cwd: join(dir, year),
      stdio: 'pipe',
    }).toString();
    expect(verify).toContain(`VALIDSIG ${key.teamKey.fingerprint}`);
    // A changed byte fails both.
    writeFileSync(join(dir, year, file), (await anonymous(`/.well-known/csaf/${published.CLEAR}`)).body.replace('Router', 'Rooter'));
    expect(() => execFileSync('sha512sum', ['-c', `${file}.sha512`], { cwd: join(dir, year), stdio: 'pipe' })).toThrow();
    expect(() =>
      execFileSync('gpg', ['--homedir', home, '--batch', '--verify', `${file}.asc`, file], { cwd: join(dir, year), stdio: 'pipe' }),
    ).toThrow();
  });

  it('keeps the folders above TLP:WHITE from strangers, and gives each reader only what the gate admits', async () => {
    for (const url of [
      '/.well-known/csaf/green/index.txt',
      '/.well-known/csaf/feed-tlp-amber.json',
      `/.well-known/csaf/${published.AMBER}`,
    ])
      expect((await anonymous(url)).statusCode, url).toBe(401);
    // The constituent's organisation is cleared up to GREEN.
    const green = await constituent.request({ url: `/.well-known/csaf/${published.GREEN}` });
    expect(green.statusCode).toBe(200);
    expect((await constituent.request({ url: '/.well-known/csaf/amber/index.txt' })).body).toBe('');
    const decisions = async () =>
      Number(
        (
          await get()
            .db.selectFrom('egress_decisions')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('channel', '=', 'csaf:provider')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await decisions();
    const amber = await constituent.request({ url: `/.well-known/csaf/${published.AMBER}` });
    // One download is one decision, about that document only.
    expect((await decisions()) - before).toBe(1);
    expect(amber.statusCode).toBe(404);
    expect(amber.body).not.toContain('Router flaw');
    expect((await constituent.request({ url: '/.well-known/csaf/feed-tlp-amber.json' })).body).not.toContain('Router flaw');
    expect((await analyst.request({ url: `/.well-known/csaf/${published.AMBER}` })).statusCode).toBe(200);
    const refused = await get()
      .db.selectFrom('egress_decisions')
      .select(['allowed', 'tlp'])
      .where('channel', '=', 'csaf:provider')
      .where('allowed', '=', false)
      .execute();
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((d) => d.tlp === 'AMBER')).toBe(true);
  });
});
