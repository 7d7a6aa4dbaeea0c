/**
 * The web UI's data-loss traps (issue 13), each walked in Chromium as a user would: an edit form
 * saved unchanged changes nothing, and a refused save says which fields, by their labels, at once;
 * a debrief keeps what was typed when made final and can be reopened; undoing an opening does not
 * orphan work; the phase list offers only what may come next; read-only users get no forms.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { getOrganisation, listOrganisations } from '../../src/constituency/organisations.js';
import { loadDemoEarlyWarning } from '../../src/demo/demo-constituency.js';
import { loadDemo } from '../../src/demo/demo.js';
import { createIncident, updateIncident } from '../../src/incidents/incidents.js';
import { addTask } from '../../src/incidents/items.js';
import { teamClock } from '../../src/incidents/sla.js';
import { createReport } from '../../src/intake/reports.js';
import { logIn, openDemoUi, type DemoUi } from '../helpers/browser.js';
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

  const ACTOR = 'system:test';

  it('makes a debrief final only when resolved, after asking, with what was typed; the final view has the summary; a reopen is recorded', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'Debrief trap' });
    await page.goto(`${ui.base}/incidents/${id}/debrief`);
    const makeFinal = page.getByRole('button', { name: 'Make final' });
    await makeFinal.waitFor();
    expect(await makeFinal.isDisabled()).toBe(true);
    expect(await page.getByRole('form', { name: 'Debrief' }).textContent()).toMatch(
      /once the incident reaches lessons-learned or closed \(it is in triage\)/,
    );

    let version = 1;
    for (const phase of ['containment', 'eradication', 'recovery', 'lessons-learned'] as const)
      version = await updateIncident(db, ACTOR, id, { phase }, version);
    await page.reload();
    await page.getByLabel('Summary').fill('Typed, never saved as a draft → kept');
    page.once('dialog', (dialog) => void dialog.dismiss());
    await makeFinal.click();
    await page.waitForTimeout(300);
    expect(await page.getByTestId('debrief-status').textContent()).toMatch(/^Draft/);
    expect((await db.selectFrom('debriefs').select('status').where('incident_id', '=', id).executeTakeFirstOrThrow()).status).toBe('draft');
    page.once('dialog', (dialog) => void dialog.accept());
    await makeFinal.click();
    await expect.poll(() => page.getByTestId('debrief-status').textContent()).toMatch(/^Final since/);
    expect(await page.getByRole('heading', { name: 'Summary' }).count()).toBe(1);
    expect(await page.locator('main').textContent()).toContain('Typed, never saved as a draft → kept');
    const stored = await db.selectFrom('debriefs').select(['status', 'content']).where('incident_id', '=', id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('final');
    expect(JSON.stringify(stored.content)).toContain('Typed, never saved as a draft → kept');

    await page.getByLabel(/Why reopen it/).fill('the hoster sent its logs');
    await page.getByRole('button', { name: 'Reopen the debrief' }).click();
    await expect.poll(() => page.getByTestId('debrief-status').textContent()).toMatch(/^Draft/);
    expect(await page.getByLabel('Summary').inputValue()).toBe('Typed, never saved as a draft → kept');
    const timeline = await db.selectFrom('timeline_events').select('summary').where('incident_id', '=', id).execute();
    expect(timeline.map((e) => e.summary)).toContain('Final debrief reopened: the hoster sent its logs');
  });

  it('refuses to undo the opening of an incident with work on it, and says why', async () => {
    const { db } = get();
    const reportId = await createReport(db, ACTOR, { channel: 'api', subject: 'Undo trap', body: '' }, 'AMBER');
    await page.goto(`${ui.base}/triage/reports/${reportId}`);
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.getByTestId('incident-phase').waitFor();
    const { incident_id: incidentId } = await db
      .selectFrom('reports')
      .select('incident_id')
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    await addTask(db, ACTOR, incidentId!, { title: 'Call the hoster' }, await teamClock(db));
    await page.goto(`${ui.base}/triage/reports/${reportId}`);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(new RegExp(`incident #${incidentId} has work on it \\(1 task\\)`));
    expect((await db.selectFrom('reports').select('incident_id').where('id', '=', reportId).executeTakeFirstOrThrow()).incident_id).toBe(
      incidentId,
    );
  });

  it('offers only the phases that may come next', async () => {
    const { id } = await createIncident(get().db, ACTOR, { title: 'Phase trap' });
    await page.goto(`${ui.base}/incidents/${id}`);
    await page.getByText('Change the incident', { exact: true }).click();
    const options = await page.locator('select[name=phase] option').allTextContents();
    expect(options).toEqual(['triage (now)', 'containment', 'rejected', 'closed']);
  });

  it('shows read-only users no triage, reply or undo forms', async () => {
    const reportId = await createReport(
      get().db,
      ACTOR,
      { channel: 'api', subject: 'Read-only trap', body: '', reporterEmail: 'rita@reporter.test' },
      'AMBER',
    );
    const context = await ui.browser.newContext();
    const reader = await context.newPage();
    await logIn(reader, ui.base, 'read-only');
    await reader.goto(`${ui.base}/triage/reports/${reportId}`);
    await reader.getByTestId('report-status').waitFor();
    for (const name of ['Open incident', 'Send reply', 'Undo', 'Not an incident'])
      expect(await reader.getByRole('button', { name }).count(), name).toBe(0);
    // Only those who send mail are told that it waits for an SMTP server.
    expect(await reader.getByText(/no SMTP server is configured/).count()).toBe(0);
    expect(await page.getByRole('status').filter({ hasText: 'no SMTP server is configured' }).count()).toBe(1);
    await context.close();
  });
});
