/**
 * The CSIRT directory in Chromium: an analyst pastes a peer's RFC 2350 document, reads what was
 * understood, writes it, records our trust, searches the directory, and works the gap analysis:
 * the matrix now and in 2005, a snapshot, a comparison, and the report's questions.
 */
import { readFileSync } from 'node:fs';
import * as openpgp from 'openpgp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/demo.js';
import { listTeams } from '../../src/directory/teams.js';
import { storePublicKey } from '../../src/mail/keys.js';
import { renderPdf } from '../helpers/pdf.js';
import { detachSign, makeKey } from '../helpers/pgp.js';
import { rfc2350Document } from '../helpers/rfc2350.js';
import { openDemoUi, type DemoUi } from '../helpers/browser.js';
import { describeEachEngine } from '../helpers/database.js';

const stockholm = readFileSync(new URL('../fixtures/rfc2350/rfc2350-cert-stockholm.txt', import.meta.url), 'utf8');

describeEachEngine('the CSIRT directory in Chromium', (get) => {
  let ui: DemoUi;
  let page: Page;

  beforeAll(async () => {
    await loadDemo(get().db);
    ui = await openDemoUi(get(), 'analyst');
    ({ page } = ui);
  });
  afterAll(async () => ui?.close());

  it('imports an RFC 2350 document after showing what it understood, then records our trust', async () => {
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    await page.getByRole('link', { name: 'Import an RFC 2350 document' }).click();
    await page.getByLabel('or the document text').fill(stockholm.split('5 Services')[0] as string);
    await page.getByRole('button', { name: 'Read' }).click();
    // Cut off before the services: refused, with the reason.
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/cut off/);
    expect(await listTeams(get().db, { q: 'CERT Stockholm' })).toEqual([]);

    await page.getByLabel('or the document text').fill(stockholm);
    await page.getByLabel('Short name').fill('CERT-STHLM');
    await page.getByRole('button', { name: 'Read' }).click();
    const reading = page.getByTestId('rfc2350-reading');
    await reading.waitFor();
    expect(await reading.textContent()).toMatch(/emailcert@stockholm\.se2\.5 Electronic mail address/);
    expect(await page.getByTestId('rfc2350-missing').textContent()).toMatch(/description\.fax: no section "2\.5 Facsimile Number"/);
    expect(await page.getByTestId('rfc2350-signature').textContent()).toBe('PGP signature: not-signed — the document is not PGP-signed');
    await page.getByRole('button', { name: 'Write CERT Stockholm to the directory' }).click();
    await expect.poll(() => page.getByTestId('rfc2350-written').textContent()).toMatch(/CERT Stockholm: created/);
    await page.getByRole('link', { name: 'Open the team' }).click();
    await page.getByRole('heading', { name: /CERT Stockholm/ }).waitFor();
    expect(await page.getByTestId('team-fields').textContent()).toContain(
      'Operating hoursMon 08:00–16:45; Tue 08:00–16:45; Wed 08:00–16:45; Thu 08:00–16:45; Fri 08:00–16:15 — ',
    );

    await page.getByLabel('Trust level').selectOption('high');
    await page.getByLabel('Last verified').fill('2026-11-20');
    await page.getByRole('button', { name: 'Save trust' }).click();
    await expect.poll(() => page.getByTestId('trust').textContent()).toBe('high, verified 2026-11-20');
  });

  it('checks a PDF against the binary signature published beside it (rfc2350.pdf.sig)', async () => {
    const key = await makeKey('Pdf CERT', 'cert@pdf.example');
    await storePublicKey(get().db, 'cli:test', key.armoredPublic);
    const document = rfc2350Document({
      name: 'Pdf CERT',
      address: 'Box 1, 111 22 Stockholm, Sweden',
      constituency: 'Customers of Pdf AB.',
    });
    const pdf = await renderPdf(document, 'RFC 2350');
    const binary = (await openpgp.readSignature({ armoredSignature: await detachSign(pdf, key) })).write();
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    await page.getByRole('link', { name: 'Import an RFC 2350 document' }).click();
    await page.getByTestId('rfc2350-pdf').setInputFiles({ name: 'rfc2350.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page
      .getByTestId('rfc2350-signature-file')
      .setInputFiles({ name: 'rfc2350.pdf.sig', mimeType: 'application/octet-stream', buffer: Buffer.from(binary) });
    await page.getByRole('button', { name: 'Read' }).click();
    await expect
      .poll(() => page.getByTestId('rfc2350-signature').textContent())
      .toBe(`PGP signature: valid — signed by ${key.publicKey.getFingerprint().toUpperCase()}`);
  });

  it('searches the directory by sector and membership', async () => {
    await page.getByRole('link', { name: '← Directory' }).click();
    const rows = page.getByTestId('directory-teams').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(5);
    await page.getByLabel('Member of').selectOption('Trusted Introducer');
    await page.getByLabel('Status').fill('accredited,certified');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByTestId('directory-teams').textContent()).toContain('Truesec CSIRT');
    expect(await page.getByTestId('directory-teams').textContent()).not.toContain('University Network CERT');
    // The search is in the address: back and forward bring it back.
    expect(page.url()).toMatch(/membership=Trusted\+Introducer&status=accredited%2Ccertified/);
    await page.goBack();
    await expect.poll(() => rows.count()).toBe(5);
    await page.goForward();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await page.getByLabel('Status').inputValue()).toBe('accredited,certified');
  });

  it('adds a team by hand, and saving it unchanged changes nothing but its version', async () => {
    await page.goto(`${ui.base}/directory`);
    await page.getByText('Add a team by hand').click();
    const add = page.getByRole('form', { name: 'Add team' });
    await add.getByRole('textbox', { name: 'Name', exact: true }).fill('Nordic Port CSIRT');
    await add.getByLabel('Country (ISO code; INT: no single country)').fill('dk');
    await add.getByLabel('Type').selectOption('sector');
    await add.getByLabel('Telephone (one per line, a label before a colon)').fill('24/7: +45 1234 5678');
    await add.getByLabel('critical-infrastructure').selectOption('yes');
    await add.getByLabel('FIRST services (one per line)').fill('no such service');
    await add.getByRole('button', { name: 'Add team' }).click();
    await expect.poll(() => add.getByRole('alert').textContent()).toMatch(/FIRST services 1: "no such service" is not a FIRST/);
    await add.getByLabel('FIRST services (one per line)').fill('Information Security Incident Management');
    await add.getByRole('button', { name: 'Add team' }).click();
    await page.getByRole('heading', { name: 'Nordic Port CSIRT' }).waitFor();
    const [added] = await listTeams(get().db, { q: 'Nordic Port' });
    expect(added?.team).toMatchObject({
      country: 'DK',
      type: 'sector',
      telephone: [{ label: '24/7', number: '+45 1234 5678' }],
      sectors: [{ sector: 'critical-infrastructure', coverage: 'yes' }],
      services: ['Information Security Incident Management'],
    });

    // A team from an RFC 2350 document, with memberships and hours the form does not show.
    const [stockholmTeam] = await listTeams(get().db, { q: 'CERT Stockholm' });
    await page.goto(`${ui.base}/directory/teams/${stockholmTeam!.id}`);
    await page.getByText('Correct this team').click();
    await page.getByRole('button', { name: 'Save team' }).click();
    await expect.poll(async () => (await listTeams(get().db, { q: 'CERT Stockholm' }))[0]?.version).toBe(stockholmTeam!.version + 1);
    expect((await listTeams(get().db, { q: 'CERT Stockholm' }))[0]?.team).toEqual(stockholmTeam!.team);
  });

  it('shows the coverage matrix now and in 2005, compares them, and answers the questions', async () => {
    await page.getByRole('link', { name: 'Coverage', exact: true }).click();
    const matrix = page.getByTestId('coverage-matrix');
    await matrix.waitFor();
    await expect.poll(() => matrix.locator('tr[data-country="SE"] td').first().getAttribute('data-level')).toBe('partly');
    expect(await matrix.locator('tr[data-country="SE"] td').first().textContent()).toBe('Partly (CERT-STHLM)');
    expect(await page.getByTestId('coverage-chart').count()).toBe(1);

    await page.getByLabel('Matrix').selectOption({ label: 'ENISA 2005 Appendix A (2005-12-31)' });
    await page.getByRole('button', { name: 'Show' }).click();
    await expect.poll(() => matrix.locator('tbody tr').count()).toBe(45);
    expect(await matrix.locator('tr[data-country="DE"]').textContent()).toBe(
      'GermanyTailored Advisory ServiceSome global players, banking sectorFederal, some stateNREN, some universities(announced)',
    );

    await page.getByRole('button', { name: 'Compare' }).click();
    const comparison = page.getByTestId('comparison');
    await comparison.waitFor();
    expect(await comparison.textContent()).toMatch(/Sweden \/ government: Yes → Partly \(CERT-STHLM: The City of Stockholm/);

    await page.getByLabel('Snapshot name').fill('Browser snapshot');
    await page.getByRole('button', { name: 'Take a snapshot' }).click();
    await expect.poll(async () => (await page.getByLabel('Matrix').textContent()) ?? '').toContain('Browser snapshot');

    await page.getByLabel('Question').selectOption('gaps');
    await page.getByLabel('Country', { exact: true }).fill('EE');
    await page.getByRole('button', { name: 'Ask' }).click();
    await expect.poll(() => page.getByTestId('answer').textContent()).toMatch(/Which sectors of Estonia have no known team\?.*Government/);
  });
});
