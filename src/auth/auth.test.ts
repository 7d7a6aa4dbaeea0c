import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { verifyAudit } from '../audit/audit-log.js';
import { createApiToken, listApiTokens, lookupApiToken, revokeApiToken } from './api-tokens.js';
import { PERMISSIONS, can, type Permission, type Principal, type Role } from './roles.js';
import { createSession, endSession, lookupSession, SESSION_IDLE_MS } from './sessions.js';
import { totpCodes } from '../../test/helpers/totp.js';
import { newTotpSecret } from './totp.js';
import { authenticate, createUser, disableUser, listUsers, resetPassword, resetTotp } from './users.js';

describe('role permissions', () => {
  const table: Record<Role, Permission[]> = {
    admin: [...PERMISSIONS],
    'incident-manager': [
      'profile:read',
      'profile:write',
      'users:read',
      'audit:read',
      'tokens:own',
      'reports:read',
      'reports:submit',
      'reports:triage',
      'incidents:read',
      'incidents:write',
      'incidents:manage',
      'mail:send',
      'mail:settings',
      'keys:manage',
      'kpi:read',
      'directory:read',
      'directory:write',
      'constituency:read',
      'constituency:write',
      'feeds:read',
      'feeds:write',
      'advisories:read',
      'advisories:write',
      'advisories:publish',
      'sharing:manage',
    ],
    analyst: [
      'profile:read',
      'users:read',
      'tokens:own',
      'reports:read',
      'reports:submit',
      'reports:triage',
      'incidents:read',
      'incidents:write',
      'mail:send',
      'keys:manage',
      'kpi:read',
      'directory:read',
      'directory:write',
      'constituency:read',
      'constituency:write',
      'feeds:read',
      'feeds:write',
      'advisories:read',
      'advisories:write',
    ],
    constituent: ['profile:read', 'tokens:own', 'reports:submit', 'incidents:read'],
    'read-only': [
      'profile:read',
      'users:read',
      'audit:read',
      'reports:read',
      'incidents:read',
      'kpi:read',
      'directory:read',
      'constituency:read',
      'feeds:read',
      'advisories:read',
    ],
  };
  for (const [role, granted] of Object.entries(table) as Array<[Role, Permission[]]>) {
    it(`${role} has exactly ${granted.join(', ')}`, () => {
      const principal: Principal = { userId: 'u', email: 'e', name: 'n', role, organisationId: null };
      expect(PERMISSIONS.filter((p) => can(principal, p))).toEqual(granted);
    });
  }
  it('a token never exceeds its scope nor its user', () => {
    const admin: Principal = { userId: 'u', email: 'e', name: 'n', role: 'admin', organisationId: null, tokenScopes: ['read'] };
    expect(can(admin, 'profile:read')).toBe(true);
    expect(can(admin, 'profile:write')).toBe(false);
    expect(can(admin, 'tokens:own')).toBe(false);
    expect(can({ ...admin, tokenScopes: ['write'] }, 'users:manage')).toBe(false);
    expect(can({ ...admin, tokenScopes: ['admin'] }, 'users:manage')).toBe(true);
    expect(can({ ...admin, role: 'analyst', tokenScopes: ['read', 'write', 'admin'] }, 'profile:write')).toBe(false);
  });
});

