import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compareMatrices, computeMatrix, matrixCsv, matrixHtml } from './coverage.js';
import { APPENDIX_A_SNAPSHOT } from './datasets.js';
import type { PeerTeam } from './schema.js';

// The appendix as the report's text has it (lines 618–1308 of the seed), whitespace collapsed.
const source = readFileSync(new URL('../../test/fixtures/enisa-2005-appendix-a.txt', import.meta.url), 'utf8').replace(/\s+/g, ' ');
const matrix = APPENDIX_A_SNAPSHOT.matrix;
const rows = parse(matrixCsv(matrix), { columns: true }) as Array<Record<string, string>>;
const COLUMNS = ['sme', 'commercial', 'government', 'research-education', 'citizens'] as const;
const cellsOf = (code: string) => {
  const row = rows.find((r) => r.country === code);
  if (!row) throw new Error(`no row for ${code}`);
  return COLUMNS.map((c) => row[`${c}_text`]);
};
const levelsOf = (code: string) => COLUMNS.map((c) => rows.find((r) => r.country === code)?.[c]);

/** The country's part of the appendix text: from its name to the next country's. */
function segment(label: string, next: string): string {
  const start = source.indexOf(`${label} `);
  const end = source.indexOf(` ${next}`, start + label.length);
  if (start < 0 || end < 0) throw new Error(`${label} not found in the appendix`);
  return source.slice(start + label.length, end);
}

/** Every cell is in the source, in order: SME, all other commercial, government, research / education, citizen. */
function expectInOrder(text: string, cells: readonly (string | undefined)[]): void {
  let at = 0;
  for (const cell of cells) {
    const found = text.indexOf(cell ?? '\u0000', at);
    expect(found, `"${cell}" after position ${at} in "${text}"`).toBeGreaterThanOrEqual(0);
    at = found + (cell?.length ?? 0);
  }
}

describe('the 2005 Appendix A dataset', () => {
  it('has every country of the report, five sectors each', () => {
    expect(matrix.countries).toHaveLength(45);
    expect(matrix.sectors).toEqual([...COLUMNS]);
    expect(rows.every((r) => COLUMNS.every((c) => ['yes', 'partly', 'planned', 'none'].includes(r[c] as string)))).toBe(true);
  });

  it.each([
    ['AT', 'Austria', 'Belarus'],
    ['HR', 'Croatia', 'Cyprus'],
    ['CZ', 'Czech Republic', 'Denmark'],
    ['DK', 'Denmark', 'Estonia'],
    ['FI', 'Finland', 'F.Y.R. of Macedonia'],
    ['IT', 'Italy', 'Country'],
    ['RU', 'Russia', 'San Marino'],
    ['SI', 'Slovenia', 'Spain'],
    ['SE', 'Sweden', 'Switzerland'],
    ['CH', 'Switzerland', 'The Netherlands'],
    ['GB', 'United Kingdom', 'Ukraine'],
    ['GR', 'Greece', 'Hungary'],
  ])('renders %s (%s) cell by cell as the report prints it, multi-line cells included', (code, label, next) => {
    expectInOrder(segment(label, next), cellsOf(code));
  });

  it('reads the cells whose lines the text extraction interleaves as the report means them', () => {
    expect(cellsOf('DE')).toEqual([
      'Tailored Advisory Service',
      'Some global players, banking sector',
      'Federal, some state',
      'NREN, some universities',
      '(announced)',
    ]);
    expect(segment('Germany', 'Greece')).toBe(
      ' Tailored Advisory Service Some global Federal, some state players, banking sector NREN, some universities (announced)',
    );
    expect(cellsOf('PL')).toEqual([
      'Partly (for .pl)',
      'Partly (for .pl)',
      'Partly (for .pl)',
      'PIONIER network / Partly (for rest .pl)',
      'Partly (for .pl)',
    ]);
    expect(cellsOf('LU')).toEqual(Array(5).fill('Subscribers to CSRRT-LU services'));
    expect(cellsOf('NL')).toEqual(['Partly ("Top 500", KPN)', 'Partly ("Top 500", KPN)', 'Yes', 'Yes (also some universities)', 'Yes']);
    expect(cellsOf('ES')).toEqual(['Partly for .es', 'Partly for .es', 'Partly for .es', 'Yes (also some universities)', 'Partly for .es']);
  });

  it('reads a level from each cell: yes, partly, planned or no known activity', () => {
    expect(levelsOf('DE')).toEqual(['partly', 'partly', 'partly', 'partly', 'planned']);
    expect(levelsOf('IT')).toEqual(['partly', 'partly', 'yes', 'yes', 'planned']);
    expect(levelsOf('AL')).toEqual(Array(5).fill('none'));
    expect(levelsOf('HR')).toEqual(Array(5).fill('yes'));
    expect(cellsOf('AL')).toEqual(Array(5).fill('No known activity'));
  });

  it('renders as a colour-coded HTML table with the report’s own country names', () => {
    const html = matrixHtml(matrix, APPENDIX_A_SNAPSHOT.name);
    const czech = /<tr><th scope="row" data-country="CZ">Czech Republic<\/th>(.*?)<\/tr>/.exec(html)?.[1] ?? '';
    expect([
      ...czech.matchAll(/<td data-level="yes"[^>]*>Yes for cesnet\.cz, cesnet2\.cz, ces\.net, ten\.cz and ipv6\.cz<\/td>/g),
    ]).toHaveLength(5);
    expect(html).toContain('data-country="MK">F.Y.R. of Macedonia</th>');
    expect(html).toContain('Partly (&quot;Top 500&quot;, KPN)');
  });
});

