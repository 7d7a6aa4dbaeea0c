import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BusinessClock, validateWeeklyHours, type ClockConfig, type WeeklyHours } from './business-hours.js';

const monThu = [{ start: '08:00', end: '16:45' }];
const stockholmHours: WeeklyHours = {
  monday: monThu,
  tuesday: monThu,
  wednesday: monThu,
  thursday: monThu,
  friday: [{ start: '08:00', end: '16:15' }],
  saturday: [],
  sunday: [],
};
const stockholm: ClockConfig = {
  timeZone: 'Europe/Stockholm',
  hours: stockholmHours,
  holidays: { country: 'SE', closedOn: ['public', 'bank'] },
};
const clock = new BusinessClock(stockholm);
const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('Stockholm business hours around the March DST switch (29 March 2026)', () => {
  it('carries Friday afternoon over the weekend into summer time', () => {
    // Fri 15:15 CET: 60 minutes left on Friday, then Monday from 08:00 CEST (06:00Z).
    expect(iso(clock.addWorkingMinutes(at('2026-03-27T14:15:00Z'), 120))).toBe('2026-03-30T07:00:00.000Z');
  });
  it('measures working time across the switch', () => {
    // Fri 12:00–16:15 CET = 255, Mon 08:00–10:00 CEST = 120.
    expect(clock.workingMinutesBetween(at('2026-03-27T11:00:00Z'), at('2026-03-30T08:00:00Z'))).toBe(375);
  });
  it('opens at 08:00 local time on both sides', () => {
    expect(clock.isOpen(at('2026-03-27T07:00:00Z'))).toBe(true); // 08:00 CET
    expect(clock.isOpen(at('2026-03-30T06:00:00Z'))).toBe(true); // 08:00 CEST
    expect(clock.isOpen(at('2026-03-30T05:59:00Z'))).toBe(false); // 07:59 CEST
  });
});

describe('around the October DST switch (25 October 2026)', () => {
  it('carries Friday into winter time', () => {
    // Fri 16:00 CEST: 15 minutes left, then Monday 08:00 CET (07:00Z) + 15.
    expect(iso(clock.addWorkingMinutes(at('2026-10-23T14:00:00Z'), 30))).toBe('2026-10-26T07:15:00.000Z');
  });
  it('measures Thursday to Monday', () => {
    // Thu 16:00–16:45 = 45, Fri 08:00–16:15 = 495, Mon 08:00–09:00 CET = 60.
    expect(clock.workingMinutesBetween(at('2026-10-22T14:00:00Z'), at('2026-10-26T08:00:00Z'))).toBe(600);
  });
});

describe('Midsummer Eve (Friday 19 June 2026, a bank holiday)', () => {
  it('is closed when bank holidays close the team', () => {
    expect(clock.isOpen(at('2026-06-19T08:00:00Z'))).toBe(false);
    // Thu 16:00 CEST: 45 minutes, Friday closed, weekend, Monday 08:00 CEST + 15.
    expect(iso(clock.addWorkingMinutes(at('2026-06-18T14:00:00Z'), 60))).toBe('2026-06-22T06:15:00.000Z');
  });
  it('is a working day when only public holidays close the team', () => {
    const publicOnly = new BusinessClock({ ...stockholm, holidays: { country: 'SE', closedOn: ['public'] } });
    expect(iso(publicOnly.addWorkingMinutes(at('2026-06-18T14:00:00Z'), 60))).toBe('2026-06-19T06:15:00.000Z');
  });
});

describe('Christmas 2026', () => {
  it('skips Christmas Eve and Christmas Day', () => {
    // Wed 23 Dec 16:00 CET: 45 minutes; 24 and 25 closed; weekend; Mon 28 Dec 08:00 CET + 15.
    expect(iso(clock.addWorkingMinutes(at('2026-12-23T15:00:00Z'), 60))).toBe('2026-12-28T07:15:00.000Z');
  });
  it('counts only Wednesday in the Christmas week up to Monday', () => {
    expect(clock.workingMinutesBetween(at('2026-12-23T07:00:00Z'), at('2026-12-28T07:00:00Z'))).toBe(525);
  });
  it('honours extra closed dates from the profile', () => {
    const teamDay = new BusinessClock({
      ...stockholm,
      holidays: { country: 'SE', closedOn: ['public', 'bank'], extraClosedDates: ['2026-12-28'] },
    });
    expect(iso(teamDay.addWorkingMinutes(at('2026-12-23T15:00:00Z'), 60))).toBe('2026-12-29T07:15:00.000Z');
  });
});

