/** The constituency as data: organisations with what they own and whom to tell. */
import { Type, type Static } from 'typebox';
import { TLP_LABELS } from '../core/tlp.js';
import { StringEnum, strict } from '../core/validate.js';

export const CATEGORIES = ['municipality', 'department', 'company', 'foundation', 'supplier', 'other'] as const;
export const CONTACT_ROLES = ['security', 'abuse', 'technical', 'management', 'other'] as const;
export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const Line = (max = 200) => Type.String({ maxLength: max });

export const ContactSchema = Type.Object(
  {
    role: StringEnum(CONTACT_ROLES),
    name: Type.Optional(Line()),
    email: Type.String({ format: 'email', maxLength: 254 }),
    phone: Type.Optional(Line(50)),
    /** An armoured public key: stored in the key store, used to encrypt notifications. */
    pgpKey: Type.Optional(Type.String({ maxLength: 100_000 })),
    /** Set by Vakt from the stored key. */
    pgpFingerprint: Type.Optional(Type.String({ pattern: '^[0-9A-F]{40,64}$' })),
    language: Type.Optional(StringEnum(LANGUAGES)),
    /** Whether early-warning notifications go to this contact (default yes). */
    notify: Type.Optional(Type.Boolean()),
  },
  strict,
);
export type Contact = Static<typeof ContactSchema>;

export const NetblockSchema = Type.Object({ prefix: Line(60), description: Type.Optional(Line()) }, strict);

export const OrganisationSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    shortName: Type.Optional(Line(50)),
    category: Type.Optional(StringEnum(CATEGORIES)),
    /** The parent organisation's id (API) or name (import files). */
    parent: Type.Optional(Type.Union([Type.Null(), Line()])),
    tags: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,39}$' }), { maxItems: 30 })),
    /** The most restrictive TLP label the organisation is cleared to receive. */
    tlpClearance: Type.Optional(StringEnum(TLP_LABELS)),
    notes: Type.Optional(Type.String({ maxLength: 10_000 })),
    netblocks: Type.Optional(Type.Array(NetblockSchema, { maxItems: 10_000 })),
    asns: Type.Optional(Type.Array(Type.Integer({ minimum: 0, maximum: 4294967295 }), { maxItems: 1000 })),
    domains: Type.Optional(Type.Array(Line(253), { maxItems: 1000 })),
    contacts: Type.Optional(Type.Array(ContactSchema, { maxItems: 100 })),
    /** The product inventory: CPE (2.2 or 2.3) and purl identifiers of what the organisation runs. */
    products: Type.Optional(Type.Array(Type.String({ minLength: 5, maxLength: 1000 }), { maxItems: 1000 })),
  },
  strict,
);
export type OrganisationInput = Static<typeof OrganisationSchema>;

export const StoredOrganisationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  version: Type.Integer(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  category: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  kind: Type.String(),
  tags: Type.Array(Type.String()),
  tlpClearance: StringEnum(TLP_LABELS),
  notes: Type.String(),
  netblocks: Type.Array(Type.Object({ prefix: Type.String(), description: Type.String() })),
  asns: Type.Array(Type.Integer()),
  domains: Type.Array(Type.String()),
  products: Type.Array(Type.String()),
  contacts: Type.Array(
    Type.Object({
      id: Type.String(),
      role: Type.String(),
      name: Type.String(),
      email: Type.String(),
      phone: Type.String(),
      pgpFingerprint: Type.Union([Type.String(), Type.Null()]),
      language: Type.String(),
      notify: Type.Boolean(),
    }),
  ),
});
export type StoredOrganisation = Static<typeof StoredOrganisationSchema>;
