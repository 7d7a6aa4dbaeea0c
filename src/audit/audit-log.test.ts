import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { appendAudit, verifyAudit } from './audit-log.js';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });
});

describeEachEngine('audit log', (get) => {
  const append = (n: number) =>
    get()
      .db.transaction()
      .execute(async (trx) => {
        for (let i = 0; i < n; i++) {
          await appendAudit(trx, {
            actor: 'user:test',
            action: 'thing.update',
            objectType: 'thing',
            objectId: `t${i}`,
            before: { name: 'före', nested: { b: 2, a: 1 } },
            after: { name: `after ${i}`, password: 'hunter2', list: [3, 2, 1] },
          });
        }
      });

  it('chains entries and verifies', async () => {
    await append(5);
    const result = await verifyAudit(get().db);
    expect(result).toMatchObject({ ok: true, checked: 5 });
    expect(result.head).toMatch(/^[0-9a-f]{64}$/);
  });

  it('never stores a secret', async () => {
    const rows = await get().db.selectFrom('audit_log').select('after').execute();
    expect(JSON.stringify(rows)).not.toContain('hunter2');
    expect(JSON.stringify(rows)).toContain('[redacted]');
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    const { db } = get();
    await expect(db.updateTable('audit_log').set({ actor: 'mallory' }).where('seq', '=', '2').execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('seq', '=', '2').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect((await verifyAudit(db)).ok).toBe(true);
  });

  it('serialises concurrent appends into one unbroken chain', async () => {
    await Promise.all([append(3), append(3), append(3)]);
    expect(await verifyAudit(get().db)).toMatchObject({ ok: true, checked: 14 });
  });

  it('names the first altered entry', async () => {
    const { db } = get();
    // Only an operator bypassing the trigger can do this; verify must notice.
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
      await sql`update audit_log set after = '{"name":"forged"}' where seq = 3`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
    });
    expect(await verifyAudit(db)).toMatchObject({
      ok: false,
      checked: 2,
      firstBad: { seq: '3', problem: 'before/after do not match their digest (altered)' },
    });
    // Put back; then alter what the hash covers directly.
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
      await sql`update audit_log set after = '{"name":"after 2","password":"[redacted]","list":[3,2,1]}', actor = 'user:someone-else' where seq = 3`.execute(
        trx,
      );
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
    });
    expect(await verifyAudit(db)).toMatchObject({ ok: false, firstBad: { seq: '3', problem: 'contents do not match its hash (altered)' } });
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
      await sql`update audit_log set actor = 'user:test' where seq = 3`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
    });
  });

  it('lets only the retention purge change an entry: before/after gone, the chain still verifies', async () => {
    const { db } = get();
    await expect(
      sql`update audit_log set before = null, after = null, purged_at = now(), actor = 'mallory' where seq = 2`.execute(db),
    ).rejects.toThrow(/append-only/);
    await sql`update audit_log set before = null, after = null, purged_at = now() where seq = 2`.execute(db);
    const purged = await db.selectFrom('audit_log').selectAll().where('seq', '=', '2').executeTakeFirstOrThrow();
    expect(purged).toMatchObject({ before: null, after: null, actor: 'user:test' });
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
    // Once purged, never again, and never back.
    await expect(sql`update audit_log set after = '{"name":"back"}' where seq = 2`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('names a removed entry', async () => {
    const { db } = get();
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
      await sql`update audit_log set after = '{"name":"after 2","password":"[redacted]","list":[3,2,1]}' where seq = 3`.execute(trx);
      await sql`delete from audit_log where seq = 7`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
    });
    expect(await verifyAudit(db)).toMatchObject({
      ok: false,
      checked: 6,
      firstBad: { seq: '7', problem: 'entry 7 is missing (next present is 8)' },
    });
  });
});
