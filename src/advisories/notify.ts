/**
 * Telling the constituency of a published advisory, and hearing back. The organisations told are
 * all of them, those of a tag, or those whose product inventory names one of the advisory's
 * affected products; each contact gets the mail in their language, with the document attached,
 * signed and, where a key is known, encrypted, at the advisory's label through the egress gate.
 * Each organisation answers through its own link; those that have not answered are reminded once.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { notFound, ValidationError } from '../core/errors.js';
import { formatTlp, type TlpLabel } from '../core/tlp.js';
import type { Language } from '../constituency/schema.js';
import type { Schema } from '../db/schema.js';
import type { Config } from '../config.js';
import type { IntakeSettings } from '../intake/ingest.js';
import { intakeSettings } from '../intake/settings.js';
import { defineJob } from '../jobs/queue.js';
import type { TeamKey } from '../mail/pgp.js';
import { getProfile } from '../profile/service.js';
import { queueMail } from '../mail/outbox.js';
import { decide, resolveRecipient } from '../sharing/egress.js';
import { vulnerabilitiesOf } from './advisories.js';
import { advisoryBody, advisorySubject, type AdvisoryMailText } from './advisory-mail.js';
import { InventoryIndex, productKeyOf, type ProductKey } from './inventory-match.js';
import { parseVersionRange, type VersionRange } from './version-range.js';
import { asList, asRecord } from './json-readers.js';
import { notifiableContacts } from '../constituency/organisations.js';

export const AUDIENCES = ['inventory', 'all', 'tag', 'none'] as const;
export type Audience = { kind: 'inventory' } | { kind: 'all' } | { kind: 'tag'; tag: string } | { kind: 'none' };

export const ANSWERS = ['affected', 'not-affected', 'patched', 'need-help', 'useful'] as const;
export type Answer = (typeof ANSWERS)[number];

/** Statuses that put a product at risk, as CSAF 2.0 section 3.2.3.9 groups them. */
const AT_RISK = ['known_affected', 'first_affected', 'last_affected', 'under_investigation'];

/** The CPE and purl of every product a CSAF document puts at risk, from its product tree. */
export function affectedProductKeys(document: unknown): ProductKey[] {
  const helpers = new Map<string, ProductKey[]>();
  // A product under a version-range branch whose identifier leaves the version open is that range.
  const visit = (node: unknown, range: VersionRange | undefined): void => {
    const n = asRecord(node);
    const within = n.category === 'product_version_range' && typeof n.name === 'string' ? parseVersionRange(n.name) : range;
    const product = asRecord(n.product);
    const id = product.product_id;
    if (typeof id === 'string') {
      const helper = asRecord(product.product_identification_helper);
      const keys = [helper.cpe, helper.purl].flatMap((x) => (typeof x === 'string' ? (productKeyOf(x) ?? []) : []));
      helpers.set(
        id,
        keys.map((key) => (within && key.version == null ? { ...key, range: within } : key)),
      );
    }
    for (const branch of asList(n.branches)) visit(branch, within);
  };
  const tree = asRecord(asRecord(document).product_tree);
  for (const branch of asList(tree.branches)) visit(branch, undefined);
  for (const product of asList(tree.full_product_names)) visit({ product }, undefined);
  // "Component X installed on platform Y" (Red Hat's and SUSE's way) concerns whoever runs either.
  for (const relationship of asList(tree.relationships).map(asRecord)) {
    visit({ product: relationship.full_product_name }, undefined);
    const id = String(asRecord(relationship.full_product_name).product_id ?? '');
    const parts = [relationship.product_reference, relationship.relates_to_product_reference].flatMap(
      (ref) => helpers.get(String(ref)) ?? [],
    );
    helpers.set(id, [...(helpers.get(id) ?? []), ...parts]);
  }
  const keys: ProductKey[] = [];
  for (const v of asList(asRecord(document).vulnerabilities)) {
    const status = asRecord(asRecord(v).product_status);
    for (const group of AT_RISK) for (const id of asList(status[group])) keys.push(...(helpers.get(String(id)) ?? []));
  }
  return keys;
}

