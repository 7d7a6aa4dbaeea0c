/**
 * The coverage matrix of the co-operation report's gap analysis: countries × sectors, each cell the
 * best coverage any team gives there and the teams behind it. Computed from the directory, frozen
 * into snapshots, compared, and rendered as CSV and HTML.
 */
import { csvDocument } from '../core/csv.js';
import { escapeHtml } from '../profile/rfc2350.js';
import { countryName } from './countries.js';
import { COVERAGE_LABELS, COVERAGE_LEVELS, SECTOR_LABELS, SECTORS, type Coverage, type PeerTeam, type Sector } from './schema.js';

export interface CellTeam {
  id?: string;
  name: string;
  coverage: Coverage;
  note?: string;
}

export interface MatrixCell {
  level: Coverage;
  /** The cell as a dataset words it ("Partly (Telia)"); live cells have none. */
  text?: string;
  teams: CellTeam[];
}

export interface Matrix {
  /** The sectors assessed, in column order; a dataset may cover fewer than all. */
  sectors: Sector[];
  countries: Array<{ code: string; name: string }>;
  cells: Record<string, Partial<Record<Sector, MatrixCell>>>;
  teams: Array<{ id?: string; name: string; country: string }>;
}

const RANK: Record<Coverage, number> = { yes: 3, partly: 2, planned: 1, none: 0 };

export function better(a: Coverage, b: Coverage): Coverage {
  return RANK[a] >= RANK[b] ? a : b;
}

/** True when `level` is at least `minimum` (yes ⊇ partly ⊇ planned). */
export function atLeast(level: Coverage, minimum: Coverage): boolean {
  return RANK[level] >= RANK[minimum];
}

/**
 * The live matrix: every country that has a team or is asked for, every sector. A sector no team
 * serves is "none": no known activity, the gap the report looks for.
 */
export function computeMatrix(teams: ReadonlyArray<{ id: string; team: PeerTeam }>, extraCountries: readonly string[] = []): Matrix {
  const codes = [...new Set([...teams.map((t) => t.team.country), ...extraCountries])].sort((a, b) =>
    countryName(a).localeCompare(countryName(b)),
  );
  const cells: Matrix['cells'] = {};
  for (const code of codes) {
    cells[code] = Object.fromEntries(SECTORS.map((sector) => [sector, { level: 'none', teams: [] } satisfies MatrixCell]));
  }
  for (const { id, team } of teams) {
    for (const served of team.sectors) {
      if (served.coverage === 'none') continue;
      const cell = cells[team.country]?.[served.sector];
      if (!cell) continue;
      cell.level = better(cell.level, served.coverage);
      cell.teams.push({ id, name: team.shortName ?? team.name, coverage: served.coverage, ...(served.note ? { note: served.note } : {}) });
    }
  }
  for (const row of Object.values(cells)) {
    for (const cell of Object.values(row)) cell.teams.sort((a, b) => RANK[b.coverage] - RANK[a.coverage] || a.name.localeCompare(b.name));
  }
  return {
    sectors: [...SECTORS],
    countries: codes.map((code) => ({ code, name: countryName(code) })),
    cells,
    teams: teams.map(({ id, team }) => ({ id, name: team.name, country: team.country })),
  };
}

/** A cell in words: the dataset's own wording, or the level and the teams behind it. */
export function cellText(cell: MatrixCell | undefined): string {
  if (!cell) return 'Not assessed';
  if (cell.text) return cell.text;
  if (cell.teams.length === 0) return COVERAGE_LABELS[cell.level];
  const teams = cell.teams.map((t) => (t.note ? `${t.name}: ${t.note}` : t.name)).join('; ');
  return `${COVERAGE_LABELS[cell.level]} (${teams})`;
}

export function matrixCsv(matrix: Matrix): string {
  const header = ['country', 'country_name', ...matrix.sectors.flatMap((s) => [s, `${s}_text`])];
  const rows = matrix.countries.map(({ code, name }) => [
    code,
    name,
    ...matrix.sectors.flatMap((sector) => {
      const cell = matrix.cells[code]?.[sector];
      return [cell?.level ?? 'not-assessed', cellText(cell)];
    }),
  ]);
  return csvDocument(header, rows);
}

const COLOURS: Record<Coverage, string> = { yes: '#2e7d32', partly: '#f9a825', planned: '#1565c0', none: '#c62828' };

