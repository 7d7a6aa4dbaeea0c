/**
 * API tokens: shown once at creation, stored as SHA-256, scoped (read / write / admin),
 * revocable, optionally expiring. The visible prefix lets a person tell tokens apart.
 */
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { appendAudit } from '../audit/audit-log.js';
import { notFound } from '../core/errors.js';
import { StringEnum, validate } from '../core/validate.js';
import type { Schema, UserRow } from '../db/schema.js';
import { TOKEN_SCOPES, type TokenScope } from './roles.js';
import { randomToken, sha256, TOUCH_INTERVAL_MS } from './secrets.js';

export const NewTokenSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(StringEnum(TOKEN_SCOPES), { minItems: 1, uniqueItems: true }),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export interface ApiTokenInfo {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revoked: boolean;
}

const PREFIX = 'vakt_';

export async function createApiToken(db: Kysely<Schema>, userId: string, input: unknown): Promise<ApiTokenInfo & { token: string }> {
  const data = validate(NewTokenSchema, input);
  const token = `${PREFIX}${randomToken()}`;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: userId,
        name: data.name,
        token_hash: sha256(token),
        prefix: token.slice(0, PREFIX.length + 6),
        scopes: data.scopes,
        expires_at: data.expiresAt ? new Date(data.expiresAt) : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const info = tokenInfo(row);
    await appendAudit(trx, { actor: `user:${userId}`, action: 'token.create', objectType: 'api-token', objectId: row.id, after: info });
    return { ...info, token };
  });
}

function tokenInfo(row: {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}): ApiTokenInfo {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as TokenScope[],
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revoked: row.revoked_at !== null,
  };
}

export async function listApiTokens(db: Kysely<Schema>, userId: string): Promise<ApiTokenInfo[]> {
  const rows = await db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
  return rows.map(tokenInfo);
}

export async function revokeApiToken(db: Kysely<Schema>, actor: string, userId: string, tokenId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('api_tokens').selectAll().where('id', '=', tokenId).where('user_id', '=', userId).executeTakeFirst();
    if (!row) throw notFound('token');
    if (row.revoked_at) return;
    await trx.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', tokenId).execute();
    await appendAudit(trx, { actor, action: 'token.revoke', objectType: 'api-token', objectId: tokenId, before: tokenInfo(row) });
  });
}

export async function lookupApiToken(
  db: Kysely<Schema>,
  token: string,
  now = new Date(),
): Promise<{ user: UserRow; scopes: TokenScope[] } | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.scopes', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled_at || (row.expires_at && row.expires_at <= now)) return undefined;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
  }
  const { token_id: _id, scopes, expires_at: _e, revoked_at: _r, last_used_at: _l, ...user } = row;
  return { user, scopes: scopes as TokenScope[] };
}