export interface NotifyInput {
  /** The published version (advisories.id). */
  documentId: string;
  document: string;
  trackingId: string;
  version: string;
  title: string;
  tlp: TlpLabel;
  documentUrl: string;
  publicUrl: string;
  audience: Audience;
  actor: string;
}

export interface Told {
  organisationId: string;
  organisation: string;
  status: 'queued' | 'withheld';
  reason: string | null;
  matched: string[];
  recipients: string[];
}

/** Queues the mails in TRX, the publication's own transaction: published and told stand or fall together. */
export async function notifyConstituents(trx: Transaction<Schema>, settings: IntakeSettings, input: NotifyInput): Promise<Told[]> {
  if (input.audience.kind === 'none') return [];
  let query = trx.selectFrom('organisations').select(['id', 'name', 'products']).where('kind', '=', 'constituent').orderBy('name');
  if (input.audience.kind === 'tag') query = query.where(sql<boolean>`${input.audience.tag} = any(tags)`);
  if (input.audience.kind === 'inventory') query = query.where(sql<boolean>`cardinality(products) > 0`);
  const organisations = await query.execute();
  const index = new InventoryIndex();
  for (const org of organisations) index.add(org.id, org.products);
  const matches = index.match(affectedProductKeys(JSON.parse(input.document)));
  const told: Told[] = [];
  for (const org of organisations) {
    const matched = input.audience.kind === 'inventory' ? (matches.get(org.id) ?? []) : [];
    if (input.audience.kind === 'inventory' && matched.length === 0) continue;
    told.push(await tellOrganisation(trx, settings, input, org, matched));
  }
  return told;
}

function mailText(
  settings: IntakeSettings,
  input: Omit<NotifyInput, 'audience' | 'actor' | 'documentId' | 'publicUrl'>,
  matched: string[],
  token: string,
  publicUrl: string,
): AdvisoryMailText {
  const parsed = asRecord(JSON.parse(input.document));
  const summary = asList(asRecord(parsed.document).notes)
    .map(asRecord)
    .find((n) => n.category === 'summary')?.text;
  return {
    teamName: settings.teamName,
    shortName: settings.shortName,
    trackingId: input.trackingId,
    version: input.version,
    title: input.title,
    summary: typeof summary === 'string' ? summary : '',
    vulnerabilities: vulnerabilitiesOf(input.document).map(
      (v) =>
        `${v.cve ?? v.title ?? '?'}${v.scores[0] ? ` (CVSS ${v.scores[0].version} ${v.scores[0].baseScore} ${v.scores[0].severity ?? ''})`.replace(' )', ')') : ''}`,
    ),
    matched,
    documentUrl: input.documentUrl,
    feedbackUrl: `${publicUrl}/advisory-feedback/${token}`,
    tlp: formatTlp(input.tlp),
  };
}

/** Tells one organisation, in TRX: the mail to each contact through the gate, and the record with its answer link. */
export async function tellOrganisation(
  trx: Transaction<Schema>,
  settings: IntakeSettings,
  input: NotifyInput,
  org: { id: string; name: string },
  matched: string[],
): Promise<Told> {
  const contacts = await notifiableContacts(trx, org.id);
  const decision = decide(
    { kind: 'advisory', id: input.documentId, tlp: input.tlp },
    await resolveRecipient(trx, { kind: 'organisation', organisationId: org.id }),
  );
  const reason = !decision.allowed
    ? `TLP refuses: ${decision.reason}`
    : contacts.length === 0
      ? `${org.name} has no contact that takes notifications`
      : null;
  const token = randomBytes(24).toString('base64url');
  const recipients: string[] = [];
  if (!reason) {
    const text = mailText(settings, input, matched, token, input.publicUrl);
    for (const contact of contacts) {
      const language = contact.language as Language;
      const queued = await queueMail(trx, settings.sender, {
        to: [contact.email],
        subject: advisorySubject(text, language),
        text: advisoryBody(text, language),
        tlp: input.tlp,
        requireEncryption: input.tlp === 'RED' || input.tlp === 'AMBER+STRICT',
        automatic: true,
        attachments: [
          {
            filename: `${input.trackingId.replace(/[^A-Za-z0-9._-]/g, '_')}.json`,
            contentType: 'application/json',
            content: Buffer.from(input.document),
          },
        ],
        actor: input.actor,
        egress: {
          channel: 'mail:advisory',
          items: [{ kind: 'advisory', id: input.documentId, tlp: input.tlp }],
          recipients: [{ kind: 'address', email: contact.email, organisationId: org.id }],
        },
      });
      if (queued.status === 'queued') recipients.push(contact.email);
    }
  }
  const status = recipients.length > 0 ? 'queued' : 'withheld';
  const why = status === 'withheld' ? (reason ?? 'no contact may receive it') : null;
  await trx
    .insertInto('advisory_recipients')
    .values({
      advisory_id: input.documentId,
      organisation_id: org.id,
      recipients,
      status,
      reason: why,
      feedback_token: token,
      matched,
      document_url: input.documentUrl,
    })
    .execute();
  return { organisationId: org.id, organisation: org.name, status, reason: why, matched, recipients };
}

