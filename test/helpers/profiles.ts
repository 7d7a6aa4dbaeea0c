import { readFileSync } from 'node:fs';
import type { TeamProfile } from '../../src/profile/schema.js';

export function loadProfileFixture(name: 'cert-stockholm' | 'truesec-csirt'): TeamProfile {
  const path =
    name === 'cert-stockholm'
      ? new URL('../../src/demo/cert-stockholm.profile.json', import.meta.url)
      : new URL(`../fixtures/profiles/${name}.profile.json`, import.meta.url);
  return JSON.parse(readFileSync(path, 'utf8')) as TeamProfile;
}
