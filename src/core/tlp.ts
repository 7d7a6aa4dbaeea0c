/**
 * Traffic Light Protocol 2.0 (https://www.first.org/tlp/).
 *
 * This module is the single place that decides whether information may reach a recipient.
 * Every export, mail, notification and API response asks `mayReceive`; nothing else may
 * re-implement the rules.
 */
import { ValidationError } from './errors.js';

export const TLP_LABELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type TlpLabel = (typeof TLP_LABELS)[number];

/** The label TLP 2.0 gives information that arrives unlabelled, unless the team profile says otherwise. */
export const DEFAULT_TLP: TlpLabel = 'AMBER+STRICT';

/** Higher is more restrictive. */
const RANK: Record<TlpLabel, number> = { CLEAR: 0, GREEN: 1, AMBER: 2, 'AMBER+STRICT': 3, RED: 4 };

export function isTlpLabel(value: unknown): value is TlpLabel {
  return typeof value === 'string' && (TLP_LABELS as readonly string[]).includes(value);
}

/** What information received without a label is handled as: the team profile's default, else DEFAULT_TLP. */
export function unlabelledTlpOf(profile: { tlp: { default: string } } | undefined): TlpLabel {
  return profile && isTlpLabel(profile.tlp.default) ? profile.tlp.default : DEFAULT_TLP;
}

/** The more restrictive of two labels: what a combination of items must carry. */
export function mostRestrictive(a: TlpLabel, b: TlpLabel): TlpLabel {
  return RANK[a] >= RANK[b] ? a : b;
}

export function formatTlp(label: TlpLabel): string {
  return `TLP:${label}`;
}

/*
 * What people write: "TLP:AMBER+STRICT", "TLP: amber", "[TLP:RED]", "tlp:amber + strict",
 * "TLP:WHITE" (TLP 1.0's name for CLEAR). The colon is required so that prose such as
 * "the red team" is never read as a label.
 */
const TLP_PATTERN = /\bTLP\s*:\s*(CLEAR|WHITE|GREEN|AMBER(?:\s*\+\s*STRICT)?|RED)\b/gi;
const TLP_ANY = /\bTLP\s*:\s*([^\s\])>,;]*)/i;

function normalise(word: string): TlpLabel {
  const upper = word.toUpperCase().replace(/\s+/g, '');
  return upper === 'WHITE' ? 'CLEAR' : (upper as TlpLabel);
}

/**
 * Parses one label as a person writes it. Throws a ValidationError naming the allowed labels
 * for anything else.
 */
export function parseTlp(input: string, field = 'tlp'): TlpLabel {
  const trimmed = input
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .trim();
  const withPrefix = /^TLP\s*:/i.test(trimmed) ? trimmed : `TLP:${trimmed}`;
  const match = new RegExp(`^${TLP_PATTERN.source}$`, 'i').exec(withPrefix);
  if (!match?.[1]) {
    throw new ValidationError([
      {
        field,
        reason: `unknown TLP label "${input.slice(0, 40)}"; allowed: ${TLP_LABELS.map(formatTlp).join(', ')} (TLP:WHITE is read as TLP:CLEAR)`,
      },
    ]);
  }
  return normalise(match[1]);
}

export type TlpFinding = { kind: 'label'; label: TlpLabel; text: string } | { kind: 'none' } | { kind: 'unknown'; text: string };

/**
 * Finds the label in free text (a subject or a body). When several labels appear the most
 * restrictive wins: a forwarded RED excerpt inside an AMBER mail keeps the whole mail RED.
 * A "TLP:" marker with an unknown word is reported, so intake can flag it rather than guess.
 */
export function findTlp(text: string): TlpFinding {
  let best: { label: TlpLabel; text: string } | undefined;
  for (const match of text.matchAll(TLP_PATTERN)) {
    const label = normalise(match[1] ?? '');
    if (!best || RANK[label] > RANK[best.label]) best = { label, text: match[0] };
  }
  if (best) return { kind: 'label', ...best };
  const unknown = TLP_ANY.exec(text);
  return unknown ? { kind: 'unknown', text: unknown[0] } : { kind: 'none' };
}

