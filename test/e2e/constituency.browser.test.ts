/**
 * The constituency and early warning in Chromium: an analyst looks up who is responsible for an
 * address, browses the organisation tree, imports organisations, uploads a Shadowserver report,
 * follows the run's counts and bad rows, previews and builds the notifications, and reads the
 * feedback figures after a constituent has answered through the link in the mail.
 */
import { sql } from 'kysely';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoEarlyWarning } from '../../src/demo/demo-constituency.js';
import { loadDemo } from '../../src/demo/demo.js';
import { openDemoUi, type DemoUi } from '../helpers/browser.js';
import { describeEachEngine } from '../helpers/database.js';
import { testSettings } from '../helpers/mail.js';

describeEachEngine('the constituency and early warning in Chromium', (get) => {
  let ui: DemoUi;
  let page: Page;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    await loadDemo(get().db);
    await loadDemoEarlyWarning(get().db, testSettings());
    ui = await openDemoUi(get(), 'analyst');
    ({ page, base, browser } = ui);
  });
  afterAll(async () => ui?.close());

  it('answers who is responsible, with the overlap shown, and pages the organisations by name', async () => {
    await page.getByRole('link', { name: 'Constituency', exact: true }).click();
    await page.getByPlaceholder('IP, CIDR, domain, URL, e-mail or AS number').fill('198.51.100.7');
    await page.getByRole('button', { name: 'Look up' }).click();
    const answer = page.getByTestId('lookup-answer');
    await expect.poll(() => answer.textContent()).toMatch(/decided by constituency/);
    expect(await answer.textContent()).toMatch(
      /Stockholm Vatten och Avfall.*Driftleverantören AB|Driftleverantören AB.*Stockholm Vatten och Avfall/,
    );
    await page.getByPlaceholder('IP, CIDR, domain, URL, e-mail or AS number').fill('https://www.skolor.stockholm.example/login');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect.poll(() => answer.textContent()).toMatch(/Stockholms skolor/);
    await page.getByPlaceholder('IP, CIDR, domain, URL, e-mail or AS number').fill('8.8.8.8');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect.poll(() => answer.textContent()).toMatch(/national point of contact: CERT-SE/i);

    const list = page.getByTestId('organisations');
    await expect.poll(() => list.textContent()).toMatch(/City of Stockholm.*Stockholm Vatten och Avfall/);
    // Found by a domain; the filter is in the address.
    await page.getByRole('searchbox', { name: 'Words' }).fill('svoa.example');
    await page.getByRole('searchbox', { name: 'Words' }).press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/constituency\?q=svoa\.example$/);
    await expect.poll(async () => list.getByRole('row').count()).toBe(2);
    await list.getByRole('link', { name: 'Stockholm Vatten och Avfall' }).click();
    const org = page.getByTestId('organisation');
    await expect.poll(() => org.textContent()).toMatch(/192\.0\.2\.128\/25 Treatment plants/);
    expect(await org.textContent()).toMatch(/noc@svoa\.example/);
    // Up to its parent, which lists what is under it.
    await org.getByRole('link', { name: 'City of Stockholm' }).click();
    await expect.poll(() => page.getByTestId('sub-organisations').textContent()).toMatch(/Stockholm Vatten och Avfall/);
    await page.goBack();
    await page.goBack();
    await expect.poll(() => page.getByRole('searchbox', { name: 'Words' }).inputValue()).toBe('svoa.example');
  });

  it('edits an organisation: a new netblock answers lookups at once, a bad one is refused', async () => {
    await page.goto(`${base}/constituency?q=skolor`);
    await page.getByTestId('organisations').getByRole('link', { name: 'Stockholms skolor' }).click();
    await page.getByText('Edit this organisation').click();
    const netblocks = page.getByLabel('Netblocks (one per line: prefix, then a description)');
    await netblocks.fill(`${await netblocks.inputValue()}\n198.18.0.0/15 Lab network`);
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await expect.poll(() => page.getByTestId('organisation').textContent()).toMatch(/198\.18\.0\.0\/15 Lab network/);
    await page.getByPlaceholder('IP, CIDR, domain, URL, e-mail or AS number').fill('198.19.4.4');
    await page.getByRole('button', { name: 'Look up' }).click();
    await expect.poll(() => page.getByTestId('lookup-answer').textContent()).toMatch(/Stockholms skolor \[198\.18\.0\.0\/15\]/);
    // Several tags and AS numbers survive being saved again as the form shows them.
    await page.getByText('Edit this organisation').click();
    await page.getByLabel('Tags').fill('education, schools');
    await page.getByLabel('AS numbers').fill('AS64500, AS64501');
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await expect.poll(() => page.getByTestId('organisation').textContent()).toMatch(/AS numbers: AS64500, AS64501/);
    const stored = () =>
      get().db.selectFrom('organisations').select(['version', 'tags']).where('name', '=', 'Stockholms skolor').executeTakeFirstOrThrow();
    const before = await stored();
    await page.getByText('Edit this organisation').click();
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await expect.poll(async () => (await stored()).version).toBe(before.version + 1);
    expect((await stored()).tags).toEqual(['education', 'schools']);
    expect(
      (
        await get()
          .db.selectFrom('org_asns')
          .innerJoin('organisations', 'organisations.id', 'org_asns.organisation_id')
          .select('asn')
          .where('name', '=', 'Stockholms skolor')
          .orderBy('asn')
          .execute()
      ).map((a) => Number(a.asn)),
    ).toEqual([64500, 64501]);
    // A bad value is refused with the reason, and nothing changes.
    await page.getByText('Edit this organisation').click();
    await netblocks.fill('not a prefix');
    await page.getByRole('button', { name: 'Save organisation' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/not an IPv4 or IPv6 address/);
  });

  it('imports organisations, refusing the whole file when a row is wrong', async () => {
    await page.getByRole('link', { name: 'Constituency', exact: true }).click();
    await page.goto(`${base}/constituency`);
    await page.getByText('Import organisations (CSV or JSON)').click();
    await page
      .getByLabel('File content')
      .fill('name,netblocks,contact_email\nHamnen AB,10.9.0.0/16,it@hamnen.example\nTrasig AB,10.8.0.1/16,x@trasig.example');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/nothing imported/);
    await page.getByLabel('File content').fill('name,netblocks,contact_email\nHamnen AB,10.9.0.0/16,it@hamnen.example');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => page.getByTestId('import-report').textContent()).toMatch(/1 created \(Hamnen AB\)/);
    await expect.poll(() => page.getByTestId('organisations').textContent()).toMatch(/Hamnen AB/);
    // A parent with sub-organisations cannot be deleted; a leaf can.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('organisations').getByRole('link', { name: 'City of Stockholm' }).click();
    await page.getByRole('button', { name: 'Delete this organisation' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/still has sub-organisations/);
    await page.getByRole('link', { name: '← All organisations' }).click();
    await page.getByTestId('organisations').getByRole('link', { name: 'Hamnen AB' }).click();
    await page.getByRole('button', { name: 'Delete this organisation' }).click();
    await expect.poll(() => page.url()).toMatch(/\/constituency$/);
    await expect.poll(() => page.getByTestId('organisations').textContent()).not.toMatch(/Hamnen AB/);
  });

  it('uploads a Shadowserver report and shows the run with its bad rows, then notifies and shows feedback', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vakt-upload-'));
    const file = join(dir, '2026-11-22-scan_ntp-sweden-geo.csv');
    writeFileSync(
      file,
      [
        '"timestamp","ip","protocol","port","hostname","tag","asn","geo","region","city","version","clk_wander"',
        '"2026-11-22 10:00:00","203.0.113.21","udp",123,,"ntpversion",64496,"SE",,,4,',
        '"garbage","203.0.113.22","udp",123,,"ntpversion",64496,"SE",,,4,',
      ].join('\n'),
    );
    await page.getByRole('link', { name: 'Feeds', exact: true }).click();
    await page.getByLabel('File for shadowserver-scans').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload and run' }).click();
    const runs = page.getByTestId('feed-runs');
    await expect.poll(() => runs.locator('tbody tr').first().textContent()).toMatch(/scan_ntp.*ok/);
    await runs.locator('tbody tr').first().getByText('bad rows').click();
    expect(await runs.locator('tbody tr').first().textContent()).toMatch(/line 3: "garbage" is not a time/);

    await page.getByRole('link', { name: 'Notifications', exact: true }).click();
    const table = page.getByTestId('notifications');
    // The demo feed notifies immediately: the upload's event for the schools is already queued.
    await expect.poll(() => table.textContent()).toMatch(/Stockholms skolor/);
    expect(await table.textContent()).toMatch(/withheld: the recipient is cleared only up to TLP:GREEN/);
    await page.getByRole('button', { name: 'Preview what is due (dry run)' }).click();
    await expect.poll(() => page.getByTestId('dispatch-result').textContent()).toMatch(/0 notification\(s\) would be built/);

    const token = (
      await get()
        .db.selectFrom('notifications')
        .select('feedback_token')
        .where('status', '=', 'queued')
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow()
    ).feedback_token;
    const visitor = await browser.newPage();
    await visitor.goto(`${base}/feedback/${token}`);
    await visitor.getByLabel('Comment (optional)').fill('Scanner false alarm');
    await visitor.getByRole('button', { name: 'False positive / Falsklarm' }).click();
    await expect.poll(() => visitor.textContent('h1')).toBe('Thank you');
    await visitor.close();
    await page.reload();
    const figures = page.getByTestId('feedback-figures');
    await expect.poll(() => figures.textContent()).toMatch(/shadowserver-scans\d+\d+1\d1/);

    // The queue filters by state, and pages back 50 at a time.
    await sql`insert into notifications (organisation_id, feed_id, period_start, period_end, event_count, tlp, recipients, status, reason, feedback_token, created_at)
      select n.organisation_id, n.feed_id, n.period_start - make_interval(days => g), n.period_end - make_interval(days => g), 1, 'AMBER', '{}', 'withheld', 'old ' || g, 'old-token-' || g, now() - make_interval(days => g)
      from (select * from notifications limit 1) n, generate_series(1, 60) g`.execute(get().db);
    await page.reload();
    await page.getByLabel('Status').selectOption('queued');
    await expect.poll(() => table.textContent()).not.toMatch(/withheld/);
    await page.getByLabel('Status').selectOption('withheld');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(50);
    await page.getByRole('button', { name: 'Older →' }).click();
    await expect.poll(() => table.textContent()).toMatch(/old 60/);
    await page.getByRole('button', { name: '← Newer' }).click();
    await expect.poll(() => table.textContent()).not.toMatch(/old 60/);
    expect(await table.locator('tbody tr').count()).toBe(50);
  });
});
