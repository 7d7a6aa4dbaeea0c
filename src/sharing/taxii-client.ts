/**
 * Pulling peers' TAXII 2.1 collections: each source is asked for what was added after the last
 * time-added stored, page after page by `next` until `more` is false, and each page goes through
 * the STIX import (kept whole, TLP read, values indexed). The mark moves after each page is stored,
 * so a pull stopped by a crash resumes where it stopped, and a pull with nothing new fetches one
 * empty page.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError, VaktError, notFound } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import type { Config } from '../config.js';
import { defineJob } from '../jobs/queue.js';
import { describeFetch, getBounded } from '../advisories/fetch-bounded.js';
import { STIX_MAX_BYTES, importStixBundle } from './stix-import.js';
import { TAXII_MEDIA_TYPE } from './taxii-routes.js';

const PAGE = 500;
/** A peer that keeps answering `more` is stopped here, and the next pull goes on from the mark. */
const MAX_PAGES = 10_000;

export interface PullOutcome {
  source: string;
  pages: number;
  stored: number;
  unchanged: number;
  refused: number;
}

export async function followCollection(
  db: Kysely<Schema>,
  actor: string,
  input: { url: string; token: string; peerTeamId?: string },
): Promise<{ id: string; created: boolean }> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new ValidationError([{ field: 'url', reason: 'is not a URL' }]);
  }
  if (!/^https?:$/.test(url.protocol) || !/\/collections\/[^/]+\/?$/.test(url.pathname))
    throw new ValidationError([{ field: 'url', reason: 'must be a TAXII collection: …/collections/<id>/' }]);
  const collectionUrl = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('taxii_sources').select('id').where('collection_url', '=', collectionUrl).executeTakeFirst();
    if (existing) return { id: existing.id, created: false };
    const row = await trx
      .insertInto('taxii_sources')
      .values({ collection_url: collectionUrl, token: input.token, peer_team_id: input.peerTeamId ?? null, created_by: actor })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: 'taxii-source.create',
      objectType: 'taxii-source',
      objectId: row.id,
      after: { url: collectionUrl, peerTeamId: input.peerTeamId ?? null },
    });
    return { id: row.id, created: true };
  });
}

export async function pullCollection(
  db: Kysely<Schema>,
  id: string,
  options: { allowPrivate: boolean; onPage?: (pages: number, stored: number) => void },
): Promise<PullOutcome> {
  const source = await db.selectFrom('taxii_sources').selectAll().where('id', '=', id).executeTakeFirst();
  if (!source) throw notFound('TAXII source');
  const outcome: PullOutcome = { source: source.collection_url, pages: 0, stored: 0, unchanged: 0, refused: 0 };
  const headers = {
    accept: TAXII_MEDIA_TYPE,
    authorization: `Basic ${Buffer.from(`vakt:${source.token}`).toString('base64')}`,
  };
  try {
    // One query for the whole pull, paged by the peer's cursor.
    const since = source.read_up_to;
    let next: string | undefined;
    do {
      const query = new URLSearchParams({ limit: String(PAGE), ...(since ? { added_after: since } : {}), ...(next ? { next } : {}) });
      const fetched = await getBounded(`${source.collection_url}objects/?${query}`, {
        allowPrivate: options.allowPrivate,
        maxBytes: STIX_MAX_BYTES,
        headers,
      });
      if (fetched.status !== 200) throw new VaktError('not-found', `${source.collection_url}: ${describeFetch(fetched)}`);
      let envelope: { more?: unknown; next?: unknown; objects?: unknown };
      try {
        envelope = JSON.parse(fetched.body.toString('utf8')) as typeof envelope;
      } catch {
        throw new VaktError('validation', `${source.collection_url}: the answer is not a TAXII envelope (not JSON)`);
      }
      const objects = Array.isArray(envelope.objects) ? envelope.objects : [];
      outcome.pages++;
      if (objects.length > 0) {
        const imported = await importStixBundle(
          db,
          `system:taxii-pull`,
          JSON.stringify({ type: 'bundle', id: `bundle--${crypto.randomUUID()}`, objects }),
          source.collection_url,
        );
        outcome.stored += imported.stored;
        outcome.unchanged += imported.unchanged;
        outcome.refused += imported.refused;
      }
      // The mark moves past what this page held, once it is stored: a crash resumes after it.
      const last = fetched.headers?.get('x-taxii-date-added-last');
      if (last && !Number.isNaN(Date.parse(last)))
        await db.updateTable('taxii_sources').set({ read_up_to: last }).where('id', '=', id).execute();
      options.onPage?.(outcome.pages, outcome.stored);
      // A peer that says more but gives no cursor is read on from the mark by the next pull.
      next = envelope.more === true && typeof envelope.next === 'string' ? envelope.next : undefined;
    } while (next && outcome.pages < MAX_PAGES);
    await db.updateTable('taxii_sources').set({ last_run_at: new Date(), last_error: null }).where('id', '=', id).execute();
  } catch (error) {
    await db
      .updateTable('taxii_sources')
      .set({ last_run_at: new Date(), last_error: (error as Error).message })
      .where('id', '=', id)
      .execute();
    throw error;
  }
  return outcome;
}

export function taxiiPullJob(config: Pick<Config, 'feedPrivateUrls'>) {
  return defineJob({
    name: 'sharing.taxii-pull',
    schedule: '23 * * * *',
    options: { retryLimit: 1, expireInSeconds: 3600 },
    async handle(_data, { database }) {
      for (const { id } of await database.db.selectFrom('taxii_sources').select('id').orderBy('created_at').execute())
        await pullCollection(database.db, id, { allowPrivate: config.feedPrivateUrls }).catch(() => undefined); // recorded on the source
    },
  });
}
