/**
 * Demo peer teams: Truesec CSIRT as read from its RFC 2350 document, and three invented teams
 * (marked "(demo)") so the coverage matrix and the questions have something to show. The national
 * team has a sharing profile (up to GREEN, by TAXII and the MISP feed, pseudonymised protectively),
 * so an incident's preview shows what a peer would receive.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { parseDirectoryFile } from '../directory/exchange.js';
import { importTeams, updateTeam } from '../directory/teams.js';
import { saveSharingProfile } from '../sharing/sharing-profiles.js';
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
  const national = outcomes.find((_, i) => directory.teams[i]?.name === 'Nordic National CSIRT (demo)');
  if (national?.id)
    await saveSharingProfile(
      db,
      actor,
      national.id,
      { maxTlp: 'GREEN', itemKinds: ['observable', 'indicator', 'incident'], channels: ['taxii', 'misp-feed'] },
      0,
    );
}
