/** What a command reads from a file or a URL: a file as text, or an http(s) URL fetched as feeds are (public addresses only, unless allowed). */
import { readFile, stat } from 'node:fs/promises';
import { VaktError } from '../core/errors.js';
import { fetchFeedUrl } from '../feeds/fetch-url.js';

export async function readSource(source: string, allowPrivate: boolean, maxBytes: number): Promise<string> {
  const tooLarge = () => new VaktError('validation', `${source}: larger than ${Math.round(maxBytes / 1024 / 1024)} MiB`);
  if (!/^https?:\/\//i.test(source)) {
    if ((await stat(source)).size > maxBytes) throw tooLarge();
    return readFile(source, 'utf8');
  }
  const response = await fetchFeedUrl(source, { allowPrivate, timeoutMs: 60_000 });
  if (!response.ok) throw new VaktError('not-found', `${source}: HTTP ${response.status}`);
  const text = await response.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  return text;
}
