import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { verifyAudit } from '../audit/audit-log.js';
import type { VaktError } from '../core/errors.js';
import { renderRfc2350Html, renderRfc2350Text } from './rfc2350.js';
import { renderSecurityTxt } from './security-txt.js';
import { ownDirectoryRecord } from '../directory/own-record.js';
import { getProfile, saveProfile, validateProfile } from './service.js';

const squash = (s: string) => s.replace(/\s+/g, ' ');

/** The body of one numbered section of the rendered text, up to the next numbered heading. */
function section(text: string, number: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${number}. `));
  if (start < 0) throw new Error(`section ${number} missing`);
  const end = lines.findIndex((l, i) => i > start && /^\d+(\.\d+)*\. /.test(l));
  return squash(lines.slice(start, end < 0 ? undefined : end).join('\n'));
}

// [section of the seed document, our RFC 2350 section, what it must say]
const stockholm: Array<[string, string, string[]]> = [
  ['1.1 Date of Last Update', '1.1', ['Version 1.3']],
  ['1.2 Locations where this Document may Be Found', '1.3', ['https://stokab.se/det-har-ar-stokab/vilka-vi-ar/st-erik-kommunikation-ab']],
  ['2.1 Team name', '2.1', ['CERT Stockholm']],
  ['2.2.1 Mailing Address', '2.2', ['Mailing Address: S:t Erik Kommunikation AB Att: CERT Stockholm Box 711 120 02 ÅRSTA SWEDEN']],
  [
    '2.2.2 Visiting Address',
    '2.2',
    ['Visiting Address: S:t Erik Kommunikation AB Att: CERT Stockholm Pastellvägen 6 p4 121 36 JOHANNESHOV SWEDEN'],
  ],
  ['2.3 Time zone', '2.3', ['Europe/Stockholm', 'CET/CEST, Central European Time/Central European Summer Time, UTC+0100/UTC+0200']],
  ['2.4 Telephone number', '2.4', ['+46 8 508 304 40']],
  ['2.5 Electronic mail address', '2.7', ['cert@stockholm.se', 'report all IT security incidents']],
  ['2.6 Public keys and encryption', '2.8', ['secure messaging service', 'does not support any encryption']],
  ['2.7 Team members', '2.9', ['staffed by S:t Erik Kommunikation AB']],
  ['2.8 Operating Hours', '2.11', ['Monday to Thursday 08:00-16:45', 'Friday 08:00-16:15', 'except public holidays']],
  ['3.1 Mission Statement', '3.1', ["enhance the City of Stockholm's ability to prevent, detect and manage IT security incidents"]],
  ['3.2 Constituency', '3.2', ["The City of Stockholm's departments, companies, foundations, key suppliers"]],
  ['3.3 Sponsoring Organization / Affiliation', '3.3', ['City Executive Office']],
  ['3.4 Authority', '3.4', ['advising, coordinating and collecting and distributing verified information']],
  ['4.1 Types of Incidents and Level of Support', '4.1', ['written agreement']],
  [
    '4.2 Co-operation, Interaction and Disclosure of Information',
    '4.2',
    ['may be distributed further', 'TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT or TLP:RED'],
  ],
  ['4.3 Communication and Authentication', '4.3', ['See 2.8 above.']],
  ['5 Services', '5', ['Information Security Incident Management; Vulnerability Management; Situational Awareness; Knowledge Transfer']],
  ['5.1 Incident Management', '5.1', ['Incident Management', 'incident response coordination']],
  ['5.2 Proactive Activities', '5.2', ['Proactive Activities', 'awareness building activities']],
  ['6 Incident Reporting Forms', '6', ['report in plain text using e-mail']],
  ['7 Disclaimers', '7', ['None.']],
];

const truesec: Array<[string, string, string[]]> = [
  ['1.1. Summary of Changes', '1.1', ['Version 1.4, 2025-12-02', '2023-12-13 1.3 TI status changed to “Certified”']],
  ['1.2. Distribution List for Information', '1.2', ['csirt@truesec.se']],
  ['1.3. Document Location', '1.3', ['https://files.truesec.com/hubfs/PDF/RFC2350.pdf']],
  ['2.1. Name of the Team', '2.1', ['Truesec CSIRT']],
  ['2.2. Address', '2.2', ['Luntmakargatan 18, 111 37 Stockholm, Sweden']],
  ['2.3. Time Zone', '2.3', ['Europe/Stockholm', 'UTC+0100 between the last Sunday of October']],
  ['2.4. Telephone Numbers', '2.4', ['Main number (24/7): +46 81 00010', 'Emergency number: +46 81 07200']],
  ['2.5. Facsimile Number', '2.5', ['does not use fax']],
  ['2.6. Other Telecommunications', '2.6', ['Teams and Signal']],
  ['2.7. Electronic Mail Address', '2.7', ['csirt@truesec.com']],
  ['2.8. Public Key and Encryption', '2.8', ['https://www.truesec.com/csirt/team-pgp-key', 'signed or encrypted with PGP']],
  ['2.9. Team Members', '2.9', ['Information on individual team members is not provided']],
  [
    '2.10. Other Information',
    '2.10',
    ['https://www.truesec.com/csirt', 'Trusted Introducer (Certified)', 'FIRST (Full member)', 'Swedish CERT-forum'],
  ],
  [
    '2.11. Points of Customer Contact',
    '2.11',
    ['general cases may be reported through the CSIRT email address', 'Monday to Sunday 00:00-24:00'],
  ],
  ['3.1. Mission Statement', '3.1', ['to prevent cybercrime and minimize its impact']],
  ['3.2. Constituency', '3.2', ['the members of the Truesec group', 'kept confidential']],
  ['3.3. Sponsorship Organization and Affiliation', '3.3', ['part of Truesec AB']],
  ['3.4. Authority', '3.4', ["supervision of its constituents' respective management team"]],
  ['4.1. Types of Incidents and Level of Support', '4.1', ['normal priority unless stated otherwise']],
  [
    '4.2. Co-operation, Interaction and Disclosure of Information',
    '4.2',
    ['SENSITIVE in the subject line', 'TLP:AMBER+STRICT', 'SÄPO or Europol'],
  ],
  [
    '4.3. Communication and Authentication',
    '4.3',
    ['PGP for its email communications', 'Office365 encryption', 'Signal using a video conference'],
  ],
  ['5.1. Incident Response', '5.1', ['Incident Response', 'triage, forensics, recovery', 'patient "0"', '“Lessons learned” Debriefing']],
  ['5.2. Proactive Services', '5.2', ['Proactive Services', '(“open ports”)']],
  ['6. Incident Reporting Form', '6', ['There is no form for reporting']],
  ['7. Disclaimers', '7', ['does not constitute a contract']],
];

describe.each([
  ['CERT Stockholm', 'cert-stockholm', stockholm],
  ['Truesec CSIRT', 'truesec-csirt', truesec],
] as const)('the %s RFC 2350 document', (_name, fixture, expected) => {
  const profile = validateProfile(loadProfileFixture(fixture));
  const text = renderRfc2350Text(profile);
  const html = renderRfc2350Html(profile);

  it.each(expected)('renders the seed section "%s" in our section %s', (_seed, ours, snippets) => {
    const body = section(text, ours);
    for (const snippet of snippets) expect(body).toContain(squash(snippet));
    expect(squash(html)).toContain(`id="s${ours}"`);
  });

  it('has every RFC 2350 section, with a placeholder where the team states nothing', () => {
    for (const n of [
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
      '2.7',
      '2.8',
      '2.9',
      '2.10',
      '2.11',
      '3.1',
      '3.2',
      '3.3',
      '3.4',
      '4.1',
      '4.2',
      '4.3',
      '6',
      '7',
    ]) {
      expect(section(text, n).length).toBeGreaterThan(n.length + 3);
    }
  });
});

describe('rendering is safe', () => {
  it('escapes HTML in every field', () => {
    const profile = loadProfileFixture('cert-stockholm');
    profile.team.name = '<script>alert(1)</script>';
    profile.disclaimers = '"><img src=x onerror=alert(1)>';
    const html = renderRfc2350Html(validateProfile(profile));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('security.txt (RFC 9116)', () => {
  it('lists contact, expiry, encryption, languages, canonical and policy', () => {
    const txt = renderSecurityTxt(loadProfileFixture('truesec-csirt'), undefined, new Date('2026-11-22T00:00:00Z'));
    expect(txt.split('\n')).toEqual(
      expect.arrayContaining([
        'Contact: mailto:csirt@truesec.com',
        'Contact: tel:+468100010',
        'Expires: 2027-05-21T00:00:00Z',
        'Encryption: https://www.truesec.com/csirt/team-pgp-key',
        'Preferred-Languages: en, sv',
        'Canonical: https://www.truesec.com/csirt/.well-known/security.txt',
        'Policy: https://www.truesec.com/csirt/rfc2350',
      ]),
    );
  });
  it('uses the public URL of the installation when the profile has none', () => {
    const txt = renderSecurityTxt(loadProfileFixture('cert-stockholm'), 'https://vakt.example/', new Date('2026-01-01T00:00:00Z'));
    expect(txt).toContain('Canonical: https://vakt.example/.well-known/security.txt\n');
    expect(txt).toContain('Preferred-Languages: sv, en\n');
  });
});

describe('profile validation', () => {
  const base = () => loadProfileFixture('cert-stockholm') as unknown as Record<string, unknown> & ReturnType<typeof loadProfileFixture>;
  const issuesOf = (input: unknown) => {
    try {
      validateProfile(input, 'profile.json');
      return [];
    } catch (error) {
      return (error as VaktError).issues;
    }
  };
  it('names an invalid time zone', () => {
    expect(issuesOf({ ...base(), timeZone: 'Mars/Olympus' })).toEqual([
      { field: 'timeZone', reason: '"Mars/Olympus" is not an IANA time zone such as Europe/Stockholm' },
    ]);
  });
  it('names overlapping hours', () => {
    const p = base();
    p.operatingHours.monday = [
      { start: '08:00', end: '12:00' },
      { start: '11:30', end: '16:00' },
    ];
    expect(issuesOf(p)).toEqual([{ field: 'operatingHours.monday[1]', reason: '11:30-16:00 overlaps 08:00-12:00' }]);
  });
  it('names an unknown field and a wrong type', () => {
    expect(issuesOf({ ...base(), colour: 'blue', disclaimers: 42 })).toEqual([
      { field: 'colour', reason: 'unknown field' },
      { field: 'disclaimers', reason: 'must be a string' },
    ]);
  });
  it('names an unknown TLP label', () => {
    expect(issuesOf({ ...base(), tlp: { default: 'WHITE' } })).toEqual([
      { field: 'tlp.default', reason: 'must be one of: CLEAR, GREEN, AMBER, AMBER+STRICT, RED' },
    ]);
  });
  it('names an unknown FIRST service and holiday country', () => {
    const p = base();
    p.services.framework = ['Coffee Brewing'];
    p.holidays.country = 'XX';
    expect(issuesOf(p).map((i) => i.field)).toEqual(['holidays.country', 'services.framework[0]']);
  });
  it('takes INT with a region for a team of no single country, which its directory record carries; refuses INT alone and unknown codes', () => {
    const international = base();
    international.team = { ...international.team, country: 'INT', region: 'Central Asia' };
    expect(issuesOf(international)).toEqual([]);
    expect(ownDirectoryRecord(validateProfile(international))).toMatchObject({ country: 'INT', region: 'Central Asia' });
    const alone = base();
    alone.team = { ...alone.team, country: 'INT' };
    expect(issuesOf(alone)).toEqual([{ field: 'team.region', reason: 'a team of no single country (INT) names the region it serves' }]);
    const unknown = base();
    unknown.team = { ...unknown.team, country: 'XX' };
    expect(issuesOf(unknown)).toEqual([{ field: 'team.country', reason: '"XX" is not an ISO 3166-1 alpha-2 country code, nor INT' }]);
  });
  it('prefixes the message with the file', () => {
    expect(() => validateProfile({ ...base(), timeZone: 'Nowhere' }, 'team.json')).toThrow(
      'team.json: timeZone: "Nowhere" is not an IANA time zone',
    );
  });
});

describeEachEngine('profile storage', (get) => {
  it('saves, versions and audits; refuses stale and invalid saves without writing', async () => {
    const { db } = get();
    expect(await getProfile(db)).toBeUndefined();
    const first = await saveProfile(db, 'cli:test', loadProfileFixture('cert-stockholm'));
    expect(first.version).toBe(1);
    const edited = { ...first.profile, disclaimers: 'Changed.' };
    expect((await saveProfile(db, 'user:x', edited, 1)).version).toBe(2);
    await expect(saveProfile(db, 'user:y', edited, 1)).rejects.toMatchObject({ code: 'conflict' });
    await expect(saveProfile(db, 'user:y', { ...edited, timeZone: 'Nowhere' })).rejects.toMatchObject({ code: 'validation' });
    const stored = await getProfile(db);
    expect(stored).toMatchObject({ version: 2, profile: { disclaimers: 'Changed.' } });
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('action', '=', 'profile.update')
      .orderBy('seq')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[1]?.before).toMatchObject({ disclaimers: 'None.' });
    expect(audit[1]?.after).toMatchObject({ disclaimers: 'Changed.' });
    expect((await verifyAudit(db)).ok).toBe(true);
  });
});
