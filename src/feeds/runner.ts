/**
 * Runs a feed from its source: a file (gzip or plain), an HTTP(S) URL, or the attachments of new
 * mail in an IMAP folder. Each file is one run. A mail is flagged as read for feeds only after its
 * attachments' runs have finished; a crash before that re-reads it, and de-duplication makes the
 * second pass add nothing.
 */
import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ImapFlow } from 'imapflow';
import type { Kysely } from 'kysely';
import { simpleParser } from 'mailparser';
import { VaktError } from '../core/errors.js';
import { gunzippedWhenGzip, openMaybeGzip } from '../core/lines.js';
import { fetchFeedUrl } from './fetch-url.js';
import type { Schema } from '../db/schema.js';
import type { Feed } from './feeds.js';
import { ingestFeed, type IngestInput, type RunSummary } from './pipeline.js';

export const FEED_KEYWORD = '$VaktFeed';
const MAX_DOWNLOAD_SECONDS = 30 * 60;

export type Progress = IngestInput['onProgress'];

export interface RunOptions {
  actor: string;
  onProgress?: Progress;
  /** An uploaded file, for feeds whose source is "upload" (or to run any feed on a given file). */
  file?: string;
  /** Whether a URL source may be on a private or loopback address (VAKT_FEED_PRIVATE_URLS). */
  allowPrivateUrls?: boolean;
  /** Where file sources may be (VAKT_FEED_DIR); without it, a file source is refused. */
  feedDir?: string;
}

export async function runFile(db: Kysely<Schema>, feed: Feed, file: string, options: RunOptions): Promise<RunSummary> {
  const opened = await openMaybeGzip(file).catch((error: NodeJS.ErrnoException) => {
    throw new VaktError('not-found', `${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  return ingestFeed(db, feed, {
    stream: opened.stream,
    source: file,
    totalBytes: opened.size,
    bytesRead: opened.bytesRead,
    actor: options.actor,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

async function runUrl(db: Kysely<Schema>, feed: Feed, url: string, options: RunOptions): Promise<RunSummary> {
  const response = await fetchFeedUrl(url, { allowPrivate: options.allowPrivateUrls ?? false, timeoutMs: MAX_DOWNLOAD_SECONDS * 1000 });
  if (!response.ok || !response.body) throw new VaktError('not-found', `${url}: HTTP ${response.status}`);
  const stream = gunzippedWhenGzip(Readable.fromWeb(response.body as WebReadableStream));
  const length = Number(response.headers.get('content-length') ?? 0);
  return ingestFeed(db, feed, {
    stream,
    source: url,
    ...(length > 0 ? { totalBytes: length } : {}),
    actor: options.actor,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}

async function runImap(
  db: Kysely<Schema>,
  feed: Feed,
  source: Extract<Feed['source'], { kind: 'imap' }>,
  options: RunOptions,
): Promise<RunSummary[]> {
  const mailbox = await db.selectFrom('mailboxes').selectAll().where('name', '=', source.mailbox).executeTakeFirst();
  if (!mailbox) throw new VaktError('not-found', `feed ${feed.name}: no intake mailbox named "${source.mailbox}"`);
  const pattern = new RegExp(source.attachmentPattern ?? '\\.(csv|json|jsonl)(\\.gz)?$', 'i');
  const client = new ImapFlow({
    host: mailbox.host,
    port: mailbox.port,
    secure: mailbox.secure,
    auth: { user: mailbox.username, pass: mailbox.password },
    logger: false,
  });
  await client.connect();
  const runs: RunSummary[] = [];
  try {
    const lock = await client.getMailboxLock(source.folder);
    try {
      const uids = (await client.search({ not: { keyword: FEED_KEYWORD } }, { uid: true })) || [];
      for (const uid of uids) {
        const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
        if (!message || !message.source) continue;
        const parsed = await simpleParser(message.source);
        for (const attachment of parsed.attachments) {
          const name = attachment.filename ?? '';
          if (!pattern.test(name)) continue;
          runs.push(
            await ingestFeed(db, feed, {
              stream: gunzippedWhenGzip(Readable.from([attachment.content])),
              source: `imap:${source.folder}/${uid}/${name}`,
              actor: options.actor,
              ...(options.onProgress ? { onProgress: options.onProgress } : {}),
            }),
          );
        }
        await client.messageFlagsAdd(String(uid), [FEED_KEYWORD, '\\Seen'], { uid: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => undefined);
  }
  return runs;
}

/**
 * A file source's path, which must be inside the feed directory (symbolic links followed): whoever
 * may define feeds must not make the server read its own files — its key, its configuration — and
 * see their lines come back as bad rows. A path given on the command line (--file) is the
 * operator's, and is not limited.
 */
async function inFeedDir(path: string, feedDir: string | undefined): Promise<string> {
  if (!feedDir) throw new VaktError('validation', 'file sources are read from the feed directory, and none is set (VAKT_FEED_DIR)');
  const root = await realpath(feedDir).catch(() => {
    throw new VaktError('not-found', `the feed directory ${feedDir} does not exist: create it, or set VAKT_FEED_DIR`);
  });
  const full = await realpath(resolve(root, path)).catch(() => {
    throw new VaktError('not-found', `${path}: no such file in the feed directory ${feedDir}`);
  });
  if (!full.startsWith(root + sep)) throw new VaktError('validation', `${path}: outside the feed directory ${feedDir}`);
  return full;
}

/** One run per file the source yields (an IMAP folder may yield none or several). */
export async function runFeed(db: Kysely<Schema>, feed: Feed, options: RunOptions): Promise<RunSummary[]> {
  if (feed.source.kind === 'intake')
    throw new VaktError('validation', `feed ${feed.name} is fed by mail intake, a report at a time: it has nothing to run`);
  if (options.file) return [await runFile(db, feed, options.file, options)];
  switch (feed.source.kind) {
    case 'file':
      return [await runFile(db, feed, await inFeedDir(feed.source.path, options.feedDir), options)];
    case 'url':
      return [await runUrl(db, feed, feed.source.url, options)];
    case 'imap':
      return runImap(db, feed, feed.source, options);
    case 'upload':
      throw new VaktError(
        'validation',
        `feed ${feed.name} takes uploaded files: give one (vakt feed run ${feed.name} --file FILE, or upload it in the web UI)`,
      );
  }
}
