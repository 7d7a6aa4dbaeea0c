import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useApp } from '../../test/helpers/app.js';
import { totpCodes } from '../../test/helpers/totp.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { loadProfileFixture } from '../../test/helpers/profiles.js';
import { ERROR_CATALOGUE } from '../core/errors.js';

const problem = (res: { headers: Record<string, unknown>; json: () => unknown }) => {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res.json() as { status: number; code: string; detail?: string; errors?: Array<{ field: string; reason: string }> };
};

describeEachEngine('HTTP API', (get) => {
  const { app, loginAs } = useApp(get, { loginRateLimit: 5, trustProxy: true });

  it('answers liveness and readiness', async () => {
    expect((await app().inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app().inject('/readyz')).json()).toMatchObject({ status: 'ready' });
  });

  it('sends security headers', async () => {
    const res = await app().inject('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('keeps API answers out of caches, and asks for https only where it is already https', async () => {
    const analyst = await loginAs('analyst');
    const plain = await analyst.request({ url: '/api/profile' });
    expect(plain.headers['cache-control']).toBe('no-store');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const secure = await app().inject({ url: '/healthz', headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('serves the OpenAPI document and its browsable docs', async () => {
    const doc = (await app().inject('/api/openapi.json')).json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/profile',
        '/api/users',
        '/api/tokens',
        '/api/audit',
        '/rfc2350',
        '/.well-known/security.txt',
      ]),
    );
    expect((await app().inject('/api/docs/')).statusCode).toBe(200);
  });

  it('refuses anonymous API calls and unknown routes with problem+json', async () => {
    expect(problem(await app().inject('/api/profile'))).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(problem(await app().inject('/api/nothing'))).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('logs in with an HttpOnly, SameSite=Lax cookie; Secure behind https', async () => {
    await loginAs('analyst');
    const res = await app().inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'analyst-1@vakt.test', password: 'test password for vakt' },
      headers: { 'x-forwarded-proto': 'https' },
    });
    const cookie = res.cookies.find((c) => c.name === 'vakt_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
    const plain = await app().inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'analyst-1@vakt.test', password: 'test password for vakt' },
    });
    expect(plain.cookies.find((c) => c.name === 'vakt_session')?.secure).toBeUndefined();
    expect(res.json()).toMatchObject({
      user: { role: 'analyst' },
      permissions: [
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
    });
    expect(JSON.stringify(res.json())).not.toContain('password');
  });

  it('answers a wrong password and an unknown user alike', async () => {
    const a = await app().inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'analyst-1@vakt.test', password: 'wrong' } });
    const b = await app().inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'ghost@vakt.test', password: 'wrong' } });
    expect(problem(a)).toMatchObject({ status: 401, detail: 'wrong e-mail or password' });
    expect(problem(b)).toMatchObject({ status: 401, detail: 'wrong e-mail or password' });
  });

  it('rate-limits login attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await app().inject({
            method: 'POST',
            url: '/api/auth/login',
            remoteAddress: '10.9.9.9',
            payload: { email: 'x@vakt.test', password: 'guess' },
          })
        ).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it('requires the CSRF token for changes made with a cookie', async () => {
    const admin = await loginAs('admin');
    const res = await admin.request({
      method: 'PUT',
      url: '/api/profile',
      payload: loadProfileFixture('cert-stockholm'),
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(problem(res)).toMatchObject({ status: 403, code: 'csrf' });
    expect(await get().db.selectFrom('team_profile').selectAll().execute()).toEqual([]);
  });

  it('reports a profile that is not set up yet', async () => {
    expect(problem(await app().inject('/rfc2350'))).toMatchObject({ status: 404, code: 'not-found' });
  });

  it('lets an incident manager edit the profile, with optimistic locking', async () => {
    const manager = await loginAs('incident-manager');
    const put = await manager.request({ method: 'PUT', url: '/api/profile', payload: loadProfileFixture('cert-stockholm') });
    expect(put.statusCode).toBe(200);
    expect(put.headers.etag).toBe('"1"');
    const stale = await manager.request({
      method: 'PUT',
      url: '/api/profile',
      payload: loadProfileFixture('cert-stockholm'),
      headers: { 'if-match': '"0"' },
    });
    expect(problem(stale)).toMatchObject({ status: 409, code: 'conflict' });
    const fresh = await manager.request({
      method: 'PUT',
      url: '/api/profile',
      payload: loadProfileFixture('cert-stockholm'),
      headers: { 'if-match': '"1"' },
    });
    expect(fresh.json()).toMatchObject({ version: 2 });
  });

  it('forbids analysts and read-only users to edit the profile', async () => {
    for (const role of ['analyst', 'read-only'] as const) {
      const client = await loginAs(role);
      expect((await client.request({ url: '/api/profile' })).statusCode).toBe(200);
      expect(
        problem(await client.request({ method: 'PUT', url: '/api/profile', payload: loadProfileFixture('cert-stockholm') })),
      ).toMatchObject({ status: 403, code: 'forbidden' });
    }
  });

  describe('bad input is answered with 400 and changes nothing', () => {
    const put = async (payload: string | object, contentType = 'application/json') => {
      const manager = await loginAs('incident-manager');
      const res = await manager.request({ method: 'PUT', url: '/api/profile', payload, headers: { 'content-type': contentType } });
      const version = (await get().db.selectFrom('team_profile').select('version').executeTakeFirst())?.version;
      return { body: problem(res), status: res.statusCode, version };
    };
    it('malformed JSON', async () => {
      const r = await put('{"team": {', 'application/json');
      expect(r).toMatchObject({ status: 400, body: { code: 'validation' }, version: 2 });
    });
    it('an unknown field', async () => {
      const r = await put({ ...loadProfileFixture('cert-stockholm'), favouriteColour: 'amber' });
      expect(r.body.errors).toEqual([{ field: 'favouriteColour', reason: 'unknown field' }]);
      expect(r.version).toBe(2);
    });
    it('a wrong type', async () => {
      const r = await put({ ...loadProfileFixture('cert-stockholm'), telephone: 'call us' });
      expect(r.body.errors).toEqual([{ field: 'telephone', reason: 'must be an array' }]);
    });
    it('an unknown TLP label', async () => {
      const p = loadProfileFixture('cert-stockholm');
      const r = await put({ ...p, tlp: { default: 'TLP:PURPLE' } });
      expect(r.body.errors).toEqual([{ field: 'tlp.default', reason: 'must be one of: CLEAR, GREEN, AMBER, AMBER+STRICT, RED' }]);
    });
    it('an invalid time zone and overlapping hours', async () => {
      const p = loadProfileFixture('cert-stockholm');
      p.operatingHours.friday = [
        { start: '08:00', end: '16:15' },
        { start: '16:00', end: '17:00' },
      ];
      const r = await put({ ...p, timeZone: 'Europe/Gotham' });
      expect(r.body.errors?.map((e) => e.field)).toEqual(['timeZone', 'operatingHours.friday[1]']);
      expect(r.version).toBe(2);
    });
    it('an oversized body', async () => {
      const r = await put({ ...loadProfileFixture('cert-stockholm'), disclaimers: 'x'.repeat(2 * 1024 * 1024) });
      expect(r).toMatchObject({ status: 413, version: 2 });
    });
    it('a string where JSON was expected', async () => {
      const r = await put('TLP:RED; drop table users', 'text/plain');
      expect(r).toMatchObject({ status: 400, version: 2, body: { errors: [{ field: '(root)', reason: 'must be an object' }] } });
    });
    it('a wrong query type', async () => {
      const admin = await loginAs('admin');
      expect(problem(await admin.request({ url: '/api/audit?limit=lots' }))).toMatchObject({
        status: 400,
        errors: [{ field: 'querystring.limit', reason: 'must be an integer' }],
      });
    });
  });

  it('serves RFC 2350 as HTML and text, and security.txt, to anyone', async () => {
    const html = await app().inject({ url: '/rfc2350', headers: { accept: 'text/html' } });
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('CERT Stockholm');
    const text = await app().inject('/rfc2350?format=txt');
    expect(text.body).toContain('2.7. Electronic Mail Address');
    const sec = await app().inject('/.well-known/security.txt');
    expect(sec.body).toContain('Contact: mailto:cert@stockholm.se');
    expect(sec.body).toMatch(/Expires: \d{4}-\d\d-\d\dT/);
  });

  it('issues scoped API tokens that cannot exceed their scope', async () => {
    const manager = await loginAs('incident-manager');
    const created = await manager.request({ method: 'POST', url: '/api/tokens', payload: { name: 'script', scopes: ['read'] } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json<{ token: string; id: string }>();
    const auth = { authorization: `Bearer ${token}` };
    expect((await app().inject({ url: '/api/profile', headers: auth })).statusCode).toBe(200);
    expect(
      problem(await app().inject({ method: 'PUT', url: '/api/profile', headers: auth, payload: loadProfileFixture('cert-stockholm') })),
    ).toMatchObject({ status: 403 });
    expect(
      problem(await app().inject({ method: 'POST', url: '/api/tokens', headers: auth, payload: { name: 'more', scopes: ['admin'] } })),
    ).toMatchObject({ status: 403 });
    expect(JSON.stringify((await manager.request({ url: '/api/tokens' })).json())).not.toContain(token);
    expect((await manager.request({ method: 'DELETE', url: `/api/tokens/${id}` })).statusCode).toBe(204);
    expect(problem(await app().inject({ url: '/api/profile', headers: auth }))).toMatchObject({ status: 401 });
  });

  it('lists users in address order a page at a time, by words and role, without skipping or repeating one', async () => {
    const admin = await loginAs('admin');
    for (const [email, name, role] of [
      ['zed@org.test', 'Zed Reader', 'read-only'],
      ['Anna@org.test', 'Anna Andersson', 'read-only'],
      ['bo@team.test', 'Bo Analyst', 'analyst'],
    ] as const)
      expect(
        (await admin.request({ method: 'POST', url: '/api/users', payload: { email, name, role, password: 'long enough password' } }))
          .statusCode,
      ).toBe(201);
    type Page = { users: Array<{ email: string; role: string }>; next: string | null };
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Page = (await admin.request({ url: `/api/users?limit=2${after ? `&after=${after}` : ''}` })).json<Page>();
      expect(page.users.length).toBeLessThanOrEqual(2);
      seen.push(...page.users.map((u) => u.email.toLowerCase()));
      after = page.next;
    } while (after);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['anna@org.test', 'bo@team.test', 'zed@org.test']));
    const readers = (await admin.request({ url: '/api/users?role=read-only&q=ANDERSSON' })).json<Page>();
    expect(readers.users.map((u) => u.email)).toEqual(['Anna@org.test']);
    expect(problem(await admin.request({ url: '/api/users?role=king' }))).toMatchObject({ status: 400 });
  });

  it('lets an admin manage users and read a verified audit log', async () => {
    const admin = await loginAs('admin');
    const created = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'new@vakt.test', name: 'New', role: 'analyst', password: 'long enough password' },
    });
    expect(created.statusCode).toBe(201);
    const dup = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { email: 'NEW@vakt.test', name: 'New', role: 'analyst', password: 'long enough password' },
    });
    expect(problem(dup)).toMatchObject({ status: 409 });
    const { id } = created.json<{ id: string }>();
    expect((await admin.request({ method: 'POST', url: `/api/users/${id}/disable` })).json()).toMatchObject({ disabled: true });
    const audit = (await admin.request({ url: '/api/audit?limit=5' })).json<Array<{ action: string }>>();
    expect(audit[0]?.action).toBe('user.disable');
    expect((await admin.request({ url: '/api/audit/verify' })).json()).toMatchObject({ ok: true });
    const analyst = await loginAs('analyst');
    expect(
      problem(
        await analyst.request({
          method: 'POST',
          url: '/api/users',
          payload: { email: 'x@vakt.test', name: 'X', role: 'admin', password: 'long enough password' },
        }),
      ),
    ).toMatchObject({ status: 403 });
  });

  it('enrols, requires and disables TOTP', async () => {
    const client = await loginAs('analyst');
    const { secret } = (await client.request({ method: 'POST', url: '/api/auth/totp/enrol' })).json<{ secret: string; uri: string }>();
    expect(problem(await client.request({ method: 'POST', url: '/api/auth/totp/confirm', payload: { code: '000000' } }))).toMatchObject({
      status: 400,
      errors: [{ field: 'code' }],
    });
    const codes = await totpCodes(secret);
    expect((await client.request({ method: 'POST', url: '/api/auth/totp/confirm', payload: { code: codes.previous } })).statusCode).toBe(
      204,
    );
    expect(problem(await client.request({ method: 'POST', url: '/api/auth/totp/enrol' }))).toMatchObject({ status: 409 });
    const login = (totp?: string) =>
      app().inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: client.email, password: TEST_PASSWORD, ...(totp ? { totp } : {}) },
      });
    expect(problem(await login())).toMatchObject({ status: 401, code: 'totp-required' });
    expect((await login(codes.current)).statusCode).toBe(200);
    expect(problem(await login(codes.current))).toMatchObject({
      status: 401,
      detail: 'this one-time code was used already; wait for the next one',
    });
    expect(
      problem(await client.request({ method: 'POST', url: '/api/auth/totp/disable', payload: { code: codes.current } })),
    ).toMatchObject({ status: 400 });
    expect((await client.request({ method: 'POST', url: '/api/auth/totp/disable', payload: { code: codes.next } })).statusCode).toBe(204);
    expect((await login()).statusCode).toBe(200);
  });

  it('logs out', async () => {
    const client = await loginAs('analyst');
    expect((await client.request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await client.request({ url: '/api/auth/session' })).statusCode).toBe(401);
  });
});

describe('error catalogue', () => {
  it('documents every code in docs/ERRORS.md', () => {
    const doc = readFileSync(new URL('../../docs/ERRORS.md', import.meta.url), 'utf8');
    // Table cells may be padded (Prettier aligns the columns).
    for (const [code, { status }] of Object.entries(ERROR_CATALOGUE))
      expect(doc).toMatch(new RegExp(`\\| \`${code}\` +\\| ${status} +\\|`));
  });
});
