/**
 * Pseudonymisation before sharing, per sharing profile. Constituent names and contacts are
 * replaced, reporters' addresses become keyed pseudonyms (HMAC with the installation's secret, so
 * a peer sees that two items name one person without learning who), addresses inside the
 * constituency or internal networks are dropped, truncated to their network or pseudonymised
 * prefix-preservingly, and free text is scrubbed of every one of those values. Each replacement
 * is listed, so the preview shows before and after.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { constituencyIndex, type ConstituencyIndex } from '../constituency/lookup-index.js';
import { contains, formatAddress, formatPrefix, parseAddress, parsePrefix, type Address, type Prefix } from '../constituency/ip.js';
import { StringEnum, strict } from '../core/validate.js';
import type { Schema } from '../db/schema.js';
import { getProfile } from '../profile/service.js';

export const Pseudonymisation = Type.Object(
  {
    /** Names, contacts and domains of the constituent organisations the incident concerns. */
    constituents: StringEnum(['keep', 'replace'] as const),
    /** The e-mail addresses and names of those who reported it. */
    reporters: StringEnum(['keep', 'pseudonymise'] as const),
    /** Addresses inside the constituency's networks or internal ones (RFC 1918, ULA, link-local). */
    ownAddresses: StringEnum(['keep', 'drop', 'truncate', 'pseudonymise'] as const),
    /** Titles, descriptions and comments scrubbed of the values above. */
    scrubText: Type.Boolean(),
  },
  strict,
);
export type Pseudonymisation = Static<typeof Pseudonymisation>;

/** What a new profile does: shares nothing that names the constituency or the reporters. */
export const PROTECTIVE: Pseudonymisation = {
  constituents: 'replace',
  reporters: 'pseudonymise',
  ownAddresses: 'truncate',
  scrubText: true,
};

export interface Replacement {
  /** Where: "observable 1f…", "incident title". */
  field: string;
  before: string;
  after: string;
  rule: keyof Pseudonymisation;
}

const INTERNAL = [
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.168.0.0/16',
  'fc00::/7',
  'fe80::/10',
].map((text) => (parsePrefix(text) as { ok: true; prefix: Prefix }).prefix);
const PSEUDONYM_DOMAIN = 'pseudonymised.invalid';
const MAX_NAMES = 100_000;
const ADDRESS = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+/gi;
// Candidates only; each is parsed before it counts as an address.
const IP_LITERAL = /(?<![\w.:])(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7})(?:\/\d{1,3})?(?![\w.:])/gi;
const DOMAIN = /(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?![\w-])/gi;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Pseudonymiser {
  /** The observable's value as shared, or why it is not shared at all. */
  value(kind: string, value: string, field: string): { value: string } | { dropped: string };
  /** Free text as shared. */
  text(text: string, field: string): string;
  readonly replacements: Replacement[];
}

/** The identity of one pseudonym: HMAC over its kind and value, with a key kept apart from the retention pseudonyms'. */
function keyed(secret: string) {
  const key = createHmac('sha256', secret).update('vakt sharing pseudonyms v1').digest();
  return (kind: string, value: string) => createHmac('sha256', key).update(`${kind}\0${value.toLowerCase()}`).digest();
}

/**
 * Prefix-preserving: two addresses that share their first n bits share the first n bits of their
 * pseudonyms (as Crypto-PAn does), so a peer still sees which addresses sit in one network.
 */
function prefixPreserving(address: Address, mac: (kind: string, value: string) => Buffer): Address {
  const bits = address.family === 4 ? 32 : 128;
  const input = address.words.flatMap((w) => Array.from({ length: 32 }, (_, i) => (w >>> (31 - i)) & 1));
  const output = input.map((bit, i) => bit ^ (mac(`ip${address.family}`, input.slice(0, i).join('') + `/${i}`)[0]! & 1));
  const words = Array.from({ length: bits / 32 }, (_, w) =>
    output.slice(w * 32, w * 32 + 32).reduce((acc, b) => ((acc << 1) | b) >>> 0, 0),
  );
  return { family: address.family, words };
}

