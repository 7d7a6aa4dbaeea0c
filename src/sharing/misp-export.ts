/**
 * An incident as a MISP event (the MISP core format): one attribute per observable, with the MISP
 * type and category of its kind (a URL as MISP's url object, its parts beside it), `to_ids` for indicators, its own `tlp:` tag; the event's tags say
 * its TLP, PAP and RSIT class; MISP's distribution follows from TLP. The event's uuid is derived
 * from the team and the incident, and its timestamp moves with each export, so a MISP instance
 * updates the same event in place instead of adding a second one. What goes in passes the egress
 * gate (channel `export:misp`), as for STIX; the event is validated against the MISP JSON schema.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import type { Kysely } from 'kysely';
import { Ajv, type ValidateFunction } from 'ajv';
import { VaktError } from '../core/errors.js';
import { mostRestrictive, type TlpLabel } from '../core/tlp.js';
import { issuesOf } from '../core/validate.js';
import { standardsUrl } from '../core/standards-path.js';
import type { Schema } from '../db/schema.js';
import { getProfile } from '../profile/service.js';
import { sharedItems, type LeftOut, type Observable, type ShareOptions } from './shared-items.js';
import { mispTlpTag } from './tlp-encodings.js';
import { vaktUuid } from './stix-ids.js';

/** MISP's type and category for each kind of observable. */
const ATTRIBUTE: Record<string, { type: string; category: string }> = {
  ipv4: { type: 'ip-dst', category: 'Network activity' },
  ipv6: { type: 'ip-dst', category: 'Network activity' },
  domain: { type: 'domain', category: 'Network activity' },
  url: { type: 'url', category: 'Network activity' },
  email: { type: 'email', category: 'Payload delivery' },
  md5: { type: 'md5', category: 'Payload delivery' },
  sha1: { type: 'sha1', category: 'Payload delivery' },
  sha256: { type: 'sha256', category: 'Payload delivery' },
  cve: { type: 'vulnerability', category: 'External analysis' },
  other: { type: 'text', category: 'Other' },
};

/** MISP distribution from TLP: everyone, the recipient's community, or the recipient's organisation. */
const DISTRIBUTION: Record<TlpLabel, string> = { CLEAR: '3', GREEN: '1', AMBER: '0', 'AMBER+STRICT': '0', RED: '0' };

export interface MispExport {
  event: { Event: Record<string, unknown> };
  included: Array<{ kind: string; id: string; what: string; tlp: TlpLabel }>;
  left: LeftOut[];
}

let validate: ValidateFunction | undefined;

function eventIssues(event: unknown) {
  if (!validate) {
    // The schema is draft-04; its `$schema` and `id` are the only draft-04 words it uses.
    const {
      $schema: _schema,
      id: _id,
      ...schema
    } = JSON.parse(readFileSync(standardsUrl('misp/misp-core-format-schema.json'), 'utf8')) as Record<string, unknown>;
    validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  }
  return validate(event) ? [] : issuesOf(validate.errors);
}

const epoch = (d: Date | string) => String(Math.floor(new Date(d).getTime() / 1000));

/** The team as the events it writes name it: its name and the uuid derived from its address. */
export async function mispTeam(db: Kysely<Schema>): Promise<{ team: string; teamUuid: string }> {
  const profile = (await getProfile(db))?.profile;
  const team = profile?.team.name ?? 'Vakt';
  return { team, teamUuid: vaktUuid('organisation', profile?.publicUrl ?? team) };
}

/** An incident's event uuid: the same at every export, so MISP updates the event in place. */
export const mispEventUuid = (teamUuid: string, incidentId: string) => vaktUuid('event', teamUuid, incidentId);

