/**
 * What a peer sent, recognised by its content: a STIX 2.1 bundle, a MISP event, or a MISP feed's
 * manifest (whose event files are read beside it, when there is a way to read them).
 */
import type { Kysely } from 'kysely';
import { ValidationError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { importMispEvent, importMispFeed, mispEventOf, type FeedImport } from './misp-import.js';
import { STIX_MAX_BYTES, importStixBundle, type StixImport } from './stix-import.js';

export type SharedImport =
  ({ format: 'stix' } & StixImport) | ({ format: 'misp-event' } & StixImport) | ({ format: 'misp-feed' } & FeedImport);

const isManifest = (value: unknown) =>
  Boolean(value) &&
  typeof value === 'object' &&
  !Array.isArray(value) &&
  Object.keys(value as object).length > 0 &&
  Object.entries(value as Record<string, unknown>).every(
    ([key, entry]) => /^[0-9a-f-]{36}$/i.test(key) && typeof (entry as { info?: unknown })?.info === 'string',
  );

export async function importShared(
  db: Kysely<Schema>,
  actor: string,
  text: string,
  source: string,
  /** Reads a file beside the source (a feed's event files); without it, a feed's manifest is refused. */
  sibling?: { base: string; read: (url: string) => Promise<string> },
): Promise<SharedImport> {
  if (Buffer.byteLength(text) > STIX_MAX_BYTES)
    throw new ValidationError([{ field: 'body', reason: `is larger than ${STIX_MAX_BYTES} bytes` }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ValidationError([{ field: 'body', reason: `not valid JSON: ${(error as Error).message}` }]);
  }
  if ((parsed as { type?: unknown } | null)?.type === 'bundle')
    return { format: 'stix', ...(await importStixBundle(db, actor, text, source)) };
  if (mispEventOf(parsed)) return { format: 'misp-event', ...(await importMispEvent(db, actor, parsed, source)) };
  if (isManifest(parsed)) {
    if (!sibling)
      throw new ValidationError([{ field: 'body', reason: "is a MISP feed's manifest: import the feed by its URL or directory" }]);
    return { format: 'misp-feed', ...(await importMispFeed(db, actor, text, sibling.base, sibling.read)) };
  }
  throw new ValidationError([{ field: 'body', reason: 'is neither a STIX 2.1 bundle, a MISP event nor a MISP feed manifest' }]);
}
