/**
 * Retention in Chromium, as the demo administrator: the periods are set in the team profile's
 * form, the Retention page counts what is due, and "Purge now" (after a confirmation) purges it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { loadDemoEarlyWarning } from '../../src/demo/demo-constituency.js';
import { loadDemo } from '../../src/demo/demo.js';
import { getProfile } from '../../src/profile/service.js';
import { openDemoUi, type DemoUi } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';
import { testSettings } from '../helpers/mail.js';

describe('retention in Chromium', () => {
  let database: Database;
  let ui: DemoUi;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadDemo(database.db);
    await loadDemoEarlyWarning(database.db, testSettings());
    await sql`update events set created_at = created_at - interval '40 days'`.execute(database.db);
    ui = await openDemoUi(database, 'admin');
  });
  afterAll(async () => {
    await ui?.close();
    await database?.close();
  });

  it('sets a period in the profile, shows what is due, and purges it on confirmation', async () => {
    const { page } = ui;
    const events = Number(
      (
        await database.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(events).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Team profile', exact: true }).click();
    await page.getByRole('button', { name: 'Edit profile' }).click();
    await page.getByLabel('Feed events').fill('30');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('button', { name: 'Edit profile' }).waitFor();
    expect((await getProfile(database.db))?.profile.retention).toEqual({ feedEvents: 30 });

    await page.getByRole('link', { name: 'Retention', exact: true }).click();
    const row = page.getByTestId('retention-feedEvents');
    await expect.poll(() => row.textContent()).toContain(`30 days${events}`);
    expect(await page.getByTestId('retention-reports').textContent()).toContain('kept0');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Purge now' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Done: ${events} records removed or pseudonymised.` })
      .waitFor();
    await expect.poll(() => row.textContent()).toContain('30 days0');
    expect(await database.db.selectFrom('events').select('id').execute()).toEqual([]);
  });
});
