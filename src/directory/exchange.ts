/**
 * Directory files: what `vakt directory export` writes and peers running Vakt import. Our trust in
 * a team is our own judgement and never leaves in an export.
 */
import type { Kysely } from 'kysely';
import { ValidationError } from '../core/errors.js';
import { validate } from '../core/validate.js';
import type { Schema } from '../db/schema.js';
import { DIRECTORY_FORMAT, DirectoryFileSchema, type DirectoryFile, type PeerTeam } from './schema.js';
import { listTeams, validateTeam } from './teams.js';

export function directoryFile(teams: readonly PeerTeam[], now = new Date()): DirectoryFile {
  return { format: DIRECTORY_FORMAT, version: 1, exportedAt: now.toISOString(), teams: teams.map(({ trust: _ours, ...team }) => team) };
}

export async function exportDirectory(db: Kysely<Schema>): Promise<DirectoryFile> {
  return directoryFile((await listTeams(db)).map((t) => t.team));
}

/** Parses and checks a directory file; every problem names the team ("teams[3]: country: …"). */
export function parseDirectoryFile(text: string, source: string): PeerTeam[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError([{ field: '(file)', reason: `not valid JSON: ${(error as Error).message}` }], source);
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format !== DIRECTORY_FORMAT) {
    throw new ValidationError([{ field: 'format', reason: `not a directory file: expected "format": "${DIRECTORY_FORMAT}"` }], source);
  }
  const file = validate(DirectoryFileSchema, json, source);
  return file.teams.map((team, i) => validateTeam(team, `${source}: teams[${i}] (${team.name})`));
}
