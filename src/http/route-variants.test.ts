/**
 * Authentication and CSRF are decided by the route the router matched, so no spelling of a path
 * gets around them: every operation of the API document is called under its own path and under
 * encoded, doubled-slash, trailing-dot, mixed-case and other variants, anonymously and with a
 * session cookie but no CSRF token. None may succeed, and nothing may be written.
 */
import { expect, it } from 'vitest';
import { TEST_PASSWORD, useApp } from '../../test/helpers/app.js';
import { describeEachEngine } from '../../test/helpers/database.js';
import { fillPath, operationsOf } from '../../test/helpers/routes.js';

/** Spellings of one path that a router or a proxy may treat as the same. */
export function pathVariants(path: string): string[] {
  const segments = path.split('/').slice(1);
  const encodeFirst = (segment: string) => (segment ? `%${segment.charCodeAt(0).toString(16)}${segment.slice(1)}` : segment);
  const last = segments.length - 1;
  return [
    path,
    `/${segments.map((s, i) => (i === 0 ? encodeFirst(s) : s)).join('/')}`,
    `/${segments.map((s, i) => (i === last ? encodeFirst(s) : s)).join('/')}`,
    `/${segments.map((s) => encodeURIComponent(s).replace(/[a-z]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/')}`,
    `/${path}`,
    path.replace('/', '//').replace(/\/(?=[^/]*$)/, '//'),
    `${path}.`,
    `${path}/`,
    `${path}%2e`,
    path.toUpperCase(),
    path.replace(/\/(\w)/g, (_, c: string) => `/${c.toUpperCase()}`),
    `/${segments[0]}/./${segments.slice(1).join('/')}`,
    `/${segments[0]}/x/../${segments.slice(1).join('/')}`,
    `${path};x`,
    path.replace(/\//g, '%2f').replace(/^%2f/, '/'),
  ];
}

describeEachEngine('Authentication by route, whatever the spelling', (get) => {
  const { app, loginAs } = useApp(get);

  it('lets no variant of any path through without a login, or change anything without the CSRF token', async () => {
    const admin = await loginAs('admin');
    const login = await app().inject({ method: 'POST', url: '/api/auth/login', payload: { email: admin.email, password: TEST_PASSWORD } });
    const cookie = `vakt_session=${login.cookies.find((c) => c.name === 'vakt_session')?.value ?? ''}`;
    const auditBefore = await get()
      .db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();

    const failures: string[] = [];
    let checked = 0;
    for (const op of await operationsOf(app())) {
      if (op.public) continue;
      const payload = op.body ? {} : undefined;
      for (const url of pathVariants(fillPath(op))) {
        const anonymous = await app().inject({ method: op.method, url, ...(payload ? { payload } : {}) });
        checked++;
        if (![401, 404].includes(anonymous.statusCode)) failures.push(`${op.method} ${url} anonymous → ${anonymous.statusCode}`);
        if (op.method === 'GET') continue;
        const noCsrf = await app().inject({ method: op.method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
        checked++;
        if (![403, 404].includes(noCsrf.statusCode)) failures.push(`${op.method} ${url} without CSRF → ${noCsrf.statusCode}`);
        if (noCsrf.statusCode === 403) expect(noCsrf.json()).toMatchObject({ code: 'csrf' });
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
    const auditAfter = await get()
      .db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(auditAfter.n).toBe(auditBefore.n);
  });

  it('still lets a session with its CSRF token write, under the encoded path as under the plain one', async () => {
    const analyst = await loginAs('analyst');
    const plain = await analyst.request({ method: 'POST', url: '/api/incidents', payload: { title: 'plain' } });
    const encoded = await analyst.request({ method: 'POST', url: '/%61pi/incidents', payload: { title: 'encoded' } });
    expect([plain.statusCode, encoded.statusCode]).toEqual([201, 201]);
  });

  it('keeps public routes public', async () => {
    expect((await app().inject('/healthz')).statusCode).toBe(200);
    expect((await app().inject('/api/openapi.json')).statusCode).toBe(200);
    expect((await app().inject('/api/docs/')).statusCode).toBe(200);
  });
});