function truncated(address: Address): string {
  const length = address.family === 4 ? 24 : 48;
  const words = address.words.map((w, i) => {
    const keep = Math.min(32, Math.max(0, length - i * 32));
    return keep === 0 ? 0 : keep === 32 ? w : (w & ((0xffffffff << (32 - keep)) >>> 0)) >>> 0;
  });
  return formatPrefix({ family: address.family, words, length });
}

interface Known {
  constituentNames: Map<string, string>;
  constituentAddresses: Set<string>;
  reporterAddresses: Set<string>;
  reporterNames: Set<string>;
  teamAddress: string;
  index: ConstituencyIndex;
}

async function known(db: Kysely<Schema>, incidentId: string): Promise<Known> {
  // Every constituent's name, not only those the incident names: free text mentions others too, and
  // a name replaced needlessly costs less than one that leaks. A constituency runs to thousands.
  const orgs = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'short_name'])
    .where('kind', '=', 'constituent')
    .limit(MAX_NAMES)
    .execute();
  const contacts = await db
    .selectFrom('org_contacts as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select(['c.email', 'c.name'])
    .where('o.kind', '=', 'constituent')
    .limit(MAX_NAMES)
    .execute();
  const reports = await db
    .selectFrom('reports')
    .select(['reporter_email', 'reporter_name'])
    .where('incident_id', '=', incidentId)
    .execute();
  const participants = await db
    .selectFrom('incident_participants')
    .select(['email', 'name', 'role'])
    .where('incident_id', '=', incidentId)
    .where('role', '!=', 'team-member')
    .execute();
  const constituentNames = new Map<string, string>();
  for (const o of orgs) for (const name of [o.name, o.short_name]) if (name && name.length >= 3) constituentNames.set(name, o.id);
  for (const c of contacts) if (c.name.length >= 3) constituentNames.set(c.name, `contact:${c.email}`);
  const constituentAddresses = new Set(contacts.map((c) => c.email.toLowerCase()));
  for (const p of participants) if (p.role === 'constituent-staff' && p.email) constituentAddresses.add(p.email.toLowerCase());
  const reporterAddresses = new Set<string>();
  const reporterNames = new Set<string>();
  for (const r of [
    ...reports.map((r) => ({ email: r.reporter_email, name: r.reporter_name })),
    ...participants.filter((p) => p.role !== 'constituent-staff'),
  ]) {
    if (r.email) reporterAddresses.add(r.email.toLowerCase());
    if (r.name && r.name.length >= 3) reporterNames.add(r.name);
  }
  return {
    constituentNames,
    constituentAddresses,
    reporterAddresses,
    reporterNames,
    teamAddress: ((await getProfile(db))?.profile.email.address ?? '').toLowerCase(),
    index: await constituencyIndex(db),
  };
}

