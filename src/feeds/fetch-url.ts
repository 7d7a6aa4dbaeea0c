/**
 * Fetching a feed's URL on the server's behalf. Anyone who may define feeds could otherwise make
 * the server read what only it can reach — a cloud metadata service, an admin port on
 * localhost, the intranet — and see it come back as the run's bad rows. So the host's addresses
 * must all be public (checked before each request and each redirect), unless the operator allows
 * private ones (VAKT_FEED_PRIVATE_URLS=true, for a feed inside the team's own network).
 *
 * The name is resolved here and again by the request, so a host whose DNS answer changes in
 * between (rebinding) could still reach a private address; a proxy that enforces the same rule is
 * the remedy where that matters.
 */
import { lookup } from 'node:dns/promises';
import { VaktError } from '../core/errors.js';
import { contains, parseAddress, parsePrefix, type Address, type Prefix } from '../constituency/ip.js';

const MAX_REDIRECTS = 5;

/**
 * Special-use ranges (RFC 6890 and its successors): none is a feed provider on the Internet.
 * IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) parse as the IPv4 address they carry.
 */
const NOT_PUBLIC = [
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
  '::/127',
  '64:ff9b::/96',
  '100::/64',
  '2001:db8::/32',
  'fc00::/7',
  'fe80::/10',
  'ff00::/8',
].map((text) => {
  const parsed = parsePrefix(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.reason}`);
  return parsed.prefix;
});

const asPrefix = (address: Address): Prefix => ({ ...address, length: address.family === 4 ? 32 : 128 });

export function isPublicAddress(text: string): boolean {
  const address = parseAddress(text);
  return address !== undefined && !NOT_PUBLIC.some((range) => contains(range, asPrefix(address)));
}

/** Refuses a URL whose host has any address that is not public. */
export async function checkHost(url: URL): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new VaktError('validation', `${url.href}: only http and https URLs are fetched`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = parseAddress(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
  if (addresses.length === 0) throw new VaktError('not-found', `${url.href}: ${host} has no address`);
  const closed = addresses.find((a) => !isPublicAddress(a));
  if (closed)
    throw new VaktError(
      'validation',
      `${url.href}: ${host} is ${closed}, not a public address; set VAKT_FEED_PRIVATE_URLS=true to fetch feeds inside your network`,
    );
}

/** The response for a feed's URL, following up to five redirects, each checked. */
export async function fetchFeedUrl(href: string, options: { allowPrivate: boolean; timeoutMs: number }): Promise<Response> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = new URL(href);
  for (let hop = 0; ; hop++) {
    if (!options.allowPrivate) await checkHost(url);
    const response = await fetch(url, { signal, redirect: 'manual' }).catch((error: Error) => {
      throw new VaktError('not-found', `${url.href}: could not fetch (${error.message})`);
    });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || !location) return response;
    if (hop === MAX_REDIRECTS) throw new VaktError('not-found', `${href}: more than ${MAX_REDIRECTS} redirects`);
    await response.body?.cancel();
    url = new URL(location, url);
  }
}
