/**
 * Machine-written abuse reports on the triage page, in Chromium: an X-ARF report shows what it
 * said (type, source, reporter, the schema it was checked against) and its RSIT suggestion; an
 * invalid one says what is wrong with it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { loadDemo } from '../../src/demo/demo.js';
import { ingestMail, type IntakeOutcome } from '../../src/intake/ingest.js';
import { openDemoUi, type DemoUi } from '../helpers/browser.js';
import { createTestDatabase } from '../helpers/database.js';
import { testSettings } from '../helpers/mail.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/mail/xarf/${name}`, import.meta.url));

describe('machine-written reports in Chromium', () => {
  let database: Database;
  let ui: DemoUi;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadDemo(database.db);
    ui = await openDemoUi(database, 'analyst');
  });
  afterAll(async () => {
    await ui?.close();
    await database?.close();
  });

  async function openReport(name: string): Promise<void> {
    const outcome = (await ingestMail(database.db, testSettings(), fixture(name), 'test')) as Extract<IntakeOutcome, { kind: 'report' }>;
    await ui.page.goto(`${ui.base}/triage/reports/${outcome.reportId}`);
    await ui.page.getByRole('region', { name: 'Abuse report (X-ARF)' }).waitFor();
  }

  it('shows what an X-ARF report said and the classification it suggests', async () => {
    await openReport('xarf-v4-arf-login-attack.eml');
    const facts = ui.page.getByTestId('machine-report');
    const text = (await facts.textContent()) ?? '';
    expect(text).toContain('connection / login_attack');
    expect(text).toContain('203.0.113.45');
    expect(text).toContain('Honeynet Nordic abuse-reports@honeynet.example');
    expect(text).toContain('https://xarf.org/schemas/v4/types/connection-login-attack.json');
    expect(text).not.toContain('What is wrong with it');
    expect(await ui.page.getByTestId('machine-suggestion').textContent()).toBe('intrusion-attempts / brute-force');
  });

  it('says what is wrong with an invalid one', async () => {
    await openReport('xarf-v4-invalid.eml');
    const facts = ui.page.getByTestId('machine-report');
    await expect.poll(() => facts.textContent()).toMatch(/What is wrong with it.*sender: /);
  });
});
