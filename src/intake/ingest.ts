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
import { applyDeliveryNotice, complaintNotice, deliveryNotice, plainBounceNotice, type DeliveryNotice } from '../mail/bounces.js';
import { constituencyIndex } from '../constituency/lookup-index.js';
import { parseAddress } from '../constituency/ip.js';
import { queueMail, type Sender } from '../mail/outbox.js';
import { headerEnd, parseMessage, type ParsedMessage } from './mime.js';
import { abuseSuggestion, readMachineReport, type FeedbackReport, type MachineReport } from './machine-reports.js';
import type { XarfReport } from './xarf.js';
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
  | { kind: 'duplicate'; messageId: string }
  /** A delivery or feedback report about our own mail, or a delivery report about nothing of ours: kept, not triaged. */
  | { kind: 'filed'; reportId: string | null; incidentId: string | null; messageId: string; about: string[] };

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
  const machine = tooLarge ? undefined : readMachineReport(raw);
  const routed = machine && machine.format !== 'dsn' && machine.sourceIp ? await routeSource(db, machine.sourceIp) : undefined;
  const aggregated = await aggregateIfAsked(db, machine, parsed, dedupeKey);
  const mail: Incoming = { raw, size, parsed, dedupeKey, tooLarge, source, machine, routed, aggregated };
  try {
    return await db.transaction().execute((trx) => store(trx, settings, mail));
  } catch (error) {
    // Two intake processes raced on the same message: the other one stored it.
    if (isUniqueViolation(error)) {
      const existing = await db.selectFrom('messages').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
      if (existing) return { kind: 'duplicate', messageId: existing.id };
    }
    throw error;
  }
}

interface Incoming {
  raw: Buffer;
  size: number;
  parsed: ParsedMessage;
  dedupeKey: string;
  tooLarge: boolean;
  source: string;
  machine: MachineReport | undefined;
  routed: Routed | undefined;
  /** The feed a sender's reports are aggregated into, and what its run stored. */
  aggregated: { feed: string; events: number } | undefined;
}

/**
 * An abuse report from a sender the team aggregates becomes an event of that feed before the mail
 * is stored: a crash in between leaves the mail to be fetched again, and the event's
 * de-duplication keeps the second delivery from counting twice. A complaint about our own mail
 * stays a complaint.
 */
async function aggregateIfAsked(
  db: Kysely<Schema>,
  machine: MachineReport | undefined,
  parsed: ParsedMessage,
  dedupeKey: string,
): Promise<Incoming['aggregated']> {
  if (!machine || machine.format === 'dsn') return undefined;
  // Loaded on the first abuse report: the feed pipeline is more than most mail needs.
  const { aggregate, aggregatingFeed } = await import('./aggregate.js');
  const feed = await aggregatingFeed(db, parsed.from?.address);
  if (!feed) return undefined;
  if (await db.selectFrom('messages').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst()) return undefined;
  const returned = machine.format === 'arf' ? machine.returned?.messageId : undefined;
  if (
    returned &&
    (await db.selectFrom('messages').select('id').where('direction', '=', 'out').where('message_id', '=', returned).executeTakeFirst())
  )
    return undefined;
  const run = await aggregate(db, feed, machine, `mail ${parsed.messageId ?? dedupeKey.slice(0, 16)}`);
  return { feed: feed.name, events: run?.events ?? 0 };
}

interface Routed {
  organisationId: string | null;
  note: string;
}

const FORMAT_NAMES = { arf: 'ARF', dsn: 'DSN', xarf: 'X-ARF' } as const;

/** A feedback or X-ARF report's source address goes to its constituent, as a feed event's address does. */
async function routeSource(db: Kysely<Schema>, ip: string): Promise<Routed> {
  const address = parseAddress(ip);
  if (!address) return { organisationId: null, note: `the Source-IP "${ip.slice(0, 60)}" is not an IP address` };
  const index = await constituencyIndex(db);
  const owners = [...new Set((index.ownersOf(address) ?? []).map((o) => o.organisationId))];
  if (owners.length === 0) return { organisationId: null, note: `the Source-IP ${ip} is in no netblock of the constituency` };
  const names = owners.map((id) => index.names.get(id) ?? id);
  return {
    organisationId: owners[0]!,
    note:
      owners.length === 1
        ? `the Source-IP ${ip} belongs to ${names[0]}`
        : `the Source-IP ${ip} is claimed by ${names.join(', ')}; filed under ${names[0]}`,
  };
}

/** What a machine report says about our own outgoing mail, if it is about it. */
function noticeOf(machine: MachineReport | undefined, parsed: ParsedMessage, raw: Buffer): DeliveryNotice | undefined {
  if (machine?.format === 'dsn') return deliveryNotice(machine, parsed.inReplyTo);
  if (machine?.format === 'arf') return complaintNotice(machine);
  if (parsed.bounce) return plainBounceNotice(raw.toString('latin1'), parsed.inReplyTo);
  return undefined;
}

