import { describe, expect, it } from 'vitest';
import { hash64, type DedupKey } from './dedup-key.js';

/** As PostgreSQL makes the key of the two halves: (hi << 32) | lo. */
const keyAsBigint = (key: DedupKey) => (BigInt(key.hi) << 32n) | BigInt(key.lo);

describe('the de-duplication key', () => {
  it('is stable and takes every character into account', () => {
    expect(hash64('scan_rdp\u0000org\u000010.0.0.1\u00003389')).toEqual(hash64('scan_rdp\u0000org\u000010.0.0.1\u00003389'));
    const base = 'scan_rdp\u0000org\u000010.0.0.1\u00003389\u0000open-rdp';
    const seen = new Set([keyAsBigint(hash64(base))]);
    for (let i = 0; i < base.length; i++) {
      const changed = base.slice(0, i) + String.fromCharCode(base.charCodeAt(i) ^ 1) + base.slice(i + 1);
      seen.add(keyAsBigint(hash64(changed)));
    }
    seen.add(keyAsBigint(hash64(base + '\u0000')));
    seen.add(keyAsBigint(hash64('')));
    expect(seen.size).toBe(base.length + 3);
  });

  it('spreads near-identical keys like chance: no 64-bit collision, 32-bit collisions as the birthday bound predicts', () => {
    const n = 500_000;
    const full = new Set<bigint>();
    const his = new Set<number>();
    const los = new Set<number>();
    let hiCollisions = 0;
    let loCollisions = 0;
    for (let i = 0; i < n; i++) {
      const key = hash64(
        `scan_rdp\u0000org-${i % 97}\u000010.${i & 255}.${(i >> 8) & 255}.${i >> 16}\u0000${3389 + (i % 3)}\u0000open-rdp`,
      );
      full.add(keyAsBigint(key));
      if (his.has(key.hi)) hiCollisions++;
      his.add(key.hi);
      if (los.has(key.lo)) loCollisions++;
      los.add(key.lo);
    }
    expect(full.size).toBe(n);
    // Expected n²/2³³ ≈ 29 on each half; a poor mix of similar keys gives hundreds or none.
    for (const c of [hiCollisions, loCollisions]) {
      expect(c).toBeGreaterThan(8);
      expect(c).toBeLessThan(70);
    }
  });

  it("gives the signed high half and the unsigned low half PostgreSQL's bigint is made of", () => {
    for (const text of ['a', 'b', 'feed\u0000x']) {
      const key = hash64(text);
      expect(key.hi).toBeGreaterThanOrEqual(-(2 ** 31));
      expect(key.hi).toBeLessThan(2 ** 31);
      expect(key.lo).toBeGreaterThanOrEqual(0);
      expect(key.lo).toBeLessThan(2 ** 32);
      expect(BigInt.asIntN(64, keyAsBigint(key))).toBe(keyAsBigint(key));
    }
  });
});
