/**
 * The constituent portal: the reports of the user's own organisation and where each stands, the
 * conversation with the team about it, and replies that go into the report's thread as mail in.
 * Everything shown passes the egress gate (a report's reporter is a named individual, so TLP:RED
 * goes back to the person who sent it and nobody else); a report the gate refuses does not exist.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { Principal } from '../auth/roles.js';
import { VaktError, notFound } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { timeline } from '../incidents/timeline.js';
import { egress } from '../sharing/egress.js';

/** Where a report stands, in words a constituent understands. */
const STANDING: Record<string, string> = {
  new: 'received, waiting for triage',
  incident: 'being handled as an incident',
  'not-incident': 'looked at: not an incident',
  merged: 'handled together with another report',
};

const COLUMNS = ['id', 'subject', 'channel', 'status', 'tlp', 'reporter_name', 'reporter_email', 'received_at', 'acknowledged_at'] as const;

type Row = {
  id: string;
  subject: string;
  channel: string;
  status: string;
  tlp: string;
  reporter_name: string;
  reporter_email: string | null;
  received_at: Date;
  acknowledged_at: Date | null;
};

async function released<T extends { id: string; tlp: string; named: string[] }>(
  db: Kysely<Schema>,
  who: Principal,
  kind: 'report' | 'message',
  rows: T[],
): Promise<T[]> {
  const decisions = await egress(db, {
    channel: 'api',
    recipient: { kind: 'user', userId: who.userId },
    items: rows.map((r) => ({ kind, id: r.id, tlp: r.tlp as TlpLabel, namedIndividuals: r.named })),
    actor: `user:${who.userId}`,
  });
  return rows.filter((_, i) => decisions[i]!.allowed);
}

/** A report as the gate sees it: its reporter is the named individual a TLP:RED report may go back to. */
const withReporter = <T extends { reporter_email: string | null }>(r: T) => ({ ...r, named: r.reporter_email ? [r.reporter_email] : [] });

const summary = (r: Row) => ({
  id: r.id,
  subject: r.subject,
  channel: r.channel,
  status: r.status,
  standing: STANDING[r.status] ?? r.status,
  tlp: r.tlp,
  reporterName: r.reporter_name,
  receivedAt: r.received_at.toISOString(),
  acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
});

/**
 * The organisation's reports, newest first, paged by report number. What the gate withholds is
 * skipped, so a page is read on until it is full or the reports run out.
 */
export async function organisationReports(db: Kysely<Schema>, who: Principal, opts: { before?: string; limit: number }) {
  const organisationId = who.organisationId;
  if (!organisationId) return [];
  const shown: Row[] = [];
  let before = opts.before;
  for (;;) {
    let query = db
      .selectFrom('reports')
      .select(COLUMNS)
      .where('organisation_id', '=', organisationId)
      .orderBy('id', 'desc')
      .limit(opts.limit);
    if (before) query = query.where('id', '<', before);
    const rows = (await query.execute()) as Row[];
    const admitted = await released(db, who, 'report', rows.map(withReporter));
    shown.push(...admitted.slice(0, opts.limit - shown.length));
    if (rows.length < opts.limit || shown.length >= opts.limit) return shown.map(summary);
    before = rows.at(-1)!.id;
  }
}

async function ownReport(db: Kysely<Schema>, who: Principal, id: string) {
  const row = who.organisationId
    ? ((await db
        .selectFrom('reports')
        .select([...COLUMNS, 'body', 'incident_id'])
        .where('id', '=', id)
        .where('organisation_id', '=', who.organisationId)
        .executeTakeFirst()) as (Row & { body: string; incident_id: string | null }) | undefined)
    : undefined;
  const [shown] = row ? await released(db, who, 'report', [withReporter(row)]) : [];
  if (!shown) throw notFound(`report #${id}`);
  return shown;
}

