/**
 * The interface's language: each user's choice, else the team's (the first of its profile's
 * preferred languages that the interface speaks), else English.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { getProfile } from '../profile/service.js';

export const UI_LANGUAGES = ['en', 'sv'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const spoken = (tag: string): UiLanguage | undefined => UI_LANGUAGES.find((l) => tag.toLowerCase().split('-')[0] === l);

export async function teamLanguage(db: Kysely<Schema>): Promise<UiLanguage> {
  const preferred = (await getProfile(db))?.profile.securityTxt?.preferredLanguages ?? [];
  return preferred.map(spoken).find((l) => l !== undefined) ?? 'en';
}

export async function languageOf(db: Kysely<Schema>, choice: string | null): Promise<UiLanguage> {
  return spoken(choice ?? '') ?? teamLanguage(db);
}
