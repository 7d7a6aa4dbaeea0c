/**
 * Reads a peer team's RFC 2350 document into a directory record and says, field by field, what it
 * understood, from which section, and what it could not find. Nothing is written here: the caller
 * shows the reading and writes only when a person confirms it.
 */
import { isValidTimeZone, WEEKDAYS, type WeeklyHours } from '../core/business-hours.js';
import { VaktError, type FieldIssue } from '../core/errors.js';
import { FIRST_SERVICE_AREAS, FIRST_SERVICES } from '../core/first-services.js';
import { TLP_LABELS, type TlpLabel } from '../core/tlp.js';
import { countryName, countryNamedIn, INTERNATIONAL, isTeamCountry, zoneOfCountry } from './countries.js';
import { paragraphs, sectionsOf, type Section, type SectionField } from './rfc2350-sections.js';
import type { MembershipBody, PeerTeam, Sector, TeamType } from './schema.js';
import { validateTeam } from './teams.js';
import { datesIn, deobfuscate, documentText, emailsIn, urlsIn } from './text.js';

export interface Finding {
  field: string;
  value: unknown;
  /** The section it came from ("2.7 Electronic Mail Address"), or where it was inferred from. */
  from: string;
  how: 'stated' | 'inferred';
}

export interface Rfc2350Reading {
  team: PeerTeam | undefined;
  understood: Finding[];
  notUnderstood: Array<{ field: string; reason: string }>;
  /** Headings that are not RFC 2350 sections; their text is not imported. */
  otherSections: Array<{ number: string; title: string }>;
  warnings: string[];
  /** Why the record cannot be written; empty when it can. */
  errors: FieldIssue[];
}

export interface ReadOptions {
  contentType?: string;
  source?: string;
  /** Where the document was fetched from: its location when it names none. */
  url?: string;
  /** What the person importing knows better than the document. */
  overrides?: { country?: string; type?: TeamType; shortName?: string; sectors?: PeerTeam['sectors'] };
  /** Accept a document that seems cut off. */
  allowPartial?: boolean;
}

/** The sections RFC 2350 asks every team to write; a document with fewer than three is not one. */
const CORE: readonly SectionField[] = [
  'lastUpdate',
  'teamName',
  'address',
  'timeZone',
  'telephone',
  'email',
  'keys',
  'mission',
  'constituency',
  'sponsorship',
  'authority',
  'incidentTypes',
  'cooperation',
  'communication',
  'services',
  'reportingForms',
  'disclaimers',
];

export function readRfc2350(input: Buffer | string, options: ReadOptions = {}): Rfc2350Reading {
  const text = documentText(input, options);
  const doc = sectionsOf(text);
  const reader = new Reader(doc.sections, options);
  const recognised = new Set(doc.sections.map((s) => s.field).filter(Boolean));
  const errors: FieldIssue[] = [];
  const found = CORE.filter((f) => recognised.has(f)).length;
  if (found < 3) {
    throw new VaktError(
      'validation',
      `${options.source ? `${options.source}: ` : ''}not an RFC 2350 description: found ${found} of the sections RFC 2350 names (such as "2.1 Name of the Team", "2.7 Electronic Mail Address", "3.2 Constituency")`,
      [{ field: '(document)', reason: 'no RFC 2350 sections found' }],
    );
  }
  const tops = doc.sections.map((s) => Number(s.number.split('.')[0])).filter((n) => n > 0);
  const lastTop = tops.length ? Math.max(...tops) : 0;
  const endsMidSentence = !/[.!?:)"”’\]>]$/.test(doc.lastLine);
  if (lastTop < 7 && (lastTop < 5 || endsMidSentence)) {
    const message = `the document seems cut off: its last section is ${doc.sections.at(-1)?.number ?? '?'} "${doc.sections.at(-1)?.title ?? ''}" and sections ${lastTop + 1} to 7 are missing`;
    if (options.allowPartial) reader.warnings.push(message);
    else errors.push({ field: '(document)', reason: `${message}; import the whole document, or accept a partial one explicitly` });
  }
  const draft = reader.read();
  let team: PeerTeam | undefined;
  if (!draft.name) errors.push({ field: 'name', reason: 'no team name: section "2.1 Name of the Team" is missing or empty' });
  if (!draft.country)
    errors.push({
      field: 'country',
      reason: 'no country: the address names none; give it (--country SE, or --country INT for a team of no single country)',
    });
  if (errors.length === 0) {
    try {
      team = validateTeam(draft, options.source);
    } catch (error) {
      if (!(error instanceof VaktError)) throw error;
      errors.push(...error.issues);
    }
  }
  return {
    team,
    understood: reader.findings,
    notUnderstood: reader.missing,
    otherSections: doc.sections.filter((s) => !s.field && s.group !== 'services').map(({ number, title }) => ({ number, title })),
    warnings: reader.warnings,
    errors,
  };
}

type Draft = Partial<PeerTeam> & { description: NonNullable<PeerTeam['description']> };

