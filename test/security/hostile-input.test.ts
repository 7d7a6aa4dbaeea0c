/**
 * Hostile requests for every route of the API document, generated from its own schemas with
 * fast-check: wrong types, extremes, NUL and unpaired surrogates, huge strings, injection text,
 * unknown fields, in the path, the query and the body. No answer may be a 5xx, and a refused
 * request (4xx) must change nothing (the audit log, which every change appends to, stays as it was,
 * but for the record of a mail the TLP gate refused).
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { useApp } from '../helpers/app.js';
import { describeEachEngine } from '../helpers/database.js';
import { operationsOf, type JsonSchema, type Operation } from '../helpers/routes.js';

const REQUESTS_PER_OPERATION = 40;
// Fixed so a failure can be replayed; VAKT_FUZZ_SEED explores other requests.
const SEED = Number(process.env.VAKT_FUZZ_SEED ?? 2026);

const unstorable = fc.constantFrom('a\u0000b', '\u0000', '\uD800', 'x\uDFFFy', '\uDBFF\uDBFF');
const other = fc.constantFrom(
  "'; drop table users; --",
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '${jndi:ldap://x}',
  '\u202Egnp.exe',
  '🛡️'.repeat(50),
  ' ',
  '',
  'null',
  '1e20',
  '-1',
  'x'.repeat(70_000),
);
const nasty = fc.oneof(unstorable, other);
const wrongType = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);
const extremeNumber = fc.constantFrom(
  1e20,
  -1e20,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  0,
  -0,
  0.5,
  1e-300,
);

/** A value the schema accepts, as far as a generator can tell (patterns are not followed). */
function validOf(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.string({ maxLength: 8 });
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return fc.oneof(...variants.map((v) => validOf(v, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = new Set((schema.required ?? []) as string[]);
      const shape = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, validOf(v, depth + 1)]));
      return fc.record(shape, { requiredKeys: Object.keys(shape).filter((k) => required.has(k)) });
    }
    case 'array':
      return fc.array(validOf(schema.items as JsonSchema, depth + 1), {
        minLength: Number(schema.minItems ?? 0),
        maxLength: Math.max(Number(schema.minItems ?? 0), 3),
      });
    case 'integer':
      return fc.integer({ min: Number(schema.minimum ?? -10), max: Math.min(Number(schema.maximum ?? 1000), 1000) });
    case 'number':
      return fc.double({ min: Number(schema.minimum ?? -10), max: Math.min(Number(schema.maximum ?? 1000), 1000), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'string': {
      if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as string[]));
      if (schema.format === 'uuid') return fc.uuid();
      if (schema.format === 'date-time')
        return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'email') return fc.constantFrom('a@b.test', 'soc@city.example');
      if (typeof schema.pattern === 'string' && schema.pattern.includes('\\d')) return fc.integer({ min: 1, max: 99 }).map(String);
      return fc.string({ minLength: Number(schema.minLength ?? 1), maxLength: Math.max(Number(schema.minLength ?? 1), 12) });
    }
    default:
      return fc.string({ maxLength: 8 });
  }
}

