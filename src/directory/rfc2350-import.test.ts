import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../test/helpers/pdf.js';
import { rfc2350Document } from '../../test/helpers/rfc2350.js';
import { VaktError } from '../core/errors.js';
import type { TeamProfile } from '../profile/schema.js';
import { renderRfc2350Text } from '../profile/rfc2350.js';
import { ownDirectoryRecord } from './own-record.js';
import { isPdf, pdfText } from './pdf-text.js';
import { checkCountryOverride, guessKind, parseHours, readRfc2350, zoneIn } from './rfc2350-import.js';
import { sectionsOf } from './rfc2350-sections.js';
import type { PeerTeam } from './schema.js';
import { validateTeam } from './teams.js';
import { datesIn, deobfuscate, documentText, emailsIn } from './text.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/${name}`, import.meta.url));
const stockholmText = fixture('rfc2350/rfc2350-cert-stockholm.txt');
const truesecText = fixture('rfc2350/rfc2350-truesec-csirt.txt');
// Hand-written profiles of the same two documents (the foundation's fixtures): an independent transcription to compare with.
const stockholmProfile = JSON.parse(readFileSync(new URL('../demo/cert-stockholm.profile.json', import.meta.url), 'utf8')) as TeamProfile;
const truesecProfile = JSON.parse(fixture('profiles/truesec-csirt.profile.json').toString('utf8')) as TeamProfile;

const flat = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/** The hand-written profile runs bullet lists into one sentence ("are: a; b; c."): compare the words. */
const words = (text: string | undefined) => flat((text ?? '').replace(/\n\s*- /g, ' ').replace(/[.;:]/g, ''));

function read(input: Buffer | string, options: Parameters<typeof readRfc2350>[1] = {}): PeerTeam {
  const reading = readRfc2350(input, options);
  expect(reading.errors).toEqual([]);
  if (!reading.team) throw new Error('no team');
  return reading.team;
}

const office = (start: string, end: string) => [{ start, end }];

