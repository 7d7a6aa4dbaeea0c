/**
 * Turning what peers publish into clean text: bytes to text (refusing PDFs and binaries), HTML to
 * text, Markdown link syntax undone, obfuscated e-mail addresses restored, dates read.
 */
import { convert } from 'html-to-text';
import { DateTime } from 'luxon';
import { ValidationError } from '../core/errors.js';

export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** Bytes as a person gave them to text, or a clear refusal. */
export function documentText(input: Buffer | string, options: { contentType?: string; source?: string } = {}): string {
  const fail = (reason: string) => new ValidationError([{ field: '(document)', reason }], options.source);
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (input.length > MAX_DOCUMENT_BYTES) throw fail(`larger than ${MAX_DOCUMENT_BYTES / 1024} KiB; an RFC 2350 document is a few pages`);
    if (input.subarray(0, 5).toString('latin1') === '%PDF-') {
      throw fail(
        'this is a PDF file; give the text of the document instead (for example `pdftotext -layout team.pdf`, or copy the text from the web page)',
      );
    }
    const head = input.subarray(0, 8192);
    const controls = [...head].filter((b) => b < 9 || (b > 13 && b < 32)).length;
    if (head.includes(0) || controls > head.length / 50) throw fail('this is a binary file, not text');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      // Not UTF-8: documents saved by older tools are usually Windows-1252.
      text = new TextDecoder('windows-1252').decode(input);
    }
  }
  if (text.length > MAX_DOCUMENT_BYTES) throw fail(`longer than ${MAX_DOCUMENT_BYTES} characters; an RFC 2350 document is a few pages`);
  text = text.replace(/^\uFEFF/, '');
  const looksHtml =
    /html/i.test(options.contentType ?? '') ||
    /^\s*(<!doctype html|<html\b)/i.test(text) ||
    /<(body|h[1-6]|p|div)\b[^>]*>/i.test(text.slice(0, 20_000));
  return looksHtml ? htmlToText(text) : text;
}

function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, ignoreHref: false } },
      { selector: 'img', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
    ],
  });
}

/** Undoes Markdown escapes and link syntax that PDF-to-text converters leave: [x\[@\]y](mailto:…), <https://…>. */
export function unmarkdown(line: string): string {
  return line
    .replace(/\\([[\]_*()#.-])/g, '$1')
    .replace(/\[([^\]]*(?:\[[^\]]*\][^\]]*)*)\]\((mailto:)?([^)\s]*)\)/g, (_m, label: string, mailto: string | undefined, url: string) =>
      mailto || label === url || label.trim() === '' ? label || url : `${label} (${url})`,
    )
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1');
}

const AT_BRACKETED = String.raw`\s*(?:\[\s*(?:@|at)\s*\]|\(\s*(?:@|at)\s*\)|\{\s*(?:@|at)\s*\}|<\s*at\s*>)\s*`;
const AT_WORD = String.raw`\s+(?:at|AT)\s+`;
const DOT_OBFUSCATED = String.raw`\s*(?:\[\s*(?:\.|dot)\s*\]|\(\s*(?:\.|dot)\s*\)|\{\s*(?:\.|dot)\s*\})\s*|\s+(?:dot|DOT)\s+`;
const LOCAL = String.raw`[A-Za-z0-9][A-Za-z0-9._%+-]*`;
const LABEL = String.raw`[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?`;
// "csirt[@]truesec.com", "cert(at)example[.]org": a bracketed @ makes any dot acceptable.
const BRACKETED = new RegExp(`(${LOCAL})${AT_BRACKETED}(${LABEL}(?:(?:${DOT_OBFUSCATED}|\\.)${LABEL})+)`, 'g');
// "cert at example dot org": a bare "at" only with spelled-out dots, or prose ("available at example.org") would match.
const WORDED = new RegExp(`(${LOCAL})${AT_WORD}(${LABEL}(?:(?:${DOT_OBFUSCATED})${LABEL})+)`, 'g');
const DOT_ANY = new RegExp(`${DOT_OBFUSCATED}|\\.`, 'g');

/** Restores obfuscated e-mail addresses in running text. */
export function deobfuscate(text: string): string {
  const restore = (match: string, local: string, domain: string) => {
    const clean = domain.replace(DOT_ANY, '.');
    return /\.[a-z]{2,24}$/i.test(clean) ? `${local}@${clean}` : match;
  };
  return text.replace(BRACKETED, restore).replace(WORDED, restore);
}

const EMAIL = /\b[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b/g;

/** The e-mail addresses in a text, obfuscated ones included, in order, each once, lower-cased. */
export function emailsIn(text: string): string[] {
  return [...new Set([...deobfuscate(text).matchAll(EMAIL)].map((m) => m[0].toLowerCase()))];
}

const URL = /\bhttps?:\/\/[^\s<>"')\]]+/g;

export function urlsIn(text: string): string[] {
  return [...new Set([...text.matchAll(URL)].map((m) => m[0].replace(/[.,;:]+$/, '')))];
}

const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE_PATTERNS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\b\d{4}-\d{1,2}-\d{1,2}\b/g, ['yyyy-MM-dd', 'yyyy-M-d']],
  [new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'gi'), ['MMMM d yyyy', 'MMM d yyyy']],
  [new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:${MONTHS})\\.?,?\\s+\\d{4}\\b`, 'gi'), ['d MMMM yyyy', 'd MMM yyyy']],
  [/\b\d{1,2}\.\d{1,2}\.\d{4}\b/g, ['d.M.yyyy']],
  [/\b\d{4}\/\d{1,2}\/\d{1,2}\b/g, ['yyyy/M/d']],
];

/** Every calendar date written in a text ("2025-10-28", "October 1, 2025", "1 October 2025", "01.10.2025"), as ISO dates. */
export function datesIn(text: string): string[] {
  const found: Array<{ at: number; date: string }> = [];
  for (const [pattern, formats] of DATE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const cleaned = match[0]
        .replace(/(\d)(st|nd|rd|th)\b/i, '$1')
        .replace(/[,.](?=\s)/g, '')
        .replace(/\s+/g, ' ')
        .replace(/^(\w{3,})\. /, '$1 ');
      for (const format of formats) {
        const parsed = DateTime.fromFormat(cleaned, format, { locale: 'en' });
        if (parsed.isValid) {
          found.push({ at: match.index, date: parsed.toISODate() as string });
          break;
        }
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}
