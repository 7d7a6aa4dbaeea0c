/**
 * One incoming mail, understood: envelope, text (from HTML when that is all there is), sanitised
 * HTML, attachments, forwarded messages, PGP (PGP/MIME and inline, encrypted and/or signed) and
 * the signals that it was sent by a machine. mailparser does the MIME and the charsets; what is
 * ours is the PGP handling and the loop signals. Never throws on bad input: what it could not
 * understand goes into `notes`.
 */
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { sha256Hex } from '../db/blobs.js';
import {
  decryptMessage,
  verifyCleartext,
  verifyDetached,
  type EncryptionStatus,
  type KeyLookup,
  type SignatureCheck,
  type TeamKey,
} from '../mail/pgp.js';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  /** Archives are stored as they are, never unpacked. */
  isArchive: boolean;
}

export interface ParsedMessage {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  from: { address: string; name: string } | null;
  to: string[];
  cc: string[];
  date: Date | null;
  text: string;
  /** Sanitised: no scripts, no styles, no remote images, no event handlers. */
  html: string | null;
  attachments: MailAttachment[];
  /** Set when a machine sent it (auto-reply, bounce, list): never auto-acknowledge. */
  loopSignal: string | null;
  /** A bounce, whatever else marks it (a DSN usually carries Auto-Submitted too). */
  bounce: boolean;
  encryption: EncryptionStatus;
  signature: SignatureCheck;
  notes: string[];
  /** SHA-256 of the body (everything after the header block): the same however many Received lines a re-delivery adds. */
  bodyHash: string;
}

export interface ParseOptions {
  teamKey?: TeamKey;
  lookup: KeyLookup;
}

const ARCHIVE_TYPES = /zip|x-7z|x-rar|x-tar|gzip|x-bzip|x-xz|java-archive|x-iso9660|vnd\.ms-cab/i;
const ARCHIVE_NAMES = /\.(zip|7z|rar|tar|tgz|gz|bz2|xz|jar|iso|cab|arj|lzh|ace)$/i;
const MAX_FORWARD_DEPTH = 3;

export function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf < 0 && lf < 0) return raw.length;
  if (crlf < 0) return lf + 2;
  if (lf < 0) return crlf + 4;
  return Math.min(crlf + 4, lf + 2);
}

/** PostgreSQL text cannot hold NUL; mail can. */
function storable(text: string): string {
  return text.includes('\u0000') ? text.split('\u0000').join('') : text;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list
    .flatMap((a) => a.value.flatMap((v) => (v.group ? v.group : [v])))
    .flatMap((v) => (v.address ? [v.address.toLowerCase()] : []));
}

/** A header as written (unfolded), not as mailparser interprets it. */
function header(parsed: ParsedMail, name: string): string {
  const line = parsed.headerLines.find((h) => h.key === name)?.line ?? '';
  return line
    .slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

/**
 * The report-type of a multipart/report (RFC 6522) — delivery-status, feedback-report,
 * disposition-notification… — from its Content-Type; '' when it names none, null for other mail.
 */
export function reportTypeIn(contentType: string): string | null {
  if (!/^\s*multipart\/report\b/i.test(contentType)) return null;
  return /;\s*report-type\s*=\s*"?([\w.-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? '';
}

const reportTypeOf = (parsed: ParsedMail): string | null => reportTypeIn(header(parsed, 'content-type'));

/**
 * Only a delivery report says our mail did not arrive. A read receipt (RFC 8098) also comes as a
 * multipart/report from the null reverse path, and says the opposite.
 */
function isBounce(parsed: ParsedMail): boolean {
  const reportType = reportTypeOf(parsed);
  if (reportType === 'delivery-status' || reportType === 'global-delivery-status') return true;
  return !reportType && hasNullReturnPath(parsed);
}

/** The null reverse path ("Return-Path: <>") that bounces are sent with. */
const hasNullReturnPath = (parsed: ParsedMail): boolean =>
  parsed.headerLines.some((h) => h.key === 'return-path') && /^<?\s*>?$/.test(header(parsed, 'return-path').trim());

/** RFC 3834 and the habits of list servers and mailer daemons. */
function loopSignalOf(parsed: ParsedMail, ownAddresses: readonly string[] = []): string | null {
  const autoSubmitted = header(parsed, 'auto-submitted').trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = header(parsed, 'precedence').trim().toLowerCase();
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return `Precedence: ${precedence}`;
  const has = (name: string) => parsed.headerLines.some((h) => h.key === name);
  if (has('list-id') || has('list-unsubscribe') || has('list-post')) return 'a mailing-list message';
  if (has('x-autoreply') || has('x-autorespond') || /^(all|oof|autoreply)/i.test(header(parsed, 'x-auto-response-suppress')))
    return 'an auto-reply';
  const reportType = reportTypeOf(parsed);
  if (reportType !== null) return `a machine report (${reportType || 'multipart/report'})`;
  if (hasNullReturnPath(parsed)) return 'an empty Return-Path (bounce)';
  const from = addresses(parsed.from)[0] ?? '';
  if (/^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i.test(from)) return `sent by ${from}`;
  if (ownAddresses.some((own) => own.toLowerCase() === from)) return 'sent by this team';
  return null;
}

function sanitise(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'),
    allowedAttributes: { a: ['href', 'title'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
    disallowedTagsMode: 'discard',
  });
}

function unfoldHeaders(block: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) result.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return result;
}