describe('edge cases', () => {
  it('starting outside hours begins at the next opening', () => {
    // Saturday 10:00 → Monday 2 Nov? 31 Oct is a Saturday holiday anyway; Monday 08:00 CET.
    expect(iso(clock.addWorkingMinutes(at('2026-10-31T09:00:00Z'), 0))).toBe('2026-11-02T07:00:00.000Z');
  });
  it('is antisymmetric', () => {
    expect(clock.workingMinutesBetween(at('2026-03-30T08:00:00Z'), at('2026-03-27T11:00:00Z'))).toBe(-375);
  });
  it('adds exactly as much as it measures', () => {
    const start = at('2026-03-26T10:17:00Z');
    for (const minutes of [1, 59, 525, 1000, 5000]) {
      expect(clock.workingMinutesBetween(start, clock.addWorkingMinutes(start, minutes))).toBeCloseTo(minutes, 6);
    }
  });
  it('a 24/7 team counts the real 23-hour day of the March switch', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const hours = {
      monday: allDay,
      tuesday: allDay,
      wednesday: allDay,
      thursday: allDay,
      friday: allDay,
      saturday: allDay,
      sunday: allDay,
    };
    const always = new BusinessClock({ timeZone: 'Europe/Stockholm', hours });
    expect(always.workingMinutesBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(23 * 60);
    expect(iso(always.addWorkingMinutes(at('2026-10-24T22:00:00Z'), 24 * 60))).toBe('2026-10-25T22:00:00.000Z');
  });
  it('refuses a clock that never opens', () => {
    const never = new BusinessClock({
      timeZone: 'UTC',
      hours: { ...stockholmHours, monday: [], tuesday: [], wednesday: [], thursday: [], friday: [] },
    });
    expect(() => never.addWorkingMinutes(at('2026-01-01T00:00:00Z'), 1)).toThrow(/no working hours/);
  });
  it('refuses an unknown time zone', () => {
    expect(() => new BusinessClock({ ...stockholm, timeZone: 'Europe/Atlantis' })).toThrow(/unknown time zone/);
  });
});

describe('validateWeeklyHours', () => {
  it('accepts the Stockholm hours', () => expect(validateWeeklyHours(stockholmHours)).toEqual([]));
  it('names overlaps, reversed ranges and bad times', () => {
    const issues = validateWeeklyHours({
      ...stockholmHours,
      monday: [
        { start: '08:00', end: '12:00' },
        { start: '11:00', end: '13:00' },
      ],
      tuesday: [{ start: '17:00', end: '09:00' }],
      wednesday: [{ start: '8am', end: '12:00' }],
      thursday: [{ start: '08:00', end: '25:00' }],
    });
    expect(issues).toEqual([
      { field: 'operatingHours.monday[1]', reason: '11:00-13:00 overlaps 08:00-12:00' },
      { field: 'operatingHours.tuesday[0]', reason: 'start 17:00 is not before end 09:00' },
      { field: 'operatingHours.wednesday[0].start', reason: '"8am" is not a time HH:MM' },
      { field: 'operatingHours.thursday[0].end', reason: '"25:00" is not a time HH:MM (24:00 allowed)' },
    ]);
  });
});

describe('working time over years, asked in any order', () => {
  const THREE_YEARS = 3 * 365 * 86_400_000;
  const base = Date.parse('2024-01-01T00:00:00Z');
  it('gives the same minutes as a fresh clock and as the minutes added, wherever the days it holds began', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: THREE_YEARS }), fc.integer({ min: 0, max: 20_000 })), { minLength: 1, maxLength: 20 }),
        (asks) => {
          // One clock asked everything in this order (its days grow both ways), each answer checked against a new clock.
          const warm = new BusinessClock(stockholm);
          for (const [offset, minutes] of asks) {
            const from = new Date(base + offset);
            const due = warm.addWorkingMinutes(from, minutes);
            expect(due).toEqual(new BusinessClock(stockholm).addWorkingMinutes(from, minutes));
            expect(warm.workingMinutesBetween(from, due)).toBeCloseTo(minutes, 6);
            const later = new Date(base + THREE_YEARS - offset);
            expect(warm.workingMinutesBetween(from, later)).toBeCloseTo(new BusinessClock(stockholm).workingMinutesBetween(from, later), 6);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
