/**
 * Demo peer teams: Truesec CSIRT as read from its RFC 2350 document, and three invented teams
 * (marked "(demo)") so the coverage matrix and the questions have something to show.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { parseDirectoryFile } from '../directory/exchange.js';
import { importTeams, updateTeam } from '../directory/teams.js';
import directory from './demo-directory.json' with { type: 'json' };

export async function loadDemoDirectory(db: Kysely<Schema>, actor: string): Promise<void> {
  const teams = parseDirectoryFile(JSON.stringify(directory), 'demo-directory.json');
  const outcomes = await importTeams(db, actor, teams);
  // An import never takes trust from a file; the demo sets ours afterwards, as an analyst would.
  for (const [i, outcome] of outcomes.entries()) {
    const trust = directory.teams[i]?.trust;
    const team = teams[i];
    if (trust && outcome.id && team) await updateTeam(db, actor, outcome.id, { ...team, trust });
  }
}