export async function exportIncidentMisp(db: Kysely<Schema>, incidentId: string, options: ShareOptions): Promise<MispExport> {
  const { incident, items, left } = await sharedItems(db, incidentId, {
    ...options,
    channel: options.channel ?? 'export:misp',
    unusable: (o) => (ATTRIBUTE[o.kind] ? undefined : `MISP has no attribute type for an observable of kind ${o.kind}`),
  });
  const { team, teamUuid } = await mispTeam(db);
  const shared = items.filter((i) => i.kind === 'observable');
  const ioc = new Set(items.filter((i) => i.kind === 'indicator').map((i) => i.id));
  const sightings = new Map(items.filter((i) => i.kind === 'indicator' && i.sightings?.length).map((i) => [i.id, i.sightings!]));
  const withIncident = items.some((i) => i.kind === 'incident');
  // The event carries the most restrictive label of what it holds, the incident's own at least when its text is in it.
  const labels = [...shared.map((i) => i.tlp), ...(withIncident ? [incident.tlp as TlpLabel] : [])];
  const eventTlp = labels.reduce<TlpLabel>(mostRestrictive, 'CLEAR');
  const now = new Date();
  const attributeOf = (item: (typeof shared)[number]) => {
    const o = item.observable!;
    const { type, category } = ATTRIBUTE[o.kind]!;
    return {
      uuid: vaktUuid('attribute', teamUuid, o.id),
      type,
      category,
      value: o.value,
      to_ids: ioc.has(o.id),
      distribution: '5',
      timestamp: epoch(o.created_at),
      comment: o.description,
      Tag: [{ name: mispTlpTag(item.tlp) }],
      // Each report of the incident that named the value, as MISP's sightings (type 0: seen).
      ...(sightings.has(o.id)
        ? {
            Sighting: sightings.get(o.id)!.map((at, n) => ({
              uuid: vaktUuid('sighting', teamUuid, o.id, String(n)),
              type: '0',
              date_sighting: epoch(at),
              source: team,
            })),
          }
        : {}),
    };
  };
  // A URL goes as MISP's url object: the address whole, and its parts for peers to correlate on.
  const urls = shared.filter((i) => i.observable!.kind === 'url');
  const attributes = shared.filter((i) => i.observable!.kind !== 'url').map(attributeOf);
  const objects = urls.map((item) => urlObject(attributeOf(item), item.observable!, teamUuid, mispTlpTag(item.tlp)));
  const rsit = incident.rsit_class ? [{ name: `rsit:${incident.rsit_class}${incident.rsit_type ? `="${incident.rsit_type}"` : ''}` }] : [];
  const event = {
    Event: {
      uuid: mispEventUuid(teamUuid, incident.id),
      // An event without the incident's own text is named by its number only.
      info: withIncident ? incident.title : `Indicators of incident ${incident.id} (${team})`,
      date: new Date(incident.opened_at).toISOString().slice(0, 10),
      threat_level_id: '2',
      analysis: '1',
      distribution: DISTRIBUTION[eventTlp],
      published: true,
      timestamp: epoch(now),
      publish_timestamp: epoch(now),
      Orgc: { name: team, uuid: teamUuid },
      Tag: [{ name: mispTlpTag(eventTlp) }, { name: `PAP:${incident.pap.toUpperCase()}` }, ...rsit],
      Attribute: attributes,
      ...(objects.length > 0 ? { Object: objects } : {}),
    },
  };
  const issues = eventIssues(event);
  if (issues.length > 0) throw new VaktError('internal', `the MISP event fails the MISP schema: ${issues[0]!.field}: ${issues[0]!.reason}`);
  return {
    event,
    included: items.map((i) => ({ kind: i.kind, id: i.id, what: i.what, tlp: i.tlp })),
    left,
  };
}

let urlTemplate: { uuid: string; version: number; 'meta-category': string; description: string } | undefined;

/** The url object (MISP's template, shipped) around the URL's attribute: its scheme, host or address, port, path and query beside it. */
function urlObject(
  whole: { uuid: string; timestamp: string; comment: string } & Record<string, unknown>,
  o: Observable,
  teamUuid: string,
  tag: string,
) {
  urlTemplate ??= JSON.parse(readFileSync(standardsUrl('misp/objects/url/definition.json'), 'utf8')) as NonNullable<typeof urlTemplate>;
  const part = (relation: string, type: string, value: string) => ({
    uuid: vaktUuid('attribute', teamUuid, o.id, relation),
    object_relation: relation,
    type,
    category: 'Network activity',
    value,
    to_ids: false,
    distribution: '5',
    timestamp: whole.timestamp,
    Tag: [{ name: tag }],
  });
  const parts: Array<ReturnType<typeof part>> = [];
  try {
    const url = new URL(o.value);
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    parts.push(part('scheme', 'text', url.protocol.replace(/:$/, '')));
    parts.push(isIP(host) ? part('ip', 'ip-dst', host) : part('host', 'hostname', host));
    if (url.port) parts.push(part('port', 'port', url.port));
    if (url.pathname && url.pathname !== '/') parts.push(part('resource_path', 'text', url.pathname));
    if (url.search.length > 1) parts.push(part('query_string', 'text', url.search.slice(1)));
  } catch {
    // Not a URL the parser takes: the address alone.
  }
  return {
    uuid: vaktUuid('object', teamUuid, o.id),
    name: 'url',
    'meta-category': urlTemplate['meta-category'],
    description: urlTemplate.description,
    template_uuid: urlTemplate.uuid,
    template_version: String(urlTemplate.version),
    distribution: '5',
    timestamp: whole.timestamp,
    comment: whole.comment,
    Attribute: [{ ...whole, object_relation: 'url' }, ...parts],
  };
}
