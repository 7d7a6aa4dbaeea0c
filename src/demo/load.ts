/** The whole demo, as `npm start` and `vakt demo` load it: team, users and profile, then a day's work. */
import type { Kysely } from 'kysely';
import type { MailConfig } from '../config.js';
import type { Schema } from '../db/schema.js';
import { intakeSettings } from '../intake/settings.js';
import type { TeamKey } from '../mail/pgp.js';
import { loadDemoCatalogue } from './demo-catalogue.js';
import { loadDemoEarlyWarning } from './demo-constituency.js';
import { loadDemoIncidents } from './demo-incidents.js';
import { loadDemo, type DemoReport } from './demo.js';

/** Loads everything into an empty database; on one that has users it loads nothing and says so. */
export async function loadWholeDemo(db: Kysely<Schema>, mail: MailConfig, teamKey?: TeamKey): Promise<DemoReport> {
  const report = await loadDemo(db);
  if (report.loaded) {
    // The settings read the profile that loadDemo has just saved.
    const settings = await intakeSettings(db, mail, teamKey);
    await loadDemoIncidents(db, settings);
    await loadDemoEarlyWarning(db, settings);
    await loadDemoCatalogue(db);
  }
  return report;
}
