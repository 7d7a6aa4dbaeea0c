import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeedTime } from './mapping.js';

describe('feed times', () => {
  it('reads ISO times with a space or T, seconds and fractions optional, in UTC unless a zone is given, as the Date parser does', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.constantFrom('Z', '', '+02:00', '-0530', '+00:00'),
        fc.constantFrom(' ', 'T'),
        (date, zone, separator) => {
          const iso = date.toISOString().slice(0, 23);
          const text = `${iso.slice(0, 10)}${separator}${iso.slice(11)}${zone}`;
          const expected = new Date(`${iso}${zone === '' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`);
          expect(parseFeedTime(text, 'iso')?.toISOString()).toBe(expected.toISOString());
        },
      ),
    );
    expect(parseFeedTime('2026-11-20 03:04', 'iso')?.toISOString()).toBe('2026-11-20T03:04:00.000Z');
    expect(parseFeedTime(' 2026-11-20 03:04:05.123456+0100', 'iso')?.toISOString()).toBe('2026-11-20T02:04:05.123Z');
  });

  it('refuses what is not a time', () => {
    for (const text of [
      '',
      'yesterday',
      '2026-02-30 00:00:00',
      '2026-13-01 00:00:00',
      '2026-11-20 24:00:00',
      '2026-11-20 23:60:00',
      '2026-11-20 23:59:61',
      '1989-12-31 23:59:59',
      '2201-01-01 00:00:00',
      '2026-11-20',
      '2026-11-20 03:04:05 UTC',
      '2026-11-20 03:04:05+0',
      "2026-11-20 03:04:05'; drop table events; --",
    ]) {
      expect(parseFeedTime(text, 'iso'), text).toBeUndefined();
    }
    expect(parseFeedTime('2024-02-29 12:00:00', 'iso')?.toISOString()).toBe('2024-02-29T12:00:00.000Z');
  });

  it('reads epoch seconds and milliseconds', () => {
    expect(parseFeedTime('1763607845', 'epoch')?.toISOString()).toBe('2025-11-20T03:04:05.000Z');
    expect(parseFeedTime('1763607845123', 'epoch-ms')?.toISOString()).toBe('2025-11-20T03:04:05.123Z');
    expect(parseFeedTime('-5', 'epoch')).toBeUndefined();
  });
});
