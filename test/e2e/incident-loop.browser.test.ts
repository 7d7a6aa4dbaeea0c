/**
 * The whole incident loop in Chromium, with real components: a mail arrives in Dovecot and is
 * fetched over IMAP; an analyst triages it in the browser, opens an incident, adds a task and a
 * participant, mails them (delivered to a real SMTP peer), works the phases, and writes and
 * finalises the debrief.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { DEMO_PASSWORD, demoEmail, loadDemo } from '../../src/demo/demo.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/context.js';
import { connect, pollOnce } from '../../src/intake/imap-poller.js';
import { intakeSettings } from '../../src/intake/settings.js';
import { deliverQueued, smtpTransport } from '../../src/mail/outbox.js';
import { launchBrowser } from '../helpers/browser.js';
import { describeEachEngine } from '../helpers/database.js';
import { startDovecot, type Dovecot } from '../helpers/dovecot.js';
import { startSmtpPeer, type SmtpPeer } from '../helpers/smtp.js';
import { mail } from '../helpers/mail.js';
import { makeKey, memoryLookup, type TestKey } from '../helpers/pgp.js';
import { parseMessage } from '../../src/intake/mime.js';

const webDir = fileURLToPath(new URL('../../web/dist', import.meta.url));

describeEachEngine('the incident loop in Chromium', (get) => {
  let app: App;
  let browser: Browser;
  let page: Page;
  let base: string;
  let dovecot: Dovecot;
  let team: TestKey;
  let smtp: SmtpPeer;

  beforeAll(async () => {
    team = await makeKey('CERT Stockholm', 'cert@stockholm.se');
    await loadDemo(get().db);
    dovecot = await startDovecot();
    smtp = await startSmtpPeer();
    app = await buildApp({ database: get(), config: { ...loadConfig({}), webDir }, teamKey: team.teamKey });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    dovecot?.stop();
    await smtp?.close();
  });

  it('mail arrives → triage → incident → task → outgoing mail → debrief', async () => {
    const { db } = get();
    // Mail arrives, over IMAP from a real server.
    await dovecot.append([
      mail({
        from: 'Helpdesk <helpdesk@stockholmvatten.example>',
        subject: 'Ransomware note on a file server',
        body: 'Files on fs01 are encrypted. The note points to hxxp://pay-up[.]example.\nTLP:AMBER',
      }),
    ]);
    const client = connect(dovecot.spec);
    await client.connect();
    const settings = await intakeSettings(db, loadConfig({}).mail, team.teamKey);
    expect(await pollOnce(db, client, dovecot.spec, { settings: async () => settings })).toMatchObject({ stored: 1 });
    await client.logout();

    // Triage in the browser.
    await page.goto(base);
    await page.getByLabel('E-mail').fill(demoEmail('analyst'));
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('link', { name: 'Triage', exact: true }).click();
    await page.getByRole('link', { name: 'Ransomware note on a file server' }).click();
    await expect.poll(() => page.getByTestId('pgp-status').first().textContent()).toContain('not signed');
    expect(await page.locator('.indicators').textContent()).toContain('pay-up.example');
    await page.getByLabel('Incident title').fill('Ransomware at Stockholm Vatten');
    await page.getByRole('button', { name: 'Open incident' }).click();

    // The incident page.
    await page.getByRole('heading', { name: /Incident #\d+: Ransomware at Stockholm Vatten/ }).waitFor();
    const incidentId = /\/incidents\/(\d+)/.exec(page.url())?.[1];
    expect(incidentId).toBeTruthy();
    expect(await page.getByTestId('incident-phase').textContent()).toBe('triage');
    // The incident page is in tabs; the one shown is in the address.
    await page.getByRole('tab', { name: 'Tasks and actions' }).click();
    expect(new URL(page.url()).search).toBe('?tab=work');
    await page.getByLabel('Task', { exact: true }).fill('Isolate fs01 from the network');
    await page.getByLabel('Due in working hours').fill('2');
    await page.getByRole('button', { name: 'Add task' }).click();
    await expect.poll(() => page.getByTestId('table-tasks').textContent()).toContain('Isolate fs01 from the network');

    // Karin is at the water company's SOC: the constituency lists the address, so she is a client of the team.
    await page.getByRole('tab', { name: 'Participants and shares' }).click();
    await page.getByRole('form', { name: 'Add participant' }).getByLabel('Name').fill('Karin Kund');
    await page.getByRole('form', { name: 'Add participant' }).getByLabel('E-mail').fill('soc@svoa.example');
    await page.getByRole('form', { name: 'Add participant' }).getByLabel('Role').selectOption('constituent-staff');
    await page.getByRole('button', { name: 'Add participant' }).click();
    await expect.poll(() => page.getByTestId('table-people').textContent()).toContain('Karin Kund');

    // Outgoing mail from the incident, through the outbox to a real SMTP server.
    await page.getByRole('tab', { name: 'Reports and mail' }).click();
    const mailForm = page.getByRole('form', { name: 'Send mail' });
    await mailForm.getByLabel(/Karin Kund/).check();
    await mailForm.getByLabel('Subject').fill('Isolate the file server');
    await mailForm.getByLabel('Text').fill('Please disconnect fs01 and keep it powered on for forensics.');
    await page.getByRole('button', { name: 'Send mail' }).click();
    await expect.poll(() => page.locator('.message-out').last().textContent()).toContain('queued');
    const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`);
    try {
      // The acknowledgement of the report and the mail to Karin.
      expect((await deliverQueued(db, transport)).sent).toBe(2);
    } finally {
      transport.close();
    }
    const toKarin = await Promise.all(smtp.received.map(({ raw }) => parseMessage(raw, { lookup: memoryLookup([team.publicKey]) })));
    const sent = toKarin.find((m) => m.to.includes('soc@svoa.example'));
    expect(sent?.subject).toBe(`[CERT-STHLM #${incidentId}] Isolate the file server`);
    expect(sent?.signature.status).toBe('valid');
    expect(sent?.text).toMatch(/^TLP:AMBER/);

    // Work the phases, then the debrief.
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByText('Change the incident', { exact: true }).click();
    await page.locator('select[name=priority]').selectOption('high');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('needs a reason');
    await page.getByLabel('Reason for a priority change').fill('the utility runs on this server');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByTestId('incident-priority').textContent()).toBe('high');
    for (const phase of ['containment', 'eradication', 'recovery', 'lessons-learned']) {
      await page.locator('select[name=phase]').selectOption(phase);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect.poll(() => page.getByTestId('incident-phase').textContent()).toBe(phase);
    }
    await page.getByRole('link', { name: 'Debrief' }).click();
    await page.getByRole('heading', { name: /Lessons learned: #\d+ Ransomware at Stockholm Vatten/ }).waitFor();
    await page.getByLabel('What hindered').fill('The file server had no current backup.');
    await page.getByLabel(/Actions agreed/).fill('Daily backups of fs01 | IT operations | 2026-12-15');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect.poll(async () => (await db.selectFrom('debriefs').select('version').executeTakeFirst())?.version).toBe(2);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Make final' }).click();
    await expect.poll(() => page.getByTestId('debrief-status').textContent()).toMatch(/^Final since/);
    const pdf = await page.request.get(`${base}/api/incidents/${incidentId}/debrief?format=pdf`);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const html = await page.request.get(`${base}/api/incidents/${incidentId}/debrief?format=html`);
    expect(await html.text()).toContain('The file server had no current backup.');
  });

  it('shows the KPI page with a chart and the search', async () => {
    await page.getByRole('link', { name: 'KPIs', exact: true }).click();
    await page.getByTestId('kpi-table').waitFor();
    expect(await page.getByTestId('kpi-table').textContent()).toContain('unclassified');
    await page.getByRole('link', { name: 'Search', exact: true }).click();
    await page.getByLabel('Words in reports, incidents and notes').fill('ransomware');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.getByTestId('search-results').textContent()).toContain('Ransomware at Stockholm Vatten');
    // Narrowed to incidents, newest first; the address keeps it, so back returns to the wider search.
    await page.getByLabel(/^Only/).selectOption('incident');
    await page.getByLabel(/^Order/).selectOption('newest');
    await expect.poll(() => page.url()).toMatch(/\/search\?q=ransomware&kind=incident&sort=newest$/);
    const items = page.getByTestId('search-results').getByRole('listitem');
    // While the narrowed search loads the list is empty, and "every" of nothing is true: wait for hits.
    await expect
      .poll(async () => {
        const shown = await items.allTextContents();
        return shown.length > 0 && shown.every((t) => t.startsWith('incident #'));
      })
      .toBe(true);
    await page.goBack();
    await page.goBack();
    await expect.poll(() => page.getByLabel(/^Only/).inputValue()).toBe('');
  });
});
