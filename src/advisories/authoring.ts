/**
 * Advisories the team writes, and their editorial workflow: an author drafts, a second team
 * member reviews (approves, or returns it with a comment), and someone who may publish for the
 * team publishes. Each step is audited. A published advisory changes only by a new version: an
 * edit after publication starts the next version's draft, and the published one stays served.
 */
import type { Kysely, Selectable, Updateable } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { beforeCursor, cursorTime } from '../core/cursor.js';
import { ValidationError, VaktError, notFound, type FieldIssue } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import type { AuthoredAdvisoriesTable, Schema } from '../db/schema.js';
import { requireProfile } from '../profile/service.js';
import { buildCsaf, type RevisionEntry } from './build-csaf.js';
import { productsByIds } from './catalogue.js';
import { productIdsOf, type AdvisoryContent } from './content.js';
import { scoreVector } from './cvss.js';
import { documentPath, providerBaseOf, publicUrlOf } from './provider-layout.js';

export const WORKFLOW_STATES = ['draft', 'in-review', 'approved', 'published'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export interface AuthoredAdvisory {
  id: string;
  trackingId: string;
  state: WorkflowState;
  title: string;
  tlp: TlpLabel;
  content: AdvisoryContent;
  /** The ETag an edit is made against. */
  revision: number;
  /** Versions published so far. */
  publishedVersions: number;
  initialReleaseDate: string | null;
  createdBy: string;
  editedBy: string;
  submittedBy: string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
  updatedAt: string;
}

type Row = Selectable<AuthoredAdvisoriesTable>;

function toAuthored(row: Row): AuthoredAdvisory {
  const content = row.content as AdvisoryContent;
  return {
    id: row.id,
    trackingId: row.tracking_id,
    state: row.state as WorkflowState,
    title: content.title,
    tlp: content.tlp,
    content,
    revision: row.revision,
    publishedVersions: (row.revision_history as RevisionEntry[]).length,
    initialReleaseDate: row.initial_release_date ? new Date(row.initial_release_date).toISOString() : null,
    createdBy: row.created_by,
    editedBy: row.edited_by,
    submittedBy: row.submitted_by,
    reviewedBy: row.reviewed_by,
    reviewComment: row.review_comment,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** What the schema cannot say: each vector scores, and each product is in the catalogue. */
async function checkContent(db: Kysely<Schema>, content: AdvisoryContent): Promise<void> {
  const issues: FieldIssue[] = [];
  content.vulnerabilities.forEach((v, i) => {
    for (const [field, vector, versions] of [
      ['cvssV3', v.cvssV3, ['3.0', '3.1']],
      ['cvssV4', v.cvssV4, ['4.0']],
    ] as const) {
      if (!vector) continue;
      try {
        const { version } = scoreVector(vector);
        if (!(versions as readonly string[]).includes(version))
          issues.push({ field: `vulnerabilities/${i}/${field}`, reason: `must be a CVSS ${versions.join(' or ')} vector` });
      } catch (error) {
        issues.push({ field: `vulnerabilities/${i}/${field}`, reason: (error as Error).message });
      }
    }
  });
  if (issues.length > 0) throw new ValidationError(issues);
  await productsByIds(db, productIdsOf(content), 'productIds');
}

const DEFAULT_PATTERN = '{team}-SA-{year}-{seq}';

/** The next free tracking id of the pattern: {seq} counts the year's advisories, four digits at least. */
async function allocate<T>(
  db: Kysely<Schema>,
  pattern: string,
  team: string,
  insert: (trackingId: string) => Promise<T | undefined>,
): Promise<T> {
  const year = String(new Date().getUTCFullYear());
  const { n } = await db
    .selectFrom('authored_advisories')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('created_at', '>=', new Date(`${year}-01-01T00:00:00Z`))
    .executeTakeFirstOrThrow();
  for (let seq = Number(n) + 1; seq < Number(n) + 1000; seq++) {
    const id = pattern.replaceAll('{team}', team).replaceAll('{year}', year).replaceAll('{seq}', String(seq).padStart(4, '0'));
    const made = await insert(id);
    if (made) return made;
  }
  throw new VaktError('conflict', `no free tracking id of the pattern ${pattern} in a thousand tries`);
}

export async function createAuthored(db: Kysely<Schema>, actor: string, content: AdvisoryContent): Promise<AuthoredAdvisory> {
  await checkContent(db, content);
  const { profile } = await requireProfile(db);
  return db.transaction().execute(async (trx) => {
    const row = await allocate(trx, profile.advisories?.trackingIdPattern ?? DEFAULT_PATTERN, profile.team.shortName, (trackingId) =>
      trx
        .insertInto('authored_advisories')
        .values({ tracking_id: trackingId, state: 'draft', content: JSON.stringify(content), created_by: actor, edited_by: actor })
        .onConflict((oc) => oc.column('tracking_id').doNothing())
        .returningAll()
        .executeTakeFirst(),
    );
    await appendAudit(trx, {
      actor,
      action: 'advisory.create',
      objectType: 'authored-advisory',
      objectId: row.id,
      after: { trackingId: row.tracking_id, title: content.title },
    });
    return toAuthored(row);
  });
}

async function lockAuthored(db: Kysely<Schema>, id: string): Promise<Row> {
  const row = await db.selectFrom('authored_advisories').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('advisory');
  return row;
}

/** An edit: of a draft, or of a published advisory (its next version's draft). Under review or approved, it must be returned first. */
export async function editAuthored(
  db: Kysely<Schema>,
  actor: string,
  id: string,
  content: AdvisoryContent,
  expectedRevision?: number,
): Promise<AuthoredAdvisory> {
  await checkContent(db, content);
  return db.transaction().execute(async (trx) => {
    const row = await lockAuthored(trx, id);
    if (expectedRevision !== undefined && expectedRevision !== row.revision)
      throw new VaktError(
        'conflict',
        `someone saved this advisory since you opened it (your version ${expectedRevision}, now ${row.revision}); reload it`,
      );
    if (row.state === 'in-review' || row.state === 'approved')
      throw new VaktError('conflict', `the advisory is ${row.state}; a reviewer must return it to the author before it is edited`);
    const updated = await trx
      .updateTable('authored_advisories')
      .set({
        content: JSON.stringify(content),
        state: 'draft',
        edited_by: actor,
        reviewed_by: null,
        review_comment: null,
        revision: row.revision + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: row.state === 'published' ? 'advisory.revise' : 'advisory.edit',
      objectType: 'authored-advisory',
      objectId: id,
      before: row.content,
      after: content,
    });
    return toAuthored(updated);
  });
}

export type ReviewDecision = 'approve' | 'return';

/** Moves the advisory one step: submit (draft → in review), review (→ approved, or back to draft). */
export async function advanceAuthored(
  db: Kysely<Schema>,
  actor: string,
  id: string,
  step: { action: 'submit' } | { action: 'review'; decision: ReviewDecision; comment?: string },
): Promise<AuthoredAdvisory> {
  return db.transaction().execute(async (trx) => {
    const row = await lockAuthored(trx, id);
    let change: Updateable<AuthoredAdvisoriesTable>;
    if (step.action === 'submit') {
      if (row.state !== 'draft') throw new VaktError('conflict', `only a draft is submitted for review; this advisory is ${row.state}`);
      change = { state: 'in-review', submitted_by: actor };
    } else {
      if (row.state !== 'in-review') throw new VaktError('conflict', `only an advisory in review is reviewed; this one is ${row.state}`);
      // A review is a second pair of eyes: not those of whoever last wrote or submitted it.
      if (actor === row.edited_by || actor === row.submitted_by)
        throw new VaktError('forbidden', 'a second team member reviews an advisory: not its last editor, and not who submitted it');
      if (step.decision === 'return' && !step.comment?.trim())
        throw new ValidationError([{ field: 'comment', reason: 'say what the author should change' }]);
      change = {
        state: step.decision === 'approve' ? 'approved' : 'draft',
        reviewed_by: actor,
        review_comment: step.comment?.trim() || null,
      };
    }
    const updated = await trx
      .updateTable('authored_advisories')
      .set({ ...change, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const action = step.action === 'submit' ? 'advisory.submit' : step.decision === 'approve' ? 'advisory.approve' : 'advisory.return';
    await appendAudit(trx, {
      actor,
      action,
      objectType: 'authored-advisory',
      objectId: id,
      before: { state: row.state },
      after: { state: updated.state, comment: updated.review_comment },
    });
    return toAuthored(updated);
  });
}

export async function getAuthored(db: Kysely<Schema>, id: string): Promise<AuthoredAdvisory> {
  const row = await db.selectFrom('authored_advisories').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('advisory');
  return toAuthored(row);
}

/** The team's advisories, the most recently changed first, a page at a time. */
export async function pageAuthored(
  db: Kysely<Schema>,
  filter: { state?: WorkflowState; before?: string; limit: number },
): Promise<{ advisories: AuthoredAdvisory[]; next: string | null }> {
  let query = db
    .selectFrom('authored_advisories')
    .selectAll()
    .select(cursorTime('updated_at').as('cursor_at'))
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit + 1);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.before) query = query.where(beforeCursor(filter.before, 'updated_at', 'id', 'uuid'));
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return { advisories: page.map(toAuthored), next: rows.length > filter.limit && last ? `${last.cursor_at},${last.id}` : null };
}

export const GENERATOR = { name: 'Vakt', version: '0.1.0' };

/**
 * The document the next version would be, released at NOW: what a reviewer reads and the
 * validator checks before publication, and, at publication, what is published.
 */
export async function nextDocument(
  db: Kysely<Schema>,
  advisory: AuthoredAdvisory,
  configuredUrl: string | undefined,
  now = new Date(),
): Promise<{ document: Record<string, unknown>; path: string | null; version: number }> {
  const { profile } = await requireProfile(db);
  const { revision_history } = await db
    .selectFrom('authored_advisories')
    .select('revision_history')
    .where('id', '=', advisory.id)
    .executeTakeFirstOrThrow();
  const history = revision_history as RevisionEntry[];
  const products = await productsByIds(db, productIdsOf(advisory.content), 'productIds');
  const releaseDate = now.toISOString();
  const initialReleaseDate = advisory.initialReleaseDate ?? releaseDate;
  let publicUrl: string | undefined;
  try {
    publicUrl = publicUrlOf(profile, configuredUrl);
  } catch {
    publicUrl = undefined;
  }
  // AMBER+STRICT has no place in a CSAF 2.0 provider; the preview still shows the rest of the document.
  const path = advisory.tlp === 'AMBER+STRICT' ? null : documentPath(advisory.tlp, initialReleaseDate, advisory.trackingId);
  const version = history.length + 1;
  const document = buildCsaf(
    { ...advisory.content, tlp: advisory.tlp === 'AMBER+STRICT' ? 'AMBER' : advisory.tlp },
    [...products.values()],
    profile,
    publicUrl ?? `https://${profile.email.address.split('@')[1] ?? 'invalid'}`,
    {
      trackingId: advisory.trackingId,
      version,
      history,
      initialReleaseDate,
      releaseDate,
      ...(publicUrl && path ? { selfUrl: `${providerBaseOf(publicUrl)}/${path}` } : {}),
    },
    GENERATOR,
  );
  return { document, path, version };
}
