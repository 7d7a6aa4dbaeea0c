/**
 * A problem in the reader's language. The web client asks for its user's language with
 * Accept-Language; the titles, the schema's own findings (through ajv-i18n) and what Vakt's
 * modules say (problem-messages-sv.ts) are then Swedish.
 */
import type { ErrorObject } from 'ajv';
import { createRequire } from 'node:module';
import type { FastifyRequest } from 'fastify';
import type { ErrorCode, FieldIssue } from '../core/errors.js';
import { SV_PROBLEM_MESSAGES } from './problem-messages-sv.js';

export type ProblemLanguage = 'en' | 'sv';

// A CommonJS module whose declaration says `export default` for what is module.exports: required, as it is written.
const localizeSv = createRequire(import.meta.url)('ajv-i18n/localize/sv') as (errors: ErrorObject[]) => void;

/** Swedish when the request prefers it to English (Accept-Language, by q), else English. */
export function problemLanguage(request: FastifyRequest): ProblemLanguage {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0]!, q: q === undefined ? 1 : Number(q) };
    })
    .filter((r) => (r.primary === 'sv' || r.primary === 'en') && r.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.primary === 'sv' ? 'sv' : 'en';
}

const SV_TITLES: Record<ErrorCode, string> = {
  validation: 'Inmatningen är inte giltig',
  unauthenticated: 'Inloggning krävs',
  forbidden: 'Inte tillåtet',
  csrf: 'CSRF-token saknas eller är fel',
  'not-found': 'Posten finns inte',
  'not-acceptable': 'Inget svar i en medietyp som klienten godtar',
  'unsupported-media-type': 'Innehållet är inte i en medietyp som den här vägen tar emot',
  conflict: 'Posten har ändrats eller finns redan',
  'rate-limited': 'För många förfrågningar',
  'totp-required': 'En engångskod krävs',
  internal: 'Internt fel',
  unavailable: 'Tillfälligt otillgänglig',
};

export function problemTitle(code: ErrorCode, english: string, language: ProblemLanguage): string {
  return language === 'sv' ? SV_TITLES[code] : english;
}

/** The schema validator's findings, their messages in LANGUAGE (ajv-i18n rewrites them in place). */
export function localizedSchemaErrors(errors: ErrorObject[], language: ProblemLanguage): ErrorObject[] {
  if (language === 'sv') localizeSv(errors);
  return errors;
}

/** A message template ("feed {} is at version {}, not {}") as a pattern that captures its values. */
const TEMPLATES = Object.entries(SV_PROBLEM_MESSAGES)
  .filter(([english]) => english.includes('{}'))
  .map(([english, swedish]) => ({
    pattern: new RegExp(`^${english.split('{}').map(escapeRegExp).join('(.+?)')}$`, 's'),
    swedish,
    literal: english.replaceAll('{}', '').length,
  }))
  // The most specific first: "incident #{}: {}" before "{}: {}".
  .sort((a, b) => b.literal - a.literal);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/*
 * A message is short and nests a value or two; a longer text, or values nested deeper, is left as
 * it is, so that a hostile value cannot make matching costly.
 */
const LONGEST = 1000;
const DEEPEST = 3;

/** TEXT, a message of Vakt's, in LANGUAGE; the values it holds are translated too where they are messages themselves. */
export function localizedText(text: string, language: ProblemLanguage, depth = 0): string {
  if (language === 'en' || text.length > LONGEST) return text;
  const exact = SV_PROBLEM_MESSAGES[text];
  if (exact !== undefined) return exact;
  if (depth >= DEEPEST) return text;
  for (const { pattern, swedish } of TEMPLATES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const values = match.slice(1).map((value) => localizedText(value, language, depth + 1));
    let next = 0;
    return swedish.replace(/\{\}/g, () => values[next++] ?? '');
  }
  return text;
}

export function localizedIssue(issue: FieldIssue, language: ProblemLanguage): FieldIssue {
  if (language === 'en') return issue;
  // issuesOf() writes "must be a string" with its own article: one entry per type is not worth it.
  const typed = /^must be an? (\w+)$/.exec(issue.reason);
  return { ...issue, reason: typed ? `måste vara av typen ${typed[1]}` : localizedText(issue.reason, language) };
}

/** A problem's detail in LANGUAGE: a validation's detail ends with its first issue's reason, translated on its own. */
export function localizedDetail(detail: string, issues: readonly FieldIssue[], language: ProblemLanguage): string {
  if (language === 'en') return detail;
  const first = issues[0];
  if (first && detail.endsWith(first.reason)) return detail.slice(0, -first.reason.length) + localizedIssue(first, language).reason;
  return localizedText(detail, language);
}