export function boundaryOf(contentType: string): string | undefined {
  return /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(contentType)?.slice(1).find(Boolean);
}

/**
 * The exact bytes of the signed part of a top-level multipart/signed entity and its signature
 * (RFC 3156 §5): the line break before a boundary belongs to the boundary, and the signed part
 * is verified with CRLF line ends whatever the store used.
 */
function signedParts(entity: Buffer): { signed: Buffer; signature: string } | undefined {
  const end = headerEnd(entity);
  const headers = unfoldHeaders(entity.subarray(0, end).toString('latin1'));
  const contentType = headers.get('content-type') ?? '';
  if (!/^multipart\/signed/i.test(contentType)) return undefined;
  const boundary = boundaryOf(contentType);
  if (!boundary) return undefined;
  const body = entity.subarray(end).toString('latin1');
  const delimiter = `--${boundary}`;
  const first = body.startsWith(delimiter) ? 0 : body.indexOf(`\n${delimiter}`) + 1;
  if (first <= 0 && !body.startsWith(delimiter)) return undefined;
  const signedStart = body.indexOf('\n', first) + 1;
  const second = body.indexOf(`\n${delimiter}`, signedStart);
  if (signedStart <= 0 || second < 0) return undefined;
  const signedEnd = body[second - 1] === '\r' ? second - 1 : second;
  const signed = Buffer.from(body.slice(signedStart, signedEnd).replace(/\r?\n/g, '\r\n'), 'latin1');
  const sigStart = body.indexOf('\n', second + 1) + 1;
  const closing = body.indexOf(`\n${delimiter}`, sigStart);
  const sigPart = body.slice(sigStart, closing < 0 ? undefined : closing);
  const sigHeaderEnd = sigPart.search(/\r?\n\r?\n/);
  const sigHeaders = unfoldHeaders(sigHeaderEnd < 0 ? '' : sigPart.slice(0, sigHeaderEnd));
  let signature = sigHeaderEnd < 0 ? sigPart : sigPart.slice(sigHeaderEnd).trim();
  if (/base64/i.test(sigHeaders.get('content-transfer-encoding') ?? '')) signature = Buffer.from(signature, 'base64').toString('utf8');
  return { signed, signature };
}

const NOT_SIGNED: SignatureCheck = { status: 'not-signed' };
const SMIME_PROTOCOL = /protocol\s*=\s*"?application\/(x-)?pkcs7-signature/i;
const SMIME_SIGNATURE = /^application\/(x-)?pkcs7-signature$/;
const SMIME_OPAQUE = /^\s*application\/(x-)?pkcs7-mime\b.*smime-type\s*=\s*"?signed-data/i;
// Vakt verifies OpenPGP; an S/MIME signature is named as such rather than called a bad PGP one.
const SMIME_UNVERIFIED: SignatureCheck = { status: 'smime-unverified', detail: 'S/MIME signature, not verified' };

/** mailparser leaves the type out of a part whose headers are broken. */
function typeOf(attachment: Attachment): string {
  return typeof attachment.contentType === 'string' && attachment.contentType
    ? attachment.contentType.toLowerCase()
    : 'application/octet-stream';
}

function isArchive(attachment: Attachment): boolean {
  return ARCHIVE_TYPES.test(typeOf(attachment)) || ARCHIVE_NAMES.test(attachment.filename ?? '');
}