/** One report of the organisation and the mail between its people and the team about it. */
export async function organisationReport(db: Kysely<Schema>, who: Principal, id: string) {
  const report = await ownReport(db, who, id);
  const messages = await db
    .selectFrom('messages')
    .select(['id', 'direction', 'subject', 'from_address', 'to_addresses', 'created_at', 'body_text', 'tlp', 'automatic'])
    .where('report_id', '=', id)
    .orderBy('created_at')
    .execute();
  const own = await organisationAddresses(db, who);
  // The conversation with the organisation: what its people sent, and what the team sent them.
  const theirs = messages.filter((m) =>
    m.direction === 'in' ? own.has(m.from_address.toLowerCase()) : m.to_addresses.some((a) => own.has(a.toLowerCase())),
  );
  const shown = await released(
    db,
    who,
    'message',
    theirs.map((m) => ({ ...m, named: [m.from_address, ...m.to_addresses] })),
  );
  const feedback = await db
    .selectFrom('report_feedback')
    .select(['rating', 'comment'])
    .where('report_id', '=', id)
    .where('user_id', '=', who.userId)
    .executeTakeFirst();
  return {
    ...summary(report),
    body: report.body,
    feedback: feedback ?? null,
    messages: shown.map((m) => ({
      id: m.id,
      direction: m.direction,
      subject: m.subject,
      from: m.from_address,
      at: m.created_at.toISOString(),
      text: m.body_text,
      tlp: m.tlp,
      automatic: m.automatic,
    })),
  };
}

/** The addresses of the organisation's people: its accounts and its constituency contacts. */
async function organisationAddresses(db: Kysely<Schema>, who: Principal): Promise<Set<string>> {
  if (!who.organisationId) return new Set();
  const [users, contacts] = await Promise.all([
    db.selectFrom('users').select('email').where('organisation_id', '=', who.organisationId).execute(),
    db.selectFrom('org_contacts').select('email').where('organisation_id', '=', who.organisationId).execute(),
  ]);
  return new Set([...users, ...contacts].map((r) => r.email.toLowerCase()));
}

/** A reply from the portal joins the report's thread as mail in from the user, and the incident's if there is one. */
export async function replyToOwnReport(db: Kysely<Schema>, who: Principal, id: string, text: string): Promise<string> {
  const report = await ownReport(db, who, id);
  const actor = `user:${who.userId}`;
  return db.transaction().execute(async (trx) => {
    const message = await trx
      .insertInto('messages')
      .values({
        direction: 'in',
        report_id: id,
        incident_id: report.incident_id,
        subject: `Re: ${report.subject}`.slice(0, 1000),
        from_address: who.email,
        to_addresses: [],
        body_text: text,
        tlp: report.tlp,
        created_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (report.incident_id)
      await timeline(trx, report.incident_id, 'communication', `Reply from ${who.name} on report #${id} (portal)`, actor, report.tlp);
    await appendAudit(trx, { actor, action: 'report.reply', objectType: 'report', objectId: id, after: { messageId: message.id } });
    return message.id;
  });
}

/**
 * What the user thought of how the team handled the report, once it was (triaged): one answer
 * per person, changed by answering again. The team sees it on the report.
 */
export async function giveFeedback(
  db: Kysely<Schema>,
  who: Principal,
  id: string,
  input: { rating: number; comment?: string },
): Promise<void> {
  const report = await ownReport(db, who, id);
  if (report.status === 'new')
    throw new VaktError('conflict', 'the team has not looked at this report yet: feedback can follow once it has');
  await db.transaction().execute(async (trx) => {
    const values = { rating: input.rating, comment: input.comment ?? '', given_at: new Date() };
    await trx
      .insertInto('report_feedback')
      .values({ report_id: id, user_id: who.userId, ...values })
      .onConflict((oc) => oc.columns(['report_id', 'user_id']).doUpdateSet(values))
      .execute();
    await appendAudit(trx, { actor: `user:${who.userId}`, action: 'report.feedback', objectType: 'report', objectId: id, after: input });
  });
}
