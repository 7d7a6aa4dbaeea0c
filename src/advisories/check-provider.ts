/**
 * A CSAF provider's self-check (CSAF 2.0 section 7.1, requirements 1–23): it reads the provider
 * as a consumer would — provider metadata, security.txt, feeds, folders, documents, hashes and
 * signatures — and reports, rule by rule, what passes, what fails and why. Requirements that
 * apply only to aggregators, or that one of several alternatives already meets, say so instead
 * of passing silently.
 */
import * as openpgp from 'openpgp';
import { createHash } from 'node:crypto';
import { describeFetch, getBounded, type Fetched } from './fetch-bounded.js';
import { fileNameOf } from './provider-layout.js';
import { providerMetadataIssues } from './provider-metadata.js';
import { CSAF_MAX_BYTES, testCsaf } from './validate-csaf.js';
import { asList, asRecord, asText as textOrNull } from './json-readers.js';

export type RuleStatus = 'pass' | 'fail' | 'not-applicable' | 'not-offered';

export interface RuleResult {
  rule: number;
  title: string;
  status: RuleStatus;
  messages: string[];
}

export interface ProviderCheck {
  metadataUrl: string;
  role: string | null;
  documents: number;
  passed: boolean;
  rules: RuleResult[];
}

export interface CheckOptions {
  /** Fetch from private addresses (a provider inside the team's network, or this machine). */
  allowPrivate: boolean;
  timeoutMs?: number;
  /** Stop after this many documents (a large provider; the report says how many were read). */
  maxDocuments?: number;
  /** How a file is fetched: over the network by default; the server's own check asks itself. */
  get?: (url: string, maxBytes: number) => Promise<Fetched>;
}

const TITLES: Record<number, string> = {
  1: 'Valid CSAF document',
  2: 'Filename',
  3: 'TLS',
  4: 'TLP:WHITE',
  5: 'TLP:AMBER and TLP:RED',
  6: 'No redirects',
  7: 'provider-metadata.json',
  8: 'security.txt',
  9: 'Well-known URL for provider-metadata.json',
  10: 'DNS path',
  11: 'One folder per year',
  12: 'index.txt',
  13: 'changes.csv',
  14: 'Directory listings',
  15: 'ROLIE feed',
  16: 'ROLIE service document',
  17: 'ROLIE category document',
  18: 'Integrity',
  19: 'Signatures',
  20: 'Public OpenPGP Key',
  21: 'List of CSAF providers',
  22: 'Two disjoint issuing parties',
  23: 'Mirror',
};

/** Records what each rule found; a rule with no failure and something checked passes. */
class Report {
  private readonly failures = new Map<number, string[]>();
  private readonly checked = new Set<number>();
  private readonly fixed = new Map<number, { status: RuleStatus; message: string }>();

  ok(rule: number): void {
    this.checked.add(rule);
  }
  fail(rule: number, message: string): void {
    this.checked.add(rule);
    const list = this.failures.get(rule) ?? [];
    // A provider of thousands of documents breaks a rule the same way many times: the first ten say enough.
    if (list.length < 10) list.push(message);
    else if (list.length === 10) list.push('… and more');
    this.failures.set(rule, list);
  }
  set(rule: number, status: RuleStatus, message: string): void {
    this.fixed.set(rule, { status, message });
  }
  failed(rule: number): boolean {
    return this.failures.has(rule);
  }
  passes(rule: number): boolean {
    return this.checked.has(rule) && !this.failures.has(rule) && !this.fixed.has(rule);
  }
  results(): RuleResult[] {
    return Object.entries(TITLES).map(([n, title]) => {
      const rule = Number(n);
      const fixed = this.fixed.get(rule);
      if (fixed && !this.failures.has(rule)) return { rule, title, status: fixed.status, messages: [fixed.message] };
      const failures = this.failures.get(rule);
      if (failures) return { rule, title, status: 'fail', messages: failures };
      if (this.checked.has(rule)) return { rule, title, status: 'pass', messages: [] };
      return { rule, title, status: 'fail', messages: ['nothing could be checked'] };
    });
  }
}

class Fetcher {
  constructor(
    private readonly report: Report,
    private readonly options: CheckOptions,
  ) {}

