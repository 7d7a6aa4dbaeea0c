import { domainToASCII } from 'node:url';

const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A domain as stored: lower case, ASCII (IDNs in punycode), no trailing dot; undefined if not a domain. */
export function normaliseDomain(text: string): string | undefined {
  const trimmed = text.trim().replace(/\.$/, '');
  if (trimmed.length === 0 || trimmed.length > 253 || /[\s/@:]/.test(trimmed)) return undefined;
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (!ascii || !ascii.includes('.')) return undefined;
  return ascii.split('.').every((label) => DOMAIN_LABEL.test(label)) ? ascii : undefined;
}
