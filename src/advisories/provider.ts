/**
 * What the team's CSAF provider serves, read from the published advisories: the newest version
 * of each, filed by TLP folder and year, and the listings of CSAF 2.0 section 7.1 — index.txt,
 * changes.csv (zoned times, newest first), a ROLIE feed per label, the ROLIE service document
 * and the folders' directory listings. Who may read which folder is decided by the routes.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { fileNameOf, type CsafFolder } from './provider-layout.js';
import { FEED_LABELS, feedUrl } from './provider-metadata.js';

export interface PublishedEntry {
  /** The stored document's id (advisories.id). */
  id: string;
  trackingId: string;
  title: string;
  tlp: TlpLabel;
  /** Under the TLP folder: "2026/cert-sthlm-sa-2026-0001.json". */
  path: string;
  initialReleaseDate: string;
  currentReleaseDate: string;
}

/**
 * The newest published version of each of the team's advisories now filed in FOLDER, the most
 * recently released first; with FILE, only the one of that file name (a download gates one item).
 */
export async function publishedIn(db: Kysely<Schema>, folder: CsafFolder, file?: string): Promise<PublishedEntry[]> {
  const latest = db
    .selectFrom('advisories as a')
    .innerJoin('authored_advisories as w', 'w.id', 'a.authored_id')
    .distinctOn('a.authored_id')
    .select(['a.id', 'a.tracking_id', 'a.title', 'a.tlp', 'a.current_release_date', 'w.initial_release_date'])
    .orderBy('a.authored_id')
    .orderBy('a.current_release_date', 'desc')
    .as('latest');
  // A label changed in a later version moves the advisory: the folder is the newest version's.
  const labels = folder === 'white' ? ['CLEAR'] : [folder.toUpperCase()];
  let query = db.selectFrom(latest).selectAll().where('tlp', 'in', labels);
  // fileNameOf() in SQL: the tracking id in lower case, each run of other characters as "_".
  if (file) query = query.where(sql<string>`regexp_replace(lower(tracking_id), '[^+a-z0-9-]+', '_', 'g') || '.json'`, '=', file);
  const rows = await query.orderBy('current_release_date', 'desc').orderBy('id').execute();
  return rows.map((row) => {
    const initial = new Date(row.initial_release_date ?? row.current_release_date).toISOString();
    return {
      id: row.id,
      trackingId: row.tracking_id,
      title: row.title,
      tlp: row.tlp as TlpLabel,
      path: `${new Date(initial).getUTCFullYear()}/${fileNameOf(row.tracking_id)}`,
      initialReleaseDate: initial,
      currentReleaseDate: new Date(row.current_release_date).toISOString(),
    };
  });
}

export async function publishedDocument(db: Kysely<Schema>, id: string): Promise<{ document: string; signature: string | null }> {
  return db.selectFrom('advisories').select(['document', 'signature']).where('id', '=', id).executeTakeFirstOrThrow();
}

/** The time of the newest publication, for the metadata's last_updated. */
export async function lastPublished(db: Kysely<Schema>): Promise<string | null> {
  const row = await db
    .selectFrom('advisories')
    .select(sql<Date | null>`max(current_release_date)`.as('at'))
    .where('authored_id', 'is not', null)
    .executeTakeFirstOrThrow();
  return row.at ? new Date(row.at).toISOString() : null;
}

/** The line `sha256sum -c` and `sha512sum -c` read: the digest, two spaces, the file's name. */
export function hashLine(algorithm: 'sha256' | 'sha512', document: string, fileName: string): string {
  return `${createHash(algorithm).update(document).digest('hex')}  ${fileName}\n`;
}

export const indexTxt = (entries: readonly PublishedEntry[]) => entries.map((e) => `${e.path}\n`).join('');

/** Requirement 13: each file with the time of its latest change, in UTC with its zone, newest first. */
export const changesCsv = (entries: readonly PublishedEntry[]) =>
  [...entries]
    .sort((a, b) => b.currentReleaseDate.localeCompare(a.currentReleaseDate))
    .map((e) => `"${e.path}","${e.currentReleaseDate}"\n`)
    .join('');

const ROLIE_CATEGORY = { scheme: 'urn:ietf:params:rolie:category:information-type', term: 'csaf' };

export function rolieFeed(
  base: string,
  folder: CsafFolder,
  entries: readonly PublishedEntry[],
  publisher: string,
): Record<string, unknown> {
  const label = folder.toUpperCase();
  const url = (e: PublishedEntry) => `${base}/${folder}/${e.path}`;
  return {
    feed: {
      id: `${publisher.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-csaf-feed-tlp-${folder}`,
      title: `${publisher} CSAF feed (TLP:${label})`,
      link: [{ rel: 'self', href: feedUrl(base, label) }],
      category: [ROLIE_CATEGORY],
      updated: entries[0]?.currentReleaseDate ?? new Date(0).toISOString(),
      entry: entries.map((e) => ({
        id: e.trackingId,
        title: e.title,
        link: [
          { rel: 'self', href: url(e) },
          { rel: 'hash', href: `${url(e)}.sha256` },
          { rel: 'hash', href: `${url(e)}.sha512` },
          { rel: 'signature', href: `${url(e)}.asc` },
        ],
        published: e.initialReleaseDate,
        updated: e.currentReleaseDate,
        content: { type: 'application/json', src: url(e) },
        format: { schema: 'https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json', version: '2.0' },
      })),
    },
  };
}

export function rolieService(base: string, publisher: string): Record<string, unknown> {
  return {
    service: {
      workspace: [
        {
          title: `${publisher} CSAF advisories`,
          collection: FEED_LABELS.map((label) => ({
            title: `${publisher} CSAF feed (TLP:${label})`,
            href: feedUrl(base, label),
            categories: { category: [ROLIE_CATEGORY] },
          })),
        },
      ],
    },
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Requirement 14: a folder's listing, as a web server's generated index would show it. */
export function directoryListing(title: string, names: readonly string[]): string {
  const items = names.map((n) => `<li><a href="${escape(n)}">${escape(n)}</a></li>`).join('\n');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Index of ${escape(title)}</title></head>\n<body><h1>Index of ${escape(title)}</h1>\n<ul>\n${items}\n</ul></body></html>\n`;
}
