/**
 * The team profile: every field of an RFC 2350 description (sections 1 to 7) plus what Vakt
 * needs to run the team (short name for subject tags, holiday policy, default TLP, security.txt).
 * The same schema validates the API, `vakt profile import` and the web form.
 */
import { Type, type Static } from 'typebox';
import { HOLIDAY_TYPES, WEEKDAYS } from '../core/business-hours.js';
import { TLP_LABELS } from '../core/tlp.js';
import { StringEnum, strict } from '../core/validate.js';
import { SectorCoverageSchema, TEAM_TYPES } from '../directory/schema.js';
import { RetentionSchema } from '../retention/policy.js';

const Text = (max = 20_000) => Type.String({ maxLength: max });
const Line = (max = 500) => Type.String({ minLength: 1, maxLength: max });
const Url = Type.String({ format: 'uri', maxLength: 2000 });

const TimeRange = Type.Object({ start: Type.String({ maxLength: 5 }), end: Type.String({ maxLength: 5 }) }, strict);
const WeeklyHours = Type.Object(
  Object.fromEntries(WEEKDAYS.map((day) => [day, Type.Array(TimeRange, { maxItems: 6 })])) as Record<
    (typeof WEEKDAYS)[number],
    ReturnType<typeof Type.Array<typeof TimeRange>>
  >,
  strict,
);

export const ProfileSchema = Type.Object(
  {
    document: Type.Object(
      {
        version: Line(50),
        lastUpdated: Type.String({ format: 'date' }),
        changes: Type.Optional(
          Type.Array(Type.Object({ date: Type.String({ format: 'date' }), version: Line(50), comment: Text(2000) }, strict), {
            maxItems: 200,
          }),
        ),
        distributionList: Type.Optional(Text()),
        locations: Type.Array(Url, { maxItems: 20 }),
        authentication: Type.Optional(Text()),
      },
      strict,
    ),
    team: Type.Object(
      {
        name: Line(200),
        /** Used in subject tags such as "[CERT-STHLM #1234]". */
        shortName: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,19}$' }),
        hostOrganisation: Type.Optional(Line(200)),
        /** ISO 3166-1 alpha-2, or INT for a regional or international team (the region says which). */
        country: Type.String({ pattern: '^(?:[A-Z]{2}|INT)$' }),
        region: Type.Optional(Line(200)),
      },
      strict,
    ),
    addresses: Type.Array(Type.Object({ label: Line(100), text: Line(1000) }, strict), { maxItems: 10 }),
    timeZone: Type.String({ minLength: 1, maxLength: 64 }),
    timeZoneNote: Type.Optional(Text(2000)),
    telephone: Type.Array(
      Type.Object({ label: Type.Optional(Line(100)), number: Type.String({ pattern: '^\\+?[0-9 ()./-]{3,30}$' }) }, strict),
      { maxItems: 10 },
    ),
    fax: Type.Optional(Text(500)),
    otherTelecommunication: Type.Optional(Text()),
    email: Type.Object({ address: Type.String({ format: 'email', maxLength: 254 }), note: Type.Optional(Text()) }, strict),
    encryption: Type.Object(
      {
        keys: Type.Array(
          Type.Object(
            {
              fingerprint: Type.Optional(Type.String({ pattern: '^[0-9A-Fa-f ]{16,60}$' })),
              userId: Type.Optional(Line(300)),
              url: Type.Optional(Url),
            },
            strict,
          ),
          { maxItems: 10 },
        ),
        note: Type.Optional(Text()),
      },
      strict,
    ),
    teamMembers: Text(),
    otherInformation: Type.Optional(Text()),
    memberships: Type.Array(
      Type.Object(
        {
          organisation: Line(100),
          status: Type.Optional(Line(100)),
          since: Type.Optional(Type.String({ format: 'date' })),
          url: Type.Optional(Url),
        },
        strict,
      ),
      { maxItems: 20 },
    ),
    pointsOfCustomerContact: Type.Optional(Text()),
    operatingHours: WeeklyHours,
    operatingHoursNote: Type.Optional(Text(2000)),
    holidays: Type.Object(
      {
        country: Type.String({ pattern: '^[A-Z]{2}$' }),
        region: Type.Optional(Type.String({ maxLength: 10 })),
        closedOn: Type.Array(StringEnum(HOLIDAY_TYPES), { uniqueItems: true }),
        extraClosedDates: Type.Optional(Type.Array(Type.String({ format: 'date' }), { maxItems: 366 })),
      },
      strict,
    ),
    charter: Type.Object({ mission: Text(), constituency: Text(), sponsorship: Text(), authority: Text() }, strict),
    policies: Type.Object({ incidentTypes: Text(), cooperation: Text(), communication: Text() }, strict),
    tlp: Type.Object({ default: StringEnum(TLP_LABELS), policy: Type.Optional(Text()) }, strict),
    services: Type.Object(
      {
        framework: Type.Array(Line(200), { maxItems: 100, uniqueItems: true }),
        introduction: Type.Optional(Text()),
        sections: Type.Array(Type.Object({ title: Line(200), text: Text() }, strict), { maxItems: 50 }),
      },
      strict,
    ),
    reportingForms: Text(),
    disclaimers: Text(),
    securityTxt: Type.Object(
      {
        /** Extra contacts beyond the team e-mail and telephone (URIs: mailto:, tel:, https:). */
        contacts: Type.Optional(Type.Array(Url, { maxItems: 10 })),
        /** A fixed expiry; without it, security.txt expires 180 days after it is served. */
        expires: Type.Optional(Type.String({ format: 'date-time' })),
        preferredLanguages: Type.Array(Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$' }), { maxItems: 10 }),
        policy: Type.Optional(Url),
        acknowledgments: Type.Optional(Url),
        hiring: Type.Optional(Url),
      },
      strict,
    ),
    /** How the team describes itself in CSIRT directories (see `vakt directory export --own`). */
    directory: Type.Optional(
      Type.Object(
        {
          type: StringEnum(TEAM_TYPES),
          nationalPointOfContact: Type.Optional(Type.Boolean()),
          sectors: Type.Array(SectorCoverageSchema, { maxItems: 10 }),
        },
        strict,
      ),
    ),
    /** Whom `vakt lookup` names when neither the constituency nor the RIPE data owns an address. */
    nationalPointOfContact: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 200 }),
          email: Type.String({ format: 'email', maxLength: 254 }),
          telephone: Type.Optional(Type.String({ maxLength: 50 })),
          url: Type.Optional(Url),
        },
        strict,
      ),
    ),
    /** How many days each kind of personal data is kept (src/retention); a kind left out is kept. */
    retention: Type.Optional(RetentionSchema),
    /** The team's own CSAF advisories: how their tracking ids are made ({team}, {year}, {seq}), when to remind. */
    advisories: Type.Optional(
      Type.Object(
        {
          trackingIdPattern: Type.Optional(
            Type.String({
              minLength: 5,
              maxLength: 60,
              pattern: '^[A-Za-z0-9{][A-Za-z0-9{}_.:-]*\\{seq\\}[A-Za-z0-9{}_.:-]*$',
            }),
          ),
          /** Days after which an organisation told of an advisory that has not answered is reminded, once. */
          reminderDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
        },
        strict,
      ),
    ),
    /** Where Vakt is published (https://cert.example.org): used for Canonical and links. */
    publicUrl: Type.Optional(Url),
  },
  strict,
);

export type TeamProfile = Static<typeof ProfileSchema>;
