/**
 * Bounces: a delivery report that names one of our outgoing messages (by the Message-ID in the
 * returned headers, or In-Reply-To) marks that message bounced, with the reason the report gives.
 * Notifications show it; the outbox does not try again.
 */
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { Schema } from '../db/schema.js';

const MESSAGE_ID = /^\s*Message-ID:\s*(<[^<>\s]{1,250}>)/gim;
const DIAGNOSTIC = /^\s*Diagnostic-Code:\s*(.{1,300})$/im;
const STATUS = /^\s*Status:\s*(.{1,300})$/im;

/** Returns the ids of the outgoing messages the report bounced. */
export async function recordBounce(trx: Transaction<Schema>, raw: string, inReplyTo: string | null): Promise<string[]> {
  const ids = new Set<string>(inReplyTo ? [inReplyTo] : []);
  for (const match of raw.matchAll(MESSAGE_ID)) ids.add(match[1]!);
  if (ids.size === 0) return [];
  const reason = (DIAGNOSTIC.exec(raw) ?? STATUS.exec(raw))?.[1]?.trim() ?? 'returned as undeliverable';
  const bounced = await trx
    .updateTable('messages')
    .set({ delivery_status: 'bounced', delivery_error: `bounced: ${reason}`.slice(0, 1000), next_attempt_at: null })
    .where('direction', '=', 'out')
    .where('message_id', 'in', [...ids].slice(0, 50))
    .where('delivery_status', 'in', ['sent', 'sending', 'queued'])
    .returning('id')
    .execute();
  for (const row of bounced)
    await appendAudit(trx, { actor: 'system:intake', action: 'mail.bounce', objectType: 'message', objectId: row.id, after: { reason } });
  return bounced.map((r) => r.id);
}
