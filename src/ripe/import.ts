/**
 * Imports the RIPE database's split dump files (ripe.db.inetnum.gz, …inet6num, …aut-num, …irt,
 * …role, …organisation) in one transaction: each object class met replaces that class's rows, so
 * a lookup sees the old data or the new, never half. Objects are streamed and written in batches,
 * so memory stays bounded whatever the dump's size. References (mnt-irt, abuse-c, org) are kept
 * as handles and resolved at lookup time, so the files may come in any order.
 */
import { addressList } from '../core/address-list.js';
import { basename } from 'node:path';
import { sql, type Kysely, type Transaction } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError } from '../core/errors.js';
import { lines, openMaybeGzip } from '../core/lines.js';
import type { Schema } from '../db/schema.js';
import { formatPrefix, parseIPv4, parsePrefix, rangeToPrefixes } from '../constituency/ip.js';
import { all, first, rpslObjects, type RpslObject, type RpslProblem } from './rpsl.js';

export const RIPE_CLASSES = ['inetnum', 'inet6num', 'aut-num', 'irt', 'role', 'organisation'] as const;
type RipeClass = (typeof RIPE_CLASSES)[number];

export interface RipeProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
  objects: number;
}

export interface RipeImportReport {
  files: string[];
  counts: Record<RipeClass, number>;
  /** Objects of other classes (person, mntner, route, …): not needed for lookups. */
  ignored: number;
  problems: Array<RpslProblem & { file: string }>;
  problemCount: number;
}

const BATCH = 5000;
const MAX_PROBLEMS_KEPT = 100;

interface Batches {
  ranges: Array<{
    prefix: string;
    range_text: string;
    netname: string;
    country: string;
    org: string | null;
    abuse_c: string | null;
    mnt_irt: string[];
  }>;
  asns: Array<{ asn: number; as_name: string; org: string | null; abuse_c: string | null; mnt_irt: string[] }>;
  contacts: Array<{ handle: string; kind: string; name: string; emails: string[]; abuse_mailbox: string | null; abuse_c: string | null }>;
}

/** "192.0.2.0 - 192.0.2.255" or a prefix, as the CIDRs that cover it. */
function rangePrefixes(text: string): string[] | string {
  const dash = /^\s*([0-9.]+)\s*-\s*([0-9.]+)\s*$/.exec(text);
  if (dash) {
    const from = parseIPv4(dash[1]!);
    const to = parseIPv4(dash[2]!);
    if (from === undefined || to === undefined || to < from) return `"${text.slice(0, 60)}" is not an address range`;
    return rangeToPrefixes(from, to).map(formatPrefix);
  }
  const parsed = parsePrefix(text);
  return parsed.ok ? [formatPrefix(parsed.prefix)] : parsed.reason;
}

function handleOf(value: string | undefined): string | null {
  return value ? value.split(/\s+/)[0]!.toUpperCase() : null;
}

/** What one object adds to the batches, or why it cannot be used. */
function collect(object: RpslObject, batches: Batches): string | undefined {
  const key = first(object, object.type) ?? '';
  switch (object.type as RipeClass) {
    case 'inetnum':
    case 'inet6num': {
      const prefixes = rangePrefixes(key);
      if (typeof prefixes === 'string') return prefixes;
      const common = {
        range_text: key,
        netname: first(object, 'netname') ?? '',
        country: (first(object, 'country') ?? '').toUpperCase().slice(0, 2),
        org: handleOf(first(object, 'org')),
        abuse_c: handleOf(first(object, 'abuse-c')),
        mnt_irt: all(object, 'mnt-irt').map((h) => handleOf(h)!),
      };
      for (const prefix of prefixes) batches.ranges.push({ prefix, ...common });
      return undefined;
    }
    case 'aut-num': {
      const asn = /^AS(\d{1,10})$/i.exec(key)?.[1];
      if (!asn || Number(asn) > 4294967295) return `"${key.slice(0, 40)}" is not an AS number`;
      batches.asns.push({
        asn: Number(asn),
        as_name: first(object, 'as-name') ?? '',
        org: handleOf(first(object, 'org')),
        abuse_c: handleOf(first(object, 'abuse-c')),
        mnt_irt: all(object, 'mnt-irt').map((h) => handleOf(h)!),
      });
      return undefined;
    }
    case 'irt':
    case 'role':
    case 'organisation': {
      // A role is referred to by its nic-hdl; irt and organisation objects by their key.
      const handle = handleOf(object.type === 'role' ? first(object, 'nic-hdl') : key);
      if (!handle) return `${object.type} object without a handle`;
      const name = object.type === 'organisation' ? (first(object, 'org-name') ?? key) : key;
      batches.contacts.push({
        handle,
        kind: object.type,
        name,
        // Values as written: "a@x  <a@x>", two in one line, "(preferred)": every address, once.
        emails: addressList(all(object, 'e-mail').join(', ')),
        abuse_mailbox: addressList(all(object, 'abuse-mailbox').join(', ')).join(' ') || null,
        abuse_c: handleOf(first(object, 'abuse-c')),
      });
      return undefined;
    }
    default:
      return 'ignored';
  }
}

