/**
 * A data-subject request: everything Vakt holds about one e-mail address, in one JSON document —
 * the user account, constituency contacts, reports sent, mail from, to or copied to it,
 * incident participation, notifications addressed to it, the audit entries it acted in, and
 * where the team's own writing about incidents (notes, tasks, timeline, observables…) names it.
 * Data-subject requests are rare and must be complete, so each section is a plain scan rather
 * than an index kept for them; raw mail stays out (the messages carry what was said).
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { INCIDENT_TEXT, incidentColumn, type IncidentTextTable } from './incident-content.js';

export interface SubjectExport {
  email: string;
  exportedAt: string;
  counts: Record<string, number>;
  users: unknown[];
  contacts: unknown[];
  reports: unknown[];
  messages: unknown[];
  participations: unknown[];
  notifications: unknown[];
  auditEntries: unknown[];
  mentions: Array<{ table: string; id: string; incidentId: string; text: Record<string, string> }>;
}

/** At most this many rows per section: a request about a mailing list would otherwise be unbounded. */
const LIMIT = 10_000;

export async function exportSubject(db: Kysely<Schema>, address: string, now = new Date()): Promise<SubjectExport> {
  const email = address.trim().toLowerCase();
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'organisation_id', 'language', 'disabled_at', 'created_at'])
    .where(sql`lower(email)`, '=', email)
    .execute();
  const contacts = await db
    .selectFrom('org_contacts')
    .innerJoin('organisations', 'organisations.id', 'org_contacts.organisation_id')
    .select([
      'org_contacts.id',
      'organisations.name as organisation',
      'role',
      'org_contacts.name',
      'email',
      'phone',
      'pgp_fingerprint',
      'language',
      'notify',
    ])
    .where(sql`lower(email)`, '=', email)
    .limit(LIMIT)
    .execute();
  const reports = await db
    .selectFrom('reports')
    .select(['id', 'channel', 'status', 'subject', 'body', 'reporter_name', 'reporter_email', 'tlp', 'received_at', 'incident_id'])
    .where(sql`lower(reporter_email)`, '=', email)
    .orderBy('id')
    .limit(LIMIT)
    .execute();
  const messages = await db
    .selectFrom('messages')
    .select([
      'id',
      'direction',
      'report_id',
      'incident_id',
      'subject',
      'from_address',
      'to_addresses',
      'cc_addresses',
      'sent_at',
      'body_text',
      'tlp',
      'created_at',
    ])
    .where((eb) =>
      eb.or([
        eb(sql`lower(from_address)`, '=', email),
        eb(sql`${email}`, '=', sql`any(to_addresses)`),
        eb(sql`${email}`, '=', sql`any(cc_addresses)`),
      ]),
    )
    .orderBy('created_at')
    .limit(LIMIT)
    .execute();
  const participations = await db
    .selectFrom('incident_participants')
    .select(['id', 'incident_id', 'name', 'email', 'role', 'added_at', 'removed_at'])
    .where(sql`lower(email)`, '=', email)
    .limit(LIMIT)
    .execute();
  const notifications = await db
    .selectFrom('notifications')
    .select(['id', 'organisation_id', 'feed_id', 'period_start', 'period_end', 'event_count', 'tlp', 'recipients', 'status', 'created_at'])
    .where(sql`${email}`, '=', sql`any(recipients)`)
    .limit(LIMIT)
    .execute();
  const userIds = users.map((u) => `user:${u.id}`);
  const auditEntries = userIds.length
    ? await db
        .selectFrom('audit_log')
        .select(['seq', 'at', 'actor', 'action', 'object_type', 'object_id', 'before', 'after'])
        .where('actor', 'in', userIds)
        .orderBy('seq')
        .limit(LIMIT)
        .execute()
    : [];
  const sections = {
    users,
    contacts,
    reports,
    messages,
    participations,
    notifications,
    auditEntries,
    mentions: await mentionsOf(db, email),
  };
  return {
    email,
    exportedAt: now.toISOString(),
    counts: Object.fromEntries(Object.entries(sections).map(([name, rows]) => [name, rows.length])),
    ...sections,
  };
}

/** The rows of the incidents' own writing whose text contains EMAIL, with the columns that hold text. */
async function mentionsOf(db: Kysely<Schema>, email: string): Promise<SubjectExport['mentions']> {
  const mentions: SubjectExport['mentions'] = [];
  for (const [table, columns] of Object.entries(INCIDENT_TEXT) as [IncidentTextTable, readonly string[]][]) {
    // Table and column names come from INCIDENT_TEXT, not from the request; the address is a parameter.
    const rows = (await db
      .selectFrom(table)
      .select([
        sql<string>`id::text`.as('id'),
        sql<string>`${sql.ref(incidentColumn(table))}::text`.as('incident_id'),
        ...(columns as never[]),
      ])
      .where((eb) => eb.or(columns.map((c) => eb(sql`strpos(lower(${sql.ref(c)}), ${email})`, '>', 0))))
      .limit(LIMIT)
      .execute()) as unknown as Array<Record<string, string>>;
    for (const { id, incident_id, ...text } of rows) mentions.push({ table, id: id!, incidentId: incident_id!, text });
  }
  return mentions;
}
