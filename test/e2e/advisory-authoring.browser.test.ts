/**
 * Writing an advisory in Chromium, end to end: an analyst adds a product to the catalogue and
 * writes the advisory, a CVSS vector the server refuses is named beside its field, an incident
 * manager reviews and publishes it, the water company (whose inventory names the product) is
 * told, answers from the link in its mail as a constituent, and the answer shows on the page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { loadWholeDemo } from '../../src/demo/load.js';
import { axeViolations, logIn, openDemoUi, type DemoUi } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';
import { makeKey } from '../helpers/pgp.js';

const key = await makeKey('CERT Stockholm', 'cert@cert-stockholm.demo');

describe('writing an advisory in Chromium', () => {
  let database: Database;
  let ui: DemoUi;
  let analyst: Page;
  let manager: Page;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadWholeDemo(database.db, loadConfig({}).mail, key.teamKey);
    ui = await openDemoUi(database, 'analyst', { teamKey: key.teamKey });
    analyst = await (await ui.browser.newContext({ bypassCSP: true })).newPage();
    await logIn(analyst, ui.base, 'analyst');
    manager = await (await ui.browser.newContext()).newPage();
    await logIn(manager, ui.base, 'incident-manager');
  }, 120_000);
  afterAll(async () => {
    await ui?.close();
    await database?.close();
  });

  const choose = async (page: Page, field: string, option: string) => {
    await page.getByLabel(field).and(page.locator('input')).click();
    await page.getByRole('option', { name: option }).click();
    await page.keyboard.press('Escape');
  };

  it('authors, reviews, publishes, and hears back from a constituent', { timeout: 180_000 }, async () => {
    await analyst.goto(`${ui.base}/advisories`);
    await analyst.getByRole('link', { name: 'Our advisories: write, review, publish' }).click();
    await analyst.getByRole('button', { name: 'New advisory' }).click();
    await analyst.getByRole('heading', { level: 1, name: 'New advisory' }).waitFor();

    await analyst.getByRole('textbox', { name: 'Title', exact: true }).fill('Remote code execution in Exchange Server 2019 CU12');
    await analyst.getByLabel('Summary').fill('An unauthenticated attacker can run code on the server. CU14 fixes it.');
    await analyst.getByLabel('CVE').fill('CVE-2026-40001');
    await analyst.getByLabel('CWE', { exact: true }).fill('CWE-502');
    await analyst.getByLabel('CWE name').fill('Deserialization of Untrusted Data');
    await analyst.getByLabel('Description').fill('The server deserialises a header it has not authenticated.');
    await analyst.getByLabel('CVSS v3.1 vector').fill('CVSS:3.1/AV:N/AC:L');
    await choose(analyst, 'Affected products', 'Microsoft Exchange Server 2019 CU12');
    await choose(analyst, 'Fixed products', 'Microsoft Exchange Server 2019 CU14');
    await analyst.getByLabel('Remedy (vendor fix)').fill('Install cumulative update 14.');
    await analyst.getByRole('button', { name: 'Add a threat' }).click();
    await analyst.getByLabel('Threat 1: kind').selectOption('exploit_status');
    await analyst.getByLabel('Threat 1: details').fill('Exploited against mail servers in Sweden since 1 December.');
    // The vulnerability's references come first on the page, the whole advisory's last.
    await analyst.getByRole('button', { name: 'Add a reference' }).last().click();
    await analyst.getByLabel('Reference 1: link').fill('https://msrc.example.com/update-guide/CVE-2026-40001');
    await analyst.getByLabel('Reference 1: what it is').fill("The vendor's advisory");
    await analyst.getByRole('button', { name: 'Add an acknowledgment' }).click();
    await analyst.getByLabel('Acknowledgment 1: names, comma-separated').fill('Ada Lind, Bo Ek');
    await analyst.getByLabel('Acknowledgment 1: organisation').fill('Stockholm Vatten och Avfall');
    await analyst.getByRole('button', { name: 'Save' }).click();
    // The server names what is wrong beside the field.
    const vector = analyst.getByLabel('CVSS v3.1 vector');
    await expect.poll(async () => (await vector.getAttribute('aria-invalid')) === 'true').toBe(true);
    const describedBy = (await vector.getAttribute('aria-describedby')) ?? '';
    const description = await Promise.all(
      describedBy
        .split(' ')
        .filter(Boolean)
        .map((id) => analyst.locator(`[id="${id}"]`).textContent()),
    );
    expect(description.join(' ')).toContain('lacks the base metric(s) PR, UI, S, C, I, A');
    await vector.fill('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    await analyst.getByRole('button', { name: 'Save' }).click();
    await analyst.getByRole('heading', { level: 1, name: /^CERT-STHLM-SA-\d{4}-\d{4}: Remote code execution/ }).waitFor();
    await analyst.getByText('The document would be valid CSAF 2.0.').waitFor({ timeout: 60_000 });
    expect(await axeViolations(analyst)).toEqual([]);
    await analyst.getByRole('button', { name: 'Submit for review' }).click();
    await analyst.getByText('A second team member reviews it.').waitFor();
    const url = analyst.url();

    await manager.goto(url);
    await manager.getByRole('button', { name: 'Approve' }).click();
    await manager.getByRole('button', { name: 'Publish' }).waitFor();
    expect(await manager.getByLabel('Tell').inputValue()).toBe('inventory');
    await manager.getByRole('button', { name: 'Publish' }).click();
    // The server checks its own provider with the document in it. Served here over plain HTTP, it says so (requirement 3).
    await manager.getByText('Provider self-check: a rule is not met.').waitFor({ timeout: 60_000 });
    expect(
      await manager
        .getByText(/^3 TLS: http:\/\/127\.0\.0\.1:\d+\/\.well-known\/csaf\/provider-metadata\.json is not served over HTTPS/)
        .count(),
    ).toBe(1);
    const told = manager.getByTestId('advisory-recipients');
    await expect.poll(() => told.textContent(), { timeout: 60_000 }).toContain('Stockholm Vatten och Avfall');
    expect(await told.textContent()).toContain('no answer yet');
    expect(await told.textContent()).not.toContain('City of Stockholm');

    // The water company's SOC answers from the link in its mail, in a browser with no login.
    const mail = await database.db
      .selectFrom('messages')
      .select('body_text')
      .where('subject', 'like', '%CERT-STHLM-SA-%')
      .where((eb) => eb(eb.val('soc@svoa.example'), '=', eb.fn.any('to_addresses')))
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain('Ni får detta eftersom er produktförteckning tar upp:');
    const link = /https?:\/\/\S+\/advisory-feedback\/[A-Za-z0-9_-]+/.exec(mail.body_text)![0];
    const constituent = await (await ui.browser.newContext()).newPage();
    await constituent.goto(`${ui.base}${new URL(link).pathname}`);
    await constituent.getByLabel(/Comment/).fill('Both mail servers updated to CU14 this morning.');
    await constituent.getByRole('button', { name: 'Patched / Åtgärdat' }).click();
    await constituent.getByRole('heading', { name: 'Thank you' }).waitFor();

    await manager.reload();
    await expect.poll(() => manager.getByTestId('advisory-recipients').textContent()).toContain('Both mail servers updated to CU14');
    expect(await manager.getByText('0 of 1 organisations told have not reported a patch.').count()).toBe(1);
    // The provider serves it, signed.
    const path = await database.db
      .selectFrom('advisories')
      .select('tracking_id')
      .where('source', '=', 'authored')
      .executeTakeFirstOrThrow();
    const file = `${path.tracking_id.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
    const index = await (await fetch(`${ui.base}/.well-known/csaf/white/index.txt`)).text();
    expect(index).toContain(file);
    // What the form wrote beyond the vulnerability's core is in the published document.
    const line = index.split('\n').find((l) => l.endsWith(file))!;
    const published = (await (await fetch(`${ui.base}/.well-known/csaf/white/${line}`)).json()) as {
      document: { references: Array<{ summary: string; url: string }>; acknowledgments: unknown };
      vulnerabilities: Array<{ threats: unknown }>;
    };
    expect(published.vulnerabilities[0]?.threats).toEqual([
      { category: 'exploit_status', details: 'Exploited against mail servers in Sweden since 1 December.' },
    ]);
    expect(published.document.references).toContainEqual({
      category: 'external',
      summary: "The vendor's advisory",
      url: 'https://msrc.example.com/update-guide/CVE-2026-40001',
    });
    expect(published.document.acknowledgments).toEqual([{ names: ['Ada Lind', 'Bo Ek'], organization: 'Stockholm Vatten och Avfall' }]);
  });
});
