/**
 * Snapshots freeze the coverage matrix at a date, so the gap analysis can be repeated over time
 * and two runs compared, as the co-operation report asks. A snapshot never changes once taken.
 */
import { sql, type Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { notFound, ValidationError, VaktError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { isKnownCountry } from './countries.js';
import { compareMatrices, computeMatrix, type Matrix, type MatrixComparison } from './coverage.js';
import { listTeams } from './teams.js';

export interface SnapshotSummary {
  id: string;
  name: string;
  takenAt: string;
  source: 'inventory' | 'dataset';
  description: string | null;
  createdBy: string;
}
export interface Snapshot extends SnapshotSummary {
  matrix: Matrix;
}

const SUMMARY = ['id', 'name', sql<string>`taken_at::text`.as('taken_at'), 'source', 'description', 'created_by'] as const;

type SummaryRow = { id: string; name: string; taken_at: string; source: string; description: string | null; created_by: string };
const summary = (row: SummaryRow): SnapshotSummary => ({
  id: row.id,
  name: row.name,
  takenAt: row.taken_at,
  source: row.source as SnapshotSummary['source'],
  description: row.description,
  createdBy: row.created_by,
});

/** Checks a list of country codes given by a user ("SE,NO,FI"). */
export function parseCountries(input: string | readonly string[] | undefined): string[] {
  const list = (typeof input === 'string' ? input.split(',') : (input ?? [])).map((c) => c.trim().toUpperCase()).filter(Boolean);
  const unknown = list.filter((c) => !isKnownCountry(c));
  if (unknown.length > 0)
    throw new ValidationError([{ field: 'countries', reason: `not ISO 3166-1 alpha-2 country codes: ${unknown.join(', ')}` }]);
  return [...new Set(list)];
}

/** The matrix of the directory as it is now. */
export async function liveMatrix(db: Kysely<Schema>, countries: readonly string[] = []): Promise<Matrix> {
  const teams = await listTeams(db);
  return computeMatrix(
    teams.map((t) => ({ id: t.id, team: t.team })),
    countries,
  );
}

export async function listSnapshots(db: Kysely<Schema>): Promise<SnapshotSummary[]> {
  const rows = await db.selectFrom('directory_snapshots').select(SUMMARY).orderBy('taken_at').orderBy('created_at').execute();
  return rows.map(summary);
}

export async function getSnapshot(db: Kysely<Schema>, id: string): Promise<Snapshot> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(`snapshot ${id}`);
  const row = await db
    .selectFrom('directory_snapshots')
    .select([...SUMMARY, 'matrix'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`snapshot ${id}`);
  return { ...summary(row), matrix: row.matrix as Matrix };
}

/** Freezes today's matrix under a name; `countries` adds countries that have no team yet (they show as gaps). */
export async function takeSnapshot(
  db: Kysely<Schema>,
  actor: string,
  input: { name: string; description?: string; countries?: readonly string[] },
  now = new Date(),
): Promise<Snapshot> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new ValidationError([{ field: 'name', reason: 'give the snapshot a name of 1 to 200 characters' }]);
  const matrix = await liveMatrix(db, parseCountries(input.countries));
  return db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('directory_snapshots').select('id').where('name', '=', name).executeTakeFirst();
    if (clash) throw new VaktError('conflict', `a snapshot named "${name}" exists already (${clash.id})`);
    const row = await trx
      .insertInto('directory_snapshots')
      .values({
        name,
        taken_at: now.toISOString().slice(0, 10),
        source: 'inventory',
        description: input.description ?? null,
        matrix: JSON.stringify(matrix),
        created_by: actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, {
      actor,
      action: 'directory.snapshot',
      objectType: 'directory-snapshot',
      objectId: row.id,
      after: { name, countries: matrix.countries.length, teams: matrix.teams.length },
    });
    return {
      id: row.id,
      name,
      takenAt: now.toISOString().slice(0, 10),
      source: 'inventory',
      description: input.description ?? null,
      createdBy: actor,
      matrix,
    };
  });
}

/** Compares two snapshots; "live" stands for the directory as it is now. */
export async function compareSnapshots(
  db: Kysely<Schema>,
  from: string,
  to: string,
): Promise<MatrixComparison & { from: string; to: string }> {
  const load = async (ref: string, countries: readonly string[] = []): Promise<{ label: string; matrix: Matrix }> => {
    if (ref === 'live') return { label: 'live', matrix: await liveMatrix(db, countries) };
    const snapshot = await getSnapshot(db, ref);
    return { label: `${snapshot.name} (${snapshot.takenAt})`, matrix: snapshot.matrix };
  };
  const a = await load(from);
  // Countries the earlier matrix covered stay rows of a live one, so a vanished team shows as a gap.
  const b = await load(
    to,
    a.matrix.countries.map((c) => c.code),
  );
  return { from: a.label, to: b.label, ...compareMatrices(a.matrix, b.matrix) };
}
