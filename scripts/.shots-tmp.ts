/**
 * The README's screenshots (docs/screenshots/*.png), taken in Debian's Chromium on the demo data:
 * `npx tsx scripts/screenshots.ts` after `npm run build:web`.
 */
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { migrate, openDatabase } from '../src/db/database.js';
import { loadWholeDemo } from '../src/demo/load.js';
import { buildApp } from '../src/http/app.js';
import { launchBrowser, logIn } from '../test/helpers/browser.js';

const out = (name: string) => `/tmp/shots/${name}.png`;

const database = await openDatabase({});
await migrate(database);
await loadWholeDemo(database.db, loadConfig({}).mail);
const app = await buildApp({ database, config: { ...loadConfig({}), webDir: fileURLToPath(new URL('../web/dist', import.meta.url)) } });
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const browser = await launchBrowser();
try {
  const laptop = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await logIn(laptop, base, 'incident-manager');
  await laptop.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await laptop.waitForTimeout(800); // the charts animate in
  await laptop.screenshot({ path: out('dashboard') });
  const incident = await database.db.selectFrom('incidents').select('id').where('phase', '=', 'triage').executeTakeFirstOrThrow();
  await laptop.goto(`${base}/incidents/${incident.id}?tab=work`);
  await laptop.getByRole('tab', { name: 'Tasks and actions' }).waitFor();
  await laptop.screenshot({ path: out('incident') });
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await logIn(phone, base, 'analyst');
  await phone.goto(`${base}/triage`);
  await phone
    .getByRole('heading', { name: /Triage/ })
    .first()
    .waitFor();
  await phone.screenshot({ path: out('phone-triage') });
  console.log('wrote docs/screenshots/{dashboard,incident,phone-triage}.png');
} finally {
  await browser.close();
  await app.close();
  await database.close();
}
