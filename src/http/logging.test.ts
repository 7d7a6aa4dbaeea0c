import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/helpers/database.js';
import { createUser } from '../auth/users.js';
import { loadConfig } from '../config.js';
import { buildApp } from './app.js';
import type { App } from './context.js';

describeEachEngine('request logging', (get) => {
  let app: App;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    app = await buildApp(
      { database: get(), config: { ...loadConfig({}), webDir: '/nonexistent' } },
      { logger: { level: 'debug', stream } },
    );
    await createUser(get().db, 'system:test', { email: 'logged@vakt.test', name: 'L', role: 'admin', password: 'secret passphrase 42' });
  });
  afterAll(() => app.close());

  it('logs requests without passwords, cookies, CSRF or API tokens', async () => {
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'logged@vakt.test', password: 'wrong passphrase 99' } });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'logged@vakt.test', password: 'secret passphrase 42' },
    });
    const cookie = login.cookies[0]!.value;
    const { csrfToken } = login.json<{ csrfToken: string }>();
    const created = await app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: { cookie: `vakt_session=${cookie}`, 'x-csrf-token': csrfToken },
      payload: { name: 't', scopes: ['read'] },
    });
    const { token } = created.json<{ token: string }>();
    await app.inject({ url: '/api/profile', headers: { authorization: `Bearer ${token}` } });
    const log = lines.join('');
    expect(log).toContain('"url":"/api/auth/login"');
    expect(log).toContain('login refused');
    // One line per request, at debug: the terminal of `vakt serve` is not flooded at the default level.
    const requests = lines.filter((l) => l.includes('"req":'));
    expect(requests).toHaveLength(4);
    expect(requests.every((l) => l.includes('"level":20') && l.includes('request completed'))).toBe(true);
    for (const secret of ['secret passphrase 42', 'wrong passphrase 99', cookie, csrfToken, token]) expect(log).not.toContain(secret);
  });
});
