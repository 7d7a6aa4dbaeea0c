/**
 * A report as the report page reads it, so the web client's types come from the OpenAPI
 * document. Mail keeps every column the query reads (additionalProperties), like the incident page.
 */
import { Type } from 'typebox';
import { MessageSchema, TimerSchema } from '../incidents/schemas.js';
import { Nullable, DbCount, StringEnum } from '../core/validate.js';

const When = Type.String({ format: 'date-time' });

/** What a machine-written report said (src/intake/machine-reports.ts), kept whole. */
export const MachineReportSchema = Type.Object(
  {
    format: StringEnum(['arf', 'dsn', 'xarf']),
    problems: Type.Array(Type.String()),
    suggestion: Type.Optional(Nullable(Type.Object({ rsitClass: Type.String(), rsitType: Type.String() }))),
    routing: Type.Optional(Nullable(Type.String())),
  },
  { additionalProperties: true },
);

export const ReportDetailSchema = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  not_incident_reason: Nullable(Type.String()),
  incident_id: Nullable(Type.String()),
  merged_into_id: Nullable(Type.String()),
  subject: Type.String(),
  body: Type.String(),
  reporter_name: Type.String(),
  reporter_email: Nullable(Type.String()),
  organisation_id: Nullable(Type.String()),
  tlp: Type.String(),
  tlp_source: Type.String(),
  sensitive: Type.Boolean(),
  intake_status: Type.String(),
  intake_notes: Type.Array(Type.String()),
  received_at: When,
  reported_at: Nullable(When),
  machine_report: Nullable(MachineReportSchema),
  acknowledged_at: Nullable(When),
  triaged_at: Nullable(When),
  created_by: Nullable(Type.String()),
  messages: Type.Array(Type.Object(MessageSchema.properties, { additionalProperties: true })),
  attachments: Type.Array(
    Type.Object({
      id: Type.String(),
      message_id: Nullable(Type.String()),
      filename: Type.String(),
      content_type: Type.String(),
      size: DbCount,
      sha256: Type.String(),
      stored: Type.Boolean(),
      note: Nullable(Type.String()),
    }),
  ),
  indicators: Type.Array(Type.Object({ kind: Type.String(), value: Type.String() })),
  candidates: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('report'), Type.Literal('incident')]),
      id: Type.String(),
      title: Type.String(),
      reasons: Type.Array(Type.String()),
    }),
  ),
  feedback: Type.Array(Type.Object({ name: Type.String(), rating: Type.Number(), comment: Type.String(), givenAt: When })),
  operations: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      summary: Type.String(),
      actor: Type.String(),
      createdAt: When,
      undoneAt: Nullable(When),
    }),
  ),
});

/** A row of the report list (the triage queue is status=new), with its clocks and the cursor after it. */
export const ReportRowSchema = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  subject: Type.String(),
  reporter_name: Type.String(),
  reporter_email: Nullable(Type.String()),
  tlp: Type.String(),
  sensitive: Type.Boolean(),
  intake_status: Type.String(),
  received_at: When,
  reported_at: Nullable(When),
  acknowledged_at: Nullable(When),
  triaged_at: Nullable(When),
  incident_id: Nullable(Type.String()),
  merged_into_id: Nullable(Type.String()),
  sla: Type.Object({ acknowledge: TimerSchema, triage: TimerSchema }),
  cursor: Type.String({ description: 'where the next page starts after this row (before=)' }),
});
