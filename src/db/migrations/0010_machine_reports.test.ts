import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/database.js';
import { migratorFor } from '../database.js';

describeEachEngine('migration 0010: machine reports', (get) => {
  it('goes down with delayed, complained and S/MIME mail mapped to what 0009 allows, and up again', async () => {
    const { db } = get();
    await sql`insert into messages (direction, tlp, delivery_status, pgp_signature, created_by, machine_report)
      values ('out', 'AMBER', 'delayed', 'not-signed', 'test', null), ('out', 'AMBER', 'complained', 'not-signed', 'test', null),
             ('in', 'AMBER', null, 'smime-unverified', 'test', '{"format":"dsn"}')`.execute(db);
    expect((await migratorFor(get()).migrateTo('0009_list_order')).error).toBeUndefined();
    const down = await sql<{
      delivery_status: string | null;
      pgp_signature: string;
    }>`select delivery_status, pgp_signature from messages order by delivery_status nulls last`.execute(db);
    expect(down.rows).toEqual([
      { delivery_status: 'sent', pgp_signature: 'not-signed' },
      { delivery_status: 'sent', pgp_signature: 'not-signed' },
      { delivery_status: null, pgp_signature: 'not-signed' },
    ]);
    expect((await migratorFor(get()).migrateToLatest()).error).toBeUndefined();
    await sql`update messages set delivery_status = 'delayed' where direction = 'out'`.execute(db);
  });
});