const team = (over: Partial<PeerTeam>): PeerTeam => ({
  name: 'T',
  country: 'SE',
  type: 'national',
  sectors: [],
  services: [],
  memberships: [],
  telephone: [],
  contacts: [],
  pgpKeys: [],
  ...over,
});

describe('the live matrix', () => {
  const teams = [
    {
      id: 'a',
      team: team({
        name: 'CERT-A',
        sectors: [
          { sector: 'government', coverage: 'partly' },
          { sector: 'citizens', coverage: 'planned' },
        ],
      }),
    },
    { id: 'b', team: team({ name: 'CERT-B', sectors: [{ sector: 'government', coverage: 'yes', note: 'for .se' }] }) },
    { id: 'c', team: team({ name: '=HYPERLINK("x")', country: 'NO', sectors: [{ sector: 'sme', coverage: 'none' }] }) },
  ];

  it('takes the best coverage per cell and lists the teams behind it, best first', () => {
    const live = computeMatrix(teams, ['FI']);
    expect(live.countries.map((c) => c.code)).toEqual(['FI', 'NO', 'SE']);
    expect(live.cells.SE?.government).toEqual({
      level: 'yes',
      teams: [
        { id: 'b', name: 'CERT-B', coverage: 'yes', note: 'for .se' },
        { id: 'a', name: 'CERT-A', coverage: 'partly' },
      ],
    });
    expect(live.cells.SE?.citizens?.level).toBe('planned');
    expect(live.cells.NO?.sme).toEqual({ level: 'none', teams: [] });
    expect(live.cells.FI?.government?.level).toBe('none');
  });

  it('neutralises spreadsheet formulas in CSV and escapes markup in HTML', () => {
    const live = computeMatrix([
      { id: 'x', team: team({ name: '<b>x</b>', country: 'SE', sectors: [{ sector: 'sme', coverage: 'yes' }] }) },
      ...teams,
    ]);
    expect(matrixHtml(live, 'T')).toContain('Yes (&lt;b&gt;x&lt;/b&gt;)');
    // A snapshot or dataset cell keeps its own words; one starting with "=" must not run as a formula.
    const hostile = computeMatrix([{ id: 'c', team: team({ sectors: [{ sector: 'sme', coverage: 'yes' }] }) }]);
    (hostile.cells.SE?.sme as { text?: string }).text = '=cmd|calc';
    const csv = matrixCsv(hostile);
    expect(csv).toContain(`"'=cmd|calc"`);
    expect(csv).not.toMatch(/,=cmd/);
  });

  it('compares with the 2005 appendix: changed cells of the sectors both assess, and new teams', () => {
    const live = computeMatrix(teams, ['SE']);
    const diff = compareMatrices(matrix, live);
    const sweden = diff.changed.filter((c) => c.country === 'SE');
    expect(sweden.map((c) => [c.sector, c.before.level, c.after.level])).toEqual([
      ['sme', 'partly', 'none'],
      ['commercial', 'partly', 'none'],
      ['government', 'yes', 'yes'],
      ['research-education', 'yes', 'none'],
      ['citizens', 'none', 'planned'],
    ]);
    expect(sweden[2]?.before.text).toBe('Yes');
    expect(sweden[2]?.after.text).toBe('Yes (CERT-B: for .se; CERT-A)');
    expect(diff.changed.some((c) => c.sector === 'critical-infrastructure')).toBe(false);
    expect(diff.countriesRemoved).toContain('AL');
    expect(diff.teamsAppeared.map((t) => t.name)).toEqual(['CERT-A', 'CERT-B', '=HYPERLINK("x")']);
  });
});
