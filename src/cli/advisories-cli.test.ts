/** `vakt advisories validate|import|list|show|export|publish` as a person runs them: the findings, a summary line, and the exit code. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/helpers/cli.js';
import { sampleContent } from '../../test/helpers/advisories.js';
import { makeKey } from '../../test/helpers/pgp.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { advanceAuthored, createAuthored } from '../advisories/authoring.js';
import { createProduct } from '../advisories/catalogue.js';
import { openDatabase } from '../db/database.js';
import { saveProfile } from '../profile/service.js';

const example = new URL('../../test/fixtures/csaf/bsi-2022-0001.json', import.meta.url).pathname;

describe('vakt advisories validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vakt-csaf-'));

  it('says a valid document is valid, and which tests did not run', { timeout: 120_000 }, async () => {
    const result = await runCli(['advisories', 'validate', example], {});
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/bsi-2022-0001\.json: a valid CSAF 2\.0 document; \d+ tests ran; not run: .*informativeTest_6_3_6/);
  });

  it('lists what is wrong at its path and exits 1; --json gives the same findings as JSON', { timeout: 120_000 }, async () => {
    const doc = JSON.parse(readFileSync(example, 'utf8')) as { vulnerabilities: Array<{ product_status: unknown }> };
    doc.vulnerabilities[0]!.product_status = { known_affected: ['CSAFPID-NOT-DEFINED'] };
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify(doc));
    const text = await runCli(['advisories', 'validate', broken], {});
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('error 6.1.1 /vulnerabilities/0/product_status/known_affected/0:');
    expect(text.stdout).toMatch(/not a valid CSAF 2\.0 document \(\d+ errors\)/);
    const json = await runCli(['advisories', 'validate', '--json', broken], {});
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { valid: boolean; findings: Array<{ section: string }> };
    expect(parsed.valid).toBe(false);
    expect(parsed.findings.map((f) => f.section)).toContain('6.1.1');
  });

  it('refuses a file that is no JSON with one line on stderr', { timeout: 120_000 }, async () => {
    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(example, 'utf8').slice(0, 500));
    const result = await runCli(['advisories', 'validate', truncated], {});
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^vakt: document: not valid JSON/);
  });

  it('imports a document into the database once; the same file again changes nothing', { timeout: 180_000 }, async () => {
    const env = { VAKT_DATA_DIR: join(dir, 'data') };
    expect((await runCli(['migrate'], env)).code).toBe(0);
    const first = await runCli(['advisories', 'import', example], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^imported: BSI-2022-0001 version 1 \(.+\), TLP:CLEAR; valid \(id [0-9a-f-]{36}\)\n$/);
    const again = await runCli(['advisories', 'import', example], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^already here, unchanged: BSI-2022-0001/);
    const id = /\(id ([0-9a-f-]{36})\)/.exec(first.stdout)?.[1] ?? '';
    const list = await runCli(['advisories', 'list'], env);
    expect(list.stdout).toMatch(new RegExp(`^${id}  \\d{4}-\\d\\d-\\d\\d  BSI-2022-0001 v1  TLP:CLEAR  valid  `, 'm'));
    const show = await runCli(['advisories', 'show', id], env);
    expect(show.stdout).toContain('trackingId: BSI-2022-0001\n');
    expect(show.stdout).toMatch(/^vulnerability: /m);
    const exported = await runCli(['advisories', 'export', id], env);
    expect(exported.stdout).toBe(readFileSync(example, 'utf8'));
    const unknown = await runCli(['advisories', 'show', '00000000-0000-4000-8000-000000000000'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^vakt: advisory not found/);
    const missing = await runCli(['advisories', 'import', join(dir, 'no-such-file.json')], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^vakt: .*no-such-file\.json/);
  });
});

describe('vakt advisories publish', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vakt-publish-'));

  it('publishes an approved advisory once its provider check holds, and refuses one not approved', { timeout: 180_000 }, async () => {
    const key = await makeKey('CERT Stockholm', 'cert@cert-stockholm.test');
    writeFileSync(join(dir, 'team.asc'), key.armoredPrivate);
    const env = { VAKT_DATA_DIR: join(dir, 'data'), VAKT_PGP_KEY_FILE: join(dir, 'team.asc'), VAKT_PUBLIC_URL: 'https://cert.example.se' };
    expect((await runCli(['migrate'], env)).code).toBe(0);
    const database = await openDatabase({ dataDir: env.VAKT_DATA_DIR });
    const ids: string[] = [];
    try {
      const { db } = database;
      await saveProfile(db, 'system:test', loadProfileFixture('cert-stockholm'));
      const affected = await createProduct(db, 'user:author', { vendor: 'Example', name: 'Router', version: '2.0' });
      const fixed = await createProduct(db, 'user:author', { vendor: 'Example', name: 'Router', version: '2.1' });
      for (const approve of [true, false]) {
        const draft = await createAuthored(db, 'user:author', sampleContent({ affected: affected.id, fixed: fixed.id }));
        await advanceAuthored(db, 'user:author', draft.id, { action: 'submit' });
        if (approve) await advanceAuthored(db, 'user:reviewer', draft.id, { action: 'review', decision: 'approve' });
        ids.push(draft.id);
      }
    } finally {
      await database.close();
    }
    const published = await runCli(['advisories', 'publish', ids[0]!, '--audience', 'none'], env);
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    expect(published.stdout).toMatch(
      /^published CERT-STHLM-SA-\d{4}-\d{4} version 1 at white\/\d{4}\/cert-sthlm-sa-\d{4}-\d{4}\.json \(sha256 [0-9a-f]{64}\); told 0 organisation\(s\), withheld from 0\nprovider check: every applicable rule holds\n$/,
    );
    const refused = await runCli(['advisories', 'publish', ids[1]!], env);
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: 'vakt: only an approved advisory is published; this one is in-review\n' });
  });
});
