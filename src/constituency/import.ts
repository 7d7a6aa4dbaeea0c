/**
 * `vakt constituency import FILE`: organisations from CSV or JSON. Every row is checked first and
 * every problem reported with its line (or entry), field and reason; nothing is written when any
 * row is invalid, unless invalid rows are to be skipped. Then one transaction creates or replaces
 * the organisations named (matched by name), parents before their children. CSV rows with the
 * same name are one organisation: a second row adds a contact, netblocks, domains.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { Kysely, Transaction } from 'kysely';
import { ValidationError, type FieldIssue } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { transactionOrDryRun } from '../db/transaction.js';
import { checkOrganisation, insertOrganisation, replaceOrganisation, type CheckedOrganisation } from './organisations.js';
import type { OrganisationInput } from './schema.js';

export interface ImportProblem {
  /** The CSV line, or the JSON entry number (1-based). */
  line: number;
  field: string;
  reason: string;
}

export interface ConstituencyImportReport {
  created: string[];
  updated: string[];
  skipped: number;
  problems: ImportProblem[];
  dryRun: boolean;
}

export const CSV_COLUMNS = [
  'name',
  'short_name',
  'parent',
  'category',
  'tags',
  'tlp_clearance',
  'notes',
  'netblocks',
  'asns',
  'domains',
  'contact_role',
  'contact_name',
  'contact_email',
  'contact_phone',
  'contact_language',
  'contact_notify',
  'products',
] as const;

interface Entry {
  line: number;
  value: Record<string, unknown>;
}

const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** Product identifiers hold commas (purl qualifiers): only ";" and white space part them. */
const productList = (cell: string | undefined) => (cell ?? '').split(/[;\s]+/).filter(Boolean);

/** Lists in a CSV cell: separated by ";", "," or white space. */
function list(cell: string | undefined): string[] {
  return (cell ?? '').split(/[;,\s]+/).filter(Boolean);
}

function csvEntries(text: string, problems: ImportProblem[]): Entry[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parseCsv(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      bom: true,
      max_record_size: 1024 * 1024,
    });
  } catch (error) {
    const e = error as Error & { lines?: number };
    throw new ValidationError([{ field: `line ${e.lines ?? '?'}`, reason: `not readable as CSV: ${e.message}` }]);
  }
  if (records.length === 0) return [];
  const header = Object.keys(records[0]!.record);
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0 || !header.includes('name')) {
    throw new ValidationError([
      {
        field: 'header',
        reason: `${unknown.length > 0 ? `unknown column(s) ${unknown.join(', ')}; ` : 'the column "name" is missing; '}the columns are ${CSV_COLUMNS.join(', ')}`,
      },
    ]);
  }
  const merged = new Map<string, Entry>();
  for (const { record, info } of records) {
    const line = info.lines;
    const r = record;
    const key = (r.name ?? '').toLowerCase();
    const contact = r.contact_email
      ? [
          {
            role: r.contact_role || 'security',
            ...(r.contact_name ? { name: r.contact_name } : {}),
            email: r.contact_email,
            ...(r.contact_phone ? { phone: r.contact_phone } : {}),
            ...(r.contact_language ? { language: r.contact_language.toLowerCase() } : {}),
            ...(r.contact_notify ? { notify: !/^(no|false|0|nej)$/i.test(r.contact_notify) } : {}),
          },
        ]
      : [];
    const asns: unknown[] = list(r.asns).map((a) => (/^(AS)?\d+$/i.test(a) ? Number(a.replace(/^AS/i, '')) : a));
    const existing = key ? merged.get(key) : undefined;
    if (existing) {
      const v = existing.value as Record<string, unknown[]>;
      v.netblocks!.push(...list(r.netblocks).map((prefix) => ({ prefix })));
      v.asns!.push(...asns);
      v.domains!.push(...list(r.domains));
      v.contacts!.push(...contact);
      v.products!.push(...productList(r.products));
      continue;
    }
    const value: Record<string, unknown> = {
      name: r.name ?? '',
      ...(r.short_name ? { shortName: r.short_name } : {}),
      ...(r.parent ? { parent: r.parent } : {}),
      ...(r.category ? { category: r.category.toLowerCase() } : {}),
      tags: list(r.tags).map((t) => t.toLowerCase()),
      ...(r.tlp_clearance ? { tlpClearance: r.tlp_clearance.toUpperCase().replace(/^TLP:/, '') } : {}),
      ...(r.notes ? { notes: r.notes } : {}),
      netblocks: list(r.netblocks).map((prefix) => ({ prefix })),
      asns,
      domains: list(r.domains),
      contacts: contact,
      products: productList(r.products),
    };
    const entry = { line, value };
    if (key) merged.set(key, entry);
    else problems.push({ line, field: 'name', reason: 'is required' });
  }
  return [...merged.values()];
}

function jsonEntries(text: string): Entry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ValidationError([{ field: '(file)', reason: `not valid JSON: ${(error as Error).message}` }]);
  }
  const list = Array.isArray(data) ? data : (data as { organisations?: unknown })?.organisations;
  if (!Array.isArray(list))
    throw new ValidationError([
      { field: '(file)', reason: 'expected an array of organisations or {"format": "vakt-constituency", "organisations": [...]}' },
    ]);
  return list.map((value, i) => ({ line: i + 1, value: value as Record<string, unknown> }));
}

