/**
 * Advisories received or imported in CSAF 2.0: validated, then kept whole — the document exactly as
 * it came, unknown fields and all — with what Vakt reads from it. A publisher's tracking id and
 * version name one document for ever: the same bytes again change nothing, other bytes under the
 * same version are refused.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { beforeCursor, cursorTime } from '../core/cursor.js';
import { ValidationError, VaktError, notFound } from '../core/errors.js';
import { unlabelledTlpOf, type TlpLabel } from '../core/tlp.js';
import type { AdvisoriesTable, Schema } from '../db/schema.js';
import { getProfile } from '../profile/service.js';
import { readCsaf, testCsaf, type CsafFinding, type CsafLimits } from './validate-csaf.js';
import { asList, asRecord, asText } from './json-readers.js';

/** CSAF 2.0 knows TLP 1.0's four labels; WHITE is TLP 2.0's CLEAR. */
const FROM_CSAF_TLP: Record<string, TlpLabel> = { WHITE: 'CLEAR', GREEN: 'GREEN', AMBER: 'AMBER', RED: 'RED' };

export interface AdvisorySummary {
  id: string;
  publisherNamespace: string;
  trackingId: string;
  version: string;
  title: string;
  category: string;
  status: string;
  /** The label the document carries (CSAF 2.0: WHITE, GREEN, AMBER, RED), if any. */
  csafTlp: string | null;
  /** As Vakt handles it: TLP 2.0; an unlabelled document takes the team's default for unlabelled information. */
  tlp: TlpLabel;
  currentReleaseDate: string;
  sha256: string;
  valid: boolean;
  source: string;
  importedAt: string;
}

export interface Advisory extends AdvisorySummary {
  findings: CsafFinding[];
}

/** What a vulnerability of the document says, read as it is written (scores as given, not recomputed). */
export interface VulnerabilitySummary {
  cve: string | null;
  title: string | null;
  cwe: string | null;
  scores: Array<{ version: string; baseScore: number; severity: string | null; vector: string }>;
  /** Product ids per status (known_affected, fixed, …): how many. */
  productStatus: Record<string, number>;
}

export interface ImportOutcome {
  advisory: Advisory;
  /** False when the same document was there already. */
  created: boolean;
}

/** What names the document and files it. */
type Identity = Pick<
  AdvisorySummary,
  'publisherNamespace' | 'trackingId' | 'version' | 'title' | 'category' | 'status' | 'csafTlp' | 'currentReleaseDate'
>;

/** What names the document and files it: without these it cannot be kept, whatever else is wrong. */
function identityOf(parsed: Record<string, unknown>): Identity {
  const doc = asRecord(parsed.document);
  const tracking = asRecord(doc.tracking);
  const fields = {
    'document.publisher.namespace': asText(asRecord(doc.publisher).namespace),
    'document.tracking.id': asText(tracking.id),
    'document.tracking.version': asText(tracking.version),
    'document.title': asText(doc.title),
    'document.category': asText(doc.category),
    'document.tracking.status': asText(tracking.status),
    'document.tracking.current_release_date': asText(tracking.current_release_date),
  };
  const missing = Object.entries(fields).filter(([, value]) => !value?.trim());
  if (missing.length > 0) throw new ValidationError(missing.map(([field]) => ({ field, reason: 'is required' })));
  const released = Date.parse(fields['document.tracking.current_release_date']!);
  if (Number.isNaN(released))
    throw new ValidationError([{ field: 'document.tracking.current_release_date', reason: 'is not a date and time' }]);
  return {
    publisherNamespace: fields['document.publisher.namespace']!,
    trackingId: fields['document.tracking.id']!,
    version: fields['document.tracking.version']!,
    title: fields['document.title']!,
    category: fields['document.category']!,
    status: fields['document.tracking.status']!,
    csafTlp: asText(asRecord(asRecord(doc.distribution).tlp).label),
    currentReleaseDate: new Date(released).toISOString(),
  };
}

