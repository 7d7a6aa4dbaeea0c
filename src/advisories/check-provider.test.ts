/**
 * `vakt advisories check-provider` against Vakt's own provider, served over HTTPS as in
 * production, and against a provider that makes the mistakes real ones have made: a SHA-512 that
 * does not match, a signature by another key, a malformed ROLIE feed, changes.csv times without a
 * zone, a redirect, no CSAF line in security.txt, and plain HTTP. Subscriptions read both, and
 * a lister's list of providers, one of which offers only a ROLIE feed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleContent } from '../../test/helpers/advisories.js';
import { runCli } from '../../test/helpers/cli.js';
import { createTestDatabase } from '../../test/helpers/database.js';
import { makeKey } from '../../test/helpers/pgp.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { makeCertificate, tlsFront, type TestCertificate } from '../../test/helpers/tls.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { buildApp } from '../http/app.js';
import type { App } from '../http/context.js';
import { saveProfile } from '../profile/service.js';
import { advanceAuthored, createAuthored } from './authoring.js';
import { createProduct } from './catalogue.js';
import type { AdvisoryContent } from './content.js';
import type { ProviderCheck } from './check-provider.js';
import { publishAuthored } from './publish.js';

const key = await makeKey('CERT Stockholm', 'cert@cert-stockholm.test');
const otherKey = await makeKey('Someone else', 'else@example.test');

describe('vakt advisories check-provider', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vakt-provider-'));
  let certificate: TestCertificate;
  let database: Database;
  let app: App;
  let port = 0;
  let front: { url: string; close: () => Promise<void> };
  const paths: string[] = [];

  async function publish(tlp: AdvisoryContent['tlp'], vendor: string): Promise<void> {
    const { db } = database;
    const affected = await createProduct(db, 'user:author', {
      vendor,
      name: 'Router',
      version: '2.0',
      cpe: `cpe:2.3:o:${vendor.toLowerCase()}:router_firmware:2.0:*:*:*:*:*:*:*`,
    });
    const fixed = await createProduct(db, 'user:author', { vendor, name: 'Router', version: '2.1' });
    const draft = await createAuthored(db, 'user:author', sampleContent({ affected: affected.id, fixed: fixed.id }, tlp));
    await advanceAuthored(db, 'user:author', draft.id, { action: 'submit' });
    await advanceAuthored(db, 'user:reviewer', draft.id, { action: 'review', decision: 'approve' });
    paths.push((await publishAuthored(db, 'user:manager', draft.id, { teamKey: key.teamKey, configuredUrl: front.url })).path);
  }

  beforeAll(async () => {
    certificate = makeCertificate(dir);
    front = await tlsFront(certificate, () => port);
    database = await createTestDatabase('pglite');
    await saveProfile(database.db, 'system:test', loadProfileFixture('cert-stockholm'));
    app = await buildApp({
      database,
      config: { ...loadConfig({}), webDir: '/nonexistent', publicUrl: front.url },
      teamKey: key.teamKey,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    await publish('CLEAR', 'Example');
    await publish('AMBER', 'Hidden');
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await front?.close();
    await database?.close();
  });

  const check = async (url: string, extra: string[] = []) => {
    const result = await runCli(['advisories', 'check-provider', url, ...extra], {
      NODE_EXTRA_CA_CERTS: certificate.certFile,
      VAKT_FEED_PRIVATE_URLS: 'true',
    });
    return { ...result, report: extra.includes('--json') ? (JSON.parse(result.stdout) as ProviderCheck) : undefined };
  };
  const statuses = (report: ProviderCheck | undefined) => Object.fromEntries((report?.rules ?? []).map((r) => [r.rule, r.status]));

  it("passes every applicable rule on Vakt's own provider, found from the site alone", { timeout: 180_000 }, async () => {
    const { code, report, stderr } = await check(front.url, ['--json']);
    expect(stderr).toBe('');
    expect(report?.rules.filter((r) => r.status === 'fail')).toEqual([]);
    expect(code).toBe(0);
    expect(report).toMatchObject({
      metadataUrl: `${front.url}/.well-known/csaf/provider-metadata.json`,
      role: 'csaf_trusted_provider',
      passed: true,
      documents: 1,
    });
    const want: Record<number, string> = Object.fromEntries(Array.from({ length: 23 }, (_, i) => [i + 1, 'pass']));
    Object.assign(want, { 10: 'not-applicable', 17: 'not-offered', 21: 'not-applicable', 22: 'not-applicable', 23: 'not-applicable' });
    expect(statuses(report)).toEqual(want);
    const text = await check(`${front.url}/.well-known/csaf/provider-metadata.json`);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^19 pass +Signatures$/m);
    expect(text.stdout).toContain('every applicable requirement is met');
  });

  it('fails plain HTTP', { timeout: 180_000 }, async () => {
    const { code, report } = await check(`http://127.0.0.1:${port}/.well-known/csaf/provider-metadata.json`, ['--json']);
    expect(code).toBe(1);
    // The metadata names the HTTPS address, so it is not canonical here, and only what was asked over HTTP fails 3.
    expect(report?.rules.find((r) => r.rule === 3)).toMatchObject({
      status: 'fail',
      messages: expect.arrayContaining([`http://127.0.0.1:${port}/.well-known/csaf/provider-metadata.json is not served over HTTPS`]),
    });
    expect(statuses(report)[7]).toBe('fail');
  });

  it(
    'subscribes to a provider, fetches only what changed, verifies and stores it, and drafts notices to the organisations it concerns',
    { timeout: 240_000 },
    async () => {
      const data = join(dir, 'subscriber');
      const env = { NODE_EXTRA_CA_CERTS: certificate.certFile, VAKT_FEED_PRIVATE_URLS: 'true', VAKT_DATA_DIR: data };
      expect((await runCli(['migrate'], env)).code).toBe(0);
      const csv = join(dir, 'constituency.csv');
      writeFileSync(
        csv,
        'name,contact_email,products\n"Harbour","it@harbour.test","cpe:2.3:o:example:router_firmware:*:*:*:*:*:*:*:*;pkg:npm/left-pad@1.3.0"\n"Library","it@library.test","cpe:2.3:a:other:catalogue:1.0:*:*:*:*:*:*:*"\n',
      );
      expect((await runCli(['constituency', 'import', csv], env)).code).toBe(0);
      const metadata = `${front.url}/.well-known/csaf/provider-metadata.json`;
      const first = await runCli(['advisories', 'subscribe', metadata], env);
      expect(first.stderr.split('\n').filter((l) => l && !l.includes('documents |'))).toEqual([]);
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('subscribed to CERT Stockholm');
      // Only TLP:WHITE is read without credentials: the AMBER advisory is not fetched.
      expect(first.stdout).toContain('1 changed: 1 imported, 0 unchanged, 0 refused; 1 draft notice(s)');
      const again = await runCli(['advisories', 'subscribe', metadata], env);
      expect(again.stdout).toContain('already following CERT Stockholm');
      expect(again.stdout).toContain('0 changed: 0 imported');

      const subscriber = await openDatabase({ dataDir: data });
      try {
        const stored = await subscriber.db.selectFrom('advisories').select(['tracking_id', 'provenance', 'valid', 'source']).execute();
        expect(stored).toHaveLength(1);
        expect(stored[0]).toMatchObject({ valid: true, provenance: { hash: 'sha512', signer: key.teamKey.fingerprint } });
        expect(stored[0]?.source).toBe(`${front.url}/.well-known/csaf/${paths[0]}`);
        const notices = await subscriber.db
          .selectFrom('relay_notices as n')
          .innerJoin('organisations as o', 'o.id', 'n.organisation_id')
          .select(['o.name', 'n.matched', 'n.state'])
          .execute();
        expect(notices).toEqual([{ name: 'Harbour', matched: ['cpe:2.3:o:example:router_firmware:*:*:*:*:*:*:*:*'], state: 'draft' }]);
      } finally {
        await subscriber.close();
      }
    },
  );

  describe('a provider that gets it wrong', () => {
    let broken: Server;
    let brokenUrl = '';

    beforeAll(async () => {
      // Vakt's own files, fetched and then spoilt the ways real providers have spoilt theirs.
      const files = new Map<string, { status: number; body: string; location?: string }>();
      const own = async (path: string) => (await app.inject({ url: path })).body;
      const [white] = paths as [string];
      const [, year, file] = white.split('/') as [string, string, string];
      brokenUrl = ''; // set once the server listens
      broken = createHttpsServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
        const found = files.get(req.url ?? '');
        if (!found) return res.writeHead(404).end();
        res
          .writeHead(found.status, found.location ? { location: found.location } : { 'content-type': 'application/octet-stream' })
          .end(found.body);
      });
      await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
      brokenUrl = `https://localhost:${(broken.address() as AddressInfo).port}`;
      const rebase = (text: string) => text.replaceAll(front.url, brokenUrl);
      const base = '/.well-known/csaf';
      const document = rebase(await own(`${base}/${white}`));
      const set = (path: string, body: string, status = 200, location?: string) =>
        files.set(path, { status, body, ...(location ? { location } : {}) });
      set(`${base}/provider-metadata.json`, rebase(await own(`${base}/provider-metadata.json`)));
      set(`${base}/openpgp/${key.teamKey.fingerprint}.asc`, key.armoredPublic);
      set('/.well-known/security.txt', 'Contact: mailto:cert@example.test\n');
      set(`${base}/service.json`, rebase(await own(`${base}/service.json`)));
      const feed = JSON.parse(rebase(await own(`${base}/feed-tlp-white.json`))) as {
        feed: { category?: unknown; entry: Array<{ format?: unknown }> };
      };
      delete feed.feed.category;
      delete feed.feed.entry[0]!.format;
      set(`${base}/feed-tlp-white.json`, JSON.stringify(feed));
      // A feed of AMBER advisories open to anyone.
      set(`${base}/feed-tlp-amber.json`, JSON.stringify({ feed: { id: 'x', title: 'x', updated: '2026-01-01T00:00:00Z', entry: [] } }));
      set(`${base}/white/`, `<a href="index.txt">index.txt</a>`);
      set(`${base}/white/index.txt`, `${year}/${file}\n`);
      set(`${base}/white/changes.csv`, `"${year}/${file}","2026-01-01 10:00:00"\n`);
      set(`${base}/green/index.txt`, '', 302, `${brokenUrl}/elsewhere`);
      set(`${base}/white/${year}/${file}`, document);
      set(`${base}/white/${year}/${file}.sha256`, rebase(await own(`${base}/${white}.sha256`)));
      set(`${base}/white/${year}/${file}.sha512`, `${'0'.repeat(128)}  ${file}\n`);
      const { detachSign } = await import('../../test/helpers/pgp.js');
      set(`${base}/white/${year}/${file}.asc`, await detachSign(new TextEncoder().encode(document), otherKey));
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => broken?.close(() => resolve()));
    });

    it('names each broken rule, and exits 1', { timeout: 180_000 }, async () => {
      const { code, report } = await check(`${brokenUrl}/.well-known/csaf/provider-metadata.json`, ['--json']);
      expect(code).toBe(1);
      const failed = Object.entries(statuses(report))
        .filter(([, s]) => s === 'fail')
        .map(([r]) => Number(r));
      // 5: an AMBER feed for anyone; 6: a redirect; 8: no CSAF line; 13: a time without its zone;
      // 15: a feed without its category or format; 18: a SHA-512 that does not match; 19: another key's signature.
      expect(failed).toEqual(expect.arrayContaining([5, 6, 8, 13, 15, 18, 19]));
      expect(failed).not.toContain(1);
      expect(failed).not.toContain(2);
      const messages = (rule: number) => report?.rules.find((r) => r.rule === rule)?.messages.join('\n') ?? '';
      expect(messages(13)).toContain('is not a time with its zone');
      expect(messages(18)).toContain('.sha512 does not match the document');
      expect(messages(15)).toMatch(/category lacks the term csaf[\s\S]*format\.version/);
      expect(messages(6)).toContain('redirects (HTTP 302');
    });

    it('refuses, as a subscriber, a document whose hash or signature does not hold', { timeout: 180_000 }, async () => {
      const env = { NODE_EXTRA_CA_CERTS: certificate.certFile, VAKT_FEED_PRIVATE_URLS: 'true', VAKT_DATA_DIR: join(dir, 'wary') };
      expect((await runCli(['migrate'], env)).code).toBe(0);
      const run = await runCli(['advisories', 'subscribe', `${brokenUrl}/.well-known/csaf/provider-metadata.json`], env);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('0 imported');
      expect(run.stdout).toMatch(/refused .*\.json: its \.sha512 does not match the document/);
      expect(run.stdout).toContain('has no zone; read as UTC');
    });
  });

  describe('a provider with only a ROLIE feed, found through a lister', () => {
    let lister: Server;
    let listerUrl = '';
    const files = new Map<string, string>();

    beforeAll(async () => {
      lister = createHttpsServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
        const body = files.get(req.url ?? '');
        if (body === undefined) return res.writeHead(404).end();
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      });
      await new Promise<void>((resolve) => lister.listen(0, '127.0.0.1', resolve));
      listerUrl = `https://localhost:${(lister.address() as AddressInfo).port}`;
      const own = async (path: string) => (await app.inject({ url: `/.well-known/csaf/${path}` })).body;
      const file = paths[0]!.split('/').at(-1)!;
      // The same signed document, but its hash and signature where the feed's links say, not beside it.
      files.set(`/docs/${file}`, await own(paths[0]!));
      files.set(`/sums/${file}.sha512`, await own(`${paths[0]!}.sha512`));
      files.set(`/sigs/${file}.asc`, await own(`${paths[0]!}.asc`));
      files.set('/rolie/key.asc', key.armoredPublic);
      const metadata = JSON.parse(await own('provider-metadata.json')) as Record<string, unknown>;
      Object.assign(metadata, {
        canonical_url: `${listerUrl}/rolie/provider-metadata.json`,
        distributions: [{ rolie: { feeds: [{ summary: 'Public advisories', tlp_label: 'WHITE', url: `${listerUrl}/rolie/white.json` }] } }],
        public_openpgp_keys: [{ fingerprint: key.teamKey.fingerprint, url: `${listerUrl}/rolie/key.asc` }],
      });
      files.set('/rolie/provider-metadata.json', JSON.stringify(metadata));
      const now = new Date().toISOString();
      files.set(
        '/rolie/white.json',
        JSON.stringify({
          feed: {
            id: 'rolie-only-white',
            title: 'Public advisories',
            updated: now,
            entry: [
              {
                id: 'CERT-STHLM-SA',
                title: 'Router flaw',
                link: [
                  { rel: 'self', href: `/docs/${file}` },
                  { rel: 'hash', href: `/sums/${file}.sha512` },
                  { rel: 'signature', href: `/sigs/${file}.asc` },
                ],
                published: now,
                updated: now,
                content: { type: 'application/json', src: `/docs/${file}` },
              },
              { id: 'no-document', title: 'An entry that names nothing', updated: now },
            ],
          },
        }),
      );
      const entry = (url: string) => ({
        metadata: { last_updated: now, publisher: metadata.publisher, role: 'csaf_trusted_provider', url },
      });
      files.set(
        '/.well-known/csaf-aggregator/aggregator.json',
        JSON.stringify({
          aggregator: { category: 'lister', name: 'Example CSAF lister', namespace: listerUrl },
          aggregator_version: '2.0',
          canonical_url: `${listerUrl}/.well-known/csaf-aggregator/aggregator.json`,
          csaf_providers: [
            entry(`${listerUrl}/rolie/provider-metadata.json`),
            entry(`${front.url}/.well-known/csaf/provider-metadata.json`),
          ],
          last_updated: now,
        }),
      );
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => lister?.close(() => resolve()));
    });

    it(
      'follows each provider the list names, reads a ROLIE-only one by its feed links, and stores each document once',
      { timeout: 180_000 },
      async () => {
        const data = join(dir, 'via-lister');
        const env = { NODE_EXTRA_CA_CERTS: certificate.certFile, VAKT_FEED_PRIVATE_URLS: 'true', VAKT_DATA_DIR: data };
        expect((await runCli(['migrate'], env)).code).toBe(0);
        const listUrl = `${listerUrl}/.well-known/csaf-aggregator/aggregator.json`;
        const first = await runCli(['advisories', 'subscribe', listUrl], env);
        expect(first.stdout).toContain('subscribed to the aggregator Example CSAF lister');
        expect(first.stdout).toContain('2 provider(s) listed, 2 newly followed');
        // One document, found by the ROLIE-only provider and again (byte for byte) at Vakt's own, in its folder and its feed.
        expect(first.stdout).toContain('2 changed: 1 imported, 1 unchanged, 0 refused');
        expect(first.stdout).toMatch(/warning: .*\/rolie\/white\.json: entry no-document names no document or no time; skipped/);
        expect(first.code).toBe(0);
        const again = await runCli(['advisories', 'subscribe', listUrl], env);
        expect(again.stdout).toContain('already following the aggregator Example CSAF lister');
        expect(again.stdout).toContain('2 provider(s) listed, 0 newly followed');
        expect(again.stdout).toContain('0 changed: 0 imported');

        // A list that is not one: refused with what is missing, on one line.
        files.set('/bad/aggregator.json', JSON.stringify({ aggregator: { category: 'lister', name: 'Half a list' } }));
        const bad = await runCli(['advisories', 'subscribe', `${listerUrl}/bad/aggregator.json`], env);
        expect(bad.code).toBe(1);
        expect(bad.stderr.trim().split('\n')).toHaveLength(1);
        expect(bad.stderr).toMatch(/^vakt: aggregator (aggregator_version|canonical_url|csaf_providers|last_updated): is required/);

        const subscriber = await openDatabase({ dataDir: data });
        try {
          const subscriptions = await subscriber.db
            .selectFrom('csaf_subscriptions')
            .select(['id', 'kind', 'via', 'metadata_url'])
            .execute();
          const aggregator = subscriptions.find((s) => s.kind === 'aggregator')!;
          expect(
            subscriptions
              .filter((s) => s.via === aggregator.id)
              .map((s) => s.metadata_url)
              .sort(),
          ).toEqual([`${front.url}/.well-known/csaf/provider-metadata.json`, `${listerUrl}/rolie/provider-metadata.json`].sort());
          const stored = await subscriber.db.selectFrom('advisories').select(['provenance']).execute();
          expect(stored).toHaveLength(1);
          expect(stored[0]?.provenance).toMatchObject({
            url: `${listerUrl}/docs/${paths[0]!.split('/').at(-1)}`,
            hash: 'sha512',
            signer: key.teamKey.fingerprint,
          });
        } finally {
          await subscriber.close();
        }
      },
    );
  });
});
