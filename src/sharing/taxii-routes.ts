/**
 * A TAXII 2.1 server (OASIS TAXII 2.1, sections 4–5): discovery, one API root, its collections,
 * their objects (added_after, match[id|type|version|spec_version], limit and `next` paging), one
 * object and its versions, the manifest, POST with a status resource, and DELETE. Every reader logs
 * in with an API token, as a Bearer token or as HTTP Basic's password; every object a reader
 * outside the team is sent passes the egress gate (channel `taxii`), page by page.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { notFound, ValidationError, VaktError } from '../core/errors.js';
import { strict } from '../core/validate.js';
import { principal, requirePermission } from '../http/authentication.js';
import { egress } from './egress.js';
import { exportIncidentStix } from './stix-export.js';
import { STIX_MAX_BYTES } from './stix-import.js';
import { addObjects, pageObjects, type ObjectFilter, type StoredObject } from './taxii-store.js';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
const ROOT = '/taxii2/api/';
const Problem = Type.Ref('Problem');
const Collection = Type.Object({ cid: Type.String({ format: 'uuid' }) });
const ObjectParams = Type.Object({ ...Collection.properties, oid: Type.String({ pattern: '^[a-z0-9-]+--[0-9a-fA-F-]{36}$' }) });
const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((v) => v.trim())
    .filter(Boolean);
const MatchQuery = Type.Object(
  {
    added_after: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    next: Type.Optional(Type.String({ maxLength: 200 })),
    'match[id]': Type.Optional(Type.String({ maxLength: 20_000 })),
    'match[type]': Type.Optional(Type.String({ maxLength: 2000 })),
    'match[version]': Type.Optional(Type.String({ maxLength: 2000 })),
    'match[spec_version]': Type.Optional(Type.String({ maxLength: 100 })),
  },
  strict,
);
const taxii = (summary: string) => ({ tags: ['taxii'], summary });

export const taxiiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.vakt.database;
  const read = { preHandler: requirePermission('incidents:read') };
  app.addContentTypeParser('application/taxii+json', { parseAs: 'string', bodyLimit: STIX_MAX_BYTES }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch {
      done(new ValidationError([{ field: 'body', reason: 'not valid JSON' }]));
    }
  });
  // TAXII answers in its own media type; a client that accepts none of it is told so.
  app.addHook('onRequest', async (request) => {
    const accept = request.headers.accept;
    if (request.url.startsWith('/taxii2/') && accept && !/application\/taxii\+json|application\/\*|\*\/\*/.test(accept))
      throw new VaktError('not-acceptable', `this TAXII server answers in ${TAXII_MEDIA_TYPE}`);
  });
  // TAXII's error message (section 3.6.1) in TAXII's media type, the problem's own members kept beside it.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/taxii2/') || !String(reply.getHeader('content-type') ?? '').startsWith('application/problem+json'))
      return payload;
    const problem = JSON.parse(String(payload)) as { title: string; detail?: string; status: number; code: string; requestId: string };
    reply.type(TAXII_MEDIA_TYPE);
    if (problem.status === 401) reply.header('www-authenticate', 'Basic realm="Vakt TAXII", charset="UTF-8"');
    return JSON.stringify({
      ...problem,
      description: problem.detail ?? problem.title,
      error_id: problem.requestId,
      error_code: problem.code,
      http_status: String(problem.status),
    });
  });

  const send = (reply: FastifyReply, body: unknown, status = 200) => reply.code(status).type(TAXII_MEDIA_TYPE).send(JSON.stringify(body));

  /** The objects of PAGE the requester may have, in order: all of them for the team, what the gate admits for anyone else. */
  async function admitted(request: FastifyRequest, objects: StoredObject[]): Promise<StoredObject[]> {
    const who = principal(request);
    const decisions = await egress(db, {
      channel: 'taxii',
      recipient: { kind: 'user', userId: who.userId },
      items: objects.map((o) => ({ kind: 'stix-object', id: `${o.id}@${o.version}`, tlp: o.tlp })),
      actor: actorOf(who),
    });
    return objects.filter((_, i) => decisions[i]!.allowed);
  }

  async function collection(cid: string) {
    const row = await db.selectFrom('taxii_collections').selectAll().where('id', '=', cid).executeTakeFirst();
    if (!row) throw notFound('collection');
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      can_read: true,
      can_write: true,
      media_types: ['application/stix+json;version=2.1'],
    };
  }

  const filterOf = (query: Record<string, string | number | undefined>, forced: Partial<ObjectFilter> = {}): ObjectFilter => ({
    ...(query.added_after ? { addedAfter: String(query.added_after) } : {}),
    ...(query['match[id]'] ? { ids: list(String(query['match[id]'])) } : {}),
    ...(query['match[type]'] ? { types: list(String(query['match[type]'])) } : {}),
    ...(query['match[version]'] ? { versions: list(String(query['match[version]'])) } : {}),
    ...(query['match[spec_version]'] ? { specVersions: list(String(query['match[spec_version]'])) } : {}),
    ...(query.next ? { next: String(query.next) } : {}),
    limit: Number(query.limit ?? 100),
    ...forced,
  });

  /** A page as TAXII sends it, with the first and last time added of what it holds in the headers. */
  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    cid: string,
    filter: ObjectFilter,
    /** Each item as JSON text: an object as it was stored, byte for byte, or what the manifest says of it. */
    shape: (o: StoredObject) => string,
    key: string,
    /** One object's page: none there (or none the reader may have) is a 404, as section 5.5 says. */
    single = false,
  ) {
    await collection(cid);
    const found = await pageObjects(db, cid, filter);
    const objects = await admitted(request, found.objects);
    if (single && objects.length === 0 && !filter.next) throw notFound('object');
    if (objects.length > 0)
      reply.header('x-taxii-date-added-first', objects[0]!.addedAt).header('x-taxii-date-added-last', objects.at(-1)!.addedAt);
    // Spliced, not parsed and written again: a page of a thousand objects is most of the work otherwise.
    const head = JSON.stringify({ more: found.more, ...(found.next ? { next: found.next } : {}) }).slice(0, -1);
    const items = objects.length > 0 ? `,${JSON.stringify(key)}:[${objects.map(shape).join(',')}]` : '';
    return reply.code(200).type(TAXII_MEDIA_TYPE).send(`${head}${items}}`);
  }

  app.get('/taxii2/', { ...read, schema: taxii('TAXII discovery') }, async (request, reply) => {
    const base = `${request.protocol}://${request.host}`;
    return send(reply, {
      title: 'Vakt TAXII 2.1',
      description: "The team's shared intelligence",
      default: `${base}${ROOT}`,
      api_roots: [`${base}${ROOT}`],
    });
  });

  app.get(ROOT, { ...read, schema: taxii('The API root') }, async (_request, reply) =>
    send(reply, { title: 'Vakt', versions: [TAXII_MEDIA_TYPE], max_content_length: STIX_MAX_BYTES }),
  );

  app.get(`${ROOT}collections/`, { ...read, schema: taxii('The collections') }, async (_request, reply) => {
    const rows = await db.selectFrom('taxii_collections').select('id').orderBy('created_at').limit(1000).execute();
    return send(reply, { collections: await Promise.all(rows.map((r) => collection(r.id))) });
  });

  app.get(`${ROOT}collections/:cid/`, { ...read, schema: { ...taxii('One collection'), params: Collection } }, async (request, reply) =>
    send(reply, await collection(request.params.cid)),
  );

  app.get(
    `${ROOT}collections/:cid/objects/`,
    {
      ...read,
      schema: {
        ...taxii('The objects of a collection, oldest added first, a page at a time'),
        params: Collection,
        querystring: MatchQuery,
      },
    },
    async (request, reply) => page(request, reply, request.params.cid, filterOf(request.query), (o) => o.object, 'objects'),
  );

  app.get(
    `${ROOT}collections/:cid/manifest/`,
    {
      ...read,
      schema: { ...taxii('What the collection holds: id, time added, version, media type'), params: Collection, querystring: MatchQuery },
    },
    async (request, reply) =>
      page(
        request,
        reply,
        request.params.cid,
        filterOf(request.query),
        (o) =>
          JSON.stringify({
            id: o.id,
            date_added: o.addedAt,
            version: o.version,
            media_type: `application/stix+json;version=${o.specVersion}`,
          }),
        'objects',
      ),
  );

  app.get(
    `${ROOT}collections/:cid/objects/:oid/`,
    {
      ...read,
      schema: { ...taxii('One object (its newest version unless match[version] says)'), params: ObjectParams, querystring: MatchQuery },
    },
    async (request, reply) =>
      page(request, reply, request.params.cid, filterOf(request.query, { ids: [request.params.oid] }), (o) => o.object, 'objects', true),
  );

  app.get(
    `${ROOT}collections/:cid/objects/:oid/versions/`,
    { ...read, schema: { ...taxii('The versions of one object'), params: ObjectParams, querystring: MatchQuery } },
    async (request, reply) =>
      page(
        request,
        reply,
        request.params.cid,
        filterOf(request.query, { ids: [request.params.oid], versions: ['all'] }),
        (o) => JSON.stringify(o.version),
        'versions',
        true,
      ),
  );

  app.post(
    `${ROOT}collections/:cid/objects/`,
    {
      preHandler: requirePermission('reports:submit'),
      bodyLimit: STIX_MAX_BYTES,
      schema: {
        ...taxii('Add objects (an envelope); answered with a status resource'),
        params: Collection,
        response: { 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      if (!/^application\/taxii\+json/i.test(request.headers['content-type'] ?? ''))
        throw new VaktError('unsupported-media-type', `a TAXII envelope is sent as ${TAXII_MEDIA_TYPE}`);
      await collection(request.params.cid);
      const envelope = (request.body ?? {}) as { objects?: unknown };
      if (!Array.isArray(envelope.objects))
        throw new ValidationError([{ field: 'objects', reason: 'an envelope holds a list of objects' }]);
      const objects = envelope.objects.map((o) => (o && typeof o === 'object' ? (o as Record<string, unknown>) : {}));
      const actor = actorOf(principal(request));
      const outcome = await db.transaction().execute(async (trx) => {
        const added = await addObjects(trx, request.params.cid, objects, actor);
        const status = await trx
          .insertInto('taxii_status')
          .values({
            collection_id: request.params.cid,
            successes: JSON.stringify(added.successes),
            failures: JSON.stringify(added.failures),
            created_by: actor,
          })
          .returning(['id', 'request_timestamp'])
          .executeTakeFirstOrThrow();
        return { ...added, ...status };
      });
      return send(reply, statusResource(outcome), 202);
    },
  );

  app.get(
    `${ROOT}status/:sid/`,
    { ...read, schema: { ...taxii('The status of a POST'), params: Type.Object({ sid: Type.String({ format: 'uuid' }) }) } },
    async (request, reply) => {
      const row = await db.selectFrom('taxii_status').selectAll().where('id', '=', request.params.sid).executeTakeFirst();
      if (!row || (row.created_by !== actorOf(principal(request)) && principal(request).role === 'constituent')) throw notFound('status');
      return send(reply, statusResource({ ...row, successes: row.successes as never, failures: row.failures as never }));
    },
  );

  app.delete(
    `${ROOT}collections/:cid/objects/:oid/`,
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        ...taxii('Remove an object (every version, or those match[version] names)'),
        params: ObjectParams,
        querystring: MatchQuery,
      },
    },
    async (request, reply) => {
      await collection(request.params.cid);
      const versions = list(request.query['match[version]']);
      let query = db.deleteFrom('taxii_objects').where('collection_id', '=', request.params.cid).where('id', '=', request.params.oid);
      if (versions?.length && !versions.includes('all')) query = query.where('version', 'in', versions);
      await query.execute();
      return reply.code(200).type(TAXII_MEDIA_TYPE).send('');
    },
  );

  // The team's side: making a collection, and putting an incident's objects into one.
  app.get(
    '/api/taxii-collections',
    {
      preHandler: requirePermission('sharing:manage'),
      schema: {
        tags: ['sharing'],
        summary: 'The TAXII collections, oldest first (a team keeps tens of them)',
        response: {
          200: Type.Object({
            collections: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), description: Type.String() })),
          }),
        },
      },
    },
    async () => ({
      collections: await db
        .selectFrom('taxii_collections')
        .select(['id', 'title', 'description'])
        .orderBy('created_at')
        .limit(1000)
        .execute(),
    }),
  );

  app.post(
    '/api/taxii-collections',
    {
      preHandler: requirePermission('sharing:manage'),
      schema: {
        tags: ['sharing'],
        summary: 'Make a TAXII collection',
        body: Type.Object(
          { title: Type.String({ minLength: 1, maxLength: 200 }), description: Type.Optional(Type.String({ maxLength: 2000 })) },
          strict,
        ),
        response: { 201: Type.Object({ id: Type.String() }), 400: Problem },
      },
    },
    async (request, reply) => {
      const row = await db
        .insertInto('taxii_collections')
        .values({ title: request.body.title, description: request.body.description ?? '', created_by: actorOf(principal(request)) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return reply.code(201).send({ id: row.id });
    },
  );

  app.post(
    '/api/taxii-collections/:cid/incidents/:id',
    {
      preHandler: requirePermission('incidents:write'),
      schema: {
        tags: ['sharing'],
        summary:
          "Put an incident's STIX objects (all of them; each reader gets what TLP admits) into a collection, as new versions where they changed",
        params: Type.Object({ ...Collection.properties, id: Type.String({ pattern: '^\\d{1,15}$' }) }),
        response: { 200: Type.Object({ added: Type.Integer() }), 404: Problem },
      },
    },
    async (request) => {
      await collection(request.params.cid);
      const actor = actorOf(principal(request));
      const { bundle } = await exportIncidentStix(db, request.params.id, { recipient: { kind: 'team' }, actor, withIncident: true });
      const { successes } = await db.transaction().execute((trx) => addObjects(trx, request.params.cid, bundle.objects, actor));
      return { added: successes.length };
    },
  );
};

function statusResource(s: {
  id: string;
  request_timestamp: Date | string;
  successes: Array<{ id: string; version: string }>;
  failures: Array<{ id: string; version: string; message: string }>;
}) {
  return {
    id: s.id,
    status: 'complete',
    request_timestamp: new Date(s.request_timestamp).toISOString(),
    total_count: s.successes.length + s.failures.length,
    success_count: s.successes.length,
    successes: s.successes,
    failure_count: s.failures.length,
    failures: s.failures,
    pending_count: 0,
    pendings: [],
  };
}
