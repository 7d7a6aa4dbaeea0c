/**
 * The advisory form's own terms, and the way back to the API's content. The form shows the parts
 * an author writes; what else the content holds (other notes and statuses, a threat's products,
 * the products named beyond the vulnerabilities) is carried over untouched, so saving never loses
 * what the form does not show.
 */
import type { Answer } from '../../api';

export type Authored = Answer<'/api/authored-advisories/{id}'>;
export type Content = Authored['content'];
type Vulnerability = Content['vulnerabilities'][number];
export type ReferenceRow = { url: string; summary: string };
/** A threat as the form shows it; its products, which the form does not edit, ride along. */
export type ThreatRow = { category: Vulnerability['threats'][number]['category']; details: string; productIds?: string[] };
/** Names as one comma-separated line. */
export type AcknowledgmentRow = { names: string; organization: string; summary: string };

export interface VulnDraft {
  cve: string;
  cweId: string;
  cweName: string;
  title: string;
  description: string;
  cvssV3: string;
  cvssV4: string;
  affected: string[];
  fixed: string[];
  remedy: string;
  remedyUrl: string;
  threats: ThreatRow[];
  references: ReferenceRow[];
}

export interface Draft {
  title: string;
  category: Content['category'];
  lang: string;
  status: Content['status'];
  tlp: Content['tlp'];
  summary: string;
  revisionSummary: string;
  references: ReferenceRow[];
  acknowledgments: AcknowledgmentRow[];
  vulns: VulnDraft[];
}

export const emptyVuln = (): VulnDraft => ({
  cve: '',
  cweId: '',
  cweName: '',
  title: '',
  description: '',
  cvssV3: '',
  cvssV4: '',
  affected: [],
  fixed: [],
  remedy: '',
  remedyUrl: '',
  threats: [],
  references: [],
});

export const emptyDraft = (): Draft => ({
  title: '',
  category: 'csaf_security_advisory',
  lang: 'en',
  status: 'final',
  tlp: 'CLEAR',
  summary: '',
  revisionSummary: '',
  references: [],
  acknowledgments: [],
  vulns: [emptyVuln()],
});

export function draftOf(content: Content): Draft {
  return {
    title: content.title,
    category: content.category,
    lang: content.lang,
    status: content.status,
    tlp: content.tlp,
    summary: content.notes.find((n) => n.category === 'summary')?.text ?? '',
    revisionSummary: content.revisionSummary ?? '',
    references: content.references,
    acknowledgments: content.acknowledgments.map((a) => ({
      names: (a.names ?? []).join(', '),
      organization: a.organization ?? '',
      summary: a.summary ?? '',
    })),
    vulns: content.vulnerabilities.map((v) => {
      const remedy = v.remediations.find((r) => r.category === 'vendor_fix');
      return {
        cve: v.cve ?? '',
        cweId: v.cwe?.id ?? '',
        cweName: v.cwe?.name ?? '',
        title: v.title ?? '',
        description: v.notes.find((n) => n.category === 'description')?.text ?? '',
        cvssV3: v.cvssV3 ?? '',
        cvssV4: v.cvssV4 ?? '',
        affected: v.productStatus.known_affected ?? [],
        fixed: v.productStatus.fixed ?? [],
        remedy: remedy?.details ?? '',
        remedyUrl: remedy?.url ?? '',
        threats: v.threats,
        references: v.references,
      };
    }),
  };
}

const some = <K extends string, V>(key: K, value: V | '' | undefined) => (value ? ({ [key]: value } as Record<K, V>) : {});

/** Rows left wholly blank are dropped; the rest are trimmed (the server names what is still wrong). */
const referencesOf = (rows: readonly ReferenceRow[]) =>
  rows.filter((r) => r.url.trim() || r.summary.trim()).map((r) => ({ url: r.url.trim(), summary: r.summary.trim() }));

const threatsOf = (rows: readonly ThreatRow[]) => rows.filter((r) => r.details.trim()).map((r) => ({ ...r, details: r.details.trim() }));

