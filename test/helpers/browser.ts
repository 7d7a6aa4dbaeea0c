/** Debian's Chromium driven by playwright-core; never a downloaded browser. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Role } from '../../src/auth/roles.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { DEMO_PASSWORD, demoEmail } from '../../src/demo/demo.js';
import { buildApp } from '../../src/http/app.js';
import type { App, AppContext } from '../../src/http/context.js';

export const CHROMIUM = process.env.VAKT_CHROMIUM || '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no browser at ${CHROMIUM}: run \`apt-get install chromium\` (npm test does this when run as root)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The web UI on the demo data, served on a loopback port, with a browser page logged in as a demo role. */
export interface DemoUi {
  app: App;
  browser: Browser;
  page: Page;
  base: string;
  close(): Promise<void>;
}

export async function openDemoUi(database: Database, role: Role, extra: Pick<AppContext, 'teamKey'> = {}): Promise<DemoUi> {
  const app = await buildApp({
    database,
    config: { ...loadConfig({}), webDir: fileURLToPath(new URL('../../web/dist', import.meta.url)) },
    ...extra,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await logIn(page, base, role);
  return {
    app,
    browser,
    page,
    base,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}

/** Logs PAGE in at BASE as the demo user of ROLE, and waits until the signed-in frame is there. */
export async function logIn(page: Page, base: string, role: Role): Promise<void> {
  await page.goto(base);
  await page.getByLabel('E-mail').fill(demoEmail(role));
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Log out', includeHidden: true }).waitFor({ state: 'attached' });
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * The serious and critical axe-core violations of the page now shown, one line each. The page's
 * context must bypass CSP (axe is added to the page as a script).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  // Run in the page, so written as text: this project's server code has no DOM types.
  return page.evaluate<string[]>(`axe.run().then((r) => r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ' (' + v.impact + ') at ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')))`);
}
