/**
 * E-mail addresses as people write them in registry objects and documents: `abuse@x  <abuse@x>`,
 * two in one value, a trailing comma, `(preferred)`. nodemailer's RFC 5322 address parser reads
 * the list; what it takes for a display name is searched for further addresses, because "a@x b@y"
 * (no separator) is common in RIPE objects. Comments and names are dropped; each address once, in
 * lower case, in the order written.
 */
import addressparser from 'nodemailer/lib/addressparser/index.js';

const ADDRESS = /^[^\s@<>(),;:"]{1,64}@[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?)+$/i;
const IN_TEXT = /[^\s@<>(),;:"]{1,64}@[a-z0-9.-]{1,253}/gi;

export function addressList(value: string): string[] {
  const found: string[] = [];
  for (const entry of addressparser(value.slice(0, 10_000), { flatten: true })) {
    found.push(entry.address, ...(entry.name.match(IN_TEXT) ?? []));
  }
  const seen = new Set<string>();
  return found.map((a) => a.trim().toLowerCase().replace(/\.$/, '')).filter((a) => ADDRESS.test(a) && !seen.has(a) && Boolean(seen.add(a)));
}