export interface AnswerTarget {
  recipientId: string;
  organisation: string;
  trackingId: string;
  version: string;
  title: string;
  answers: number;
}

export async function answerTarget(db: Kysely<Schema>, token: string): Promise<AnswerTarget> {
  const row = await db
    .selectFrom('advisory_recipients as r')
    .innerJoin('advisories as a', 'a.id', 'r.advisory_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['r.id', 'o.name', 'a.tracking_id', 'a.version', 'a.title'])
    .select((eb) =>
      eb.selectFrom('advisory_answers').select(eb.fn.countAll<string>().as('n')).whereRef('recipient_id', '=', 'r.id').as('answers'),
    )
    .where('r.feedback_token', '=', token)
    .executeTakeFirst();
  if (!row) throw notFound('this answer link');
  return {
    recipientId: row.id,
    organisation: row.name,
    trackingId: row.tracking_id,
    version: row.version,
    title: row.title,
    answers: Number(row.answers ?? 0),
  };
}

/** At most this many answers per organisation and version: a link passed around cannot flood the figures. */
const MAX_ANSWERS = 20;

export async function answerAdvisory(db: Kysely<Schema>, token: string, verdict: string, comment: string): Promise<AnswerTarget> {
  if (!(ANSWERS as readonly string[]).includes(verdict))
    throw new ValidationError([{ field: 'verdict', reason: `one of ${ANSWERS.join(', ')}` }]);
  if (comment.length > 4000) throw new ValidationError([{ field: 'comment', reason: 'at most 4000 characters' }]);
  const target = await answerTarget(db, token);
  if (target.answers >= MAX_ANSWERS)
    throw new ValidationError([{ field: 'verdict', reason: 'this advisory has received all the answers it takes from you' }]);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('advisory_answers').values({ recipient_id: target.recipientId, verdict, comment: comment.trim() }).execute();
    await appendAudit(trx, {
      actor: 'public:advisory-answer',
      action: 'advisory.answer',
      objectType: 'advisory-recipient',
      objectId: target.recipientId,
      after: { verdict },
    });
  });
  return { ...target, answers: target.answers + 1 };
}

export interface RecipientStatus {
  organisationId: string;
  organisation: string;
  version: string;
  status: string;
  reason: string | null;
  matched: string[];
  recipients: string[];
  mailedAt: string;
  remindedAt: string | null;
  answer: { verdict: Answer; comment: string; at: string } | null;
}

