/**
 * An incident as a STIX 2.1 bundle: the team's identity, the incident's observables as cyber
 * observables (with the deterministic ids of the specification), an indicator with a STIX pattern
 * for each observable marked as an indicator of compromise and a sighting of it for the incident's
 * reports that named it, and — when asked — the incident as a report over them. Each object carries the OASIS TLP 2.0 marking of the item it comes from.
 *
 * What goes in passes the egress gate first (channel `export:stix`): for a peer team, its sharing
 * profile decides the highest label and the kinds of item; what is left out is named with the
 * reason. The bundle is validated against the official schemas before it is handed over; one that
 * fails is an error, not a file.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { VaktError } from '../core/errors.js';
import type { TlpLabel } from '../core/tlp.js';
import type { Schema } from '../db/schema.js';
import { getProfile } from '../profile/service.js';
import { sharedItems, type LeftOut, type Observable, type ShareOptions, type SharedKind } from './shared-items.js';
import type { Replacement } from './pseudonymise.js';
import { derivedId, scoId } from './stix-ids.js';
import { stixBundleIssues, stixObjectIssues } from './stix-validate.js';
import { STIX_TLP2_IDS, stixTlpMarking } from './tlp-encodings.js';

export interface StixExport {
  bundle: { type: 'bundle'; id: string; objects: Array<Record<string, unknown>> };
  /** The label the bundle as a whole must carry: the most restrictive of what it holds. */
  included: Array<{ kind: SharedKind; id: string; what: string; stixId: string; tlp: TlpLabel }>;
  left: LeftOut[];
  /** What pseudonymisation changed, before and after (a peer's profile only). */
  replacements: Replacement[];
}

/** The observable as a cyber-observable object, and the pattern that finds it; undefined for kinds STIX has no object for. */
function observableObject(o: Observable): { object: Record<string, unknown>; pattern: string } | undefined {
  const quoted = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const simple: Record<string, string> = { ipv4: 'ipv4-addr', ipv6: 'ipv6-addr', domain: 'domain-name', url: 'url', email: 'email-addr' };
  const hashes: Record<string, string> = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256' };
  const type = simple[o.kind];
  if (type) {
    const id = scoId(type, { value: o.value });
    return { object: { type, spec_version: '2.1', id, value: o.value }, pattern: `[${type}:value = ${quoted(o.value)}]` };
  }
  const algorithm = hashes[o.kind];
  if (algorithm) {
    const value = o.value.toLowerCase();
    return {
      object: { type: 'file', spec_version: '2.1', id: scoId('file', { hashes: { [algorithm]: value } }), hashes: { [algorithm]: value } },
      pattern: `[file:hashes.'${algorithm}' = ${quoted(value)}]`,
    };
  }
  return undefined;
}

