import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { loadConfig } from '../config.js';
import { kpis } from '../incidents/kpis.js';
import { loadWholeDemo } from './load.js';

describeEachEngine('the demo', (get) => {
  it('is what the README says: three reports in triage, an open incident, and a month of closed ones behind the KPIs', async () => {
    const { db } = get();
    const now = new Date();
    expect((await loadWholeDemo(db, loadConfig({}).mail)).loaded).toBe(true);
    const queue = await db.selectFrom('reports').select('subject').where('status', '=', 'new').execute();
    expect(queue).toHaveLength(3);
    const incidents = await db.selectFrom('incidents').selectAll().execute();
    expect(incidents.filter((i) => !['closed', 'rejected'].includes(i.phase)).map((i) => i.title)).toEqual([
      'Credential phishing against Stockholm Vatten',
    ]);
    const closed = incidents.filter((i) => i.phase === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(8);
    for (const i of closed) {
      const order = [i.opened_at, i.acknowledged_at, i.triaged_at, i.contained_at, i.resolved_at, i.closed_at].map((d) =>
        new Date(d!).getTime(),
      );
      expect(order, i.title).toEqual([...order].sort((a, b) => a - b));
      expect(order[0]!, i.title).toBeLessThan(now.getTime() - 24 * 3600_000);
    }
    const rows = await kpis(db, new Date(now.getTime() - 90 * 24 * 3600_000), now);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(rows.filter((r) => (r.resolve.medianMinutes ?? 0) > 0).length).toBeGreaterThanOrEqual(8);
    const timeline = await db
      .selectFrom('timeline_events')
      .select(['occurred_at', 'summary'])
      .where('incident_id', '=', closed[0]!.id)
      .orderBy('occurred_at')
      .execute();
    expect(timeline.map((e) => e.summary)).toEqual([
      'Incident opened',
      'Phase triage → containment',
      'Phase containment → eradication',
      'Phase eradication → recovery',
      'Phase recovery → lessons-learned',
      'Phase lessons-learned → closed',
    ]);
  });
});
