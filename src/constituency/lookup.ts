/**
 * "Who is responsible for this?" An address, prefix, domain, URL, e-mail address or AS number is
 * answered by the constituency first (longest-prefix match, domain suffix, ASN), then by the RIPE
 * database, then by the national point of contact in the team profile. The answer says which
 * source decided and why, and shows every constituency netblock that overlaps.
 */
import type { Kysely } from 'kysely';
import { ValidationError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { getProfile } from '../profile/stored.js';
import { ripeForAddress, ripeForAsn, type RipeAnswer } from '../ripe/lookup.js';
import { formatAddress, formatPrefix, parseAddress, parsePrefix, type Address, type Prefix } from './ip.js';
import { constituencyIndex, type Owner } from './lookup-index.js';
import { normaliseDomain } from './domain.js';

export type Target =
  | { kind: 'ip'; address: Address; text: string }
  | { kind: 'cidr'; prefix: Prefix; text: string }
  | { kind: 'domain'; domain: string; text: string }
  | { kind: 'asn'; asn: number; text: string };

export type QueryKind = 'ip' | 'cidr' | 'domain' | 'url' | 'email' | 'asn';

function hostTarget(host: string): Target | undefined {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  const address = parseAddress(bare);
  if (address) return { kind: 'ip', address, text: formatAddress(address) };
  const domain = normaliseDomain(bare);
  return domain ? { kind: 'domain', domain, text: domain } : undefined;
}

/** Reads what a person typed; a clear error names the forms accepted. */
export function parseQuery(input: string): { target: Target; given: QueryKind } {
  const q = input.trim();
  const fail = (): never => {
    throw new ValidationError([
      { field: 'q', reason: `"${q.slice(0, 80)}" is not an IP address, CIDR prefix, domain, URL, e-mail address or AS number (AS64500)` },
    ]);
  };
  if (q.length === 0 || q.length > 2048) fail();
  const asn = /^AS(\d{1,10})$/i.exec(q);
  if (asn) {
    const n = Number(asn[1]);
    if (n > 4294967295) fail();
    return { target: { kind: 'asn', asn: n, text: `AS${n}` }, given: 'asn' };
  }
  if (q.includes('/') && !q.includes('://')) {
    const parsed = parsePrefix(q);
    if (!parsed.ok) throw new ValidationError([{ field: 'q', reason: parsed.reason }]);
    return { target: { kind: 'cidr', prefix: parsed.prefix, text: formatPrefix(parsed.prefix) }, given: 'cidr' };
  }
  const address = parseAddress(q);
  if (address) return { target: { kind: 'ip', address, text: formatAddress(address) }, given: 'ip' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(q)) {
    let url: URL;
    try {
      url = new URL(q);
    } catch {
      return fail();
    }
    const target = hostTarget(url.hostname);
    return target ? { target, given: 'url' } : fail();
  }
  const at = q.lastIndexOf('@');
  if (at > 0) {
    const domain = normaliseDomain(q.slice(at + 1));
    return domain ? { target: { kind: 'domain', domain, text: domain }, given: 'email' } : fail();
  }
  const domain = normaliseDomain(q);
  return domain ? { target: { kind: 'domain', domain, text: domain }, given: 'domain' } : fail();
}

export interface LookupContact {
  role: string;
  name: string;
  email: string;
  phone: string;
  language: string;
  pgpFingerprint: string | null;
}

export interface LookupAnswer {
  query: string;
  kind: QueryKind;
  normalised: string;
  decidedBy: 'constituency' | 'ripe' | 'national-point-of-contact' | 'none';
  reason: string;
  organisations: Array<{ id: string; name: string; matched: string; contacts: LookupContact[] }>;
  /** Every constituency netblock containing the target, least specific first. */
  overlaps: Array<{ organisationId: string; name: string; matched: string }>;
  ripe?: RipeAnswer;
  nationalPointOfContact?: { name: string; email: string; telephone?: string; url?: string };
}

function ownersFor(index: Awaited<ReturnType<typeof constituencyIndex>>, target: Target): Owner[] | undefined {
  switch (target.kind) {
    case 'ip':
      return index.ownersOf(target.address);
    case 'cidr':
      return index.ownersOf(target.prefix);
    case 'domain':
      return index.ownersOfDomain(target.domain);
    case 'asn':
      return index.ownersOfAsn(target.asn);
  }
}

async function contactsOf(db: Kysely<Schema>, ids: readonly string[]): Promise<Map<string, LookupContact[]>> {
  const rows =
    ids.length === 0
      ? []
      : await db.selectFrom('org_contacts').selectAll().where('organisation_id', 'in', ids).orderBy('role').orderBy('email').execute();
  const map = new Map<string, LookupContact[]>();
  for (const r of rows) {
    const contact = { role: r.role, name: r.name, email: r.email, phone: r.phone, language: r.language, pgpFingerprint: r.pgp_fingerprint };
    map.set(r.organisation_id, [...(map.get(r.organisation_id) ?? []), contact]);
  }
  return map;
}

function describe(target: Target, owners: readonly Owner[]): string {
  const what = target.kind === 'domain' ? 'domain' : target.kind === 'asn' ? 'AS number' : 'netblock';
  const match = owners[0]!.matched;
  const how =
    target.kind === 'domain'
      ? match === target.domain
        ? 'registered exactly'
        : `a registered parent domain of ${target.domain}`
      : target.kind === 'asn'
        ? 'registered'
        : 'the most specific netblock containing it';
  return `the constituency owns ${what} ${match} (${how})`;
}

export async function lookup(db: Kysely<Schema>, input: string): Promise<LookupAnswer> {
  const { target, given } = parseQuery(input);
  const index = await constituencyIndex(db);
  const base = { query: input.trim(), kind: given, normalised: target.text };
  const overlaps =
    target.kind === 'ip' || target.kind === 'cidr' ? index.allMatches(target.kind === 'ip' ? target.address : target.prefix) : [];
  const named = (o: Owner) => ({
    organisationId: o.organisationId,
    name: index.names.get(o.organisationId) ?? o.organisationId,
    matched: o.matched,
  });
  const owners = ownersFor(index, target);
  if (owners && owners.length > 0) {
    const contacts = await contactsOf(
      db,
      owners.map((o) => o.organisationId),
    );
    const reason = `${describe(target, owners)}${owners.length > 1 ? `; ${owners.length} organisations claim it` : ''}${overlaps.length > owners.length ? `; ${overlaps.length - owners.length} less specific netblock(s) overlap` : ''}`;
    return {
      ...base,
      decidedBy: 'constituency',
      reason,
      organisations: owners.map((o) => ({
        id: o.organisationId,
        name: index.names.get(o.organisationId) ?? o.organisationId,
        matched: o.matched,
        contacts: contacts.get(o.organisationId) ?? [],
      })),
      overlaps: overlaps.map(named),
    };
  }
  const notOurs =
    target.kind === 'domain'
      ? `no constituency domain is ${target.domain} or a parent of it`
      : target.kind === 'asn'
        ? `no constituency organisation holds ${target.text}`
        : `no constituency netblock contains ${target.text}`;
  const ripe =
    target.kind === 'asn' ? await ripeForAsn(db, target.asn) : target.kind === 'domain' ? undefined : await ripeForAddress(db, target.text);
  if (ripe && ripe.contacts.length > 0) {
    return {
      ...base,
      decidedBy: 'ripe',
      reason: `${notOurs}; the RIPE database's ${ripe.object} (${ripe.netname}) names ${ripe.contacts.map((c) => `${c.email} via ${c.via}`).join(', ')}`,
      organisations: [],
      overlaps: [],
      ripe,
    };
  }
  const ripeNote =
    target.kind === 'domain'
      ? 'the RIPE database does not map domains to contacts'
      : ripe
        ? `the RIPE database's ${ripe.object} names no abuse contact, nor do its parents`
        : 'the RIPE database (as imported) has no object for it';
  const poc = (await getProfile(db))?.profile.nationalPointOfContact;
  if (poc) {
    return {
      ...base,
      decidedBy: 'national-point-of-contact',
      reason: `${notOurs}; ${ripeNote}; the team profile names ${poc.name} as the national point of contact`,
      organisations: [],
      overlaps: [],
      ...(ripe ? { ripe } : {}),
      nationalPointOfContact: poc,
    };
  }
  return {
    ...base,
    decidedBy: 'none',
    reason: `${notOurs}; ${ripeNote}; the team profile names no national point of contact`,
    organisations: [],
    overlaps: [],
    ...(ripe ? { ripe } : {}),
  };
}
