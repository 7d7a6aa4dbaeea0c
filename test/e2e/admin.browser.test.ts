/**
 * Administration in Chromium, as the demo admin: a mailbox is added (its password never shown
 * again) and removed after asking; a real contact key is stored and a broken one refused with the
 * reason; the outbox shows the demo's queued mail; a feed is added, a bad schedule refused by its
 * label, and a feed with a mapping saved unchanged keeps its mapping.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { loadWholeDemo } from '../../src/demo/load.js';
import { loadConfig } from '../../src/config.js';
import { openDemoUi, type DemoUi } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';
import { makeKey } from '../helpers/pgp.js';
import { getFeed, saveFeed } from '../../src/feeds/feeds.js';

describe('administration in Chromium', () => {
  let database: Database;
  let ui: DemoUi;
  let page: Page;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadWholeDemo(database.db, loadConfig({}).mail);
    ui = await openDemoUi(database, 'admin');
    ({ page } = ui);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mail', exact: true }).click();
    await page.getByRole('heading', { name: 'Mail', exact: true }).waitFor();
  });
  afterAll(async () => {
    await ui?.close();
    await database?.close();
  });

  it('adds a mailbox without ever showing its password again, and removes it after asking', async () => {
    await page.getByText('Add a mailbox').click();
    const form = page.getByRole('form', { name: 'Add mailbox' });
    await form.getByLabel('Name', { exact: true }).fill('cert@ inbox');
    await form.getByLabel('IMAP server').fill('imap.cert-stockholm.example');
    await form.getByLabel('User name').fill('cert');
    await form.getByLabel('Password').fill('a secret that must not show');
    await form.getByRole('button', { name: 'Add mailbox' }).click();
    const table = page.getByTestId('mailboxes');
    await table.getByText('imap.cert-stockholm.example:993 (TLS)').waitFor();
    expect(await page.content()).not.toContain('a secret that must not show');

    page.once('dialog', (dialog) => void dialog.accept());
    await table.getByRole('button', { name: 'Remove cert@ inbox' }).click();
    await page.getByText('No mailbox yet').waitFor();
  });

  it('stores a contact key and refuses one that is not a key, saying why', async () => {
    const key = await makeKey('SOC Stockholm Vatten', 'soc@svoa.example');
    const form = page.getByRole('form', { name: 'Store key' });
    await form.getByLabel(/public key/).fill('-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nnot a key\n-----END PGP PUBLIC KEY BLOCK-----');
    await form.getByRole('button', { name: 'Store key' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBeTruthy();
    await form.getByLabel(/public key/).fill(key.armoredPublic);
    await form.getByRole('button', { name: 'Store key' }).click();
    const fingerprint = key.publicKey.getFingerprint().toUpperCase();
    await expect.poll(async () => (await page.getByTestId('pgp-keys').textContent())?.replace(/\s/g, '')).toContain(fingerprint);
  });

  it('lists the outgoing mail with its delivery state', async () => {
    const outbox = page.getByTestId('outbox');
    const queued = await database.db.selectFrom('messages').select('subject').where('direction', '=', 'out').execute();
    expect(queued.length).toBeGreaterThan(0);
    await outbox.getByText(queued[0]!.subject).first().waitFor();
    expect(await outbox.locator('tbody tr').count()).toBe(Math.min(queued.length, 50));
  });

  it('adds a feed, names a bad schedule by its label, and saves a mapped feed unchanged without losing its mapping', async () => {
    const mapping = {
      time: 'seen',
      timeFormat: 'epoch',
      sourceIp: 'src',
      rsitClass: { value: 'intrusion-attempts' },
      rsitType: { value: 'brute-force' },
    };
    await saveFeed(database.db, 'system:test', {
      name: 'honeypot',
      format: 'json',
      source: { kind: 'upload' },
      tlp: 'GREEN',
      notify: 'never',
      mapping,
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feeds', exact: true }).click();
    await page.getByText('Add a feed').click();
    const add = page.getByRole('form', { name: 'Add feed' });
    await add.getByLabel(/^Name/).fill('partner-blocklist');
    await add.getByLabel(/^Format/).fill('csv');
    await add.getByLabel(/^Kind/).selectOption('url');
    await add.getByLabel('URL (kind url)').fill('https://partner.example/blocklist.csv');
    await add.getByLabel(/^Schedule/).fill('every hour please');
    await add.getByLabel('TLP of its events').selectOption('GREEN');
    await add.getByLabel(/^Mapping/).fill(JSON.stringify(mapping));
    await add.getByRole('button', { name: 'Add feed' }).click();
    await expect.poll(() => add.getByRole('alert').textContent()).toMatch(/Schedule/);
    await add.getByLabel(/^Schedule/).fill('15 * * * *');
    await add.getByRole('button', { name: 'Add feed' }).click();
    await expect.poll(async () => (await getFeed(database.db, 'partner-blocklist').catch(() => null))?.schedule).toBe('15 * * * *');
    expect((await getFeed(database.db, 'partner-blocklist')).source).toEqual({ kind: 'url', url: 'https://partner.example/blocklist.csv' });

    const before = await getFeed(database.db, 'honeypot');
    const row = page.getByRole('row', { name: /honeypot/ });
    await row.getByText('Change', { exact: true }).click();
    await row.getByRole('button', { name: 'Save honeypot' }).click();
    await expect.poll(async () => (await getFeed(database.db, 'honeypot')).version).toBe(before.version + 1);
    const after = await getFeed(database.db, 'honeypot');
    expect({ ...after, version: before.version }).toEqual(before);
  });
});
