/**
 * Route tests: an app per suite on a fresh database, and `loginAs(role)` which creates a user of
 * that role and returns a client that carries its session cookie and CSRF token.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { createUser } from '../../src/auth/users.js';
import type { Role } from '../../src/auth/roles.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import type { App, AppContext } from '../../src/http/context.js';

export interface Client {
  email: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export const TEST_PASSWORD = 'test password for vakt';

export function useApp(getDatabase: () => Database, overrides: Partial<Config> = {}, extra: Pick<AppContext, 'teamKey'> = {}) {
  let app: App | undefined;
  let counter = 0;
  beforeAll(async () => {
    app = await buildApp({ database: getDatabase(), config: { ...loadConfig({}), webDir: '/nonexistent', ...overrides }, ...extra });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });
  const getApp = () => {
    if (!app) throw new Error('app not ready');
    return app;
  };

  async function loginAs(role: Role, organisationId?: string): Promise<Client> {
    const email = `${role}-${++counter}@vakt.test`;
    await createUser(getDatabase().db, 'system:test', {
      email,
      name: role,
      role,
      password: TEST_PASSWORD,
      ...(organisationId ? { organisationId } : {}),
    });
    const login = await getApp().inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: TEST_PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
    const cookie = login.cookies.find((c) => c.name === 'vakt_session')?.value ?? '';
    const { csrfToken } = login.json<{ csrfToken: string }>();
    return {
      email,
      request: (options) =>
        getApp().inject({
          ...options,
          headers: { cookie: `vakt_session=${cookie}`, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
        }),
    };
  }

  return { app: getApp, loginAs };
}
