/**
 * The analyst's workbench in Chromium, as two people of the demo team: the incident manager
 * writes a template and watches; the analyst opens an incident from the template, takes a task,
 * writes a note (hostile Markdown stays inert), pastes defanged observables and asks who is
 * responsible for one, shares a note, finds the incident as "assigned to me", and merges one
 * incident into another. The manager's dashboard shows what the analyst did.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { loadDemo } from '../../src/demo/demo.js';
import { createIncident } from '../../src/incidents/incidents.js';
import { createReport } from '../../src/intake/reports.js';
import { logIn, openDemoUi, type DemoUi } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';

describe('the workbench in Chromium', () => {
  let database: Database;
  let ui: DemoUi;
  let manager: Page;
  let analyst: Page;
  let incidentUrl = '';
  const menu = (page: Page, name: string) =>
    page.getByRole('navigation', { name: /^(Main menu|Huvudmeny)$/ }).getByRole('link', { name, exact: true });

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadDemo(database.db);
    ui = await openDemoUi(database, 'incident-manager');
    manager = ui.page;
    analyst = await (await ui.browser.newContext()).newPage();
    await logIn(analyst, ui.base, 'analyst');
  });
  afterAll(async () => {
    await ui?.close();
    await database?.close();
  });

  it('lets the manager write a template, refusing a second one for the same type by its label', async () => {
    await menu(manager, 'Templates').click();
    await manager.getByRole('heading', { name: 'Incident templates' }).waitFor();
    const form = manager.getByRole('form', { name: 'Add template' });
    await form.getByLabel('Name').fill('Phishing');
    await form.getByLabel('RSIT class / type').selectOption({ label: 'Fraud — Phishing' });
    await form.getByLabel('Default priority').selectOption('high');
    await form.getByLabel('Default TLP').selectOption('AMBER');
    await form.getByLabel(/^Tasks, one per line/).fill('Take the phishing site down | 2\nWarn the users\nBlock the sender');
    await form.getByRole('button', { name: 'Add template' }).click();
    await manager.getByText(/Phishing — fraud \/ phishing · high · TLP:AMBER · 3 task\(s\)/).waitFor();

    await form.getByLabel('Name').fill('Again');
    await form.getByLabel('RSIT class / type').selectOption({ label: 'Fraud — Phishing' });
    await form.getByLabel('Default TLP').selectOption('AMBER');
    await form.getByLabel(/^Tasks, one per line/).fill('x');
    await form.getByRole('button', { name: 'Add template' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('already a template for fraud/phishing');
    expect(await database.db.selectFrom('incident_templates').select('name').execute()).toEqual([{ name: 'Phishing' }]);
  });

  it('opens an incident from the template, and takes a task and the incident in place', async () => {
    await menu(analyst, 'Incidents').click();
    await analyst.getByLabel('Title of a new incident').fill('Phishing wave against the city');
    await analyst.getByLabel(/^Classification/).selectOption({ label: 'Fraud — Phishing' });
    await analyst.getByRole('button', { name: 'Open incident' }).click();
    await analyst.getByRole('heading', { name: /Phishing wave against the city/ }).waitFor();
    incidentUrl = new URL(analyst.url()).pathname;
    expect(await analyst.getByTestId('incident-priority').textContent()).toBe('high');

    await analyst.getByRole('tab', { name: 'Tasks and actions' }).click();
    const tasks = analyst.getByTestId('table-tasks');
    await expect.poll(() => tasks.locator('tbody tr').count()).toBe(3);
    await analyst.getByLabel('Owner of Warn the users').selectOption({ label: 'Anders Analytiker' });
    await expect
      .poll(
        async () =>
          (
            await database.db
              .selectFrom('tasks')
              .select(['title', 'owner_id'])
              .where('title', '=', 'Warn the users')
              .executeTakeFirstOrThrow()
          ).owner_id,
      )
      .not.toBeNull();

    await analyst.getByRole('tab', { name: 'Summary' }).click();
    await analyst.getByText('Change the incident', { exact: true }).click();
    await analyst.getByLabel('Incident manager').selectOption({ label: 'Ingrid Incidentledare' });
    await analyst.getByLabel('Description').fill('Mails pretending to be the city payroll office.');
    await analyst.getByLabel(/sensitive \(personal data/).check();
    await analyst.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => analyst.getByTestId('incident-manager').textContent()).toBe('Ingrid Incidentledare');
    await analyst.locator('strong.bad', { hasText: 'SENSITIVE' }).waitFor();

    await analyst.getByText('Name the affected organisations').click();
    // Chosen by searching, as in a constituency of thousands.
    const picker = analyst.getByRole('group', { name: 'Affected organisations' });
    await picker.getByRole('searchbox').fill('vatten');
    await picker.getByRole('checkbox', { name: 'Stockholm Vatten och Avfall' }).check();
    await picker.getByRole('searchbox').fill('city of');
    await picker.getByRole('checkbox', { name: 'City of Stockholm' }).check();
    await expect.poll(() => picker.getByRole('checkbox', { checked: true }).count()).toBe(2);
    await analyst.getByRole('button', { name: 'Save affected organisations' }).click();
    await expect
      .poll(() => analyst.getByTestId('affected-organisations').textContent())
      .toMatch(/City of Stockholm.*Stockholm Vatten|Stockholm Vatten.*City of Stockholm/);
  });

  it('lets the manager watch it, and shows the analyst’s note on the manager’s dashboard', async () => {
    await manager.goto(ui.base + incidentUrl);
    await manager.getByRole('button', { name: 'Watch', exact: true }).click();
    await manager.getByRole('button', { name: 'Stop watching' }).waitFor();

    await analyst
      .getByLabel('Note (Markdown)')
      .fill(
        'Found **three** senders. <img src=x onerror="window.pwned=1"> [click](javascript:window.pwned=2) see https://cert.example/advice',
      );
    await analyst.getByRole('button', { name: 'Add note' }).click();
    const note = analyst.getByRole('article', { name: 'Note by Anders Analytiker' });
    await note.locator('strong', { hasText: 'three' }).waitFor();
    expect(await note.locator('img').count()).toBe(0);
    expect(await note.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await note.textContent()).toContain('<img src=x');
    expect(await note.locator('a[href="https://cert.example/advice"]').getAttribute('rel')).toBe('noopener noreferrer');
    expect(await analyst.evaluate('window.pwned')).toBeUndefined();

    await menu(manager, 'Dashboard').click();
    const updates = manager.getByTestId('my-updates');
    await expect.poll(() => updates.textContent(), { timeout: 10_000 }).toContain('Anders Analytiker — Found **three** senders');
    // By mail too, when asked: the choice is kept on the account.
    await manager.getByLabel('Also by mail (a digest every 15 minutes)').check();
    await expect
      .poll(
        async () =>
          (
            await database.db
              .selectFrom('users')
              .select('watch_mail')
              .where('email', '=', 'incident-manager@cert-stockholm.demo')
              .executeTakeFirst()
          )?.watch_mail,
      )
      .toBe(true);
    await manager.reload();
    // The box shows the choice once it has loaded (unticked and disabled until then).
    await expect.poll(() => manager.getByLabel('Also by mail (a digest every 15 minutes)').isChecked()).toBe(true);
  });

  it('adds pasted observables, defanged, and answers who is responsible for one', async () => {
    await analyst.getByRole('tab', { name: 'Observables and evidence' }).click();
    await analyst
      .getByLabel(/^Observables, one or more per line/)
      .fill('hxxps://payroll-stockholm[.]example/login\n198.51.100[.]23\nnot an indicator at all');
    await analyst.getByRole('button', { name: 'Add observables' }).click();
    await expect.poll(() => analyst.getByTestId('bulk-result').textContent()).toContain('Added 2; already there 0; not understood: line 3');
    const row = analyst.getByTestId('table-observables').getByRole('row', { name: /198\.51\.100\.23/ });
    await row.getByRole('button', { name: 'who is responsible?' }).click();
    await expect.poll(() => row.getByTestId('lookup-answer').textContent()).toContain('Stockholm Vatten');

    // Across incidents: found defanged on the Observables page, which leads back to the incident.
    const incidentPage = analyst.url();
    await analyst.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Observables' }).click();
    await analyst.getByRole('searchbox', { name: 'Value' }).fill('payroll-stockholm[.]example');
    await analyst.getByRole('searchbox', { name: 'Value' }).press('Enter');
    const list = analyst.getByTestId('observables');
    await expect.poll(async () => list.getByRole('row').count()).toBe(2);
    expect(await list.textContent()).toContain('https://payroll-stockholm.example/login');
    await analyst.getByLabel(/^Kind/).selectOption('ipv4');
    await expect.poll(() => analyst.getByText('No observable matches.').count()).toBe(1);
    await analyst.goto(incidentPage);
  });

  it('shares a note with a participant from outside, and stops sharing it', async () => {
    await analyst.getByRole('tab', { name: 'Participants and shares' }).click();
    const add = analyst.getByRole('form', { name: 'Add participant' });
    await add.getByLabel('Name').fill('Somebody Unknown');
    await add.getByLabel('E-mail').fill('somebody@unknown.example');
    await add.getByLabel('Role').selectOption('constituent-staff');
    await add.getByRole('button', { name: 'Add participant' }).click();
    await analyst.getByRole('region', { name: 'Shared with Somebody Unknown' }).waitFor();
    await add.getByLabel('Name').fill('Karin Kund');
    await add.getByLabel('E-mail').fill('soc@svoa.example');
    await add.getByLabel('Role').selectOption('constituent-staff');
    await add.getByRole('button', { name: 'Add participant' }).click();
    const share = analyst.getByRole('form', { name: 'Share' });
    const noteOption = share.getByLabel('Item').locator('option', { hasText: 'note: Found' });
    await share.getByLabel('Item').selectOption((await noteOption.getAttribute('value')) ?? '');
    // An address Vakt does not know is the public: TLP:AMBER may not go there, and the form says so.
    await share.getByLabel('With').selectOption({ label: 'Somebody Unknown (constituent-staff)' });
    await share.getByRole('button', { name: 'Share' }).click();
    await expect.poll(() => share.getByRole('alert').textContent()).toContain('TLP refuses');
    await share.getByLabel('Item').selectOption((await noteOption.getAttribute('value')) ?? '');
    await share.getByLabel('With').selectOption({ label: 'Karin Kund (constituent-staff)' });
    await share.getByRole('button', { name: 'Share' }).click();
    const theirs = analyst.getByRole('region', { name: 'Shared with Karin Kund' });
    await theirs.getByText(/^note: Found/).waitFor();
    expect(await database.db.selectFrom('incident_shares').select('item_kind').execute()).toEqual([{ item_kind: 'note' }]);
    await theirs.getByRole('button', { name: 'Stop sharing' }).click();
    await theirs.getByText('Nothing shared.').waitFor();
  });

  it('finds the incident under "assigned to me" and by its words, with the filters in the address', async () => {
    await menu(manager, 'Incidents').click();
    await manager.getByLabel('assigned to me').check();
    await expect.poll(() => manager.url()).toContain('mine=true');
    await manager.getByRole('link', { name: 'Phishing wave against the city' }).waitFor();
    await manager.getByLabel('Words').fill('payroll');
    await manager.getByLabel('Words').press('Enter');
    await expect.poll(() => manager.url()).toContain('q=payroll');
    await manager.getByRole('link', { name: 'Phishing wave against the city' }).waitFor();
    await manager.getByLabel('Words').fill('nothing-like-this');
    await manager.getByLabel('Words').press('Enter');
    await manager.getByText('No incident matches these filters.').waitFor();
    await manager.goBack();
    await manager.getByRole('link', { name: 'Phishing wave against the city' }).waitFor();
    // Most urgent first, by the server: the order is in the address too.
    for (const priority of ['low', 'critical'] as const)
      await createIncident(database.db, 'system:test', { title: `A ${priority} matter`, priority });
    await manager.goto(`${new URL(manager.url()).origin}/incidents`);
    await manager.getByLabel(/^Order/).selectOption('priority');
    await expect.poll(() => manager.url()).toMatch(/\/incidents\?sort=priority$/);
    const rank = ['critical', 'high', 'normal', 'low'];
    const priorities = async () =>
      (await manager.getByRole('row').allTextContents()).slice(1).map((row) => rank.findIndex((p) => row.includes(p)));
    await expect.poll(async () => (await priorities()).length).toBeGreaterThan(2);
    const shown = await priorities();
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown[0]).toBe(0);
    expect(await manager.getByRole('columnheader', { name: /Priority/ }).getAttribute('aria-sort')).toBe('descending');
    // The headers order the list too: "#" is newest first, and again oldest first.
    const ids = async () => (await manager.getByTestId('incidents').locator('tbody tr td:nth-child(2)').allTextContents()).map(Number);
    // Which end of the list comes first: the newest (highest number) or the oldest.
    const firstIs = async (pick: (...n: number[]) => number) => {
      const shown = await ids();
      return shown.length > 2 && shown[0] === pick(...shown);
    };
    await manager.getByRole('button', { name: /^#/ }).click();
    await expect.poll(() => manager.url()).toMatch(/\/incidents$/);
    await expect.poll(() => firstIs(Math.max)).toBe(true);
    await manager.getByRole('button', { name: /^#/ }).click();
    await expect.poll(() => manager.url()).toMatch(/\/incidents\?sort=oldest$/);
    expect(await manager.getByRole('columnheader', { name: /^#/ }).getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => firstIs(Math.min)).toBe(true);
    // A column can be hidden, and stays hidden on the next visit.
    await manager.getByText('Columns', { exact: true }).click();
    await manager.getByRole('checkbox', { name: 'Manager' }).uncheck();
    await expect.poll(() => manager.getByRole('columnheader', { name: 'Manager' }).count()).toBe(0);
    await manager.reload();
    await manager.getByTestId('incidents').waitFor();
    expect(await manager.getByRole('columnheader', { name: 'Manager' }).count()).toBe(0);
    await manager.getByText('Columns', { exact: true }).click();
    await manager.getByRole('checkbox', { name: 'Manager' }).check();
  });

  it('merges an incident into another from its page', async () => {
    await menu(manager, 'Incidents').click();
    await manager.getByLabel('Title of a new incident').fill('Same phishing, second report');
    await manager.getByRole('button', { name: 'Open incident' }).click();
    await manager.getByRole('heading', { name: /Same phishing, second report/ }).waitFor();
    await manager.getByText('Merge into another incident').click();
    await manager.getByLabel('Incident number to merge into').fill(`#${incidentUrl.split('/').pop()}`);
    await manager.getByRole('button', { name: 'Merge', exact: true }).click();
    await manager.getByRole('heading', { name: 'Incidents', exact: true }).waitFor();
    await manager.goto(ui.base + incidentUrl);
    await manager.getByText(/Same phishing, second report/).waitFor();
  });
  it('changes ticked incidents together, all or none, and downloads the list as CSV with formulas disarmed', async () => {
    const { db } = database;
    for (const title of ['=HYPERLINK("http://evil.example","Bulk one")', 'Bulk two, "quoted"']) {
      await db.insertInto('incidents').values({ title, tlp: 'GREEN', opened_at: new Date(), attack_techniques: [] }).execute();
    }
    const priorities = async () =>
      (await db.selectFrom('incidents').select('priority').where('title', 'like', '%Bulk%').execute()).map((r) => r.priority);
    await menu(analyst, 'Incidents').click();
    await analyst.getByLabel('Words').fill('bulk');
    await analyst.getByLabel('Words').press('Enter');
    await analyst.getByLabel('Tick every incident shown').check();
    const bulk = analyst.getByRole('group', { name: 'Change the ticked incidents' });
    await bulk.getByText('2 ticked').waitFor();
    await bulk.getByLabel(/^Priority/).selectOption('critical');
    await bulk.getByRole('button', { name: 'Set priority' }).click();
    await expect.poll(() => bulk.getByRole('alert').textContent()).toContain('Ticked incident 1');
    expect(await priorities()).toEqual(['normal', 'normal']);
    await bulk.getByLabel('Reason for the priority').fill('one campaign');
    await bulk.getByRole('button', { name: 'Set priority' }).click();
    await expect.poll(priorities).toEqual(['critical', 'critical']);

    const [download] = await Promise.all([
      analyst.waitForEvent('download'),
      analyst.getByRole('button', { name: 'Download this list as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('incidents-TLP-GREEN.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const [header, ...lines] = csv.trimEnd().split('\r\n');
    expect(header).toBe('id,title,phase,priority,tlp,rsit_class,opened_at,sla_breached');
    expect(lines).toHaveLength(2);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Bulk one"")"`);
    expect(csv).toContain('"Bulk two, ""quoted"""');
  });
  it('lists every report whatever became of it, by status and words, with the filters in the address', async () => {
    await createReport(database.db, 'system:test', { channel: 'phone', subject: 'Probe call from the school', body: 'x' }, 'AMBER');
    await menu(analyst, 'Reports').click();
    await analyst.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    await analyst.getByLabel('Words').fill('probe');
    await analyst.getByLabel('Words').press('Enter');
    await analyst.getByTestId('reports').getByRole('link', { name: 'Probe call from the school' }).waitFor();
    await analyst.getByRole('combobox', { name: /^Status/ }).selectOption('new');
    await expect.poll(() => analyst.url()).toMatch(/q=probe.*status=new|status=new.*q=probe/);
    await analyst.getByTestId('reports').getByText('waiting for triage').waitFor();
    await analyst.getByRole('combobox', { name: /^Status/ }).selectOption('merged');
    await expect.poll(() => analyst.url()).toContain('status=merged');
    await analyst.getByText('No report matches these filters.').waitFor();
    await analyst.getByRole('combobox', { name: /^Status/ }).selectOption('');
    await analyst.getByLabel('Words').fill('nothing-like-this-anywhere');
    await analyst.getByLabel('Words').press('Enter');
    await analyst.getByText('No report matches these filters.').waitFor();
    await analyst.goBack();
    await expect.poll(() => analyst.url()).toMatch(/\/reports\?q=probe$/);
    await analyst.getByTestId('reports').getByRole('link', { name: 'Probe call from the school' }).waitFor();
  });
  it('saves the filters shown as a view for the team, which another member opens from the list', async () => {
    await menu(analyst, 'Incidents').click();
    await analyst.getByLabel('Words').fill('phishing');
    await analyst.getByLabel('Words').press('Enter');
    await analyst.getByText('Save these filters as a view').click();
    await analyst.getByLabel('Name of the view').fill('Phishing, all of it');
    await analyst.getByLabel('for the whole team').check();
    await analyst.getByRole('button', { name: 'Save view' }).click();
    await expect.poll(() => analyst.getByRole('combobox', { name: /^Saved view/ }).inputValue()).not.toBe('');

    await menu(manager, 'Incidents').click();
    const views = manager.getByRole('combobox', { name: /^Saved view/ });
    await views.selectOption({ label: 'Phishing, all of it (Anders Analytiker)' });
    await expect.poll(() => manager.url()).toContain('/incidents?q=phishing');
    await manager.getByRole('link', { name: 'Phishing wave against the city' }).waitFor();
    expect(await manager.getByRole('button', { name: /Remove view/ }).count()).toBe(0);
  });
  it('lists my tasks across incidents, and marks one done there', async () => {
    await menu(analyst, 'Tasks').click();
    const tasks = analyst.getByTestId('tasks');
    await tasks.getByRole('cell', { name: 'Warn the users', exact: true }).waitFor();
    expect(await tasks.getByRole('cell', { name: 'Block the sender', exact: true }).count()).toBe(0);
    await analyst.getByRole('combobox', { name: /^Whose/ }).selectOption('nobody');
    await expect.poll(() => analyst.url()).toContain('owner=nobody');
    await tasks.getByRole('cell', { name: 'Block the sender', exact: true }).waitFor();
    // Soonest due first, by the server; the order joins the filters in the address.
    await analyst.getByRole('combobox', { name: /^Order/ }).selectOption('due');
    await expect.poll(() => analyst.url()).toContain('owner=nobody&sort=due');
    await tasks.getByRole('cell', { name: 'Block the sender', exact: true }).waitFor();
    await analyst.goBack();
    await analyst.goBack();
    await tasks.getByRole('button', { name: 'Done: Warn the users' }).click();
    await analyst.getByText('No open task is yours.').waitFor();
  });
  it('shows the dashboard, the lists, the triage queue and the incident page in Swedish to a team member who chooses it', async () => {
    await menu(manager, 'My account').click();
    await manager.getByRole('form', { name: 'Language' }).getByRole('combobox').selectOption('sv');
    await manager.getByRole('form', { name: 'Language' }).getByRole('button', { name: 'Save language' }).click();
    await menu(manager, 'Översikt').click();
    await manager.getByRole('heading', { name: 'Översikt', level: 1 }).waitFor();
    await manager.getByRole('link', { name: 'Mina uppgifter' }).waitFor();
    await manager.getByRole('heading', { name: 'På incidenter jag bevakar eller leder' }).waitFor();
    await menu(manager, 'Uppgifter').click();
    await manager.getByRole('heading', { name: 'Uppgifter', level: 1 }).waitFor();
    await manager.getByRole('combobox', { name: /^Vems/ }).selectOption('any');
    await manager.getByRole('columnheader', { name: 'Ägare' }).waitFor();
    await menu(manager, 'Rapporter').click();
    await manager.getByRole('heading', { name: 'Rapporter', level: 1 }).waitFor();
    await manager.getByRole('cell', { name: 'väntar på sortering' }).first().waitFor();
    await menu(manager, 'Sortering').click();
    await manager.getByRole('heading', { name: 'Sorteringskö', level: 1 }).waitFor();
    await manager.goto(ui.base + incidentUrl);
    await manager.getByRole('tab', { name: 'Sammanfattning' }).waitFor();
    await manager.getByText('Incidentansvarig', { exact: true }).first().waitFor();
    await manager.getByRole('tab', { name: 'Uppgifter och åtgärder' }).click();
    await manager.getByRole('heading', { name: 'Motåtgärder' }).waitFor();
    await manager.getByRole('tab', { name: 'Deltagare och delning' }).click();
    await manager.getByRole('button', { name: 'Lägg till deltagare' }).waitFor();
    await menu(manager, 'Mitt konto').click();
    await manager.getByRole('form', { name: 'Språk' }).getByRole('combobox').selectOption('en');
    await manager.getByRole('form', { name: 'Språk' }).getByRole('button', { name: 'Spara språk' }).click();
    await menu(manager, 'Dashboard').waitFor();
  });
});
