/**
 * What an author writes of an advisory, in the form's terms: products are catalogue ids, scores
 * are vectors (Vakt computes the score), the TLP is TLP 2.0. `build-csaf.ts` turns it into a CSAF
 * 2.0 document.
 */
import { Type, type Static } from 'typebox';
import { TLP_LABELS } from '../core/tlp.js';
import { StringEnum, strict } from '../core/validate.js';

export const ADVISORY_CATEGORIES = ['csaf_security_advisory', 'csaf_vex', 'csaf_informational_advisory', 'csaf_base'] as const;
export const CSAF_STATUSES = ['draft', 'interim', 'final'] as const;
export const NOTE_CATEGORIES = ['summary', 'description', 'details', 'faq', 'general', 'legal_disclaimer', 'other'] as const;
export const PRODUCT_STATUSES = [
  'known_affected',
  'known_not_affected',
  'fixed',
  'first_fixed',
  'first_affected',
  'last_affected',
  'recommended',
  'under_investigation',
] as const;
export const REMEDIATION_CATEGORIES = ['vendor_fix', 'mitigation', 'workaround', 'none_available', 'no_fix_planned'] as const;
export const THREAT_CATEGORIES = ['impact', 'exploit_status', 'target_set'] as const;

/** No leading or trailing blank: CSAF's own rule for its strings. */
const Line = (maxLength = 500) => Type.String({ minLength: 1, maxLength, pattern: '^\\S(.*\\S)?$' });
const Text = Type.String({ minLength: 1, maxLength: 50_000, pattern: '^\\S[\\s\\S]*$' });
const Url = Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://' });
const ProductIds = Type.Array(Type.String({ format: 'uuid' }), { maxItems: 10_000, uniqueItems: true });

const Note = Type.Object({ category: StringEnum(NOTE_CATEGORIES), title: Type.Optional(Line(200)), text: Text }, strict);
const Reference = Type.Object({ url: Url, summary: Line() }, strict);

const Vulnerability = Type.Object(
  {
    cve: Type.Optional(Type.String({ pattern: '^CVE-[0-9]{4}-[0-9]{4,}$' })),
    cwe: Type.Optional(Type.Object({ id: Type.String({ pattern: '^CWE-[1-9][0-9]{0,5}$' }), name: Line(300) }, strict)),
    title: Type.Optional(Line(300)),
    notes: Type.Array(Note, { maxItems: 50 }),
    /** CVSS v3.0 or v3.1 base vector; the score is computed. */
    cvssV3: Type.Optional(Type.String({ maxLength: 200 })),
    /** CVSS v4.0 base vector: CSAF 2.0 has no field for it, so it is stated in a note, with its score. */
    cvssV4: Type.Optional(Type.String({ maxLength: 300 })),
    productStatus: Type.Partial(Type.Object(Object.fromEntries(PRODUCT_STATUSES.map((s) => [s, ProductIds])), strict)),
    remediations: Type.Array(
      Type.Object({ category: StringEnum(REMEDIATION_CATEGORIES), details: Text, productIds: ProductIds, url: Type.Optional(Url) }, strict),
      { maxItems: 100 },
    ),
    threats: Type.Array(
      Type.Object({ category: StringEnum(THREAT_CATEGORIES), details: Text, productIds: Type.Optional(ProductIds) }, strict),
      { maxItems: 100 },
    ),
    references: Type.Array(Reference, { maxItems: 100 }),
  },
  strict,
);

export const AdvisoryContent = Type.Object(
  {
    title: Line(500),
    category: StringEnum(ADVISORY_CATEGORIES),
    /** The document's language (BCP 47). */
    lang: Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 }),
    /** The CSAF tracking status the next version is published with. */
    status: StringEnum(CSAF_STATUSES),
    tlp: StringEnum(TLP_LABELS),
    notes: Type.Array(Note, { maxItems: 50 }),
    references: Type.Array(Reference, { maxItems: 100 }),
    acknowledgments: Type.Array(
      Type.Object(
        {
          names: Type.Optional(Type.Array(Line(200), { minItems: 1, maxItems: 50 })),
          organization: Type.Optional(Line(200)),
          summary: Type.Optional(Line(500)),
        },
        strict,
      ),
      { maxItems: 50 },
    ),
    /** Catalogue products the advisory is about, beyond those its vulnerabilities name. */
    productIds: ProductIds,
    vulnerabilities: Type.Array(Vulnerability, { maxItems: 1000 }),
    /** What the next published version changes: its revision history entry. */
    revisionSummary: Type.Optional(Line(500)),
  },
  strict,
);
export type AdvisoryContent = Static<typeof AdvisoryContent>;
export type VulnerabilityContent = AdvisoryContent['vulnerabilities'][number];

/** Every catalogue product the content names, in the order first named. */
export function productIdsOf(content: AdvisoryContent): string[] {
  const ids = new Set(content.productIds);
  for (const v of content.vulnerabilities) {
    for (const list of Object.values(v.productStatus)) for (const id of list ?? []) ids.add(id);
    for (const r of v.remediations) for (const id of r.productIds) ids.add(id);
    for (const t of v.threats) for (const id of t.productIds ?? []) ids.add(id);
  }
  return [...ids];
}
