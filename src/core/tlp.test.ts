import { describe, expect, it } from 'vitest';
import { VaktError } from './errors.js';
import {
  DEFAULT_TLP,
  findTlp,
  labelOrDefault,
  mayReceive,
  mostRestrictive,
  parseTlp,
  type MarkedItem,
  type Recipient,
  type RecipientRelation,
  type TlpLabel,
} from './tlp.js';

describe('parseTlp', () => {
  const cases: Array<[string, TlpLabel]> = [
    ['TLP:AMBER+STRICT', 'AMBER+STRICT'],
    ['TLP: amber', 'AMBER'],
    ['[TLP:RED]', 'RED'],
    ['TLP:WHITE', 'CLEAR'],
    ['tlp:clear', 'CLEAR'],
    ['GREEN', 'GREEN'],
    ['amber + strict', 'AMBER+STRICT'],
    ['  TLP : Amber+Strict ', 'AMBER+STRICT'],
  ];
  it.each(cases)('reads %j as %s', (input, expected) => {
    expect(parseTlp(input)).toBe(expected);
  });

  it.each(['TLP:PURPLE', 'AMBER-STRICT', '', 'TLP:', 'RED; DROP TABLE users', 'x'.repeat(100_000), 'ＴＬＰ:RED'])(
    'rejects %j naming the allowed labels',
    (input) => {
      try {
        parseTlp(input, 'tlp');
        expect.fail('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(VaktError);
        const issue = (error as VaktError).issues[0];
        expect(issue?.field).toBe('tlp');
        expect(issue?.reason).toContain('TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED');
        expect(issue?.reason.length).toBeLessThan(300);
      }
    },
  );
});

describe('findTlp', () => {
  it('finds the label in a subject', () => {
    expect(findTlp('[TLP:AMBER] Phishing wave against the city')).toEqual({ kind: 'label', label: 'AMBER', text: 'TLP:AMBER' });
  });
  it('takes the most restrictive of several labels', () => {
    const body = 'This mail is TLP:GREEN.\n> forwarded: TLP:RED do not share\n';
    expect(findTlp(body)).toMatchObject({ kind: 'label', label: 'RED' });
  });
  it('reads AMBER+STRICT, not AMBER, when the suffix is there', () => {
    expect(findTlp('Classification TLP:AMBER+STRICT')).toMatchObject({ label: 'AMBER+STRICT' });
    expect(findTlp('Classification TLP: amber + strict')).toMatchObject({ label: 'AMBER+STRICT' });
  });
  it('does not read prose as a label', () => {
    expect(findTlp('The red team found amber lights')).toEqual({ kind: 'none' });
  });
  it('reports an unknown label rather than guessing', () => {
    expect(findTlp('Subject: TLP:ORANGE please')).toEqual({ kind: 'unknown', text: 'TLP:ORANGE' });
  });
  it('treats TLP:WHITE as CLEAR', () => {
    expect(findTlp('TLP:WHITE')).toMatchObject({ label: 'CLEAR' });
  });
  it('copes with a megabyte of text without a label', () => {
    expect(findTlp('TLP '.repeat(250_000))).toEqual({ kind: 'none' });
  });
});

describe('labelOrDefault', () => {
  it('uses the team default when nothing is stated', () => {
    expect(labelOrDefault(['hello', 'world'], DEFAULT_TLP)).toBe('AMBER+STRICT');
    expect(labelOrDefault([], 'AMBER')).toBe('AMBER');
  });
  it('honours a stated label, even a less restrictive one than the default', () => {
    expect(labelOrDefault(['[TLP:CLEAR] advisory'], 'AMBER+STRICT')).toBe('CLEAR');
  });
  it('combines subject and body to the most restrictive', () => {
    expect(labelOrDefault(['TLP:GREEN', 'body TLP:AMBER'], 'CLEAR')).toBe('AMBER');
  });
});

it('mostRestrictive orders the labels', () => {
  expect(mostRestrictive('GREEN', 'AMBER')).toBe('AMBER');
  expect(mostRestrictive('RED', 'CLEAR')).toBe('RED');
  expect(mostRestrictive('AMBER+STRICT', 'AMBER')).toBe('AMBER+STRICT');
});

describe('mayReceive: every label × every recipient kind', () => {
  const owner = 'org-city';
  const item = (tlp: TlpLabel): MarkedItem => ({ tlp, ownerOrganisationId: owner, namedIndividuals: ['person-anna'] });
  const recipients: Record<RecipientRelation, Recipient> = {
    'same-organisation': { relation: 'community-peer', organisationId: owner, individualId: 'person-bo' },
    client: { relation: 'client', organisationId: 'org-client', individualId: 'person-cia' },
    'community-peer': { relation: 'community-peer', organisationId: 'org-peer-cert' },
    public: { relation: 'public' },
    'named-individual': { relation: 'public', organisationId: 'org-other', individualId: 'person-anna' },
  };
  // The TLP 2.0 table, written out: [label, relation, allowed]
  const expected: Array<[TlpLabel, RecipientRelation, boolean]> = [
    ['CLEAR', 'same-organisation', true],
    ['CLEAR', 'client', true],
    ['CLEAR', 'community-peer', true],
    ['CLEAR', 'public', true],
    ['CLEAR', 'named-individual', true],
    ['GREEN', 'same-organisation', true],
    ['GREEN', 'client', true],
    ['GREEN', 'community-peer', true],
    ['GREEN', 'public', false],
    ['GREEN', 'named-individual', true],
    ['AMBER', 'same-organisation', true],
    ['AMBER', 'client', true],
    ['AMBER', 'community-peer', false],
    ['AMBER', 'public', false],
    ['AMBER', 'named-individual', true],
    ['AMBER+STRICT', 'same-organisation', true],
    ['AMBER+STRICT', 'client', false],
    ['AMBER+STRICT', 'community-peer', false],
    ['AMBER+STRICT', 'public', false],
    ['AMBER+STRICT', 'named-individual', true],
    ['RED', 'same-organisation', false],
    ['RED', 'client', false],
    ['RED', 'community-peer', false],
    ['RED', 'public', false],
    ['RED', 'named-individual', true],
  ];
  it('covers all 25 combinations', () => expect(expected).toHaveLength(25));
  it.each(expected)('%s to %s → %s', (label, relation, allowed) => {
    const decision = mayReceive(item(label), recipients[relation]);
    expect(decision.relation).toBe(relation);
    expect(decision.allowed).toBe(allowed);
    expect(decision.reason).toContain(`TLP:${label}`);
  });

  it('does not trust a claimed same-organisation relation without a matching organisation', () => {
    const liar: Recipient = { relation: 'same-organisation', organisationId: 'org-elsewhere' };
    expect(mayReceive(item('AMBER+STRICT'), liar)).toMatchObject({ allowed: false, relation: 'public' });
    expect(mayReceive(item('AMBER'), { relation: 'same-organisation' })).toMatchObject({ allowed: false });
  });
  it('never exceeds the clearance of the recipient organisation, and a clearance never widens the audience', () => {
    const client = (clearance: TlpLabel): Recipient => ({ relation: 'client', organisationId: 'org-client', clearance });
    expect(mayReceive(item('AMBER'), client('AMBER'))).toMatchObject({ allowed: true });
    expect(mayReceive(item('AMBER'), client('GREEN'))).toMatchObject({
      allowed: false,
      reason: 'the recipient is cleared only up to TLP:GREEN, and this is TLP:AMBER',
    });
    expect(mayReceive(item('GREEN'), client('GREEN'))).toMatchObject({ allowed: true });
    expect(mayReceive(item('AMBER+STRICT'), client('RED'))).toMatchObject({ allowed: false });
    // The reporter of a RED report is answered at RED, whatever their organisation's clearance.
    const reporter: Recipient = { ...client('GREEN'), individualId: 'rita@city.test' };
    expect(mayReceive({ tlp: 'RED', ownerOrganisationId: owner, namedIndividuals: ['rita@city.test'] }, reporter)).toMatchObject({
      allowed: true,
      relation: 'named-individual',
    });
  });
  it('RED needs the individual, not just the organisation', () => {
    expect(mayReceive(item('RED'), { relation: 'community-peer', organisationId: owner })).toMatchObject({ allowed: false });
    expect(mayReceive({ tlp: 'RED', ownerOrganisationId: owner }, recipients['named-individual'])).toMatchObject({ allowed: false });
  });
});