class Reader {
  readonly findings: Finding[] = [];
  readonly missing: Array<{ field: string; reason: string }> = [];
  readonly warnings: string[] = [];
  private readonly byField = new Map<SectionField, Section[]>();
  private readonly all: string;

  constructor(
    private readonly sections: Section[],
    private readonly options: ReadOptions,
  ) {
    for (const section of sections) {
      if (!section.field || (section.group === 'services' && section.field !== 'services')) continue;
      const list = this.byField.get(section.field) ?? [];
      list.push(section);
      this.byField.set(section.field, list);
    }
    this.all = deobfuscate(sections.map((s) => `${s.title}\n${s.body}`).join('\n\n'));
  }

  private label(section: Section): string {
    return `${section.number ? `${section.number} ` : ''}${section.title}`;
  }

  /** What was understood of a field, and from where; a later reading of the same field replaces it. */
  private note(field: string, value: unknown, from: string, how: Finding['how'] = 'stated'): void {
    const earlier = this.findings.findIndex((f) => f.field === field);
    if (earlier >= 0) this.findings.splice(earlier, 1);
    this.findings.push({ field, value, from, how });
  }

  private text(field: SectionField): { text: string; from: string } | undefined {
    const sections = this.byField.get(field);
    if (!sections?.length) return undefined;
    const text = sections
      .map((s) => paragraphs(deobfuscate(s.body)))
      .filter(Boolean)
      .join('\n\n');
    return { text, from: sections.map((s) => this.label(s)).join(', ') };
  }

  /** A section copied as the team wrote it into the description. */
  private copy(field: SectionField, into: keyof Draft['description'], draft: Draft, rfcName: string): void {
    const found = this.text(field);
    if (!found?.text) {
      this.missing.push({ field: `description.${into}`, reason: `no section "${rfcName}"` });
      return;
    }
    (draft.description as Record<string, unknown>)[into] = found.text;
    this.note(`description.${into}`, found.text, found.from);
  }

  read(): Draft {
    const draft: Draft = { sectors: [], services: [], memberships: [], telephone: [], contacts: [], pgpKeys: [], description: {} };
    this.document(draft);
    this.identity(draft);
    this.contact(draft);
    this.hours(draft);
    this.charterAndPolicies(draft);
    this.reach(draft);
    this.services(draft);
    this.memberships(draft);
    this.classify(draft);
    return draft;
  }

  /**
   * A team of no single country: its constituency says it is international (EU institutions, a
   * sector across borders), or the address names no country and the constituency a region.
   */
  private reach(draft: Draft): void {
    if (this.options.overrides?.country) return;
    const constituency = draft.description.constituency ?? '';
    const claim = INTERNATIONAL_CLAIM.exec(constituency);
    const region = REGION.exec(constituency);
    if (!claim && (draft.country || !region)) return;
    const address = draft.country;
    draft.country = INTERNATIONAL;
    draft.region = region ? region[0].replace(/\s+/g, ' ') : 'International';
    const because = `3.2 Constituency ("${(claim ?? region)![0]}")${address ? `, though the address is in ${countryName(address)}` : ''}`;
    this.note('country', INTERNATIONAL, because, 'inferred');
    this.note('region', draft.region, '3.2 Constituency', 'inferred');
  }

  private document(draft: Draft): void {
    const update = this.text('lastUpdate');
    // The change table is read line by line, before paragraphs() joins its rows.
    const table = (this.byField.get('lastUpdate') ?? []).map((s) => s.body).join('\n');
    const changes = [...table.matchAll(/^(\d{4}-\d{2}-\d{2})[\t ]+v?(\d+(?:\.\d+)*)[\t ]+(.+)$/gm)].map((m) => ({
      date: m[1] as string,
      version: m[2] as string,
      comment: (m[3] as string).trim(),
    }));
    let version: string | undefined;
    let date: string | undefined;
    if (changes.length > 0) {
      draft.description.changes = changes;
      this.note('description.changes', changes, update?.from ?? '');
      const latest = [...changes].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
      version = latest?.version;
      date = latest?.date;
    } else if (update) {
      version = /version\s*:?\s*v?(\d+(?:\.\d+)*)/i.exec(update.text)?.[1];
      date = datesIn(update.text).sort().at(-1);
    }
    const locations = this.text('locations');
    const url = (locations && urlsIn(locations.text)[0]) ?? this.options.url;
    const rfc2350 = { ...(url ? { url } : {}), ...(date ? { date } : {}), ...(version ? { version } : {}) };
    if (Object.keys(rfc2350).length > 0) draft.rfc2350 = rfc2350;
    if (date) this.note('rfc2350.date', date, update?.from ?? '');
    else
      this.missing.push({ field: 'rfc2350.date', reason: update ? `no date in "${update.from}"` : 'no section "1.1 Date of Last Update"' });
    if (version) this.note('rfc2350.version', version, update?.from ?? '');
    if (url) this.note('rfc2350.url', url, locations?.from ?? 'the address it was fetched from', locations ? 'stated' : 'inferred');
    else this.missing.push({ field: 'rfc2350.url', reason: 'no section "1.3 Locations where this Document May Be Found" with a URL' });
    this.copy('distribution', 'distributionList', draft, '1.2 Distribution List for Notifications');
    const authentication = this.text('authentication');
    if (authentication?.text) {
      draft.description.authentication = authentication.text;
      this.note('description.authentication', authentication.text, authentication.from);
    }
  }

