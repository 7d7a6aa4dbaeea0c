/**
 * Mail from an incident to its participants, and replies to a reporter. The subject carries the
 * ticket tag so answers thread back; the TLP core decides whether each recipient may receive the
 * text at its label, and SENSITIVE or RED/AMBER+STRICT mail goes encrypted or not at all.
 * The first mail a person sends counts as the acknowledgement for the SLA.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { VaktError, ValidationError, notFound } from '../core/errors.js';
import { formatTlp, type TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { timeline } from './timeline.js';
import { formatTag, replySubject } from '../intake/threading.js';
import { queueMail, type QueuedMail, type Sender } from '../mail/outbox.js';

export interface IncidentMailInput {
  participantIds: readonly string[];
  subject: string;
  text: string;
  /** The label of what is sent; default the incident's. */
  tlp?: TlpLabel;
}

const mustEncrypt = (tlp: TlpLabel, sensitive: boolean) => sensitive || tlp === 'RED' || tlp === 'AMBER+STRICT';

async function lastIncoming(trx: Transaction<Schema>, id: string) {
  return trx
    .selectFrom('messages')
    .select(['message_id', 'references'])
    .where('report_id', '=', id)
    .where('direction', '=', 'in')
    .where('message_id', 'is not', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

function withTlpLine(text: string, tlp: TlpLabel): string {
  return text.includes(formatTlp(tlp)) ? text : `${formatTlp(tlp)}\n\n${text}`;
}

/**
 * For the routes: a mail the gate or the encryption rule stopped is a 403 naming why, after its
 * suppressed record has been committed (the refusal stays on the report or incident).
 */
export function sentOrRefused(queued: QueuedMail): QueuedMail {
  if (queued.status === 'suppressed') throw new VaktError('forbidden', `${queued.reason}; nothing was sent`);
  return queued;
}

export async function sendIncidentMail(
  db: Kysely<Schema>,
  sender: Sender,
  shortName: string,
  actor: string,
  incidentId: string,
  input: IncidentMailInput,
): Promise<QueuedMail> {
  if (input.participantIds.length === 0) throw new ValidationError([{ field: 'participantIds', reason: 'name at least one participant' }]);
  return db.transaction().execute(async (trx) => {
    const incident = await trx
      .selectFrom('incidents')
      .select(['id', 'tlp', 'sensitive', 'acknowledged_at'])
      .where('id', '=', incidentId)
      .executeTakeFirst();
    if (!incident) throw notFound(`incident #${incidentId}`);
    const tlp = input.tlp ?? (incident.tlp as TlpLabel);
    const participants = await trx
      .selectFrom('incident_participants')
      .selectAll()
      .where('incident_id', '=', incidentId)
      .where('id', 'in', [...input.participantIds])
      .where('removed_at', 'is', null)
      .execute();
    if (participants.length !== new Set(input.participantIds).size) throw notFound('participant of this incident');
    const noAddress = participants.filter((p) => !p.email);
    if (noAddress.length > 0)
      throw new ValidationError([{ field: 'participantIds', reason: `${noAddress.map((p) => p.name).join(', ')} has no e-mail address` }]);
    // A new message to the participants, not an answer to whoever wrote last: the tag threads replies.
    const queued = await queueMail(trx, sender, {
      incidentId,
      to: participants.map((p) => p.email!),
      subject: `${formatTag(shortName, incidentId)} ${input.subject.replace(/^\s*\[[^\]]*#\d+\]\s*/, '')}`,
      text: withTlpLine(input.text, tlp),
      tlp,
      requireEncryption: mustEncrypt(tlp, incident.sensitive),
      actor,
      egress: {
        channel: 'mail:incident',
        items: [{ kind: 'incident', id: incidentId, tlp }],
        recipients: participants.map((p) => ({ kind: 'participant', participantId: p.id })),
      },
    });
    // A refused mail stays on the incident as suppressed, with the gate's reasons; nothing else changes.
    if (queued.status === 'suppressed') return queued;
    const summary = `Mail to ${participants.map((p) => p.name).join(', ')}: ${input.subject}`.slice(0, 500);
    await timeline(trx, incidentId, 'mail-out', summary, actor, tlp);
    if (!incident.acknowledged_at)
      await trx.updateTable('incidents').set({ acknowledged_at: new Date() }).where('id', '=', incidentId).execute();
    await trx
      .updateTable('reports')
      .set({ acknowledged_at: sql`coalesce(acknowledged_at, now())` })
      .where('incident_id', '=', incidentId)
      .execute();
    return queued;
  });
}

/** An answer to the person who reported, on the report's thread. */
export async function replyToReporter(
  db: Kysely<Schema>,
  sender: Sender,
  shortName: string,
  actor: string,
  reportId: string,
  text: string,
): Promise<QueuedMail> {
  return db.transaction().execute(async (trx) => {
    const report = await trx
      .selectFrom('reports')
      .select(['id', 'subject', 'reporter_email', 'tlp', 'sensitive', 'incident_id'])
      .where('id', '=', reportId)
      .executeTakeFirst();
    if (!report) throw notFound(`report #${reportId}`);
    if (!report.reporter_email) throw new ValidationError([{ field: 'reportId', reason: 'the report has no reporter address to answer' }]);
    const previous = await lastIncoming(trx, reportId);
    const tlp = report.tlp as TlpLabel;
    // The reporter is the source of the information: answering them shares nothing new with anyone else.
    const queued = await queueMail(trx, sender, {
      reportId,
      incidentId: report.incident_id,
      to: [report.reporter_email],
      subject: replySubject(report.subject, shortName, report.incident_id ?? reportId),
      text: withTlpLine(text, tlp),
      inReplyTo: previous?.message_id ?? null,
      references: previous ? [...previous.references, previous.message_id!] : [],
      tlp,
      requireEncryption: mustEncrypt(tlp, report.sensitive),
      actor,
      egress: { channel: 'mail:reply', items: [{ kind: 'report', id: reportId, tlp, namedIndividuals: [report.reporter_email] }] },
    });
    if (queued.status === 'suppressed') return queued;
    await trx
      .updateTable('reports')
      .set({ acknowledged_at: sql`coalesce(acknowledged_at, now())` })
      .where('id', '=', reportId)
      .execute();
    if (report.incident_id)
      await trx
        .updateTable('incidents')
        .set({ acknowledged_at: sql`coalesce(acknowledged_at, now())` })
        .where('id', '=', report.incident_id)
        .execute();
    return queued;
  });
}