export function readConstituencyFile(text: string, format: 'csv' | 'json', problems: ImportProblem[]): Entry[] {
  if (Buffer.byteLength(text) > MAX_FILE_BYTES)
    throw new ValidationError([{ field: '(file)', reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB` }]);
  return format === 'json' ? jsonEntries(text) : csvEntries(text, problems);
}

/** Parents first; a parent named neither in the file nor in the database is a problem. */
function ordered(
  entries: Array<Entry & { checked: CheckedOrganisation }>,
  known: Set<string>,
  problems: ImportProblem[],
): Array<Entry & { checked: CheckedOrganisation }> {
  const byName = new Map(entries.map((e) => [e.checked.input.name.trim().toLowerCase(), e]));
  const out: typeof entries = [];
  const state = new Map<string, 'visiting' | 'done' | 'bad'>();
  const visit = (e: (typeof entries)[number]): boolean => {
    const key = e.checked.input.name.trim().toLowerCase();
    const s = state.get(key);
    if (s === 'done') return true;
    if (s === 'bad') return false;
    if (s === 'visiting') {
      problems.push({ line: e.line, field: 'parent', reason: 'the parents form a cycle' });
      state.set(key, 'bad');
      return false;
    }
    state.set(key, 'visiting');
    const parent = e.checked.input.parent?.trim().toLowerCase();
    let ok = true;
    if (parent) {
      const inFile = byName.get(parent);
      if (inFile) ok = visit(inFile);
      else if (!known.has(parent)) {
        problems.push({
          line: e.line,
          field: 'parent',
          reason: `no organisation named "${e.checked.input.parent}" in the file or in Vakt`,
        });
        ok = false;
      }
      if (!ok && inFile) problems.push({ line: e.line, field: 'parent', reason: `its parent "${e.checked.input.parent}" is invalid` });
    }
    state.set(key, ok ? 'done' : 'bad');
    if (ok) out.push(e);
    return ok;
  };
  entries.forEach(visit);
  return out;
}

export async function importConstituency(
  db: Kysely<Schema>,
  actor: string,
  text: string,
  options: { format: 'csv' | 'json'; skipInvalid?: boolean; dryRun?: boolean },
): Promise<ConstituencyImportReport> {
  const problems: ImportProblem[] = [];
  const entries = readConstituencyFile(text, options.format, problems);
  const checked: Array<Entry & { checked: CheckedOrganisation }> = [];
  for (const entry of entries) {
    try {
      checked.push({ ...entry, checked: await checkOrganisation(entry.value) });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const issue of error.issues) problems.push({ line: entry.line, field: issue.field, reason: issue.reason });
    }
  }
  const existing = await db.selectFrom('organisations').select(['id', 'name', 'kind']).execute();
  const ids = new Map<string, string[]>();
  for (const row of existing) ids.set(row.name.toLowerCase(), [...(ids.get(row.name.toLowerCase()) ?? []), row.id]);
  for (const e of checked) {
    const matches = ids.get(e.checked.input.name.trim().toLowerCase()) ?? [];
    if (matches.length > 1)
      problems.push({
        line: e.line,
        field: 'name',
        reason: `${matches.length} organisations in Vakt are named "${e.checked.input.name}"; edit it in Vakt instead`,
      });
    const team = existing.find((r) => r.kind === 'team' && r.name.toLowerCase() === e.checked.input.name.trim().toLowerCase());
    if (team) problems.push({ line: e.line, field: 'name', reason: `"${e.checked.input.name}" is the team itself, not a constituent` });
  }
  const badLines = new Set(problems.map((p) => p.line));
  const valid = ordered(
    checked.filter((e) => !badLines.has(e.line)),
    new Set(ids.keys()),
    problems,
  );
  const invalidCount = entries.length - valid.length;
  problems.sort((a, b) => a.line - b.line);
  if (problems.length > 0 && !options.skipInvalid) {
    const issues: FieldIssue[] = problems.map((p) => ({
      field: `${options.format === 'json' ? 'entry' : 'line'} ${p.line}: ${p.field}`,
      reason: p.reason,
    }));
    throw new ValidationError(issues, `${problems.length} problem(s), nothing imported`);
  }
  const report: ConstituencyImportReport = { created: [], updated: [], skipped: invalidCount, problems, dryRun: Boolean(options.dryRun) };
  if (valid.length === 0 && entries.length === 0) throw new ValidationError([{ field: '(file)', reason: 'no organisations in the file' }]);
  const apply = async (trx: Transaction<Schema>) => {
    const idOf = new Map<string, string>([...ids].map(([name, list]) => [name, list[0]!]));
    for (const e of valid) {
      const input: OrganisationInput = e.checked.input;
      const name = input.name.trim().toLowerCase();
      const parentId = input.parent ? (idOf.get(input.parent.trim().toLowerCase()) ?? null) : null;
      const id = idOf.get(name);
      if (id) {
        await replaceOrganisation(trx, actor, id, e.checked, parentId);
        report.updated.push(input.name);
      } else {
        idOf.set(name, await insertOrganisation(trx, actor, e.checked, parentId));
        report.created.push(input.name);
      }
    }
  };
  await transactionOrDryRun(db, Boolean(options.dryRun), apply);
  return report;
}
