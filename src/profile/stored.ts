/**
 * The stored team profile, read. Apart from its validation (which loads holiday calendars and time
 * zones), so that what only reads it — a CLI lookup — starts without them.
 */
import type { Kysely } from 'kysely';
import { VaktError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import type { TeamProfile } from './schema.js';

export interface StoredProfile {
  profile: TeamProfile;
  version: number;
  updatedAt: string;
}

export async function getProfile(db: Kysely<Schema>): Promise<StoredProfile | undefined> {
  const row = await db.selectFrom('team_profile').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return undefined;
  return { profile: row.data as TeamProfile, version: row.version, updatedAt: row.updated_at.toISOString() };
}

export async function requireProfile(db: Kysely<Schema>): Promise<StoredProfile> {
  const stored = await getProfile(db);
  if (!stored)
    throw new VaktError('not-found', 'the team profile is not set up yet: run `vakt init`, `vakt demo` or `vakt profile import FILE`');
  return stored;
}
