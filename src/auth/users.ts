/** Users: creation, listing, disabling, password resets, and authentication. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { Type } from 'typebox';
import { appendAudit } from '../audit/audit-log.js';
import { afterKeyCursor, containing, keyPage } from '../core/cursor.js';
import { VaktError, ValidationError, notFound } from '../core/errors.js';
import { StringEnum, validate } from '../core/validate.js';
import type { Schema, UserRow } from '../db/schema.js';
import { checkPasswordPolicy, dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import { ROLES, type Principal, type Role } from './roles.js';
import { verifyTotp } from './totp.js';
import { clearAccountFailures } from './login-throttle.js';

export const NewUserSchema = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    role: StringEnum(ROLES),
    organisationId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    password: Type.String({ minLength: 12, maxLength: 1024 }),
  },
  { additionalProperties: false },
);

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  totpEnabled: boolean;
  disabled: boolean;
  createdAt: string;
}

export function publicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    organisationId: row.organisation_id,
    totpEnabled: row.totp_enabled,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}

export function principalOf(row: UserRow): Principal {
  return { userId: row.id, email: row.email, name: row.name, role: row.role as Role, organisationId: row.organisation_id };
}

export async function createUser(db: Kysely<Schema>, actor: string, input: unknown): Promise<PublicUser> {
  const data = validate(NewUserSchema, input);
  checkPasswordPolicy(data.password);
  if (data.role === 'constituent' && !data.organisationId) {
    throw new ValidationError([{ field: 'organisationId', reason: 'a constituent must belong to an organisation' }]);
  }
  const passwordHash = await hashPassword(data.password);
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, data.email)) throw new VaktError('conflict', `a user with e-mail ${data.email} already exists`);
    if (data.organisationId) {
      const org = await trx.selectFrom('organisations').select('id').where('id', '=', data.organisationId).executeTakeFirst();
      if (!org) throw new ValidationError([{ field: 'organisationId', reason: 'no such organisation' }]);
    }
    const row = await trx
      .insertInto('users')
      .values({
        email: data.email,
        name: data.name,
        role: data.role,
        organisation_id: data.organisationId ?? null,
        password_hash: passwordHash,
        password_changed_at: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const user = publicUser(row);
    await appendAudit(trx, { actor, action: 'user.create', objectType: 'user', objectId: row.id, after: user });
    return user;
  });
}

export async function listUsers(db: Kysely<Schema>): Promise<PublicUser[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
  return rows.map(publicUser);
}

export interface UserFilter {
  /** Words in the address or the name. */
  q?: string;
  role?: Role;
  after?: string;
  limit: number;
}

/** The users in address order, a page at a time: a constituency's accounts can run to thousands. */
export async function pageUsers(db: Kysely<Schema>, filter: UserFilter): Promise<{ users: PublicUser[]; next: string | null }> {
  const key = sql<string>`lower(email)`;
  let query = db
    .selectFrom('users')
    .selectAll()
    // The cursor takes the key as the database lowers it, which JavaScript may not do alike.
    .select(key.as('sort_key'))
    .orderBy(key)
    .orderBy('id')
    .limit(filter.limit + 1);
  if (filter.q) {
    const words = containing(filter.q.toLowerCase());
    query = query.where((eb) => eb.or([eb(key, 'like', words), eb(sql`lower(name)`, 'like', words)]));
  }
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.after) query = query.where(afterKeyCursor(filter.after, key, 'id', false));
  const { page, next } = keyPage(await query.execute(), filter.limit, (row) => row.id);
  return { users: page.map(publicUser), next };
}

export async function findUserByEmail(db: Kysely<Schema>, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

async function requireUser(db: Kysely<Schema>, emailOrId: string): Promise<UserRow> {
  const isId = /^[0-9a-f-]{36}$/i.test(emailOrId);
  const row = isId
    ? await db.selectFrom('users').selectAll().where('id', '=', emailOrId).executeTakeFirst()
    : await findUserByEmail(db, emailOrId);
  if (!row) throw notFound(`user ${emailOrId}`);
  return row;
}

/**
 * Ends every way the user is signed in: their sessions and their API tokens alike. A password
 * reset, a change of role or organisation, disabling and "log out everywhere" all call this, so a
 * token minted before the change cannot outlive it.
 */
async function endAccess(trx: Transaction<Schema>, userId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await trx
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Disabling also ends every session and revokes every token of the user. */
export async function disableUser(db: Kysely<Schema>, actor: string, emailOrId: string): Promise<PublicUser> {
  const row = await requireUser(db, emailOrId);
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ disabled_at: row.disabled_at ?? new Date() })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await endAccess(trx, row.id);
    await appendAudit(trx, {
      actor,
      action: 'user.disable',
      objectType: 'user',
      objectId: row.id,
      before: publicUser(row),
      after: publicUser(updated),
    });
    return publicUser(updated);
  });
}

