/**
 * Indicators in report text: IPv4/IPv6 addresses, domains, URLs, e-mail addresses, hashes and CVE
 * ids. Reporters defang what they send ("hxxp://evil[.]example", "10[.]0.0.1", "a(at)b(dot)c"),
 * so the text is refanged before matching; the stored value is the refanged, normalised form.
 * Pure and linear in the input: it runs on every mail and in the retro-hunt.
 */
import { isIPv4, isIPv6 } from 'node:net';

export const INDICATOR_KINDS = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'cve'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export interface Indicator {
  kind: IndicatorKind;
  value: string;
}

/** Text beyond this is not scanned: a 50 MB body would hold nothing an analyst reads anyway. */
export const MAX_SCAN_CHARS = 2_000_000;
/** An upper bound on what one report contributes. */
export const MAX_INDICATORS = 5_000;

const REFANG: Array<[RegExp, string]> = [
  [/\bhxxp(s?)(:\/\/|\[:\]\/\/)/gi, 'http$1://'],
  [/\bhttp(s?)\[:\]\/\//gi, 'http$1://'],
  [/\bfxp:\/\//gi, 'ftp://'],
  [/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}/gi, '.'],
  [/\[:\]/g, ':'],
  [/\[@\]|\(@\)|\{@\}|\[at\]|\(at\)|\{at\}/gi, '@'],
];

export function refang(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REFANG) out = out.replace(pattern, replacement);
  return out;
}

/*
 * Top-level domains that are also common file extensions are accepted only inside URLs and
 * addresses, so "invoice.zip" or "report.pdf" in prose does not become a domain.
 */
const FILE_LIKE_TLDS = new Set([
  'zip',
  'exe',
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'txt',
  'png',
  'jpg',
  'gif',
  'js',
  'py',
  'sh',
  'log',
  'csv',
  'json',
  'xml',
  'html',
  'htm',
  'php',
  'asp',
  'aspx',
  'dll',
  'bat',
  'ps1',
  'eml',
  'msg',
  'rar',
  'gz',
  'tar',
  'iso',
  'img',
  'lnk',
  'vbs',
  'cfg',
  'ini',
  'md',
  'ts',
  'go',
  'rs',
  'mov',
  'mp4',
  'mp3',
  'bak',
  'tmp',
  'dat',
  'bin',
  'conf',
  'yml',
  'yaml',
  'sql',
  'db',
  'java',
  'class',
  'jar',
  'apk',
  'ico',
  'svg',
]);

const URL_RE = /\b(?:https?|ftp):\/\/[^\s<>"'`{}|\\^\])]{1,2000}/gi;
const EMAIL_RE = /\b[a-z0-9._%+-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,10}[a-z]{2,24}\b/gi;
const DOMAIN_RE = /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,10}[a-z]{2,24}\b/gi;
const IPV4_RE = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.]*\d)/g;
const IPV6_RE = /(?<![0-9a-f:])(?:[0-9a-f]{0,4}:){2,7}(?:[0-9a-f]{0,4}|(?:\d{1,3}\.){3}\d{1,3})(?![0-9a-f:])/gi;
const HASH_RE = /\b(?:[a-f0-9]{64}|[a-f0-9]{40}|[a-f0-9]{32})\b/gi;
const CVE_RE = /\bCVE-(\d{4})-(\d{4,7})\b/gi;

function trimUrl(url: string): string {
  // Sentence punctuation after a URL is not part of it.
  return url.replace(/[.,;:!?)]+$/, '');
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

export function extractIndicators(text: string): Indicator[] {
  const input = refang(text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text);
  const found = new Map<string, Indicator>();
  const add = (kind: IndicatorKind, value: string) => {
    if (found.size < MAX_INDICATORS) found.set(`${kind}:${value}`, { kind, value });
  };
  const hosts = new Set<string>();

  for (const match of input.matchAll(URL_RE)) {
    const url = trimUrl(match[0]);
    const host = hostOf(url);
    if (!host) continue;
    add('url', url);
    hosts.add(host);
  }
  for (const match of input.matchAll(EMAIL_RE)) {
    const address = match[0].toLowerCase();
    add('email', address);
    hosts.add(address.slice(address.indexOf('@') + 1));
  }
  for (const host of hosts) {
    if (isIPv4(host)) add('ipv4', host);
    else if (isIPv6(host)) add('ipv6', host);
    else add('domain', host);
  }
  for (const match of input.matchAll(DOMAIN_RE)) {
    const domain = match[0].toLowerCase();
    const tld = domain.slice(domain.lastIndexOf('.') + 1);
    if (FILE_LIKE_TLDS.has(tld) || /^\d+$/.test(tld)) continue;
    const before = input[(match.index ?? 0) - 1];
    if (before === '@' || before === '-') continue;
    add('domain', domain);
  }
  for (const match of input.matchAll(IPV4_RE)) {
    if (isIPv4(match[0])) add('ipv4', match[0]);
  }
  for (const match of input.matchAll(IPV6_RE)) {
    const candidate = match[0];
    // "12:30:45" and MAC-like strings are not addresses: require "::" or eight groups.
    if ((candidate.includes('::') || candidate.split(':').length === 8) && isIPv6(candidate)) add('ipv6', candidate.toLowerCase());
  }
  for (const match of input.matchAll(HASH_RE)) {
    const hash = match[0].toLowerCase();
    add(hash.length === 64 ? 'sha256' : hash.length === 40 ? 'sha1' : 'md5', hash);
  }
  for (const match of input.matchAll(CVE_RE)) add('cve', `CVE-${match[1]}-${match[2]}`);
  return [...found.values()];
}
