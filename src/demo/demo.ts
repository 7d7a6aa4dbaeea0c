/**
 * Demo data for `npm start` and `vakt demo`: a CERT Stockholm-like team, two constituent
 * organisations, and one user of every role. The demo password is printed, never reused
 * outside an empty demo database.
 */
import type { Kysely } from 'kysely';
import { loadDemoConstituency } from './demo-constituency.js';
import { loadDemoDirectory } from './demo-directory.js';
import { ROLES, type Role } from '../auth/roles.js';
import { createUser } from '../auth/users.js';
import type { Schema } from '../db/schema.js';
import { saveProfile } from '../profile/service.js';
import stockholm from './cert-stockholm.profile.json' with { type: 'json' };

export const DEMO_PASSWORD = 'vakt-demo-password';
export const demoEmail = (role: Role): string => `${role}@cert-stockholm.demo`;

export interface DemoReport {
  loaded: boolean;
  logins: Array<{ role: Role; email: string }>;
}

export async function loadDemo(db: Kysely<Schema>): Promise<DemoReport> {
  const logins = ROLES.map((role) => ({ role, email: demoEmail(role) }));
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return { loaded: false, logins };

  const actor = 'system:demo';
  const team = await db
    .insertInto('organisations')
    .values({ name: 'CERT Stockholm', kind: 'team', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const city = await db
    .insertInto('organisations')
    .values({ name: 'City of Stockholm', kind: 'constituent', parent_id: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const water = await db
    .insertInto('organisations')
    .values({ name: 'Stockholm Vatten och Avfall', kind: 'constituent', parent_id: city.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await saveProfile(db, actor, stockholm);
  await loadDemoDirectory(db, actor);
  await loadDemoConstituency(db, { city: city.id, water: water.id });
  const names: Record<Role, string> = {
    admin: 'Astrid Admin',
    'incident-manager': 'Ingrid Incidentledare',
    analyst: 'Anders Analytiker',
    constituent: 'Karin Kund (Stockholm Vatten)',
    'read-only': 'Lars Läsare',
  };
  for (const role of ROLES) {
    await createUser(db, actor, {
      email: demoEmail(role),
      name: names[role],
      role,
      password: DEMO_PASSWORD,
      organisationId: role === 'constituent' ? water.id : team.id,
    });
  }
  // The team's profile prefers Swedish, but most of the team's pages are not translated yet:
  // the demo's accounts chose English, and Svenska is one click away under My account.
  await db
    .updateTable('users')
    .set({ language: 'en' })
    .where(
      'email',
      'in',
      logins.map((l) => l.email),
    )
    .execute();
  return { loaded: true, logins };
}
