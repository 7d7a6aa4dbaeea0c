import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/helpers/database.js';
import { migratorFor } from '../database.js';

describeEachEngine('migration 0005: events at feed speed', (get) => {
  it('keeps what events stored before it had been notified of, and what they still wait for, both ways', async () => {
    const { db } = get();
    expect((await migratorFor(get()).migrateTo('0004_constituency')).error).toBeUndefined();
    await sql`insert into organisations (id, name, kind) values ('00000000-0000-4000-8000-000000000001', 'Skola', 'constituent'), ('00000000-0000-4000-8000-000000000002', 'Hamn', 'constituent')`.execute(
      db,
    );
    await sql`insert into feeds (id, name, format, source, tlp) values ('00000000-0000-4000-8000-0000000000f1', 'scan', 'shadowserver', '{}', 'AMBER')`.execute(
      db,
    );
    await sql`insert into feed_runs (id, feed_id, feed_name, format, source, status, started_by) values ('00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000f1', 'scan', 'shadowserver', 'x.csv', 'ok', 'test')`.execute(
      db,
    );
    await sql`insert into notifications (id, organisation_id, feed_id, period_start, period_end, event_count, tlp, recipients, status, feedback_token)
      values ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000f1', now(), now(), 2, 'AMBER', '{}', 'queued', 'token')`.execute(
      db,
    );
    const event = (
      org: string | null,
      key: number,
      notification: string | null,
    ) => sql`insert into events (feed_id, run_id, organisation_id, time, rsit_class, rsit_type, tlp, dedup_key, dedup_bucket, raw, notification_id)
      values ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000a1', ${org}, now(), 'vulnerable', 'vulnerable-system', 'AMBER', ${key}, 1, ${JSON.stringify({ ip: `10.0.0.${key}` })}, ${notification})`;
    for (const [org, key, notification] of [
      ['00000000-0000-4000-8000-000000000001', 1, '00000000-0000-4000-8000-0000000000b1'],
      ['00000000-0000-4000-8000-000000000001', 2, '00000000-0000-4000-8000-0000000000b1'],
      ['00000000-0000-4000-8000-000000000002', 3, null],
      [null, 4, null],
    ] as const)
      await event(org, key, notification).execute(db);

    expect((await migratorFor(get()).migrateToLatest()).error).toBeUndefined();
    const waiting = await sql<{
      organisation_id: string;
      events: number;
      notification_id: string | null;
    }>`select organisation_id, events, notification_id from run_organisations order by organisation_id`.execute(db);
    expect(waiting.rows).toEqual([
      { organisation_id: '00000000-0000-4000-8000-000000000001', events: 2, notification_id: '00000000-0000-4000-8000-0000000000b1' },
      { organisation_id: '00000000-0000-4000-8000-000000000002', events: 1, notification_id: null },
    ]);
    const raw = await sql<{ raw: string }>`select raw from events where dedup_key = 3`.execute(db);
    expect(JSON.parse(raw.rows[0]!.raw)).toEqual({ ip: '10.0.0.3' });
    // The same key for two organisations is two events; for the same one, a duplicate.
    await sql`insert into events (organisation_id, time, rsit_class, rsit_type, tlp, dedup_key, dedup_bucket, raw) values ('00000000-0000-4000-8000-000000000002', now(), 'x', 'y', 'AMBER', 1, 1, '')`.execute(
      db,
    );
    await expect(
      sql`insert into events (organisation_id, time, rsit_class, rsit_type, tlp, dedup_key, dedup_bucket, raw) values (null, now(), 'x', 'y', 'AMBER', 4, 1, '')`.execute(
        db,
      ),
    ).rejects.toThrow(/duplicate key/);
    // (which the index before would not allow: it is taken out to go back)
    await sql`delete from events where organisation_id = '00000000-0000-4000-8000-000000000002' and run_id is null`.execute(db);

    expect((await migratorFor(get()).migrateTo('0004_constituency')).error).toBeUndefined();
    const back = await sql<{
      dedup_key: string;
      notification_id: string | null;
    }>`select dedup_key, notification_id from events where run_id is not null order by dedup_key`.execute(db);
    expect(back.rows.map((r) => r.notification_id)).toEqual([
      '00000000-0000-4000-8000-0000000000b1',
      '00000000-0000-4000-8000-0000000000b1',
      null,
      null,
    ]);
    expect((await migratorFor(get()).migrateToLatest()).error).toBeUndefined();
  });
});
