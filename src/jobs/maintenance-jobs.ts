/** The foundation's own scheduled jobs. */
import { sql } from 'kysely';
import { verifyAudit } from '../audit/audit-log.js';
import { getProfile } from '../profile/service.js';
import { purge } from '../retention/purge.js';
import { defineJob } from './queue.js';

/** Expired sessions are deleted at login too; this keeps the table small on quiet systems. */
export const purgeSessions = defineJob({
  name: 'sessions.purge',
  schedule: '17 * * * *',
  async handle(_data, { database }) {
    await database.db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
  },
});

/** Walks the audit chain every night, so tampering is noticed without anyone asking. */
export const verifyAuditNightly = defineJob({
  name: 'audit.verify',
  schedule: '40 2 * * *',
  options: { retryLimit: 1 },
  async handle(_data, { database }) {
    const result = await verifyAudit(database.db);
    if (!result.ok) throw new Error(`audit log broken at entry ${result.firstBad?.seq}: ${result.firstBad?.problem}`);
  },
});

/** Removes or pseudonymises what the team's retention policy says is due; nothing when it has none. */
export const retentionNightly = defineJob({
  name: 'retention.purge',
  schedule: '25 3 * * *',
  options: { retryLimit: 2 },
  async handle(_data, { database }) {
    const policy = (await getProfile(database.db))?.profile.retention;
    if (policy) await purge(database.db, policy, { actor: 'system:retention' });
  },
});

/**
 * The embedded engine has no autovacuum, so nothing gathers the planner's statistics: a table that
 * grew from nothing keeps the plan of an empty one (measured: a TAXII page of 1,000 at 200,000
 * objects took 979 ms without them, 52 ms with). PostgreSQL's autovacuum does this there.
 */
export const analyzeEmbedded = defineJob({
  name: 'database.analyze',
  schedule: '7 * * * *',
  options: { retryLimit: 1 },
  async handle(_data, { database }) {
    if (database.engine === 'pglite') await sql`analyze`.execute(database.db);
  },
});

export const foundationJobs = [purgeSessions, verifyAuditNightly, retentionNightly, analyzeEmbedded];
