/**
 * One incoming mail into the database, once. Everything a mail becomes (the raw bytes, its
 * attachments, the message, the report or the reply on a ticket, its indicators, the
 * acknowledgement in the outbox, the audit entry) commits in one transaction, keyed by the
 * Message-ID and the body's hash: a re-delivery, or a second run after a crash, finds the key and
 * stores nothing. Nothing is refused: what cannot be understood is stored with a status.
 */
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { findTlp, labelOrDefault, type TlpLabel } from '../core/tlp.js';
import { putBlob, sha256Hex } from '../db/blobs.js';
import type { Schema } from '../db/schema.js';
import { keyLookup } from '../mail/keys.js';
import { recordBounce } from '../mail/bounces.js';
import { queueMail, type Sender } from '../mail/outbox.js';
import { headerEnd, parseMessage, type ParsedMessage } from './mime.js';
import { acknowledgementText } from './acknowledgement.js';
import { SENSITIVE, storeIndicators } from './reports.js';
import { findTag, replySubject } from './threading.js';

export interface IntakeSettings {
  sender: Sender;
  shortName: string;
  teamName: string;
  defaultTlp: TlpLabel;
  autoAcknowledge: boolean;
  ackTemplate?: string;
  maxMessageBytes: number;
  maxAttachmentBytes: number;
  /** Where links in our mail point: the profile's public URL, else the configured or served address. */
  linkBase: string;
}

export type IntakeOutcome =
  | { kind: 'report'; reportId: string; messageId: string }
  | { kind: 'reply'; reportId: string | null; incidentId: string | null; messageId: string }
  | { kind: 'duplicate'; messageId: string };

interface Target {
  reportId: string | null;
  incidentId: string | null;
}

/** Follows merges to the ticket that lives on. */
async function resolveTicket(trx: Transaction<Schema>, id: string): Promise<Target | undefined> {
  for (let hops = 0; hops < 20; hops++) {
    const incident = await trx.selectFrom('incidents').select(['id', 'merged_into_id']).where('id', '=', id).executeTakeFirst();
    if (incident) {
      if (!incident.merged_into_id) return { reportId: null, incidentId: incident.id };
      id = incident.merged_into_id;
      continue;
    }
    const report = await trx.selectFrom('reports').select(['id', 'merged_into_id', 'incident_id']).where('id', '=', id).executeTakeFirst();
    if (!report) return undefined;
    if (!report.merged_into_id) return { reportId: report.id, incidentId: report.incident_id };
    id = report.merged_into_id;
  }
  return undefined;
}

async function threadTarget(
  trx: Transaction<Schema>,
  parsed: ParsedMessage,
  shortName: string,
  notes: string[],
): Promise<Target | undefined> {
  const tagged = findTag(parsed.subject, shortName);
  if (tagged) {
    const target = await resolveTicket(trx, tagged);
    if (target) return target;
    notes.push(`the subject tag names #${tagged}, which is no report or incident here; stored as a new report`);
  }
  const ids = [parsed.inReplyTo, ...parsed.references].filter((v): v is string => Boolean(v));
  if (ids.length === 0) return undefined;
  const known = await trx
    .selectFrom('messages')
    .select(['report_id', 'incident_id'])
    .where('message_id', 'in', ids)
    .where((eb) => eb.or([eb('report_id', 'is not', null), eb('incident_id', 'is not', null)]))
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (!known) return undefined;
  return resolveTicket(trx, (known.incident_id ?? known.report_id)!);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === '23505';
}

/** Only the header block of a message too large to keep: enough to say who sent what. */
function headersOnly(raw: Buffer): Buffer {
  return raw.subarray(0, Math.min(headerEnd(raw), 256 * 1024));
}

/**
 * `size` is the message's full size when `raw` holds only its headers (the IMAP poller does not
 * download a message over the limit).
 */
export async function ingestMail(
  db: Kysely<Schema>,
  settings: IntakeSettings,
  raw: Buffer,
  source: string,
  options: { size?: number } = {},
): Promise<IntakeOutcome> {
  const size = options.size ?? raw.length;
  const tooLarge = size > settings.maxMessageBytes;
  const parsed = await parseMessage(tooLarge ? headersOnly(raw) : raw, {
    lookup: keyLookup(db),
    ownAddresses: [settings.sender.from],
    ...(settings.sender.teamKey ? { teamKey: settings.sender.teamKey } : {}),
  });
  const dedupeKey = sha256Hex(`${parsed.messageId ?? sha256Hex(raw)}\n${tooLarge ? sha256Hex(raw) : parsed.bodyHash}`);
  try {
    return await db.transaction().execute((trx) => store(trx, settings, raw, size, parsed, dedupeKey, tooLarge, source));
  } catch (error) {
    // Two intake processes raced on the same message: the other one stored it.
    if (isUniqueViolation(error)) {
      const existing = await db.selectFrom('messages').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
      if (existing) return { kind: 'duplicate', messageId: existing.id };
    }
    throw error;
  }
}

