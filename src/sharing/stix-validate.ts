/**
 * STIX 2.1 validation against the official JSON schemas (OASIS cti-stix2-json-schemas, shipped in
 * src/core/standards/stix): each object against the schema of its type, and the bundle around
 * them. An object of a type without an official schema (a custom `x-` type) is checked against
 * the core schema of its kind. The schemas cannot say everything the specification does (their
 * own README lists what they miss); what they can say, a bundle Vakt sends has been checked for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { issuesOf } from '../core/validate.js';
import { standardsUrl } from '../core/standards-path.js';
import type { FieldIssue } from '../core/errors.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives one level down.
const addFormats = addFormatsModule.default;

const SCHEMAS = standardsUrl('stix/schemas/');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

let compiled: { ajv: Ajv2020; byType: Map<string, ValidateFunction> } | undefined;

function validators() {
  if (compiled) return compiled;
  // The schemas' patterns escape characters the unicode flag refuses ("\-"); they are read as written.
  const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  // ajv-formats knows no internationalised host names: a name a URL can carry as its host is one.
  ajv.addFormat('idn-hostname', (name: string) => {
    try {
      return !/[\s/@:]/.test(name) && new URL(`http://${name}/`).hostname.length > 0;
    } catch {
      return false;
    }
  });
  const byType = new Map<string, ValidateFunction>();
  const folders = ['common', 'sdos', 'sros', 'observables', 'extensions'];
  const loaded: Array<{ folder: string; name: string }> = [];
  for (const folder of folders) {
    let files: string[];
    try {
      files = readdirSync(new URL(`${folder}/`, SCHEMAS)).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    for (const file of files) {
      ajv.addSchema(JSON.parse(readFileSync(new URL(`${folder}/${file}`, SCHEMAS), 'utf8')) as object);
      loaded.push({ folder, name: file.slice(0, -'.json'.length) });
    }
  }
  for (const { folder, name } of loaded)
    if (folder !== 'common' || name === 'marking-definition' || name === 'extension-definition' || name === 'language-content')
      byType.set(name, ajv.getSchema(`${BASE}${folder}/${name}.json`)!);
  compiled = { ajv, byType };
  return compiled;
}

/** What breaks the schemas in one STIX object; empty when nothing does. */
export function stixObjectIssues(object: unknown): FieldIssue[] {
  const { ajv, byType } = validators();
  const record = (object ?? {}) as Record<string, unknown>;
  // A type without an official schema: the core of a domain object (it has `created`), else of an observable.
  const validate =
    byType.get(String(record.type ?? '')) ?? ajv.getSchema(`${BASE}common/${'created' in record ? 'core' : 'cyber-observable-core'}.json`)!;
  return validate(object) ? [] : issuesOf(validate.errors);
}

/** What breaks the schemas in a bundle: its envelope, then each object, named by its place and id. */
export function stixBundleIssues(bundle: unknown): FieldIssue[] {
  const b = (bundle ?? {}) as { type?: unknown; id?: unknown; objects?: unknown };
  const issues: FieldIssue[] = [];
  if (b.type !== 'bundle') issues.push({ field: 'type', reason: 'must be "bundle"' });
  if (typeof b.id !== 'string' || !/^bundle--[0-9a-f-]{36}$/.test(b.id)) issues.push({ field: 'id', reason: 'must be bundle--<uuid>' });
  if (!Array.isArray(b.objects)) return [...issues, { field: 'objects', reason: 'must be a list' }];
  b.objects.forEach((object, i) => {
    for (const issue of stixObjectIssues(object))
      issues.push({
        field: `objects/${i} (${String((object as { id?: unknown })?.id ?? '?')})${issue.field ? ` ${issue.field}` : ''}`,
        reason: issue.reason,
      });
  });
  return issues;
}
