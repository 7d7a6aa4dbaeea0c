/**
 * One validator for API bodies, CLI files and stored documents: ajv over TypeBox schemas, with
 * ajv's errors turned into {field, reason} pairs a person can act on.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Type, type Static, type TSchema } from 'typebox';
import { ValidationError, type FieldIssue } from './errors.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives one level down.
const addFormats = addFormatsModule.default;

export function createAjv(options: { coerceTypes?: boolean | 'array' } = {}): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    removeAdditional: false,
    useDefaults: true,
    coerceTypes: options.coerceTypes ?? false,
  });
  addFormats(ajv);
  return ajv;
}

const ajv = createAjv();
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** A value or null, as a column that may be empty answers. */
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A count from a bigint column: the driver gives text, a computed one a number. */
export const DbCount = Type.Union([Type.String(), Type.Number()]);

/** An object schema that refuses properties it does not name. */
export const strict = { additionalProperties: false } as const;

/** A string enum as JSON Schema `enum` (clearer errors than a union of literals). */
export function StringEnum<const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export function fieldOf(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part), '');
}

export function issuesOf(errors: readonly ErrorObject[] | null | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const error of errors ?? []) {
    const field = fieldOf(error.instancePath);
    const params = error.params as Record<string, unknown>;
    let issue: FieldIssue;
    switch (error.keyword) {
      case 'additionalProperties':
        issue = { field: [field, String(params.additionalProperty)].filter(Boolean).join('.'), reason: 'unknown field' };
        break;
      case 'required':
        issue = { field: [field, String(params.missingProperty)].filter(Boolean).join('.'), reason: 'is required' };
        break;
      case 'enum':
        issue = { field: field || '(root)', reason: `must be one of: ${(params.allowedValues as unknown[]).join(', ')}` };
        break;
      case 'type':
        issue = {
          field: field || '(root)',
          reason: `must be ${params.type === 'object' || params.type === 'array' || params.type === 'integer' ? 'an' : 'a'} ${String(params.type)}`,
        };
        break;
      default:
        issue = { field: field || '(root)', reason: error.message ?? 'is not valid' };
    }
    if (!issues.some((i) => i.field === issue.field && i.reason === issue.reason)) issues.push(issue);
  }
  return issues;
}

/** Returns the value typed by its schema, or throws a ValidationError listing every issue. */
export function validate<S extends TSchema>(schema: S, value: unknown, source?: string): Static<S> {
  let check = compiled.get(schema);
  if (!check) {
    check = ajv.compile(schema);
    compiled.set(schema, check);
  }
  if (!check(value)) throw new ValidationError(issuesOf(check.errors), source);
  return value as Static<S>;
}

/*
 * Text that no field may hold: NUL (PostgreSQL's text refuses it) and UTF-16 surrogates that are
 * not paired (they are not Unicode characters; jsonb refuses their escapes). Other control
 * characters are text a person may have pasted and are kept.
 */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every place in a parsed JSON value (keys included) that holds unstorable text. */
export function unstorableText(value: unknown, field = ''): FieldIssue[] {
  const reason = 'contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored';
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [{ field: field || '(root)', reason }] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorableText(item, `${field}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const path = field ? `${field}.${key}` : key;
      return [...(UNSTORABLE.test(key) ? [{ field: path, reason }] : []), ...unstorableText(item, path)];
    });
  }
  return [];
}