async function flush(trx: Transaction<Schema>, batches: Batches): Promise<void> {
  if (batches.ranges.length > 0) {
    const r = batches.ranges;
    await sql`insert into ripe_ranges (prefix, range_text, netname, country, org, abuse_c, mnt_irt)
      select p::cidr, t, n, c, o, a, case when m = '' then '{}'::text[] else string_to_array(m, ' ') end
      from unnest(${r.map((x) => x.prefix)}::text[], ${r.map((x) => x.range_text)}::text[], ${r.map((x) => x.netname)}::text[], ${r.map((x) => x.country)}::text[],
                  ${r.map((x) => x.org)}::text[], ${r.map((x) => x.abuse_c)}::text[], ${r.map((x) => x.mnt_irt.join(' '))}::text[]) as u(p, t, n, c, o, a, m)`.execute(
      trx,
    );
  }
  if (batches.asns.length > 0) {
    const a = batches.asns;
    await sql`insert into ripe_asns (asn, as_name, org, abuse_c, mnt_irt)
      select n, s, o, c, case when m = '' then '{}'::text[] else string_to_array(m, ' ') end
      from unnest(${a.map((x) => String(x.asn))}::bigint[], ${a.map((x) => x.as_name)}::text[], ${a.map((x) => x.org)}::text[], ${a.map((x) => x.abuse_c)}::text[], ${a.map((x) => x.mnt_irt.join(' '))}::text[]) as u(n, s, o, c, m)
      on conflict (asn) do update set as_name = excluded.as_name, org = excluded.org, abuse_c = excluded.abuse_c, mnt_irt = excluded.mnt_irt`.execute(
      trx,
    );
  }
  if (batches.contacts.length > 0) {
    const c = batches.contacts;
    await sql`insert into ripe_contacts (handle, kind, name, emails, abuse_mailbox, abuse_c)
      select h, k, n, case when e = '' then '{}'::text[] else string_to_array(e, ' ') end, m, a
      from unnest(${c.map((x) => x.handle)}::text[], ${c.map((x) => x.kind)}::text[], ${c.map((x) => x.name)}::text[], ${c.map((x) => x.emails.join(' '))}::text[], ${c.map((x) => x.abuse_mailbox)}::text[], ${c.map((x) => x.abuse_c)}::text[]) as u(h, k, n, e, m, a)
      on conflict (handle) do update set kind = excluded.kind, name = excluded.name, emails = excluded.emails, abuse_mailbox = excluded.abuse_mailbox, abuse_c = excluded.abuse_c`.execute(
      trx,
    );
  }
  batches.ranges = [];
  batches.asns = [];
  batches.contacts = [];
}

/** Deletes the rows of a class the first time the import meets it: the file replaces them. */
async function clear(trx: Transaction<Schema>, type: RipeClass): Promise<void> {
  if (type === 'inetnum') await sql`delete from ripe_ranges where family(prefix) = 4`.execute(trx);
  else if (type === 'inet6num') await sql`delete from ripe_ranges where family(prefix) = 6`.execute(trx);
  else if (type === 'aut-num') await trx.deleteFrom('ripe_asns').execute();
  else await trx.deleteFrom('ripe_contacts').where('kind', '=', type).execute();
}

export async function importRipe(
  db: Kysely<Schema>,
  actor: string,
  files: readonly string[],
  onProgress?: (progress: RipeProgress) => void,
): Promise<RipeImportReport> {
  if (files.length === 0) throw new ValidationError([{ field: 'files', reason: 'name at least one RIPE dump file' }]);
  const report: RipeImportReport = {
    files: files.map((f) => basename(f)),
    counts: { inetnum: 0, inet6num: 0, 'aut-num': 0, irt: 0, role: 0, organisation: 0 },
    ignored: 0,
    problems: [],
    problemCount: 0,
  };
  const problem = (file: string, p: RpslProblem): void => {
    report.problemCount++;
    if (report.problems.length < MAX_PROBLEMS_KEPT) report.problems.push({ file, ...p });
  };
  await db.transaction().execute(async (trx) => {
    const cleared = new Set<RipeClass>();
    const batches: Batches = { ranges: [], asns: [], contacts: [] };
    for (const file of files) {
      const name = basename(file);
      const { stream, size, bytesRead } = await openMaybeGzip(file);
      let objects = 0;
      for await (const object of rpslObjects(lines(stream), (p) => problem(name, p))) {
        const type = object.type as RipeClass;
        if ((RIPE_CLASSES as readonly string[]).includes(type) && !cleared.has(type)) {
          await flush(trx, batches);
          await clear(trx, type);
          cleared.add(type);
        }
        const outcome = collect(object, batches);
        if (outcome === 'ignored') report.ignored++;
        else if (outcome) problem(name, { line: object.line, reason: outcome });
        else report.counts[type]++;
        if (batches.ranges.length + batches.asns.length + batches.contacts.length >= BATCH) await flush(trx, batches);
        if (++objects % 10_000 === 0) onProgress?.({ file: name, bytesRead: bytesRead(), totalBytes: size, objects });
      }
      await flush(trx, batches);
      onProgress?.({ file: name, bytesRead: size, totalBytes: size, objects });
    }
    const imported = Object.values(report.counts).reduce((a, b) => a + b, 0);
    if (imported === 0)
      throw new ValidationError([
        {
          field: 'files',
          reason: `no inetnum, inet6num, aut-num, irt, role or organisation objects found (${report.problemCount} problems)`,
        },
      ]);
    const row = await trx
      .insertInto('ripe_imports')
      .values({ files: report.files, counts: JSON.stringify(report.counts), imported_by: actor })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: 'ripe.import',
      objectType: 'ripe-import',
      objectId: row.id,
      after: { files: report.files, counts: report.counts, problems: report.problemCount },
    });
  });
  return report;
}