/** The mail's Date, unless it claims a time after we received it. */
function reportedAt(parsed: ParsedMessage, receivedAt: Date, notes: string[]): Date | null {
  if (!parsed.date) return null;
  if (parsed.date.getTime() > receivedAt.getTime() + 5 * 60_000) {
    notes.push(`the mail's Date (${parsed.date.toISOString()}) is later than its arrival: not used as the report time`);
    return null;
  }
  return parsed.date;
}

/** An abuse report written by a machine (ARF, X-ARF), as the report's facts: what it said, what it suggests, where it went. */
function machineFields(report: FeedbackReport | XarfReport, routed: Routed | undefined): string {
  return JSON.stringify({ ...report, suggestion: abuseSuggestion(report), routing: routed?.note ?? null });
}

/** The addresses and links a machine report names, for the report's indicators. */
function machineIndicators(report: FeedbackReport | XarfReport): string {
  return report.format === 'arf'
    ? [report.sourceIp, ...report.reportedUris, ...report.reportedDomains].join('\n')
    : [report.source, report.url].filter(Boolean).join('\n');
}

async function store(trx: Transaction<Schema>, settings: IntakeSettings, mail: Incoming): Promise<IntakeOutcome> {
  const { raw, size, parsed, dedupeKey, tooLarge, source, machine, routed, aggregated } = mail;
  const existing = await trx.selectFrom('messages').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
  if (existing) return { kind: 'duplicate', messageId: existing.id };

  const notes = [...parsed.notes];
  if (tooLarge)
    notes.push(
      `the message is ${size} bytes, over the ${settings.maxMessageBytes}-byte limit: only its headers were kept; it stays in the mailbox`,
    );
  const rawSha = tooLarge ? null : await putBlob(trx, raw);
  const notice = noticeOf(machine, parsed, raw);
  const about = notice ? await applyDeliveryNotice(trx, notice) : [];
  const threaded = await threadTarget(trx, parsed, settings.shortName, notes);
  // A report about our own mail goes with that mail; a DSN about nothing of ours is filed alone.
  const filed = about.length > 0 || machine?.format === 'dsn' || mail.aggregated !== undefined;
  const target: Target | undefined = about[0]
    ? { reportId: about[0].report_id, incidentId: about[0].incident_id }
    : (threaded ?? (filed ? { reportId: null, incidentId: null } : undefined));
  const tlp = labelOrDefault([parsed.subject, parsed.text], settings.defaultTlp);
  const findings = [parsed.subject, parsed.text].map(findTlp);
  const stated = findings.some((f) => f.kind === 'label');
  const unknownMarker = findings.find((f) => f.kind === 'unknown');
  if (!stated && unknownMarker?.kind === 'unknown')
    notes.push(`unknown TLP marker "${unknownMarker.text.slice(0, 40)}": the team default ${tlp} applies`);
  const actor = `system:intake`;

  let reportId = target?.reportId ?? null;
  const incidentId = target?.incidentId ?? null;
  const abuse = machine && machine.format !== 'dsn' ? machine : undefined;
  if (!target) {
    const receivedAt = new Date();
    if (routed) notes.push(routed.note);
    if (machine) notes.push(...machine.problems.map((p) => `${FORMAT_NAMES[machine.format]}: ${p}`));
    const intakeStatus = tooLarge
      ? 'too-large'
      : parsed.encryption === 'failed'
        ? 'undecryptable'
        : parsed.notes.length > 0 || (machine?.problems.length ?? 0) > 0
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
        received_at: receivedAt,
        reported_at: reportedAt(parsed, receivedAt, notes),
        organisation_id: routed?.organisationId ?? null,
        machine_report: abuse ? machineFields(abuse, routed) : null,
        created_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    reportId = report.id;
    await storeIndicators(trx, report.id, `${parsed.subject}\n${parsed.text}\n${abuse ? machineIndicators(abuse) : ''}`);
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
      machine_report: filed && machine ? JSON.stringify(aggregated ? { ...machine, aggregatedInto: aggregated.feed } : machine) : null,
      tlp,
      created_by: actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

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
    action: filed ? 'message.file' : target ? 'message.receive' : 'report.create',
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

  if (!target && reportId && settings.autoAcknowledge && parsed.from && !parsed.loopSignal && !tooLarge && !machine) {
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
  if (filed) return { kind: 'filed', reportId, incidentId, messageId: message.id, about: about.map((m) => m.id) };
  return target
    ? { kind: 'reply', reportId, incidentId, messageId: message.id }
    : { kind: 'report', reportId: reportId!, messageId: message.id };
}
