/**
 * The provider metadata of CSAF 2.0 section 7.1.7, and its validation against the official
 * provider schema (shipped in core/standards/csaf, OASIS licence), as an aggregator's list too. The schema takes the
 * publisher's definition from the CSAF document schema, which is loaded beside it; CVSS's own
 * schemas, which it also names, play no part in provider metadata and are left blank.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import csafSchema from '../core/standards/csaf/csaf_json_schema.json' with { type: 'json' };
import providerSchema from '../core/standards/csaf/provider_json_schema.json' with { type: 'json' };
import aggregatorSchema from '../core/standards/csaf/aggregator_json_schema.json' with { type: 'json' };
import { issuesOf } from '../core/validate.js';
import type { FieldIssue } from '../core/errors.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives one level down.
const addFormats = addFormatsModule.default;

let compiled: { provider: ValidateFunction; aggregator: ValidateFunction } | undefined;

function validators() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    for (const version of ['v2.0', 'v3.0', 'v3.1']) ajv.addSchema({}, `https://www.first.org/cvss/cvss-${version}.json`);
    ajv.addSchema(csafSchema);
    ajv.addSchema(providerSchema);
    compiled = { provider: ajv.getSchema(providerSchema.$id)!, aggregator: ajv.compile(aggregatorSchema) };
  }
  return compiled;
}

/** What in DATA breaks the provider schema; empty when nothing does. */
export function providerMetadataIssues(data: unknown): FieldIssue[] {
  const { provider } = validators();
  return provider(data) ? [] : issuesOf(provider.errors);
}

/** What in DATA breaks the aggregator schema (an aggregator's or lister's aggregator.json, section 7.1.21). */
export function aggregatorIssues(data: unknown): FieldIssue[] {
  const { aggregator } = validators();
  return aggregator(data) ? [] : issuesOf(aggregator.errors);
}

export interface ProviderMetadataInput {
  base: string;
  publisher: { category: string; name: string; namespace: string };
  lastUpdated: string;
  key: { fingerprint: string } | undefined;
}

export const FEED_LABELS = ['WHITE', 'GREEN', 'AMBER', 'RED'] as const;
export const feedUrl = (base: string, label: string) => `${base}/feed-tlp-${label.toLowerCase()}.json`;

export function providerMetadata(input: ProviderMetadataInput): Record<string, unknown> {
  const { base } = input;
  return {
    canonical_url: `${base}/provider-metadata.json`,
    distributions: [
      ...FEED_LABELS.map((label) => ({ directory_url: `${base}/${label.toLowerCase()}/` })),
      {
        rolie: {
          feeds: FEED_LABELS.map((label) => ({
            summary: `Advisories of ${input.publisher.name} labelled TLP:${label}`,
            tlp_label: label,
            url: feedUrl(base, label),
          })),
        },
      },
    ],
    last_updated: input.lastUpdated,
    list_on_CSAF_aggregators: true,
    metadata_version: '2.0',
    mirror_on_CSAF_aggregators: true,
    public_openpgp_keys: input.key ? [{ fingerprint: input.key.fingerprint, url: `${base}/openpgp/${input.key.fingerprint}.asc` }] : [],
    publisher: input.publisher,
    role: 'csaf_trusted_provider',
  };
}
