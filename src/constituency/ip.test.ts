import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, formatAddress, formatPrefix, parseAddress, parseIPv4, parseIPv6, parsePrefix, rangeToPrefixes } from './ip.js';
import { PrefixTree } from './prefix-tree.js';

const prefix = (text: string) => {
  const parsed = parsePrefix(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.prefix;
};
const address = (text: string) => parseAddress(text)!;

describe('IP addresses', () => {
  it('reads IPv4 and refuses what inet would refuse', () => {
    expect(parseIPv4('192.0.2.1')).toBe(0xc0000201);
    expect(parseIPv4('255.255.255.255')).toBe(0xffffffff);
    for (const bad of [
      '256.0.0.1',
      '1.2.3',
      '1.2.3.4.5',
      '01.2.3.4',
      '1..2.3',
      '',
      ' 1.2.3.4',
      '1.2.3.4 ',
      '1.2.3.-4',
      'a.b.c.d',
      '1.2.3.4/',
    ]) {
      expect(parseIPv4(bad), bad).toBeUndefined();
    }
  });

  it('reads IPv6 in every written form and formats it as RFC 5952 does', () => {
    expect(formatAddress(address('2001:0db8:0000:0000:0000:0000:0000:0001'))).toBe('2001:db8::1');
    expect(formatAddress(address('::'))).toBe('::');
    expect(formatAddress(address('::1'))).toBe('::1');
    expect(formatAddress(address('2001:db8:0:1:1:1:1:1'))).toBe('2001:db8:0:1:1:1:1:1');
    expect(formatAddress(address('2001:db8::ffff:192.0.2.1'))).toBe('2001:db8::ffff:c000:201');
    // IPv4-mapped addresses are the IPv4 address they carry.
    expect(address('::ffff:192.0.2.1')).toEqual({ family: 4, words: [0xc0000201] });
    for (const bad of [
      '2001:db8::1::1',
      '2001:db8:::1',
      '12345::',
      'fe80::1%eth0',
      '1:2:3:4:5:6:7:8:9',
      ':1',
      'g::1',
      '::ffff:300.1.1.1',
    ]) {
      expect(parseIPv6(bad), bad).toBeUndefined();
    }
  });

  it('agrees with Node on random IPv6 addresses and round-trips them', () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const parsed = parseAddress(text);
        expect(parsed).toBeDefined();
        expect(isIP(formatAddress(parsed!))).toBeGreaterThan(0);
        expect(parseAddress(formatAddress(parsed!))).toEqual(parsed);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 50 }), (text) => {
        expect(parseAddress(text) !== undefined).toBe(isIP(text) === 6 ? !text.includes('%') : isIP(text) === 4 && !/(^|\.)0\d/.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads prefixes, refusing host bits and lengths out of range with the reason', () => {
    expect(formatPrefix(prefix('192.0.2.0/24'))).toBe('192.0.2.0/24');
    expect(formatPrefix(prefix('2001:DB8::/32'))).toBe('2001:db8::/32');
    expect(formatPrefix(prefix('192.0.2.7'))).toBe('192.0.2.7/32');
    expect(parsePrefix('192.0.2.1/24')).toEqual({ ok: false, reason: '"192.0.2.1/24" has host bits set; the network is 192.0.2.0/24' });
    expect(parsePrefix('192.0.2.0/33')).toMatchObject({ ok: false, reason: expect.stringContaining('out of range') });
    expect(parsePrefix('2001:db8::/129')).toMatchObject({ ok: false });
    expect(parsePrefix('192.0.2.0/')).toMatchObject({ ok: false, reason: expect.stringContaining('no valid prefix length') });
    expect(parsePrefix('not-an-ip/8')).toMatchObject({ ok: false, reason: expect.stringContaining('is not an IPv4 or IPv6 address') });
    expect(contains(prefix('10.0.0.0/8'), prefix('10.1.0.0/16'))).toBe(true);
    expect(contains(prefix('10.1.0.0/16'), prefix('10.0.0.0/8'))).toBe(false);
  });

  it('covers an unaligned range with the fewest CIDRs', () => {
    expect(rangeToPrefixes(parseIPv4('192.0.2.0')!, parseIPv4('192.0.2.255')!).map(formatPrefix)).toEqual(['192.0.2.0/24']);
    expect(rangeToPrefixes(parseIPv4('10.0.0.1')!, parseIPv4('10.0.0.6')!).map(formatPrefix)).toEqual([
      '10.0.0.1/32',
      '10.0.0.2/31',
      '10.0.0.4/31',
      '10.0.0.6/32',
    ]);
    expect(rangeToPrefixes(0, 0xffffffff).map(formatPrefix)).toEqual(['0.0.0.0/0']);
  });
});

describe('the prefix tree', () => {
  const tree = new PrefixTree<string>();
  for (const [p, v] of [
    ['10.0.0.0/8', 'corp'],
    ['10.1.0.0/16', 'dept'],
    ['10.1.2.0/24', 'lab'],
    ['10.1.2.0/24', 'lab-supplier'],
    ['0.0.0.0/0', 'default'],
    ['2001:db8::/32', 'v6-corp'],
    ['2001:db8:1::/48', 'v6-dept'],
  ] as const) {
    tree.insert(prefix(p), v);
  }

  it('returns the most specific match, both owners of a shared netblock, and every overlap', () => {
    expect(tree.longest(address('10.1.2.3'))).toEqual(['lab', 'lab-supplier']);
    expect(tree.longest(address('10.1.3.3'))).toEqual(['dept']);
    expect(tree.longest(address('10.9.9.9'))).toEqual(['corp']);
    expect(tree.longest(address('11.0.0.1'))).toEqual(['default']);
    expect(tree.matches(address('10.1.2.3')).map((m) => [m.length, m.values])).toEqual([
      [0, ['default']],
      [8, ['corp']],
      [16, ['dept']],
      [24, ['lab', 'lab-supplier']],
    ]);
    expect(tree.longest(prefix('10.1.0.0/20'))).toEqual(['dept']);
    expect(tree.longest(address('2001:db8:1:2::5'))).toEqual(['v6-dept']);
    expect(tree.longest(address('2001:db8:2::5'))).toEqual(['v6-corp']);
    expect(tree.longest(address('2001:db9::1'))).toBeUndefined();
  });

  it('agrees with a linear scan on random prefixes and addresses', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 32 })), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 30 }),
        (raw, probes) => {
          const t = new PrefixTree<number>();
          const list = raw.map(([w, len], i) => ({
            words: [len === 0 ? 0 : (w & ((0xffffffff << (32 - len)) >>> 0)) >>> 0],
            length: len,
            i,
          }));
          for (const p of list) t.insert({ family: 4, ...p }, p.i);
          for (const probe of probes) {
            const best = Math.max(
              -1,
              ...list.filter((p) => contains({ family: 4, ...p }, { family: 4, words: [probe], length: 32 })).map((p) => p.length),
            );
            const expected =
              best < 0
                ? undefined
                : list
                    .filter((p) => p.length === best && contains({ family: 4, ...p }, { family: 4, words: [probe], length: 32 }))
                    .map((p) => p.i);
            expect(t.longestV4(probe)).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