/** A standalone HTML page: the colour-coded table, a legend and the per-sector totals. */
export function matrixHtml(matrix: Matrix, title: string): string {
  const head = matrix.sectors.map((s) => `<th scope="col">${escapeHtml(SECTOR_LABELS[s])}</th>`).join('');
  const body = matrix.countries
    .map(({ code, name }) => {
      const cells = matrix.sectors
        .map((sector) => {
          const cell = matrix.cells[code]?.[sector];
          const style = cell ? ` style="background:${COLOURS[cell.level]}22;border-left:4px solid ${COLOURS[cell.level]}"` : '';
          return `<td data-level="${cell?.level ?? 'not-assessed'}"${style}>${escapeHtml(cellText(cell))}</td>`;
        })
        .join('');
      return `<tr><th scope="row" data-country="${escapeHtml(code)}">${escapeHtml(name)}</th>${cells}</tr>`;
    })
    .join('\n');
  const totals = sectorTotals(matrix)
    .map(
      (t) =>
        `<tr><th scope="row">${escapeHtml(SECTOR_LABELS[t.sector])}</th>${COVERAGE_LEVELS.map((l) => `<td>${t[l]}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const legend = COVERAGE_LEVELS.map(
    (l) => `<span style="border-left:12px solid ${COLOURS[l]};padding-left:4px;margin-right:12px">${COVERAGE_LABELS[l]}</span>`,
  ).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${legend}</p>
<table class="matrix"><thead><tr><th scope="col">Country</th>${head}</tr></thead><tbody>
${body}
</tbody></table>
<h2>Countries per sector and coverage</h2>
<table class="totals"><thead><tr><th scope="col">Sector</th>${COVERAGE_LEVELS.map((l) => `<th scope="col">${COVERAGE_LABELS[l]}</th>`).join('')}</tr></thead><tbody>
${totals}
</tbody></table></body></html>
`;
}

/** How many countries each sector has at each level: the figures behind the chart. */
export function sectorTotals(matrix: Matrix): Array<{ sector: Sector } & Record<Coverage, number>> {
  return matrix.sectors.map((sector) => {
    const totals = { sector, yes: 0, partly: 0, planned: 0, none: 0 };
    for (const { code } of matrix.countries) {
      const cell = matrix.cells[code]?.[sector];
      if (cell) totals[cell.level] += 1;
    }
    return totals;
  });
}

export interface MatrixChange {
  country: string;
  countryName: string;
  sector: Sector;
  before: { level: Coverage | 'not-assessed'; text: string };
  after: { level: Coverage | 'not-assessed'; text: string };
}

export interface MatrixComparison {
  changed: MatrixChange[];
  countriesAdded: string[];
  countriesRemoved: string[];
  teamsAppeared: Array<{ name: string; country: string }>;
  teamsGone: Array<{ name: string; country: string }>;
}

/** What changed between two matrices: cells (of the sectors both assess) whose level or wording differ, countries and teams that came or went. */
export function compareMatrices(before: Matrix, after: Matrix): MatrixComparison {
  const beforeCodes = new Set(before.countries.map((c) => c.code));
  const afterCodes = new Set(after.countries.map((c) => c.code));
  // A dataset may not assess every sector (the 2005 table left critical infrastructure out).
  const sectors = before.sectors.filter((s) => after.sectors.includes(s));
  const changed: MatrixChange[] = [];
  for (const { code, name } of after.countries) {
    if (!beforeCodes.has(code)) continue;
    for (const sector of sectors) {
      const a = before.cells[code]?.[sector];
      const b = after.cells[code]?.[sector];
      if (!a && !b) continue;
      const textA = cellText(a);
      const textB = cellText(b);
      if (a?.level === b?.level && textA === textB) continue;
      changed.push({
        country: code,
        countryName: name,
        sector,
        before: { level: a?.level ?? 'not-assessed', text: textA },
        after: { level: b?.level ?? 'not-assessed', text: textB },
      });
    }
  }
  const key = (t: { name: string; country: string }) => `${t.name.toLowerCase()}|${t.country}`;
  const beforeTeams = new Set(before.teams.map(key));
  const afterTeams = new Set(after.teams.map(key));
  return {
    changed,
    countriesAdded: [...afterCodes].filter((c) => !beforeCodes.has(c)),
    countriesRemoved: [...beforeCodes].filter((c) => !afterCodes.has(c)),
    teamsAppeared: after.teams.filter((t) => !beforeTeams.has(key(t))).map(({ name, country }) => ({ name, country })),
    teamsGone: before.teams.filter((t) => !afterTeams.has(key(t))).map(({ name, country }) => ({ name, country })),
  };
}
