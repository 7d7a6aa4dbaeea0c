/**
 * How a feed's rows become events, written as data: which column (or constant) gives the time,
 * the source address, port, ASN, country, protocol, the RSIT class and type, and a short
 * identifier ("open-rdp"). A new feed needs a mapping, not code; the Shadowserver reports are
 * mappings too (shadowserver.ts). A mapping is compiled once per run to column indexes.
 */
import { Type, type Static } from 'typebox';
import { ValidationError, type FieldIssue } from '../core/errors.js';
import { checkRsit } from '../core/taxonomies.js';
import { validate } from '../core/validate.js';

/** A column name, `{ "column": … }`, the first non-empty of `{ "columns": […] }`, or `{ "value": … }`. */
const FieldRefSchema = Type.Union([
  Type.String({ minLength: 1, maxLength: 100 }),
  Type.Object({ column: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
  Type.Object(
    { columns: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { minItems: 1, maxItems: 10 }) },
    { additionalProperties: false },
  ),
  Type.Object({ value: Type.String({ maxLength: 200 }) }, { additionalProperties: false }),
]);
export type FieldRef = Static<typeof FieldRefSchema>;

export const MappingSchema = Type.Object(
  {
    time: FieldRefSchema,
    /** iso: ISO 8601 or "YYYY-MM-DD HH:MM:SS" (UTC unless an offset is given); epoch: seconds. */
    timeFormat: Type.Optional(Type.Union([Type.Literal('iso'), Type.Literal('epoch'), Type.Literal('epoch-ms')])),
    sourceIp: Type.Optional(FieldRefSchema),
    /** A host name or URL: routes by domain when the row has no address. */
    sourceDomain: Type.Optional(FieldRefSchema),
    sourcePort: Type.Optional(FieldRefSchema),
    asn: Type.Optional(FieldRefSchema),
    geo: Type.Optional(FieldRefSchema),
    protocol: Type.Optional(FieldRefSchema),
    rsitClass: FieldRefSchema,
    rsitType: FieldRefSchema,
    identifier: Type.Optional(FieldRefSchema),
    /** A row is a finding only when this column has one of these values (case-insensitive); other rows are skipped and counted. */
    finding: Type.Optional(
      Type.Object(
        {
          column: Type.String({ minLength: 1, maxLength: 100 }),
          equals: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 20 }),
        },
        { additionalProperties: false },
      ),
    ),
    /** Columns the header must have; a file without them is refused before any row is read. */
    requiredColumns: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type Mapping = Static<typeof MappingSchema>;

type Getter = (row: readonly string[]) => string;

export interface CompiledMapping {
  time: Getter;
  timeFormat: 'iso' | 'epoch' | 'epoch-ms';
  sourceIp: Getter;
  sourceDomain: Getter;
  sourcePort: Getter;
  asn: Getter;
  geo: Getter;
  protocol: Getter;
  rsitClass: Getter;
  rsitType: Getter;
  identifier: Getter;
  isFinding: (row: readonly string[]) => boolean;
}

const empty: Getter = () => '';
const always = () => true;

function columnsOf(ref: FieldRef): string[] {
  if (typeof ref === 'string') return [ref];
  if ('column' in ref) return [ref.column];
  if ('columns' in ref) return ref.columns;
  return [];
}

export function validateMapping(value: unknown, source = 'mapping'): Mapping {
  const mapping = validate(MappingSchema, value, source);
  const issues: FieldIssue[] = [];
  const constant = (ref: FieldRef | undefined) => (ref && typeof ref === 'object' && 'value' in ref ? ref.value : undefined);
  const rsitClass = constant(mapping.rsitClass);
  const rsitType = constant(mapping.rsitType);
  if (rsitClass !== undefined && rsitType !== undefined) issues.push(...checkRsit(rsitClass, rsitType));
  if (issues.length > 0) throw new ValidationError(issues, source);
  return mapping;
}

/** Column indexes for this header; a header without a mapped or required column is refused. */
export function compileMapping(mapping: Mapping, header: readonly string[]): CompiledMapping {
  const index = new Map(header.map((h, i) => [h.trim().toLowerCase(), i]));
  const missing: string[] = [];
  /** Only the time, the class and type, and an address or domain must be present; other columns may be absent. */
  const getter = (ref: FieldRef | undefined, required = false): Getter => {
    if (!ref) return empty;
    if (typeof ref === 'object' && 'value' in ref) {
      const v = ref.value;
      return () => v;
    }
    const indexes = columnsOf(ref).map((c) => index.get(c.toLowerCase()));
    const present = indexes.filter((i): i is number => i !== undefined);
    if (present.length === 0) {
      if (required) missing.push(columnsOf(ref).join(' or '));
      return empty;
    }
    if (present.length === 1) {
      const i = present[0]!;
      return (row) => row[i] ?? '';
    }
    return (row) => {
      for (const i of present) if (row[i]) return row[i]!;
      return '';
    };
  };
  const compiled: CompiledMapping = {
    time: getter(mapping.time, true),
    timeFormat: mapping.timeFormat ?? 'iso',
    sourceIp: getter(mapping.sourceIp),
    sourceDomain: getter(mapping.sourceDomain),
    sourcePort: getter(mapping.sourcePort),
    asn: getter(mapping.asn),
    geo: getter(mapping.geo),
    protocol: getter(mapping.protocol),
    rsitClass: getter(mapping.rsitClass, true),
    rsitType: getter(mapping.rsitType, true),
    identifier: getter(mapping.identifier),
    isFinding: always,
  };
  if (mapping.finding) {
    const at = index.get(mapping.finding.column.toLowerCase());
    const values = new Set(mapping.finding.equals.map((v) => v.toLowerCase()));
    if (at === undefined) missing.push(mapping.finding.column);
    else compiled.isFinding = (row) => values.has((row[at] ?? '').trim().toLowerCase());
  }
  if (compiled.sourceIp === empty && compiled.sourceDomain === empty) {
    missing.push(
      [...(mapping.sourceIp ? columnsOf(mapping.sourceIp) : []), ...(mapping.sourceDomain ? columnsOf(mapping.sourceDomain) : [])].join(
        ' or ',
      ) || 'for the source address',
    );
  }
  for (const column of mapping.requiredColumns ?? []) if (!index.has(column.toLowerCase())) missing.push(column);
  if (missing.length > 0) {
    throw new ValidationError([
      {
        field: 'header',
        reason: `the file has no column ${[...new Set(missing)].join(', ')}; its columns are ${header.slice(0, 40).join(', ')}`,
      },
    ]);
  }
  return compiled;
}

const SPACE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * A time as feeds write it; undefined when it is not one. ISO times are read field by field
 * (Date.UTC, not the Date parser, which took a twentieth of a feed run); a day the month does
 * not have, or an hour, minute or second out of range, is not a time.
 */
export function parseFeedTime(text: string, format: CompiledMapping['timeFormat']): Date | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (format !== 'iso') {
    if (!/^\d{1,13}(\.\d+)?$/.test(trimmed)) return undefined;
    const date = new Date(Number(trimmed) * (format === 'epoch' ? 1000 : 1));
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const m = SPACE_TIME.exec(trimmed);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((f) => Number(f ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (year < 1990 || year > 2200 || hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) * 60_000 : 0;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0);
  const date = new Date(local);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return new Date(local - offset);
}
