/**
 * One GET of a CSAF provider's file (or a peer's TAXII page), as the provider check, the
 * subscriptions and the TAXII client read them: no redirect followed (CSAF 2.0 requirement 6),
 * public addresses only unless allowed, a size limit read as the bytes arrive, and a time limit.
 */
import { checkHost } from '../feeds/fetch-url.js';

export interface Fetched {
  url: string;
  /** 0 when nothing came back: `body` then says why. */
  status: number;
  location: string | null;
  body: Buffer;
  /** The response's headers; absent when nothing came back. */
  headers?: Headers;
}

export async function getBounded(
  url: string,
  options: { allowPrivate: boolean; maxBytes: number; timeoutMs?: number; headers?: Record<string, string> },
): Promise<Fetched> {
  try {
    const target = new URL(url);
    if (!options.allowPrivate) await checkHost(target);
    const response = await fetch(target, {
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
      ...(options.headers ? { headers: options.headers } : {}),
    });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return { url, status: response.status, location, body: Buffer.alloc(0), headers: response.headers };
    }
    return { url, status: response.status, location, body: await readLimited(response, options.maxBytes, url), headers: response.headers };
  } catch (error) {
    return { url, status: 0, location: null, body: Buffer.from((error as Error).message) };
  }
}

async function readLimited(response: Response, maxBytes: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > maxBytes) throw new Error(`${url} is larger than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** What went wrong with a fetch, for a message. */
export const describeFetch = (f: Fetched | undefined) => (!f ? 'not fetched' : f.status === 0 ? f.body.toString() : `HTTP ${f.status}`);
