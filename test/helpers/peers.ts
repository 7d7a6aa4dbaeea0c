/** A peer team of the directory with nothing but a name and a country: what sharing tests need. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../src/db/schema.js';
import { createTeam } from '../../src/directory/teams.js';

export async function makePeerTeam(db: Kysely<Schema>, name: string, country: string): Promise<string> {
  const team = await createTeam(db, 'system:test', {
    name,
    country,
    type: 'national',
    sectors: [],
    services: [],
    memberships: [],
    telephone: [],
    contacts: [],
    pgpKeys: [],
  });
  return team.id;
}
