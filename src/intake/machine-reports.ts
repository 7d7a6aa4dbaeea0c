/**
 * Reports written by machines for machines (RFC 6522 `multipart/report`): delivery status
 * notifications (RFC 3464) and abuse feedback reports (ARF, RFC 5965 with RFC 6591 and RFC 6650).
 * Both are a human-readable part, a machine-readable part of header-like fields, and the
 * returned message or its headers. mailparser folds the returned message into the text, so the
 * parts are split here; their fields are the report's own syntax, not MIME, and no library reads
 * them. Nothing here throws: a broken report is still a report, with what was wrong in `problems`.
 */
import { decode as decodeQuotedPrintable } from 'libqp';
import { boundaryOf, headerEnd, reportTypeIn } from './mime.js';
import { readXarf, unreadableXarf, type ReportPart, type XarfReport } from './xarf.js';

export type DsnAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

export interface ReturnedMessage {
  messageId: string | null;
  from: string | null;
  to: string | null;
  subject: string | null;
  date: string | null;
}

export interface DeliveryRecipient {
  recipient: string;
  action: DsnAction | null;
  status: string | null;
  diagnostic: string | null;
}

export interface DeliveryReport {
  format: 'dsn';
  reportingMta: string | null;
  recipients: DeliveryRecipient[];
  /** The worst action of any recipient: one failed recipient makes the report a failure. */
  outcome: DsnAction | 'unknown';
  returned: ReturnedMessage | null;
  problems: string[];
}

export interface FeedbackReport {
  format: 'arf';
  feedbackType: string;
  userAgent: string | null;
  version: string | null;
  sourceIp: string | null;
  arrivalDate: string | null;
  reportedDomains: string[];
  reportedUris: string[];
  originalMailFrom: string | null;
  originalRcptTo: string[];
  authenticationResults: string[];
  incidents: number | null;
  returned: ReturnedMessage | null;
  problems: string[];
}

export type MachineReport = DeliveryReport | FeedbackReport | XarfReport;

type Part = ReportPart;

const MAX_PARTS = 20;
const MAX_FIELDS = 500;
const MAX_VALUE = 2000;
const MAX_LIST = 50;

/** Header block of an entity, unfolded, names in lower case; a name may repeat. */
export function readFields(block: string): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0 || /\s/.test(line.slice(0, colon).trim())) continue;
    fields.push([
      line.slice(0, colon).trim().toLowerCase(),
      line
        .slice(colon + 1)
        .trim()
        .slice(0, MAX_VALUE),
    ]);
    if (fields.length >= MAX_FIELDS) break;
  }
  return fields;
}

function first(fields: ReadonlyArray<[string, string]>, name: string): string | null {
  return fields.find(([key]) => key === name)?.[1] || null;
}

function all(fields: ReadonlyArray<[string, string]>, name: string): string[] {
  return fields
    .filter(([key]) => key === name)
    .map(([, value]) => value)
    .filter(Boolean)
    .slice(0, MAX_LIST);
}

