/** The entries Vakt itself writes on an incident's timeline, at the moment they happen. */
import type { Transaction } from 'kysely';
import type { Schema } from '../db/schema.js';

/** An entry now, at TLP (the incident's own entries carry its label, so a debrief for its audience keeps them). */
export async function timeline(
  trx: Transaction<Schema>,
  incidentId: string,
  kind: string,
  summary: string,
  actor: string,
  tlp: string,
): Promise<void> {
  await trx
    .insertInto('timeline_events')
    .values({ incident_id: incidentId, occurred_at: new Date(), kind, summary: summary.slice(0, 1000), tlp, created_by: actor })
    .execute();
}
