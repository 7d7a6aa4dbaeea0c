/**
 * A peer team in the CSIRT directory: what the co-operation report's inventory records (country,
 * type, sectors served and how well, services, memberships) plus what an RFC 2350 document states
 * and our own trust in the team. One schema serves the API, the CLI import and the RFC 2350 parser.
 */
import { Type, type Static } from 'typebox';
import { WEEKDAYS } from '../core/business-hours.js';
import { TLP_LABELS } from '../core/tlp.js';
import { StringEnum, strict } from '../core/validate.js';

export {
  COVERAGE_LABELS,
  COVERAGE_LEVELS,
  MEMBERSHIP_BODIES,
  SECTOR_LABELS,
  SECTORS,
  TEAM_TYPES,
  TI_STATUSES,
  TRUST_LEVELS,
  type Coverage,
  type MembershipBody,
  type Sector,
  type TeamType,
  type TrustLevel,
} from './vocabulary.js';
import { COVERAGE_LEVELS, MEMBERSHIP_BODIES, SECTORS, TEAM_TYPES, TRUST_LEVELS } from './vocabulary.js';

const Text = (max = 20_000) => Type.String({ maxLength: max });
const Line = (max = 500) => Type.String({ minLength: 1, maxLength: max });
const Url = Type.String({ format: 'uri', maxLength: 2000 });
const Day = Type.String({ format: 'date' });

const TimeRange = Type.Object({ start: Type.String({ maxLength: 5 }), end: Type.String({ maxLength: 5 }) }, strict);
const WeeklyHours = Type.Object(Object.fromEntries(WEEKDAYS.map((day) => [day, Type.Array(TimeRange, { maxItems: 6 })])), strict);

export const SectorCoverageSchema = Type.Object(
  { sector: StringEnum(SECTORS), coverage: StringEnum(COVERAGE_LEVELS), note: Type.Optional(Text(500)) },
  strict,
);

export const MembershipSchema = Type.Object(
  {
    body: StringEnum(MEMBERSHIP_BODIES),
    /** For "Other" and national forums: which one ("Swedish CERT-forum"). */
    name: Type.Optional(Line(200)),
    /** Trusted Introducer: listed, accredited or certified. FIRST: full member or liaison. */
    status: Type.Optional(Line(100)),
    since: Type.Optional(Day),
    url: Type.Optional(Url),
  },
  strict,
);

export const PeerTeamSchema = Type.Object(
  {
    name: Line(200),
    shortName: Type.Optional(Line(50)),
    /** ISO 3166-1 alpha-2, or INT for a team of no single country (its region says which). */
    country: Type.String({ pattern: '^(?:[A-Z]{2}|INT)$' }),
    /** The region a regional or international team serves ("Central Asia", "European Union"). */
    region: Type.Optional(Line(200)),
    hostOrganisation: Type.Optional(Line(300)),
    type: StringEnum(TEAM_TYPES),
    /** The team acts as its country's national point of contact. */
    nationalPointOfContact: Type.Optional(Type.Boolean()),
    sectors: Type.Array(SectorCoverageSchema, { maxItems: SECTORS.length }),
    /** FIRST CSIRT Services Framework v2.1 names (service areas or services). */
    services: Type.Array(Line(200), { maxItems: 100, uniqueItems: true }),
    memberships: Type.Array(MembershipSchema, { maxItems: 20 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    telephone: Type.Array(
      Type.Object({ label: Type.Optional(Line(100)), number: Type.String({ pattern: '^\\+?[0-9 ()./-]{3,30}$' }) }, strict),
      {
        maxItems: 10,
      },
    ),
    contacts: Type.Array(
      Type.Object(
        {
          role: Type.Optional(Line(100)),
          name: Type.Optional(Line(200)),
          email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
          phone: Type.Optional(Line(40)),
          note: Type.Optional(Text(1000)),
        },
        strict,
      ),
      { maxItems: 50 },
    ),
    pgpKeys: Type.Array(
      Type.Object(
        {
          fingerprint: Type.Optional(Type.String({ pattern: '^[0-9A-F]{40}$|^[0-9A-F]{64}$' })),
          keyId: Type.Optional(Type.String({ pattern: '^[0-9A-F]{8,16}$' })),
          userId: Type.Optional(Line(300)),
          url: Type.Optional(Url),
        },
        strict,
      ),
      { maxItems: 10 },
    ),
    website: Type.Optional(Url),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    operatingHours: Type.Optional(WeeklyHours),
    operatingHoursNote: Type.Optional(Text(2000)),
    rfc2350: Type.Optional(Type.Object({ url: Type.Optional(Url), date: Type.Optional(Day), version: Type.Optional(Line(50)) }, strict)),
    /** The rest of an RFC 2350 description, as the team wrote it. */
    description: Type.Optional(
      Type.Object(
        {
          changes: Type.Optional(Type.Array(Type.Object({ date: Day, version: Line(50), comment: Text(2000) }, strict), { maxItems: 200 })),
          distributionList: Type.Optional(Text()),
          authentication: Type.Optional(Text()),
          addresses: Type.Optional(Type.Array(Type.Object({ label: Line(100), text: Line(1000) }, strict), { maxItems: 10 })),
          timeZoneNote: Type.Optional(Text(2000)),
          fax: Type.Optional(Text(1000)),
          otherTelecommunication: Type.Optional(Text()),
          emailNote: Type.Optional(Text()),
          encryption: Type.Optional(Text()),
          teamMembers: Type.Optional(Text()),
          otherInformation: Type.Optional(Text()),
          pointsOfCustomerContact: Type.Optional(Text()),
          mission: Type.Optional(Text()),
          constituency: Type.Optional(Text()),
          sponsorship: Type.Optional(Text()),
          authority: Type.Optional(Text()),
          incidentTypes: Type.Optional(Text()),
          cooperation: Type.Optional(Text()),
          communication: Type.Optional(Text()),
          tlp: Type.Optional(
            Type.Object(
              {
                labels: Type.Array(StringEnum(TLP_LABELS), { uniqueItems: true }),
                default: Type.Optional(StringEnum(TLP_LABELS)),
                policy: Type.Optional(Text()),
              },
              strict,
            ),
          ),
          servicesIntroduction: Type.Optional(Text()),
          serviceSections: Type.Optional(
            Type.Array(Type.Object({ number: Type.Optional(Line(20)), title: Line(200), text: Text() }, strict), { maxItems: 100 }),
          ),
          reportingForms: Type.Optional(Text()),
          disclaimers: Type.Optional(Text()),
        },
        strict,
      ),
    ),
    trust: Type.Optional(
      Type.Object({ level: StringEnum(TRUST_LEVELS), lastVerified: Type.Optional(Day), note: Type.Optional(Text(2000)) }, strict),
    ),
  },
  strict,
);
export type PeerTeam = Static<typeof PeerTeamSchema>;

export const StoredTeamSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  team: PeerTeamSchema,
});
export type StoredTeam = Static<typeof StoredTeamSchema>;

/** The JSON that `vakt directory export` writes and peers running Vakt import. */
export const DIRECTORY_FORMAT = 'vakt-directory';
export const DirectoryFileSchema = Type.Object({
  format: Type.Literal(DIRECTORY_FORMAT),
  version: Type.Literal(1),
  exportedAt: Type.Optional(Type.String()),
  teams: Type.Array(PeerTeamSchema, { maxItems: 20_000 }),
});
export type DirectoryFile = Static<typeof DirectoryFileSchema>;
