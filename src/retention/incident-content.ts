/**
 * What a closed incident holds besides its reports, mail and participants: the team's own
 * writing (description, notes, tasks, timeline, investigations, debrief), observables and
 * evidence. When the incident is due, every e-mail address in that writing and in its observables
 * becomes its pseudonym, and stored evidence files are deleted, with a custody
 * entry saying so. The custody log itself stays as it was written: it is the evidential record,
 * and the database refuses to change it.
 */
import { sql, type Transaction } from 'kysely';
import type { Schema } from '../db/schema.js';
import { pseudonymiseText, type Pseudonyms } from './pseudonyms.js';

export type IncidentTextTable =
  | 'incidents'
  | 'evidence'
  | 'tasks'
  | 'investigations'
  | 'timeline_events'
  | 'observables'
  | 'assets'
  | 'countermeasures'
  | 'incident_notes';

/** The free-text columns of the incident and of each of its item tables. */
export const INCIDENT_TEXT: { [T in IncidentTextTable]: readonly string[] } = {
  incidents: ['title', 'description', 'affected_constituents', 'patient_zero'],
  evidence: ['item', 'description'],
  tasks: ['title', 'description'],
  investigations: ['title', 'correspondent', 'notes'],
  timeline_events: ['summary'],
  observables: ['value', 'description'],
  assets: ['name', 'description'],
  countermeasures: ['target', 'description'],
  incident_notes: ['body'],
};

/** The column of TABLE that names the incident: its own id for the incident itself. */
export const incidentColumn = (table: IncidentTextTable): string => (table === 'incidents' ? 'id' : 'incident_id');

/** Pseudonymises incident ID's own content; returns the evidence blobs it let go, for the caller to release. */
export async function pseudonymiseIncidentContent(trx: Transaction<Schema>, id: string, names: Pseudonyms): Promise<string[]> {
  const swap = (text: string) => pseudonymiseText(text, names);
  for (const [table, columns] of Object.entries(INCIDENT_TEXT) as [IncidentTextTable, readonly string[]][])
    await swapColumns(trx, table, columns, id, swap);
  const measures = await trx.selectFrom('countermeasures').select(['id', 'notify_on_removal']).where('incident_id', '=', id).execute();
  for (const m of measures)
    await trx
      .updateTable('countermeasures')
      .set({ notify_on_removal: m.notify_on_removal.map(swap) })
      .where('id', '=', m.id)
      .execute();
  const debrief = await trx.selectFrom('debriefs').select('content').where('incident_id', '=', id).executeTakeFirst();
  if (debrief)
    await trx
      .updateTable('debriefs')
      .set({ content: swap(JSON.stringify(debrief.content)) })
      .where('incident_id', '=', id)
      .execute();
  return dropEvidenceFiles(trx, id);
}

async function swapColumns(
  trx: Transaction<Schema>,
  table: IncidentTextTable,
  columns: readonly string[],
  incidentId: string,
  swap: (text: string) => string,
): Promise<void> {
  // Dynamic table and columns, all from INCIDENT_TEXT above: Kysely cannot type them, so rows are read as records.
  const rows = (await trx
    .selectFrom(table)
    .select(['id', ...columns] as never[])
    .where(sql.ref(incidentColumn(table)), '=', incidentId)
    .execute()) as unknown as Array<Record<string, string>>;
  for (const row of rows) {
    const changed = Object.fromEntries(
      columns.flatMap((c) => {
        const swapped = swap(row[c] ?? '');
        return swapped === row[c] ? [] : [[c, swapped]];
      }),
    );
    if (Object.keys(changed).length > 0)
      await trx
        .updateTable(table)
        .set(changed as never)
        .where('id', '=', row.id!)
        .execute();
  }
}

/** Stored evidence files go; the item, its hash and its custody log stay, with an entry saying why. */
async function dropEvidenceFiles(trx: Transaction<Schema>, incidentId: string): Promise<string[]> {
  const evidence = await trx
    .selectFrom('evidence')
    .select(['id', 'blob_sha256'])
    .where('incident_id', '=', incidentId)
    .where('blob_sha256', 'is not', null)
    .execute();
  const now = new Date();
  for (const e of evidence) {
    await trx.updateTable('evidence').set({ blob_sha256: null }).where('id', '=', e.id).execute();
    await trx
      .insertInto('custody_entries')
      .values({
        evidence_id: e.id,
        at: now,
        action: 'destroyed',
        note: 'the stored copy was deleted by the retention policy',
        recorded_by: 'system:retention',
      })
      .execute();
  }
  return evidence.map((e) => e.blob_sha256!);
}
