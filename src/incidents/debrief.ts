/**
 * The lessons-learned debrief: generated from the incident (its facts, timeline and the measured
 * durations against the SLA), then edited by the team (what went well, what hindered, the actions
 * agreed) until it is made final. Rendered as HTML and as PDF (pdfkit).
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Kysely } from 'kysely';
import { Type, type Static } from 'typebox';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError, VaktError } from '../core/errors.js';
import { StringEnum, validate } from '../core/validate.js';
import { formatTlp, mostRestrictive, TLP_LABELS, type TlpLabel } from '../core/tlp.js';
import { documentLabel } from '../sharing/egress.js';
import type { Schema } from '../db/schema.js';
import { escapeHtml } from '../profile/rfc2350.js';
import { getIncidentRow, type Phase } from './incidents.js';
import { timeline } from './timeline.js';

/** A debrief records what was learned: it can be made final only once the incident is resolved. */
const FINAL_AFTER: readonly string[] = ['lessons-learned', 'closed'] satisfies Phase[];
import { slaOf, slaPolicies, teamClock } from './sla.js';

const Text = Type.String({ maxLength: 20_000 });

export const DebriefContentSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 300 }),
    summary: Text,
    facts: Type.Array(
      Type.Object({ label: Type.String({ maxLength: 100 }), value: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
      { maxItems: 50 },
    ),
    durations: Type.Array(
      Type.Object(
        {
          measure: Type.String({ maxLength: 50 }),
          workingMinutes: Type.Union([Type.Number(), Type.Null()]),
          targetMinutes: Type.Union([Type.Number(), Type.Null()]),
          state: Type.String({ maxLength: 20 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 10 },
    ),
    timeline: Type.Array(
      Type.Object(
        {
          at: Type.String({ maxLength: 40 }),
          kind: Type.String({ maxLength: 50 }),
          summary: Type.String({ maxLength: 2000 }),
          tlp: Type.Optional(StringEnum(TLP_LABELS)),
        },
        { additionalProperties: false },
      ),
      {
        maxItems: 2000,
      },
    ),
    wentWell: Text,
    hindered: Text,
    actions: Type.Array(
      Type.Object(
        {
          action: Type.String({ minLength: 1, maxLength: 1000 }),
          owner: Type.String({ maxLength: 200 }),
          due: Type.String({ maxLength: 40 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export type DebriefContent = Static<typeof DebriefContentSchema>;

export const DebriefSchema = Type.Object({
  incidentId: Type.String(),
  content: DebriefContentSchema,
  status: Type.Union([Type.Literal('draft'), Type.Literal('final')]),
  version: Type.Integer(),
  finalisedAt: Type.Union([Type.String(), Type.Null()]),
  /** A rendering for an audience: its label, and how many entries were above it. */
  tlp: Type.Optional(Type.String()),
  leftOut: Type.Optional(Type.Integer()),
});
export type Debrief = Omit<Static<typeof DebriefSchema>, 'tlp' | 'leftOut'>;

async function generate(db: Kysely<Schema>, incidentId: string): Promise<DebriefContent> {
  const incident = await getIncidentRow(db, incidentId);
  const [clock, policies] = await Promise.all([teamClock(db), slaPolicies(db)]);
  const sla = slaOf(clock, policies, incident);
  const events = await db
    .selectFrom('timeline_events')
    .select(['occurred_at', 'kind', 'summary', 'tlp'])
    .where('incident_id', '=', incidentId)
    .orderBy('occurred_at')
    .limit(2000)
    .execute();
  const contained = incident.contained_at
    ? Math.round(clock.workingMinutesBetween(new Date(incident.opened_at), new Date(incident.contained_at)))
    : null;
  const tasks = await db.selectFrom('tasks').select(['title', 'status']).where('incident_id', '=', incidentId).execute();
  return {
    title: `Lessons learned: #${incident.id} ${incident.title}`,
    summary: incident.description,
    facts: [
      { label: 'Classification (RSIT)', value: [incident.rsit_class, incident.rsit_type].filter(Boolean).join(' / ') || 'unclassified' },
      {
        label: 'Priority',
        value:
          incident.priority +
          (incident.requested_priority && incident.requested_priority !== incident.priority
            ? ` (requested: ${incident.requested_priority})`
            : ''),
      },
      { label: 'Impact', value: incident.impact },
      { label: 'Affected', value: incident.affected_constituents || '—' },
      { label: 'Initial vector', value: incident.initial_vector || '—' },
      { label: 'Patient zero', value: incident.patient_zero || '—' },
      { label: 'ATT&CK techniques', value: incident.attack_techniques.join(', ') || '—' },
      { label: 'TLP', value: `TLP:${incident.tlp}` },
      { label: 'Tasks', value: `${tasks.filter((t) => t.status === 'done').length} done of ${tasks.length}` },
    ],
    durations: [
      {
        measure: 'acknowledge',
        workingMinutes: sla.acknowledge.doneAt ? sla.acknowledge.workingMinutes : null,
        targetMinutes: sla.acknowledge.targetMinutes,
        state: sla.acknowledge.state,
      },
      {
        measure: 'triage',
        workingMinutes: sla.triage.doneAt ? sla.triage.workingMinutes : null,
        targetMinutes: sla.triage.targetMinutes,
        state: sla.triage.state,
      },
      { measure: 'contain', workingMinutes: contained, targetMinutes: null, state: contained === null ? 'running' : 'met' },
      {
        measure: 'resolve',
        workingMinutes: sla.resolve.doneAt ? sla.resolve.workingMinutes : null,
        targetMinutes: sla.resolve.targetMinutes,
        state: sla.resolve.state,
      },
    ],
    timeline: events.map((e) => ({ at: new Date(e.occurred_at).toISOString(), kind: e.kind, summary: e.summary, tlp: e.tlp as TlpLabel })),
    wentWell: '',
    hindered: '',
    actions: [],
  };
}

function toDebrief(row: { incident_id: string; content: unknown; status: string; version: number; finalised_at: Date | null }): Debrief {
  const content = (typeof row.content === 'string' ? JSON.parse(row.content) : row.content) as DebriefContent;
  return {
    incidentId: row.incident_id,
    content,
    status: row.status as Debrief['status'],
    version: row.version,
    finalisedAt: row.finalised_at ? new Date(row.finalised_at).toISOString() : null,
  };
}

/** The stored debrief, or a fresh draft generated from the incident (created on first request). */
export async function getDebrief(db: Kysely<Schema>, actor: string, incidentId: string): Promise<Debrief> {
  const existing = await db.selectFrom('debriefs').selectAll().where('incident_id', '=', incidentId).executeTakeFirst();
  if (existing) return toDebrief(existing);
  const content = await generate(db, incidentId);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('debriefs')
      .values({ incident_id: incidentId, content: JSON.stringify(content), updated_at: new Date() })
      .onConflict((oc) => oc.column('incident_id').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row)
      return toDebrief(await trx.selectFrom('debriefs').selectAll().where('incident_id', '=', incidentId).executeTakeFirstOrThrow());
    await appendAudit(trx, { actor, action: 'debrief.generate', objectType: 'debrief', objectId: incidentId });
    return toDebrief(row);
  });
}

/** Edits a draft; `regenerate` refreshes the generated parts (facts, durations, timeline) and keeps the team's text. */
export async function saveDebrief(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  input: { content?: unknown; regenerate?: boolean; final?: boolean },
  expectedVersion: number,
): Promise<Debrief> {
  const current = await getDebrief(db, actor, incidentId);
  if (current.status === 'final') throw new VaktError('conflict', 'the debrief is final and can no longer be changed');
  if (current.version !== expectedVersion)
    throw new VaktError('conflict', `the debrief changed since you loaded it (version ${current.version}, yours ${expectedVersion})`);
  if (input.final) {
    const { phase } = await getIncidentRow(db, incidentId);
    if (!FINAL_AFTER.includes(phase))
      throw new VaktError(
        'conflict',
        `the incident is in ${phase}: a debrief is made final once the incident reaches lessons-learned or closed`,
      );
  }
  let content = input.content === undefined ? current.content : validate(DebriefContentSchema, input.content, 'debrief');
  // The generated parts are brought up to date when made final: the final record shows how it ended.
  if (input.regenerate || input.final) {
    const fresh = await generate(db, incidentId);
    content = { ...content, facts: fresh.facts, durations: fresh.durations, timeline: fresh.timeline };
  }
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('debriefs')
      .set({
        content: JSON.stringify(content),
        version: current.version + 1,
        updated_at: new Date(),
        ...(input.final ? { status: 'final', finalised_at: new Date(), finalised_by: actor } : {}),
      })
      .where('incident_id', '=', incidentId)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new VaktError('conflict', 'the debrief changed while saving; reload');
    await appendAudit(trx, {
      actor,
      action: input.final ? 'debrief.finalise' : 'debrief.update',
      objectType: 'debrief',
      objectId: incidentId,
      after: { version: row.version },
    });
    return toDebrief(row);
  });
}

/** Reopens a final debrief for changes; the reason goes on the incident's timeline and in the audit log. */
export async function reopenDebrief(
  db: Kysely<Schema>,
  actor: string,
  incidentId: string,
  reason: string,
  expectedVersion: number,
): Promise<Debrief> {
  if (!reason.trim()) throw new ValidationError([{ field: 'reason', reason: 'say why the final debrief is reopened' }]);
  const { tlp } = await getIncidentRow(db, incidentId);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('debriefs')
      .set({ status: 'draft', finalised_at: null, finalised_by: null, version: expectedVersion + 1, updated_at: new Date() })
      .where('incident_id', '=', incidentId)
      .where('version', '=', expectedVersion)
      .where('status', '=', 'final')
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new VaktError('conflict', 'only a final debrief at the version you loaded can be reopened; reload');
    await timeline(trx, incidentId, 'debrief', `Final debrief reopened: ${reason.trim()}`, actor, tlp);
    await appendAudit(trx, {
      actor,
      action: 'debrief.reopen',
      objectType: 'debrief',
      objectId: incidentId,
      after: { version: row.version, reason: reason.trim() },
    });
    return toDebrief(row);
  });
}

/**
 * What a rendering shows and the label it carries. The summary, facts and the team's own text are
 * at the incident's label; each timeline entry at its own (one written without a label, at the
 * incident's). With no audience everything is shown and the document carries the most
 * restrictive label of what it holds; with an audience label, entries above it are left out and
 * said to be, and a debrief whose own text is above it is refused.
 */
export interface DebriefRendering {
  debrief: Debrief;
  label: TlpLabel;
  leftOut: number;
}

export function debriefFor(debrief: Debrief, incidentTlp: TlpLabel, audience?: TlpLabel): DebriefRendering {
  const entries = debrief.content.timeline.map((e) => ({ ...e, tlp: e.tlp ?? incidentTlp }));
  if (audience && mostRestrictive(incidentTlp, audience) !== audience) {
    throw new VaktError(
      'forbidden',
      `the debrief's summary and facts are ${formatTlp(incidentTlp)}, above ${formatTlp(audience)}: it cannot be rendered for that audience`,
    );
  }
  const kept = audience ? entries.filter((e) => mostRestrictive(e.tlp, audience) === audience) : entries;
  const label = documentLabel(kept, incidentTlp);
  return { debrief: { ...debrief, content: { ...debrief.content, timeline: kept } }, label, leftOut: entries.length - kept.length };
}

function minutes(value: number | null): string {
  if (value === null) return '—';
  const h = Math.floor(value / 60);
  return h > 0 ? `${h} h ${value % 60} min` : `${value} min`;
}

export function renderDebriefHtml({ debrief, label, leftOut }: DebriefRendering): string {
  const c = debrief.content;
  const marking = `<p class="tlp">${escapeHtml(formatTlp(label))}</p>`;
  const para = (text: string) =>
    text.trim()
      ? text
          .split(/\n{2,}/)
          .map((p) => `<p>${escapeHtml(p)}</p>`)
          .join('\n')
      : '<p>—</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(c.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;line-height:1.45}table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}.breached,.overdue{color:#a00;font-weight:bold}</style></head>
<body>
${marking}
<p>${debrief.status === 'final' ? `Final, ${escapeHtml(debrief.finalisedAt ?? '')}` : 'DRAFT'}</p>
<h1>${escapeHtml(c.title)}</h1>
<h2>Summary</h2>${para(c.summary)}
<h2>Facts</h2><table>${c.facts.map((f) => `<tr><th>${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`).join('')}</table>
<h2>Durations against the SLA (working time)</h2>
<table><tr><th>Measure</th><th>Took</th><th>Target</th><th>State</th></tr>${c.durations
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.measure)}</td><td>${minutes(d.workingMinutes)}</td><td>${minutes(d.targetMinutes)}</td><td class="${escapeHtml(d.state)}">${escapeHtml(d.state)}</td></tr>`,
    )
    .join('')}</table>
<h2>Timeline</h2>${leftOut > 0 ? `<p>${leftOut} timeline ${leftOut === 1 ? 'entry' : 'entries'} above ${escapeHtml(formatTlp(label))} left out.</p>` : ''}<table><tr><th>When (UTC)</th><th>What</th><th></th><th>TLP</th></tr>${c.timeline
    .map(
      (e) =>
        `<tr><td>${escapeHtml(e.at.slice(0, 16).replace('T', ' '))}</td><td>${escapeHtml(e.kind)}</td><td>${escapeHtml(e.summary)}</td><td>${escapeHtml(e.tlp ?? '')}</td></tr>`,
    )
    .join('')}</table>
<h2>What went well</h2>${para(c.wentWell)}
<h2>What hindered</h2>${para(c.hindered)}
<h2>Actions agreed</h2>${c.actions.length === 0 ? '<p>—</p>' : `<table><tr><th>Action</th><th>Owner</th><th>Due</th></tr>${c.actions.map((a) => `<tr><td>${escapeHtml(a.action)}</td><td>${escapeHtml(a.owner)}</td><td>${escapeHtml(a.due)}</td></tr>`).join('')}</table>`}
${marking}
</body></html>
`;
}

// The PDF standard fonts know only Latin-1: "→", "≥" or a Polish name would print as garbage.
// DejaVu Sans covers what teams write, and pdfkit embeds only the glyphs used.
const font = (file: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${file}`);
const FONTS = { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') };

export async function renderDebriefPdf({ debrief, label, leftOut }: DebriefRendering): Promise<Buffer> {
  const c = debrief.content;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: c.title, Creator: 'Vakt' }, font: FONTS.regular });
  doc.registerFont('regular', FONTS.regular).registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const heading = (text: string) => doc.moveDown(0.8).font('bold').fontSize(13).text(text).font('regular').fontSize(10).moveDown(0.3);
  doc.font('bold').fontSize(11).text(formatTlp(label), { align: 'right' }).font('regular');
  doc.fontSize(9).text(debrief.status === 'final' ? `Final, ${debrief.finalisedAt ?? ''}` : 'DRAFT');
  doc.font('bold').fontSize(16).text(c.title).font('regular').fontSize(10);
  heading('Summary');
  doc.text(c.summary || '—');
  heading('Facts');
  for (const f of c.facts) doc.text(`${f.label}: ${f.value}`);
  heading('Durations against the SLA (working time)');
  for (const d of c.durations) doc.text(`${d.measure}: ${minutes(d.workingMinutes)} (target ${minutes(d.targetMinutes)}) — ${d.state}`);
  heading('Timeline');
  if (leftOut > 0) doc.text(`${leftOut} timeline ${leftOut === 1 ? 'entry' : 'entries'} above ${formatTlp(label)} left out.`);
  for (const e of c.timeline) doc.text(`${e.at.slice(0, 16).replace('T', ' ')}  ${e.kind}  ${e.summary}  [${e.tlp ?? ''}]`);
  heading('What went well');
  doc.text(c.wentWell || '—');
  heading('What hindered');
  doc.text(c.hindered || '—');
  heading('Actions agreed');
  if (c.actions.length === 0) doc.text('—');
  for (const a of c.actions) doc.text(`• ${a.action} — ${a.owner || 'unassigned'}${a.due ? `, due ${a.due}` : ''}`);
  doc.moveDown().font('bold').text(formatTlp(label), { align: 'right' });
  doc.end();
  return done;
}
