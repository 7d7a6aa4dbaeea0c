/**
 * IP addresses and prefixes as numbers: an IPv4 address is one unsigned 32-bit number, an IPv6
 * address four. The parsers are hand-written because they sit on the feed's hot path (one call
 * per event) and must refuse what `inet` would refuse, so a value that parses here also stores.
 */
export type Family = 4 | 6;

export interface Address {
  family: Family;
  /** One word for IPv4, four (most significant first) for IPv6; each an unsigned 32-bit number. */
  words: readonly number[];
}

export interface Prefix extends Address {
  length: number;
}

export function isPrefix(target: Address | Prefix): target is Prefix {
  return 'length' in target;
}

export function parseIPv4(text: string): number | undefined {
  let value = 0;
  let octet = -1;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      // A leading zero ("010") is octal to some parsers and decimal to others: refuse it.
      if (digits > 0 && octet === 0) return undefined;
      octet = (octet < 0 ? 0 : octet) * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return undefined;
    } else if (c === 46) {
      if (digits === 0 || ++dots > 3) return undefined;
      value = value * 256 + octet;
      octet = -1;
      digits = 0;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + octet;
}

function parseGroups(part: string, out: number[]): boolean {
  if (part === '') return true;
  for (const group of part.split(':')) {
    if (group.length === 0 || group.length > 4 || !/^[0-9a-fA-F]+$/.test(group)) return false;
    out.push(parseInt(group, 16));
  }
  return true;
}

export function parseIPv6(text: string): number[] | undefined {
  if (text.length < 2 || text.length > 45 || text.includes('%')) return undefined;
  let body = text;
  const lastColon = body.lastIndexOf(':');
  if (body.indexOf('.', lastColon) > 0) {
    // An embedded IPv4 tail ("::ffff:192.0.2.1") is the last two groups written in decimal.
    const v4 = parseIPv4(body.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    body = `${body.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const head: number[] = [];
  const back: number[] = [];
  if (!parseGroups(halves[0]!, head)) return undefined;
  if (halves.length === 2 && !parseGroups(halves[1]!, back)) return undefined;
  const missing = 8 - head.length - back.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...back];
  return [0, 2, 4, 6].map((i) => ((groups[i]! << 16) | groups[i + 1]!) >>> 0);
}

/** IPv4-mapped IPv6 addresses (::ffff:192.0.2.1) are the IPv4 address they carry. */
export function parseAddress(text: string): Address | undefined {
  const v4 = parseIPv4(text);
  if (v4 !== undefined) return { family: 4, words: [v4] };
  const v6 = parseIPv6(text);
  if (!v6) return undefined;
  if (v6[0] === 0 && v6[1] === 0 && v6[2] === 0xffff) return { family: 4, words: [v6[3]!] };
  return { family: 6, words: v6 };
}

const maxLength = (family: Family): number => (family === 4 ? 32 : 128);

/** The mask of the bits a prefix of `length` keeps within word `index`. */
function wordMask(length: number, index: number): number {
  const bits = Math.min(32, Math.max(0, length - index * 32));
  return bits === 0 ? 0 : bits === 32 ? 0xffffffff : (0xffffffff << (32 - bits)) >>> 0;
}

/** The network of this length that holds an address. */
export function networkOf(address: Address, length: number): Prefix {
  return { family: address.family, words: address.words.map((w, i) => (w & wordMask(length, i)) >>> 0), length };
}

export type PrefixResult = { ok: true; prefix: Prefix } | { ok: false; reason: string };

/**
 * Reads "192.0.2.0/24", "2001:db8::/32" or a bare address (a host prefix). Host bits set below
 * the mask are refused: "192.0.2.1/24" is a typing error more often than an intention.
 */
export function parsePrefix(text: string): PrefixResult {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const address = parseAddress(slash < 0 ? trimmed : trimmed.slice(0, slash));
  if (!address) return { ok: false, reason: `"${trimmed.slice(0, 60)}" is not an IPv4 or IPv6 address` };
  const max = maxLength(address.family);
  let length = max;
  if (slash >= 0) {
    const lengthText = trimmed.slice(slash + 1);
    if (!/^\d{1,3}$/.test(lengthText)) return { ok: false, reason: `"${trimmed.slice(0, 60)}" has no valid prefix length` };
    length = Number(lengthText);
    // An IPv4-mapped prefix counts its length in IPv6 bits.
    if (address.family === 4 && trimmed.includes(':')) length -= 96;
    if (length < 0 || length > max) return { ok: false, reason: `prefix length /${lengthText} is out of range for IPv${address.family}` };
  }
  const { words } = networkOf(address, length);
  if (words.some((w, i) => w !== address.words[i])) {
    return {
      ok: false,
      reason: `"${trimmed.slice(0, 60)}" has host bits set; the network is ${formatPrefix({ family: address.family, words, length })}`,
    };
  }
  return { ok: true, prefix: { family: address.family, words, length } };
}

export function formatAddress(address: Address): string {
  if (address.family === 4) {
    const w = address.words[0]!;
    return `${w >>> 24}.${(w >>> 16) & 255}.${(w >>> 8) & 255}.${w & 255}`;
  }
  const groups = address.words.flatMap((w) => [w >>> 16, w & 0xffff]);
  // The longest run of zero groups (two or more) becomes "::" (RFC 5952).
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

export function formatPrefix(prefix: Prefix): string {
  return `${formatAddress(prefix)}/${prefix.length}`;
}

/** Whether `outer` contains `inner` (same family, shorter or equal length, same leading bits). */
export function contains(outer: Prefix, inner: Prefix): boolean {
  if (outer.family !== inner.family || outer.length > inner.length) return false;
  return outer.words.every((w, i) => (inner.words[i]! & wordMask(outer.length, i)) >>> 0 === w);
}

/**
 * The CIDRs that cover the range first–last exactly (RPSL inetnum ranges need not be aligned).
 * Works on IPv4 only, as inet6num objects are always written as prefixes.
 */
export function rangeToPrefixes(first: number, last: number): Prefix[] {
  const out: Prefix[] = [];
  let start = first;
  while (start <= last) {
    let size = 32;
    while (size > 0) {
      const block = 2 ** (32 - (size - 1));
      if (start % block !== 0 || start + block - 1 > last) break;
      size--;
    }
    out.push({ family: 4, words: [start], length: size });
    start += 2 ** (32 - size);
  }
  return out;
}
