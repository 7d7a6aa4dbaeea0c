/**
 * Writing an advisory and publishing it: the catalogue, a draft with computed scores, the review by
 * a second team member, publication as a valid, signed CSAF 2.0 document, and a new version for any
 * later change. TLP:AMBER+STRICT is refused rather than widened.
 */
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApp, type Client } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { makeKey } from '../../test/helpers/pgp.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { saveProfile } from '../profile/service.js';
import { sampleContent } from '../../test/helpers/advisories.js';
import { publishAuthored } from './publish.js';
import { failuresAdded, selfCheck } from './self-check.js';

const key = await makeKey('CERT Stockholm', 'cert@cert-stockholm.test');
// A key the provider does not publish: a CLI run with a rotated key file while the server kept the old one.
const otherKey = await makeKey('CERT Stockholm (new key)', 'cert@cert-stockholm.test');

interface Authored {
  id: string;
  trackingId: string;
  state: string;
  revision: number;
  publishedVersions: number;
}

describeEachEngine('writing and publishing advisories', (get) => {
  const { app, loginAs } = useApp(get, { publicUrl: 'https://cert.example.se' }, { teamKey: key.teamKey });
  let author: Client;
  let reviewer: Client;
  let manager: Client;
  const products = { affected: '', fixed: '' };

  beforeAll(async () => {
    await saveProfile(get().db, 'system:test', loadProfileFixture('cert-stockholm'));
    author = await loginAs('analyst');
    reviewer = await loginAs('analyst');
    manager = await loginAs('incident-manager');
    for (const [k, version] of [
      ['affected', '2.0'],
      ['fixed', '2.1'],
    ] as const) {
      const res = await author.request({
        method: 'POST',
        url: '/api/products',
        payload: {
          vendor: 'Example',
          name: 'Router',
          version,
          cpe: `cpe:2.3:o:example:router_firmware:${version}:*:*:*:*:*:*:*`,
          purl: `pkg:generic/example/router@${version}`,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      products[k] = res.json<{ id: string }>().id;
    }
  });

  it('keeps a catalogue of products, refuses a twin and a bad identifier, and finds them by words', async () => {
    const twin = await author.request({
      method: 'POST',
      url: '/api/products',
      payload: { vendor: 'Example', name: 'Router', version: '2.0' },
    });
    expect(twin.statusCode).toBe(409);
    const badPurl = await author.request({
      method: 'POST',
      url: '/api/products',
      payload: { vendor: 'X', name: 'Y', version: '1', purl: 'pkg:/nothing' },
    });
    expect(badPurl.statusCode).toBe(400);
    expect(badPurl.json<{ errors: Array<{ field: string }> }>().errors[0]?.field).toBe('purl');
    const badCpe = await author.request({
      method: 'POST',
      url: '/api/products',
      payload: { vendor: 'X', name: 'Y', version: '1', cpe: 'not a cpe' },
    });
    expect(badCpe.statusCode).toBe(400);
    const found = (await author.request({ url: '/api/products?q=router%202.1' })).json<{ products: Array<{ version: string }> }>();
    expect(found.products.map((p) => p.version)).toEqual(['2.1']);
  });

  it(
    'drafts, reviews by a second member, publishes a valid signed document, and makes any change a new version',
    { timeout: 120_000 },
    async () => {
      const created = await author.request({ method: 'POST', url: '/api/authored-advisories', payload: sampleContent(products) });
      expect(created.statusCode, created.body).toBe(201);
      const draft = created.json<Authored>();
      expect(draft.trackingId).toMatch(new RegExp(`^CERT-STHLM-SA-${new Date().getUTCFullYear()}-\\d{4}$`));
      expect(draft.state).toBe('draft');

      const preview = (await author.request({ url: `/api/authored-advisories/${draft.id}/preview` })).json<{
        document: {
          document: { tracking: { version: string } };
          vulnerabilities: Array<{
            scores: Array<{ cvss_v3: { baseScore: number; baseSeverity: string } }>;
            notes: Array<{ text: string }>;
          }>;
        };
        valid: boolean;
        findings: Array<{ severity: string; test: string; message: string; section: string }>;
      }>();
      expect(preview.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(preview.valid).toBe(true);
      // Keys in alphabetical order (6.2.13), and a self reference with the canonical URL (6.2.11).
      expect(preview.findings.map((f) => f.section)).not.toContain('6.2.13');
      expect(preview.findings.map((f) => f.section)).not.toContain('6.2.11');
      expect(preview.document.vulnerabilities[0]?.scores[0]?.cvss_v3).toMatchObject({ baseScore: 9.8, baseSeverity: 'CRITICAL' });
      expect(preview.document.vulnerabilities[0]?.notes.map((n) => n.text).join()).toContain('base score 9.3');

      const early = await manager.request({ method: 'POST', url: `/api/authored-advisories/${draft.id}/publish` });
      expect(early.statusCode).toBe(409);
      expect((await author.request({ method: 'POST', url: `/api/authored-advisories/${draft.id}/submit` })).statusCode).toBe(200);
      // The author is not their own reviewer.
      const self = await author.request({
        method: 'POST',
        url: `/api/authored-advisories/${draft.id}/review`,
        payload: { decision: 'approve' },
      });
      expect(self.statusCode).toBe(403);
      const returned = await reviewer.request({
        method: 'POST',
        url: `/api/authored-advisories/${draft.id}/review`,
        payload: { decision: 'return' },
      });
      expect(returned.statusCode).toBe(400);
      const back = await reviewer.request({
        method: 'POST',
        url: `/api/authored-advisories/${draft.id}/review`,
        payload: { decision: 'return', comment: 'Name the fixed version in the summary.' },
      });
      expect(back.json<Authored & { reviewComment: string }>()).toMatchObject({
        state: 'draft',
        reviewComment: 'Name the fixed version in the summary.',
      });
      const stale = await author.request({
        method: 'PUT',
        url: `/api/authored-advisories/${draft.id}`,
        headers: { 'if-match': '"0"' },
        payload: sampleContent(products),
      });
      expect(stale.statusCode).toBe(409);
      const content = sampleContent(products);
      content.notes[0]!.text = 'An unauthenticated attacker can run code on the router. Firmware 2.1 fixes it.';
      const edited = await author.request({
        method: 'PUT',
        url: `/api/authored-advisories/${draft.id}`,
        headers: { 'if-match': `"${draft.revision}"` },
        payload: content,
      });
      expect(edited.statusCode, edited.body).toBe(200);
      await author.request({ method: 'POST', url: `/api/authored-advisories/${draft.id}/submit` });
      const approved = await reviewer.request({
        method: 'POST',
        url: `/api/authored-advisories/${draft.id}/review`,
        payload: { decision: 'approve' },
      });
      expect(approved.json<Authored>().state).toBe('approved');
      // Publishing takes the permission to speak for the team.
      expect((await author.request({ method: 'POST', url: `/api/authored-advisories/${draft.id}/publish` })).statusCode).toBe(403);

      const published = await manager.request({ method: 'POST', url: `/api/authored-advisories/${draft.id}/publish` });
      expect(published.statusCode, published.body).toBe(200);
      const publication = published.json<{
        documentId: string;
        version: string;
        path: string;
        advisory: Authored;
        providerCheck: unknown;
      }>();
      // The server checks its own provider as it will be with the document: every applicable rule holds.
      expect(publication.providerCheck).toEqual({ passed: true, failed: [] });
      expect(publication).toMatchObject({ version: '1', advisory: { state: 'published', publishedVersions: 1 } });
      expect(publication.path).toMatch(/^white\/\d{4}\/cert-sthlm-sa-\d{4}-\d{4}\.json$/);
      const stored = await manager.request({ url: `/api/advisories/${publication.documentId}` });
      expect(stored.json()).toMatchObject({ valid: true, tlp: 'CLEAR', csafTlp: 'WHITE', source: 'authored', version: '1' });
      const text = (await manager.request({ url: `/api/advisories/${publication.documentId}/document` })).body;
      const doc = JSON.parse(text) as {
        document: {
          publisher: { namespace: string };
          distribution: { text: string };
          references: Array<{ category: string; url: string }>;
        };
      };
      expect(doc.document.publisher.namespace).toBe('https://cert.example.se');
      expect(doc.document.distribution.text).toContain('TLP:CLEAR');
      expect(doc.document.references[0]).toEqual({
        category: 'self',
        summary: 'This document',
        url: `https://cert.example.se/.well-known/csaf/${publication.path}`,
      });
      const row = await get()
        .db.selectFrom('advisories')
        .select('signature')
        .where('id', '=', publication.documentId)
        .executeTakeFirstOrThrow();
      const verified = await openpgp.verify({
        message: await openpgp.createMessage({ binary: new TextEncoder().encode(text) }),
        signature: await openpgp.readSignature({ armoredSignature: row.signature! }),
        verificationKeys: key.publicKey,
        format: 'binary',
      });
      await expect(verified.signatures[0]!.verified).resolves.toBe(true);

      // A change after publication is the next version's draft; version 1 stays as it was.
      const current = (await author.request({ url: `/api/authored-advisories/${draft.id}` })).json<Authored>();
      const revised = await author.request({
        method: 'PUT',
        url: `/api/authored-advisories/${draft.id}`,
        payload: { ...content, revisionSummary: 'Exploitation seen; scores unchanged.' },
        headers: { 'if-match': `"${current.revision}"` },
      });
      expect(revised.json<Authored>()).toMatchObject({ state: 'draft', publishedVersions: 1 });
      await author.request({ method: 'POST', url: `/api/authored-advisories/${draft.id}/submit` });
      await reviewer.request({ method: 'POST', url: `/api/authored-advisories/${draft.id}/review`, payload: { decision: 'approve' } });
      const second = (await manager.request({ method: 'POST', url: `/api/authored-advisories/${draft.id}/publish` })).json<{
        documentId: string;
        version: string;
      }>();
      expect(second.version).toBe('2');
      const v2 = JSON.parse((await manager.request({ url: `/api/advisories/${second.documentId}/document` })).body) as {
        document: { tracking: { revision_history: Array<{ number: string; summary: string }>; initial_release_date: string } };
      };
      expect(v2.document.tracking.revision_history.map((r) => r.number)).toEqual(['1', '2']);
      expect(v2.document.tracking.revision_history[1]?.summary).toBe('Exploitation seen; scores unchanged.');
      expect((await manager.request({ url: `/api/advisories/${publication.documentId}/document` })).body).toBe(text);
      const audit = await get().db.selectFrom('audit_log').select('action').where('object_id', '=', draft.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual([
        'advisory.create',
        'advisory.submit',
        'advisory.return',
        'advisory.edit',
        'advisory.submit',
        'advisory.approve',
        'advisory.publish',
        'advisory.revise',
        'advisory.submit',
        'advisory.approve',
        'advisory.publish',
      ]);
    },
  );

  it(
    'refuses a vector that does not score, a product not in the catalogue, and TLP:AMBER+STRICT at publication',
    { timeout: 60_000 },
    async () => {
      const bad = sampleContent(products);
      bad.vulnerabilities[0]!.cvssV3 = 'CVSS:3.1/AV:N/AC:L';
      bad.vulnerabilities[0]!.cvssV4 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
      const refused = await author.request({ method: 'POST', url: '/api/authored-advisories', payload: bad });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toEqual([
        'vulnerabilities/0/cvssV3',
        'vulnerabilities/0/cvssV4',
      ]);
      const ghost = await author.request({
        method: 'POST',
        url: '/api/authored-advisories',
        payload: sampleContent({ affected: products.affected, fixed: '00000000-0000-4000-8000-000000000009' }),
      });
      expect(ghost.statusCode).toBe(400);

      const strict = (
        await author.request({ method: 'POST', url: '/api/authored-advisories', payload: sampleContent(products, 'AMBER+STRICT') })
      ).json<Authored>();
      await author.request({ method: 'POST', url: `/api/authored-advisories/${strict.id}/submit` });
      await reviewer.request({ method: 'POST', url: `/api/authored-advisories/${strict.id}/review`, payload: { decision: 'approve' } });
      const publish = await manager.request({ method: 'POST', url: `/api/authored-advisories/${strict.id}/publish` });
      expect(publish.statusCode).toBe(409);
      expect(publish.json<{ detail: string }>().detail).toContain('AMBER+STRICT');
      expect((await author.request({ url: `/api/authored-advisories/${strict.id}` })).json<Authored>().state).toBe('approved');
    },
  );

  it('checks the provider before a publication commits, and keeps nothing of one that would break it', { timeout: 120_000 }, async () => {
    const draft = (
      await author.request({ method: 'POST', url: '/api/authored-advisories', payload: sampleContent(products) })
    ).json<Authored>();
    await author.request({ method: 'POST', url: `/api/authored-advisories/${draft.id}/submit` });
    await reviewer.request({ method: 'POST', url: `/api/authored-advisories/${draft.id}/review`, payload: { decision: 'approve' } });
    const { db } = get();
    const stored = async () =>
      (await db.selectFrom('advisories').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n.toString();
    const audited = async () =>
      (await db.selectFrom('audit_log').select('action').where('object_id', '=', draft.id).execute()).map((a) => a.action);
    const [storedBefore, auditedBefore] = [await stored(), await audited()];
    // Signed with a key the provider's metadata does not name: the new document's signature fails rule 19.
    await expect(
      publishAuthored(db, 'user:test', draft.id, {
        teamKey: otherKey.teamKey,
        configuredUrl: 'https://cert.example.se',
        selfCheck: () => selfCheck(app(), 'https://cert.example.se'),
      }),
    ).rejects.toThrow(/would break the CSAF provider: rule 19 \(Signatures\): .*cert-sthlm-sa-\d{4}-\d{4}\.json\.asc/);
    expect(await stored()).toBe(storedBefore);
    expect(await audited()).toEqual(auditedBefore);
    expect((await author.request({ url: `/api/authored-advisories/${draft.id}` })).json<Authored>().state).toBe('approved');
    const index = await author.request({ url: '/.well-known/csaf/white/index.txt' });
    expect(index.body).not.toContain(draft.trackingId.toLowerCase());

    // With the key the provider publishes, the same advisory goes out, and the provider stays whole.
    const published = await manager.request({ method: 'POST', url: `/api/authored-advisories/${draft.id}/publish` });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<{ providerCheck: unknown }>().providerCheck).toEqual({ passed: true, failed: [] });
    expect((await author.request({ url: '/.well-known/csaf/white/index.txt' })).body).toContain(draft.trackingId.toLowerCase());
  });
});

describe('what a publication adds to the provider check', () => {
  const check = (...failed: Array<[number, string]>) => ({
    passed: failed.length === 0,
    failed: failed.map(([rule, message]) => ({ rule, title: `rule ${rule}`, messages: [message] })),
  });
  const path = 'white/2026/team-2026-0002.json';
  it('counts a rule that newly fails, and a failure naming the new document, but not the deployment', () => {
    expect(failuresAdded(check(), check(), path)).toEqual([]);
    expect(failuresAdded(check(), check([13, 'changes.csv: out of order']), path).map((f) => f.rule)).toEqual([13]);
    // Rule 18 failed already for an old document; it now fails for the new one too.
    expect(
      failuresAdded(
        check([18, 'https://x/.well-known/csaf/white/2025/old.json.sha512 does not match']),
        {
          passed: false,
          failed: [
            {
              rule: 18,
              title: 'Integrity',
              messages: ['…/2025/old.json.sha512 does not match', `https://x/.well-known/csaf/${path}.sha512 does not match`],
            },
          ],
        },
        path,
      ),
    ).toEqual([{ rule: 18, title: 'Integrity', messages: [`https://x/.well-known/csaf/${path}.sha512 does not match`] }]);
    // Plain HTTP fails rule 3 for every file, the new one included: that is how the server is reached, not what it serves.
    expect(
      failuresAdded(
        check([3, 'http://x/ is not served over HTTPS']),
        check([3, `http://x/.well-known/csaf/${path} is not served over HTTPS`]),
        path,
      ),
    ).toEqual([]);
  });
});
