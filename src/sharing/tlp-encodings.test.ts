/** Every TLP encoding in use, read as one model; what Vakt writes is what OASIS publishes. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TLP_LABELS } from '../core/tlp.js';
import { papOfText, stixTlpMarking, tlpOfMispTags, tlpOfStixMarking, tlpOfStixObject, tlpOfTheHive, tlpOfText } from './tlp-encodings.js';

const official = new URL('../core/standards/stix/tlp-2.0/', import.meta.url);
const officialMarkings = readdirSync(official)
  .filter((f) => f.endsWith('.json') && !f.startsWith('extension-definition'))
  .flatMap((f) => (JSON.parse(readFileSync(new URL(f, official), 'utf8')) as { objects: Array<Record<string, unknown>> }).objects);

describe('TLP encodings', () => {
  it('writes the TLP 2.0 marking definitions exactly as OASIS publishes them', () => {
    expect(officialMarkings.length).toBeGreaterThanOrEqual(5);
    for (const marking of officialMarkings) {
      const label = tlpOfStixMarking(marking);
      expect(label.known).toBe(true);
      expect(stixTlpMarking(label.tlp)).toEqual(marking);
    }
    for (const label of TLP_LABELS) expect(tlpOfStixMarking(stixTlpMarking(label))).toEqual({ tlp: label, known: true });
  });

  it('reads every STIX encoding in use, and an unknown marking as the most restrictive', () => {
    const read = (marking: string | Record<string, unknown>) => tlpOfStixMarking(marking).tlp;
    // STIX 2.1's TLP 1.0 ids, WHITE read as CLEAR.
    expect(read('marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9')).toBe('CLEAR');
    expect(read('marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da')).toBe('GREEN');
    expect(read('marking-definition--f88d31f6-486f-44da-b317-01333bde0b82')).toBe('AMBER');
    expect(read('marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed')).toBe('RED');
    // The statement-style CLEAR that reuses the WHITE id.
    expect(
      read({
        type: 'marking-definition',
        id: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
        definition_type: 'statement',
        definition: { statement: 'TLP:CLEAR' },
      }),
    ).toBe('CLEAR');
    // OpenCTI's AMBER+STRICT, by id and by its own properties.
    expect(read('marking-definition--826578e1-40ad-459f-bc73-ede076f81f37')).toBe('AMBER+STRICT');
    expect(read({ id: 'marking-definition--00000000-0000-4000-8000-000000000001', x_opencti_definition: 'TLP:AMBER+STRICT' })).toBe(
      'AMBER+STRICT',
    );
    // TLP 1.0 as STIX 2.0 wrote it inside the definition.
    expect(
      read({ id: 'marking-definition--00000000-0000-4000-8000-000000000002', definition_type: 'tlp', definition: { tlp: 'amber' } }),
    ).toBe('AMBER');
    // A known id a bundle redefines with a stricter label: the stricter holds.
    expect(read({ id: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da', name: 'TLP:RED' })).toBe('RED');
    expect(tlpOfStixMarking('marking-definition--00000000-0000-4000-8000-00000000dead')).toEqual({ tlp: 'RED', known: false });
    expect(tlpOfStixMarking({ id: 'x', name: 'TLP:PURPLE' })).toEqual({ tlp: 'RED', known: false });
  });

  it('takes the most restrictive of an object’s markings, and ignores markings that are not about TLP', () => {
    const copyright = {
      type: 'marking-definition',
      id: 'marking-definition--00000000-0000-4000-8000-0000000000c0',
      definition_type: 'statement',
      definition: { statement: 'Copyright 2026 Example Corp' },
    };
    const definitions = new Map([[copyright.id, copyright]]);
    const object = (...refs: string[]) => ({ object_marking_refs: refs });
    expect(tlpOfStixObject(object(copyright.id), definitions)).toBeUndefined();
    expect(tlpOfStixObject(object(copyright.id, 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'), definitions)).toEqual({
      tlp: 'GREEN',
      known: true,
    });
    expect(
      tlpOfStixObject(
        object('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'),
        definitions,
      ),
    ).toEqual({ tlp: 'AMBER', known: true });
    expect(tlpOfStixObject(object('marking-definition--00000000-0000-4000-8000-00000000dead'), definitions)).toEqual({
      tlp: 'RED',
      known: false,
    });
    expect(tlpOfStixObject({}, definitions)).toBeUndefined();
  });

  it("reads MISP's tags, TheHive's numbers, PAP and free text", () => {
    expect(tlpOfMispTags(['tlp:white', 'osint'])).toEqual({ tlp: 'CLEAR', known: true });
    expect(tlpOfMispTags(['TLP:AMBER+STRICT'])).toEqual({ tlp: 'AMBER+STRICT', known: true });
    expect(tlpOfMispTags(['tlp:green', 'tlp:amber'])).toEqual({ tlp: 'AMBER', known: true });
    expect(tlpOfMispTags(['tlp:ex:chr'])).toEqual({ tlp: 'RED', known: false });
    expect(tlpOfMispTags(['PAP:GREEN'])).toBeUndefined();
    expect(tlpOfTheHive(3, 4)).toEqual({ tlp: 'RED', known: true });
    expect(tlpOfTheHive(3, 5)).toEqual({ tlp: 'AMBER+STRICT', known: true });
    expect(tlpOfTheHive(4, 5)).toEqual({ tlp: 'RED', known: true });
    expect(tlpOfTheHive(0, 5)).toEqual({ tlp: 'CLEAR', known: true });
    expect(tlpOfTheHive(9, 5)).toEqual({ tlp: 'RED', known: false });
    expect(papOfText('PAP:WHITE')).toBe('CLEAR');
    expect(papOfText('pap:amber')).toBe('AMBER');
    expect(papOfText('TLP:AMBER')).toBeUndefined();
    for (const [text, label] of [
      ['TLP:CLEAR', 'CLEAR'],
      ['tlp:white', 'CLEAR'],
      ['amber strict', 'AMBER+STRICT'],
      ['TLP: AMBER_STRICT', 'AMBER+STRICT'],
      ['red', 'RED'],
    ] as const)
      expect(tlpOfText(text)).toBe(label);
    for (const text of ['', 'TLP', 'TLP:AMBER+', 'TLP:RED; drop table', 'x'.repeat(10_000)]) expect(tlpOfText(text)).toBeUndefined();
  });
});
