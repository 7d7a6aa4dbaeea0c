/**
 * A month of closed incidents behind the demo, so that the KPIs, their charts and the SLA figures
 * show something on first start. Each goes through the phases as an analyst would move it; its
 * milestones and timeline are then set back to when the work happened.
 */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { createIncident, updateIncident, type Phase, type Priority } from '../incidents/incidents.js';

interface Past {
  title: string;
  rsitClass: string;
  rsitType: string;
  priority: Priority;
  daysAgo: number;
  /** Minutes after opening: acknowledged, triaged, contained, resolved, closed. */
  at: [number, number, number, number, number];
}

const PAST: Past[] = [
  {
    title: 'Ransomware on a school file server',
    rsitClass: 'malicious-code',
    rsitType: 'infected-system',
    priority: 'critical',
    daysAgo: 27,
    at: [9, 25, 190, 1500, 2900],
  },
  {
    title: 'DDoS against the city web portal',
    rsitClass: 'availability',
    rsitType: 'ddos',
    priority: 'high',
    daysAgo: 23,
    at: [6, 15, 80, 300, 1450],
  },
  {
    title: 'Phishing wave against the social services office',
    rsitClass: 'fraud',
    rsitType: 'phishing',
    priority: 'normal',
    daysAgo: 19,
    at: [35, 70, 240, 420, 2880],
  },
  {
    title: 'Compromised mailbox sending spam',
    rsitClass: 'intrusions',
    rsitType: 'unprivileged-account-compromise',
    priority: 'normal',
    daysAgo: 15,
    at: [20, 55, 130, 360, 1440],
  },
  {
    title: 'Exposed RDP on a water treatment gateway',
    rsitClass: 'vulnerable',
    rsitType: 'vulnerable-system',
    priority: 'high',
    daysAgo: 12,
    at: [14, 30, 95, 260, 1500],
  },
  {
    title: 'Brute force against the VPN',
    rsitClass: 'intrusion-attempts',
    rsitType: 'brute-force',
    priority: 'normal',
    daysAgo: 9,
    at: [40, 90, 150, 480, 2900],
  },
  {
    title: 'Data leak: staff list on a paste site',
    rsitClass: 'information-content-security',
    rsitType: 'data-leak',
    priority: 'high',
    daysAgo: 6,
    at: [11, 28, 300, 1600, 4300],
  },
  {
    title: 'Scanning from a school network',
    rsitClass: 'information-gathering',
    rsitType: 'scanner',
    priority: 'low',
    daysAgo: 3,
    at: [55, 120, 200, 380, 1440],
  },
];

const PHASES: readonly Phase[] = ['containment', 'eradication', 'recovery', 'lessons-learned', 'closed'];

/** A weekday morning DAYS ago (09:00 in Stockholm, near enough): demo work happens in office hours. */
function morning(daysAgo: number, now: Date): Date {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, 8));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() - 1);
  return day;
}

export async function loadDemoHistory(db: Kysely<Schema>, actor: string, now = new Date()): Promise<void> {
  for (const past of PAST) {
    const { id } = await createIncident(db, actor, {
      title: past.title,
      rsitClass: past.rsitClass,
      rsitType: past.rsitType,
      priority: past.priority,
      tlp: 'AMBER',
    });
    let version = 1;
    for (const phase of PHASES) version = await updateIncident(db, actor, id, { phase }, version);
    const opened = morning(past.daysAgo, now);
    const [acknowledged, triaged, contained, resolved, closed] = past.at.map((m) => new Date(opened.getTime() + m * 60_000)) as [
      Date,
      Date,
      Date,
      Date,
      Date,
    ];
    await db
      .updateTable('incidents')
      .set({
        opened_at: opened,
        acknowledged_at: acknowledged,
        triaged_at: triaged,
        contained_at: contained,
        resolved_at: resolved,
        closed_at: closed,
      })
      .where('id', '=', id)
      .execute();
    // Each phase change happened when its milestone did.
    const when: Record<string, Date> = {
      opened,
      'Phase triage → containment': triaged,
      'Phase containment → eradication': contained,
      'Phase eradication → recovery': new Date((contained.getTime() + resolved.getTime()) / 2),
      'Phase recovery → lessons-learned': resolved,
      'Phase lessons-learned → closed': closed,
    };
    for (const [summary, at] of Object.entries(when))
      await db
        .updateTable('timeline_events')
        .set({ occurred_at: at })
        .where('incident_id', '=', id)
        .where(summary === 'opened' ? sql<boolean>`kind = 'opened'` : sql<boolean>`summary = ${summary}`)
        .execute();
  }
}
