import { sql, type Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import type { Schema } from '../db/schema.js';
import { saveProfile } from '../profile/service.js';
import { createIncident, updateIncident } from './incidents.js';
import { refreshKpiSummaries } from './kpi-refresh.js';
import { kpis } from './kpis.js';
import { openIncidents } from './open-steps.js';
import { saveSlaPolicies, slaPolicies } from './sla.js';
import { mergeIncidents } from './triage.js';

const ACTOR = 'system:test';
const FROM = new Date('2026-09-20T00:00:00Z');
const TO = new Date('2026-12-10T00:00:00Z');
const NOW = new Date('2026-12-08T12:00:00Z');

/**
 * 400 incidents over ten weeks and three month ends: every class and priority, steps from minutes
 * to weeks (beyond the exact buckets), a fifth still open, a few rejected.
 */
async function seed(db: Kysely<Schema>): Promise<void> {
  await sql`
    insert into incidents (title, rsit_class, priority, phase, tlp, opened_at, acknowledged_at, triaged_at, contained_at, resolved_at, closed_at)
    select 'case ' || g, (array['fraud', 'intrusions', null, 'availability'])[1 + g % 4], (array['low', 'normal', 'high', 'critical'])[1 + g % 3],
           case when g % 5 = 0 then 'containment' when g % 37 = 0 then 'rejected' else 'closed' end, 'AMBER',
           o, o + make_interval(mins => (g * 7) % 300), o + make_interval(mins => (g * 13) % 900),
           case when g % 3 = 0 then o + make_interval(hours => g % 50) end,
           case when g % 5 <> 0 then o + make_interval(hours => (g * 11) % 400) end,
           case when g % 5 <> 0 then o + make_interval(hours => (g * 11) % 400 + 1) end
    from generate_series(1, 400) g, lateral (select timestamptz '2026-09-25T06:00:00Z' + make_interval(mins => g * 263) as o) t`.execute(
    db,
  );
}

/** Every day counted from its incidents again: what the stored tallies must match. */
async function counted(db: Kysely<Schema>, from = FROM, to = TO, now = NOW) {
  await sql`insert into kpi_changes (day) select distinct (opened_at at time zone 'UTC')::date from incidents`.execute(db);
  const rows = await kpis(db, from, to, now);
  await refreshKpiSummaries(db, { now });
  return rows;
}

/** The dashboard's figures of the open incidents, each class and priority once. */
async function openView(db: Kysely<Schema>, now = NOW) {
  const figures = await openIncidents(db, now);
  const groups = new Map<string, number>();
  for (const g of figures.byGroup) groups.set(`${g.rsitClass} ${g.priority}`, (groups.get(`${g.rsitClass} ${g.priority}`) ?? 0) + g.count);
  return { ...figures, byGroup: [...groups].sort() };
}

const pending = async (db: Kysely<Schema>) =>
  Number((await sql<{ n: string }>`select count(*) as n from kpi_changes`.execute(db)).rows[0]!.n);

describeEachEngine('KPI tallies', (get) => {
  it('give the figures of counting every incident, and stay stored until something changes', async () => {
    const { db } = get();
    await saveProfile(db, ACTOR, loadProfileFixture('cert-stockholm'));
    await seed(db);
    const fresh = await kpis(db, FROM, TO, NOW);
    expect(fresh.reduce((n, r) => n + r.incidents, 0)).toBe(400 - 8); // multiples of 37 are rejected, but 185 and 370 are open
    expect(fresh.some((r) => (r.resolve.p90Minutes ?? 0) > 2000)).toBe(true);
    const open = await openView(db);
    expect(open.byGroup.reduce((n, [, count]) => n + count, 0)).toBe(80); // every fifth
    expect(open.overdue).toBeGreaterThan(0);
    expect(open.alerts).toHaveLength(10);

    const refreshed = await refreshKpiSummaries(db, { now: NOW });
    expect(refreshed).toMatchObject({ done: true, months: 4 });
    expect(await pending(db)).toBe(0);
    expect(await kpis(db, FROM, TO, NOW)).toEqual(fresh);
    expect(await openView(db)).toEqual(open);
    // Periods that start inside a month and end inside another read days and months together.
    for (const [from, to] of [
      ['2026-10-01', '2026-11-01'],
      ['2026-10-14', '2026-11-03'],
      ['2026-09-28', '2026-12-01'],
    ]) {
      const period = [new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`)] as const;
      expect(await kpis(db, ...period, NOW)).toEqual(await counted(db, ...period));
    }

    // Stored means not counted again: a change the trigger cannot see stays invisible.
    await sql`alter table incidents disable trigger incidents_kpi_update`.execute(db);
    await sql`update incidents set priority = 'critical' where title = 'case 2'`.execute(db);
    await sql`alter table incidents enable trigger incidents_kpi_update`.execute(db);
    expect(await kpis(db, FROM, TO, NOW)).toEqual(fresh);
    await sql`update incidents set priority = 'low' where title = 'case 2'`.execute(db);
    await refreshKpiSummaries(db, { now: NOW });
  });

  it('count a change at once, before the job has counted its day again', async () => {
    const { db } = get();
    const ids = await db
      .selectFrom('incidents')
      .select(['id', 'title'])
      .where('title', 'in', ['case 5', 'case 6', 'case 7', 'case 10'])
      .execute();
    const id = (title: string) => ids.find((i) => i.title === title)!.id;
    const before = await kpis(db, FROM, TO, NOW);
    const openBefore = await openView(db);
    await updateIncident(db, ACTOR, id('case 6'), { priority: 'critical', priorityReason: 'the bank asked' });
    await db.updateTable('incidents').set({ phase: 'rejected' }).where('id', '=', id('case 10')).execute();
    await mergeIncidents(db, ACTOR, id('case 7'), id('case 5'));
    await db
      .updateTable('incidents')
      .set({ opened_at: new Date('2026-09-21T10:00:00Z') })
      .where('id', '=', id('case 5'))
      .execute();
    await createIncident(db, ACTOR, { title: 'new one', rsitClass: 'fraud', priority: 'high' });
    expect(await pending(db)).toBeGreaterThan(0);
    const changed = await kpis(db, FROM, TO, NOW);
    expect(changed.reduce((n, r) => n + r.incidents, 0)).toBe(before.reduce((n, r) => n + r.incidents, 0) - 2 + 1);
    expect(changed).toEqual(await counted(db));
    const openChanged = await openView(db);
    // case 5 (open) took case 7 in, case 10 (open) was rejected; the new one is open.
    expect(openChanged.byGroup.reduce((n, [, c]) => n + c, 0)).toBe(openBefore.byGroup.reduce((n, [, c]) => n + c, 0) - 1 + 1);
    await refreshKpiSummaries(db, { now: NOW });
    expect(await pending(db)).toBe(0);
    expect(await kpis(db, FROM, TO, NOW)).toEqual(changed);
    expect(await openView(db)).toEqual(openChanged);
  });

  it('count a running step as breached once it falls due, and again under new targets', async () => {
    const { db } = get();
    const { id } = await createIncident(db, ACTOR, { title: 'open one', rsitClass: 'intrusions', priority: 'normal' });
    const opened = new Date('2026-12-07T08:00:00Z'); // a Monday, 09:00 in Stockholm
    await db.updateTable('incidents').set({ opened_at: opened, acknowledged_at: null, triaged_at: null }).where('id', '=', id).execute();
    const ack = (await slaPolicies(db)).find((p) => p.priority === 'normal')!.acknowledgeMinutes;
    const due = new Date(opened.getTime() + ack * 60_000);
    const day = [new Date('2026-12-07T00:00:00Z'), new Date('2026-12-08T00:00:00Z')] as const;
    const breaches = async (now: Date) =>
      (await kpis(db, ...day, now)).find((r) => r.rsitClass === 'intrusions' && r.priority === 'normal')!.acknowledge.breaches;

    const before = new Date(due.getTime() - 60_000);
    await refreshKpiSummaries(db, { now: before });
    expect(await breaches(before)).toBe(0);
    const dashboard = await openView(db, before);
    expect(dashboard.dueSoon).toBeGreaterThan(0);
    const after = new Date(due.getTime() + 60_000);
    expect(await breaches(after)).toBe(1); // the stored day no longer holds
    expect((await openView(db, after)).overdue).toBe(dashboard.overdue + 1);
    expect((await openView(db, after)).dueSoon).toBe(dashboard.dueSoon - 1);
    await refreshKpiSummaries(db, { now: after });
    expect(await breaches(after)).toBe(1);

    const policies = await slaPolicies(db);
    await saveSlaPolicies(
      db,
      ACTOR,
      policies.map((p) => ({
        ...p,
        acknowledgeMinutes: p.acknowledgeMinutes * 100,
        triageMinutes: p.triageMinutes * 100,
        resolveMinutes: p.resolveMinutes * 100,
      })),
    );
    expect(await breaches(after)).toBe(0);
    expect(await kpis(db, FROM, TO, after)).toEqual(await counted(db, FROM, TO, after));
  });

  it('count the incidents of a period that does not start or end at midnight', async () => {
    const { db } = get();
    const from = new Date('2026-10-10T13:00:00Z');
    const to = new Date('2026-10-20T09:30:00Z');
    const all = await db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('opened_at', '>=', from)
      .where('opened_at', '<', to)
      .where('merged_into_id', 'is', null)
      .where('phase', '<>', 'rejected')
      .executeTakeFirstOrThrow();
    const rows = await kpis(db, from, to, NOW);
    expect(rows.reduce((n, r) => n + r.incidents, 0)).toBe(Number(all.n));
    expect(rows).toEqual(await counted(db, from, to));
  });
});
