/**
 * Importing CSAF 2.0 advisories over the API: kept whole (the same bytes back, unknown fields
 * included), validated finding by finding, never duplicated, never silently changed, TLP 1.0's
 * WHITE read as CLEAR, and for the team only.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { vulnerabilitiesOf } from './advisories.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { useApp, type Client } from '../../test/helpers/app.js';

const example = (name: string) => readFileSync(new URL(`../../test/fixtures/csaf/${name}`, import.meta.url), 'utf8');

interface Advisory {
  id: string;
  trackingId: string;
  version: string;
  tlp: string;
  csafTlp: string | null;
  valid: boolean;
  findings: Array<{ section: string; severity: string; path: string }>;
}

describeEachEngine('CSAF advisories over the API', (get) => {
  const { loginAs } = useApp(get);
  let analyst: Client;
  let reader: Client;
  let constituent: Client;

  beforeAll(async () => {
    analyst = await loginAs('analyst');
    reader = await loginAs('read-only');
    const org = await get()
      .db.insertInto('organisations')
      .values({ name: 'Advisory reader city', kind: 'constituent', parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    constituent = await loginAs('constituent', org.id);
  });

  const upload = (client: Client, text: string) =>
    client.request({ method: 'POST', url: '/api/advisories', payload: text, headers: { 'content-type': 'application/json' } });

  it('keeps a document whole, unknown fields and all, and gives the same bytes back', { timeout: 60_000 }, async () => {
    // An extension no schema knows, and the writer's own spacing: both come back as sent.
    const text = example('rhsa-2021_5217.json').replace('{', '{\n  "x_vendor": {"kept": [1, 2, 3]},');
    const created = await upload(analyst, text);
    expect(created.statusCode, created.body).toBe(201);
    const advisory = created.json<Advisory>();
    expect(advisory).toMatchObject({ trackingId: 'RHSA-2021:5217', tlp: 'CLEAR', csafTlp: 'WHITE' });
    // The strict schema refuses the extension: kept, and said not to be valid.
    expect(advisory.valid).toBe(false);
    expect(advisory.findings.some((f) => f.section === 'schema' && f.severity === 'error')).toBe(true);
    const back = await reader.request({ method: 'GET', url: `/api/advisories/${advisory.id}/document` });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toContain('application/json');
    expect(back.body).toBe(text);
  });

  it('imports the same document once, and refuses other content under a published version', { timeout: 60_000 }, async () => {
    const text = example('bsi-2022-0001.json');
    const first = await upload(analyst, text);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<Advisory>().valid).toBe(true);
    const again = await upload(analyst, text);
    expect(again.statusCode).toBe(200);
    expect(again.json<Advisory>().id).toBe(first.json<Advisory>().id);
    const changed = await upload(analyst, text.replace('"title": "', '"title": "Changed: '));
    expect(changed.statusCode).toBe(409);
    expect(changed.json<{ detail: string }>().detail).toMatch(/a published version never changes/);
    const count = await get()
      .db.selectFrom('advisories')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('tracking_id', '=', 'BSI-2022-0001')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('lists them newest first, a page at a time, and shows one with its findings', { timeout: 60_000 }, async () => {
    await upload(analyst, example('2022-evd-uc-01-a-001.json'));
    const seen: string[] = [];
    let before: string | null = '';
    while (before !== null) {
      const page = await reader.request({ method: 'GET', url: `/api/advisories?limit=1${before ? `&before=${before}` : ''}` });
      expect(page.statusCode, page.body).toBe(200);
      const body = page.json<{ advisories: Array<{ id: string; trackingId: string }>; next: string | null }>();
      seen.push(...body.advisories.map((a) => a.trackingId));
      before = body.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['RHSA-2021:5217', 'BSI-2022-0001', '2022-EVD-UC-01-A-001']));
    const first = (await reader.request({ method: 'GET', url: '/api/advisories?limit=1' })).json<{ advisories: Array<{ id: string }> }>();
    const one = await reader.request({ method: 'GET', url: `/api/advisories/${first.advisories[0]!.id}` });
    expect(one.statusCode).toBe(200);
    expect(Array.isArray(one.json<Advisory>().findings)).toBe(true);
  });

  it(
    'shows an advisory’s vulnerabilities as the document gives them: CVE, CWE, scores, products per status',
    { timeout: 60_000 },
    async () => {
      const stored = await get()
        .db.selectFrom('advisories')
        .select('id')
        .where('tracking_id', '=', 'BSI-2022-0001')
        .executeTakeFirstOrThrow();
      const one = await reader.request({ method: 'GET', url: `/api/advisories/${stored.id}` });
      expect(one.statusCode).toBe(200);
      expect(one.json<{ vulnerabilities: unknown[] }>().vulnerabilities).toEqual([
        {
          cve: 'CVE-2022-27193',
          title: null,
          cwe: 'CWE-611',
          scores: [
            { version: '3.1', baseScore: 6.1, severity: 'MEDIUM', vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:L/E:F/RL:O/RC:C' },
          ],
          productStatus: { first_fixed: 1, fixed: 1, known_affected: 5 },
        },
      ]);
    },
  );

  it('refuses what cannot be filed, with the fields named, and keeps nothing of it', { timeout: 60_000 }, async () => {
    const before = await get()
      .db.selectFrom('advisories')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const truncated = await upload(analyst, example('bsi-2022-0001.json').slice(0, 300));
    expect(truncated.statusCode).toBe(400);
    expect(truncated.headers['content-type']).toContain('application/problem+json');
    const doc = JSON.parse(example('bsi-2022-0001.json')) as { document: { tracking: { id?: string } } };
    delete doc.document.tracking.id;
    const nameless = await upload(analyst, JSON.stringify(doc));
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json<{ errors: Array<{ field: string }> }>().errors.map((e) => e.field)).toContain('document.tracking.id');
    const strict = await upload(analyst, example('bsi-2022-0001.json').replace('"label": "WHITE"', '"label": "AMBER+STRICT"'));
    expect(strict.statusCode).toBe(400);
    const after = await get()
      .db.selectFrom('advisories')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('is the team’s: a constituent reads none, a reader imports none', async () => {
    expect((await constituent.request({ method: 'GET', url: '/api/advisories' })).statusCode).toBe(403);
    expect((await upload(reader, example('bsi-2022-0001.json'))).statusCode).toBe(403);
    expect((await upload(constituent, example('bsi-2022-0001.json'))).statusCode).toBe(403);
  });
});

describe('the vulnerabilities of a document kept though not valid', () => {
  it('reads what is there and passes over what is not', () => {
    expect(vulnerabilitiesOf('{"vulnerabilities": "not a list"}')).toEqual([]);
    expect(vulnerabilitiesOf('{}')).toEqual([]);
    expect(
      vulnerabilitiesOf(
        JSON.stringify({
          vulnerabilities: [
            null,
            {
              cve: 42,
              scores: [{ cvss_v3: { baseScore: 'high' } }, { cvss_v2: { baseScore: 5, vectorString: 'AV:N/AC:L/Au:N/C:P/I:N/A:N' } }],
              product_status: { fixed: 'x' },
            },
          ],
        }),
      ),
    ).toEqual([
      { cve: null, title: null, cwe: null, scores: [], productStatus: {} },
      {
        cve: null,
        title: null,
        cwe: null,
        scores: [{ version: '2.0', baseScore: 5, severity: null, vector: 'AV:N/AC:L/Au:N/C:P/I:N/A:N' }],
        productStatus: { fixed: 0 },
      },
    ]);
  });
});