function splitHead(text: string): { head: string; body: string } {
  const match = /\r?\n\r?\n/.exec(text);
  return match ? { head: text.slice(0, match.index), body: text.slice(match.index + match[0].length) } : { head: text, body: '' };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `body` holds the part's bytes as latin1; 8-bit text is UTF-8 where it is valid UTF-8. */
function decodeBody(body: string, encoding: string): string {
  const how = encoding.trim().toLowerCase();
  if (how === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (how === 'quoted-printable') return decodeQuotedPrintable(body).toString('utf8');
  try {
    return utf8.decode(Buffer.from(body, 'latin1'));
  } catch {
    return body;
  }
}

/** The parts of a multipart entity, nested multiparts flattened, at most MAX_PARTS. */
function partsOf(contentType: string, body: string, depth = 0): Part[] {
  const boundary = boundaryOf(contentType);
  if (!boundary || depth > 3) return [];
  const delimiter = `--${boundary}`;
  const parts: Part[] = [];
  const chunks = body.split(new RegExp(`(?:^|\\r?\\n)${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--') || parts.length >= MAX_PARTS) break;
    const { head, body: partBody } = splitHead(chunk.replace(/^[ \t]*\r?\n/, ''));
    const fields = readFields(head);
    const type = first(fields, 'content-type') ?? 'text/plain';
    if (/^multipart\//i.test(type)) parts.push(...partsOf(type, partBody, depth + 1));
    else parts.push({ contentType: type, body: decodeBody(partBody, first(fields, 'content-transfer-encoding') ?? '') });
  }
  return parts;
}

const typeIs = (part: Part, ...types: string[]): boolean => types.includes(part.contentType.split(';')[0]!.trim().toLowerCase());

function angleAddress(value: string | null): string | null {
  if (!value) return null;
  const inside = /<([^<>]*)>/.exec(value)?.[1] ?? value;
  return inside.trim().toLowerCase() || null;
}

function returnedMessage(parts: readonly Part[]): ReturnedMessage | null {
  const part = parts.find((p) => typeIs(p, 'message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers', 'message/global'));
  if (!part) return null;
  const fields = readFields(splitHead(part.body).head);
  const messageId = first(fields, 'message-id');
  return {
    messageId: messageId ? (/<[^<>\s]{1,250}>/.exec(messageId)?.[0] ?? `<${messageId.replace(/[<>\s]/g, '').slice(0, 250)}>`) : null,
    from: first(fields, 'from'),
    to: first(fields, 'to'),
    subject: first(fields, 'subject'),
    date: first(fields, 'date'),
  };
}

/** "rfc822; user@example.net" → "user@example.net". */
function typedAddress(value: string | null): string | null {
  if (!value) return null;
  const semicolon = value.indexOf(';');
  return (semicolon >= 0 ? value.slice(semicolon + 1) : value).trim().toLowerCase() || null;
}

const ACTIONS: readonly DsnAction[] = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'];

function readDeliveryStatus(parts: readonly Part[]): DeliveryReport {
  const problems: string[] = [];
  const status = parts.find((p) => typeIs(p, 'message/delivery-status', 'message/global-delivery-status'));
  if (!status) problems.push('no message/delivery-status part');
  const blocks = (status?.body ?? '')
    .split(/\r?\n[ \t]*\r?\n/)
    .map(readFields)
    .filter((b) => b.length > 0);
  const [perMessage = [], ...perRecipient] = blocks;
  // Some mailers write a single block; its Action and Status are then the recipient's.
  const recipientBlocks = perRecipient.length > 0 ? perRecipient : first(perMessage, 'status') ? [perMessage] : [];
  const recipients = recipientBlocks.slice(0, MAX_LIST).map((fields) => readRecipient(fields, problems));
  return {
    format: 'dsn',
    reportingMta: typedAddress(first(perMessage, 'reporting-mta')),
    recipients,
    outcome: deliveryOutcome(recipients),
    returned: returnedMessage(parts),
    problems,
  };
}

/** Without an Action, the status class decides: 5.x.x failed, 4.x.x delayed. */
function readRecipient(fields: ReadonlyArray<[string, string]>, problems: string[]): DeliveryRecipient {
  const written = first(fields, 'action');
  const named = (written ?? '').toLowerCase().split(/[\s(]/)[0] as DsnAction;
  const status = first(fields, 'status');
  if (written && !ACTIONS.includes(named)) problems.push(`unknown Action "${written.slice(0, 40)}"`);
  const byStatus = status?.startsWith('5') ? 'failed' : status?.startsWith('4') ? 'delayed' : null;
  return {
    recipient: typedAddress(first(fields, 'final-recipient') ?? first(fields, 'original-recipient')) ?? '',
    action: ACTIONS.includes(named) ? named : byStatus,
    status,
    diagnostic: first(fields, 'diagnostic-code'),
  };
}

/** Failed beats delayed beats the rest: one failed recipient makes the report a failure. */
function deliveryOutcome(recipients: readonly DeliveryRecipient[]): DsnAction | 'unknown' {
  return ACTIONS.find((action) => recipients.some((r) => r.action === action)) ?? 'unknown';
}

const FEEDBACK_TYPES = ['abuse', 'fraud', 'virus', 'other', 'not-spam', 'auth-failure', 'opt-out', 'opt-out-list'];

function readFeedbackReport(parts: readonly Part[]): FeedbackReport {
  const problems: string[] = [];
  const report = parts.find((p) => typeIs(p, 'message/feedback-report'));
  if (!report) problems.push('no message/feedback-report part');
  const fields = readFields(report?.body ?? '');
  const feedbackType = (first(fields, 'feedback-type') ?? '').toLowerCase();
  const known = FEEDBACK_TYPES.includes(feedbackType);
  if (report && !feedbackType) problems.push('no Feedback-Type field');
  else if (feedbackType && !known) problems.push(`Feedback-Type "${feedbackType.slice(0, 40)}" is not registered: read as "other"`);
  for (const required of ['user-agent', 'version'])
    if (report && !first(fields, required)) problems.push(`no ${required.replace(/(^|-)\w/g, (c) => c.toUpperCase())} field`);
  const incidents = first(fields, 'incidents');
  return {
    format: 'arf',
    feedbackType: known ? feedbackType : 'other',
    userAgent: first(fields, 'user-agent'),
    version: first(fields, 'version'),
    sourceIp: first(fields, 'source-ip')?.replace(/^\[|\]$/g, '') ?? null,
    arrivalDate: first(fields, 'arrival-date') ?? first(fields, 'received-date'),
    reportedDomains: all(fields, 'reported-domain').map((d) => d.toLowerCase()),
    reportedUris: all(fields, 'reported-uri'),
    originalMailFrom: angleAddress(first(fields, 'original-mail-from')),
    originalRcptTo: all(fields, 'original-rcpt-to').flatMap((v) => angleAddress(v) ?? []),
    authenticationResults: all(fields, 'authentication-results'),
    incidents: incidents && /^\d{1,9}$/.test(incidents) ? Number(incidents) : null,
    returned: returnedMessage(parts),
    problems,
  };
}

/** What may hold an X-ARF document, judged without decoding the body of every mail. */
function mayCarryXarf(headers: ReadonlyArray<[string, string]>, contentType: string, body: string): boolean {
  if (first(headers, 'x-arf') || first(headers, 'x-xarf')) return true;
  if (/^\s*application\/json\b/i.test(contentType)) return true;
  if (/^\s*multipart\//i.test(contentType)) return /application\/json|xarf|Schema-URL:/i.test(body);
  return /^\s*\{/.test(body.slice(0, 200)) && /"(xarf_version|ReporterInfo)"/.test(body);
}

/** Said to be X-ARF by its sender: an X-ARF header, or an ARF whose Feedback-Type is xarf. */
function saysXarf(headers: ReadonlyArray<[string, string]>, parts: readonly Part[]): boolean {
  if (/^(yes|plain|secure|bulk)/i.test(first(headers, 'x-arf') ?? first(headers, 'x-xarf') ?? '')) return true;
  const feedback = parts.find((p) => typeIs(p, 'message/feedback-report'));
  return /^\s*feedback-type:\s*xarf\b/im.test(feedback?.body ?? '');
}

/** The report in a mail: a delivery or feedback report, or an X-ARF report in any of its forms; else undefined. */
export function readMachineReport(raw: Buffer): MachineReport | undefined {
  // Every mail passes here: its header block decides, and only a likely report's body is decoded.
  const end = headerEnd(raw);
  const headers = readFields(raw.subarray(0, end).toString('latin1'));
  const contentType = first(headers, 'content-type') ?? 'text/plain';
  const reportType = reportTypeIn(contentType);
  const isReport = reportType !== null;
  const body = raw.subarray(end).toString('latin1');
  if (!isReport && !mayCarryXarf(headers, contentType, body)) return undefined;
  const parts = /^\s*multipart\//i.test(contentType)
    ? partsOf(contentType, body)
    : [{ contentType, body: decodeBody(body, first(headers, 'content-transfer-encoding') ?? '') }];
  const xarf = readXarf(parts) ?? (saysXarf(headers, parts) ? unreadableXarf(parts) : undefined);
  if (xarf) return xarf;
  if (!isReport) return undefined;
  if (reportType === 'feedback-report' || parts.some((p) => typeIs(p, 'message/feedback-report'))) return readFeedbackReport(parts);
  if (reportType === 'delivery-status' || parts.some((p) => typeIs(p, 'message/delivery-status'))) return readDeliveryStatus(parts);
  return undefined;
}

/** What an abuse report (ARF or X-ARF) suggests for triage, in RSIT terms; null where it is not an incident. */
export function abuseSuggestion(report: FeedbackReport | XarfReport): { rsitClass: string; rsitType: string } | null {
  return report.format === 'arf' ? feedbackRsit(report.feedbackType) : report.suggestion;
}

/** What an ARF feedback type suggests for triage, in RSIT terms; null where it is not an incident. */
export function feedbackRsit(feedbackType: string): { rsitClass: string; rsitType: string } | null {
  switch (feedbackType) {
    case 'abuse':
      return { rsitClass: 'abusive-content', rsitType: 'spam' };
    case 'fraud':
      return { rsitClass: 'fraud', rsitType: 'phishing' };
    case 'virus':
      return { rsitClass: 'malicious-code', rsitType: 'malware-distribution' };
    case 'auth-failure':
      return { rsitClass: 'fraud', rsitType: 'masquerade' };
    case 'other':
      return { rsitClass: 'other', rsitType: 'undetermined' };
    default:
      // not-spam, opt-out, opt-out-list: a recipient's preference, not an incident.
      return null;
  }
}