/** A hostile value in the schema's place: wrong types, extremes, nasty text, unknown fields. */
function hostileOf(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.oneof(nasty, wrongType);
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (variants) return fc.oneof(...variants.map((v) => hostileOf(v, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
      // A valid object with one field made hostile reaches past validation to the code behind it.
      const oneBad =
        properties.length === 0
          ? []
          : [
              fc
                .tuple(validOf(schema, depth) as fc.Arbitrary<Record<string, unknown>>, fc.constantFrom(...properties))
                .chain(([valid, [key, sub]]) => hostileOf(sub, depth + 1).map((bad) => ({ ...valid, [key]: bad }))),
            ];
      const unknown = (validOf(schema, depth) as fc.Arbitrary<Record<string, unknown>>).map((o) => ({
        ...o,
        unexpectedField: 'x',
        constructor: { prototype: { admin: true } },
      }));
      return fc.oneof(
        { weight: 6, arbitrary: fc.oneof(...oneBad, validOf(schema, depth)) },
        { weight: 1, arbitrary: unknown },
        { weight: 1, arbitrary: wrongType },
      );
    }
    case 'array':
      return fc.oneof(
        fc.array(hostileOf(schema.items as JsonSchema, depth + 1), { minLength: 1, maxLength: 3 }),
        fc.array(fc.constant('x'), { minLength: 600, maxLength: 700 }),
        wrongType,
      );
    case 'integer':
    case 'number':
      return fc.oneof(extremeNumber, wrongType);
    case 'boolean':
      return wrongType;
    default:
      return fc.oneof({ weight: 4, arbitrary: nasty }, { weight: 1, arbitrary: wrongType });
  }
}

/** Mostly one hostile part in an otherwise valid request; sometimes a valid request. */
function valueOf(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: hostileOf(schema) }, { weight: 1, arbitrary: validOf(schema) });
}

/** As text for a URL: a path segment or a query value. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Every byte percent-encoded, so even an unpaired surrogate (as UTF-8 replacement) reaches the router. */
function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

function requestOf(op: Operation): fc.Arbitrary<{ url: string; payload?: unknown }> {
  const params = fc.record(Object.fromEntries(op.pathParams.map((p) => [p.name, fc.oneof(valueOf(p.schema), nasty).map(asText)])));
  const query = fc.record(Object.fromEntries(op.queryParams.map((p) => [p.name, valueOf(p.schema).map(asText)])), { requiredKeys: [] });
  const body = op.body ? valueOf(op.body) : fc.constant(undefined);
  return fc.tuple(params, query, body).map(([p, q, b]) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => percentEncode((p as Record<string, string>)[name] || 'x'));
    const search = new URLSearchParams(q as Record<string, string>).toString();
    return { url: search ? `${path}?${search}` : path, ...(b !== undefined ? { payload: b } : {}) };
  });
}