export async function pseudonymiserFor(db: Kysely<Schema>, incidentId: string, rules: Pseudonymisation): Promise<Pseudonymiser> {
  const { salt } = await db.selectFrom('retention_state').select('salt').where('id', '=', 1).executeTakeFirstOrThrow();
  const mac = keyed(salt);
  const facts = await known(db, incidentId);
  const replacements: Replacement[] = [];
  const noted = new Set<string>();
  const note = (field: string, before: string, after: string, rule: keyof Pseudonymisation) => {
    const key = `${field}\u0000${before}`;
    if (before !== after && !noted.has(key)) {
      noted.add(key);
      replacements.push({ field, before, after, rule });
    }
    return after;
  };
  const pseudonymOf = (email: string) => `p-${mac('email', email).toString('hex').slice(0, 20)}@${PSEUDONYM_DOMAIN}`;
  const constituentDomain = (domain: string) => {
    const owners = facts.index.ownersOfDomain(domain.toLowerCase());
    return owners !== undefined && owners.length > 0;
  };
  const pseudoDomain = (domain: string) => `c-${mac('domain', domain).toString('hex').slice(0, 12)}.${PSEUDONYM_DOMAIN}`;
  const isOwn = (address: Address) => {
    const host: Prefix = { ...address, length: address.family === 4 ? 32 : 128 };
    return INTERNAL.some((range) => contains(range, host)) || (facts.index.ownersOf(host)?.length ?? 0) > 0;
  };

  /** The address as shared, undefined when it is dropped; the input when it is kept. */
  const ip = (text: string): string | undefined => {
    const address = parseAddress(text.split('/')[0]!);
    if (!address || rules.ownAddresses === 'keep' || !isOwn(address)) return text;
    if (rules.ownAddresses === 'drop') return undefined;
    if (rules.ownAddresses === 'truncate') return truncated(address);
    return formatAddress(prefixPreserving(address, mac));
  };
  const email = (address: string): string => {
    const lower = address.toLowerCase();
    if (lower === facts.teamAddress) return address;
    if (rules.reporters === 'pseudonymise' && facts.reporterAddresses.has(lower)) return pseudonymOf(lower);
    if (rules.constituents === 'replace' && (facts.constituentAddresses.has(lower) || constituentDomain(lower.split('@')[1]!)))
      return pseudonymOf(lower);
    return address;
  };
  const domain = (name: string) => (rules.constituents === 'replace' && constituentDomain(name) ? pseudoDomain(name.toLowerCase()) : name);

  const names = [
    ...(rules.constituents === 'replace'
      ? [...facts.constituentNames.keys()].map((n) => ({ n, to: `constituent-${mac('name', n).toString('hex').slice(0, 8)}` }))
      : []),
    ...(rules.reporters === 'pseudonymise'
      ? [...facts.reporterNames].map((n) => ({ n, to: `reporter-${mac('name', n).toString('hex').slice(0, 8)}` }))
      : []),
  ].sort((a, b) => b.n.length - a.n.length);
  const nameTo = new Map(names.map((x) => [x.n.toLowerCase(), x.to]));
  const namePattern = names.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map((x) => escape(x.n)).join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : undefined;

  const text = (input: string, field: string): string => {
    if (!rules.scrubText || !input) return input;
    let out = input.replace(ADDRESS, (a) => email(a));
    out = out.replace(IP_LITERAL, (literal) => {
      if (!parseAddress(literal.split('/')[0]!)) return literal;
      return ip(literal) ?? '[address withheld]';
    });
    if (namePattern) out = out.replace(namePattern, (match) => nameTo.get(match.toLowerCase()) ?? match);
    if (rules.constituents === 'replace') out = out.replace(DOMAIN, (d) => domain(d));
    return note(field, input, out, 'scrubText');
  };

  return {
    replacements,
    text,
    value(kind, value, field) {
      if (kind === 'ipv4' || kind === 'ipv6') {
        const shared = ip(value);
        if (shared === undefined)
          return { dropped: `the sharing profile drops addresses inside the constituency or internal networks (${value})` };
        return { value: note(field, value, shared, 'ownAddresses') };
      }
      if (kind === 'email') {
        const shared = email(value);
        return { value: note(field, value, shared, facts.reporterAddresses.has(value.toLowerCase()) ? 'reporters' : 'constituents') };
      }
      if (kind === 'domain') return { value: note(field, value, domain(value), 'constituents') };
      if (kind === 'url') {
        try {
          const url = new URL(value);
          const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
          const sharedHost = parseAddress(host) ? ip(host) : domain(host);
          if (sharedHost === undefined)
            return { dropped: `the sharing profile drops addresses inside the constituency or internal networks (${host})` };
          if (sharedHost === host) return { value };
          // A truncated network is no host: the URL keeps the network's first address.
          url.hostname = sharedHost.includes(':') && !sharedHost.includes('/') ? `[${sharedHost}]` : sharedHost.split('/')[0]!;
          return { value: note(field, value, url.href, parseAddress(host) ? 'ownAddresses' : 'constituents') };
        } catch {
          return { value };
        }
      }
      return { value: text(value, field) };
    },
  };
}
