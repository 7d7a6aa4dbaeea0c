/**
 * Finding the sections of an RFC 2350 document in text that PDFs and web pages made of it:
 * headings recognised by their numbering and their titles, whatever the punctuation ("2.5
 * Electronic mail address", "2.7. Electronic Mail Address"), page headers and footers dropped,
 * footnotes moved back to where they are referred to.
 */
import { unmarkdown } from './text.js';

export type SectionField =
  | 'documentInformation'
  | 'lastUpdate'
  | 'distribution'
  | 'locations'
  | 'authentication'
  | 'contactInformation'
  | 'teamName'
  | 'address'
  | 'timeZone'
  | 'telephone'
  | 'fax'
  | 'otherTelecommunication'
  | 'email'
  | 'keys'
  | 'teamMembers'
  | 'operatingHours'
  | 'otherInformation'
  | 'customerContact'
  | 'charter'
  | 'mission'
  | 'constituency'
  | 'sponsorship'
  | 'authority'
  | 'policies'
  | 'incidentTypes'
  | 'cooperation'
  | 'communication'
  | 'services'
  | 'reportingForms'
  | 'disclaimers';

/** RFC 2350's section titles and the ways teams word them; the first match wins, so order matters. */
const TITLES: ReadonlyArray<readonly [SectionField, RegExp]> = [
  ['documentInformation', /^document information$/],
  ['lastUpdate', /last update|summary of changes|revision history|change ?log|document history|version history|document version/],
  ['distribution', /distribution list/],
  ['communication', /communication and authentication|authentication and communication/],
  ['authentication', /authenticat/],
  ['locations', /location|where (this|the) document/],
  ['contactInformation', /^contact information$|^contact details$/],
  ['teamName', /name of the team|team name|^name$/],
  ['email', /e ?mail|electronic mail/],
  ['address', /address/],
  ['timeZone', /time ?zone/],
  ['telephone', /telephone|phone number/],
  ['fax', /facsimile|fax/],
  ['otherTelecommunication', /other telecommunication/],
  ['keys', /public keys?|encryption|pgp|gpg/],
  ['teamMembers', /team members|^staff/],
  ['operatingHours', /operating hours|hours of operation|business hours|availability/],
  ['otherInformation', /other information/],
  ['customerContact', /customer contact|points? of contact/],
  ['charter', /^charter$/],
  ['mission', /mission/],
  ['constituency', /constituen/],
  ['sponsorship', /sponsor|affiliation/],
  ['authority', /authority/],
  ['policies', /^policies$/],
  ['incidentTypes', /types of incidents|level of support/],
  ['cooperation', /co ?operation|disclosure/],
  ['services', /^services$/],
  ['reportingForms', /reporting forms?/],
  ['disclaimers', /disclaimer/],
];

export function classifyTitle(title: string): SectionField | undefined {
  const words = title
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return TITLES.find(([, pattern]) => pattern.test(words))?.[0];
}

export interface Section {
  /** "2.7", or "" for a heading found by its title alone. */
  number: string;
  title: string;
  field?: SectionField;
  /** The field of the top-level section this one is in ("services" for 5.1.3.2). */
  group?: SectionField;
  body: string;
}

export interface SectionedDocument {
  preamble: string;
  sections: Section[];
  /** The document's last line of text, to tell a complete document from a cut-off one. */
  lastLine: string;
}

const PAGE_FURNITURE = [
  /^page\s+\d+\s*(\(\s*\d+\s*\)|(of|\/)\s*\d+)?$/i,
  /^\d+\s*(\/|of)\s*\d+$/i,
  /^(date|datum)\s*:?\s*\d{4}-\d{2}-\d{2}$/i,
  /^version\s*:?\s*v?\d+(\.\d+)*$/i,
  /^classification\s*:.*$/i,
  /^[_\-–—=*·•.\s]+$/,
  /^\f+$/,
];

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const FOOTNOTE = new RegExp(`^([${SUPERSCRIPTS}]+)\\s*(\\S.*)$`);

/** A running footer names its page ("Team X RFC 2350 — Page 2 of 6", "Sida 2 av 6"): its numbers do not count. */
const PAGE_NUMBERED = /\b(page|sida|seite|p[aá]gina|halaman|pagina)\b|\d+\s*(of|\/|av|von|de|dari|di)\s*\d+\s*$/i;

function furnitureKey(line: string): string {
  const key = line.trim();
  return PAGE_NUMBERED.test(key) ? key.replace(/\d+/g, '#') : key;
}

/**
 * Drops page headers and footers: the patterns above, and short lines that repeat on three or
 * more pages. Footnotes ("² https://…") are taken out and put back behind their markers.
 */
