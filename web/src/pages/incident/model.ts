/** What the incident page gets from the API (types generated from its OpenAPI document) and what its tabs share. */
import type { QueryKey } from '@tanstack/react-query';
import type { Answer } from '../../api';

export type IncidentRow = Answer<'/api/incidents'>[number];
export type Detail = Answer<'/api/incidents/{id}'>;
export type Incident = Detail['incident'];
export type Item = Detail['tasks'][number];
export type Note = Detail['notes'][number];

export type Taxonomies = Answer<'/api/taxonomies'>;
/** The team's members who work incidents: managers and task owners are chosen among them. */
export type Member = Answer<'/api/team-members'>[number];

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
