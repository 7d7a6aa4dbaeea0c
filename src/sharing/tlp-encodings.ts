/**
 * One TLP model, every encoding in use. Vakt writes TLP 2.0 as OASIS defines it in STIX (the five
 * marking definitions of the TLP 2.0 extension) and as MISP's `tlp:` tags; it reads whatever its
 * peers' tools write: the OASIS ids, STIX 2.1's TLP 1.0 ids (WHITE read as CLEAR), a statement
 * marking that says `TLP:CLEAR` under the WHITE id, OpenCTI's own AMBER+STRICT id, MISP tags of
 * TLP 1.0 and 2.0, and TheHive's numbers (3 is RED up to TheHive 4, AMBER+STRICT from 5). A
 * marking Vakt does not know is kept and read as the most restrictive label.
 */
import { TLP_LABELS, mostRestrictive, type TlpLabel } from '../core/tlp.js';

export const TLP2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';
const TLP2_CREATED = '2022-10-01T00:00:00.000Z';

/** The OASIS TLP 2.0 marking-definition ids. */
export const STIX_TLP2_IDS: Record<TlpLabel, string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** STIX 2.1's own TLP 1.0 ids, and OpenCTI's AMBER+STRICT, which others copy. */
const OTHER_STIX_IDS: Record<string, TlpLabel> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
  'marking-definition--826578e1-40ad-459f-bc73-ede076f81f37': 'AMBER+STRICT',
};

const BY_ID = new Map<string, TlpLabel>([
  ...Object.entries(STIX_TLP2_IDS).map(([label, id]) => [id, label as TlpLabel] as const),
  ...Object.entries(OTHER_STIX_IDS),
]);

/** The OASIS marking-definition object of LABEL, exactly as the TLP 2.0 extension publishes it. */
export function stixTlpMarking(label: TlpLabel): Record<string, unknown> {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: STIX_TLP2_IDS[label],
    created: TLP2_CREATED,
    name: `TLP:${label}`,
    extensions: { [TLP2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: label.toLowerCase() } },
  };
}

/** A label named in text: "TLP:AMBER+STRICT", "tlp:white", "amber strict" … */
export function tlpOfText(text: string): TlpLabel | undefined {
  const name = text
    .trim()
    .toUpperCase()
    .replace(/^TLP\s*[:-]?\s*/, '')
    .replace(/\s*(\+|_|\s)\s*STRICT$/, '+STRICT');
  if (name === 'WHITE') return 'CLEAR';
  return (TLP_LABELS as readonly string[]).includes(name) ? (name as TlpLabel) : undefined;
}

export interface ReadLabel {
  tlp: TlpLabel;
  /** False: the marking was not one Vakt knows, and is read as TLP:RED. */
  known: boolean;
}

const UNKNOWN: ReadLabel = { tlp: 'RED', known: false };

/**
 * A STIX marking: its id, or (for a definition the bundle carries) the object itself, whose
 * TLP 2.0 extension, `definition` or name says the label when the id is not a known one.
 */
export function tlpOfStixMarking(marking: string | Record<string, unknown>): ReadLabel {
  const object = typeof marking === 'string' ? { id: marking } : marking;
  const id = String(object.id ?? '');
  const definition = (object.definition ?? {}) as Record<string, unknown>;
  // A statement saying TLP:CLEAR under STIX's WHITE id reads as CLEAR, as the WHITE id itself does.
  const stated = [
    ((object.extensions as Record<string, Record<string, unknown>> | undefined)?.[TLP2_EXTENSION]?.tlp_2_0 as string | undefined) ?? '',
    String(definition.tlp ?? ''),
    object.definition_type === 'statement' ? String(definition.statement ?? '') : '',
    String(object.name ?? ''),
    String(object.x_opencti_definition ?? ''),
  ]
    .map((text) => text && tlpOfText(text))
    .find(Boolean);
  // A known id that a bundle redefines with another label: the more restrictive of the two.
  const read = [BY_ID.get(id), stated].filter((l): l is TlpLabel => Boolean(l));
  return read.length > 0 ? { tlp: mostRestrictiveOf(read), known: true } : UNKNOWN;
}

/** MISP's tags: `tlp:clear` … `tlp:amber+strict`, and TLP 1.0's `tlp:white`. Another `tlp:` tag is unknown. */
export function tlpOfMispTags(tags: readonly string[]): ReadLabel | undefined {
  const found = tags.filter((t) => /^tlp\s*:/i.test(t.trim()));
  if (found.length === 0) return undefined;
  const labels = found.map((t) => tlpOfText(t));
  if (labels.some((l) => !l)) return UNKNOWN;
  return { tlp: mostRestrictiveOf(labels as TlpLabel[]), known: true };
}

export const mispTlpTag = (label: TlpLabel) => `tlp:${label.toLowerCase()}`;

/** TheHive's numeric TLP: 0 WHITE, 1 GREEN, 2 AMBER; 3 is RED up to version 4, AMBER+STRICT from 5, where 4 is RED. */
export function tlpOfTheHive(level: number, majorVersion: number): ReadLabel {
  const table: Record<number, TlpLabel> =
    majorVersion >= 5
      ? { 0: 'CLEAR', 1: 'GREEN', 2: 'AMBER', 3: 'AMBER+STRICT', 4: 'RED' }
      : { 0: 'CLEAR', 1: 'GREEN', 2: 'AMBER', 3: 'RED' };
  const tlp = table[level];
  return tlp ? { tlp, known: true } : UNKNOWN;
}

const mostRestrictiveOf = (labels: readonly TlpLabel[]) => labels.reduce<TlpLabel>(mostRestrictive, 'CLEAR');

/** The label of an object with several markings (or none known): the most restrictive that applies. */
export function tlpOfStixObject(
  object: Record<string, unknown>,
  definitions: ReadonlyMap<string, Record<string, unknown>>,
): ReadLabel | undefined {
  const refs = Array.isArray(object.object_marking_refs) ? object.object_marking_refs.map(String) : [];
  const read = refs.filter((ref) => !isOtherMarking(ref, definitions)).map((ref) => tlpOfStixMarking(definitions.get(ref) ?? ref));
  if (read.length === 0) return undefined;
  return { tlp: mostRestrictiveOf(read.map((r) => r.tlp)), known: read.every((r) => r.known) };
}

/** A marking the bundle defines that is not about TLP at all (a copyright statement, PAP): it says nothing of the label. */
function isOtherMarking(ref: string, definitions: ReadonlyMap<string, Record<string, unknown>>): boolean {
  const object = definitions.get(ref);
  if (!object) return false;
  const definition = (object.definition ?? {}) as Record<string, unknown>;
  const text = `${String(object.name ?? '')} ${String(definition.statement ?? '')} ${String(definition.tlp ?? '')}`;
  return !/tlp/i.test(text) && !(object.extensions && TLP2_EXTENSION in (object.extensions as object));
}

export const PAP_LABELS = ['CLEAR', 'GREEN', 'AMBER', 'RED'] as const;
export type PapLabel = (typeof PAP_LABELS)[number];

/** PAP from a MISP tag (`PAP:GREEN`, TLP 1.0's `PAP:WHITE`) or a STIX statement marking that names it; undefined when none does. */
export function papOfText(text: string): PapLabel | undefined {
  const match = /\bPAP\s*:\s*(CLEAR|WHITE|GREEN|AMBER|RED)\b/i.exec(text);
  if (!match) return undefined;
  const name = match[1]!.toUpperCase();
  return (name === 'WHITE' ? 'CLEAR' : name) as PapLabel;
}
