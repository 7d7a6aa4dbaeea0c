/** What the incident page gets from GET /api/incidents/{id} (a route without a response schema yet) and what its tabs share. */
import type { QueryKey } from '@tanstack/react-query';
import type { Timer } from '../../components';
import type { MessageView } from '../TriagePage';

export interface Sla {
  acknowledge: Timer;
  triage: Timer;
  resolve: Timer;
  breached: boolean;
}

export interface IncidentRow {
  id: string;
  title: string;
  phase: string;
  priority: string;
  tlp: string;
  rsit_class?: string | null;
  opened_at: string;
  manager_id?: string | null;
  sla?: Sla;
}

export interface Incident extends IncidentRow {
  description: string;
  rsit_type: string | null;
  requested_priority: string | null;
  impact: string;
  affected_constituents: string;
  pap: string;
  sensitive: boolean;
  initial_vector: string;
  patient_zero: string;
  attack_techniques: string[];
  version: number;
}

export type Item = { id: string; tlp: string } & Record<string, unknown>;

export interface Note {
  id: string;
  tlp: string;
  body: string;
  task_id: string | null;
  author: string;
  created_by: string;
  created_at: string;
  edited_at: string | null;
}

export interface Detail {
  nextPhases: string[];
  incident: Incident;
  viewer: { kind: 'team' | 'participant'; role?: string };
  sla: Sla | null;
  reports: Item[];
  messages: Array<Parameters<typeof MessageView>[0]['message']>;
  tasks: Item[];
  investigations: Item[];
  countermeasures: Item[];
  timeline: Item[];
  observables: Item[];
  assets: Item[];
  evidence: Item[];
  notes: Note[];
  participants: Item[];
  shares: Array<{ item_kind: string; item_id: string; participant_id: string }>;
  watchers: Array<{ id: string; name: string }>;
  watching: boolean;
  mergedIncidents: Array<{ id: string; title: string }>;
}

export interface Taxonomies {
  rsit: Array<{ value: string; name: string; types: Array<{ value: string; name: string }> }>;
  phases: string[];
  priorities: string[];
  impacts: string[];
  papLabels: string[];
  participantRoles: string[];
  indicatorKinds: string[];
  custodyActions: string[];
  itemKinds: string[];
}

/** What every tab of one incident needs. */
export interface TabProps {
  detail: Detail;
  taxonomies: Taxonomies | undefined;
  /** The people who may manage and own (empty for those who cannot write). */
  members: Array<{ id: string; name: string }>;
  write: boolean;
  manage: boolean;
  team: boolean;
  refresh: QueryKey[];
  base: string;
  navigate: (to: string) => void;
}

export const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export const nameOf = (members: TabProps['members'], id: unknown) => members.find((m) => m.id === id)?.name ?? (id ? 'someone' : '—');
