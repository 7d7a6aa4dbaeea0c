/**
 * Notes in Markdown on an incident or one of its tasks. A note is an item like any other: it
 * carries a TLP label (the incident's unless set), is shown to a participant only when shared
 * and admitted by the egress gate, and every write is audited. Markdown is stored as written;
 * the web client renders it with raw HTML switched off.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { VaktError, notFound } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';

export interface NoteInput {
  body: string;
  taskId?: string | null;
  tlp?: TlpLabel;
}

export async function addNote(db: Kysely<Schema>, actor: string, incidentId: string, input: NoteInput): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const incident = await trx.selectFrom('incidents').select(['id', 'tlp']).where('id', '=', incidentId).executeTakeFirst();
    if (!incident) throw notFound(`incident #${incidentId}`);
    if (input.taskId) {
      const task = await trx
        .selectFrom('tasks')
        .select('id')
        .where('id', '=', input.taskId)
        .where('incident_id', '=', incidentId)
        .executeTakeFirst();
      if (!task) throw notFound(`task on incident #${incidentId}`);
    }
    const row = await trx
      .insertInto('incident_notes')
      .values({
        incident_id: incidentId,
        task_id: input.taskId ?? null,
        body: input.body,
        tlp: input.tlp ?? incident.tlp,
        created_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'note.create', objectType: 'note', objectId: row.id, after: { incidentId, ...input } });
    return row.id;
  });
}

/** Only the author changes a note's text; the audit log keeps what it said before. */
export async function editNote(db: Kysely<Schema>, actor: string, noteId: string, body: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const note = await trx.selectFrom('incident_notes').select(['id', 'body', 'created_by']).where('id', '=', noteId).executeTakeFirst();
    if (!note) throw notFound('note');
    if (note.created_by !== actor) throw new VaktError('forbidden', 'only the author of a note may change it; add a note of your own');
    await trx.updateTable('incident_notes').set({ body, edited_at: new Date() }).where('id', '=', noteId).execute();
    await appendAudit(trx, {
      actor,
      action: 'note.update',
      objectType: 'note',
      objectId: noteId,
      before: { body: note.body },
      after: { body },
    });
  });
}