describeEachEngine('hostile input on every route', (get) => {
  const { app, loginAs } = useApp(get);

  it('answers every generated request without a 5xx, and a refused one changes nothing', async () => {
    const admin = await loginAs('admin');
    // A mail the TLP gate refuses is kept as suppressed, with its audit entry: the record of a refusal is not a change.
    const auditCount = async () =>
      Number(
        (
          await get()
            .db.selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('action', '<>', 'mail.suppress')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const failures: string[] = [];
    let sent = 0;
    // Logging out would end the session the rest of the run uses; it takes no input anyway.
    const operations = (await operationsOf(app())).filter((op) => op.path !== '/api/auth/logout');
    for (const op of operations) {
      const samples = fc.sample(requestOf(op), { numRuns: REQUESTS_PER_OPERATION, seed: SEED });
      for (const sample of samples) {
        const before = await auditCount();
        const res = await admin.request({
          method: op.method,
          url: sample.url,
          ...(sample.payload !== undefined ? { payload: sample.payload as object } : {}),
        });
        sent++;
        if (res.statusCode >= 500) failures.push(`${op.method} ${sample.url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
        else if (res.statusCode >= 400 && (await auditCount()) !== before)
          failures.push(`${op.method} ${sample.url.slice(0, 120)} → ${res.statusCode} but wrote to the audit log`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(operations.length * REQUESTS_PER_OPERATION - 1);
  });

  it('refuses the inputs that once caused server errors, each with a 4xx', async () => {
    // The hostile logins above locked this test's address out; that is the throttle working.
    await get().db.deleteFrom('login_throttle').execute();
    const analyst = await loginAs('analyst');
    const created = await analyst.request({ method: 'POST', url: '/api/incidents', payload: { title: 'Bad input target' } });
    const incident = created.json<{ id: string }>().id;
    const task = (await analyst.request({ method: 'POST', url: `/api/incidents/${incident}/tasks`, payload: { title: 't' } })).json<{
      id: string;
    }>().id;
    const investigation = (
      await analyst.request({ method: 'POST', url: `/api/incidents/${incident}/investigations`, payload: { title: 'i' } })
    ).json<{ id: string }>().id;
    const participant = (
      await analyst.request({ method: 'POST', url: `/api/incidents/${incident}/participants`, payload: { name: 'P', role: 'third-party' } })
    ).json<{ id: string }>().id;
    const cases: Array<[string, () => Promise<{ statusCode: number }>, number]> = [
      ['NUL in a title', () => analyst.request({ method: 'POST', url: '/api/incidents', payload: { title: 'a\u0000b' } }), 400],
      [
        'an unpaired surrogate in a title',
        () => analyst.request({ method: 'POST', url: '/api/incidents', payload: { title: 'a\uD800b' } }),
        400,
      ],
      ['PATCH a task with nothing', () => analyst.request({ method: 'PATCH', url: `/api/tasks/${task}`, payload: {} }), 400],
      [
        'PATCH an investigation with nothing',
        () => analyst.request({ method: 'PATCH', url: `/api/investigations/${investigation}`, payload: {} }),
        400,
      ],
      [
        'a share of an item that is no id',
        () =>
          analyst.request({
            method: 'POST',
            url: `/api/incidents/${incident}/shares`,
            payload: { kind: 'task', itemId: 'not-a-uuid', participantId: participant },
          }),
        400,
      ],
      [
        'a share of a report by UUID',
        () =>
          analyst.request({
            method: 'POST',
            url: `/api/incidents/${incident}/shares`,
            payload: { kind: 'report', itemId: task, participantId: participant },
          }),
        404,
      ],
      ['NUL in a search', () => analyst.request({ url: '/api/search?q=a%00b' }), 400],
      ['NUL in an indicator', () => analyst.request({ url: '/api/indicators/seen?value=a%00b' }), 400],
      ['NUL in a directory search', () => analyst.request({ url: '/api/directory/teams?q=a%00b' }), 400],
      ['limit 1e20', () => analyst.request({ url: '/api/reports?limit=1e20' }), 400],
      ['a forged cursor', () => analyst.request({ url: '/api/reports?before=2026-13-45T99:99:99.000Z,1' }), 400],
    ];
    for (const [what, call, status] of cases) expect((await call()).statusCode, what).toBe(status);

    // Two organisations cannot be given the same name: the second is a conflict, not a crash.
    const a = (await analyst.request({ method: 'POST', url: '/api/organisations', payload: { name: 'Alpha AB' } })).json<{
      id: string;
      version: number;
    }>();
    const b = (await analyst.request({ method: 'POST', url: '/api/organisations', payload: { name: 'Beta AB' } })).json<{
      id: string;
      version: number;
    }>();
    const clash = await analyst.request({ method: 'PUT', url: `/api/organisations/${b.id}`, payload: { name: 'Alpha AB' } });
    expect(clash.statusCode, clash.body).toBe(409);
    expect(a.id).not.toBe(b.id);

    // A truncated gzip upload is bad input.
    await analyst.request({
      method: 'PUT',
      url: '/api/feeds/truncated-test',
      payload: {
        name: 'truncated-test',
        format: 'shadowserver:scan_rdp',
        source: { kind: 'upload' },
        tlp: 'GREEN',
        notify: 'immediately',
        dedupHours: 48,
      },
    });
    const gz = gzipSync(Buffer.from(`"timestamp","ip","port"\n${'"2026-11-30 10:00:00","192.0.2.1","3389"\n'.repeat(5000)}`));
    const upload = await analyst.request({
      method: 'POST',
      url: '/api/feeds/truncated-test/upload',
      payload: gz.subarray(0, gz.length - 40),
      headers: { 'content-type': 'application/gzip' },
    });
    expect(upload.statusCode, upload.body).toBe(400);
  });
});
