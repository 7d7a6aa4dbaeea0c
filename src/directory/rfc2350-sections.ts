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

/**
 * RFC 2350's section titles and the ways teams word them, in English and in the languages teams
 * publish in (Indonesian, Swedish, German, Spanish, French); the first match wins, so order matters.
 */
const TITLES: ReadonlyArray<readonly [SectionField, RegExp]> = [
  [
    'documentInformation',
    /^document information$|^(informasi dokumen|dokumentinformation|informaci[oó]n del documento|informations sur le document|information sur le document)$/,
  ],
  [
    'lastUpdate',
    /last update|summary of changes|revision history|change ?log|document history|version history|document version|pembaruan terakhir|senast uppdaterad|letzte aktualisierung|[uú]ltima actualizaci[oó]n|derni[eè]re mise [aà] jour|date de (la )?derni[eè]re/,
  ],
  [
    'distribution',
    /distribution list|daftar distribusi|s[aä]ndlista|distributionslista|verteiler|lista de distribuci[oó]n|liste de diffusion/,
  ],
  ['communication', /communication and authentication|authentication and communication/],
  ['authentication', /authenticat/],
  ['locations', /location|where (this|the) document|lokasi|var (detta|dokumentet)|fundort|ubicaci[oó]n|localisation|o[uù] trouver/],
  [
    'contactInformation',
    /^contact information$|^contact details$|^(informasi kontak|kontaktinformation|kontaktuppgifter|informaci[oó]n de contacto|informations de contact|coordonn[eé]es)$/,
  ],
  [
    'teamName',
    /name of the team|team name|^name$|nama tim|teamets namn|namn p[aå] teamet|name des teams|nombre del equipo|nom de l [eé]quipe/,
  ],
  ['email', /e ?mail|electronic mail|e ?post|surat elektronik|correo electr[oó]nico|courrier [eé]lectronique|courriel/],
  ['address', /address|alamat|adress|anschrift|direcci[oó]n|adresse/],
  ['timeZone', /time ?zone|zona waktu|tidszon|zeitzone|zona horaria|fuseau horaire/],
  ['telephone', /telephone|phone number|telepon|telefon|tel[eé]fono|t[eé]l[eé]phone/],
  ['fax', /facsimile|fax|faks/],
  [
    'otherTelecommunication',
    /other telecommunication|telekomunikasi lain|annan telekommunikation|andere telekommunikation|otras telecomunicaciones|autres t[eé]l[eé]communications/,
  ],
  [
    'keys',
    /public keys?|encryption|pgp|gpg|kunci publik|publika nycklar|kryptering|[oö]ffentliche schl[uü]ssel|verschl[uü]sselung|claves? p[uú]blicas?|cifrado|cl[eé]s? publiques?|chiffrement/,
  ],
  ['teamMembers', /team members|^staff|anggota tim|teammedlemmar|teammitglieder|miembros del equipo|membres de l [eé]quipe/],
  [
    'operatingHours',
    /operating hours|hours of operation|business hours|availability|jam operasional|[oö]ppettider|arbetstider|gesch[aä]ftszeiten|erreichbarkeit|horario|heures d ouverture/,
  ],
  [
    'otherInformation',
    /other information|informasi lain|[oö]vrig information|weitere informationen|otra informaci[oó]n|autres informations/,
  ],
  [
    'customerContact',
    /customer contact|points? of contact|titik kontak|kontaktpunkt|ansprechpartner|puntos? de contacto|points? de contact/,
  ],
  ['charter', /^charter$|^(piagam|stadga|uppdrag|satzung|estatuto|charte)$/],
  ['mission', /mission|\bmisi\b|uppdragsbeskrivning|misi[oó]n/],
  ['constituency', /constituen|konstituen|m[aå]lgrupp|zielgruppe|comunidad objetivo|circonscription|b[eé]n[eé]ficiaires/],
  ['sponsorship', /sponsor|affiliation|afiliasi|huvudman|tr[aä]ger|patrocinio|affiliaci[oó]n|parrainage/],
  ['authority', /authority|otoritas|wewenang|befogenhet|mandat|autorit[aä]t|befugnis|autoridad|autorit[eé]/],
  ['policies', /^policies$|^(kebijakan|policyer|riktlinjer|richtlinien|pol[ií]ticas|politiques)$/],
  [
    'incidentTypes',
    /types of incidents|level of support|jenis insiden|typer av incidenter|arten von vorf[aä]llen|tipos de incidentes|types d incidents/,
  ],
  ['cooperation', /co ?operation|disclosure|kerja ?sama|samarbete|zusammenarbeit|cooperaci[oó]n|coop[eé]ration/],
  ['services', /^services$|^(layanan|tj[aä]nster|dienste|dienstleistungen|servicios)$/],
  [
    'reportingForms',
    /reporting forms?|formulir pelaporan|rapporteringsformul[aä]r|meldeformular|formularios? de notificaci[oó]n|formulaires? de signalement/,
  ],
  [
    'disclaimers',
    /disclaimer|penafian|ansvarsbegr[aä]nsning|haftungsausschluss|descargo|exenci[oó]n de responsabilidad|clause de non responsabilit[eé]|avertissement/,
  ],
];

