import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEMO_PASSWORD, demoEmail, loadDemo } from '../../src/demo/demo.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/context.js';
import { getProfile } from '../../src/profile/service.js';
import { totpCodes } from '../helpers/totp.js';
import { launchBrowser } from '../helpers/browser.js';
import { describeEachEngine } from '../helpers/database.js';

const webDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

describeEachEngine('web UI in Chromium', (get) => {
  let app: App;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    await loadDemo(get().db);
    app = await buildApp({ database: get(), config: { ...loadConfig({}), webDir } });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function logIn(role: 'incident-manager' | 'analyst', password = DEMO_PASSWORD) {
    await page.getByLabel('E-mail').fill(demoEmail(role));
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
  }

  it('refuses a wrong password', async () => {
    await page.goto(base);
    await logIn('incident-manager', 'not the password');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('wrong e-mail or password');
  });

  it('logs in and shows the team profile', async () => {
    await logIn('incident-manager');
    await page.getByRole('link', { name: 'Team profile', exact: true }).click();
    await page.getByRole('heading', { name: 'CERT Stockholm' }).waitFor();
    expect(await page.getByTestId('profile-email').textContent()).toBe('cert@stockholm.se');
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('Team profile');
  });

  it('shows a field error for an invalid edit and saves nothing', async () => {
    await page.getByRole('button', { name: 'Edit profile' }).click();
    await page.getByLabel('Time zone (IANA)').fill('Europe/Nowhere');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('is not an IANA time zone');
    expect((await getProfile(get().db))?.version).toBe(1);
  });

  it('edits the profile and keeps the change across a reload', async () => {
    await page.getByLabel('Time zone (IANA)').fill('Europe/Stockholm');
    await page.getByLabel('Disclaimers').fill('Edited in the browser test.');
    await page.getByLabel('Friday closes').fill('16:00');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByTestId('profile-disclaimers').textContent()).toBe('Edited in the browser test.');
    await page.screenshot({ path: fileURLToPath(new URL('../../.tmp/profile.png', import.meta.url)), fullPage: true });
    await page.reload();
    await page.getByTestId('profile-disclaimers').waitFor();
    expect(await page.getByTestId('profile-disclaimers').textContent()).toBe('Edited in the browser test.');
    const stored = await getProfile(get().db);
    expect(stored?.version).toBe(2);
    expect(stored?.profile.operatingHours.friday).toEqual([{ start: '08:00', end: '16:00' }]);
  });

  it('logs out, and an analyst sees the profile without an edit button', async () => {
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await logIn('analyst');
    await page.getByRole('link', { name: 'Team profile', exact: true }).click();
    await page.getByRole('heading', { name: 'CERT Stockholm' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit profile' }).count()).toBe(0);
  });

  it('creates an API token that is shown once', async () => {
    await page.getByRole('link', { name: 'My account' }).click();
    await page.getByLabel('Name').fill('nightly export');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByTestId('new-token').textContent();
    expect(token).toMatch(/^vakt_/);
    const res = await fetch(`${base}/api/profile`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    await page.getByRole('cell', { name: 'nightly export' }).waitFor();
  });

  it('turns on two-factor authentication, which the next login asks for', async () => {
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    // The QR code is read back as a phone would: it holds the same key, for this account.
    await page.getByTestId('totp-qr').waitFor();
    const shot = PNG.sync.read(await page.getByTestId('totp-qr').screenshot());
    const scanned = jsqr.default(new Uint8ClampedArray(shot.data), shot.width, shot.height);
    expect(scanned?.data).toMatch(new RegExp(`^otpauth://totp/.*secret=${secret}`));
    const codes = await totpCodes(secret);
    await page.getByLabel('Code from the app').fill(codes.previous);
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('button', { name: 'Turn off' }).waitFor();
    await page.getByRole('button', { name: 'Log out', exact: true }).click();
    await logIn('analyst');
    await page.getByLabel('One-time code').fill(codes.current);
    await page.getByRole('button', { name: 'Log in' }).click();
    // Back where the user was: the account page, now saying two-factor authentication is on.
    await page.getByText('On: logging in asks for a code').waitFor();
  });

  it('logs out everywhere: the session and the API token made earlier both end', async () => {
    const token = await get()
      .db.selectFrom('api_tokens')
      .select('revoked_at')
      .where('name', '=', 'nightly export')
      .executeTakeFirstOrThrow();
    expect(token.revoked_at).toBeNull();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Log out everywhere' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    const after = await get()
      .db.selectFrom('api_tokens')
      .select('revoked_at')
      .where('name', '=', 'nightly export')
      .executeTakeFirstOrThrow();
    expect(after.revoked_at).not.toBeNull();
  });
});
