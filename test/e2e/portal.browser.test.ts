/**
 * The constituent portal in Chromium, as Karin of the demo's water company: she lands on her
 * organisation's reports (empty, saying what to do), reports an incident, follows where it
 * stands as the team opens an incident from it, reads the team's reply and answers it (the
 * answer reaches the incident), and says how it was handled.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIncident } from '../../src/incidents/incidents.js';
import type { Database } from '../../src/db/database.js';
import { loadDemo } from '../../src/demo/demo.js';
import { openDemoUi, type DemoUi } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';

describe('the constituent portal in Chromium', () => {
  let database: Database;
  let ui: DemoUi;
  let page: Page;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadDemo(database.db);
    ui = await openDemoUi(database, 'constituent');
    ({ page } = ui);
  });
  afterAll(async () => {
    await ui?.close();
    await database?.close();
  });

  it('lands on the organisation’s reports, which say what to do while there are none', async () => {
    await page.getByRole('heading', { name: "My organisation's reports" }).waitFor();
    await page.getByText('Nothing reported yet.').waitFor();
    const menu = page.getByRole('navigation', { name: 'Main' });
    expect(await menu.getByRole('link', { name: 'Dashboard' }).count()).toBe(0);
  });

  it('reports an incident, follows it into an incident, and answers the team', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Report', exact: true }).click();
    await page.getByLabel('Subject').fill('Pump station HMI shows a ransom note');
    await page.getByLabel(/^What happened/).fill('Since 06:10 the HMI at Bromma shows a ransom note. TLP:AMBER');
    await page.getByRole('button', { name: 'Submit report' }).click();
    const id = ((await page.getByRole('status').filter({ hasText: '#' }).textContent()) ?? '').match(/#(\d+)/)?.[1] ?? '';
    expect(id).not.toBe('');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My reports' }).click();
    await page.getByRole('link', { name: 'Pump station HMI shows a ransom note' }).click();
    await expect.poll(() => page.getByTestId('standing').textContent()).toBe('received, waiting for triage');

    const incident = await createIncident(database.db, 'system:test', { title: 'Ransomware at Bromma', reportIds: [id] });
    await database.db
      .insertInto('messages')
      .values({
        direction: 'out',
        report_id: id,
        incident_id: incident.id,
        subject: 'Re: Pump station',
        from_address: 'cert@cert-stockholm.demo',
        to_addresses: ['constituent@cert-stockholm.demo'],
        body_text: 'Please isolate the HMI and keep it powered on.',
        tlp: 'AMBER',
        created_by: 'system:test',
      })
      .execute();
    await page.reload();
    await expect.poll(() => page.getByTestId('standing').textContent()).toBe('being handled as an incident');
    await page.getByText('Please isolate the HMI and keep it powered on.').waitFor();

    await page.getByLabel('Reply to the team about this report').fill('Isolated at 07:02, still powered.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page
      .getByRole('article', { name: /Mail from constituent@/ })
      .getByText('Isolated at 07:02, still powered.')
      .waitFor();
    const onIncident = await database.db.selectFrom('messages').select('body_text').where('incident_id', '=', incident.id).execute();
    expect(onIncident.map((m) => m.body_text)).toContain('Isolated at 07:02, still powered.');

    await page.getByLabel('Rating (5 is best)').selectOption('4');
    await page.getByLabel('Anything to add').fill('Quick and clear.');
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByText('Your answer: 4 of 5.').waitFor();
    const feedback = await database.db.selectFrom('report_feedback').select(['rating', 'comment']).where('report_id', '=', id).execute();
    expect(feedback).toEqual([{ rating: 4, comment: 'Quick and clear.' }]);
  });
  it('speaks Swedish once Karin chooses it, the menu and the portal alike, and English again after', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My account' }).click();
    const form = page.getByRole('form', { name: 'Language' });
    await form.getByRole('combobox').selectOption('sv');
    await form.getByRole('button', { name: 'Save language' }).click();
    // The menu's own name is in the reader's language too.
    const menu = page.getByRole('navigation', { name: /^(Huvudmeny|Main menu)$/ });
    await menu.getByRole('link', { name: 'Mina rapporter' }).click();
    await page.getByRole('heading', { name: 'Min organisations rapporter' }).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('sv');
    await page.getByRole('cell', { name: 'hanteras som en incident' }).waitFor();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();

    await menu.getByRole('link', { name: 'Mitt konto' }).click();
    await page.getByRole('form', { name: 'Språk' }).getByRole('combobox').selectOption('en');
    await page.getByRole('form', { name: 'Språk' }).getByRole('button', { name: 'Spara språk' }).click();
    await menu.getByRole('link', { name: 'My reports' }).waitFor();
    const stored = await database.db
      .selectFrom('users')
      .select('language')
      .where('email', '=', 'constituent@cert-stockholm.demo')
      .executeTakeFirstOrThrow();
    expect(stored.language).toBe('en');
  });
});