  private identity(draft: Draft): void {
    const name = this.text('teamName');
    if (name?.text) {
      let value =
        name.text
          .split('\n')[0]
          ?.replace(/^(full\s+)?(team\s+)?name\s*:\s*/i, '')
          .trim() ?? '';
      const short = /^(.*\S)\s*\(([A-Za-z0-9][A-Za-z0-9 .-]{1,30})\)$/.exec(value);
      const shortLine = /short\s+name\s*:\s*(\S.*)$/im.exec(name.text)?.[1]?.trim();
      if (short?.[1] && short[2]) [value, draft.shortName] = [short[1], short[2]];
      else if (shortLine) draft.shortName = shortLine;
      draft.name = value;
      this.note('name', value, name.from);
      if (draft.shortName) this.note('shortName', draft.shortName, name.from);
    }
    if (this.options.overrides?.shortName) draft.shortName = this.options.overrides.shortName;
    if (!draft.shortName) this.missing.push({ field: 'shortName', reason: 'the document gives no short name' });

    const addressSections = this.byField.get('address') ?? [];
    const parts = addressSections.filter((s) => s.body.trim());
    const addresses = parts.flatMap((section) => {
      const body = paragraphs(section.body).replace(/\n+/g, ' ');
      const labelled = /^([^:]{3,40}):\s*(.+)$/.exec(body);
      if (labelled?.[1] && labelled[2]) return [{ label: labelled[1].trim(), text: labelled[2].trim() }];
      const nested = section.number.split('.').length > 2;
      return [{ label: nested ? section.title : 'Postal address', text: body }];
    });
    if (addresses.length > 0) {
      draft.description.addresses = addresses;
      this.note('description.addresses', addresses, parts.map((s) => this.label(s)).join(', '));
    } else this.missing.push({ field: 'description.addresses', reason: 'no section "2.2 Address"' });

    const override = this.options.overrides?.country?.toUpperCase();
    const named = countryNamedIn(addresses.map((a) => a.text).join('\n'));
    if (override) {
      draft.country = override;
      this.note('country', override, 'given by the person importing', 'inferred');
    } else if (named) {
      draft.country = named;
      this.note('country', named, `the address in ${parts.map((s) => this.label(s)).join(', ')}`, 'inferred');
    }

    const host =
      /(?:is (?:a )?part of|is operated by|is hosted by|is staffed by|staffed by|is run by|is a (?:unit|department|team) (?:of|within))\s+([\p{Lu}\d][\p{L}\d:&'’-]*(?:[ \t]+[\p{Lu}\d][\p{L}\d:&'’-]*)*)/u;
    for (const field of ['sponsorship', 'teamMembers', 'otherInformation'] as const) {
      const found = this.text(field);
      const match = found && host.exec(found.text);
      const value = match?.[1]?.trim().replace(/[.,]$/, '');
      if (found && value) {
        draft.hostOrganisation = value;
        this.note('hostOrganisation', value, found.from, 'inferred');
        break;
      }
    }
  }

  private contact(draft: Draft): void {
    const zone = this.text('timeZone');
    if (zone?.text) {
      draft.description.timeZoneNote = zone.text;
      this.note('description.timeZoneNote', zone.text, zone.from);
      const found = zoneIn(zone.text, draft.country);
      if (found) {
        draft.timeZone = found.zone;
        this.note('timeZone', found.zone, found.how === 'stated' ? zone.from : `${zone.from}${found.because}`, found.how);
      } else
        this.missing.push({
          field: 'timeZone',
          reason: `"${zone.text.slice(0, 80)}" names no IANA zone${draft.country ? ` and ${draft.country} has several` : ''}`,
        });
    } else this.missing.push({ field: 'timeZone', reason: 'no section "2.3 Time Zone"' });

    const phones = this.text('telephone');
    if (phones?.text) {
      for (const line of phones.text.split('\n')) {
        for (const match of line.matchAll(/\+?\d[\d ()./-]{4,28}\d/g)) {
          const before = line
            .slice(0, match.index)
            .replace(/[:\s]+$/, '')
            .trim();
          draft.telephone?.push({ ...(before ? { label: before } : {}), number: match[0].trim() });
        }
      }
      if (draft.telephone?.length) this.note('telephone', draft.telephone, phones.from);
      else this.missing.push({ field: 'telephone', reason: `no number in "${phones.from}"` });
    } else this.missing.push({ field: 'telephone', reason: 'no section "2.4 Telephone Number"' });
    this.copy('fax', 'fax', draft, '2.5 Facsimile Number');
    this.copy('otherTelecommunication', 'otherTelecommunication', draft, '2.6 Other Telecommunication');

    const mail = this.text('email');
    const teamEmail = mail ? emailsIn(mail.text)[0] : undefined;
    if (mail && teamEmail) {
      draft.email = teamEmail;
      this.note('email', teamEmail, mail.from);
      const note = mail.text
        .split('\n')
        .filter((line) => line.trim().toLowerCase() !== teamEmail)
        .join('\n')
        .trim();
      if (note) {
        draft.description.emailNote = note;
        this.note('description.emailNote', note, mail.from);
      }
    } else
      this.missing.push({ field: 'email', reason: mail ? `no address in "${mail.from}"` : 'no section "2.7 Electronic Mail Address"' });
    // Other addresses the document gives (for requests about the document, say) become contacts.
    for (const section of this.sections) {
      if (section.field === 'email') continue;
      for (const address of emailsIn(section.body)) {
        if (address === draft.email || draft.contacts?.some((c) => c.email === address)) continue;
        draft.contacts?.push({ role: section.title, email: address });
        this.note('contacts', { role: section.title, email: address }, this.label(section));
      }
    }

    const keys = this.text('keys');
    if (keys?.text) {
      draft.description.encryption = keys.text;
      this.note('description.encryption', keys.text, keys.from);
      const fingerprints = [...keys.text.matchAll(/\b(?:[0-9A-F]{4}\s?){9}[0-9A-F]{4}\b/g)].map((m) => m[0].replace(/\s/g, ''));
      const keyIds = [...keys.text.matchAll(/\b0x([0-9A-F]{8,16})\b/gi)].map((m) => (m[1] as string).toUpperCase());
      const refusesEncryption = /not (support|use|offer)[^.]*encryption|no (pgp|encryption)/i.test(keys.text);
      // A URL is a key's only where the sentence around it talks of a key (not "our secure messaging service").
      const urls = refusesEncryption
        ? []
        : keys.text
            .split(/(?<=[.!?])\s+/)
            .filter((s) => /\b(key|pgp|gpg)\b|\.asc\b/i.test(s))
            .flatMap(urlsIn);
      const userId = emailsIn(keys.text)[0];
      for (const fingerprint of fingerprints) draft.pgpKeys?.push({ fingerprint, ...(userId ? { userId } : {}) });
      for (const keyId of keyIds)
        if (!fingerprints.some((f) => f.endsWith(keyId))) draft.pgpKeys?.push({ keyId, ...(userId ? { userId } : {}) });
      if (draft.pgpKeys?.length === 0 && urls[0]) draft.pgpKeys.push({ url: urls[0], ...(userId ? { userId } : {}) });
      else if (urls[0]) draft.pgpKeys?.forEach((k) => Object.assign(k, { url: urls[0] }));
      if (draft.pgpKeys?.length) this.note('pgpKeys', draft.pgpKeys, keys.from);
      else if (refusesEncryption) this.note('pgpKeys', [], `${keys.from} (no encryption offered)`);
      else this.missing.push({ field: 'pgpKeys', reason: `no fingerprint, key id or key URL in "${keys.from}"` });
    } else this.missing.push({ field: 'pgpKeys', reason: 'no section "2.8 Public Keys and Encryption Information"' });

    this.copy('teamMembers', 'teamMembers', draft, '2.9 Team Members');
    this.copy('otherInformation', 'otherInformation', draft, '2.10 Other Information');
    const other = this.text('otherInformation');
    const website = other && urlsIn(other.text).find((u) => !/trusted-introducer\.org|first\.org/.test(u));
    if (website && other) {
      draft.website = website;
      this.note('website', website, other.from);
    }
    this.copy('customerContact', 'pointsOfCustomerContact', draft, '2.11 Points of Customer Contact');
  }

  private hours(draft: Draft): void {
    const section = this.text('operatingHours');
    // RFC 2350 puts the hours in 2.11 Points of Customer Contact; many teams give them a section of their own.
    for (const candidate of [section, this.text('customerContact')]) {
      const hours = candidate && parseHours(candidate.text);
      if (!candidate || !hours) continue;
      draft.operatingHours = hours;
      this.note('operatingHours', hours, candidate.from);
      const note = candidate.text
        .split(/\n+/)
        .filter((line) => !/\d{1,2}[:.]\d{2}/.test(line) && (candidate === section || HOURS_NOTE.test(line)))
        .join(' ')
        .trim();
      if (note) {
        draft.operatingHoursNote = note;
        this.note('operatingHoursNote', note, candidate.from);
      }
      return;
    }
    // Many teams state "24/7" beside a telephone number instead of writing a section.
    const line = this.all.split('\n').find((l) => AROUND_THE_CLOCK.test(l));
    if (line) {
      draft.operatingHours = allWeek();
      draft.operatingHoursNote = line.trim();
      this.note('operatingHours', draft.operatingHours, `"${line.trim()}"`, 'inferred');
      return;
    }
    this.missing.push({
      field: 'operatingHours',
      reason: section ? `no days and times in "${section.from}"` : 'no operating hours stated',
    });
  }

  private charterAndPolicies(draft: Draft): void {
    this.copy('mission', 'mission', draft, '3.1 Mission Statement');
    this.copy('constituency', 'constituency', draft, '3.2 Constituency');
    this.copy('sponsorship', 'sponsorship', draft, '3.3 Sponsorship and/or Affiliation');
    this.copy('authority', 'authority', draft, '3.4 Authority');
    this.copy('incidentTypes', 'incidentTypes', draft, '4.1 Types of Incidents and Level of Support');
    this.copy('cooperation', 'cooperation', draft, '4.2 Co-operation, Interaction and Disclosure of Information');
    this.copy('communication', 'communication', draft, '4.3 Communication and Authentication');
    this.copy('reportingForms', 'reportingForms', draft, '6 Incident Reporting Forms');
    this.copy('disclaimers', 'disclaimers', draft, '7 Disclaimers');

    const sentences = this.all.split(/(?<=[.!?])\s+|\n+/).filter((s) => /\bTLP\b|traffic light protocol/i.test(s));
    if (sentences.length === 0) {
      this.missing.push({ field: 'description.tlp', reason: 'the document does not mention the Traffic Light Protocol' });
      return;
    }
    const labels = new Set<TlpLabel>();
    for (const match of this.all.matchAll(/\bTLP\s*:\s*(CLEAR|WHITE|GREEN|AMBER\s*\+\s*STRICT|AMBER|RED)\b/gi)) {
      const word = (match[1] as string).toUpperCase().replace(/\s+/g, '');
      labels.add(word === 'WHITE' ? 'CLEAR' : (word as TlpLabel));
    }
    const defaultSentence = sentences.find(
      (s) => /without (a |any )?TLP|no TLP|not (marked|labell?ed)|by default|automatically assigned/i.test(s) && /TLP\s*:/i.test(s),
    );
    const defaultLabel =
      defaultSentence &&
      /TLP\s*:\s*(CLEAR|WHITE|GREEN|AMBER\s*\+\s*STRICT|AMBER|RED)/i.exec(defaultSentence)?.[1]?.toUpperCase().replace(/\s+/g, '');
    const tlp = {
      labels: TLP_LABELS.filter((l) => labels.has(l)),
      ...(defaultLabel ? { default: (defaultLabel === 'WHITE' ? 'CLEAR' : defaultLabel) as TlpLabel } : {}),
      policy: sentences.join(' ').trim(),
    };
    draft.description.tlp = tlp;
    this.note('description.tlp', tlp, 'sentences that mention TLP');
  }

  private services(draft: Draft): void {
    const top = this.sections.find((s) => s.field === 'services' && !s.number.includes('.'));
    const subsections = this.sections.filter((s) => s.group === 'services' && s !== top);
    if (!top && subsections.length === 0) {
      this.missing.push({ field: 'services', reason: 'no section "5 Services"' });
      return;
    }
    if (top?.body.trim()) {
      draft.description.servicesIntroduction = paragraphs(deobfuscate(top.body));
      this.note('description.servicesIntroduction', draft.description.servicesIntroduction, this.label(top));
    }
    const serviceSections = subsections.map((s) => ({
      number: s.number,
      title: s.title.replace(/[“”"]/g, '"'),
      text: paragraphs(deobfuscate(s.body)),
    }));
    if (serviceSections.length > 0) {
      draft.description.serviceSections = serviceSections;
      this.note(
        'description.serviceSections',
        serviceSections.map((s) => `${s.number} ${s.title}`),
        'the subsections of 5 Services',
      );
    }
    const names = new Map<string, string>();
    const texts = [
      ...(top ? [{ label: this.label(top), text: top.body }] : []),
      ...subsections.map((s) => ({ label: this.label(s), text: `${s.title}\n${s.body}` })),
    ];
    for (const { label, text } of texts) {
      const flat = text.replace(/\s+/g, ' ');
      for (const name of [...FIRST_SERVICE_AREAS, ...FIRST_SERVICES.filter((s) => s.split(/\s+/).length > 1)]) {
        if (!names.has(name) && new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\b`, 'i').test(flat)) names.set(name, label);
      }
    }
    for (const section of subsections) {
      for (const [pattern, name] of SERVICE_TITLES)
        if (!names.has(name) && pattern.test(section.title)) names.set(name, `the title of ${this.label(section)}`);
    }
    draft.services = [...names.keys()];
    for (const [name, from] of names) this.note('services', name, from, from.startsWith('the title') ? 'inferred' : 'stated');
    if (names.size === 0) this.missing.push({ field: 'services', reason: 'no FIRST Services Framework name in section 5' });
  }

  private memberships(draft: Draft): void {
    const add = (body: MembershipBody, from: string, extra: { status?: string; since?: string; name?: string; url?: string } = {}) => {
      if (draft.memberships?.some((m) => m.body === body)) return;
      const membership = { body, ...extra };
      draft.memberships?.push(membership);
      this.note('memberships', membership, from);
    };
    const lines = this.all.split('\n');
    const find = (pattern: RegExp) => lines.find((l) => pattern.test(l));

    // Trusted Introducer: the status the text claims now, dated by the change log when it records the step.
    const tiStatus =
      /(?:\b(?:is|are)\s+(?:an?\s+)?(?:Trusted Introducer|TI)\s+(listed|accredited|certified))|(?:\b(listed|accredited|certified)\s+(?:by|with|in)\s+(?:the\s+)?(?:Trusted Introducer|TI)\b)|(?:\bTI status[^\n]*?(listed|accredited|certified))/i;
    const tiClaims = lines.flatMap((l) => {
      const m = tiStatus.exec(l);
      const status = (m?.[1] ?? m?.[2] ?? m?.[3])?.toLowerCase();
      return status ? [{ status, line: l }] : [];
    });
    const order = ['listed', 'accredited', 'certified'];
    const best = tiClaims.sort((a, b) => order.indexOf(b.status) - order.indexOf(a.status))[0];
    if (best) {
      const since = draft.description.changes?.find((c) => new RegExp(`TI status[^\\n]*${best.status}`, 'i').test(c.comment))?.date;
      const url = urlsIn(find(/trusted-introducer\.org/) ?? '')[0];
      add('Trusted Introducer', `"${best.line.trim().slice(0, 120)}"`, {
        status: best.status,
        ...(since ? { since } : {}),
        ...(url ? { url } : {}),
      });
    }
    // In prose ("is a full member of FIRST") or listed as Vakt's own document writes it ("FIRST (Full member) https://…").
    const first = find(
      /\b(?:is|are)\s+(?:an?\s+)?(?:(full|liaison)\s+)?member\s+of\s+FIRST\b|\bFIRST\s+(?:(full|liaison)\s+)?member\s+(?:since|team)\b|^\s*FIRST\s*\((?:[Ff]ull|[Ll]iaison)?\s*[Mm]ember\)/,
    );
    if (first) {
      const status = /\b(full|liaison)\s+member/i.exec(first)?.[1]?.toLowerCase();
      const url = urlsIn(first).find((u) => /first\.org/.test(u));
      add('FIRST', `"${first.trim().slice(0, 120)}"`, { ...(status ? { status: `${status} member` } : {}), ...(url ? { url } : {}) });
    }
    const tf = find(/\b(?:member|participant|participates)\b[^\n]*\bTF-?CSIRT\b/i);
    if (tf) add('TF-CSIRT', `"${tf.trim().slice(0, 120)}"`);
    const egc = find(/\b(?:member|participant)\b[^\n]*\b(?:EGC|European Government CERTs)\b/i);
    if (egc) add('EGC', `"${egc.trim().slice(0, 120)}"`);
    const forum = find(/\bmember\b[^\n]*\bCERT[- ]?forum\b|\bCERT[- ]?forum\s*\(member\)/i);
    if (forum) {
      const name = /((?:[\p{Lu}][\p{L}-]*\s+)?CERT[- ]?forum)/iu.exec(forum)?.[1];
      add('National CERT forum', `"${forum.trim().slice(0, 120)}"`, { ...(name ? { name } : {}), status: 'Member' });
    }
  }

  /** The type of team and the sectors it serves are rarely stated: read them from the charter, and say so. */
  private classify(draft: Draft): void {
    const overrides = this.options.overrides;
    const guess = guessKind({
      constituency: draft.description.constituency,
      sponsorship: draft.description.sponsorship,
      mission: draft.description.mission,
    });
    draft.type = overrides?.type ?? guess.type ?? 'internal';
    if (overrides?.type) this.note('type', draft.type, 'given by the person importing');
    else if (guess.type) this.note('type', guess.type, '3 Charter (words such as those of the constituency)', 'inferred');
    else this.missing.push({ field: 'type', reason: 'the charter does not say what kind of team this is; "internal" was assumed' });
    // The national point of contact only when the document claims it, or the person importing says so.
    const charter = [draft.description.constituency, draft.description.sponsorship, draft.description.mission].join('\n');
    if (overrides?.type === 'national' || new RegExp(NATIONAL_CLAIM.source, 'iu').test(charter)) draft.nationalPointOfContact = true;
    draft.sectors = overrides?.sectors ?? sectorsFor(draft.type, draft.description.constituency);
    if (overrides?.sectors) this.note('sectors', draft.sectors, 'given by the person importing');
    else if (draft.sectors.length > 0)
      this.note('sectors', draft.sectors, `the team type (${draft.type}) and 3.2 Constituency`, 'inferred');
    else this.missing.push({ field: 'sectors', reason: 'sectors served are not stated; add them by hand' });
  }
}

/** The kind of team its charter describes, by the words it uses most; undefined when none apply. */
export function guessKind(charter: { constituency?: string | undefined; sponsorship?: string | undefined; mission?: string | undefined }): {
  type?: TeamType;
} {
  const text = [charter.constituency, charter.sponsorship, charter.mission].filter(Boolean).join('\n');
  const top = TYPE_SIGNS.map(([type, pattern]) => ({ type, score: [...text.matchAll(pattern)].length })).sort(
    (a, b) => b.score - a.score,
  )[0];
  return top && top.score > 0 ? { type: top.type } : {};
}

/** The sectors a team of this type usually serves, "partly", with its constituency as the scope note. */
export function sectorsFor(type: TeamType, constituency: string | undefined): PeerTeam['sectors'] {
  const flat = (constituency ?? '').replace(/\n+[-•*–]?\s*/g, '; ').replace(/:;/g, ':');
  const note = flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
  return (SECTORS_BY_TYPE[type] ?? []).map((sector) => ({ sector, coverage: 'partly' as const, ...(note ? { note } : {}) }));
}

/** A constituency that crosses borders by its own words. */
const INTERNATIONAL_CLAIM =
  /\b(?:international|multinational|worldwide|world-wide|global(?:ly)?|cross-border|across (?:national )?borders|(?:EU|Union) (?:institutions|entities)|institutions, bodies(?:,| and)(?: offices and)? agencies of the (?:European )?Union)\b/iu;

/** Regions teams serve, as constituencies name them. */
const REGION =
  /\b(?:Central Asia|South[- ]?East Asia|Asia[- ]Pacific|Latin America(?: and the Caribbean)?|the Caribbean|Middle East(?: and North Africa)?|North Africa|Sub-Saharan Africa|Africa|(?:Western )?Balkans|Baltic (?:states|region)|Nordic (?:countries|region)|Gulf (?:states|region)|Pacific Islands|European Union|Europe)\b/u;

const NATIONAL_CLAIM =
  /\b(?:is|as|acts as|serves as|designated as)\s+(?:the|a)\s+(?:[\p{L}-]+\s+){0,2}national\s+(?:cert|csirt|computer (?:emergency|security incident)|point of contact|incident response)/giu;

const TYPE_SIGNS: ReadonlyArray<readonly [TeamType, RegExp]> = [
  // Only the team's own claim ("is the national CSIRT of X"): teams of every kind say they work
  // with national CSIRTs, and a volunteer team's "constituency" is no nation's.
  ['national', NATIONAL_CLAIM],
  ['governmental', /\b(?:municipality|municipal|city of|government|ministry|public administration|agenc(?:y|ies)|county council)\b/gi],
  ['research-education', /\b(?:universit(?:y|ies)|research network|academic|nren|higher education)\b/gi],
  ['commercial', /\b(?:customers?|clients?|contracted|subscribers?)\b/gi],
  ['vendor', /\b(?:our products|product security|vendor)\b/gi],
  ['sector', /\b(?:financial sector|energy sector|health ?care sector|banks)\b/gi],
  ['internal', /\b(?:employees|internal|members of the \S+ group)\b/gi],
];

const SECTORS_BY_TYPE: Partial<Record<TeamType, Sector[]>> = {
  national: ['government', 'critical-infrastructure'],
  governmental: ['government'],
  'research-education': ['research-education'],
  commercial: ['commercial'],
  sector: ['critical-infrastructure'],
};

/** Classic RFC 2350 service titles and the FIRST Services Framework names they correspond to. */
const SERVICE_TITLES: ReadonlyArray<readonly [RegExp, string]> = [
  [/incident (response|handling|management)/i, 'Information Security Incident Management'],
  [/incident triage/i, 'Information security incident analysis'],
  [/incident coordination/i, 'Information security incident coordination'],
  [/incident resolution|recovery/i, 'Mitigation and recovery'],
  [/forensic/i, 'Artifact and forensic evidence analysis'],
  [/threat hunting|monitoring|detection/i, 'Information Security Event Management'],
  [/threat intelligence/i, 'Situational Awareness'],
  [/vulnerabilit/i, 'Vulnerability Management'],
  [/proactive|awareness/i, 'Knowledge Transfer'],
  [/training|education/i, 'Training and education'],
  [/exercise/i, 'Exercises'],
];

const AROUND_THE_CLOCK = /\b24\s*\/\s*7\b|\b24\s*x\s*7\b|24 hours a day|around the clock|round-the-clock/i;

function allWeek(): WeeklyHours {
  return Object.fromEntries(WEEKDAYS.map((day) => [day, [{ start: '00:00', end: '24:00' }]])) as WeeklyHours;
}

const DAY = String.raw`(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?`;
const TIME = String.raw`(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?`;
const SCHEDULE = new RegExp(
  String.raw`(?:${DAY}(?:\s*(?:-|–|—|to|through|till|until)\s*${DAY})?|(weekdays|working days))[\s,:]*(?:from\s+)?${TIME}\s*(?:-|–|—|to|until)\s*${TIME}`,
  'gi',
);
const DAY_INDEX: Record<string, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

function clock(hours: string | undefined, minutes: string | undefined, half: string | undefined): string | undefined {
  let h = Number(hours);
  if (half?.toLowerCase() === 'pm' && h < 12) h += 12;
  if (half?.toLowerCase() === 'am' && h === 12) h = 0;
  if (h > 24) return undefined;
  return `${String(h).padStart(2, '0')}:${minutes ?? '00'}`;
}

/** A line beside the hours in 2.11 that says something about them: holidays, closures, availability. */
const HOURS_NOTE = /hours|holiday|closed|open|availab|outside/i;

/** "Monday to Thursday 08:00-16:45 Friday 08:00-16:15", "Mon–Fri 9am–5pm", "24/7". */
export function parseHours(text: string): WeeklyHours | undefined {
  if (AROUND_THE_CLOCK.test(text)) return allWeek();
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as WeeklyHours;
  let any = false;
  for (const m of text.matchAll(SCHEDULE)) {
    const from = m[3] ? 0 : DAY_INDEX[(m[1] as string).toLowerCase()];
    const to = m[3] ? 4 : m[2] ? DAY_INDEX[m[2].toLowerCase()] : from;
    const start = clock(m[4], m[5], m[6]);
    const end = clock(m[7], m[8], m[9]);
    if (from === undefined || to === undefined || !start || !end) continue;
    for (let d = from; d <= to; d++) week[WEEKDAYS[d] as (typeof WEEKDAYS)[number]].push({ start, end });
    any = true;
  }
  return any ? week : undefined;
}

/** Abbreviations that name one zone, as teams write them beside or instead of an offset. */
const ZONE_NAMES: Record<string, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
  MSK: 'Europe/Moscow',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  SGT: 'Asia/Singapore',
  HKT: 'Asia/Hong_Kong',
  PHT: 'Asia/Manila',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
  ALMT: 'Asia/Almaty',
  UZT: 'Asia/Tashkent',
};
/** Abbreviations that give an offset only (several countries use each): minutes east of UTC in winter. */
const ZONE_OFFSETS: Record<string, number> = { CET: 60, CEST: 60, EET: 120, EEST: 120, WET: 0, WEST: 0, GMT: 0, UTC: 0 };

/**
 * The zone a "Time zone" section names: an IANA name; an abbreviation that names one zone (WIB);
 * else an offset ("UTC+5", "GMT+07", "CET/CEST") made a zone with the country, or, for a team of
 * no single country, the fixed-offset zone (Etc/GMT-5 is UTC+5: IANA writes the sign reversed).
 */
export function zoneIn(
  text: string,
  country: string | undefined,
): { zone: string; how: 'stated' | 'inferred'; because: string } | undefined {
  const iana = /\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)\/[A-Za-z_]+(?:\/[A-Za-z_]+)?\b/.exec(
    text,
  )?.[0];
  if (iana && isValidTimeZone(iana)) return { zone: iana, how: 'stated', because: '' };
  const name = Object.keys(ZONE_NAMES).find((abbreviation) => new RegExp(`\\b${abbreviation}\\b`).test(text));
  if (name) return { zone: ZONE_NAMES[name]!, how: 'inferred', because: ` ("${name}")` };
  const offset = /\b(?:UTC|GMT)\s*([+-−])\s*(\d{1,2})(?::?(\d{2}))?/.exec(text);
  const abbreviation = Object.keys(ZONE_OFFSETS).find((a) => new RegExp(`\\b${a}\\b`).test(text));
  const minutes = offset
    ? (offset[1] === '+' ? 1 : -1) * (Number(offset[2]) * 60 + Number(offset[3] ?? 0))
    : abbreviation !== undefined && abbreviation !== 'GMT' && abbreviation !== 'UTC'
      ? ZONE_OFFSETS[abbreviation]
      : undefined;
  if (country) {
    const guessed = zoneOfCountry(country, minutes);
    if (guessed) return { zone: guessed, how: 'inferred', because: ` with the country ${country}` };
  }
  if (minutes === undefined || minutes % 60 !== 0 || Math.abs(minutes) > 14 * 60) return undefined;
  const hours = minutes / 60;
  const fixed = hours === 0 ? 'Etc/UTC' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
  return isValidTimeZone(fixed)
    ? { zone: fixed, how: 'inferred', because: ` (a fixed offset of UTC${hours >= 0 ? '+' : ''}${hours})` }
    : undefined;
}

/** A country the reader could not determine or an override mistyped. */
export function checkCountryOverride(code: string | undefined): string | undefined {
  if (code === undefined) return undefined;
  const upper = /^int(?:ernational)?$/i.test(code) ? INTERNATIONAL : code.toUpperCase();
  if (!isTeamCountry(upper))
    throw new VaktError(
      'validation',
      `--country: "${code}" is not an ISO 3166-1 alpha-2 country code, nor INT (a team of no single country)`,
      [{ field: 'country', reason: 'unknown country code' }],
    );
  return upper;
}