function toAttachment(attachment: Attachment): MailAttachment {
  return {
    filename: storable(attachment.filename ?? 'attachment').slice(0, 255),
    contentType: storable(typeOf(attachment)).slice(0, 255),
    content: attachment.content,
    isArchive: isArchive(attachment),
  };
}

async function parseSafely(raw: Buffer, notes: string[]): Promise<ParsedMail | undefined> {
  try {
    return await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, maxHtmlLengthToParse: 5_000_000 });
  } catch (error) {
    notes.push(`the MIME structure could not be parsed: ${(error as Error).message}`);
    return undefined;
  }
}

interface Content {
  text: string;
  html: string | null;
  attachments: MailAttachment[];
  encryption: EncryptionStatus;
  signature: SignatureCheck;
}

/** The content of an entity, through any PGP layers around it. */
async function contentOf(entity: Buffer, parsed: ParsedMail, options: ParseOptions, notes: string[], depth: number): Promise<Content> {
  const contentType = (header(parsed, 'content-type').split(';')[0] ?? '').trim().toLowerCase();
  const attachments = parsed.attachments;

  if (contentType === 'multipart/encrypted') {
    const payload =
      attachments.find((a) => typeOf(a) === 'application/octet-stream') ??
      attachments.find((a) => typeOf(a) !== 'application/pgp-encrypted');
    if (!payload) {
      notes.push('multipart/encrypted without an encrypted part');
      return {
        text: parsed.text ?? '',
        html: null,
        attachments: attachments.map(toAttachment),
        encryption: 'failed',
        signature: NOT_SIGNED,
      };
    }
    const decrypted = await decryptMessage(
      payload.content.toString('latin1').includes('-----BEGIN PGP MESSAGE-----') ? payload.content.toString('utf8') : payload.content,
      options.teamKey,
      options.lookup,
    );
    if (decrypted.status !== 'decrypted' || !decrypted.data) {
      notes.push(decrypted.detail ?? 'could not decrypt');
      return { text: '', html: null, attachments: attachments.map(toAttachment), encryption: 'failed', signature: NOT_SIGNED };
    }
    const inner = Buffer.from(decrypted.data);
    const innerParsed = await parseSafely(inner, notes);
    if (!innerParsed)
      return { text: inner.toString('utf8'), html: null, attachments: [], encryption: 'decrypted', signature: decrypted.check };
    const content = depth < 2 ? await contentOf(inner, innerParsed, options, notes, depth + 1) : plainContent(innerParsed);
    const signature = decrypted.check.status !== 'not-signed' ? decrypted.check : content.signature;
    return { ...content, encryption: 'decrypted', signature };
  }

  if (contentType === 'multipart/signed' && SMIME_PROTOCOL.test(header(parsed, 'content-type'))) {
    const rest = attachments.filter((a) => !SMIME_SIGNATURE.test(typeOf(a)));
    return { ...plainContent(parsed), attachments: rest.map(toAttachment), signature: SMIME_UNVERIFIED };
  }

  if (SMIME_OPAQUE.test(header(parsed, 'content-type'))) {
    notes.push('S/MIME opaque-signed: the text is inside the signature, kept as the attachment smime.p7m');
    return { ...plainContent(parsed), signature: SMIME_UNVERIFIED };
  }

  if (contentType === 'multipart/signed') {
    const parts = signedParts(entity);
    const rest = attachments.filter((a) => typeOf(a) !== 'application/pgp-signature');
    const signature = parts
      ? await verifyDetached(parts.signed, parts.signature, options.lookup)
      : { status: 'invalid' as const, detail: 'the multipart/signed structure is broken' };
    return { ...plainContent(parsed), attachments: rest.map(toAttachment), signature };
  }

  const content = plainContent(parsed);
  return inlinePgp(content, options, notes);
}

function plainContent(parsed: ParsedMail): Content {
  const html = typeof parsed.html === 'string' && parsed.html ? sanitise(parsed.html) : null;
  return { text: parsed.text ?? '', html, attachments: parsed.attachments.map(toAttachment), encryption: 'none', signature: NOT_SIGNED };
}

const INLINE_ENCRYPTED = /-----BEGIN PGP MESSAGE-----[\s\S]*?-----END PGP MESSAGE-----/;
const INLINE_SIGNED = /-----BEGIN PGP SIGNED MESSAGE-----[\s\S]*?-----END PGP SIGNATURE-----/;