/** RFC 2350's own numbering: the section a number stands for when its title is in no known wording. */
const NUMBERED: Readonly<Record<string, SectionField>> = {
  '1': 'documentInformation',
  '1.1': 'lastUpdate',
  '1.2': 'distribution',
  '1.3': 'locations',
  '1.4': 'authentication',
  '2': 'contactInformation',
  '2.1': 'teamName',
  '2.2': 'address',
  '2.3': 'timeZone',
  '2.4': 'telephone',
  '2.5': 'fax',
  '2.6': 'otherTelecommunication',
  '2.7': 'email',
  '2.8': 'keys',
  '2.9': 'teamMembers',
  '2.10': 'otherInformation',
  '2.11': 'customerContact',
  '3': 'charter',
  '3.1': 'mission',
  '3.2': 'constituency',
  '3.3': 'sponsorship',
  '3.4': 'authority',
  '4': 'policies',
  '4.1': 'incidentTypes',
  '4.2': 'cooperation',
  '4.3': 'communication',
  '5': 'services',
  '6': 'reportingForms',
  '7': 'disclaimers',
};

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

/** Markdown's heading marks and bold headings: "## 2. Contact Information", "**2.1 Name of the Team**". */
function withoutHeadingMarks(line: string): string {
  return line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/^\s*(\*\*|__)(.+?)\1\s*$/, '$2');
}

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
    .map((line) => unmarkdown(withoutHeadingMarks(line.replace(/\u00a0/g, ' '))).replace(/\s+$/, ''));
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

/** Words a heading's title is made of, beyond its first: a capitalised word outside these is the value after it. */
const TITLE_WORDS =
  /^(of|the|and|for|to|team|mail|address|number|information|contact|zone|hours|keys?|members|statement|forms?|other|public|points?|customer|electronic|telecommunications?|facsimile|time|types|incidents|level|support|co-?operation|interaction|disclosure|communication|authentication|update|last|date|list|distribution|locations?|document|mission|affiliation|authority|services|reporting|disclaimers|policies|charter|constituency|sponsorship|name|numbers?|encryption|this|where|be|found|can|may|obtained|&)$/i;

/**
 * Text flattened onto one line (a PGP-signed block, a web page's chrome, a copy from a viewer)
 * has its headings inside the line: "… 2.1 Name of the Team CERT-X 2.2 Address …". Each numbered
 * run of words that reads as a known title is put on a line of its own.
 */
function unflatten(lines: readonly string[]): string[] {
  return lines.flatMap((line) => (line.length < 300 ? [line] : splitAtHeadings(line).split('\n')));
}

const NUMBER_BEFORE_WORD = /(?:^|\s)(\d{1,2}(?:\.\d{1,2}){0,3}\.?)\s+(?=\p{Lu})/gu;

function splitAtHeadings(line: string): string {
  let out = '';
  let copied = 0;
  for (const match of line.matchAll(NUMBER_BEFORE_WORD)) {
    const at = match.index + match[0].length;
    if (match.index < copied) continue;
    const words = line
      .slice(at, at + 200)
      .split(/\s+/)
      .slice(0, 7);
    let title = '';
    for (let k = 1; k <= words.length; k++) {
      const word = words[k - 1]!;
      if (k > 1 && !TITLE_WORDS.test(word.replace(/:$/, ''))) break;
      const candidate = words.slice(0, k).join(' ').replace(/:$/, '');
      if (classifyTitle(candidate)) title = candidate;
      if (word.endsWith(':')) break;
    }
    if (!title) continue;
    const titleEnd = line.indexOf(title, at) + title.length;
    out += `${line.slice(copied, match.index)}\n\n${match[1]} ${title}\n\n`;
    copied = titleEnd + (line[titleEnd] === ':' ? 1 : 0);
  }
  return out + line.slice(copied);
}

/** Splits a document into its RFC 2350 sections. */
export function sectionsOf(text: string): SectionedDocument {
  const lines = unflatten(cleanLines(text));
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
    const field = classifyTitle(title) ?? NUMBERED[heading.number.replace(/\.$/, '')];
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