/** The label for incoming information: the one it states, else the team's default. */
export function labelOrDefault(texts: readonly string[], teamDefault: TlpLabel): TlpLabel {
  let label: TlpLabel | undefined;
  for (const text of texts) {
    const found = findTlp(text);
    if (found.kind === 'label') label = label ? mostRestrictive(label, found.label) : found.label;
  }
  return label ?? teamDefault;
}

/**
 * How a recipient stands to the organisation that owns an item:
 * - same-organisation: a member of the owning organisation;
 * - client: a client of the owning organisation (TLP:AMBER lets it share with "its clients");
 * - community-peer: a member of the wider community (peer CSIRTs, the constituency);
 * - public: anyone else;
 * - named-individual: a person the item was explicitly addressed to.
 */
export const RECIPIENT_RELATIONS = ['same-organisation', 'client', 'community-peer', 'public', 'named-individual'] as const;
export type RecipientRelation = (typeof RECIPIENT_RELATIONS)[number];

export interface MarkedItem {
  tlp: TlpLabel;
  /** The organisation that owns (originated or holds custody of) the information. */
  ownerOrganisationId: string;
  /** Individuals the item was explicitly addressed to; the only audience of TLP:RED. */
  namedIndividuals?: readonly string[];
}

export interface Recipient {
  /** The relation the caller knows of (from the constituency or directory). */
  relation: Exclude<RecipientRelation, 'named-individual'>;
  organisationId?: string;
  individualId?: string;
  /** The most restrictive label the recipient's organisation is cleared for (constituency data). */
  clearance?: TlpLabel;
}

export interface ReleaseDecision {
  allowed: boolean;
  relation: RecipientRelation;
  reason: string;
}

/** Which relations each label admits. Written as a table so it reads like the TLP 2.0 text. */
const ADMITS: Record<TlpLabel, readonly RecipientRelation[]> = {
  CLEAR: ['same-organisation', 'client', 'community-peer', 'public', 'named-individual'],
  GREEN: ['same-organisation', 'client', 'community-peer', 'named-individual'],
  AMBER: ['same-organisation', 'client', 'named-individual'],
  'AMBER+STRICT': ['same-organisation', 'named-individual'],
  RED: ['named-individual'],
};

const WHY: Record<TlpLabel, string> = {
  CLEAR: 'TLP:CLEAR may be disclosed without restriction',
  GREEN: 'TLP:GREEN is limited to the community, never public',
  AMBER: 'TLP:AMBER is limited to the organisation and its clients, on a need-to-know basis',
  'AMBER+STRICT': 'TLP:AMBER+STRICT is limited to the organisation only, on a need-to-know basis',
  RED: 'TLP:RED is for the named individual recipients only',
};

/**
 * The effective relation. It is derived from the data where the data can say it, so a caller
 * cannot widen an audience by claiming a relation: naming wins, the same organisation id makes
 * "same-organisation", and a claimed "same-organisation" without a matching id is demoted to public.
 */
export function relationOf(item: MarkedItem, recipient: Recipient): RecipientRelation {
  if (recipient.individualId && item.namedIndividuals?.includes(recipient.individualId)) {
    return 'named-individual';
  }
  if (recipient.organisationId && recipient.organisationId === item.ownerOrganisationId) {
    return 'same-organisation';
  }
  if (recipient.relation === 'same-organisation') return 'public';
  return recipient.relation;
}

/** The one function that decides whether a recipient may receive an item. */
export function mayReceive(item: MarkedItem, recipient: Recipient): ReleaseDecision {
  const relation = relationOf(item, recipient);
  const allowed = ADMITS[item.tlp].includes(relation);
  // A person the item names (its source, or whom it was written to) was given it already; an
  // organisation's clearance limits what the team passes on to it, not what it told the team.
  if (allowed && relation !== 'named-individual' && recipient.clearance && RANK[item.tlp] > RANK[recipient.clearance]) {
    return {
      allowed: false,
      relation,
      reason: `the recipient is cleared only up to ${formatTlp(recipient.clearance)}, and this is ${formatTlp(item.tlp)}`,
    };
  }
  return { allowed, relation, reason: `${WHY[item.tlp]}; recipient is ${relation}` };
}