const acknowledgmentsOf = (rows: readonly AcknowledgmentRow[]) =>
  rows
    .map((r) => ({
      names: r.names
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean),
      organization: r.organization.trim(),
      summary: r.summary.trim(),
    }))
    .filter((r) => r.names.length > 0 || r.organization || r.summary)
    .map((r) => ({
      ...(r.names.length > 0 ? { names: r.names } : {}),
      ...some('organization', r.organization),
      ...some('summary', r.summary),
    }));

function vulnerabilityOf(d: VulnDraft, before: Vulnerability | undefined): Vulnerability {
  const { known_affected: _affected, fixed: _fixed, ...otherStatuses } = before?.productStatus ?? {};
  return {
    ...some('cve', d.cve.trim()),
    ...(d.cweId.trim() ? { cwe: { id: d.cweId.trim(), name: d.cweName.trim() } } : {}),
    ...some('title', d.title.trim()),
    notes: [
      ...(d.description.trim() ? [{ category: 'description' as const, text: d.description.trim() }] : []),
      ...(before?.notes.filter((n) => n.category !== 'description') ?? []),
    ],
    ...some('cvssV3', d.cvssV3.trim()),
    ...some('cvssV4', d.cvssV4.trim()),
    productStatus: {
      ...otherStatuses,
      ...(d.affected.length > 0 ? { known_affected: d.affected } : {}),
      ...(d.fixed.length > 0 ? { fixed: d.fixed } : {}),
    },
    remediations: [
      ...(d.remedy.trim()
        ? [{ category: 'vendor_fix' as const, details: d.remedy.trim(), productIds: d.affected, ...some('url', d.remedyUrl.trim()) }]
        : []),
      ...(before?.remediations.filter((r) => r.category !== 'vendor_fix') ?? []),
    ],
    threats: threatsOf(d.threats),
    references: referencesOf(d.references),
  };
}

export function contentOf(draft: Draft, before: Content | undefined): Content {
  return {
    title: draft.title.trim(),
    category: draft.category,
    lang: draft.lang,
    status: draft.status,
    tlp: draft.tlp,
    notes: [
      ...(draft.summary.trim() ? [{ category: 'summary' as const, title: 'Summary', text: draft.summary.trim() }] : []),
      ...(before?.notes.filter((n) => n.category !== 'summary') ?? []),
    ],
    references: referencesOf(draft.references),
    acknowledgments: acknowledgmentsOf(draft.acknowledgments),
    productIds: before?.productIds ?? [],
    vulnerabilities: draft.vulns.map((v, i) => vulnerabilityOf(v, before?.vulnerabilities[i])),
    ...some('revisionSummary', draft.revisionSummary.trim()),
  };
}

/**
 * The form field a finding belongs to: a JSON path of the CSAF document (a validator finding) or
 * a field of the content (the API's refusal), as "title", "summary", "v0.cvssV3" …
 */
export function fieldOfPath(path: string, message = ''): string {
  const p = path.replace(/^\//, '');
  const vuln = /^vulnerabilities\/(\d+)(?:\/([^/]+))?/.exec(p);
  if (vuln) {
    const at = `v${vuln[1]}`;
    const part = vuln[2] ?? '';
    const byPart: Record<string, string> = {
      cve: 'cve',
      cwe: 'cweId',
      title: 'title',
      notes: 'description',
      scores: 'cvssV3',
      cvssV3: 'cvssV3',
      cvssV4: 'cvssV4',
      product_status: 'affected',
      productStatus: 'affected',
      remediations: 'remedy',
      threats: 'threats',
      references: 'references',
    };
    // A finding on the vulnerability as a whole names what it lacks: a missing note belongs to the description.
    return `${at}.${byPart[part] ?? (/\bnotes\b/.test(message) ? 'description' : 'cve')}`;
  }
  if (/^(document\/)?title/.test(p)) return 'title';
  if (/^(document\/)?category/.test(p)) return 'category';
  if (/^(document\/)?lang/.test(p)) return 'lang';
  if (/^(document\/)?notes/.test(p)) return 'summary';
  if (/^(document\/)?references/.test(p)) return 'references';
  if (/^(document\/)?acknowledgments/.test(p)) return 'acknowledgments';
  if (/^(document\/distribution|tlp)/.test(p)) return 'tlp';
  if (/^(document\/tracking|status|revisionSummary)/.test(p)) return 'status';
  if (/^(product_tree|productIds)/.test(p)) return 'products';
  return 'document';
}
