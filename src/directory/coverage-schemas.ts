/** What the coverage routes answer, as schemas: the OpenAPI document (and so the web client's types) is written from them. */
import { Type } from 'typebox';
import { Nullable, StringEnum } from '../core/validate.js';
import { COVERAGE_LEVELS } from './schema.js';

const Level = StringEnum(COVERAGE_LEVELS);
const Cell = Type.Object({
  level: Level,
  text: Type.Optional(Type.String()),
  teams: Type.Array(
    Type.Object({ id: Type.Optional(Type.String()), name: Type.String(), coverage: Level, note: Type.Optional(Type.String()) }),
  ),
});
const NamedTeam = Type.Object({ name: Type.String(), country: Type.String() });

export const MatrixSchema = Type.Object({
  sectors: Type.Array(Type.String()),
  countries: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  /** By country code, then by sector; a sector no team serves has no cell. */
  cells: Type.Record(Type.String(), Type.Record(Type.String(), Cell)),
  teams: Type.Array(Type.Object({ id: Type.Optional(Type.String()), name: Type.String(), country: Type.String() })),
});

export const MatrixAnswerSchema = Type.Object({
  matrix: MatrixSchema,
  totals: Type.Array(
    Type.Object({ sector: Type.String(), yes: Type.Integer(), partly: Type.Integer(), planned: Type.Integer(), none: Type.Integer() }),
  ),
});

const summary = {
  id: Type.String(),
  name: Type.String(),
  takenAt: Type.String(),
  source: StringEnum(['inventory', 'dataset'] as const),
  description: Nullable(Type.String()),
  createdBy: Type.String(),
};
export const SnapshotSummarySchema = Type.Object(summary);
export const SnapshotSchema = Type.Object({ ...summary, matrix: MatrixSchema });

const Side = Type.Object({ level: Type.String({ description: 'a coverage level, or not-assessed' }), text: Type.String() });
export const ComparisonSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  changed: Type.Array(
    Type.Object({ country: Type.String(), countryName: Type.String(), sector: Type.String(), before: Side, after: Side }),
  ),
  countriesAdded: Type.Array(Type.String()),
  countriesRemoved: Type.Array(Type.String()),
  teamsAppeared: Type.Array(NamedTeam),
  teamsGone: Type.Array(NamedTeam),
});
