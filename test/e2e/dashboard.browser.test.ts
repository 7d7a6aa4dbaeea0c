/**
 * The home dashboard in Chromium on the demo data: the figures, each a link to the list it counts
 * with the filter in the address; the filters change the address, and the back button returns.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoUi } from '../helpers/browser.js';
import { openWholeDemoUi } from '../helpers/demo-ui.js';

// The dashboard's figures do not depend on the engine (its query is tested on both): PGlite only.
describe('the dashboard in Chromium', () => {
  let ui: DemoUi;
  let page: Page;

  beforeAll(async () => {
    ui = await openWholeDemoUi('analyst');
    ({ page } = ui);
  });
  afterAll(async () => ui?.close());

  it('is the home page, and each figure leads to the list it counts', async () => {
    await page.goto(ui.base);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    expect(await page.getByRole('link', { name: '3 reports in triage' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '1 open incident' }).count()).toBe(1);
    expect(await page.getByTestId('activity').locator('li').count()).toBe(10);

    await page.getByRole('list', { name: 'Open incidents by priority' }).getByRole('link', { name: 'high: 1' }).click();
    await page.getByRole('heading', { name: 'Incidents' }).waitFor();
    expect(new URL(page.url()).search).toBe('?open=true&priority=high');
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Credential phishing against Stockholm Vatten');
    expect(await page.getByLabel('Priority').inputValue()).toBe('high');

    await page.getByLabel('State').selectOption('');
    await expect.poll(() => new URL(page.url()).search).toBe('?priority=high');
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    await page.goBack();
    await expect.poll(() => rows.count()).toBe(1);
    await page.goBack();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
  });
});
