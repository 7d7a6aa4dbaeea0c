/** Version ranges as vendors write them: `vers`, free text, and what no reader should trust. */
import { describe, expect, it } from 'vitest';
import { compareVersions, parseVersionRange, rangeContains } from './version-range.js';

const contains = (range: string, version: string) => rangeContains(parseVersionRange(range), version);

describe('version ranges', () => {
  it('orders versions as their schemes do', () => {
    expect(compareVersions('generic', '1.10', '1.9')).toBe(1);
    expect(compareVersions('generic', '2.4.049', '2.4.49')).toBe(0);
    expect(compareVersions('generic', '1.0rc1', '1.0')).toBe(-1);
    expect(compareVersions('generic', '1.0', '1.0.1')).toBe(-1);
    expect(compareVersions('generic', '1.0~beta', '1.0')).toBe(-1);
    expect(compareVersions('generic', '10.0.19045.3570', '10.0.19045.999')).toBe(1);
    expect(compareVersions('generic', '123456789012345678901234567890', '99')).toBe(1);
    expect(compareVersions('npm', '2.0.0-rc.1', '2.0.0')).toBe(-1);
    expect(compareVersions('npm', '1.2.10', '1.2.9')).toBe(1);
  });

  it('reads vers and applies its containment algorithm', () => {
    expect(contains('vers:npm/>=1.0.0|!=1.2.0|<2.0.0', '1.5.0')).toBe(true);
    expect(contains('vers:npm/>=1.0.0|!=1.2.0|<2.0.0', '1.2.0')).toBe(false);
    expect(contains('vers:npm/>=1.0.0|!=1.2.0|<2.0.0', '2.0.0')).toBe(false);
    expect(contains('vers:npm/>=1.0.0|!=1.2.0|<2.0.0', '0.9.9')).toBe(false);
    // Two intervals: below 1.0, and from 2.0 up to 2.4.49 included.
    expect(contains('vers:generic/<1.0|>=2.0|<=2.4.49', '0.5')).toBe(true);
    expect(contains('vers:generic/<1.0|>=2.0|<=2.4.49', '1.5')).toBe(false);
    expect(contains('vers:generic/<1.0|>=2.0|<=2.4.49', '2.4.49')).toBe(true);
    expect(contains('vers:generic/<1.0|>=2.0|<=2.4.49', '2.4.50')).toBe(false);
    expect(contains('vers:maven/2.14.1|2.15.0', '2.15.0')).toBe(true);
    expect(contains('vers:maven/2.14.1|2.15.0', '2.16.0')).toBe(false);
    expect(contains('vers:deb/>=0', '9.11')).toBe(true);
    expect(contains('vers:pypi/*', 'anything')).toBe(true);
    // Unsorted, with spaces and a percent-encoded version: read leniently.
    expect(contains('vers:generic/ <3.0 | >=2.0 ', '2.5')).toBe(true);
    expect(contains('vers:generic/>=1.0%2Bbuild', '1.1')).toBe(true);
  });

  it('reads the free text vendors write in product_version_range', () => {
    expect(contains('<= 4.2', '4.2')).toBe(true);
    expect(contains('<= 4.2', '4.2.1')).toBe(false);
    expect(contains('>=1.0, <2.0', '1.9.9')).toBe(true);
    expect(contains('>1.0 <2.0', '1.0')).toBe(false);
    expect(contains('prior to 2.4.50', '2.4.49')).toBe(true);
    expect(contains('prior to 2.4.50', '2.4.50')).toBe(false);
    expect(contains('up to and including V3.1', '3.1')).toBe(true);
    expect(contains('5.0 and later', '5.1')).toBe(true);
    expect(contains('5.0 and later', '4.9')).toBe(false);
    expect(contains('1.2 - 1.4', '1.3')).toBe(true);
    expect(contains('1.2 - 1.4', '1.5')).toBe(false);
    expect(contains('all versions', '0.1')).toBe(true);
  });

  it('treats what it cannot read as every version, and says it did not understand', () => {
    for (const text of [
      '',
      'vers:',
      'vers:npm/',
      'vers:npm/>=',
      'vers:npm/>=1.0|<=|<2',
      'vers:npm/%E0%A4%A',
      'vers:npm/>=1.0|*',
      'the affected builds listed in KB5034441',
      `vers:generic/${'>=1|'.repeat(2000)}<2`,
      'x'.repeat(10_000),
      "<= 4.2'; drop table advisories; --",
    ]) {
      const range = parseVersionRange(text);
      expect(range.understood, text.slice(0, 40)).toBe(false);
      expect(rangeContains(range, '1.0')).toBe(true);
    }
    expect(parseVersionRange('vers:npm/>=1.0.0|<2.0.0')).toEqual({
      scheme: 'npm',
      constraints: [
        { comparator: '>=', version: '1.0.0' },
        { comparator: '<', version: '2.0.0' },
      ],
      understood: true,
    });
  });
});
