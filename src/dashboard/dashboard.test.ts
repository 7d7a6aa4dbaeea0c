import { expect, it } from 'vitest';
import { useApp } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { createUser } from '../auth/users.js';
import { createOrganisation } from '../constituency/organisations.js';
import { createIncident } from '../incidents/incidents.js';
import { addTask } from '../incidents/items.js';
import { saveSlaPolicies, teamClock } from '../incidents/sla.js';
import { createReport } from '../intake/reports.js';
import { saveProfile } from '../profile/service.js';
import { dashboard } from './dashboard.js';

const ACTOR = 'system:test';
// A Wednesday, 10:00 in Stockholm: inside the team's working hours.
const NOW = new Date('2026-11-25T09:00:00Z');
const minutesBefore = (m: number) => new Date(NOW.getTime() - m * 60_000);

describeEachEngine('the dashboard', (get) => {
  const { loginAs } = useApp(get);

  it('counts what is open, names the clocks run out or about to, the queue, my tasks and the latest activity', async () => {
    const { db } = get();
    await saveProfile(db, ACTOR, loadProfileFixture('cert-stockholm'));
    await saveSlaPolicies(db, ACTOR, [
      { priority: 'low', acknowledgeMinutes: 600, triageMinutes: 1200, resolveMinutes: 9600 },
      { priority: 'normal', acknowledgeMinutes: 60, triageMinutes: 240, resolveMinutes: 2400 },
      { priority: 'high', acknowledgeMinutes: 30, triageMinutes: 120, resolveMinutes: 960 },
      { priority: 'critical', acknowledgeMinutes: 15, triageMinutes: 60, resolveMinutes: 480 },
    ]);
    const opened = async (title: string, priority: 'low' | 'normal' | 'high', minutesAgo: number, rsitClass?: string) => {
      const { id } = await createIncident(db, ACTOR, { title, priority, ...(rsitClass ? { rsitClass } : {}) });
      await db
        .updateTable('incidents')
        .set({ opened_at: minutesBefore(minutesAgo) })
        .where('id', '=', id)
        .execute();
      return id;
    };
    const late = await opened('Yesterday, never acknowledged', 'normal', 24 * 60, 'fraud');
    const soon = await opened('Just in', 'normal', 0, 'fraud');
    await opened('Low and slow', 'low', 0);
    const closed = await opened('Done with', 'high', 0);
    await db.updateTable('incidents').set({ phase: 'closed' }).where('id', '=', closed).execute();
    for (const [subject, minutesAgo] of [
      ['old report', 300],
      ['new report', 5],
    ] as const) {
      const id = await createReport(db, ACTOR, { channel: 'api', subject, body: '' }, 'AMBER');
      await db
        .updateTable('reports')
        .set({ received_at: minutesBefore(minutesAgo) })
        .where('id', '=', id)
        .execute();
    }
    const team = await db.selectFrom('organisations').select('id').where('kind', '=', 'team').executeTakeFirst();
    const me = await createUser(db, ACTOR, {
      email: 'me@team.test',
      name: 'Me',
      role: 'analyst',
      password: 'a long password here',
      ...(team ? { organisationId: team.id } : {}),
    });
    await addTask(db, ACTOR, late, { title: 'Call the bank', ownerId: me.id, dueInWorkingMinutes: 60 }, await teamClock(db));

    const d = await dashboard(db, me.id, NOW);
    expect(d.open.total).toBe(3);
    expect(d.open.byPriority).toEqual([
      { priority: 'normal', count: 2 },
      { priority: 'low', count: 1 },
    ]);
    expect(d.open.byClass).toEqual([
      { rsitClass: 'fraud', count: 2 },
      { rsitClass: 'unclassified', count: 1 },
    ]);
    expect(d.sla.alerts.map((a) => [a.incidentId, a.state, a.measure])).toEqual([
      [late, 'overdue', 'acknowledge'],
      [soon, 'due-soon', 'acknowledge'],
    ]);
    expect(d.sla).toMatchObject({ overdue: 1, dueSoon: 1 });
    expect(d.triage).toEqual({ waiting: 2, oldestReceivedAt: minutesBefore(300).toISOString() });
    expect(d.myTasks.map((t) => [t.incidentId, t.title])).toEqual([[late, 'Call the bank']]);
    expect(d.activity[0]!.title).toBe('Done with');
    expect(d.activity.length).toBeLessThanOrEqual(10);
  });

  it('is for the team only', async () => {
    const analyst = await loginAs('analyst');
    const answer = await analyst.request({ url: '/api/dashboard' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({ open: { total: 3 }, triage: { waiting: 2 } });
    const org = await createOrganisation(get().db, ACTOR, { name: 'A constituent' });
    const constituent = await loginAs('constituent', org.id);
    expect((await constituent.request({ url: '/api/dashboard' })).statusCode).toBe(403);
  });
});
