/**
 * Reports that do not come by mail: the API, the constituents' web form, and what an analyst
 * writes down from a phone call, a Signal message or a meeting. Same table, same indicators,
 * same TLP rules as mail.
 */
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { findTlp, labelOrDefault, type TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { extractIndicators } from './indicators.js';

/** The word in a subject that flags a report and forces encrypted replies. */
export const SENSITIVE = /\bSENSITIVE\b/i;

type ReportChannel = 'email' | 'api' | 'web-form' | 'phone' | 'signal' | 'meeting' | 'other';

export interface NewReport {
  channel: Exclude<ReportChannel, 'email'>;
  subject: string;
  body: string;
  reporterName?: string;
  reporterEmail?: string | null;
  organisationId?: string | null;
  /** A label chosen explicitly; otherwise the one stated in the text, else the team default. */
  tlp?: TlpLabel;
  /** When the call or meeting happened; default now. */
  receivedAt?: Date;
}

/**
 * When a report's clocks start: when it was reported, if the mail says so and that is earlier
 * than its arrival (an archive imported today was reported long ago), else when it arrived.
 */
export function reportClockStart(report: { received_at: Date | string; reported_at: Date | string | null }): Date {
  const received = new Date(report.received_at);
  const reported = report.reported_at ? new Date(report.reported_at) : received;
  return reported < received ? reported : received;
}

/** The indicators in a report's text, stored for triage suggestions and the retro-hunt. */
export async function storeIndicators(trx: Transaction<Schema>, reportId: string, text: string): Promise<void> {
  const indicators = extractIndicators(text);
  for (let i = 0; i < indicators.length; i += 500) {
    await trx
      .insertInto('report_indicators')
      .values(indicators.slice(i, i + 500).map((x) => ({ report_id: reportId, kind: x.kind, value: x.value })))
      .execute();
  }
}

export async function createReport(db: Kysely<Schema>, actor: string, input: NewReport, defaultTlp: TlpLabel): Promise<string> {
  const stated = [input.subject, input.body].some((t) => findTlp(t).kind === 'label');
  const tlp = input.tlp ?? labelOrDefault([input.subject, input.body], defaultTlp);
  return db.transaction().execute(async (trx) => {
    const report = await trx
      .insertInto('reports')
      .values({
        channel: input.channel,
        subject: input.subject,
        body: input.body,
        reporter_name: input.reporterName ?? '',
        reporter_email: input.reporterEmail?.toLowerCase() ?? null,
        organisation_id: input.organisationId ?? null,
        tlp,
        tlp_source: input.tlp ? 'set' : stated ? 'stated' : 'default',
        sensitive: SENSITIVE.test(input.subject),
        received_at: input.receivedAt ?? new Date(),
        created_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await storeIndicators(trx, report.id, `${input.subject}\n${input.body}`);
    await appendAudit(trx, {
      actor,
      action: 'report.create',
      objectType: 'report',
      objectId: report.id,
      after: { channel: input.channel, subject: input.subject, tlp },
    });
    return report.id;
  });
}
