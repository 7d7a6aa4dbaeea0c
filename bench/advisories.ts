/**
 * Advisories: (1) validating CSAF documents of 10, 100, 1,000 and 5,000 products through Vakt's
 * worker against the validator library called alone in this process (time and peak RSS); (2)
 * publishing 1,000 advisories — build, validate, sign, store — and serving the provider's
 * listings (index.txt, changes.csv, a ROLIE feed, hashes, signatures) over them, against signing
 * and hashing alone; (3) matching a vendor feed of 10,000 advisories against 10,000
 * organisations' inventories through the index, against comparing every pair (on a sample).
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import * as openpgp from 'openpgp';
import { advanceAuthored, createAuthored } from '../src/advisories/authoring.js';
import { createProduct } from '../src/advisories/catalogue.js';
import { InventoryIndex, productKeyOf, sameProduct, type ProductKey } from '../src/advisories/inventory-match.js';
import { publishAuthored } from '../src/advisories/publish.js';
import { testCsaf } from '../src/advisories/validate-csaf.js';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { loadTeamKey } from '../src/mail/pgp.js';
import { saveProfile } from '../src/profile/service.js';
import { sampleContent } from '../test/helpers/advisories.js';
import demoProfile from '../src/demo/cert-stockholm.profile.json' with { type: 'json' };
import { onEachEngine, peakRss } from './engines.js';

const SIZES = (process.env.BENCH_CSAF_PRODUCTS ?? '10,100,1000,5000').split(',').map(Number);
const PUBLISH = Number(process.env.BENCH_CSAF_PUBLISH ?? 1000);
const FEED = Number(process.env.BENCH_CSAF_FEED ?? 10_000);
const ORGS = Number(process.env.BENCH_CSAF_ORGS ?? 10_000);

/** A security advisory with N products (vendor → product → version, each with a CPE), one vulnerability affecting all. */
function documentWith(products: number): string {
  const ids = Array.from({ length: products }, (_, i) => `CSAFPID-${i + 1}`);
  const perProduct = 20;
  const branches = Array.from({ length: Math.ceil(products / perProduct) }, (_, p) => ({
    category: 'product_name',
    name: `Product ${p}`,
    branches: ids.slice(p * perProduct, (p + 1) * perProduct).map((id, v) => ({
      category: 'product_version',
      name: `${v}.0`,
      product: {
        product_id: id,
        name: `Vendor Product ${p} ${v}.0`,
        product_identification_helper: { cpe: `cpe:2.3:a:vendor:product_${p}:${v}.0:*:*:*:*:*:*:*` },
      },
    })),
  }));
  const now = '2026-12-01T10:00:00.000Z';
  return JSON.stringify({
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      distribution: { tlp: { label: 'WHITE', url: 'https://www.first.org/tlp/' } },
      lang: 'en',
      notes: [{ category: 'summary', text: 'A flaw in every product.', title: 'Summary' }],
      publisher: { category: 'vendor', name: 'Vendor', namespace: 'https://vendor.example' },
      references: [
        { category: 'self', summary: 'This', url: 'https://vendor.example/.well-known/csaf/white/2026/vendor-sa-2026-0001.json' },
      ],
      title: `A flaw in ${products} products`,
      tracking: {
        current_release_date: now,
        id: 'VENDOR-SA-2026-0001',
        initial_release_date: now,
        revision_history: [{ date: now, number: '1', summary: 'Initial.' }],
        status: 'final',
        version: '1',
      },
    },
    product_tree: { branches: [{ category: 'vendor', name: 'Vendor', branches }] },
    vulnerabilities: [
      {
        cve: 'CVE-2026-10001',
        notes: [{ category: 'description', text: 'A flaw.' }],
        product_status: { known_affected: ids },
        remediations: [{ category: 'vendor_fix', details: 'Update.', product_ids: ids }],
        scores: [
          {
            cvss_v3: {
              baseScore: 9.8,
              baseSeverity: 'CRITICAL',
              vectorString: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
              version: '3.1',
            },
            products: ids,
          },
        ],
      },
    ],
  });
}

async function timed<T>(body: () => Promise<T>): Promise<{ value: T; seconds: number; mb: number }> {
  const rss = peakRss();
  const start = performance.now();
  const value = await body();
  return { value, seconds: (performance.now() - start) / 1000, mb: rss.stop() };
}

// (1) Validation.
const lib = (module: string) => pathToFileURL(createRequire(import.meta.url).resolve(`@secvisogram/csaf-validator-lib/${module}`)).href;
const [{ default: validateStrict }, suite] = (await Promise.all([import(lib('validateStrict.js')), import(lib('full.js'))])) as [
  { default: (tests: unknown[], doc: unknown) => Promise<{ isValid: boolean }> },
  Record<string, { name: string }>,
];
const tests = Object.values(suite).filter(
  (t) => !['informativeTest_6_3_6', 'informativeTest_6_3_7', 'informativeTest_6_3_8'].includes(t.name),
);
await testCsaf(documentWith(1)); // the worker loads the library once; that is not what is measured
for (const size of SIZES) {
  const text = documentWith(size);
  const alone = await timed(() => validateStrict(tests, JSON.parse(text)));
  const ours = await timed(() => testCsaf(text, { timeoutMs: 600_000 }));
  console.log(
    `validate ${size.toLocaleString('en')} products (${(text.length / 1e6).toFixed(2)} MB): Vakt's worker ${ours.seconds.toFixed(2)} s, peak RSS ${ours.mb} MB, ${ours.value.valid ? 'valid' : 'NOT valid'}; the library alone ${alone.seconds.toFixed(2)} s, peak RSS ${alone.mb} MB (${(ours.seconds / alone.seconds).toFixed(2)}×)`,
  );
}