describeEachEngine('users, sessions and tokens', (get) => {
  const password = 'correct horse battery';

  it('creates users and refuses duplicates, bad roles and short passwords', async () => {
    const { db } = get();
    const user = await createUser(db, 'cli:test', { email: 'Anna@cert.example', name: 'Anna', role: 'analyst', password });
    expect(user).toMatchObject({ email: 'Anna@cert.example', role: 'analyst', disabled: false, totpEnabled: false });
    await expect(createUser(db, 'cli:test', { email: 'anna@CERT.example', name: 'A2', role: 'analyst', password })).rejects.toThrow(
      /already exists/,
    );
    await expect(createUser(db, 'cli:test', { email: 'b@x.se', name: 'B', role: 'god', password })).rejects.toMatchObject({
      issues: [{ field: 'role', reason: 'must be one of: admin, incident-manager, analyst, constituent, read-only' }],
    });
    await expect(createUser(db, 'cli:test', { email: 'b@x.se', name: 'B', role: 'analyst', password: 'short' })).rejects.toMatchObject({
      issues: [{ field: 'password' }],
    });
    await expect(createUser(db, 'cli:test', { email: 'c@x.se', name: 'C', role: 'constituent', password })).rejects.toThrow(/organisation/);
    expect((await listUsers(db)).map((u) => u.email)).toEqual(['Anna@cert.example']);
  });

  it('authenticates with the same answer for unknown users and wrong passwords', async () => {
    const { db } = get();
    const ok = await authenticate(db, { email: 'anna@cert.example', password });
    expect(ok.email).toBe('Anna@cert.example');
    await expect(authenticate(db, { email: 'anna@cert.example', password: 'wrong password!' })).rejects.toThrow('wrong e-mail or password');
    await expect(authenticate(db, { email: 'nobody@cert.example', password })).rejects.toThrow('wrong e-mail or password');
  });

  it('asks for and checks a TOTP code when enabled', async () => {
    const { db } = get();
    const secret = newTotpSecret();
    await db.updateTable('users').set({ totp_secret: secret, totp_enabled: true }).where('email', '=', 'Anna@cert.example').execute();
    await expect(authenticate(db, { email: 'anna@cert.example', password })).rejects.toMatchObject({ code: 'totp-required' });
    await expect(authenticate(db, { email: 'anna@cert.example', password, totp: '000000' })).rejects.toThrow('wrong one-time code');
    const codes = await totpCodes(secret);
    expect((await authenticate(db, { email: 'anna@cert.example', password, totp: codes.current })).email).toBe('Anna@cert.example');
    await expect(authenticate(db, { email: 'anna@cert.example', password, totp: codes.current })).rejects.toThrow('used already');
    await expect(authenticate(db, { email: 'anna@cert.example', password, totp: codes.previous })).rejects.toThrow('used already');
    expect((await authenticate(db, { email: 'anna@cert.example', password, totp: codes.next })).email).toBe('Anna@cert.example');
    await resetTotp(db, 'cli:admin', 'anna@cert.example');
    expect((await authenticate(db, { email: 'anna@cert.example', password })).totp_enabled).toBe(false);
  });

  it('keeps sessions until idle, absolute expiry or logout', async () => {
    const { db } = get();
    const user = await authenticate(db, { email: 'anna@cert.example', password });
    const t0 = new Date();
    const session = await createSession(db, user, t0);
    expect((await lookupSession(db, session.token, t0))?.user.id).toBe(user.id);
    expect((await lookupSession(db, session.token, t0))?.csrfToken).toBe(session.csrfToken);
    expect(await lookupSession(db, 'not-a-session', t0)).toBeUndefined();
    expect(await lookupSession(db, session.token, new Date(t0.getTime() + SESSION_IDLE_MS + 1000))).toBeUndefined();
    const second = await createSession(db, user, t0);
    await endSession(db, second.token);
    expect(await lookupSession(db, second.token, t0)).toBeUndefined();
  });

  it('issues scoped tokens shown once, and revokes them', async () => {
    const { db } = get();
    const user = await authenticate(db, { email: 'anna@cert.example', password });
    const created = await createApiToken(db, user.id, { name: 'ci', scopes: ['read'] });
    expect(created.token).toMatch(/^vakt_/);
    expect(JSON.stringify(await listApiTokens(db, user.id))).not.toContain(created.token);
    expect((await lookupApiToken(db, created.token))?.scopes).toEqual(['read']);
    await revokeApiToken(db, `user:${user.id}`, user.id, created.id);
    expect(await lookupApiToken(db, created.token)).toBeUndefined();
    await expect(createApiToken(db, user.id, { name: 'x', scopes: ['root'] })).rejects.toThrow(/scopes\[0\]/);
    const expired = await createApiToken(db, user.id, { name: 'old', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' });
    expect(await lookupApiToken(db, expired.token)).toBeUndefined();
  });

  it('disabling ends sessions and tokens; a reset ends sessions', async () => {
    const { db } = get();
    const user = await authenticate(db, { email: 'anna@cert.example', password });
    const session = await createSession(db, user);
    const token = await createApiToken(db, user.id, { name: 'api', scopes: ['read'] });
    await resetPassword(db, 'cli:test', 'anna@cert.example', 'a brand new passphrase');
    expect(await lookupSession(db, session.token)).toBeUndefined();
    await expect(authenticate(db, { email: 'anna@cert.example', password })).rejects.toThrow();
    await disableUser(db, 'cli:test', 'anna@cert.example');
    expect(await lookupApiToken(db, token.token)).toBeUndefined();
    await expect(authenticate(db, { email: 'anna@cert.example', password: 'a brand new passphrase' })).rejects.toThrow(
      'wrong e-mail or password',
    );
  });

  it('wrote every change to an intact audit chain', async () => {
    const actions = await get().db.selectFrom('audit_log').select('action').orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'user.create',
        'session.login',
        'user.totp-reset',
        'token.create',
        'token.revoke',
        'user.password-reset',
        'user.disable',
      ]),
    );
    expect((await verifyAudit(get().db)).ok).toBe(true);
  });
});
