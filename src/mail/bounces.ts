/**
 * What the world says back about the mail we sent: a delivery status notification that names one
 * of our outgoing messages marks it bounced (a failure) or delayed (a 4.x.x that may still be
 * delivered); a feedback report (ARF) about it marks it complained about — it was delivered, and
 * the recipient called it unwanted. Notifications show each; the outbox does not try again.
 */
import type { Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { Schema } from '../db/schema.js';
import type { DeliveryReport, FeedbackReport } from '../intake/machine-reports.js';

export type DeliveryNotice = { outcome: 'failed' | 'delayed' | 'complained' | 'other'; reason: string; messageIds: string[] };

export interface NoticedMessage {
  id: string;
  report_id: string | null;
  incident_id: string | null;
}

const MESSAGE_ID = /^\s*Message-ID:\s*(<[^<>\s]{1,250}>)/gim;

/** From what changes to what, and its audit action: a failure overrides a delay, a complaint only follows delivery. */
const TRANSITIONS = {
  failed: { to: 'bounced', from: ['queued', 'sending', 'sent', 'delayed'], audit: 'mail.bounce' },
  delayed: { to: 'delayed', from: ['sending', 'sent'], audit: 'mail.delay' },
  complained: { to: 'complained', from: ['sent', 'delayed'], audit: 'mail.complaint' },
} as const;

export function deliveryNotice(report: DeliveryReport, inReplyTo: string | null): DeliveryNotice {
  const worst = report.recipients.filter((r) => r.action === report.outcome);
  const reason = worst.map((r) => r.diagnostic ?? r.status).find(Boolean) ?? 'returned as undeliverable';
  const outcome = report.outcome === 'failed' || report.outcome === 'delayed' ? report.outcome : 'other';
  return { outcome, reason, messageIds: [report.returned?.messageId, inReplyTo].filter((v): v is string => Boolean(v)) };
}

export function complaintNotice(report: FeedbackReport): DeliveryNotice {
  return {
    outcome: 'complained',
    reason: `${report.feedbackType} reported by ${report.userAgent ?? 'an unnamed agent'}`,
    messageIds: report.returned?.messageId ? [report.returned.messageId] : [],
  };
}

/** A bounce that is no DSN (a plain-text mailer-daemon message): every Message-ID line it quotes. */
export function plainBounceNotice(raw: string, inReplyTo: string | null): DeliveryNotice {
  const ids = new Set<string>(inReplyTo ? [inReplyTo] : []);
  for (const match of raw.matchAll(MESSAGE_ID)) ids.add(match[1]!);
  const reason = /^\s*Diagnostic-Code:\s*(.{1,300})$/im.exec(raw)?.[1]?.trim() ?? 'returned as undeliverable';
  return { outcome: 'failed', reason, messageIds: [...ids] };
}

/** Our outgoing messages the notice names, after recording on them what it says. */
export async function applyDeliveryNotice(trx: Transaction<Schema>, notice: DeliveryNotice): Promise<NoticedMessage[]> {
  const ids = notice.messageIds.slice(0, 50);
  if (ids.length === 0) return [];
  const ours = await trx
    .selectFrom('messages')
    .select(['id', 'report_id', 'incident_id'])
    .where('direction', '=', 'out')
    .where('message_id', 'in', ids)
    .execute();
  if (ours.length === 0 || notice.outcome === 'other') return ours;
  const change = TRANSITIONS[notice.outcome];
  const changed = await trx
    .updateTable('messages')
    .set({ delivery_status: change.to, delivery_error: `${change.to}: ${notice.reason}`.slice(0, 1000), next_attempt_at: null })
    .where(
      'id',
      'in',
      ours.map((m) => m.id),
    )
    .where('delivery_status', 'in', [...change.from])
    .returning('id')
    .execute();
  for (const row of changed)
    await appendAudit(trx, {
      actor: 'system:intake',
      action: change.audit,
      objectType: 'message',
      objectId: row.id,
      after: { reason: notice.reason },
    });
  return ours;
}
