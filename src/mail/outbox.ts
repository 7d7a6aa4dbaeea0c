/**
 * Outgoing mail goes through an outbox in the database: a message is composed (signed or
 * encrypted) and stored in the same transaction as the change that sends it, then delivered by
 * `deliverQueued` with retries and back-off. The stored bytes are what was sent; a crash between
 * the SMTP server's acceptance and the bookkeeping resends the same bytes with the same
 * Message-ID, which receivers de-duplicate.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import nodemailer from 'nodemailer';
import { appendAudit } from '../audit/audit-log.js';
import { getBlob, putBlob } from '../db/blobs.js';
import type { Schema } from '../db/schema.js';
import type { TlpLabel } from '../core/tlp.js';
import { egress, refusal, type EgressChannel, type EgressItem, type EgressRecipient } from '../sharing/egress.js';
import { composeMail, type OutgoingAttachment } from './compose.js';
import { encryptionKeysFor } from './keys.js';
import type { TeamKey } from './pgp.js';

export interface Sender {
  from: string;
  teamKey?: TeamKey;
}

export interface QueueMailInput {
  reportId?: string | null;
  incidentId?: string | null;
  to: readonly string[];
  cc?: readonly string[];
  subject: string;
  text: string;
  inReplyTo?: string | null;
  references?: readonly string[];
  tlp: TlpLabel;
  /** SENSITIVE reports and TLP:RED/AMBER+STRICT items: no key, no mail. */
  requireEncryption: boolean;
  /** An acknowledgement or other mail Vakt sends by itself. */
  automatic?: boolean;
  attachments?: readonly OutgoingAttachment[];
  actor: string;
  /**
   * What the mail carries and why it goes: the egress gate decides for every recipient (by
   * default each address in to and cc), and a mail anyone may not receive is not sent.
   */
  egress: { channel: EgressChannel; items: readonly EgressItem[]; recipients?: readonly EgressRecipient[] };
}

export interface QueuedMail {
  id: string;
  messageId: string;
  status: 'queued' | 'suppressed';
  reason?: string;
}

const MAX_ATTEMPTS = 8;

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1) || 'vakt.invalid';
}

/** What the gate refuses of this mail, one line per refusal; empty when everyone may receive it. */
async function refusals(trx: Transaction<Schema>, input: QueueMailInput, addresses: readonly string[]): Promise<string[]> {
  const audience = input.egress.recipients ?? addresses.map((email): EgressRecipient => ({ kind: 'address', email }));
  const lines: string[] = [];
  for (const recipient of audience) {
    const decisions = await egress(trx, { channel: input.egress.channel, recipient, items: input.egress.items, actor: input.actor });
    decisions.forEach((d, i) => d.allowed || lines.push(refusal(input.egress.items[i]!, d)));
  }
  return lines;
}

export async function queueMail(trx: Transaction<Schema>, sender: Sender, input: QueueMailInput): Promise<QueuedMail> {
  const recipients = [...input.to, ...(input.cc ?? [])];
  const refused = await refusals(trx, input, recipients);
  const keys = await encryptionKeysFor(trx, recipients);
  const missing = recipients.filter((r) => !keys.has(r.toLowerCase()));
  const encrypt = Boolean(sender.teamKey) && missing.length === 0 && recipients.length > 0;
  const messageId = `<${randomUUID()}@${domainOf(sender.from)}>`;
  let status: QueuedMail['status'] = 'queued';
  let reason: string | undefined;
  if (refused.length > 0) {
    status = 'suppressed';
    reason = `TLP refuses: ${refused.join('; ')}`;
  } else if (input.requireEncryption && !encrypt) {
    status = 'suppressed';
    reason = sender.teamKey
      ? `encryption is required and there is no key for ${missing.join(', ')}`
      : 'encryption is required and no team key is configured';
  }
  const { raw, applied } = await composeMail(
    {
      from: sender.from,
      to: input.to,
      ...(input.cc ? { cc: input.cc } : {}),
      subject: input.subject,
      text: input.text,
      messageId,
      inReplyTo: input.inReplyTo ?? null,
      references: input.references ?? [],
      ...(input.attachments ? { attachments: input.attachments } : {}),
      headers: input.automatic ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } : {},
    },
    { ...(sender.teamKey ? { teamKey: sender.teamKey } : {}), ...(encrypt ? { encryptTo: [...keys.values()] } : {}) },
  );
  const rawSha = await putBlob(trx, raw);
  const row = await trx
    .insertInto('messages')
    .values({
      direction: 'out',
      report_id: input.reportId ?? null,
      incident_id: input.incidentId ?? null,
      message_id: messageId,
      in_reply_to: input.inReplyTo ?? null,
      references: [...(input.references ?? [])],
      subject: input.subject,
      from_address: sender.from,
      to_addresses: [...input.to],
      cc_addresses: [...(input.cc ?? [])],
      body_text: input.text,
      raw_sha256: rawSha,
      raw_size: raw.length,
      pgp_encryption: applied === 'encrypted' ? 'encrypted' : 'none',
      pgp_signature: applied === 'none' ? 'not-signed' : 'signed',
      tlp: input.tlp,
      delivery_status: status,
      delivery_error: reason ?? null,
      next_attempt_at: status === 'queued' ? new Date() : null,
      automatic: input.automatic ?? false,
      created_by: input.actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, {
    actor: input.actor,
    action: status === 'queued' ? 'mail.queue' : 'mail.suppress',
    objectType: 'message',
    objectId: row.id,
    after: {
      to: recipients,
      subject: input.subject,
      protection: applied,
      tlp: input.tlp,
      reportId: input.reportId ?? null,
      incidentId: input.incidentId ?? null,
      reason: reason ?? null,
    },
  });
  return { id: row.id, messageId, status, ...(reason ? { reason } : {}) };
}

