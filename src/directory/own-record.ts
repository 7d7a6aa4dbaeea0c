/**
 * Our own team as a directory record, so that peers running Vakt can import us as we import them:
 * the profile's RFC 2350 fields, mapped one to one.
 */
import type { TeamProfile } from '../profile/schema.js';
import { guessKind, sectorsFor } from './rfc2350-import.js';
import type { MembershipBody, PeerTeam } from './schema.js';

function bodyOf(organisation: string): { body: MembershipBody; name?: string } {
  const lower = organisation.toLowerCase();
  if (/^first(\.org)?$|forum of incident response/.test(lower)) return { body: 'FIRST' };
  if (/trusted introducer|^ti$/.test(lower)) return { body: 'Trusted Introducer' };
  if (/tf-?csirt/.test(lower)) return { body: 'TF-CSIRT' };
  if (/^egc$|european government/.test(lower)) return { body: 'EGC' };
  if (/forum/.test(lower)) return { body: 'National CERT forum', name: organisation };
  return { body: 'Other', name: organisation };
}

export function ownDirectoryRecord(profile: TeamProfile, publicUrl?: string): PeerTeam {
  const { charter, policies } = profile;
  const type = profile.directory?.type ?? guessKind(charter).type ?? 'internal';
  const rfc2350Url = publicUrl ? `${publicUrl.replace(/\/$/, '')}/rfc2350.txt` : profile.document.locations[0];
  return {
    name: profile.team.name,
    shortName: profile.team.shortName,
    country: profile.team.country,
    ...(profile.team.region ? { region: profile.team.region } : {}),
    ...(profile.team.hostOrganisation ? { hostOrganisation: profile.team.hostOrganisation } : {}),
    type,
    ...(profile.directory?.nationalPointOfContact || type === 'national' ? { nationalPointOfContact: true } : {}),
    sectors: profile.directory?.sectors ?? sectorsFor(type, charter.constituency),
    services: [...profile.services.framework],
    memberships: profile.memberships.map((m) => ({
      ...bodyOf(m.organisation),
      ...(m.status ? { status: /trusted introducer|^ti$/i.test(m.organisation) ? m.status.toLowerCase() : m.status } : {}),
      ...(m.since ? { since: m.since } : {}),
      ...(m.url ? { url: m.url } : {}),
    })),
    email: profile.email.address,
    telephone: profile.telephone.map((t) => ({ ...(t.label ? { label: t.label } : {}), number: t.number })),
    contacts: [],
    pgpKeys: profile.encryption.keys.map((k) => ({
      ...(k.fingerprint ? { fingerprint: k.fingerprint.replace(/\s/g, '').toUpperCase() } : {}),
      ...(k.userId ? { userId: k.userId } : {}),
      ...(k.url ? { url: k.url } : {}),
    })),
    ...(publicUrl ? { website: publicUrl } : {}),
    timeZone: profile.timeZone,
    operatingHours: profile.operatingHours,
    ...(profile.operatingHoursNote ? { operatingHoursNote: profile.operatingHoursNote } : {}),
    rfc2350: { ...(rfc2350Url ? { url: rfc2350Url } : {}), date: profile.document.lastUpdated, version: profile.document.version },
    description: {
      ...(profile.document.changes ? { changes: profile.document.changes } : {}),
      ...(profile.document.distributionList ? { distributionList: profile.document.distributionList } : {}),
      ...(profile.document.authentication ? { authentication: profile.document.authentication } : {}),
      addresses: profile.addresses,
      ...(profile.timeZoneNote ? { timeZoneNote: profile.timeZoneNote } : {}),
      ...(profile.fax ? { fax: profile.fax } : {}),
      ...(profile.otherTelecommunication ? { otherTelecommunication: profile.otherTelecommunication } : {}),
      ...(profile.email.note ? { emailNote: profile.email.note } : {}),
      ...(profile.encryption.note ? { encryption: profile.encryption.note } : {}),
      teamMembers: profile.teamMembers,
      ...(profile.otherInformation ? { otherInformation: profile.otherInformation } : {}),
      ...(profile.pointsOfCustomerContact ? { pointsOfCustomerContact: profile.pointsOfCustomerContact } : {}),
      ...charter,
      ...policies,
      tlp: {
        labels: ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'],
        default: profile.tlp.default,
        ...(profile.tlp.policy ? { policy: profile.tlp.policy } : {}),
      },
      ...(profile.services.introduction ? { servicesIntroduction: profile.services.introduction } : {}),
      serviceSections: profile.services.sections,
      reportingForms: profile.reportingForms,
      disclaimers: profile.disclaimers,
    },
  };
}
