/**
 * The words of an advisory mail and its reminder, in Swedish and English. Everything in them comes
 * from the team's own advisory (title, summary, CVEs, scores) and its constituency data.
 */
import type { Language } from '../constituency/schema.js';

export interface AdvisoryMailText {
  teamName: string;
  shortName: string;
  trackingId: string;
  version: string;
  title: string;
  summary: string;
  /** "CVE-2026-12345 (CVSS 3.1 9.8 CRITICAL)". */
  vulnerabilities: string[];
  /** The inventory entries that made this organisation concerned; empty when told as part of the constituency. */
  matched: string[];
  documentUrl: string;
  feedbackUrl: string;
  tlp: string;
}

export function advisorySubject(t: AdvisoryMailText, language: Language, reminder = false): string {
  const prefix = reminder ? (language === 'sv' ? 'Påminnelse: ' : 'Reminder: ') : '';
  return `[${t.tlp}] [${t.shortName}] ${prefix}${t.trackingId}: ${t.title}`;
}

export function advisoryBody(t: AdvisoryMailText, language: Language, reminder = false): string {
  const sv = language === 'sv';
  const why =
    t.matched.length > 0
      ? [
          sv ? 'Ni får detta eftersom er produktförteckning tar upp:' : 'You receive this because your product inventory lists:',
          ...t.matched.map((m) => `  - ${m}`),
        ]
      : [sv ? 'Ni får detta som en del av vår målgrupp.' : 'You receive this as part of our constituency.'];
  return [
    t.tlp,
    '',
    ...(reminder
      ? [
          sv ? 'Vi har ännu inte fått ert svar på säkerhetsmeddelandet nedan.' : 'We have not yet heard from you about the advisory below.',
          '',
        ]
      : []),
    `${t.teamName}: ${sv ? 'säkerhetsmeddelande' : 'security advisory'} ${t.trackingId} (${sv ? 'version' : 'version'} ${t.version})`,
    t.title,
    '',
    ...(t.summary ? [t.summary, ''] : []),
    ...(t.vulnerabilities.length > 0 ? [sv ? 'Sårbarheter:' : 'Vulnerabilities:', ...t.vulnerabilities.map((v) => `  - ${v}`), ''] : []),
    ...why,
    '',
    sv
      ? `Hela meddelandet (CSAF 2.0) är bifogat och finns på ${t.documentUrl}`
      : `The full advisory (CSAF 2.0) is attached and at ${t.documentUrl}`,
    '',
    sv
      ? 'Berätta för oss med ett klick om ni är berörda, inte berörda, har åtgärdat, behöver hjälp, eller om meddelandet var till nytta:'
      : 'Tell us with one click whether you are affected, not affected, have patched, need help, or found this useful:',
    t.feedbackUrl,
    '',
    sv
      ? `Informationen är märkt ${t.tlp} och får bara delas enligt Traffic Light Protocol (https://www.first.org/tlp/).`
      : `This information is marked ${t.tlp} and may be shared only as the Traffic Light Protocol allows (https://www.first.org/tlp/).`,
    '',
    sv ? 'Med vänlig hälsning,' : 'Kind regards,',
    t.teamName,
    '',
    t.tlp,
  ].join('\n');
}