/** A reset ends the user's sessions and tokens: whoever had the old password is shut out. */
export async function resetPassword(db: Kysely<Schema>, actor: string, emailOrId: string, password: string): Promise<void> {
  checkPasswordPolicy(password);
  const row = await requireUser(db, emailOrId);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: new Date() }).where('id', '=', row.id).execute();
    await endAccess(trx, row.id);
    await appendAudit(trx, { actor, action: 'user.password-reset', objectType: 'user', objectId: row.id });
  });
}

export const UserChangeSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    role: Type.Optional(StringEnum(ROLES)),
    organisationId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

/** Changes a user; a new role or organisation ends their sessions and tokens, which carried the old rights. */
export async function changeUser(db: Kysely<Schema>, actor: string, emailOrId: string, input: unknown): Promise<PublicUser> {
  const change = validate(UserChangeSchema, input);
  const row = await requireUser(db, emailOrId);
  const role = change.role ?? (row.role as Role);
  const organisationId = change.organisationId !== undefined ? change.organisationId : row.organisation_id;
  if (role === 'constituent' && !organisationId)
    throw new ValidationError([{ field: 'organisationId', reason: 'a constituent must belong to an organisation' }]);
  return db.transaction().execute(async (trx) => {
    if (organisationId && !(await trx.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst())) {
      throw new ValidationError([{ field: 'organisationId', reason: 'no such organisation' }]);
    }
    const updated = await trx
      .updateTable('users')
      .set({ name: change.name ?? row.name, role, organisation_id: organisationId })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (role !== row.role || organisationId !== row.organisation_id) await endAccess(trx, row.id);
    await appendAudit(trx, {
      actor,
      action: 'user.change',
      objectType: 'user',
      objectId: row.id,
      before: publicUser(row),
      after: publicUser(updated),
    });
    return publicUser(updated);
  });
}

/** Lifts the lockout that failed logins put on the account. */
export async function unlockUser(db: Kysely<Schema>, actor: string, emailOrId: string): Promise<void> {
  const row = await requireUser(db, emailOrId);
  await db.transaction().execute(async (trx) => {
    await clearAccountFailures(trx, row.email);
    await appendAudit(trx, { actor, action: 'user.unlock', objectType: 'user', objectId: row.id });
  });
}

/** "Log out everywhere": every session and token of the user ends, this one included. */
export async function logoutEverywhere(db: Kysely<Schema>, actor: string, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await endAccess(trx, userId);
    await appendAudit(trx, { actor, action: 'user.logout-everywhere', objectType: 'user', objectId: userId });
  });
}

/** For a lost authenticator: an administrator turns the user's second factor off. */
export async function resetTotp(db: Kysely<Schema>, actor: string, emailOrId: string): Promise<void> {
  const row = await requireUser(db, emailOrId);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_enabled: false, totp_secret: null, totp_last_step: null }).where('id', '=', row.id).execute();
    await endAccess(trx, row.id);
    await appendAudit(trx, { actor, action: 'user.totp-reset', objectType: 'user', objectId: row.id });
  });
}

export interface Credentials {
  email: string;
  password: string;
  totp?: string | undefined;
}

/**
 * Checks credentials. Every failure says the same thing, so the answer does not tell whether an
 * account exists; only a correct password on a TOTP account asks for the code.
 */
export async function authenticate(db: Kysely<Schema>, credentials: Credentials): Promise<UserRow> {
  const row = await findUserByEmail(db, credentials.email);
  const ok = await verifyPassword(row?.password_hash ?? (await dummyPasswordHash()), credentials.password);
  if (!row || !ok || row.disabled_at) throw new VaktError('unauthenticated', 'wrong e-mail or password');
  if (row.totp_enabled) {
    if (!credentials.totp) throw new VaktError('totp-required', 'enter the code from your authenticator app');
    await acceptTotp(db, row, credentials.totp);
  }
  return row;
}

/** Checks a TOTP code and records its time step, refusing wrong and already-used codes. */
export async function acceptTotp(db: Kysely<Schema>, row: Pick<UserRow, 'id' | 'totp_secret'>, code: string): Promise<void> {
  const step = row.totp_secret ? verifyTotp(row.totp_secret, code) : null;
  if (step === null) throw new VaktError('unauthenticated', 'wrong one-time code');
  // The compare-and-set makes two simultaneous logins with one code succeed only once.
  const updated = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', row.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    throw new VaktError('unauthenticated', 'this one-time code was used already; wait for the next one');
}

/** The names of the people behind `user:<id>` actors ("Name <address>" with withEmail); other actors have none. */
export async function actorNames(
  db: Kysely<Schema>,
  actors: readonly string[],
  opts: { withEmail?: boolean } = {},
): Promise<Map<string, string>> {
  const ids = [...new Set(actors.filter((a) => /^user:[0-9a-f-]{36}$/.test(a)).map((a) => a.slice(5)))];
  if (ids.length === 0) return new Map();
  const users = await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
  return new Map(users.map((u) => [`user:${u.id}`, opts.withEmail ? `${u.name} <${u.email}>` : u.name]));
}
