/**
 * An authored advisory as a CSAF 2.0 document: the publisher from the team profile, the product
 * tree from the catalogue (vendor → product → version, with CPE and purl), scores computed from
 * their vectors, and TLP 2.0 written as CSAF 2.0's TLP 1.0 labels.
 */
import { VaktError } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import type { TeamProfile } from '../profile/schema.js';
import type { Product } from './catalogue.js';
import type { AdvisoryContent, VulnerabilityContent } from './content.js';
import { scoreVector } from './cvss.js';

/** TLP 2.0 as CSAF 2.0 can write it; AMBER+STRICT has no CSAF 2.0 label and is never widened into one. */
export function csafTlpOf(tlp: TlpLabel): 'WHITE' | 'GREEN' | 'AMBER' | 'RED' {
  if (tlp === 'AMBER+STRICT')
    throw new VaktError('conflict', 'CSAF 2.0 has no TLP:AMBER+STRICT; publishing it as TLP:AMBER would widen its audience');
  return tlp === 'CLEAR' ? 'WHITE' : tlp;
}

export interface RevisionEntry {
  date: string;
  number: string;
  summary: string;
}

export interface DocumentFrame {
  trackingId: string;
  /** The version this document is: an integer, as the revision history counts. */
  version: number;
  /** The entries of the versions before it. */
  history: readonly RevisionEntry[];
  initialReleaseDate: string;
  releaseDate: string;
  /** Where the document will be found (its `self` reference), when the team's address is known. */
  selfUrl?: string;
}

/** The product id an entry of the catalogue has in every document. */
export const csafProductId = (productId: string) => `CSAFPID-${productId}`;

function productTree(products: readonly Product[]) {
  const vendors = new Map<string, Map<string, Product[]>>();
  for (const p of products) {
    const byName = vendors.get(p.vendor) ?? new Map<string, Product[]>();
    byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
    vendors.set(p.vendor, byName);
  }
  return {
    branches: [...vendors].map(([vendor, byName]) => ({
      category: 'vendor',
      name: vendor,
      branches: [...byName].map(([name, versions]) => ({
        category: 'product_name',
        name,
        branches: versions.map((p) => ({
          category: 'product_version',
          name: p.version,
          product: {
            product_id: csafProductId(p.id),
            name: `${p.vendor} ${p.name} ${p.version}`,
            ...(p.cpe || p.purl
              ? { product_identification_helper: { ...(p.cpe ? { cpe: p.cpe } : {}), ...(p.purl ? { purl: p.purl } : {}) } }
              : {}),
          },
        })),
      })),
    })),
  };
}

const ids = (list: readonly string[]) => list.map(csafProductId);
const nonEmpty = <T>(key: string, list: readonly T[]) => (list.length > 0 ? { [key]: list } : {});

function vulnerability(v: VulnerabilityContent) {
  const status = Object.fromEntries(
    Object.entries(v.productStatus).flatMap(([k, list]) => (list && list.length > 0 ? [[k, ids(list)]] : [])),
  );
  const affected = [
    ...new Set([
      ...(v.productStatus.known_affected ?? []),
      ...(v.productStatus.first_affected ?? []),
      ...(v.productStatus.last_affected ?? []),
    ]),
  ];
  const v3 = v.cvssV3 ? scoreVector(v.cvssV3) : undefined;
  const v4 = v.cvssV4 ? scoreVector(v.cvssV4) : undefined;
  const notes = [
    ...v.notes.map((n) => ({ category: n.category, text: n.text, ...(n.title ? { title: n.title } : {}) })),
    ...(v4 ? [{ category: 'other', title: 'CVSS v4.0', text: `${v4.vectorString} (base score ${v4.baseScore}, ${v4.baseSeverity})` }] : []),
  ];
  return {
    ...(v.cve ? { cve: v.cve } : {}),
    ...(v.cwe ? { cwe: v.cwe } : {}),
    ...(v.title ? { title: v.title } : {}),
    ...nonEmpty('notes', notes),
    ...(Object.keys(status).length > 0 ? { product_status: status } : {}),
    ...nonEmpty(
      'remediations',
      v.remediations.map((r) => ({
        category: r.category,
        details: r.details,
        product_ids: ids(r.productIds),
        ...(r.url ? { url: r.url } : {}),
      })),
    ),
    ...(v3 && affected.length > 0 ? { scores: [{ cvss_v3: v3, products: ids(affected) }] } : {}),
    ...nonEmpty(
      'threats',
      v.threats.map((t) => ({
        category: t.category,
        details: t.details,
        ...(t.productIds?.length ? { product_ids: ids(t.productIds) } : {}),
      })),
    ),
    ...nonEmpty(
      'references',
      v.references.map((r) => ({ category: 'external', summary: r.summary, url: r.url })),
    ),
  };
}

/** The same value with every object's keys in alphabetical order, as CSAF 2.0's test 6.2.13 asks. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
    );
  return value;
}

export function buildCsaf(
  content: AdvisoryContent,
  products: readonly Product[],
  profile: TeamProfile,
  namespace: string,
  frame: DocumentFrame,
  generator: { name: string; version: string },
): Record<string, unknown> {
  const label = csafTlpOf(content.tlp);
  const current: RevisionEntry = {
    date: frame.releaseDate,
    number: String(frame.version),
    summary: content.revisionSummary ?? (frame.version === 1 ? 'Initial release.' : `Version ${frame.version}.`),
  };
  const references = [
    ...(frame.selfUrl ? [{ category: 'self', summary: 'This document', url: frame.selfUrl }] : []),
    ...content.references.map((r) => ({ category: 'external', summary: r.summary, url: r.url })),
  ];
  return sorted({
    document: {
      category: content.category,
      csaf_version: '2.0',
      title: content.title,
      lang: content.lang,
      publisher: {
        category: 'coordinator',
        name: profile.team.name,
        namespace,
        contact_details: `Mail: ${profile.email.address}`,
      },
      distribution: {
        tlp: { label, url: 'https://www.first.org/tlp/' },
        ...(content.tlp === 'CLEAR'
          ? { text: 'TLP:CLEAR (TLP 2.0). CSAF 2.0 knows the labels of TLP 1.0 only, so it is written TLP:WHITE here.' }
          : {}),
      },
      ...nonEmpty(
        'notes',
        content.notes.map((n) => ({ category: n.category, text: n.text, ...(n.title ? { title: n.title } : {}) })),
      ),
      ...nonEmpty('references', references),
      ...nonEmpty('acknowledgments', content.acknowledgments),
      tracking: {
        id: frame.trackingId,
        status: content.status,
        version: String(frame.version),
        initial_release_date: frame.initialReleaseDate,
        current_release_date: frame.releaseDate,
        revision_history: [...frame.history, current],
        generator: { engine: generator, date: frame.releaseDate },
      },
    },
    ...(products.length > 0 ? { product_tree: productTree(products) } : {}),
    ...nonEmpty('vulnerabilities', content.vulnerabilities.map(vulnerability)),
  }) as Record<string, unknown>;
}
