/**
 * Every page each role can reach, at 1366×768 and on a 390×844 phone: nothing wider than the
 * screen (no horizontal scroll), and axe-core finds no serious or critical accessibility problem.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/auth/roles.js';
import { loadDemoEarlyWarning } from '../../src/demo/demo-constituency.js';
import { loadDemoIncidents } from '../../src/demo/demo-incidents.js';
import { loadDemo } from '../../src/demo/demo.js';
import { axeViolations, logIn, openDemoUi, type DemoUi } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';
import type { Database } from '../../src/db/database.js';
import { testSettings } from '../helpers/mail.js';

const SIZES = [
  { name: 'laptop', width: 1366, height: 768, scheme: 'light' },
  { name: 'phone', width: 390, height: 844, scheme: 'light' },
  // The dark theme, as a system that prefers it gets it: its contrast is checked too.
  { name: 'laptop dark', width: 1366, height: 768, scheme: 'dark' },
] as const;

interface Finding {
  page: string;
  size: string;
  problem: string;
}

/** What is wrong with the page now shown: too wide, or (when AXE is set) serious and critical axe violations. */
async function check(page: Page, where: string, size: string, axe: boolean): Promise<Finding[]> {
  const findings: Finding[] = [];
  // Run in the page, so written as text: this project's server code has no DOM types.
  const widths = await page.evaluate<{ page: number; screen: number }>(
    '({ page: document.documentElement.scrollWidth, screen: window.innerWidth })',
  );
  if (widths.page > widths.screen) findings.push({ page: where, size, problem: `${widths.page} px wide on a ${widths.screen} px screen` });
  if (!axe) return findings;
  for (const v of await axeViolations(page)) findings.push({ page: where, size, problem: v });
  return findings;
}

// The layout does not depend on the engine: PGlite only.
describe('every page fits the screen and passes axe-core', () => {
  let database: Database;
  const get = () => database;
  let ui: DemoUi;
  let incidentId: string;
  let reportId: string;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const { db } = get();
    await loadDemo(db);
    await loadDemoIncidents(db, testSettings());
    await loadDemoEarlyWarning(db, testSettings());
    incidentId = (await db.selectFrom('incidents').select('id').where('phase', '<>', 'closed').executeTakeFirstOrThrow()).id;
    reportId = (await db.selectFrom('reports').select('id').where('status', '=', 'new').executeTakeFirstOrThrow()).id;
    ui = await openDemoUi(get(), 'admin');
  });
  afterAll(async () => {
    await ui?.close();
    await database?.close();
  });

  it('for every role, on a laptop, a phone and in the dark theme', { timeout: 240_000 }, async () => {
    const findings: Finding[] = [];
    let visited = 0;
    // axe once per page, size and kind of viewer (the team, a constituent): the roles of the team
    // differ in which forms they see, admin (first) sees them all.
    const axed = new Set<string>();
    for (const role of ROLES as readonly Role[]) {
      // axe is added to each page as a script: the page's CSP (script-src 'self') is bypassed for it.
      const context = await ui.browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await logIn(page, ui.base, role);
      const paths = await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link')
        .evaluateAll((links) => links.map((a) => new URL(a.getAttribute('href')!, 'http://x').pathname));
      const extra =
        role === 'constituent'
          ? []
          : [
              // Every tab for those who see the most and the least of it; the others only the first.
              ...(['admin', 'read-only'].includes(role)
                ? ['', '?tab=communications', '?tab=work', '?tab=timeline', '?tab=observables', '?tab=people', '?tab=peers']
                : ['']
              ).map((tab) => `/incidents/${incidentId}${tab}`),
              `/incidents/${incidentId}/debrief`,
              `/triage/reports/${reportId}`,
              // The team's own advisories: the list and the form, reached from the Advisories page.
              '/advisories/ours',
              '/advisories/ours/new',
            ];
      for (const size of SIZES) {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.emulateMedia({ colorScheme: size.scheme });
        for (const path of [...paths, ...extra]) {
          await page.goto(`${ui.base}${path}`);
          await page.waitForFunction("!/Loading|Preparing/.test(document.querySelector('main')?.textContent ?? 'Loading')");
          const key = `${size.name} ${path} ${role === 'constituent' ? 'constituent' : 'team'}`;
          findings.push(...(await check(page, `${role} ${path}`, size.name, !axed.has(key))));
          axed.add(key);
          visited++;
        }
      }
      await context.close();
    }
    expect(visited).toBeGreaterThan(60);
    expect(findings.map((f) => `${f.size} ${f.page}: ${f.problem}`)).toEqual([]);
  });

  it('folds the menu behind a button on a phone, and shows it whole on a laptop', async () => {
    const context = await ui.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await logIn(page, ui.base, 'analyst');
    const menu = page.getByRole('button', { name: 'Menu' });
    const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Constituency' });
    expect(await link.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await link.click();
    await page.getByPlaceholder('IP, CIDR, domain, URL, e-mail or AS number').waitFor();
    expect(await link.isVisible()).toBe(false);
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(await menu.isVisible()).toBe(false);
    await context.close();
  });

  it('moves between the tabs of the incident page with the keyboard, and keeps the tab in the address', async () => {
    const context = await ui.browser.newContext();
    const page = await context.newPage();
    await logIn(page, ui.base, 'analyst');
    await page.goto(`${ui.base}/incidents/${incidentId}`);
    const summary = page.getByRole('tab', { name: 'Summary' });
    expect(await summary.getAttribute('aria-selected')).toBe('true');
    await summary.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).search).toBe('?tab=communications');
    // The focus moved with the choice: the tab now chosen has it.
    expect(
      await page.evaluate<string>(
        "document.activeElement?.getAttribute('role') + ' ' + document.activeElement?.getAttribute('aria-selected')",
      ),
    ).toBe('tab true');
    expect(await page.getByRole('tabpanel').getByRole('heading', { name: 'Communications' }).count()).toBe(1);
    await page.keyboard.press('End');
    await expect.poll(() => new URL(page.url()).search).toBe('?tab=peers');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.goBack();
    await expect.poll(() => page.getByRole('tab', { name: 'Peer teams' }).getAttribute('aria-selected')).toBe('true');
    await context.close();
  });

  it('follows the system into the dark theme, and keeps the theme the user picks', async () => {
    const context = await ui.browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await logIn(page, ui.base, 'analyst');
    const theme = () => page.evaluate<string | undefined>('document.documentElement.dataset.mantineColorScheme');
    const background = () => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(await theme()).toBe('dark');
    expect(await background()).toBe('rgb(36, 36, 36)');
    const button = page.getByRole('button', { name: 'Dark theme' });
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await button.click();
    expect(await theme()).toBe('light');
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.reload();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    expect(await theme()).toBe('light');
    await context.close();
  });
});
