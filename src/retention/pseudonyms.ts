/**
 * Pseudonyms for e-mail addresses: the same address always gets the same pseudonym in this
 * installation (so a pseudonymised history still shows that two reports came from one person),
 * and nobody can compute it without the installation's secret salt.
 */
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.js';
import { getProfile } from '../profile/service.js';

const PSEUDONYM_DOMAIN = 'pseudonymised.invalid';

export interface Pseudonyms {
  of(address: string): string;
  /** Addresses that stay: the team's own. */
  keeps(address: string): boolean;
}

export async function pseudonymsFor(db: Kysely<Schema>): Promise<Pseudonyms> {
  const { salt } = await db.selectFrom('retention_state').select('salt').where('id', '=', 1).executeTakeFirstOrThrow();
  const own = ((await getProfile(db))?.profile.email.address ?? '').toLowerCase();
  const of = (address: string) =>
    address.endsWith(`@${PSEUDONYM_DOMAIN}`)
      ? address
      : `p-${createHmac('sha256', salt).update(address.trim().toLowerCase()).digest('hex').slice(0, 20)}@${PSEUDONYM_DOMAIN}`;
  return { of, keeps: (address) => Boolean(own) && address.toLowerCase() === own };
}

// Deliberately broad: in free text, a false match costs a pseudonym, a missed address leaks.
const ADDRESS = /[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+/gi;

/** TEXT with every e-mail address in it but the team's replaced by its pseudonym. */
export function pseudonymiseText(text: string, names: Pseudonyms): string {
  return text.replace(ADDRESS, (address) => (names.keeps(address) ? address : names.of(address)));
}