export interface Transport {
  send(envelope: { from: string; to: string[] }, raw: Buffer): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): Transport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(envelope, raw) {
      await transporter.sendMail({ envelope, raw });
    },
    close: () => transporter.close(),
  };
}

/** 5xx replies are permanent: no point in trying again. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** A claim older than this belongs to a sender that died. */
const CLAIM_TIMEOUT_MS = 10 * 60_000;

export interface DeliveryReport {
  sent: number;
  failed: number;
  retrying: number;
}

/** Sends what is due. Several workers may run this at once: each message is claimed by one. */
export async function deliverQueued(db: Kysely<Schema>, transport: Transport, now = () => new Date()): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, retrying: 0 };
  for (;;) {
    const claimed = await db.transaction().execute(async (trx) => {
      const due = await sql<{ id: string }>`
        select id from messages
        where direction = 'out' and (
          (delivery_status = 'queued' and next_attempt_at <= ${now()})
          or (delivery_status = 'sending' and claimed_at < ${new Date(now().getTime() - CLAIM_TIMEOUT_MS)}))
        order by next_attempt_at limit 1 for update skip locked`.execute(trx);
      const id = due.rows[0]?.id;
      if (!id) return undefined;
      return trx
        .updateTable('messages')
        .set({ delivery_status: 'sending', claimed_at: now(), delivery_attempts: sql`delivery_attempts + 1` })
        .where('id', '=', id)
        .returning(['id', 'from_address', 'to_addresses', 'cc_addresses', 'raw_sha256', 'delivery_attempts'])
        .executeTakeFirstOrThrow();
    });
    if (!claimed) return report;
    const raw = claimed.raw_sha256 ? await getBlob(db, claimed.raw_sha256) : undefined;
    try {
      if (!raw) throw new Error('the composed message is missing');
      await transport.send({ from: claimed.from_address, to: [...claimed.to_addresses, ...claimed.cc_addresses] }, raw);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('messages')
          .set({ delivery_status: 'sent', sent_at: now(), delivery_error: null, next_attempt_at: null })
          .where('id', '=', claimed.id)
          .execute();
        await appendAudit(trx, { actor: 'system:outbox', action: 'mail.send', objectType: 'message', objectId: claimed.id });
      });
      report.sent++;
    } catch (error) {
      const message = (error as Error).message.slice(0, 1000);
      const final = isPermanent(error) || claimed.delivery_attempts >= MAX_ATTEMPTS;
      const delayMs = 2 ** claimed.delivery_attempts * 60_000;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('messages')
          .set({
            delivery_status: final ? 'failed' : 'queued',
            delivery_error: message,
            next_attempt_at: final ? null : new Date(now().getTime() + delayMs),
          })
          .where('id', '=', claimed.id)
          .execute();
        if (final)
          await appendAudit(trx, {
            actor: 'system:outbox',
            action: 'mail.fail',
            objectType: 'message',
            objectId: claimed.id,
            after: { error: message },
          });
      });
      if (final) report.failed++;
      else report.retrying++;
    }
  }
}
