/** The foundation's own scheduled jobs. */
import { verifyAudit } from '../audit/audit-log.js';
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

export const foundationJobs = [purgeSessions, verifyAuditNightly];
