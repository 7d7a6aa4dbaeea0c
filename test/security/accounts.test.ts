/**
 * Password spraying, guessing and a flood of logins; and the end of access: a password reset, a
 * change of role and "log out everywhere" end sessions and API tokens alike.
 */
import { expect, it } from 'vitest';
import { ACCOUNT_FREE_FAILURES, ADDRESS_MAX_FAILURES, checkLoginAllowed, recordLoginFailure } from '../../src/auth/login-throttle.js';
import { HASH_CONCURRENCY, takePeakHashing } from '../../src/auth/passwords.js';
import { createUser } from '../../src/auth/users.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/context.js';
import { TEST_PASSWORD, useApp } from '../helpers/app.js';
import { describeEachEngine } from '../helpers/database.js';

describeEachEngine('accounts under attack', (get) => {
  // The per-minute limiter of one address and account is set high here, to test the rest alone.
  const { app, loginAs } = useApp(get, { trustProxy: true, loginRateLimit: 10_000 });
  const login = (email: string, password: string, ip: string) =>
    app().inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers: { 'x-forwarded-for': ip } });
  const user = async (email: string) =>
    createUser(get().db, 'system:test', { email, name: email, role: 'analyst', password: TEST_PASSWORD });
  /** Another `vakt serve` on the same database: an app of its own, with its own memory. */
  const useSecondServer = () => {
    let other: App | undefined;
    return {
      open: async () => {
        other = await buildApp({
          database: get(),
          config: { ...loadConfig({}), webDir: '/nonexistent', trustProxy: true, loginRateLimit: 10_000 },
        });
        await other.ready();
        return other;
      },
      close: async () => other?.close(),
    };
  };

  it('locks out an address that sprays a few guesses over many accounts', async () => {
    for (let i = 0; i < 20; i++) await user(`sprayed-${i}@vakt.test`);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await login(`sprayed-${i % 20}@vakt.test`, `Winter2026!${i}`, '198.51.100.7')).statusCode);
    expect(statuses.slice(0, ADDRESS_MAX_FAILURES).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(ADDRESS_MAX_FAILURES).every((s) => s === 429)).toBe(true);
    // Even the right password is refused from that address now; from another address it works.
    expect((await login('sprayed-0@vakt.test', TEST_PASSWORD, '198.51.100.7')).statusCode).toBe(429);
    expect((await login('sprayed-0@vakt.test', TEST_PASSWORD, '203.0.113.9')).statusCode).toBe(200);
  });

  it('locks an account after five failures in a row, whatever the address, until the lock runs out or an administrator lifts it', async () => {
    await user('guessed@vakt.test');
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++)
      expect((await login('guessed@vakt.test', `guess ${i}`, `192.0.2.${i + 1}`)).statusCode).toBe(401);
    const locked = await login('guessed@vakt.test', TEST_PASSWORD, '192.0.2.200');
    expect(locked.statusCode).toBe(429);
    expect(locked.json<{ detail: string }>().detail).toMatch(/try again in \d+ s, or ask an administrator to unlock the account/);
    // An address nobody has an account for is answered alike: a lockout tells nobody who exists.
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) await login('ghost@vakt.test', `guess ${i}`, `192.0.2.${i + 10}`);
    expect((await login('ghost@vakt.test', 'guess', '192.0.2.201')).statusCode).toBe(429);

    const admin = await loginAs('admin');
    const id = (await get().db.selectFrom('users').select('id').where('email', '=', 'guessed@vakt.test').executeTakeFirstOrThrow()).id;
    expect((await admin.request({ method: 'POST', url: `/api/users/${id}/unlock` })).statusCode).toBe(204);
    expect((await login('guessed@vakt.test', TEST_PASSWORD, '192.0.2.202')).statusCode).toBe(200);
  });

  it('counts failures on every server alike: guesses spread over two servers lock the account after five', async () => {
    await user('spread@vakt.test');
    const second = useSecondServer();
    const servers = [app(), await second.open()];
    try {
      for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++) {
        const server = servers[i % 2]!;
        const res = await server.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'spread@vakt.test', password: `guess ${i}` },
          headers: { 'x-forwarded-for': `192.0.2.${i + 50}` },
        });
        expect(res.statusCode).toBe(401);
      }
      for (const server of servers)
        expect(
          (
            await server.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { email: 'spread@vakt.test', password: TEST_PASSWORD },
              headers: { 'x-forwarded-for': '192.0.2.99' },
            })
          ).statusCode,
        ).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('doubles the lock with each further failure, up to an hour', async () => {
    const { db } = get();
    const now = new Date('2026-12-02T10:00:00Z');
    const lockAfter = async (failures: number) => {
      await db.deleteFrom('login_throttle').execute();
      for (let i = 0; i < failures; i++) await recordLoginFailure(db, 'slow@vakt.test', `10.0.0.${i}`, now);
      const row = await db
        .selectFrom('login_throttle')
        .select('locked_until')
        .where('key', '=', 'account:slow@vakt.test')
        .executeTakeFirstOrThrow();
      return (new Date(row.locked_until!).getTime() - now.getTime()) / 60_000;
    };
    expect(await lockAfter(5)).toBe(1);
    expect(await lockAfter(6)).toBe(2);
    expect(await lockAfter(8)).toBe(8);
    expect(await lockAfter(20)).toBe(60);
    await expect(checkLoginAllowed(db, 'slow@vakt.test', '10.9.9.9', new Date(now.getTime() + 59 * 60_000))).rejects.toThrow(
      /try again in 60 s/,
    );
    await expect(checkLoginAllowed(db, 'slow@vakt.test', '10.9.9.9', new Date(now.getTime() + 61 * 60_000))).resolves.toBeUndefined();
  });

  it('hashes a flood of logins a few at a time, and answers every one', async () => {
    for (let i = 0; i < 4; i++) await user(`flood-${i}@vakt.test`);
    takePeakHashing();
    const answers = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        login(`flood-${i % 4}@vakt.test`, i % 4 === 0 ? TEST_PASSWORD : 'wrong', `100.64.${Math.floor(i / 4)}.${i % 4}`),
      ),
    );
    expect(takePeakHashing()).toBeLessThanOrEqual(HASH_CONCURRENCY);
    expect(answers.every((a) => a.statusCode === 200 || a.statusCode === 401 || a.statusCode === 429)).toBe(true);
    expect(answers.filter((a) => a.statusCode === 200).length).toBeGreaterThan(0);
  });

  it('ends sessions and API tokens alike on a password reset, a role change and "log out everywhere"', async () => {
    const admin = await loginAs('admin');
    const { db } = get();
    const access = async (email: string) => {
      const session = await login(email, TEST_PASSWORD, '192.0.2.250');
      const cookie = `vakt_session=${session.cookies.find((c) => c.name === 'vakt_session')?.value ?? ''}`;
      const csrf = session.json<{ csrfToken: string }>().csrfToken;
      const minted = await app().inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie, 'x-csrf-token': csrf },
        payload: { name: 'script', scopes: ['read'] },
      });
      if (minted.statusCode !== 201) throw new Error(minted.body);
      const token = minted.json<{ token: string }>().token;
      return {
        cookie,
        csrf,
        works: async () => [
          (await app().inject({ url: '/api/profile', headers: { cookie } })).statusCode !== 401,
          (await app().inject({ url: '/api/incidents', headers: { authorization: `Bearer ${token}` } })).statusCode !== 401,
        ],
      };
    };
    const id = async (email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

    await user('reset@vakt.test');
    const reset = await access('reset@vakt.test');
    expect(await reset.works()).toEqual([true, true]);
    await admin.request({
      method: 'POST',
      url: `/api/users/${await id('reset@vakt.test')}/reset-password`,
      payload: { password: 'a new long password' },
    });
    expect(await reset.works()).toEqual([false, false]);

    await user('promoted@vakt.test');
    const promoted = await access('promoted@vakt.test');
    const changed = await admin.request({
      method: 'PATCH',
      url: `/api/users/${await id('promoted@vakt.test')}`,
      payload: { role: 'incident-manager' },
    });
    expect(changed.json()).toMatchObject({ role: 'incident-manager' });
    expect(await promoted.works()).toEqual([false, false]);
    // A change of name alone keeps them signed in.
    const renamed = await access('promoted@vakt.test');
    await admin.request({ method: 'PATCH', url: `/api/users/${await id('promoted@vakt.test')}`, payload: { name: 'Pia' } });
    expect(await renamed.works()).toEqual([true, true]);

    await user('leaving@vakt.test');
    const first = await access('leaving@vakt.test');
    const second = await access('leaving@vakt.test');
    expect(
      (
        await app().inject({
          method: 'POST',
          url: '/api/auth/logout-everywhere',
          headers: { cookie: second.cookie, 'x-csrf-token': second.csrf },
        })
      ).statusCode,
    ).toBe(204);
    expect([...(await first.works()), ...(await second.works())]).toEqual([false, false, false, false]);
  });
});
