/**
 * The team's CSAF 2.0 provider under /.well-known/csaf (section 7.1): the provider metadata, the
 * team's public key, a folder per TLP label with its year folders, index.txt, changes.csv and
 * directory listings, each document with .sha256, .sha512 and a detached signature .asc, a ROLIE
 * feed per label and the ROLIE service document.
 *
 * TLP:WHITE (TLP:CLEAR) is public. The other folders are read only by someone logged in, and of
 * them only what the egress gate admits for that person: an advisory the gate refuses is not
 * there for them, in listings, feeds and files alike.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../auth/roles.js';
import { VaktError, notFound } from '../core/errors.js';
import { StringEnum } from '../core/validate.js';
import { getProfile, requireProfile } from '../profile/service.js';
import { egress } from '../sharing/egress.js';
import { publicUrlFor } from './authoring-routes.js';
import { CSAF_FOLDERS, providerBaseOf, publicUrlOf, type CsafFolder } from './provider-layout.js';
import { providerMetadata } from './provider-metadata.js';
import { providerDatabase } from './publication-scope.js';
import {
  changesCsv,
  directoryListing,
  hashLine,
  indexTxt,
  lastPublished,
  publishedDocument,
  publishedIn,
  rolieFeed,
  rolieService,
  type PublishedEntry,
} from './provider.js';

const Folder = Type.Object({ folder: StringEnum(CSAF_FOLDERS) });
const csaf = { config: { public: true }, schema: { tags: ['csaf'] } } as const;

export const providerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // While a publication checks itself, its transaction: the provider as it will be (publication-scope.ts).
  const database = () => providerDatabase(app.vakt.database.db);
  /**
   * The team as its provider names it: its address as everywhere (the profile's, else the
   * configured one, else this request's), and its name (before a profile is set up, Vakt's own).
   */
  const team = async (request: FastifyRequest) => {
    const profile = (await getProfile(database()))?.profile;
    const publicUrl = publicUrlOf(profile, publicUrlFor(app.vakt.config.publicUrl, request));
    return { name: profile?.team.name ?? 'Vakt', publicUrl, base: providerBaseOf(publicUrl) };
  };

  /** The advisories of FOLDER this request may read: all of TLP:WHITE; above it, what the gate admits. */
  async function readable(request: FastifyRequest, folder: CsafFolder, file?: string): Promise<PublishedEntry[]> {
    const entries = await publishedIn(database(), folder, file);
    if (folder === 'white') return entries;
    const who = request.principal;
    if (!who)
      throw new VaktError(
        'unauthenticated',
        `TLP:${folder.toUpperCase()} advisories are for those cleared for them: log in or send an API token`,
      );
    const decisions = await egress(database(), {
      channel: 'csaf:provider',
      recipient: { kind: 'user', userId: who.userId },
      items: entries.map((e) => ({ kind: 'advisory', id: e.id, tlp: e.tlp })),
      actor: actorOf(who),
    });
    return entries.filter((_, i) => decisions[i]!.allowed);
  }

  const send = (reply: FastifyReply, folder: CsafFolder | 'public', type: string, body: string) =>
    reply
      .type(type)
      .header('cache-control', folder === 'public' || folder === 'white' ? 'public, max-age=300' : 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  const sendJson = (reply: FastifyReply, folder: CsafFolder | 'public', value: unknown) =>
    send(reply, folder, 'application/json; charset=utf-8', `${JSON.stringify(value, null, 2)}\n`);

  app.get(
    '/.well-known/csaf/provider-metadata.json',
    { ...csaf, schema: { ...csaf.schema, summary: 'CSAF provider metadata' } },
    async (request, reply) => {
      await requireProfile(database());
      const { name, publicUrl, base } = await team(request);
      const key = app.vakt.teamKey;
      return sendJson(
        reply,
        'public',
        providerMetadata({
          base,
          publisher: { category: 'coordinator', name, namespace: publicUrl },
          lastUpdated: (await lastPublished(database())) ?? new Date(0).toISOString(),
          key: key ? { fingerprint: key.fingerprint } : undefined,
        }),
      );
    },
  );

  app.get(
    '/.well-known/csaf/service.json',
    { ...csaf, schema: { ...csaf.schema, summary: 'The ROLIE service document of the CSAF feeds' } },
    async (request, reply) => {
      const { name, base } = await team(request);
      return sendJson(reply, 'public', rolieService(base, name));
    },
  );

  app.get(
    '/.well-known/csaf/openpgp/:file',
    {
      ...csaf,
      schema: {
        ...csaf.schema,
        summary: "The team's public OpenPGP key, which signs every document",
        params: Type.Object({ file: Type.String({ pattern: '^[0-9A-F]{40,64}\\.asc$' }) }),
      },
    },
    async (request, reply) => {
      const key = app.vakt.teamKey;
      if (!key || request.params.file !== `${key.fingerprint}.asc`) throw notFound('key');
      return send(reply, 'public', 'application/pgp-keys', key.publicKey.armor());
    },
  );

  const listFolder = async (request: FastifyRequest, reply: FastifyReply, folder: CsafFolder) => {
    const years = [...new Set((await readable(request, folder)).map((e) => e.path.split('/')[0]!))];
    return send(
      reply,
      folder,
      'text/html; charset=utf-8',
      directoryListing(`/.well-known/csaf/${folder}/`, ['index.txt', 'changes.csv', ...years.map((y) => `${y}/`)]),
    );
  };

  // One route for both: a feed and a folder without its slash sit at the same place in the path.
  app.get(
    '/.well-known/csaf/:name',
    {
      ...csaf,
      schema: {
        ...csaf.schema,
        summary: 'The ROLIE feed of one TLP label (feed-tlp-white.json …), or the directory listing of a TLP folder',
        params: Type.Object({ name: Type.String({ pattern: '^(white|green|amber|red|feed-tlp-(white|green|amber|red)\\.json)$' }) }),
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      if (!name.startsWith('feed-tlp-')) return listFolder(request, reply, name as CsafFolder);
      const folder = name.slice('feed-tlp-'.length, -'.json'.length) as CsafFolder;
      const publisher = await team(request);
      return sendJson(reply, folder, rolieFeed(publisher.base, folder, await readable(request, folder), publisher.name));
    },
  );

  app.get(
    '/.well-known/csaf/:folder/',
    { ...csaf, schema: { ...csaf.schema, summary: 'The directory listing of a TLP folder', params: Folder } },
    async (request, reply) => listFolder(request, reply, request.params.folder),
  );

  app.get(
    '/.well-known/csaf/:folder/index.txt',
    { ...csaf, schema: { ...csaf.schema, summary: 'Every document of a TLP folder', params: Folder } },
    async (request, reply) =>
      send(reply, request.params.folder, 'text/plain; charset=utf-8', indexTxt(await readable(request, request.params.folder))),
  );

  app.get(
    '/.well-known/csaf/:folder/changes.csv',
    {
      ...csaf,
      schema: { ...csaf.schema, summary: 'Every document of a TLP folder with the time of its last change, newest first', params: Folder },
    },
    async (request, reply) =>
      send(reply, request.params.folder, 'text/csv; charset=utf-8', changesCsv(await readable(request, request.params.folder))),
  );

  const Year = Type.Object({ folder: StringEnum(CSAF_FOLDERS), year: Type.String({ pattern: '^\\d{4}$' }) });
  const listYear = async (request: FastifyRequest<{ Params: { folder: CsafFolder; year: string } }>, reply: FastifyReply) => {
    const { folder, year } = request.params;
    const files = (await readable(request, folder)).filter((e) => e.path.startsWith(`${year}/`)).map((e) => e.path.slice(5));
    if (files.length === 0) throw notFound('folder');
    const names = files.flatMap((f) => [f, `${f}.sha256`, `${f}.sha512`, `${f}.asc`]);
    return send(reply, folder, 'text/html; charset=utf-8', directoryListing(`/.well-known/csaf/${folder}/${year}/`, names));
  };
  app.get(
    '/.well-known/csaf/:folder/:year/',
    { ...csaf, schema: { ...csaf.schema, summary: 'The directory listing of a year folder', params: Year } },
    listYear,
  );

  app.get(
    '/.well-known/csaf/:folder/:year/:file',
    {
      ...csaf,
      schema: {
        ...csaf.schema,
        summary: 'A CSAF document, its .sha256 and .sha512, and its detached OpenPGP signature .asc',
        params: Type.Object({ ...Year.properties, file: Type.String({ pattern: '^[+\\-a-z0-9_]+\\.json(\\.sha256|\\.sha512|\\.asc)?$' }) }),
      },
    },
    async (request, reply) => {
      const { folder, year, file } = request.params;
      const [, name, suffix] = /^(.+\.json)(\.sha256|\.sha512|\.asc)?$/.exec(file) ?? [];
      const entry = name ? (await readable(request, folder, name)).find((e) => e.path === `${year}/${name}`) : undefined;
      if (!entry || !name) throw notFound('document');
      const { document, signature } = await publishedDocument(database(), entry.id);
      if (!suffix) return send(reply, folder, 'application/json; charset=utf-8', document);
      if (suffix === '.asc') {
        if (!signature) throw notFound('signature');
        return send(reply, folder, 'application/pgp-signature', signature);
      }
      return send(reply, folder, 'text/plain; charset=utf-8', hashLine(suffix === '.sha256' ? 'sha256' : 'sha512', document, name));
    },
  );
};
