/**
 * Coverage datasets that ship with Vakt. The first is Appendix A of the 2005 co-operation report,
 * transcribed cell by cell from ../shared/seeds into data/enisa-2005-appendix-a.json; each cell
 * keeps the report's own words beside the level read from them.
 */
import appendix from './data/enisa-2005-appendix-a.json' with { type: 'json' };
import { countryName } from './countries.js';
import type { Matrix, MatrixCell } from './coverage.js';
import type { Coverage, Sector } from './schema.js';

interface Dataset {
  title: string;
  source: string;
  takenAt: string;
  reading: string;
  columns: Sector[];
  rows: Array<{ country: string; label: string; cells: Array<{ level: Coverage; text: string }>; transcription?: string }>;
}

const data = appendix as Dataset;

export function datasetMatrix(dataset: Dataset): Matrix {
  const cells: Matrix['cells'] = {};
  for (const row of dataset.rows) {
    if (row.cells.length !== dataset.columns.length)
      throw new Error(`${dataset.title}: ${row.label} has ${row.cells.length} cells, not ${dataset.columns.length}`);
    cells[row.country] = Object.fromEntries(
      dataset.columns.map((sector, i) => {
        const { level, text } = row.cells[i] as { level: Coverage; text: string };
        return [sector, { level, text, teams: [] } satisfies MatrixCell];
      }),
    );
  }
  return {
    sectors: dataset.columns,
    // The report's own country names ("F.Y.R. of Macedonia"): the snapshot shows what it said.
    countries: dataset.rows.map((row) => ({ code: row.country, name: row.label || countryName(row.country) })),
    cells,
    teams: [],
  };
}

/** Fixed id, so a migration seeds it once and a restore replaces it rather than adding a second. */
export const APPENDIX_A_SNAPSHOT = {
  id: '2005a000-0000-4000-8000-000000000001',
  name: 'ENISA 2005 Appendix A',
  takenAt: data.takenAt,
  description: `${data.title}. ${data.source}. ${data.reading}`,
  matrix: datasetMatrix(data),
};

export const APPENDIX_A_TRANSCRIPTION_NOTES: ReadonlyArray<{ country: string; note: string }> = data.rows.flatMap((row) =>
  row.transcription ? [{ country: row.country, note: row.transcription }] : [],
);
