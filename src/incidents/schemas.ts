/**
 * The shapes of the incident list and the incident page as the API answers them, so the web
 * client's types are generated from the OpenAPI document. Items keep every column of their
 * table (additionalProperties), and an outsider's answer leaves out what the team alone sees.
 */
import { Type } from 'typebox';
import { Nullable } from '../core/validate.js';

const When = Type.String();

export const TimerSchema = Type.Object({
  dueAt: When,
  doneAt: Nullable(When),
  state: Type.Union([Type.Literal('met'), Type.Literal('breached'), Type.Literal('running'), Type.Literal('overdue')]),
  workingMinutes: Type.Number(),
  targetMinutes: Type.Number(),
});

export const SlaSchema = Type.Object({
  acknowledge: TimerSchema,
  triage: TimerSchema,
  resolve: TimerSchema,
  breached: Type.Boolean(),
});

/** What everyone who may see an incident sees of it; the rest is the team's. */
const IncidentFields = {
  id: Type.String(),
  title: Type.String(),
  phase: Type.String(),
  priority: Type.String(),
  tlp: Type.String(),
  opened_at: When,
  description: Type.Optional(Type.String()),
  rsit_class: Type.Optional(Nullable(Type.String())),
  rsit_type: Type.Optional(Nullable(Type.String())),
  requested_priority: Type.Optional(Nullable(Type.String())),
  impact: Type.Optional(Type.String()),
  affected_constituents: Type.Optional(Type.String()),
  pap: Type.Optional(Type.String()),
  sensitive: Type.Optional(Type.Boolean()),
  manager_id: Type.Optional(Nullable(Type.String())),
  initial_vector: Type.Optional(Type.String()),
  patient_zero: Type.Optional(Type.String()),
  attack_techniques: Type.Optional(Type.Array(Type.String())),
  merged_into_id: Type.Optional(Nullable(Type.String())),
  acknowledged_at: Type.Optional(Nullable(When)),
  triaged_at: Type.Optional(Nullable(When)),
  contained_at: Type.Optional(Nullable(When)),
  resolved_at: Type.Optional(Nullable(When)),
  closed_at: Type.Optional(Nullable(When)),
  version: Type.Optional(Type.Integer()),
};

export const IncidentRowSchema = Type.Object({
  ...IncidentFields,
  sla: Type.Optional(SlaSchema),
  cursor: Type.String({ description: 'where the next page starts after this row: before= (newest first) or after= (other orders)' }),
});

/** Mail in and out, as the incident page and the report page show it. */
export const MessageSchema = Type.Object({
  id: Type.String(),
  direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
  subject: Type.String(),
  from_address: Type.String(),
  to_addresses: Type.Array(Type.String()),
  created_at: When,
  sent_at: Nullable(When),
  body_text: Type.String(),
  body_html: Nullable(Type.String()),
  pgp_encryption: Type.String(),
  pgp_signature: Type.String(),
  pgp_signer: Nullable(Type.String()),
  auto_submitted: Type.Boolean(),
  automatic: Type.Boolean(),
  delivery_status: Nullable(Type.String()),
  delivery_error: Nullable(Type.String()),
  report_id: Nullable(Type.String()),
  tlp: Type.String(),
});

/** An item of any kind: its id and label, and the columns of its own table. */
const Item = Type.Object({ id: Type.String(), tlp: Type.String() }, { additionalProperties: true });

export const IncidentDetailSchema = Type.Object({
  incident: Type.Object(IncidentFields),
  viewer: Type.Object({ kind: Type.Union([Type.Literal('team'), Type.Literal('participant')]), role: Type.Optional(Type.String()) }),
  nextPhases: Type.Array(Type.String()),
  sla: Type.Union([SlaSchema, Type.Null()]),
  reports: Type.Array(Item),
  messages: Type.Array(MessageSchema),
  tasks: Type.Array(Item),
  investigations: Type.Array(Item),
  countermeasures: Type.Array(Item),
  timeline: Type.Array(Item),
  observables: Type.Array(Item),
  assets: Type.Array(Item),
  evidence: Type.Array(Item),
  notes: Type.Array(
    Type.Object({
      id: Type.String(),
      tlp: Type.String(),
      body: Type.String(),
      task_id: Nullable(Type.String()),
      author: Type.String(),
      created_by: Type.String(),
      created_at: When,
      edited_at: Nullable(When),
    }),
  ),
  watchers: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  watching: Type.Boolean(),
  participants: Type.Array(
    Type.Object(
      { id: Type.String(), name: Type.String(), email: Nullable(Type.String()), role: Type.String(), user_id: Nullable(Type.String()) },
      { additionalProperties: true },
    ),
  ),
  mergedIncidents: Type.Array(Type.Object({ id: Type.String(), title: Type.String() })),
  shares: Type.Array(Type.Object({ item_kind: Type.String(), item_id: Type.String(), participant_id: Type.String() })),
});
