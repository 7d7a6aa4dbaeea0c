/**
 * The whole demo (reports, incidents, a month of history, the constituency) in a fresh embedded
 * database, with the UI open as a role; close() ends both. For browser tests of what does not
 * depend on the engine.
 */
import type { Role } from '../../src/auth/roles.js';
import { loadConfig } from '../../src/config.js';
import { loadWholeDemo } from '../../src/demo/load.js';
import { openDemoUi, type DemoUi } from './browser.js';
import { createTestDatabase } from './database.js';

export async function openWholeDemoUi(role: Role): Promise<DemoUi> {
  const database = await createTestDatabase('pglite');
  await loadWholeDemo(database.db, loadConfig({}).mail);
  const ui = await openDemoUi(database, role);
  return {
    ...ui,
    close: async () => {
      await ui.close();
      await database.close();
    },
  };
}