// (2) Publishing, and the provider's listings over what was published.
const { privateKey } = await openpgp.generateKey({
  type: 'ecc',
  curve: 'curve25519Legacy',
  userIDs: [{ name: 'Bench CERT', email: 'cert@bench.test' }],
  format: 'armored',
});
const teamKey = await loadTeamKey(privateKey);
await onEachEngine(async (engine, database) => {
  const { db } = database;
  await saveProfile(db, 'system:bench', demoProfile);
  const affected = await createProduct(db, 'user:a', {
    vendor: 'Example',
    name: 'Router',
    version: '2.0',
    cpe: 'cpe:2.3:o:example:router_firmware:2.0:*:*:*:*:*:*:*',
  });
  const fixed = await createProduct(db, 'user:a', { vendor: 'Example', name: 'Router', version: '2.1' });
  const ids: string[] = [];
  for (let i = 0; i < PUBLISH; i++) {
    const draft = await createAuthored(db, 'user:a', {
      ...sampleContent({ affected: affected.id, fixed: fixed.id }),
      title: `Advisory ${i}`,
    });
    await advanceAuthored(db, 'user:a', draft.id, { action: 'submit' });
    await advanceAuthored(db, 'user:b', draft.id, { action: 'review', decision: 'approve' });
    ids.push(draft.id);
  }
  const published = await timed(async () => {
    for (const id of ids) await publishAuthored(db, 'user:c', id, { teamKey, configuredUrl: 'https://cert.example.se' });
  });
  const documents = await db.selectFrom('advisories').select('document').where('source', '=', 'authored').execute();
  const baseline = await timed(async () => {
    for (const { document } of documents) {
      createHash('sha256').update(document).digest('hex');
      createHash('sha512').update(document).digest('hex');
      await openpgp.sign({
        message: await openpgp.createMessage({ binary: Buffer.from(document) }),
        signingKeys: teamKey.privateKey,
        detached: true,
      });
    }
  });
  console.log(
    `[${engine}] published ${PUBLISH.toLocaleString('en')} advisories (build, validate, sign, store) in ${published.seconds.toFixed(1)} s: ${(PUBLISH / published.seconds).toFixed(1)}/s, peak RSS ${published.mb} MB; hashing and signing alone ${baseline.seconds.toFixed(1)} s`,
  );
  const app = await buildApp({
    database,
    config: { ...loadConfig({}), webDir: '/nonexistent', publicUrl: 'https://cert.example.se' },
    teamKey,
  });
  await app.ready();
  for (const url of [
    '/.well-known/csaf/white/index.txt',
    '/.well-known/csaf/white/changes.csv',
    '/.well-known/csaf/feed-tlp-white.json',
    '/.well-known/csaf/provider-metadata.json',
  ]) {
    const served = await timed(() => app.inject({ url }));
    console.log(
      `[${engine}] ${url} over ${PUBLISH.toLocaleString('en')} advisories: ${(served.seconds * 1000).toFixed(0)} ms, ${(served.value.body.length / 1024).toFixed(0)} KiB`,
    );
  }
  const first = (await app.inject({ url: '/.well-known/csaf/white/index.txt' })).body.split('\n')[0]!;
  for (const suffix of ['', '.sha512', '.asc']) {
    const served = await timed(() => app.inject({ url: `/.well-known/csaf/white/${first}${suffix}` }));
    console.log(`[${engine}] one document${suffix || ' (.json)'}: ${(served.seconds * 1000).toFixed(1)} ms`);
  }
  await app.close();
});

// (3) Matching a vendor feed against the constituency's inventories.
let seed = 7;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const PRODUCTS = 50_000;
const identifier = (p: number, v: number) =>
  p % 3 === 0 ? `pkg:npm/vendor-${p % 97}/package-${p}@${v}.0.0` : `cpe:2.3:a:vendor_${p % 97}:product_${p}:${v}.0:*:*:*:*:*:*:*`;
const inventories = Array.from({ length: ORGS }, () => Array.from({ length: 20 }, () => identifier(random(PRODUCTS), random(5))));
const advisories: ProductKey[][] = Array.from({ length: FEED }, () =>
  Array.from({ length: 10 }, () => productKeyOf(identifier(random(PRODUCTS), random(5)))!),
);
const indexed = await timed(async () => {
  const index = new InventoryIndex();
  inventories.forEach((inventory, i) => index.add(String(i), inventory));
  let pairs = 0;
  for (const keys of advisories) pairs += index.match(keys).size;
  return pairs;
});
const SAMPLE = 100;
const parsed = inventories.map((inventory) => inventory.map((entry) => productKeyOf(entry)!));
const naive = await timed(async () => {
  let pairs = 0;
  for (const keys of advisories.slice(0, SAMPLE))
    for (const inventory of parsed) if (inventory.some((held) => keys.some((k) => sameProduct(held, k)))) pairs++;
  return pairs;
});
console.log(
  `matching ${FEED.toLocaleString('en')} advisories (10 products each) against ${ORGS.toLocaleString('en')} inventories (20 entries each): ${indexed.seconds.toFixed(2)} s with the index, ${indexed.value.toLocaleString('en')} organisation–advisory matches, peak RSS ${indexed.mb} MB; every pair compared: ${((naive.seconds / SAMPLE) * FEED).toFixed(0)} s (from ${SAMPLE} advisories)`,
);