async function inlinePgp(content: Content, options: ParseOptions, notes: string[]): Promise<Content> {
  const encrypted = INLINE_ENCRYPTED.exec(content.text);
  if (encrypted) {
    const decrypted = await decryptMessage(encrypted[0], options.teamKey, options.lookup);
    if (decrypted.status !== 'decrypted' || !decrypted.data) {
      notes.push(decrypted.detail ?? 'could not decrypt');
      return { ...content, encryption: 'failed' };
    }
    const plain = Buffer.from(decrypted.data).toString('utf8');
    const text = content.text.replace(encrypted[0], () => plain);
    const inner = await inlinePgp({ ...content, text }, options, notes);
    return { ...inner, encryption: 'decrypted', signature: decrypted.check.status !== 'not-signed' ? decrypted.check : inner.signature };
  }
  const signed = INLINE_SIGNED.exec(content.text);
  if (signed) {
    const { text, check } = await verifyCleartext(signed[0], options.lookup);
    return { ...content, text: content.text.replace(signed[0], () => text), signature: check };
  }
  return content;
}

/** Forwarded messages (message/rfc822) become part of the text, so their indicators count. */
async function forwardedText(attachments: readonly MailAttachment[], notes: string[], depth: number): Promise<string> {
  if (depth >= MAX_FORWARD_DEPTH) return '';
  let text = '';
  for (const attachment of attachments) {
    if (attachment.contentType.toLowerCase() !== 'message/rfc822') continue;
    const inner = await parseSafely(attachment.content, notes);
    if (!inner) continue;
    const from = addresses(inner.from).join(', ');
    const innerAttachments = inner.attachments.map(toAttachment);
    text += `\n\n---------- Forwarded message ----------\nFrom: ${from}\nDate: ${inner.date?.toISOString() ?? ''}\nSubject: ${inner.subject ?? ''}\n\n${inner.text ?? ''}`;
    text += await forwardedText(innerAttachments, notes, depth + 1);
  }
  return text;
}

function messageIdOf(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, 998) : null;
}

function referencesOf(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? value.split(/\s+/) : [];
  return list
    .map((r) => r.trim())
    .filter(Boolean)
    .slice(0, 100);
}

/** An mbox "From " envelope line is not a header: drop it. */
function withoutEnvelopeLine(raw: Buffer): Buffer {
  if (raw.subarray(0, 5).toString('latin1') !== 'From ') return raw;
  const newline = raw.indexOf('\n');
  return newline < 0 ? raw : raw.subarray(newline + 1);
}

export async function parseMessage(input: Buffer, options: ParseOptions & { ownAddresses?: readonly string[] }): Promise<ParsedMessage> {
  const raw = withoutEnvelopeLine(input);
  const notes: string[] = [];
  const bodyHash = sha256Hex(raw.subarray(headerEnd(raw)));
  const parsed = await parseSafely(raw, notes);
  if (!parsed) {
    return {
      messageId: null,
      inReplyTo: null,
      references: [],
      subject: '(unparseable message)',
      from: null,
      to: [],
      cc: [],
      date: null,
      text: storable(raw.subarray(0, 100_000).toString('utf8')),
      html: null,
      attachments: [],
      loopSignal: null,
      bounce: false,
      encryption: 'none',
      signature: NOT_SIGNED,
      notes,
      bodyHash,
    };
  }
  if (!parsed.headers.has('from') && !parsed.headers.has('subject') && !parsed.headers.has('date'))
    notes.push('no From, Subject or Date header: not a well-formed mail');
  const content = await contentOf(raw, parsed, options, notes, 0);
  const forwarded = await forwardedText(content.attachments, notes, 0);
  const fromValue = parsed.from?.value[0];
  return {
    messageId: messageIdOf(parsed.messageId),
    inReplyTo: messageIdOf(parsed.inReplyTo),
    references: referencesOf(parsed.references),
    subject: storable((parsed.subject ?? '').replace(/[\r\n]+/g, ' ').slice(0, 998)),
    from: fromValue?.address ? { address: storable(fromValue.address.toLowerCase()), name: storable(fromValue.name ?? '') } : null,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    text: storable(content.text + forwarded),
    html: content.html === null ? null : storable(content.html),
    attachments: content.attachments,
    loopSignal: loopSignalOf(parsed, options.ownAddresses),
    bounce: isBounce(parsed),
    encryption: content.encryption,
    signature: content.signature,
    notes,
    bodyHash,
  };
}
