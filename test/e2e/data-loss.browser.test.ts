/**
 * The web UI's data-loss traps (issue 13), each walked in Chromium as a user would: an edit form
 * saved unchanged changes nothing, and a refused save says which fields, by their labels, at once.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getOrganisation, listOrganisations } from '../../src/constituency/organisations.js';
import { loadDemoEarlyWarning } from '../../src/demo/demo-constituency.js';
import { loadDemo } from '../../src/demo/demo.js';
import { openDemoUi, type DemoUi } from '../helpers/browser.js';
import { describeEachEngine } from '../helpers/database.js';
import { testSettings } from '../helpers/mail.js';

describeEachEngine('the web UI loses nothing', (get) => {
  let ui: DemoUi;
  let page: Page;

  beforeAll(async () => {
    await loadDemo(get().db);
    await loadDemoEarlyWarning(get().db, testSettings());
    ui = await openDemoUi(get(), 'incident-manager');
    ({ page } = ui);
  });
  afterAll(async () => ui?.close());

  it('saves every organisation unchanged without changing it: phones, notify=no, short name and notes survive', async () => {
    const organisations = (await listOrganisations(get().db)).filter((o) => o.kind !== 'team');
    expect(organisations.some((o) => o.contacts.some((c) => !c.notify && c.phone))).toBe(true);
    for (const before of organisations) {
      await page.goto(`${ui.base}/constituency/${before.id}`);
      await page.getByText('Edit this organisation').click();
      await page.getByRole('button', { name: 'Save organisation' }).click();
      await expect.poll(async () => (await getOrganisation(get().db, before.id)).version).toBe(before.version + 1);
      const { version: _v, contacts, ...after } = await getOrganisation(get().db, before.id);
      const { version: _w, contacts: contactsBefore, ...rest } = before;
      expect(after, before.name).toEqual(rest);
      const withoutIds = (list: typeof contacts) => list.map(({ id: _id, ...c }) => c);
      expect(withoutIds(contacts), before.name).toEqual(withoutIds(contactsBefore));
    }
  });

  it('edits a contact row by row and names every refused field by its label, all at once', async () => {
    const water = (await listOrganisations(get().db)).find((o) => o.shortName === 'SVOA')!;
    await page.goto(`${ui.base}/constituency/${water.id}`);
    await page.getByText('Edit this organisation').click();
    const form = page.getByRole('form', { name: 'Save organisation' });
    const rows = form.getByRole('group', { name: /^Contact \d+$/ });
    let ciso = rows.first();
    for (let i = 0; i < (await rows.count()); i++)
      if ((await rows.nth(i).getByLabel('E-mail').inputValue()) === 'ciso@svoa.example') ciso = rows.nth(i);
    await ciso.getByLabel('Phone').fill('+46 8 000 00 00');
    await ciso.getByLabel('Gets notifications').check();
    await form.getByLabel('Netblocks (one per line: prefix, then a description)').fill('not-a-prefix');
    await form.getByLabel('Domains').fill('not a domain');
    await form.getByRole('button', { name: 'Save organisation' }).click();
    const alert = form.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/fields? needs? a change/);
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/Netblocks 1/);
    expect(text).toMatch(/Domains 1/);
    expect(text).not.toMatch(/netblocks\[0\]|domains\[0\]/);
    expect((await getOrganisation(get().db, water.id)).version).toBe(water.version);

    await form.getByLabel('Netblocks (one per line: prefix, then a description)').fill('192.0.2.128/25 Treatment plants (SCADA)');
    await form.getByLabel('Domains').fill('svoa.example');
    await form.getByRole('button', { name: 'Save organisation' }).click();
    await expect.poll(async () => (await getOrganisation(get().db, water.id)).version).toBe(water.version + 1);
    const saved = (await getOrganisation(get().db, water.id)).contacts.find((c) => c.email === 'ciso@svoa.example')!;
    expect(saved).toMatchObject({ phone: '+46 8 000 00 00', notify: true, role: 'management', name: 'CISO' });
  });
});
