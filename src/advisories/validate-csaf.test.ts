/**
 * CSAF 2.0 validation on the standard's own examples and on documents broken as real providers
 * have broken them, and on hostile input: truncated, oversized, in another encoding, prototype
 * keys, and a document slow enough to be stopped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../core/errors.js';
import { validateCsaf } from './validate-csaf.js';

const EXAMPLES = ['bsi-2022-0001.json', 'rhsa-2021_5217.json', '2022-evd-uc-01-a-001.json'];
const example = (name: string) => readFileSync(new URL(`../../test/fixtures/csaf/${name}`, import.meta.url), 'utf8');
type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a CSAF document edited freely to break it
const edited = (change: (doc: Doc) => void): string => {
  const doc = JSON.parse(example('bsi-2022-0001.json')) as Doc;
  change(doc);
  return JSON.stringify(doc);
};

describe('CSAF 2.0 validation', () => {
  it(
    'finds the standard’s examples valid, with every test run but those that need the network or hunspell',
    { timeout: 60_000 },
    async () => {
      for (const name of EXAMPLES) {
        const result = await validateCsaf(example(name));
        expect(result.valid, `${name}: ${JSON.stringify(result.findings.filter((f) => f.severity === 'error'))}`).toBe(true);
        expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(result.ran).toBeGreaterThan(60);
        expect(result.skipped.map((s) => s.test).sort()).toEqual([
          'informativeTest_6_3_6',
          'informativeTest_6_3_7',
          'informativeTest_6_3_8',
        ]);
      }
    },
  );

  it('names a missing product definition (6.1.1) at its JSON path', { timeout: 60_000 }, async () => {
    const result = await validateCsaf(
      edited((doc) => {
        doc.vulnerabilities[0].product_status = { known_affected: ['CSAFPID-NOT-DEFINED'] };
      }),
    );
    expect(result.valid).toBe(false);
    const missing = result.findings.find((f) => f.section === '6.1.1');
    expect(missing).toMatchObject({ severity: 'error', test: 'mandatoryTest_6_1_1' });
    expect(missing!.path).toBe('/vulnerabilities/0/product_status/known_affected/0');
  });

  it('finds schema errors under the strict schema: a missing title, an unknown field', { timeout: 60_000 }, async () => {
    const result = await validateCsaf(
      edited((doc) => {
        delete doc.document.title;
        doc.document.x_vendor_extension = true;
      }),
    );
    expect(result.valid).toBe(false);
    const schema = result.findings.filter((f) => f.section === 'schema' && f.severity === 'error');
    expect(schema.some((f) => f.path === '/document' && /title/.test(f.message))).toBe(true);
    expect(schema.some((f) => /additional|x_vendor_extension/.test(f.message))).toBe(true);
  });

  it(
    'keeps a revision history out of order (6.1.14) and a final document with a draft version (6.1.20) from passing',
    { timeout: 60_000 },
    async () => {
      const result = await validateCsaf(
        edited((doc) => {
          doc.document.tracking.status = 'final';
          doc.document.tracking.version = '0.9.0';
          doc.document.tracking.revision_history[0].number = '0.9.0';
        }),
      );
      expect(result.valid).toBe(false);
      const failed = result.findings.filter((f) => f.severity === 'error');
      expect(failed.map((f) => f.section)).toEqual(expect.arrayContaining(['6.1.17', '6.1.18']));
      expect(failed.find((f) => f.section === '6.1.17')!.path).toBe('/document/tracking/status');
    },
  );

  it('refuses what is not a document, with a reason, and runs nothing for it', async () => {
    const text = example('bsi-2022-0001.json');
    const reason = async (input: string, limits = {}) => {
      const error = await validateCsaf(input, limits).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).issues[0]!.reason;
    };
    expect(await reason(text.slice(0, text.length / 2))).toMatch(/^not valid JSON/);
    expect(await reason('[]')).toBe('not a JSON object');
    expect(await reason('null')).toBe('not a JSON object');
    expect(await reason(text, { maxBytes: 1024 })).toBe('larger than 0.001 MiB');
    // UTF-16 read as if it were UTF-8: not JSON at all.
    expect(await reason(Buffer.from(text, 'utf16le').toString('latin1'))).toMatch(/^not valid JSON/);
  });

  it('is not fooled by prototype keys', { timeout: 60_000 }, async () => {
    const hostile = example('bsi-2022-0001.json').replace('"document": {', '"__proto__": {"polluted": true}, "document": {');
    const result = await validateCsaf(hostile);
    expect(result.valid).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops a validation that takes too long, says so, and validates the next document afresh', { timeout: 60_000 }, async () => {
    // The mandatory tests grow faster than the product tree: 10,000 products take seconds.
    const big = JSON.parse(example('bsi-2022-0001.json')) as Doc;
    const ids = Array.from({ length: 10_000 }, (_, i) => `CSAFPID-${i}`);
    big.product_tree.full_product_names = ids.map((id) => ({ product_id: id, name: `Product ${id}` }));
    big.vulnerabilities[0].product_status = { known_affected: ids };
    await expect(validateCsaf(JSON.stringify(big), { timeoutMs: 200 })).rejects.toThrow(/took longer than 0 s and was stopped/);
    expect((await validateCsaf(example('rhsa-2021_5217.json'))).valid).toBe(true);
  });
});
