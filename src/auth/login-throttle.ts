/**
 * Slowing password guessing down, in the database so every server counts alike:
 * - per account: after 5 failures in a row the account is locked for a minute, and each further
 *   failure doubles that, up to an hour; a success or an administrator's unlock clears it. Unknown
 *   e-mail addresses are counted the same way, so a lockout does not tell who has an account;
 * - per client address, across accounts: 20 failures within 10 minutes lock the address out for
 *   the rest of that window (password spraying: few tries each against many accounts).
 * A locked attempt is refused before any password is hashed.
 */
import { sql, type Kysely } from 'kysely';
import { VaktError } from '../core/errors.js';
import type { Schema } from '../db/schema.js';

export const ACCOUNT_FREE_FAILURES = 5;
const ACCOUNT_FIRST_LOCK_MS = 60_000;
const ACCOUNT_MAX_LOCK_MS = 60 * 60_000;
export const ADDRESS_MAX_FAILURES = 20;
const ADDRESS_WINDOW_MS = 10 * 60_000;

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `address:${ip}`;

/** Refuses (429) when the account or the address is locked out. */
export async function checkLoginAllowed(db: Kysely<Schema>, email: string, ip: string, now = new Date()): Promise<void> {
  const locked = await db
    .selectFrom('login_throttle')
    .select(['key', 'locked_until'])
    .where('key', 'in', [accountKey(email), addressKey(ip)])
    .where('locked_until', '>', now)
    .execute();
  const until = locked.reduce<Date | undefined>(
    (latest, row) => (!latest || row.locked_until! > latest ? new Date(row.locked_until!) : latest),
    undefined,
  );
  if (until) {
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    throw new VaktError('rate-limited', `too many failed logins; try again in ${seconds} s, or ask an administrator to unlock the account`);
  }
}

/** Counts a failure against the account and the address, locking either when it is due. */
export async function recordLoginFailure(db: Kysely<Schema>, email: string, ip: string, now = new Date()): Promise<void> {
  const account = await upsertFailure(db, accountKey(email), now, null);
  if (account.failures >= ACCOUNT_FREE_FAILURES) {
    const lockMs = Math.min(ACCOUNT_FIRST_LOCK_MS * 2 ** (account.failures - ACCOUNT_FREE_FAILURES), ACCOUNT_MAX_LOCK_MS);
    await db
      .updateTable('login_throttle')
      .set({ locked_until: new Date(now.getTime() + lockMs) })
      .where('key', '=', accountKey(email))
      .execute();
  }
  const address = await upsertFailure(db, addressKey(ip), now, ADDRESS_WINDOW_MS);
  if (address.failures >= ADDRESS_MAX_FAILURES) {
    await db
      .updateTable('login_throttle')
      .set({ locked_until: new Date(new Date(address.window_started_at).getTime() + ADDRESS_WINDOW_MS) })
      .where('key', '=', addressKey(ip))
      .execute();
  }
}

/** One more failure; a window that has passed starts again (accounts never time out: only success or unlock clears them). */
async function upsertFailure(db: Kysely<Schema>, key: string, now: Date, windowMs: number | null) {
  const expired =
    windowMs === null ? sql<boolean>`false` : sql<boolean>`login_throttle.window_started_at < ${new Date(now.getTime() - windowMs)}`;
  return db
    .insertInto('login_throttle')
    .values({ key, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when ${expired} then 1 else login_throttle.failures + 1 end`,
        window_started_at: sql`case when ${expired} then ${now} else login_throttle.window_started_at end`,
      }),
    )
    .returning(['failures', 'window_started_at'])
    .executeTakeFirstOrThrow();
}

/** A successful login, or an administrator's unlock, clears the account's count (the address keeps its own). */
export async function clearAccountFailures(db: Kysely<Schema>, email: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', accountKey(email)).execute();
}
