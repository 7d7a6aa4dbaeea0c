/**
 * Cookie sessions. The cookie holds a random token; the database holds its SHA-256, the user, a
 * CSRF token and two expiries: idle (sliding) and absolute.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import type { Schema, UserRow } from '../db/schema.js';
import { randomToken, sha256, TOUCH_INTERVAL_MS } from './secrets.js';

export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(db: Kysely<Schema>, user: UserRow, now = new Date()): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('expires_at', '<', now).execute();
    await trx
      .insertInto('sessions')
      .values({ token_hash: sha256(token), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt, last_seen_at: now })
      .execute();
    await appendAudit(trx, { actor: `user:${user.id}`, action: 'session.login', objectType: 'user', objectId: user.id }, now);
  });
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  user: UserRow;
  csrfToken: string;
}

export async function lookupSession(db: Kysely<Schema>, token: string, now = new Date()): Promise<ActiveSession | undefined> {
  const hash = sha256(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.disabled_at) return undefined;
  if (row.expires_at <= now || now.getTime() - row.last_seen_at.getTime() > SESSION_IDLE_MS) {
    await db.deleteFrom('sessions').where('token_hash', '=', hash).execute();
    return undefined;
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', hash).execute();
  }
  const { csrf_token, expires_at: _e, last_seen_at: _l, ...user } = row;
  return { user, csrfToken: csrf_token };
}

export async function endSession(db: Kysely<Schema>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute();
}
