/** The stored public keys of contacts: verify what they sign, encrypt what we send them. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { afterKeyCursor, containing, keyPage } from '../core/cursor.js';
import type * as openpgp from 'openpgp';
import { appendAudit } from '../audit/audit-log.js';
import { ValidationError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';
import { describePublicKey, readPublicKeys, type KeyLookup, type PublicKeyInfo } from './pgp.js';
import { isoOrNull } from '../core/iso-time.js';

export async function storePublicKey(db: Kysely<Schema>, actor: string, armored: string, organisationId?: string): Promise<PublicKeyInfo> {
  let info: PublicKeyInfo;
  try {
    info = await describePublicKey(armored);
  } catch (error) {
    throw new ValidationError([{ field: 'armored', reason: `not an OpenPGP public key: ${(error as Error).message}` }]);
  }
  if (!info.email) throw new ValidationError([{ field: 'armored', reason: 'the key has no user id with an e-mail address' }]);
  await db.transaction().execute(async (trx) => {
    await insertPublicKey(trx, info, organisationId);
    await appendAudit(trx, {
      actor,
      action: 'pgp-key.store',
      objectType: 'pgp-key',
      objectId: info.fingerprint,
      after: { email: info.email, userIds: info.userIds },
    });
  });
  return info;
}

/** Stores a checked key, or refreshes the one with the same fingerprint. */
export async function insertPublicKey(trx: Transaction<Schema>, info: PublicKeyInfo, organisationId?: string): Promise<void> {
  await trx
    .insertInto('pgp_keys')
    .values({
      fingerprint: info.fingerprint,
      email: info.email,
      user_ids: info.userIds,
      armored: info.armored,
      expires_at: info.expiresAt,
      organisation_id: organisationId ?? null,
    })
    .onConflict((oc) => oc.column('fingerprint').doUpdateSet({ armored: info.armored, user_ids: info.userIds, expires_at: info.expiresAt }))
    .execute();
}

/** Signature key ids are the low 64 bits of the fingerprint (v4 keys). */
/** Contacts' stored keys in address order, a page at a time (a national team holds thousands), found by words in the address. */
export async function pageContactKeys(db: Kysely<Schema>, filter: { q?: string; after?: string; limit: number }) {
  const key = sql<string>`lower(email)`;
  let query = db
    .selectFrom('pgp_keys')
    .select(['fingerprint', 'email', 'user_ids', 'expires_at', 'created_at', key.as('sort_key')])
    .orderBy(key)
    .orderBy('fingerprint')
    .limit(filter.limit + 1);
  if (filter.q) query = query.where(key, 'like', containing(filter.q.toLowerCase()));
  if (filter.after) query = query.where(afterKeyCursor(filter.after, key, 'fingerprint', false, 'after', 'fingerprint'));
  const { page, next } = keyPage(await query.execute(), filter.limit, (r) => r.fingerprint);
  return {
    keys: page.map(({ sort_key: _key, ...r }) => ({
      ...r,
      expires_at: isoOrNull(r.expires_at),
      created_at: isoOrNull(r.created_at),
    })),
    next,
  };
}

export function keyLookup(db: Kysely<Schema>): KeyLookup {
  return async (keyIds) => {
    if (keyIds.length === 0) return [];
    const rows = await db
      .selectFrom('pgp_keys')
      .select('armored')
      .where((eb) => eb.or(keyIds.map((id) => eb('fingerprint', 'like', `%${id.replace(/[^0-9A-F]/g, '')}`))))
      .execute();
    return readPublicKeys(rows.map((r) => r.armored));
  };
}

/** The newest unexpired key per address; addresses without one are absent from the map. */
export async function encryptionKeysFor(
  db: Kysely<Schema>,
  emails: readonly string[],
  now = new Date(),
): Promise<Map<string, openpgp.PublicKey>> {
  const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('pgp_keys')
    .select(['email', 'armored', 'expires_at'])
    .where('email', 'in', wanted)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('created_at', 'desc')
    .execute();
  const result = new Map<string, openpgp.PublicKey>();
  for (const row of rows) {
    if (result.has(row.email)) continue;
    const [key] = await readPublicKeys([row.armored]);
    if (key) result.set(row.email, key);
  }
  return result;
}