/** Per organisation told of any version of an authored advisory: the newest telling, and its newest answer over all versions. */
export async function recipientsOf(
  db: Kysely<Schema>,
  authoredId: string,
): Promise<{ organisations: RecipientStatus[]; told: number; answered: number; notPatched: number }> {
  const rows = await db
    .selectFrom('advisory_recipients as r')
    .innerJoin('advisories as a', 'a.id', 'r.advisory_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select([
      'r.id',
      'r.organisation_id',
      'o.name',
      'a.version',
      'r.status',
      'r.reason',
      'r.matched',
      'r.recipients',
      'r.mailed_at',
      'r.reminded_at',
    ])
    .where('a.authored_id', '=', authoredId)
    .orderBy('r.mailed_at', 'desc')
    .execute();
  const answers = rows.length
    ? await db
        .selectFrom('advisory_answers')
        .selectAll()
        .where(
          'recipient_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('created_at', 'desc')
        .execute()
    : [];
  const byOrg = new Map<string, RecipientStatus>();
  for (const r of rows) {
    if (byOrg.has(r.organisation_id)) continue;
    const ids = new Set(rows.filter((x) => x.organisation_id === r.organisation_id).map((x) => x.id));
    const latest = answers.find((a) => ids.has(a.recipient_id));
    byOrg.set(r.organisation_id, {
      organisationId: r.organisation_id,
      organisation: r.name,
      version: r.version,
      status: r.status,
      reason: r.reason,
      matched: r.matched,
      recipients: r.recipients,
      mailedAt: new Date(r.mailed_at).toISOString(),
      remindedAt: r.reminded_at ? new Date(r.reminded_at).toISOString() : null,
      answer: latest ? { verdict: latest.verdict as Answer, comment: latest.comment, at: new Date(latest.created_at).toISOString() } : null,
    });
  }
  const organisations = [...byOrg.values()].sort((a, b) => a.organisation.localeCompare(b.organisation));
  const told = organisations.filter((o) => o.status === 'queued');
  const safe = new Set<string>(['patched', 'not-affected']);
  return {
    organisations,
    told: told.length,
    answered: told.filter((o) => o.answer).length,
    notPatched: told.filter((o) => !o.answer || !safe.has(o.answer.verdict)).length,
  };
}

/** Reminds, once, each organisation told at least DAYS ago that has not answered. */
export async function sendAdvisoryReminders(
  db: Kysely<Schema>,
  settings: IntakeSettings,
  publicUrl: string,
  days: number,
  now = new Date(),
): Promise<number> {
  const due = await db
    .selectFrom('advisory_recipients as r')
    .innerJoin('advisories as a', 'a.id', 'r.advisory_id')
    .select([
      'r.id',
      'r.organisation_id',
      'r.matched',
      'r.feedback_token',
      'r.document_url',
      'a.id as document_id',
      'a.document',
      'a.tracking_id',
      'a.version',
      'a.title',
      'a.tlp',
    ])
    .where('r.status', '=', 'queued')
    .where('r.reminded_at', 'is', null)
    .where('r.mailed_at', '<=', new Date(now.getTime() - days * 86_400_000))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('advisory_answers').select('id').whereRef('recipient_id', '=', 'r.id'))))
    .limit(500)
    .execute();
  for (const r of due) {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('advisory_recipients')
        .set({ reminded_at: now })
        .where('id', '=', r.id)
        .where('reminded_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!claimed) return;
      const contacts = await notifiableContacts(trx, r.organisation_id);
      const tlp = r.tlp as TlpLabel;
      const text = mailText(
        settings,
        { document: r.document, trackingId: r.tracking_id, version: r.version, title: r.title, tlp, documentUrl: r.document_url },
        r.matched,
        r.feedback_token,
        publicUrl,
      );
      for (const contact of contacts) {
        const language = contact.language as Language;
        await queueMail(trx, settings.sender, {
          to: [contact.email],
          subject: advisorySubject(text, language, true),
          text: advisoryBody(text, language, true),
          tlp,
          requireEncryption: tlp === 'RED' || tlp === 'AMBER+STRICT',
          automatic: true,
          actor: 'system:advisory-reminders',
          egress: {
            channel: 'mail:advisory',
            items: [{ kind: 'advisory', id: r.document_id, tlp }],
            recipients: [{ kind: 'address', email: contact.email, organisationId: r.organisation_id }],
          },
        });
      }
    });
  }
  return due.length;
}

/** The hourly job: reminders after the profile's `advisories.reminderDays` (7 by default). */
export function advisoryRemindersJob(config: Pick<Config, 'mail' | 'publicUrl'>, teamKey?: TeamKey) {
  return defineJob({
    name: 'advisories.reminders',
    schedule: '17 * * * *',
    options: { retryLimit: 1 },
    async handle(_data, { database }) {
      const profile = (await getProfile(database.db))?.profile;
      const settings = await intakeSettings(database.db, config.mail, teamKey);
      const publicUrl = (profile?.publicUrl ?? config.publicUrl ?? settings.linkBase).replace(/\/+$/, '');
      await sendAdvisoryReminders(database.db, settings, publicUrl, profile?.advisories?.reminderDays ?? 7);
    },
  });
}
