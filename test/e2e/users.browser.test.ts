/**
 * Users administered in Chromium: an admin adds a user, saves one unchanged (nothing changes, the
 * organisation included), changes a role, sets a password, turns off a lost second factor and
 * disables an account — each asked first where it ends sessions.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/auth/users.js';
import type { Database } from '../../src/db/database.js';
import { loadDemo } from '../../src/demo/demo.js';
import { openDemoUi, type DemoUi } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';

describe('users in Chromium', () => {
  let database: Database;
  let ui: DemoUi;
  let page: Page;
  const user = (email: string) => database.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadDemo(database.db);
    ui = await openDemoUi(database, 'admin');
    ({ page } = ui);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
  });
  afterAll(async () => {
    await ui?.close();
    await database?.close();
  });

  it('saves a user unchanged without changing anything, the organisation included', async () => {
    const before = await user('analyst@cert-stockholm.demo');
    expect(before.organisation_id).not.toBeNull();
    await page.getByText('Change Anders Analytiker (analyst@cert-stockholm.demo)').click();
    await page.getByRole('button', { name: 'Save analyst@cert-stockholm.demo' }).click();
    await expect.poll(async () => (await user('analyst@cert-stockholm.demo')).name).toBe(before.name);
    await page.waitForTimeout(300);
    const after = await user('analyst@cert-stockholm.demo');
    expect({ role: after.role, organisation: after.organisation_id, disabled: after.disabled_at }).toEqual({
      role: before.role,
      organisation: before.organisation_id,
      disabled: before.disabled_at,
    });
  });

  it('adds a user, changes the role, sets a password, turns off two-factor and disables, asking first', async () => {
    await page.getByText('Add a user').click();
    const add = page.getByRole('form', { name: 'Add user' });
    await add.getByLabel('E-mail').fill('nina@cert-stockholm.demo');
    await add.getByLabel('Name').fill('Nina Nyanställd');
    await add.getByLabel('Role').selectOption('constituent');
    await add
      .getByRole('group', { name: /^Organisation/ })
      .getByRole('searchbox')
      .fill('skolor');
    await add.getByRole('radio', { name: 'Stockholms skolor' }).check();
    await add.getByLabel(/^Password/).fill('short');
    await add.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => add.getByRole('alert').textContent()).toMatch(/Password.*12/);
    await add.getByLabel(/^Password/).fill('a first password for Nina');
    await add.getByRole('button', { name: 'Add user' }).click();
    await expect
      .poll(
        async () =>
          await database.db
            .selectFrom('users')
            .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
            .select(['role', 'organisations.name'])
            .where('email', '=', 'nina@cert-stockholm.demo')
            .executeTakeFirst(),
      )
      .toEqual({ role: 'constituent', name: 'Stockholms skolor' });

    await page.getByText('Change Nina Nyanställd (nina@cert-stockholm.demo)').click();
    const change = page.getByRole('form', { name: 'Save nina@cert-stockholm.demo' });
    await change.getByLabel('Role').selectOption('read-only');
    await change.getByRole('button', { name: 'Save nina@cert-stockholm.demo' }).click();
    await expect.poll(async () => (await user('nina@cert-stockholm.demo')).role).toBe('read-only');

    await page.getByText('Change Nina Nyanställd (nina@cert-stockholm.demo)').click();
    const password = page.getByRole('form', { name: 'Set a new password for nina@cert-stockholm.demo' });
    await password.getByLabel(/New password/).fill('a second password for Nina');
    await password.getByRole('button').click();
    await expect
      .poll(async () =>
        Boolean(
          await authenticate(database.db, { email: 'nina@cert-stockholm.demo', password: 'a second password for Nina' }).catch(() => null),
        ),
      )
      .toBe(true);

    await database.db.updateTable('users').set({ totp_enabled: true }).where('email', '=', 'nina@cert-stockholm.demo').execute();
    await page.reload();
    await page.getByText('Change Nina Nyanställd (nina@cert-stockholm.demo)').click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Turn off two-factor for nina@cert-stockholm.demo' }).click();
    await expect.poll(async () => (await user('nina@cert-stockholm.demo')).totp_enabled).toBe(false);

    await page.getByText('Change Nina Nyanställd (nina@cert-stockholm.demo)').click();
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Disable nina@cert-stockholm.demo' }).click();
    await page.waitForTimeout(300);
    expect((await user('nina@cert-stockholm.demo')).disabled_at).toBeNull();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Disable nina@cert-stockholm.demo' }).click();
    await expect.poll(async () => (await user('nina@cert-stockholm.demo')).disabled_at).not.toBeNull();
  });

  it('shows the audit log by name, filtered by action family, with the filter in the address', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.textContent()).toContain('Astrid Admin <admin@cert-stockholm.demo>');
    await page.getByLabel('Action').selectOption('user');
    await expect.poll(() => new URL(page.url()).search).toBe('?action=user');
    await expect
      .poll(async () => (await table.locator('tbody tr td:nth-child(4)').allTextContents()).every((a) => a.startsWith('user.')))
      .toBe(true);
    const nina = await user('nina@cert-stockholm.demo');
    await table
      .getByRole('link', { name: `user #${nina.id}` })
      .first()
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('objectId')).toBe(nina.id);
    await expect
      .poll(() => table.locator('tbody tr td:nth-child(4)').allTextContents())
      .toEqual(['user.disable', 'user.totp-reset', 'user.password-reset', 'user.change', 'user.create']);
  });

  it('changes the SLA targets on the KPI page, and refuses a value that is not a duration', async () => {
    const normal = () => database.db.selectFrom('sla_policies').selectAll().where('priority', '=', 'normal').executeTakeFirstOrThrow();
    const before = await normal();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'KPIs' }).click();
    const form = page.getByRole('form', { name: 'Save the SLA targets' });
    await form.getByLabel('Acknowledge, normal').fill('not a number');
    await form.getByRole('button', { name: 'Save the SLA targets' }).click();
    await form.getByRole('alert').waitFor();
    expect(await normal()).toEqual(before);
    await form.getByLabel('Acknowledge, normal').fill('2.5');
    await form.getByRole('button', { name: 'Save the SLA targets' }).click();
    await expect.poll(async () => (await normal()).acknowledge_minutes).toBe(150);
    expect((await normal()).resolve_minutes).toBe(before.resolve_minutes);
    expect(await form.getByLabel('Acknowledge, normal').inputValue()).toBe('2.5');
  });
});