/** Validates TEXT as CSAF 2.0 and keeps it; an invalid document is kept too, marked so, with its findings. */
export async function importAdvisory(
  db: Kysely<Schema>,
  actor: string,
  text: string,
  options: { source: string; limits?: CsafLimits },
): Promise<ImportOutcome> {
  const identity = identityOf(readCsaf(text, options.limits));
  if (identity.csafTlp !== null && !FROM_CSAF_TLP[identity.csafTlp])
    throw new ValidationError([{ field: 'document.distribution.tlp.label', reason: 'must be one of: WHITE, GREEN, AMBER, RED' }]);
  const tlp = identity.csafTlp ? FROM_CSAF_TLP[identity.csafTlp]! : unlabelledTlpOf((await getProfile(db))?.profile);
  const validation = await testCsaf(text, options.limits);
  const sha256 = createHash('sha256').update(text).digest('hex');
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('advisories')
      .selectAll()
      .where('publisher_namespace', '=', identity.publisherNamespace)
      .where('tracking_id', '=', identity.trackingId)
      .where('version', '=', identity.version)
      .executeTakeFirst();
    if (existing) {
      if (existing.sha256 !== sha256)
        throw new VaktError(
          'conflict',
          `${identity.trackingId} version ${identity.version} is already here with other content; a published version never changes`,
        );
      return { advisory: toAdvisory(existing), created: false };
    }
    const row = await trx
      .insertInto('advisories')
      .values({
        publisher_namespace: identity.publisherNamespace,
        tracking_id: identity.trackingId,
        version: identity.version,
        title: identity.title,
        category: identity.category,
        status: identity.status,
        csaf_tlp: identity.csafTlp,
        tlp,
        current_release_date: identity.currentReleaseDate,
        document: text,
        sha256,
        valid: validation.valid,
        findings: JSON.stringify(validation.findings),
        source: options.source,
        imported_by: actor,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: 'advisory.import',
      objectType: 'advisory',
      objectId: row.id,
      after: { trackingId: identity.trackingId, version: identity.version, sha256, valid: validation.valid, source: options.source },
    });
    return { advisory: toAdvisory(row), created: true };
  });
}

type Row = Selectable<AdvisoriesTable>;

function toSummary(row: Row): AdvisorySummary {
  return {
    id: row.id,
    publisherNamespace: row.publisher_namespace,
    trackingId: row.tracking_id,
    version: row.version,
    title: row.title,
    category: row.category,
    status: row.status,
    csafTlp: row.csaf_tlp,
    tlp: row.tlp as TlpLabel,
    currentReleaseDate: new Date(row.current_release_date).toISOString(),
    sha256: row.sha256,
    valid: row.valid,
    source: row.source,
    importedAt: new Date(row.imported_at).toISOString(),
  };
}

function toAdvisory(row: Row): Advisory {
  return { ...toSummary(row), findings: row.findings as CsafFinding[] };
}

/** Newest release first, a page at a time ("<time>,<id>" of the last row seen, as the other time-ordered lists). */
export async function pageAdvisories(
  db: Kysely<Schema>,
  filter: { before?: string; limit: number },
): Promise<{ advisories: AdvisorySummary[]; next: string | null }> {
  let query = db
    .selectFrom('advisories')
    .selectAll()
    .select(cursorTime('current_release_date').as('cursor_at'))
    .orderBy('current_release_date', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  if (filter.before) query = query.where(beforeCursor(filter.before, 'current_release_date', 'id', 'uuid'));
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { advisories: page.map(toSummary), next: rows.length > filter.limit && last ? `${last.cursor_at},${last.id}` : null };
}

export async function getAdvisory(db: Kysely<Schema>, id: string): Promise<Advisory & { document: string }> {
  const row = await db.selectFrom('advisories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('advisory');
  return { ...toAdvisory(row), document: row.document };
}

/** The vulnerabilities of a stored document; a document kept though not valid is read as far as it goes. */
export function vulnerabilitiesOf(document: string): VulnerabilitySummary[] {
  return asList(asRecord(JSON.parse(document)).vulnerabilities).map((entry) => {
    const v = asRecord(entry);
    const scores = asList(v.scores).flatMap((score) => {
      const cvss = asRecord(asRecord(score).cvss_v3);
      const v2 = asRecord(asRecord(score).cvss_v2);
      const found =
        typeof cvss.baseScore === 'number' ? cvss : typeof v2.baseScore === 'number' ? { ...v2, version: v2.version ?? '2.0' } : undefined;
      return found
        ? [
            {
              version: String(found.version ?? ''),
              baseScore: Number(found.baseScore),
              severity: asText(found.baseSeverity),
              vector: String(found.vectorString ?? ''),
            },
          ]
        : [];
    });
    const productStatus = Object.fromEntries(
      Object.entries(asRecord(v.product_status)).map(([status, ids]) => [status, asList(ids).length]),
    );
    return { cve: asText(v.cve), title: asText(v.title), cwe: asText(asRecord(v.cwe).id), scores, productStatus };
  });
}
