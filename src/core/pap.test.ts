import { describe, expect, it } from 'vitest';
import { PAP_ACTIONS, papPermits, parsePap, type PapAction, type PapLabel } from './pap.js';

describe('PAP', () => {
  it.each([
    ['PAP:RED', 'RED'],
    ['pap: amber', 'AMBER'],
    ['[PAP:GREEN]', 'GREEN'],
    ['PAP:WHITE', 'CLEAR'],
    ['clear', 'CLEAR'],
  ])('parses %j', (input, label) => expect(parsePap(input)).toBe(label));

  it.each(['PAP:AMBER+STRICT', 'TLP:RED', '', 'PAP:BLUE'])('rejects %j', (input) => {
    expect(() => parsePap(input)).toThrow(/allowed: PAP:CLEAR, PAP:GREEN, PAP:AMBER, PAP:RED/);
  });

  const table: Record<PapLabel, Record<PapAction, boolean>> = {
    RED: { 'passive-internal': true, 'passive-external': false, active: false, unrestricted: false },
    AMBER: { 'passive-internal': true, 'passive-external': true, active: false, unrestricted: false },
    GREEN: { 'passive-internal': true, 'passive-external': true, active: true, unrestricted: false },
    CLEAR: { 'passive-internal': true, 'passive-external': true, active: true, unrestricted: true },
  };
  for (const [label, row] of Object.entries(table) as Array<[PapLabel, Record<PapAction, boolean>]>) {
    for (const action of PAP_ACTIONS) {
      it(`PAP:${label} ${row[action] ? 'permits' : 'forbids'} ${action}`, () => {
        expect(papPermits(label, action)).toBe(row[action]);
      });
    }
  }
});
