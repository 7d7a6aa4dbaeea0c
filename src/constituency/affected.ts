/** The organisations an incident affects: named by the team, shown on the incident. */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { getIncidentRow } from '../incidents/incidents.js';

export interface AffectedOrganisation {
  id: string;
  name: string;
}

export async function affectedOrganisations(db: Kysely<Schema>, incidentId: string): Promise<AffectedOrganisation[]> {
  await getIncidentRow(db, incidentId);
  return db
    .selectFrom('incident_organisations as io')
    .innerJoin('organisations as o', 'o.id', 'io.organisation_id')
    .select(['o.id', 'o.name'])
    .where('io.incident_id', '=', incidentId)
    .orderBy('o.name')
    .execute();
}

/** Replaces the list; every id must be an organisation of the constituency. */
export async function setAffectedOrganisations(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  organisationIds: readonly string[],
): Promise<AffectedOrganisation[]> {
  await getIncidentRow(db, incidentId);
  const ids = [...new Set(organisationIds)];
  await db.transaction().execute(async (trx) => {
    const known =
      ids.length === 0
        ? []
        : await trx.selectFrom('organisations').select('id').where('id', 'in', ids).where('kind', '=', 'constituent').execute();
    const unknown = ids.filter((id) => !known.some((k) => k.id === id));
    if (unknown.length > 0)
      throw new ValidationError(
        unknown.map((id) => ({ field: 'organisationIds', reason: `${id} is not an organisation of the constituency` })),
      );
    const before = await trx.selectFrom('incident_organisations').select('organisation_id').where('incident_id', '=', incidentId).execute();
    await trx.deleteFrom('incident_organisations').where('incident_id', '=', incidentId).execute();
    if (ids.length > 0)
      await trx
        .insertInto('incident_organisations')
        .values(ids.map((organisation_id) => ({ incident_id: incidentId, organisation_id })))
        .execute();
    await appendAudit(trx, {
      actor,
      action: 'incident.affected-organisations',
      objectType: 'incident',
      objectId: incidentId,
      before: before.map((b) => b.organisation_id),
      after: ids,
    });
  });
  return affectedOrganisations(db, incidentId);
}
