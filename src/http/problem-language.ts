/**
 * A problem in the reader's language. The web client asks for its user's language with
 * Accept-Language; the titles, the schema's own findings (through ajv-i18n) and Vakt's generic
 * field reasons are then Swedish. What a module says about its own rules stays in English.
 */
import type { ErrorObject } from 'ajv';
import { createRequire } from 'node:module';
import type { FastifyRequest } from 'fastify';
import type { ErrorCode, FieldIssue } from '../core/errors.js';

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

/** The generic reasons issuesOf() writes itself, as the reader reads them. */
const SV_REASONS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^unknown field$/, () => 'okänt fält'],
  [/^is required$/, () => 'krävs'],
  [/^must be one of: (.*)$/s, (m) => `måste vara något av: ${m[1]}`],
  [/^must be an? (\w+)$/, (m) => `måste vara av typen ${m[1]}`],
  [/^is not valid$/, () => 'är inte giltigt'],
];

export function localizedIssue(issue: FieldIssue, language: ProblemLanguage): FieldIssue {
  if (language === 'en') return issue;
  for (const [pattern, swedish] of SV_REASONS) {
    const match = pattern.exec(issue.reason);
    if (match) return { ...issue, reason: swedish(match) };
  }
  return issue;
}