function cleanLines(text: string): string[] {
  const raw = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => unmarkdown(line.replace(/\u00a0/g, ' ')).replace(/\s+$/, ''));
  const counts = new Map<string, number>();
  for (const line of raw) {
    const key = furnitureKey(line);
    if (key && key.length <= 80) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const footnotes = new Map<string, string>();
  const kept: string[] = [];
  for (const line of raw) {
    const trimmed = line.trim();
    if (PAGE_FURNITURE.some((p) => p.test(trimmed))) continue;
    if (trimmed && (counts.get(furnitureKey(line)) ?? 0) >= 3 && !HEADING.test(trimmed)) continue;
    const note = FOOTNOTE.exec(trimmed);
    if (note?.[1] && note[2]) {
      footnotes.set(note[1], note[2]);
      continue;
    }
    kept.push(line);
  }
  const marker = new RegExp(`([\\p{L}\\p{N})'’.,])([${SUPERSCRIPTS}]+)`, 'gu');
  return kept.map((line) =>
    line.replace(marker, (_m, before: string, n: string) => (footnotes.has(n) ? `${before} (${footnotes.get(n)})` : before)),
  );
}

const HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\S.{0,119})$/;

type Numbering = number[];

function after(a: Numbering, b: Numbering): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? -1;
    const y = b[i] ?? -1;
    if (x !== y) return x > y;
  }
  return false;
}

/** A numbered line is a heading when its number follows the last heading's and its text reads as a title. */
function headingOf(line: string, previous: Numbering | undefined): { numbering: Numbering; number: string; title: string } | undefined {
  const match = HEADING.exec(line.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const numbering = match[1].split('.').map(Number);
  const title = match[2].trim();
  const top = numbering[0] as number;
  if (top < 1 || top > 9 || numbering.some((n) => n > 30)) return undefined;
  if (!/^[\p{L}“"'‘(]/u.test(title) || /[.;,]$/.test(title.replace(/:.*$/, '')) || title.split(/\s+/).length > 14) return undefined;
  // A known title may skip sections ("3.2 Constituency" then "7 Disclaimers"); an unknown one may not.
  const known = classifyTitle(title.replace(/:.*$/, '')) !== undefined;
  if (previous) {
    if (!after(numbering, previous) || (!known && top > (previous[0] as number) + 1)) return undefined;
  } else if (top > 3 && !known) return undefined;
  return { numbering, number: match[1], title };
}

/** Splits a document into its RFC 2350 sections. */
export function sectionsOf(text: string): SectionedDocument {
  const lines = cleanLines(text);
  const numbered: Array<{ index: number; number: string; numbering: Numbering; title: string }> = [];
  let previous: Numbering | undefined;
  lines.forEach((line, index) => {
    const heading = headingOf(line, previous);
    if (heading) {
      numbered.push({ index, ...heading });
      previous = heading.numbering;
    }
  });
  // Web pages sometimes drop the numbering: then a line that is exactly a known title is a heading.
  const taken = new Set(numbered.map((h) => h.index));
  const headings =
    numbered.length >= 5
      ? numbered
      : [
          ...numbered,
          ...lines.flatMap((line, index) => {
            const title = line.trim().replace(/:$/, '');
            return !taken.has(index) && title.length <= 60 && title.split(/\s+/).length <= 8 && classifyTitle(title)
              ? [{ index, number: '', numbering: [] as Numbering, title }]
              : [];
          }),
        ].sort((a, b) => a.index - b.index);
  const sections: Section[] = [];
  const groups = new Map<string, SectionField>();
  headings.forEach((heading, i) => {
    const end = headings[i + 1]?.index ?? lines.length;
    let title = heading.title;
    let inline = '';
    // "2.1 Team name: CERT-X": the value on the heading's own line.
    const colon = /^([^:]{2,60}):\s+(.+)$/.exec(title);
    if (colon?.[1] && colon[2] && classifyTitle(colon[1])) [title, inline] = [colon[1], colon[2]];
    const field = classifyTitle(title);
    const top = heading.number.split('.')[0] ?? '';
    if (heading.number && !heading.number.includes('.') && field) groups.set(top, field);
    const body = [inline, ...lines.slice(heading.index + 1, end)]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    sections.push({
      number: heading.number,
      title,
      ...(field ? { field } : {}),
      ...(groups.has(top) ? { group: groups.get(top) } : {}),
      body,
    });
  });
  const firstHeading = headings[0]?.index ?? lines.length;
  return {
    preamble: lines.slice(0, firstHeading).join('\n').trim(),
    sections,
    lastLine:
      lines
        .filter((l) => l.trim())
        .at(-1)
        ?.trim() ?? '',
  };
}

/** A section's text as paragraphs: lines of one paragraph joined, bullets kept on their own lines. */
export function paragraphs(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .reduce<string[]>((out, line) => {
          if (out.length === 0 || /^[-•*–]\s|^\d+[.)]\s/.test(line)) out.push(line);
          else out[out.length - 1] += ` ${line}`;
          return out;
        }, [])
        .join('\n'),
    )
    .filter(Boolean)
    .join('\n\n')
    .replace(/[ \t]+/g, ' ');
}