describe('RFC 2350 import: CERT Stockholm', () => {
  const reading = readRfc2350(stockholmText, { source: 'stockholm' });
  const team = reading.team as PeerTeam;
  const d = team.description ?? {};

  it('reads the document information and contact sections field by field', () => {
    expect(reading.errors).toEqual([]);
    expect(team.name).toBe('CERT Stockholm');
    expect(team.country).toBe('SE');
    expect(team.hostOrganisation).toBe('S:t Erik Kommunikation AB');
    expect(team.rfc2350).toEqual({
      url: 'https://stokab.se/det-har-ar-stokab/vilka-vi-ar/st-erik-kommunikation-ab',
      date: '2025-10-01',
      version: '1.3',
    });
    expect(d.addresses).toEqual(stockholmProfile.addresses);
    expect(team.timeZone).toBe('Europe/Stockholm');
    expect(d.timeZoneNote).toBe(stockholmProfile.timeZoneNote);
    expect(team.telephone).toEqual([{ number: '+46 8 508 304 40' }]);
    expect(team.email).toBe('cert@stockholm.se');
    expect(d.emailNote).toBe(stockholmProfile.email.note);
    expect(team.pgpKeys).toEqual([]);
    // The footnote ("² https://start.stockholm/…") is put back where its marker was.
    expect(flat(d.encryption)).toBe(flat(stockholmProfile.encryption.note));
    expect(d.teamMembers).toBe(stockholmProfile.teamMembers);
    expect(team.operatingHours).toEqual({
      monday: office('08:00', '16:45'),
      tuesday: office('08:00', '16:45'),
      wednesday: office('08:00', '16:45'),
      thursday: office('08:00', '16:45'),
      friday: office('08:00', '16:15'),
      saturday: [],
      sunday: [],
    });
    expect(team.operatingHoursNote).toBe(stockholmProfile.operatingHoursNote);
  });

  it('reads the charter, policies, TLP, services, forms and disclaimers', () => {
    for (const key of ['mission', 'constituency', 'sponsorship', 'authority'] as const)
      expect(flat(d[key])).toBe(flat(stockholmProfile.charter[key]));
    expect(flat(d.incidentTypes)).toBe(flat(stockholmProfile.policies.incidentTypes));
    expect(flat(d.cooperation)).toContain(flat(stockholmProfile.policies.cooperation));
    expect(d.communication).toBe('See 2.6 above.');
    expect(d.tlp).toEqual({ labels: ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'], policy: stockholmProfile.tlp.policy });
    expect(team.services.slice(0, 4)).toEqual(stockholmProfile.services.framework);
    expect(d.serviceSections?.map((s) => `${s.number} ${s.title}`)).toEqual(['5.1 Incident Management', '5.2 Proactive Activities']);
    expect(flat(d.serviceSections?.[1]?.text)).toBe(flat(stockholmProfile.services.sections[1]?.text));
    expect(d.reportingForms).toBe('Not available. Whenever possible, please report in plain text using e-mail (see 2.5).');
    expect(d.disclaimers).toBe('None.');
  });

  it('drops page headers and footers, infers the type from the charter and says so', () => {
    const everything = JSON.stringify(team);
    expect(everything).not.toMatch(/Page \d\(6\)|Date 2025-10-28|Version 1\.0|[¹²]/);
    expect(team.type).toBe('governmental');
    expect(reading.understood.find((f) => f.field === 'type')).toMatchObject({ how: 'inferred' });
    expect(reading.understood.find((f) => f.field === 'email')).toMatchObject({ from: '2.5 Electronic mail address', how: 'stated' });
    expect(reading.notUnderstood.map((m) => m.field)).toEqual(
      expect.arrayContaining(['shortName', 'description.fax', 'description.otherTelecommunication', 'description.pointsOfCustomerContact']),
    );
  });
});

describe('RFC 2350 import: Truesec CSIRT', () => {
  const reading = readRfc2350(truesecText, { source: 'truesec' });
  const team = reading.team as PeerTeam;
  const d = team.description ?? {};

  it('reads the document information, with the change log, and restores obfuscated addresses', () => {
    expect(reading.errors).toEqual([]);
    expect(team.name).toBe(truesecProfile.team.name);
    expect(team.country).toBe('SE');
    expect(team.hostOrganisation).toBe(truesecProfile.team.hostOrganisation);
    expect(team.rfc2350).toEqual({ url: truesecProfile.document.locations[0], date: '2025-12-02', version: '1.4' });
    expect(d.changes).toEqual(truesecProfile.document.changes);
    expect(flat(d.distributionList)).toBe(truesecProfile.document.distributionList);
    expect(team.email).toBe('csirt@truesec.com');
    expect(team.contacts).toEqual([{ role: 'Distribution List for Information', email: 'csirt@truesec.se' }]);
  });

  it('reads every contact field', () => {
    expect(d.addresses).toEqual(truesecProfile.addresses);
    expect(team.timeZone).toBe('Europe/Stockholm');
    expect(flat(d.timeZoneNote)).toContain(flat(truesecProfile.timeZoneNote));
    expect(team.telephone).toEqual(truesecProfile.telephone);
    expect(d.fax).toBe(truesecProfile.fax);
    expect(d.otherTelecommunication).toBe(truesecProfile.otherTelecommunication);
    expect(team.pgpKeys).toEqual([{ url: 'https://www.truesec.com/csirt/team-pgp-key', userId: 'csirt@truesec.com' }]);
    expect(flat(d.encryption)).toContain(flat(truesecProfile.encryption.note));
    expect(d.teamMembers).toBe(truesecProfile.teamMembers);
    expect(team.website).toBe('https://www.truesec.com/csirt');
    expect(flat(d.pointsOfCustomerContact)).toBe(flat(truesecProfile.pointsOfCustomerContact));
    // "Main number (24/7)": around the clock, and marked as inferred.
    expect(Object.values(team.operatingHours ?? {})).toEqual(Array(7).fill(office('00:00', '24:00')));
    expect(reading.understood.find((f) => f.field === 'operatingHours')).toMatchObject({ how: 'inferred' });
  });

  it('recognises the memberships, with the Trusted Introducer status dated by the change log', () => {
    expect(team.memberships).toEqual([
      {
        body: 'Trusted Introducer',
        status: 'certified',
        since: '2023-12-13',
        url: 'https://www.trusted-introducer.org/trusted-introducer/directory/teams/truesec-csirt-se/',
      },
      { body: 'FIRST', status: 'full member', url: 'https://www.first.org/members/teams/truesec_csirt' },
      { body: 'National CERT forum', name: 'Swedish CERT-forum', status: 'Member' },
    ]);
  });

  it('reads the charter, policies with the TLP default, and every service subsection', () => {
    for (const key of ['mission', 'constituency', 'sponsorship', 'authority'] as const)
      expect(words(d[key])).toBe(words(truesecProfile.charter[key]));
    // The hand-written profile moved or left out a sentence here and there (4.2's TLP sentences are
    // its TLP policy): every sentence it has must be in the import, which keeps each section whole.
    for (const key of ['incidentTypes', 'cooperation', 'communication'] as const) {
      for (const sentence of truesecProfile.policies[key].split(/(?<=\.) /)) expect(flat(d[key])).toContain(flat(sentence));
    }
    expect(flat(d.cooperation)).toContain(flat(truesecProfile.tlp.policy));
    expect(d.mission?.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(6);
    expect(d.tlp).toMatchObject({ labels: ['AMBER+STRICT'], default: 'AMBER+STRICT' });
    expect(d.serviceSections?.map((s) => s.number)).toEqual([
      '5.1',
      '5.1.1',
      '5.1.2',
      '5.1.2.1',
      '5.1.3',
      '5.1.3.1',
      '5.1.3.2',
      '5.1.3.3',
      '5.1.3.4',
      '5.1.3.5',
      '5.2',
    ]);
    expect(d.serviceSections?.map((s) => s.title)).toContain('"Lessons learned" Debriefing');
    expect(team.services).toEqual(
      expect.arrayContaining(['Information Security Incident Management', 'Artifact and forensic evidence analysis']),
    );
    expect(flat(d.reportingForms)).toBe(flat(truesecProfile.reportingForms));
    expect(flat(d.disclaimers)).toBe(flat(truesecProfile.disclaimers));
    expect(team.type).toBe('commercial');
    expect(team.sectors).toEqual([expect.objectContaining({ sector: 'commercial', coverage: 'partly' })]);
  });
});

describe('RFC 2350 import: variations', () => {
  const minimal = (headings: Record<string, string>) =>
    Object.entries(headings)
      .map(([heading, body]) => `${heading}\n\n${body}\n`)
      .join('\n');

  it('finds sections whatever their numbering, punctuation and titles, and takes values from the heading line', () => {
    const text = minimal({
      '1. Document Information': 'About us.',
      '1.1. Date Of Last Update': 'This is version 2.0, published 3 March 2024.',
      '2. Contact Information': '',
      '2.1. Name of the Team: Example CERT (EX-CERT)': '',
      '2.2. Address': 'Example street 1, 0150 Oslo, Norway',
      '2.3. Time zone': 'Europe/Oslo',
      '2.4. Telephone number': 'Hotline: +47 22 00 00 00',
      '2.7. Electronic Mail Address': 'cert (at) example (dot) no',
      '2.8. Public keys and encryption information': 'Fingerprint: 1234 5678 9ABC DEF0 1234  5678 9ABC DEF0 1234 5678',
      '2.11 Operating hours': 'Mon-Fri 9am - 5pm, CET.',
      '3. Charter': '',
      '3.2. Constituency': 'The Norwegian universities and the research network.',
      '7. Disclaimers': 'None.',
    });
    const team = read(text);
    expect(team).toMatchObject({
      name: 'Example CERT',
      shortName: 'EX-CERT',
      country: 'NO',
      timeZone: 'Europe/Oslo',
      email: 'cert@example.no',
      type: 'research-education',
    });
    expect(team.rfc2350).toMatchObject({ date: '2024-03-03', version: '2.0' });
    expect(team.telephone).toEqual([{ label: 'Hotline', number: '+47 22 00 00 00' }]);
    expect(team.pgpKeys).toEqual([{ fingerprint: '123456789ABCDEF0123456789ABCDEF012345678' }]);
    expect(team.operatingHours?.friday).toEqual(office('09:00', '17:00'));
    expect(team.operatingHours?.saturday).toEqual([]);
  });

  it('reads a web page (HTML) with the same result as its text', () => {
    const html = `<!doctype html><html><body><nav>Home | About</nav>
      <h2>2.1 Team name</h2><p>CERT Stockholm</p>
      <h2>2.2 Address</h2><p>Box 711, 120 02 Årsta, Sweden</p>
      <h2>2.5 Electronic mail address</h2><p><a href="mailto:cert@stockholm.se">cert@stockholm.se</a></p>
      <h2>3.2 Constituency</h2><p>The City of Stockholm's departments.</p>
      <h2>7 Disclaimers</h2><p>None.</p></body></html>`;
    const team = read(Buffer.from(html), { contentType: 'text/html; charset=utf-8', allowPartial: true });
    expect(team).toMatchObject({ name: 'CERT Stockholm', country: 'SE', email: 'cert@stockholm.se' });
  });

  it('reads a document saved as Windows-1252 rather than UTF-8', () => {
    const latin = Buffer.from(stockholmText.toString('utf8').replace(/[¹²–]/g, ''), 'latin1');
    expect(read(latin).description?.addresses?.[0]?.text).toContain('ÅRSTA SWEDEN');
  });

  it('restores obfuscated e-mail addresses without turning prose into addresses', () => {
    expect(deobfuscate('write to csirt[@]truesec.com now')).toBe('write to csirt@truesec.com now');
    expect(emailsIn('cert at example dot org; team{at}cert.example.net; abuse (at) isp [dot] co [dot] uk')).toEqual([
      'cert@example.org',
      'team@cert.example.net',
      'abuse@isp.co.uk',
    ]);
    expect(emailsIn('The form is available at example.org and we can be reached at noon.')).toEqual([]);
    expect(deobfuscate('reached at csirt@truesec.com')).toBe('reached at csirt@truesec.com');
  });

  it('reads dates and operating hours as teams write them', () => {
    expect(datesIn('Version 1.3 as of October 1, 2025; revised 1 Nov 2025, 02.12.2025 and 2025-12-24')).toEqual([
      '2025-10-01',
      '2025-11-01',
      '2025-12-02',
      '2025-12-24',
    ]);
    expect(parseHours('Weekdays 08:00 to 17:00')?.wednesday).toEqual(office('08:00', '17:00'));
    expect(parseHours('We are available 24x7.')?.sunday).toEqual(office('00:00', '24:00'));
    expect(parseHours('Tuesday 13:30-15:00')).toMatchObject({ tuesday: office('13:30', '15:00'), monday: [] });
    expect(parseHours('During business hours.')).toBeUndefined();
  });

  it('drops page furniture: "Page 2 of 6", repeated headers, dates and version lines', () => {
    const page = (n: number) => `ACME CSIRT RFC 2350\nPage ${n} of 3\nDate 2025-01-01\nVersion 1.0\n`;
    const doc = sectionsOf(
      `${page(1)}2.1 Team name\nACME CSIRT\n${page(2)}2.5 Electronic mail address\ncsirt@acme.example\n${page(3)}7 Disclaimers\nNone.`,
    );
    expect(doc.sections.map((s) => [s.number, s.field, s.body])).toEqual([
      ['2.1', 'teamName', 'ACME CSIRT'],
      ['2.5', 'email', 'csirt@acme.example'],
      ['7', 'disclaimers', 'None.'],
    ]);
  });
});

describe('RFC 2350 import: bad input', () => {
  it('refuses text that is not an RFC 2350 document', () => {
    const report = fixture('enisa-2005-appendix-a.txt');
    expect(() => readRfc2350(report)).toThrow(/not an RFC 2350 description/);
    expect(() => readRfc2350('')).toThrow(/not an RFC 2350 description/);
  });

  it('refuses a PDF given as binary, other binaries and oversized files, naming what to do', () => {
    expect(() => documentText(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0)]))).toThrow(/PDF.*pdftotext/);
    expect(() => documentText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]))).toThrow(/binary/);
    expect(() => documentText(Buffer.alloc(2 * 1024 * 1024, 'a'))).toThrow(/larger than/);
  });

  it('refuses a cut-off document unless a partial one is accepted, and then warns', () => {
    const cut = stockholmText.toString('utf8').split('2.5 Electronic mail address')[0] as string;
    const refused = readRfc2350(cut);
    expect(refused.team).toBeUndefined();
    expect(refused.errors[0]?.reason).toMatch(/cut off.*2\.4.*sections 3 to 7 are missing/);
    const partial = readRfc2350(cut, { allowPartial: true });
    expect(partial.team?.name).toBe('CERT Stockholm');
    expect(partial.warnings[0]).toMatch(/cut off/);
  });

  it('asks for the country when the address names none, and accepts it from the person importing', () => {
    const text = stockholmText.toString('utf8').replace(/SWEDEN/g, '');
    expect(readRfc2350(text).errors).toEqual([expect.objectContaining({ field: 'country' })]);
    expect(read(text, { overrides: { country: 'SE' } }).country).toBe('SE');
  });

  it('keeps markup in a hostile document as text', () => {
    const text = stockholmText
      .toString('utf8')
      .replace('2.1 Team name\n\nCERT Stockholm', '2.1 Team name\n\n<script>alert(1)</script> CERT');
    expect(read(text).name).toBe('<script>alert(1)</script> CERT');
  });

  it('never fails on arbitrary text with anything but a clear validation error', () => {
    const base = stockholmText.toString('utf8');
    fc.assert(
      fc.property(fc.nat(base.length), fc.string({ maxLength: 200 }), fc.nat(base.length), (cut, noise, at) => {
        const text = `${base.slice(0, at)}${noise}${base.slice(at, Math.max(at, cut))}`;
        try {
          const reading = readRfc2350(text);
          if (reading.team) validateTeam(reading.team);
        } catch (error) {
          if (!(error instanceof VaktError)) throw error;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('our own profile as a directory record', () => {
  it('maps every RFC 2350 field of the profile and validates as a team', () => {
    const record = validateTeam(ownDirectoryRecord(truesecProfile, 'https://vakt.truesec.example'));
    expect(record).toMatchObject({
      name: 'Truesec CSIRT',
      shortName: 'TRUESEC',
      country: 'SE',
      hostOrganisation: 'Truesec AB',
      email: 'csirt@truesec.com',
      timeZone: 'Europe/Stockholm',
    });
    expect(record.rfc2350).toEqual({ url: 'https://vakt.truesec.example/rfc2350.txt', date: '2025-12-02', version: '1.4' });
    expect(record.memberships.map((m) => [m.body, m.status])).toEqual([
      ['Trusted Introducer', 'certified'],
      ['FIRST', 'Full member'],
      ['National CERT forum', 'Member'],
    ]);
    expect(record.description?.tlp?.default).toBe(truesecProfile.tlp.default);
    expect(record.description?.mission).toBe(truesecProfile.charter.mission);
  });
});

describe('our own RFC 2350 document, read back', () => {
  for (const [name, profile] of [
    ['CERT Stockholm', stockholmProfile],
    ['Truesec CSIRT', truesecProfile],
  ] as const) {
    it(`${name}: the text Vakt serves re-imports with every field the directory keeps, hours and memberships included`, () => {
      const own = ownDirectoryRecord(profile, 'https://vakt.example');
      const team = read(renderRfc2350Text(profile), { source: 'own' });
      for (const field of [
        'name',
        'shortName',
        'country',
        'hostOrganisation',
        'email',
        'timeZone',
        'operatingHours',
        'telephone',
        'type',
      ] as const)
        expect(team[field], field).toEqual(own[field]);
      expect(team.memberships.map((m) => [m.body, m.status?.toLowerCase()])).toEqual(
        own.memberships.map((m) => [m.body, m.status?.toLowerCase()]),
      );
      expect(team.services).toEqual(expect.arrayContaining(own.services));
      expect(team.rfc2350).toMatchObject({ date: own.rfc2350?.date, version: own.rfc2350?.version });
    });
  }
});

describe('RFC 2350 documents published as PDF', () => {
  it('reads the text of a PDF (pages with running footers) as it reads the text itself', async () => {
    const pdf = await renderPdf(truesecText.toString('utf8'), 'Truesec CSIRT RFC 2350');
    expect(isPdf(pdf)).toBe(true);
    const fromPdf = read(await pdfText(pdf, 'truesec.pdf'));
    const fromText = read(truesecText);
    for (const field of ['name', 'shortName', 'country', 'email', 'timeZone', 'operatingHours', 'memberships', 'rfc2350'] as const)
      expect(fromPdf[field], field).toEqual(fromText[field]);
    expect(JSON.stringify(fromPdf)).not.toMatch(/Page \d+ of \d+/);
  });

  it('refuses a broken PDF, one without text and an oversized one with a clear message', async () => {
    await expect(pdfText(Buffer.from('%PDF-1.7\n% truncated here'), 'x.pdf')).rejects.toThrow(/the PDF could not be read/);
    await expect(pdfText(await renderPdf('', 'no text'), 'empty.pdf')).rejects.toThrow(/no text layer/);
    await expect(pdfText(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(11 * 1024 * 1024)]), 'big.pdf')).rejects.toThrow(
      /larger than 10 MiB/,
    );
  });
});

describe('RFC 2350 documents as teams really publish them', () => {
  const essentials = (team: PeerTeam) => ({ name: team.name, country: team.country, email: team.email, timeZone: team.timeZone });
  const fromText = read(truesecText);

  it('reads a Markdown document: "## 2. Contact Information", "### 2.7 Electronic Mail Address", bold headings', () => {
    const markdown = truesecText
      .toString('utf8')
      .replace(/^(\d\.) (.+)$/gm, '## $1 $2')
      .replace(/^(\d\.\d{1,2}\.) (.+)$/gm, (_m, n: string, title: string) =>
        n.startsWith('2.') ? `### ${n} ${title}` : `**${n} ${title}**`,
      );
    expect(markdown).toContain('## 2. Contact Information');
    expect(essentials(read(markdown))).toEqual(essentials(fromText));
  });

  it('finds the sections of a document flattened onto one line, by their numbering inside the line', () => {
    const flattened = `-----BEGIN PGP SIGNED MESSAGE----- Hash: SHA256 ${truesecText.toString('utf8').replace(/\s+/g, ' ')}`;
    expect(flattened.split('\n')).toHaveLength(1);
    const team = read(flattened);
    expect(essentials(team)).toEqual(essentials(fromText));
    expect(team.telephone.map((p) => p.number)).toEqual(fromText.telephone.map((p) => p.number));
  });

  it('reads a document in another language by its numbering and translated titles', () => {
    const indonesian = [
      '1. Informasi Dokumen',
      '1.1 Pembaruan Terakhir',
      'Versi 2.1, 2025-03-14',
      '2. Informasi Kontak',
      '2.1 Nama Tim',
      'Contoh-CSIRT (CONTOH-CSIRT)',
      '2.2 Alamat',
      'Jl. Merdeka No. 1, Jakarta Pusat 10110, Indonesia',
      '2.3 Zona Waktu',
      'WIB (GMT+07)',
      '2.4 Nomor Telepon',
      '+62 21 555 0100',
      '2.7 Alamat Surat Elektronik',
      'csirt@contoh.go.id',
      '3. Piagam',
      '3.1 Pernyataan Misi',
      'Melindungi sistem elektronik pemerintah daerah.',
      '3.2 Konstituen',
      'Perangkat daerah Provinsi Contoh.',
      '4. Kebijakan',
      '4.1 Jenis Insiden dan Tingkat Dukungan',
      'Semua insiden ditangani.',
      '5. Layanan',
      '5.1 Penanganan Insiden',
      'Koordinasi insiden siber.',
      '6. Formulir Pelaporan',
      'https://csirt.contoh.go.id/lapor',
      '7. Penafian',
      'Dokumen ini tidak mengikat.',
    ].join('\n');
    const team = read(indonesian, { allowPartial: true });
    expect(team).toMatchObject({ country: 'ID', email: 'csirt@contoh.go.id', timeZone: 'Asia/Jakarta' });
    expect(team.name).toMatch(/^Contoh-CSIRT/);
  });

  it('takes a time zone from an abbreviation or an offset, with or without a country', () => {
    expect(zoneIn('WIB (GMT+07)', undefined)).toMatchObject({ zone: 'Asia/Jakarta' });
    expect(zoneIn('UTC+5', 'PK')).toMatchObject({ zone: 'Asia/Karachi' });
    expect(zoneIn('UTC+5', undefined)).toMatchObject({ zone: 'Etc/GMT-5', how: 'inferred' });
    expect(zoneIn('GMT+07', undefined)).toMatchObject({ zone: 'Etc/GMT-7' });
    expect(zoneIn('GMT-3', 'UY')).toMatchObject({ zone: 'America/Montevideo' });
    expect(zoneIn('CET/CEST', 'SE')).toMatchObject({ zone: 'Europe/Stockholm' });
    expect(zoneIn('CET/CEST', undefined)).toMatchObject({ zone: 'Etc/GMT-1' });
    expect(zoneIn('Europe/Berlin (CET)', 'SE')).toMatchObject({ zone: 'Europe/Berlin', how: 'stated' });
    expect(zoneIn('local time', undefined)).toBeUndefined();
    expect(zoneIn('UTC+99', undefined)).toBeUndefined();
  });
});

describe('teams of no single country', () => {
  const doc = (address: string, constituency: string) =>
    rfc2350Document({ name: 'Example Regional CERT', address, timeZone: 'UTC+5', constituency });

  it('files a regional team with no country in its address under INT with its region, and its offset as a fixed zone', () => {
    const reading = readRfc2350(doc('PO Box 12', 'The volunteers and users of our forum in Central Asia.'));
    expect(reading.errors).toEqual([]);
    expect(reading.team).toMatchObject({ country: 'INT', region: 'Central Asia', timeZone: 'Etc/GMT-5' });
    expect(reading.team?.nationalPointOfContact).toBeUndefined();
    expect(reading.understood).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'country', value: 'INT', how: 'inferred' })]),
    );
  });

  it('files a team whose constituency crosses borders under INT, saying where its address is', () => {
    const reading = readRfc2350(
      doc('Rue de la Loi 1, 1000 Brussels, Belgium', 'The institutions, bodies and agencies of the European Union.'),
    );
    expect(reading.team).toMatchObject({ country: 'INT', region: 'European Union' });
    expect(reading.understood.find((f) => f.field === 'country')?.from).toMatch(/though the address is in Belgium/);
  });

  it('keeps a national team national, and lets the person importing say INT', () => {
    const national = readRfc2350(doc('Box 1, 111 37 Stockholm, Sweden', 'Public authorities and companies in Sweden.'));
    expect(national.team?.country).toBe('SE');
    const told = readRfc2350(doc('PO Box 12', 'Members.'), { overrides: { country: checkCountryOverride('international') } });
    expect(told.team?.country).toBe('INT');
    expect(() => checkCountryOverride('XQ')).toThrow(/nor INT/);
  });
});

describe('what kind of team a document describes', () => {
  it('calls a team national only on its own claim, never for working with national CSIRTs or having a constituency', () => {
    expect(
      guessKind({
        constituency: 'Our constituency is the community of volunteers and the users of our forum in Central Asia.',
        mission: 'We co-operate with national CSIRTs and national CERT teams of the region.',
      }).type,
    ).not.toBe('national');
    expect(guessKind({ mission: 'KZ-CERT is the national CSIRT of the Republic of Kazakhstan.' }).type).toBe('national');
    expect(guessKind({ sponsorship: 'The team serves as the national point of contact for Estonia.' }).type).toBe('national');
  });
});
