/**
 * The questions the co-operation report's gap analysis asks, answered from the directory:
 * is there a national point of contact for a country, which of its sectors have no known team,
 * which teams serving a sector are accredited or certified by Trusted Introducer.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { countryName } from './countries.js';
import { COVERAGE_LABELS, SECTOR_LABELS, type Sector, type StoredTeam } from './schema.js';
import { liveMatrix, parseCountries } from './snapshots.js';
import { listTeams } from './teams.js';

export interface Answer {
  question: string;
  answer: string;
  teams: Array<{ id: string; name: string; country: string; detail?: string }>;
  sectors?: Array<{ sector: Sector; level: string }>;
}

const brief = (t: StoredTeam, detail?: string) => ({ id: t.id, name: t.team.name, country: t.team.country, ...(detail ? { detail } : {}) });

export async function nationalPointOfContact(db: Kysely<Schema>, country: string): Promise<Answer> {
  const [code] = parseCountries([country]);
  const name = countryName(code as string);
  const teams = (await listTeams(db, { country: code })).filter((t) => t.team.nationalPointOfContact || t.team.type === 'national');
  return {
    question: `Is there a national point of contact for ${name}?`,
    answer:
      teams.length === 0
        ? `No: the directory knows no national team or point of contact for ${name}.`
        : `Yes: ${teams.map((t) => t.team.name).join(', ')}.`,
    teams: teams.map((t) => brief(t, t.team.nationalPointOfContact ? 'national point of contact' : 'national team')),
  };
}

export async function sectorsWithoutTeam(db: Kysely<Schema>, country: string): Promise<Answer> {
  const [code] = parseCountries([country]);
  const matrix = await liveMatrix(db, [code as string]);
  const row = matrix.cells[code as string] ?? {};
  const sectors = matrix.sectors.map((sector) => ({ sector, level: row[sector]?.level ?? 'none' }));
  const gaps = sectors.filter((s) => s.level === 'none' || s.level === 'planned');
  const name = countryName(code as string);
  const words = (list: typeof gaps) =>
    list.map((s) => `${SECTOR_LABELS[s.sector]}${s.level === 'planned' ? ' (planned only)' : ''}`).join(', ');
  return {
    question: `Which sectors of ${name} have no known team?`,
    answer: gaps.length === 0 ? `None: every sector of ${name} has at least one team.` : `${words(gaps)}.`,
    teams: [],
    sectors: gaps.map((g) => ({ sector: g.sector, level: COVERAGE_LABELS[g.level] })),
  };
}

export async function accreditedInSector(db: Kysely<Schema>, sector: Sector): Promise<Answer> {
  const teams = await listTeams(db, { sector, membership: 'Trusted Introducer', status: 'accredited,certified' });
  const status = (t: StoredTeam) => t.team.memberships.find((m) => m.body === 'Trusted Introducer')?.status ?? '';
  return {
    question: `Which teams serving ${SECTOR_LABELS[sector].toLowerCase()} are accredited or certified?`,
    answer:
      teams.length === 0
        ? 'None that the directory knows.'
        : teams.map((t) => `${t.team.name} (${t.team.country}, ${status(t)})`).join('; '),
    teams: teams.map((t) => brief(t, `Trusted Introducer ${status(t)}`)),
  };
}
