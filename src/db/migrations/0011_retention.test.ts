import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/database.js';
import { appendAudit, verifyAudit } from '../../audit/audit-log.js';
import { migratorFor } from '../database.js';

describeEachEngine('migration 0011: retention', (get) => {
  it('goes down and up while no audit entry hashes a detail digest', async () => {
    const { db } = get();
    expect((await migratorFor(get()).migrateTo('0010_machine_reports')).error).toBeUndefined();
    const columns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_name = 'audit_log' and column_name = 'detail_sha256'`.execute(db);
    expect(columns.rows).toEqual([]);
    expect((await migratorFor(get()).migrateToLatest()).error).toBeUndefined();
  });

  it('refuses to go down once an entry hashes its detail digest, which older code could not verify', async () => {
    const { db } = get();
    await db
      .transaction()
      .execute((trx) => appendAudit(trx, { actor: 'cli:test', action: 'thing.create', objectType: 'thing', after: { a: 1 } }));
    const result = await migratorFor(get()).migrateTo('0010_machine_reports');
    expect(String(result.error)).toMatch(/cannot go below 0011_retention: 1 audit entries/);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, checked: 1 });
  });
});