async function store(
  trx: Transaction<Schema>,
  settings: IntakeSettings,
  raw: Buffer,
  size: number,
  parsed: ParsedMessage,
  dedupeKey: string,
  tooLarge: boolean,
  source: string,
): Promise<IntakeOutcome> {
  const existing = await trx.selectFrom('messages').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  if (existing) return { kind: 'duplicate', messageId: existing.id };

  const notes = [...parsed.notes];
  if (tooLarge)
    notes.push(
      `the message is ${size} bytes, over the ${settings.maxMessageBytes}-byte limit: only its headers were kept; it stays in the mailbox`,
    );
  const rawSha = tooLarge ? null : await putBlob(trx, raw);
  const target = await threadTarget(trx, parsed, settings.shortName, notes);
  const tlp = labelOrDefault([parsed.subject, parsed.text], settings.defaultTlp);
  const findings = [parsed.subject, parsed.text].map(findTlp);
  const stated = findings.some((f) => f.kind === 'label');
  const unknownMarker = findings.find((f) => f.kind === 'unknown');
  if (!stated && unknownMarker?.kind === 'unknown')
    notes.push(`unknown TLP marker "${unknownMarker.text.slice(0, 40)}": the team default ${tlp} applies`);
  const actor = `system:intake`;

  let reportId = target?.reportId ?? null;
  const incidentId = target?.incidentId ?? null;
  if (!target) {
    const intakeStatus = tooLarge
      ? 'too-large'
      : parsed.encryption === 'failed'
        ? 'undecryptable'
        : parsed.notes.length > 0
          ? 'malformed'
          : 'ok';
    const report = await trx
      .insertInto('reports')
      .values({
        channel: 'email',
        subject: parsed.subject || '(no subject)',
        body: parsed.text,
        reporter_name: parsed.from?.name ?? '',
        reporter_email: parsed.from?.address ?? null,
        tlp,
        tlp_source: stated ? 'stated' : 'default',
        sensitive: SENSITIVE.test(parsed.subject),
        intake_status: intakeStatus,
        intake_notes: notes,
        received_at: new Date(),
        created_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    reportId = report.id;
    await storeIndicators(trx, report.id, `${parsed.subject}\n${parsed.text}`);
  }

  const message = await trx
    .insertInto('messages')
    .values({
      direction: 'in',
      report_id: reportId,
      incident_id: incidentId,
      dedupe_key: dedupeKey,
      message_id: parsed.messageId,
      in_reply_to: parsed.inReplyTo,
      references: parsed.references,
      subject: parsed.subject,
      from_address: parsed.from?.address ?? '',
      to_addresses: parsed.to,
      cc_addresses: parsed.cc,
      sent_at: parsed.date,
      body_text: parsed.text,
      body_html: parsed.html,
      raw_sha256: rawSha,
      raw_size: size,
      pgp_encryption: parsed.encryption,
      pgp_signature: parsed.signature.status,
      pgp_signer: parsed.signature.signer ?? null,
      auto_submitted: parsed.loopSignal !== null,
      tlp,
      created_by: actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  if (parsed.bounce) await recordBounce(trx, raw.toString('latin1'), parsed.inReplyTo);

  for (const attachment of parsed.attachments) {
    const fits = attachment.content.length <= settings.maxAttachmentBytes;
    const sha256 = fits ? await putBlob(trx, attachment.content) : sha256Hex(attachment.content);
    const note = !fits
      ? `larger than the ${settings.maxAttachmentBytes}-byte attachment limit: not stored separately; it is in the raw message`
      : attachment.isArchive
        ? 'archive: stored as received, never unpacked'
        : null;
    await trx
      .insertInto('attachments')
      .values({
        message_id: message.id,
        report_id: reportId,
        filename: attachment.filename,
        content_type: attachment.contentType,
        size: attachment.content.length,
        sha256,
        stored: fits,
        note,
      })
      .execute();
  }

  if (incidentId) {
    await trx
      .insertInto('timeline_events')
      .values({
        incident_id: incidentId,
        occurred_at: new Date(),
        kind: 'mail-in',
        summary: `Mail from ${parsed.from?.address ?? 'unknown sender'}: ${parsed.subject}`.slice(0, 500),
        tlp,
        created_by: actor,
      })
      .execute();
  }
  await appendAudit(trx, {
    actor,
    action: target ? 'message.receive' : 'report.create',
    objectType: target ? 'message' : 'report',
    objectId: target ? message.id : reportId,
    after: {
      source,
      messageId: parsed.messageId,
      from: parsed.from?.address ?? null,
      subject: parsed.subject,
      reportId,
      incidentId,
      pgp: { encryption: parsed.encryption, signature: parsed.signature.status },
      notes,
    },
  });

  if (!target && reportId && settings.autoAcknowledge && parsed.from && !parsed.loopSignal && !tooLarge) {
    await queueMail(trx, settings.sender, {
      reportId,
      to: [parsed.from.address],
      subject: replySubject(parsed.subject || '(no subject)', settings.shortName, reportId),
      text: acknowledgementText({
        teamName: settings.teamName,
        tag: `[${settings.shortName} #${reportId}]`,
        subject: parsed.subject,
        tlp,
        ...(settings.ackTemplate ? { template: settings.ackTemplate } : {}),
      }),
      inReplyTo: parsed.messageId,
      references: [...parsed.references, ...(parsed.messageId ? [parsed.messageId] : [])],
      tlp,
      requireEncryption: SENSITIVE.test(parsed.subject),
      automatic: true,
      actor,
      // The sender wrote the report: answering them tells them nothing they did not send.
      egress: { channel: 'mail:acknowledgement', items: [{ kind: 'report', id: reportId, tlp, namedIndividuals: [parsed.from.address] }] },
    });
  }
  return target
    ? { kind: 'reply', reportId, incidentId, messageId: message.id }
    : { kind: 'report', reportId: reportId!, messageId: message.id };
}
