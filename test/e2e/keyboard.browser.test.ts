/**
 * Triage with the keyboard only, in Chromium: the shortcut overlay, "g t" to the queue, Tab and
 * Enter to a report, a typed title and Enter to open the incident, "g d" home, "/" to search.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoUi } from '../helpers/browser.js';
import { openWholeDemoUi } from '../helpers/demo-ui.js';

/** Presses Tab until the focused element's text (or label) matches, as a keyboard user would. */
async function tabTo(page: Page, match: RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<string>(
      // A link or button by its text, a field by its label; a scrolling box (it takes the focus too) by nothing.
      "(() => { const e = document.activeElement; if (!e) return ''; if (e.labels) return e.labels[0]?.textContent ?? ''; return ['A', 'BUTTON'].includes(e.tagName) ? e.textContent : ''; })()",
    );
    if (match.test(focused)) return;
  }
  throw new Error(`Tab never reached ${match}`);
}

describe('triage with the keyboard only', () => {
  let ui: DemoUi;
  let page: Page;

  beforeAll(async () => {
    ui = await openWholeDemoUi('analyst');
    ({ page } = ui);
  });
  afterAll(async () => ui?.close());

  it('lists the shortcuts, goes to the queue, opens an incident from a report, and goes home and to search', async () => {
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    expect(await help.textContent()).toContain('Triage queue');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    await page.keyboard.press('g');
    await page.keyboard.press('t');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/triage');
    await tabTo(page, /Many failed logins on our VPN/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Report #\d+: Many failed logins on our VPN/ }).waitFor();
    await tabTo(page, /Incident title/);
    await page.keyboard.type('VPN brute force at Stadsarkivet');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Incident #\d+: VPN brute force at Stadsarkivet/ }).waitFor();

    await page.keyboard.press('g');
    await page.keyboard.press('d');
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    // Shown from the cache first, then refreshed.
    await expect.poll(() => page.getByRole('link', { name: '2 reports in triage' }).count()).toBe(1);
    await page.keyboard.press('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/search');
    await page.keyboard.type('phishing');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('search-results').textContent()).toContain('Credential phishing against Stockholm Vatten');
  });
});
