/**
 * Sharing with a peer team in Chromium, as the demo admin: the national team's sharing profile is
 * changed (own addresses left out) and a reader made, its token shown once; on an incident, the
 * preview shows what the peer would receive, what is left out and why, and each value before and
 * after pseudonymisation; sharing it publishes the event to the peer's MISP feed, which the
 * reader's token then reads. Both pages fit a laptop and a phone and pass axe-core. "Seen elsewhere"
 * names the demo's feed that reported an address.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { loadDemoEarlyWarning } from '../../src/demo/demo-constituency.js';
import { loadDemo } from '../../src/demo/demo.js';
import { createIncident } from '../../src/incidents/incidents.js';
import { addObservable } from '../../src/incidents/items.js';
import { createOrganisation } from '../../src/constituency/organisations.js';
import { axeViolations, logIn, openDemoUi, type DemoUi } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';
import { testSettings } from '../helpers/mail.js';

describe('sharing with a peer team in Chromium', () => {
  let database: Database;
  let ui: DemoUi;
  let page: Page;
  let incident = '';
  let token = '';

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const { db } = database;
    await loadDemo(db);
    await loadDemoEarlyWarning(db, testSettings());
    await createOrganisation(db, 'system:test', {
      name: 'Harbour Authority',
      netblocks: [{ prefix: '192.0.2.0/24' }],
      domains: ['harbour.example'],
    });
    incident = String((await createIncident(db, 'system:test', { title: 'Harbour Authority: scanning from a botnet', tlp: 'GREEN' })).id);
    for (const [value, isIoc] of [
      ['192.0.2.44', false],
      ['203.0.113.200', true],
    ] as const)
      await addObservable(db, 'system:test', incident, { kind: 'ipv4', value, isIoc, tlp: 'GREEN' });
    await addObservable(db, 'system:test', incident, { kind: 'domain', value: 'c2.botnet.example', isIoc: true, tlp: 'AMBER' });
    ui = await openDemoUi(database, 'admin');
    // axe is added to the page as a script: this context bypasses the page's CSP for it.
    page = await (await ui.browser.newContext({ bypassCSP: true })).newPage();
    await logIn(page, ui.base, 'admin');
  });
  afterAll(async () => {
    await ui?.close();
    await database?.close();
  });

  /** No horizontal scroll at a laptop's and a phone's width (each page drawn afresh at it), and nothing serious for axe-core. */
  async function fits(ready: string): Promise<string[]> {
    const problems: string[] = [];
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: 800 });
      await page.reload();
      await page.getByTestId(ready).waitFor();
      const wide = await page.evaluate<number>('document.documentElement.scrollWidth');
      if (wide > width) problems.push(`${wide} px wide at ${width}`);
    }
    return [...problems, ...(await axeViolations(page))];
  }

  it('edits the profile and makes a reader, whose token is shown once', async () => {
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    await page.getByRole('link', { name: 'Nordic National CSIRT (demo)' }).click();
    const summary = page.getByTestId('sharing-profile');
    await expect
      .poll(() => summary.textContent())
      .toMatch(/^Up to TLP:GREEN; observable, indicator, incident; by taxii, misp-feed\. Nobody reads/);
    await page.getByLabel('Addresses in the constituency or internal networks').selectOption('drop');
    await page.getByRole('button', { name: 'Save sharing profile' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByLabel('Reader’s e-mail address').fill('misp@nordic.example');
    await page.getByRole('button', { name: 'Make a reader' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    token = (await page.getByTestId('reader-token').locator('code').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(20);
    await expect.poll(() => summary.textContent()).toBe('Up to TLP:GREEN; observable, indicator, incident; by taxii, misp-feed.');
    expect(await fits('sharing-profile')).toEqual([]);
  });

  it('previews what the peer would receive, before and after, shares it, and the reader’s feed has it', async () => {
    await page.goto(`${ui.base}/incidents/${incident}?tab=peers`);
    const preview = page.getByTestId('share-preview');
    await preview.waitFor();
    const left = page.getByTestId('share-left-out');
    await expect.poll(() => left.textContent()).toContain('ipv4 192.0.2.44: the sharing profile drops addresses inside the constituency');
    expect(await left.textContent()).toContain('domain c2.botnet.example: TLP:AMBER');
    const rows = await page.getByTestId('share-pseudonymised').locator('tbody tr').allTextContents();
    expect(rows).toContainEqual(
      expect.stringMatching(/^incident titleHarbour Authority: scanning from a botnetconstituent-[0-9a-f]{8}: scanning/),
    );
    expect(await fits('share-preview')).toEqual([]);

    await page.getByRole('button', { name: 'Share with this peer team' }).click();
    await page.getByRole('button', { name: 'Close' }).click();
    const shares = page.getByTestId('peer-shares');
    await expect.poll(() => shares.textContent()).toMatch(/Nordic National CSIRT \(demo\)1/);

    const manifest = await fetch(`${ui.base}/misp-feed/manifest.json`, { headers: { authorization: `Bearer ${token}` } });
    expect(manifest.status).toBe(200);
    const events = Object.values((await manifest.json()) as Record<string, { info: string }>);
    expect(events.map((e) => e.info)).toEqual([expect.stringMatching(/^constituent-[0-9a-f]{8}: scanning from a botnet$/)]);
  });

  it('finds an address in the feeds too when asked where else it was seen', async () => {
    await page.goto(`${ui.base}/search?seen=${encodeURIComponent('198.51.100[.]7')}`);
    const sightings = page.getByTestId('sightings');
    await expect.poll(() => sightings.textContent()).toMatch(/Feed shadowserver-scans 2 events, first .+, last /);
    await sightings.getByRole('link', { name: 'Feed shadowserver-scans' }).click();
    await expect.poll(() => page.url()).toMatch(/\/feeds$/);
  });
});
