/**
 * Advisories in Chromium, as an analyst: a CSAF 2.0 document is imported from a file, its page
 * shows it valid with the standard's optional findings at their paths (axe-core finds nothing
 * serious there, light or dark), and the list shows it; a broken document is kept and shown not
 * valid, the failed mandatory test at its JSON path.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { loadWholeDemo } from '../../src/demo/load.js';
import { loadConfig } from '../../src/config.js';
import { axeViolations, logIn, openDemoUi, type DemoUi } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';

const EXAMPLE = new URL('../fixtures/csaf/bsi-2022-0001.json', import.meta.url).pathname;

describe('advisories in Chromium', () => {
  let database: Database;
  let ui: DemoUi;
  let page: Page;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadWholeDemo(database.db, loadConfig({}).mail);
    ui = await openDemoUi(database, 'analyst');
    // axe is added to the pages as a script: this context lets it past the CSP.
    page = await (await ui.browser.newContext({ bypassCSP: true })).newPage();
    await logIn(page, ui.base, 'analyst');
  });
  afterAll(async () => {
    await ui?.close();
    await database?.close();
  });

  const importFile = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    await page
      .getByRole('navigation', { name: /Main menu/ })
      .getByRole('link', { name: 'Advisories' })
      .click();
    await page.getByRole('heading', { name: 'Advisories', level: 1 }).waitFor();
    await page.getByLabel('CSAF document (JSON)').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
  };

  it('imports a document and shows it valid, with its findings at their paths', { timeout: 90_000 }, async () => {
    await importFile({ name: 'bsi-2022-0001.json', mimeType: 'application/json', buffer: readFileSync(EXAMPLE) });
    await page.getByRole('heading', { level: 1, name: /CVRF-CSAF-Converter/ }).waitFor({ timeout: 60_000 });
    expect(await page.getByText('BSI-2022-0001 (1, final)').count()).toBe(1);
    const findings = page.getByTestId('advisory-findings');
    await expect.poll(() => findings.textContent()).toContain('/document/references');
    const vulnerabilities = page.getByTestId('advisory-vulnerabilities');
    expect(await vulnerabilities.textContent()).toContain('CVE-2022-27193');
    expect(await vulnerabilities.textContent()).toContain('6.1 MEDIUM (CVSS 3.1)');
    expect(await vulnerabilities.textContent()).toContain('known_affected: 5');
    expect(await page.getByRole('link', { name: 'The document as imported' }).getAttribute('href')).toMatch(
      /^\/api\/advisories\/[0-9a-f-]{36}\/document$/,
    );
    await page.getByRole('link', { name: '← Advisories' }).click();
    await expect.poll(() => page.getByTestId('advisories').textContent()).toContain('BSI-2022-0001 (1)');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('keeps a broken document and names the failed mandatory test at its JSON path', { timeout: 90_000 }, async () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as {
      document: { tracking: { id: string } };
      vulnerabilities: Array<{ product_status: unknown }>;
    };
    doc.document.tracking.id = 'BSI-2022-0001-BROKEN';
    doc.vulnerabilities[0]!.product_status = { known_affected: ['CSAFPID-NOT-DEFINED'] };
    await importFile({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    await page.getByText('BSI-2022-0001-BROKEN (1, final)').waitFor({ timeout: 60_000 });
    expect(await page.getByText('no: a schema error or a failed mandatory test').count()).toBe(1);
    const findings = page.getByTestId('advisory-findings');
    await expect.poll(() => findings.textContent()).toContain('/vulnerabilities/0/product_status/known_affected/0');
    expect(await findings.getByRole('cell', { name: '6.1.1', exact: true }).count()).toBeGreaterThan(0);
  });

  it("sends a notice drafted from a vendor's advisory to the organisation it concerns", { timeout: 90_000 }, async () => {
    const { db } = database;
    const advisory = await db.selectFrom('advisories').select('id').where('tracking_id', '=', 'BSI-2022-0001').executeTakeFirstOrThrow();
    const water = await db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Stockholm Vatten och Avfall')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('relay_notices')
      .values({ advisory_id: advisory.id, organisation_id: water.id, matched: ['cpe:2.3:a:cvrf-csaf-converter:*'] })
      .execute();
    await page.goto(`${ui.base}/advisories`);
    const notices = page.getByTestId('relay-notices');
    await expect.poll(() => notices.textContent()).toContain('Stockholm Vatten och Avfall');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Send to Stockholm Vatten och Avfall' }).click();
    await page.getByText('No notice waits to be sent.').waitFor();
    const sent = await db.selectFrom('messages').select('to_addresses').where('subject', 'like', '%BSI-2022-0001%').execute();
    expect(sent.flatMap((m) => m.to_addresses).sort()).toEqual(['noc@svoa.example', 'soc@svoa.example']);
  });
});
