/**
 * Publication of an approved advisory: its next version is built, must pass every test of CSAF
 * 2.0 section 6 with no error, is signed with the team key over its exact bytes, and is stored
 * beside the imported ones, where the provider (`provider-routes.ts`) serves it. Before the
 * transaction commits, the provider check reads the provider as it will be, and a publication that
 * would add a failure is rolled back.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { VaktError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { signDetached, type TeamKey } from '../mail/pgp.js';
import { requireProfile } from '../profile/service.js';
import { getAuthored, nextDocument, type AuthoredAdvisory } from './authoring.js';
import { csafTlpOf, type RevisionEntry } from './build-csaf.js';
import type { IntakeSettings } from '../intake/ingest.js';
import { notifyConstituents, type Audience, type Told } from './notify.js';
import { withinPublication } from './publication-scope.js';
import { failuresAdded, type SelfCheck } from './self-check.js';
import { providerBaseOf, publicUrlOf } from './provider-layout.js';
import { testCsaf, type CsafFinding, type CsafLimits } from './validate-csaf.js';

export interface PublishContext {
  teamKey: TeamKey | undefined;
  configuredUrl: string | undefined;
  /** Whom to tell, and how mail is sent; without it, nobody is told. */
  notify?: { audience: Audience; settings: IntakeSettings };
  limits?: CsafLimits;
  /**
   * The provider check on the team's own provider, run before the publication and within it. The
   * API and the CLI always pass it; only bulk loads (the benchmark) publish without it.
   */
  selfCheck?: () => Promise<SelfCheck>;
}

export interface Publication {
  advisory: AuthoredAdvisory;
  /** The stored document (GET /api/advisories/{id}). */
  documentId: string;
  version: string;
  path: string;
  sha256: string;
  /** The organisations told of it. */
  told: Told[];
  /** The provider check with the new document, as committed; null when none was asked for. */
  providerCheck: SelfCheck | null;
}

/** Refused publications say why, with the findings that stand in the way. */
export class PublicationRefused extends VaktError {
  constructor(
    message: string,
    readonly findings: CsafFinding[] = [],
  ) {
    super('validation', message);
  }
}

export async function publishAuthored(db: Kysely<Schema>, actor: string, id: string, context: PublishContext): Promise<Publication> {
  const advisory = await getAuthored(db, id);
  if (advisory.state !== 'approved')
    throw new VaktError('conflict', `only an approved advisory is published; this one is ${advisory.state}`);
  csafTlpOf(advisory.tlp);
  if (!context.teamKey)
    throw new VaktError('conflict', 'a trusted CSAF provider signs each document: configure the team key (VAKT_PGP_KEY_FILE)');
  const publicUrl = publicUrlOf((await requireProfile(db)).profile, context.configuredUrl);
  const now = new Date();
  const { document, path, version } = await nextDocument(db, advisory, context.configuredUrl, now);
  const text = `${JSON.stringify(document, null, 2)}\n`;
  const validation = await testCsaf(text, context.limits);
  const errors = validation.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    throw new PublicationRefused(
      `the document fails ${errors.length} test(s) of CSAF 2.0; the first: ${errors[0]!.test} at ${errors[0]!.path}: ${errors[0]!.message}`,
      errors,
    );
  const signature = await signDetached(new TextEncoder().encode(text), context.teamKey);
  const sha256 = createHash('sha256').update(text).digest('hex');
  const tracking = (document.document as { tracking: { revision_history: RevisionEntry[]; initial_release_date: string } }).tracking;
  const before = await context.selfCheck?.();
  return db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('authored_advisories')
      .select(['state', 'revision'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (locked.state !== 'approved' || locked.revision !== advisory.revision)
      throw new VaktError('conflict', 'the advisory changed while it was being published; look at it again');
    const stored = await trx
      .insertInto('advisories')
      .values({
        publisher_namespace: (document.document as { publisher: { namespace: string } }).publisher.namespace,
        tracking_id: advisory.trackingId,
        version: String(version),
        title: advisory.content.title,
        category: advisory.content.category,
        status: advisory.content.status,
        csaf_tlp: csafTlpOf(advisory.tlp),
        tlp: advisory.tlp,
        current_release_date: now,
        document: text,
        sha256,
        valid: true,
        findings: JSON.stringify(validation.findings),
        source: 'authored',
        imported_by: actor,
        authored_id: id,
        signature,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const updated = await trx
      .updateTable('authored_advisories')
      .set({
        state: 'published',
        revision_history: JSON.stringify(tracking.revision_history),
        initial_release_date: tracking.initial_release_date,
        content: JSON.stringify({ ...advisory.content, revisionSummary: undefined }),
        updated_at: now,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const providerCheck = context.selfCheck ? await withinPublication(trx, context.selfCheck) : null;
    const broken = before && providerCheck ? failuresAdded(before, providerCheck, path!) : [];
    if (broken.length > 0)
      throw new PublicationRefused(
        `publishing it would break the CSAF provider: ${broken.map((f) => `rule ${f.rule} (${f.title}): ${f.messages[0] ?? 'fails'}`).join('; ')}`,
      );
    const told = context.notify
      ? await notifyConstituents(trx, context.notify.settings, {
          documentId: stored.id,
          document: text,
          trackingId: advisory.trackingId,
          version: String(version),
          title: advisory.content.title,
          tlp: advisory.tlp,
          documentUrl: `${providerBaseOf(publicUrl)}/${path}`,
          publicUrl,
          audience: context.notify.audience,
          actor,
        })
      : [];
    await appendAudit(trx, {
      actor,
      action: 'advisory.publish',
      objectType: 'authored-advisory',
      objectId: id,
      after: {
        trackingId: advisory.trackingId,
        version: String(version),
        path,
        sha256,
        documentId: stored.id,
        told: told.filter((t) => t.status === 'queued').length,
      },
    });
    return {
      advisory: await getAuthored(trx, updated.id),
      documentId: stored.id,
      version: String(version),
      path: path!,
      sha256,
      told,
      providerCheck,
    };
  });
}
