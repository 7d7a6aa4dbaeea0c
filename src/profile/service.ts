/** The team profile: validation beyond the schema, storage with optimistic locking, audit. */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { isKnownHolidayCountry, isValidTimeZone, validateWeeklyHours } from '../core/business-hours.js';
import { VaktError, ValidationError, type FieldIssue } from '../core/errors.js';
import { isFirstServiceName } from '../core/first-services.js';
import { validate } from '../core/validate.js';
import type { Schema } from '../db/schema.js';
import { INTERNATIONAL, isTeamCountry } from '../directory/countries.js';
import { ProfileSchema, type TeamProfile } from './schema.js';
import type { StoredProfile } from './stored.js';

/** Checks a profile fully; `source` (a file name) prefixes the error message. */
export function validateProfile(input: unknown, source?: string): TeamProfile {
  const profile = validate(ProfileSchema, input, source);
  const issues: FieldIssue[] = [];
  if (!isValidTimeZone(profile.timeZone)) {
    issues.push({ field: 'timeZone', reason: `"${profile.timeZone}" is not an IANA time zone such as Europe/Stockholm` });
  }
  if (!isTeamCountry(profile.team.country))
    issues.push({ field: 'team.country', reason: `"${profile.team.country}" is not an ISO 3166-1 alpha-2 country code, nor INT` });
  if (profile.team.country === INTERNATIONAL && !profile.team.region)
    issues.push({ field: 'team.region', reason: 'a team of no single country (INT) names the region it serves' });
  if (!isKnownHolidayCountry(profile.holidays.country)) {
    issues.push({ field: 'holidays.country', reason: `no holiday calendar for country "${profile.holidays.country}"` });
  }
  issues.push(...validateWeeklyHours(profile.operatingHours));
  profile.services.framework.forEach((name, i) => {
    if (!isFirstServiceName(name)) {
      issues.push({
        field: `services.framework[${i}]`,
        reason: `"${name}" is not a FIRST CSIRT Services Framework v2.1 service area or service`,
      });
    }
  });
  if (issues.length > 0) throw new ValidationError(issues, source);
  return profile;
}

export { getProfile, requireProfile, type StoredProfile } from './stored.js';

/**
 * Replaces the profile. With `expectedVersion`, a save based on an older version is refused
 * (409) instead of silently overwriting a colleague's edit.
 */
export async function saveProfile(db: Kysely<Schema>, actor: string, input: unknown, expectedVersion?: number): Promise<StoredProfile> {
  const profile = validateProfile(input);
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('team_profile').selectAll().where('id', '=', 1).forUpdate().executeTakeFirst();
    if (expectedVersion !== undefined && (current?.version ?? 0) !== expectedVersion) {
      throw new VaktError(
        'conflict',
        `the profile changed since version ${expectedVersion} (now ${current?.version ?? 0}); reload and edit again`,
      );
    }
    const version = (current?.version ?? 0) + 1;
    const updatedAt = new Date();
    const data = JSON.stringify(profile);
    if (current) await trx.updateTable('team_profile').set({ data, version, updated_at: updatedAt }).where('id', '=', 1).execute();
    else await trx.insertInto('team_profile').values({ id: 1, data, version, updated_at: updatedAt }).execute();
    await appendAudit(trx, {
      actor,
      action: 'profile.update',
      objectType: 'team-profile',
      objectId: '1',
      before: current?.data ?? null,
      after: profile,
    });
    return { profile, version, updatedAt: updatedAt.toISOString() };
  });
}