  /** GETs URL without following redirects (requirement 6) and without sending credentials. */
  async get(url: string, maxBytes = CSAF_MAX_BYTES): Promise<Fetched | undefined> {
    if (!url.startsWith('https://')) this.report.fail(3, `${url} is not served over HTTPS`);
    else this.report.ok(3);
    const fetched = this.options.get
      ? await this.options.get(url, maxBytes)
      : await getBounded(url, {
          allowPrivate: this.options.allowPrivate,
          maxBytes,
          ...(this.options.timeoutMs ? { timeoutMs: this.options.timeoutMs } : {}),
        });
    if (fetched.status >= 300 && fetched.status < 400)
      this.report.fail(6, `${url} redirects (HTTP ${fetched.status} to ${fetched.location ?? '?'})`);
    else if (fetched.status !== 0) this.report.ok(6);
    return fetched;
  }
}

const asText = (value: unknown): string => textOrNull(value) ?? '';

function parseJson(fetched: Fetched | undefined): unknown {
  if (!fetched || fetched.status !== 200) return undefined;
  try {
    return JSON.parse(fetched.body.toString('utf8'));
  } catch {
    return undefined;
  }
}

const describe = describeFetch;

/** Where the metadata is: the URL given, or, for a bare site, its well-known place. */
export function metadataUrlOf(target: string): string {
  const url = new URL(/^[a-z]+:\/\//i.test(target) ? target : `https://${target}`);
  return url.pathname.endsWith('.json') ? url.href : `${url.origin}/.well-known/csaf/provider-metadata.json`;
}

interface FoundDocument {
  url: string;
  /** The label of the feed or folder it was found in. */
  label: string;
}

export async function checkProvider(target: string, options: CheckOptions): Promise<ProviderCheck> {
  const report = new Report();
  const http = new Fetcher(report, options);
  const metadataUrl = metadataUrlOf(target);
  const origin = new URL(metadataUrl).origin;

  // 7 and 9: the metadata, valid, at its well-known place.
  const metadataFile = await http.get(metadataUrl, 1024 * 1024);
  const metadata = asRecord(parseJson(metadataFile));
  if (!metadataFile || metadataFile.status !== 200 || Object.keys(metadata).length === 0) {
    report.fail(7, `${metadataUrl}: ${describe(metadataFile)}, or not JSON`);
    return { metadataUrl, role: null, documents: 0, passed: false, rules: report.results() };
  }
  const issues = providerMetadataIssues(metadata);
  if (issues.length > 0) for (const i of issues) report.fail(7, `${i.field || '(document)'} ${i.reason}`);
  else report.ok(7);
  if (metadata.canonical_url !== metadataUrl) report.fail(7, `canonical_url is ${asText(metadata.canonical_url)}, not ${metadataUrl}`);
  const role = asText(metadata.role) || 'csaf_provider';
  const wellKnown = `${origin}/.well-known/csaf/provider-metadata.json`;
  if (metadataUrl === wellKnown) report.ok(9);
  else {
    const atWellKnown = await http.get(wellKnown, 1024 * 1024);
    if (atWellKnown?.status === 200) report.ok(9);
    else report.set(9, 'fail', `${wellKnown}: ${describe(atWellKnown)}`);
  }

  // 8: security.txt names the metadata.
  const securityTxt = await http.get(`${origin}/.well-known/security.txt`, 64 * 1024);
  const csafLines = (securityTxt?.status === 200 ? securityTxt.body.toString('utf8') : '')
    .split(/\r?\n/)
    .filter((l) => /^CSAF:\s*/i.test(l))
    .map((l) => l.replace(/^CSAF:\s*/i, '').trim());
  if (csafLines.includes(metadataUrl)) report.ok(8);
  else
    report.set(
      8,
      'fail',
      `${origin}/.well-known/security.txt: ${securityTxt?.status === 200 ? `no CSAF: line names ${metadataUrl}` : describe(securityTxt)}`,
    );
  // 10: one of 8, 9 and 10 is enough; the DNS name csaf.data.security.<domain> is another host.
  report.set(
    10,
    'not-applicable',
    report.passes(8) || report.passes(9) ? 'requirement 8 or 9 is met, which is enough' : 'not checked: it is another host',
  );

  const documents: FoundDocument[] = [];
  const seen = new Set<string>();
  const add = (url: string, label: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    documents.push({ url, label });
  };
  const distributions = asList(metadata.distributions).map(asRecord);

  // 11–14: directory-based distribution.
  const directories = distributions.map((d) => asText(d.directory_url)).filter(Boolean);
  for (const directory of directories) await checkDirectory(http, report, directory, add);
  if (directories.length === 0)
    for (const rule of [11, 12, 13, 14]) report.set(rule, 'not-offered', 'no directory_url in the metadata; ROLIE is used');

  // 15–17: ROLIE.
  const feeds = distributions.flatMap((d) => asList(asRecord(d.rolie).feeds).map(asRecord));
  for (const feed of feeds) await checkFeed(http, report, asText(feed.url), asText(feed.tlp_label), add);
  if (feeds.length === 0)
    for (const rule of [15, 16, 17]) report.set(rule, 'not-offered', 'no ROLIE feed in the metadata; directories are used');
  else {
    const serviceUrl = new URL('service.json', asText(feeds[0]!.url)).href;
    const service = asRecord(parseJson(await http.get(serviceUrl, 1024 * 1024)));
    const listed = asList(asRecord(asList(asRecord(service.service).workspace)[0]).collection).map((c) => asText(asRecord(c).href));
    if (Object.keys(service).length === 0) report.set(16, 'not-offered', `no ROLIE service document at ${serviceUrl} (optional)`);
    else if (feeds.every((f) => listed.includes(asText(f.url)))) report.ok(16);
    else report.fail(16, `${serviceUrl} does not list every feed of the metadata`);
    const categories = distributions.flatMap((d) => asList(asRecord(d.rolie).categories).map(asText));
    if (categories.length === 0) report.set(17, 'not-offered', 'no ROLIE category document (optional)');
    for (const url of categories) {
      const category = asRecord(parseJson(await http.get(url, 1024 * 1024)));
      if (asList(category.category).length > 0 || asList(asRecord(category.categories).category).length > 0) report.ok(17);
      else report.fail(17, `${url}: not a ROLIE category document`);
    }
  }

  // 20: the keys, as the metadata names them.
  const keys: openpgp.PublicKey[] = [];
  for (const entry of asList(metadata.public_openpgp_keys).map(asRecord)) {
    const fingerprint = asText(entry.fingerprint).toUpperCase();
    const fetched = await http.get(asText(entry.url), 1024 * 1024);
    try {
      const key = await openpgp.readKey({ armoredKey: fetched?.body.toString('utf8') ?? '' });
      if (fingerprint && key.getFingerprint().toUpperCase() !== fingerprint)
        report.fail(20, `${asText(entry.url)} holds key ${key.getFingerprint().toUpperCase()}, not ${fingerprint}`);
      else report.ok(20);
      keys.push(key);
    } catch {
      report.fail(20, `${asText(entry.url)}: ${describe(fetched)}, not an OpenPGP public key`);
    }
  }
  if (keys.length === 0 && !report.failed(20)) report.fail(20, 'the metadata names no public OpenPGP key');

  // 1–5, 18, 19: every document found.
  const limit = options.maxDocuments ?? Number.POSITIVE_INFINITY;
  let read = 0;
  for (const doc of documents) {
    if (read >= limit) break;
    read++;
    await checkDocument(http, report, doc, keys);
  }
  if (documents.length === 0) report.set(1, 'not-applicable', 'the provider lists no document readable without credentials');
  for (const rule of [21, 22, 23]) report.set(rule, 'not-applicable', 'for CSAF aggregators only');
  if (!report.failed(5)) report.ok(5);

  const rules = report.results();
  const applicable = applicableRules(role);
  return {
    metadataUrl,
    role,
    documents: read,
    passed: rules.every((r) => !applicable.has(r.rule) || r.status !== 'fail'),
    rules,
  };
}

/** The rules a role must meet (CSAF 2.0 section 7.2); the distribution rules count once met either way. */
function applicableRules(role: string): Set<number> {
  const provider = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
  return new Set(role === 'csaf_trusted_provider' ? [...provider, 18, 19, 20] : role === 'csaf_provider' ? provider : [1, 2]);
}

async function checkDirectory(http: Fetcher, report: Report, directory: string, add: (url: string, label: string) => void): Promise<void> {
  const base = directory.endsWith('/') ? directory : `${directory}/`;
  const label = base.split('/').at(-2)?.toUpperCase() ?? '';
  const index = await http.get(`${base}index.txt`, 50 * 1024 * 1024);
  const listing = await http.get(base, 10 * 1024 * 1024);
  if (listing?.status === 200 && /index\.txt/.test(listing.body.toString('utf8'))) report.ok(14);
  else if (isProtected(listing)) report.ok(14);
  else report.fail(14, `${base}: ${describe(listing)}, or no listing of its files`);
  if (isProtected(index)) {
    if (label === 'WHITE') report.fail(4, `${base}index.txt asks for credentials, but TLP:WHITE must be readable without them`);
    return;
  }
  if (label === 'AMBER' || label === 'RED') {
    if (index?.status === 200) report.fail(5, `${base}index.txt is readable without credentials`);
    return;
  }
  if (index?.status !== 200) {
    report.fail(12, `${base}index.txt: ${describe(index)}`);
    return;
  }
  report.ok(12);
  const listed = index.body.toString('utf8').split(/\r?\n/).filter(Boolean);
  for (const line of listed) {
    if (!/^\d{4}\/[^/]+\.json$/.test(line)) report.fail(12, `${base}index.txt: "${line.slice(0, 100)}" is not <year>/<file>.json`);
    add(new URL(line, base).href, label);
  }
  const changes = await http.get(`${base}changes.csv`, 50 * 1024 * 1024);
  if (changes?.status !== 200) {
    report.fail(13, `${base}changes.csv: ${describe(changes)}`);
    return;
  }
  report.ok(13);
  let previous = Number.POSITIVE_INFINITY;
  for (const line of changes.body.toString('utf8').split(/\r?\n/).filter(Boolean)) {
    const match = /^"([^"]+)","([^"]+)"$/.exec(line);
    if (!match) {
      report.fail(13, `${base}changes.csv: "${line.slice(0, 100)}" is not two quoted fields`);
      continue;
    }
    const [, path, time] = match as unknown as [string, string, string];
    if (!/(Z|[+-]\d\d:\d\d)$/.test(time) || Number.isNaN(Date.parse(time)))
      report.fail(13, `${base}changes.csv: ${path}: "${time}" is not a time with its zone`);
    const at = Date.parse(time);
    if (at > previous) report.fail(13, `${base}changes.csv: ${path} is out of order (newest first)`);
    previous = at;
    if (!listed.includes(path)) report.fail(12, `${base}index.txt does not list ${path}, which changes.csv names`);
  }
}

function isProtected(fetched: Fetched | undefined): boolean {
  return fetched?.status === 401 || fetched?.status === 403;
}

async function checkFeed(
  http: Fetcher,
  report: Report,
  url: string,
  label: string,
  add: (url: string, label: string) => void,
): Promise<void> {
  const fetched = await http.get(url, 50 * 1024 * 1024);
  if (isProtected(fetched)) {
    if (label === 'WHITE') report.fail(4, `${url} asks for credentials, but TLP:WHITE must be readable without them`);
    return;
  }
  if (label === 'AMBER' || label === 'RED') {
    if (fetched?.status === 200) report.fail(5, `${url}: a TLP:${label} feed readable without credentials`);
    return;
  }
  const feed = asRecord(asRecord(parseJson(fetched)).feed);
  if (Object.keys(feed).length === 0) {
    report.fail(15, `${url}: ${describe(fetched)}, or not a ROLIE feed`);
    return;
  }
  const problems: string[] = [];
  for (const field of ['id', 'title', 'updated']) if (!asText(feed[field])) problems.push(`feed.${field} is missing`);
  if (!asList(feed.link).some((l) => asRecord(l).rel === 'self')) problems.push('feed.link has no rel=self');
  if (!asList(feed.category).some((c) => asRecord(c).term === 'csaf')) problems.push('feed.category lacks the term csaf');
  asList(feed.entry).forEach((e, i) => {
    const entry = asRecord(e);
    const src = asText(asRecord(entry.content).src);
    for (const field of ['id', 'title', 'published', 'updated'])
      if (!asText(entry[field])) problems.push(`entry ${i}: ${field} is missing`);
    if (asText(asRecord(entry.format).version) !== '2.0') problems.push(`entry ${i}: format.version is not 2.0`);
    if (!src) problems.push(`entry ${i}: content.src is missing`);
    else add(new URL(src, url).href, label);
  });
  if (problems.length > 0) for (const p of problems) report.fail(15, `${url}: ${p}`);
  else report.ok(15);
}

async function checkDocument(http: Fetcher, report: Report, doc: FoundDocument, keys: readonly openpgp.PublicKey[]): Promise<void> {
  const fetched = await http.get(doc.url);
  if (fetched?.status !== 200) {
    report.fail(1, `${doc.url}: ${describe(fetched)}`);
    return;
  }
  const text = fetched.body.toString('utf8');
  const validation = await testCsaf(text).catch((error: Error) => ({
    valid: false,
    findings: [{ severity: 'error', test: '-', path: '', message: error.message }],
  }));
  const errors = validation.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0)
    report.fail(1, `${doc.url}: ${errors.length} error(s); the first: ${errors[0]!.test} ${errors[0]!.path} ${errors[0]!.message}`);
  else report.ok(1);
  const parsed = asRecord(parseJson(fetched));
  const document = asRecord(parsed.document);
  const tracking = asRecord(document.tracking);
  const fileName = decodeURIComponent(new URL(doc.url).pathname.split('/').at(-1) ?? '');
  const expected = fileNameOf(asText(tracking.id));
  if (fileName === expected) report.ok(2);
  else report.fail(2, `${doc.url}: the file is named ${fileName}, but its tracking id gives ${expected}`);
  const year = new Date(asText(tracking.initial_release_date)).getUTCFullYear();
  if (new URL(doc.url).pathname.split('/').at(-2) === String(year)) report.ok(11);
  else report.fail(11, `${doc.url}: not in the folder of its first release's year (${year})`);
  const label = asText(asRecord(asRecord(document.distribution).tlp).label);
  if (label === 'AMBER' || label === 'RED') report.fail(5, `${doc.url}: a TLP:${label} document readable without credentials`);
  else if (doc.label === 'WHITE' && label !== 'WHITE')
    report.fail(4, `${doc.url}: in the TLP:WHITE folder or feed, but labelled ${label || 'nothing'}`);
  else report.ok(4);

  for (const algorithm of ['sha256', 'sha512'] as const) {
    const hash = await http.get(`${doc.url}.${algorithm}`, 4096);
    const stated = /^([0-9a-fA-F]+)\b/.exec(hash?.body.toString('utf8') ?? '')?.[1]?.toLowerCase();
    const actual = createHash(algorithm).update(fetched.body).digest('hex');
    if (hash?.status !== 200) report.fail(18, `${doc.url}.${algorithm}: ${describe(hash)}`);
    else if (stated !== actual) report.fail(18, `${doc.url}.${algorithm} does not match the document`);
    else report.ok(18);
  }
  const signature = await http.get(`${doc.url}.asc`, 64 * 1024);
  if (signature?.status !== 200) {
    report.fail(19, `${doc.url}.asc: ${describe(signature)}`);
    return;
  }
  try {
    const verified = await openpgp.verify({
      message: await openpgp.createMessage({ binary: fetched.body }),
      signature: await openpgp.readSignature({ armoredSignature: signature.body.toString('utf8') }),
      verificationKeys: [...keys],
      format: 'binary',
    });
    await verified.signatures[0]!.verified;
    const algorithm = (await verified.signatures[0]!.signature).packets[0]?.hashAlgorithm;
    const { sha256, sha384, sha512, sha3_256, sha3_512 } = openpgp.enums.hash;
    if (algorithm !== undefined && algorithm !== null && [sha256, sha384, sha512, sha3_256, sha3_512].includes(algorithm)) report.ok(19);
    else {
      const name = Object.entries(openpgp.enums.hash).find(([, id]) => id === algorithm)?.[0] ?? 'an unknown hash';
      report.fail(19, `${doc.url}.asc: made with ${name}; SHA-256 or stronger is required`);
    }
  } catch (error) {
    report.fail(19, `${doc.url}.asc: ${(error as Error).message}`);
  }
}
