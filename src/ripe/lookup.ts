/**
 * Who the RIPE database says to tell about an address or an AS number. The most specific range
 * decides; when it names no abuse contact, its parent ranges are asked in turn. Within a range
 * the order is: mnt-irt (the IRT's abuse-mailbox, else its e-mail), abuse-c (the role's
 * abuse-mailbox), org (the organisation's abuse-c, else its own abuse-mailbox).
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';

export interface RipeContact {
  email: string;
  /** How the address was found, e.g. "mnt-irt IRT-EXAMPLE → abuse-mailbox". */
  via: string;
}

export interface RipeAnswer {
  object: string;
  netname: string;
  country: string;
  /** True when the contact came from a less specific range than the one that matched. */
  fromParent: boolean;
  contacts: RipeContact[];
}

interface Reference {
  org: string | null;
  abuse_c: string | null;
  mnt_irt: string[];
}

type Contacts = Map<string, { kind: string; name: string; emails: string[]; abuse_mailbox: string | null; abuse_c: string | null }>;

async function contactsFor(db: Kysely<Schema>, refs: readonly Reference[]): Promise<Contacts> {
  const handles = new Set<string>();
  for (const ref of refs) {
    for (const h of [...ref.mnt_irt, ref.abuse_c, ref.org]) if (h) handles.add(h);
  }
  const map: Contacts = new Map();
  const load = async (wanted: string[]) => {
    if (wanted.length === 0) return;
    const rows = await db.selectFrom('ripe_contacts').selectAll().where('handle', 'in', wanted).execute();
    for (const row of rows) map.set(row.handle, row);
  };
  await load([...handles]);
  // An organisation's abuse-c names a role: one more round.
  await load([...map.values()].map((c) => c.abuse_c).filter((h): h is string => Boolean(h) && !map.has(h!)));
  return map;
}

/** An abuse-mailbox value holds one or more addresses, separated by spaces (see import.ts). */
const mailboxes = (value: string | null | undefined, via: string): RipeContact[] =>
  (value ?? '')
    .split(' ')
    .filter(Boolean)
    .map((email) => ({ email, via }));

function resolve(ref: Reference, contacts: Contacts): RipeContact[] {
  const found: RipeContact[] = [];
  for (const handle of ref.mnt_irt) {
    const irt = contacts.get(handle);
    if (irt?.abuse_mailbox) found.push(...mailboxes(irt.abuse_mailbox, `mnt-irt ${handle} → abuse-mailbox`));
    else for (const email of irt?.emails ?? []) found.push({ email, via: `mnt-irt ${handle} → e-mail` });
  }
  if (found.length > 0) return found;
  const role = ref.abuse_c ? contacts.get(ref.abuse_c) : undefined;
  if (role?.abuse_mailbox) return mailboxes(role.abuse_mailbox, `abuse-c ${ref.abuse_c} → abuse-mailbox`);
  const org = ref.org ? contacts.get(ref.org) : undefined;
  if (org) {
    const orgRole = org.abuse_c ? contacts.get(org.abuse_c) : undefined;
    if (orgRole?.abuse_mailbox) return mailboxes(orgRole.abuse_mailbox, `org ${ref.org} → abuse-c ${org.abuse_c} → abuse-mailbox`);
    if (org.abuse_mailbox) return mailboxes(org.abuse_mailbox, `org ${ref.org} → abuse-mailbox`);
  }
  return [];
}

/** `target` is an address or prefix as PostgreSQL reads it (192.0.2.1, 2001:db8::/48). */
export async function ripeForAddress(db: Kysely<Schema>, target: string): Promise<RipeAnswer | undefined> {
  const ranges = await sql<Reference & { range_text: string; netname: string; country: string }>`
    select range_text, netname, country, org, abuse_c, mnt_irt from ripe_ranges
    where prefix >>= ${target}::inet order by masklen(prefix) desc limit 32`.execute(db);
  if (ranges.rows.length === 0) return undefined;
  const contacts = await contactsFor(db, ranges.rows);
  const best = ranges.rows[0]!;
  for (const [i, range] of ranges.rows.entries()) {
    const found = resolve(range, contacts);
    if (found.length > 0)
      return {
        object: best.range_text,
        netname: best.netname,
        country: range.country || best.country,
        fromParent: i > 0,
        contacts: found.map((c) => (i > 0 ? { ...c, via: `parent range ${range.range_text}: ${c.via}` } : c)),
      };
  }
  return { object: best.range_text, netname: best.netname, country: best.country, fromParent: false, contacts: [] };
}

export async function ripeForAsn(db: Kysely<Schema>, asn: number): Promise<RipeAnswer | undefined> {
  const row = await db.selectFrom('ripe_asns').selectAll().where('asn', '=', String(asn)).executeTakeFirst();
  if (!row) return undefined;
  const contacts = await contactsFor(db, [row]);
  return { object: `AS${row.asn}`, netname: row.as_name, country: '', fromParent: false, contacts: resolve(row, contacts) };
}