export async function exportIncidentStix(db: Kysely<Schema>, incidentId: string, options: ShareOptions): Promise<StixExport> {
  const {
    incident,
    items: shared,
    left,
    replacements,
  } = await sharedItems(db, incidentId, {
    ...options,
    channel: options.channel ?? 'export:stix',
    // A value STIX cannot carry (a URL that is no URI) is left out here rather than spoiling the bundle.
    unusable: (o) => {
      const stix = observableObject(o);
      if (!stix) return `STIX 2.1 has no object for an observable of kind ${o.kind}`;
      // Checked here as it will be sent, marking and all, so the bundle's check need not see it again.
      const issue = stixObjectIssues({ ...stix.object, object_marking_refs: [STIX_TLP2_IDS[o.tlp as TlpLabel]] })[0];
      return issue ? `not valid as STIX 2.1 ${String(stix.object.type)}: ${issue.field} ${issue.reason}` : undefined;
    },
  });
  const profile = (await getProfile(db))?.profile;
  const teamName = profile?.team.name ?? 'Vakt';
  const identityId = derivedId('identity', 'team', profile?.publicUrl ?? teamName);
  const stamp = (d: Date | string) => new Date(d).toISOString();
  const now = stamp(new Date());
  const marking = (tlp: TlpLabel) => ({ object_marking_refs: [STIX_TLP2_IDS[tlp]] });
  const objects: Array<Record<string, unknown>> = [];
  const included: StixExport['included'] = [];
  for (const c of shared) {
    if (c.kind === 'incident') continue;
    const { object, pattern } = observableObject(c.observable!)!;
    const created = stamp(c.observable!.created_at);
    if (c.kind === 'observable') {
      objects.push({ ...object, ...marking(c.tlp) });
      included.push({ kind: c.kind, id: c.id, what: c.what, stixId: String(object.id), tlp: c.tlp });
      continue;
    }
    const indicatorId = derivedId('indicator', identityId, incident.id, pattern);
    objects.push({
      type: 'indicator',
      spec_version: '2.1',
      id: indicatorId,
      created_by_ref: identityId,
      created,
      modified: created,
      name: c.observable!.value,
      ...(c.observable!.description ? { description: c.observable!.description } : {}),
      indicator_types: ['malicious-activity'],
      pattern,
      pattern_type: 'stix',
      valid_from: created,
      ...marking(c.tlp),
    });
    objects.push({
      type: 'relationship',
      spec_version: '2.1',
      id: derivedId('relationship', indicatorId, 'based-on', String(object.id)),
      created_by_ref: identityId,
      created,
      modified: created,
      relationship_type: 'based-on',
      source_ref: indicatorId,
      target_ref: object.id,
      ...marking(c.tlp),
    });
    included.push({ kind: c.kind, id: c.id, what: c.what, stixId: indicatorId, tlp: c.tlp });
    const sightings = c.sightings ?? [];
    if (sightings.length > 0)
      objects.push({
        type: 'sighting',
        spec_version: '2.1',
        id: derivedId('sighting', indicatorId),
        created_by_ref: identityId,
        created: stamp(sightings[0]!),
        modified: stamp(sightings.at(-1)!),
        first_seen: stamp(sightings[0]!),
        last_seen: stamp(sightings.at(-1)!),
        count: sightings.length,
        sighting_of_ref: indicatorId,
        where_sighted_refs: [identityId],
        ...marking(c.tlp),
      });
  }
  const report = shared.find((c) => c.kind === 'incident');
  if (report && objects.length > 0) {
    const reportId = derivedId('report', identityId, incident.id);
    objects.push({
      type: 'report',
      spec_version: '2.1',
      id: reportId,
      created_by_ref: identityId,
      created: stamp(incident.opened_at),
      modified: now,
      name: incident.title,
      ...(incident.description ? { description: incident.description } : {}),
      report_types: ['incident'],
      published: now,
      object_refs: objects.map((o) => o.id),
      ...(incident.rsit_class ? { labels: [`rsit:${incident.rsit_class}${incident.rsit_type ? `="${incident.rsit_type}"` : ''}`] } : {}),
      ...marking(report.tlp),
    });
    included.push({ kind: 'incident', id: incident.id, what: report.what, stixId: reportId, tlp: report.tlp });
  } else if (report)
    left.push({ kind: 'incident', id: incident.id, what: report.what, reason: 'a report needs at least one object to refer to' });

  const labels = [...new Set(included.map((i) => i.tlp))];
  const identity = {
    type: 'identity',
    spec_version: '2.1',
    id: identityId,
    created: '2020-01-01T00:00:00.000Z',
    modified: '2020-01-01T00:00:00.000Z',
    name: teamName,
    identity_class: 'organization',
    sectors: ['technology'],
    ...(profile?.email.address ? { contact_information: profile.email.address } : {}),
    ...marking('CLEAR'),
  };
  const bundle = {
    type: 'bundle' as const,
    id: `bundle--${randomUUID()}`,
    objects: [
      identity,
      ...(['CLEAR', ...labels] as TlpLabel[]).filter((l, i, all) => all.indexOf(l) === i).map(stixTlpMarking),
      ...objects,
    ],
  };
  const checked = new Set(included.filter((i) => i.kind === 'observable').map((i) => i.stixId));
  const issues = stixBundleIssues({ ...bundle, objects: bundle.objects.filter((o) => !checked.has(String(o.id))) });
  if (issues.length > 0)
    throw new VaktError('internal', `the STIX bundle fails the official schemas: ${issues[0]!.field}: ${issues[0]!.reason}`);
  return { bundle, included, left, replacements };
}
