/**
 * The business-hours clock every SLA timer counts in: the team's weekday hours, in its time
 * zone, closed on the holiday types the profile chooses. Arithmetic is done on real instants
 * (milliseconds), so a working interval that spans a DST switch counts its real length.
 */
import Holidays from 'date-holidays';
import { DateTime, IANAZone } from 'luxon';
import type { FieldIssue } from './errors.js';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "08:00"–"16:45"; "24:00" is allowed as an end, for teams open around the clock. */
export interface TimeRange {
  start: string;
  end: string;
}
export type WeeklyHours = Record<Weekday, TimeRange[]>;

export const HOLIDAY_TYPES = ['public', 'bank', 'school', 'optional', 'observance'] as const;
export type HolidayType = (typeof HOLIDAY_TYPES)[number];

export interface HolidayPolicy {
  /** ISO 3166-1 alpha-2, as date-holidays knows it: "SE". */
  country: string;
  region?: string;
  /** Which date-holidays types close the team. A Swedish team closes on public and bank days. */
  closedOn: HolidayType[];
  /** Extra closed dates (yyyy-mm-dd) the national calendar does not know, such as a team day. */
  extraClosedDates?: string[];
}

export interface ClockConfig {
  timeZone: string;
  hours: WeeklyHours;
  holidays?: HolidayPolicy;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const MS_PER_MINUTE = 60_000;
/** Ten years of days: far beyond any SLA, and a bound on the loops below. */
const MAX_DAYS = 3_660;
/** Days: a date this far from those the clock holds starts them again instead of filling the gap. */
const DAY_CACHE_LIMIT = 20_000;

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Checks a week of hours: well-formed times, start before end, no overlaps within a day. */
export function validateWeeklyHours(hours: WeeklyHours, path = 'operatingHours'): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const day of WEEKDAYS) {
    const ranges = hours[day] ?? [];
    ranges.forEach((range, i) => {
      const at = `${path}.${day}[${i}]`;
      if (!TIME.test(range.start) || range.start === '24:00')
        issues.push({ field: `${at}.start`, reason: `"${range.start}" is not a time HH:MM` });
      else if (!TIME.test(range.end)) issues.push({ field: `${at}.end`, reason: `"${range.end}" is not a time HH:MM (24:00 allowed)` });
      else if (minutesOf(range.start) >= minutesOf(range.end))
        issues.push({ field: at, reason: `start ${range.start} is not before end ${range.end}` });
    });
    const sorted = ranges
      .map((r, i) => ({ ...r, i }))
      .filter((r) => TIME.test(r.start) && TIME.test(r.end))
      .sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!;
      const cur = sorted[k]!;
      if (minutesOf(cur.start) < minutesOf(prev.end)) {
        issues.push({ field: `${path}.${day}[${cur.i}]`, reason: `${cur.start}-${cur.end} overlaps ${prev.start}-${prev.end}` });
      }
    }
  }
  return issues;
}

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export function isKnownHolidayCountry(country: string): boolean {
  return Object.hasOwn(new Holidays().getCountries(), country);
}

/** One local day: its first instant and the next day's, its working intervals, and the working time before it. */
interface Day {
  start: number;
  end: number;
  day: DateTime;
  intervals: Array<[number, number]>;
  /** Working milliseconds from the first day held to this day's start (negative before it). */
  before: number;
}

const workingMs = (intervals: ReadonlyArray<[number, number]>) => intervals.reduce((sum, [s, e]) => sum + (e - s), 0);

export class BusinessClock {
  private readonly holidays: Holidays | undefined;
  private readonly closedDates = new Map<number, Set<string>>();
  /**
   * The local days asked about so far, one after another without a gap, each with the working
   * time before it. An instant's day is found by a binary search, and the working time between
   * two instants is a difference of two sums, however many days apart: Luxon's zone arithmetic
   * for each timestamp, and a walk over every day of an old report's still-running timer, were
   * most of a list's time (six timers a row).
   */
  private days: Day[] = [];

  constructor(private readonly config: ClockConfig) {
    if (!isValidTimeZone(config.timeZone)) throw new Error(`unknown time zone ${config.timeZone}`);
    const policy = config.holidays;
    this.holidays = policy ? new Holidays(policy.country, policy.region ?? '', { types: policy.closedOn }) : undefined;
  }

  /** Is the team closed all day on this local date (yyyy-mm-dd)? */
  isClosedDay(isoDate: string): boolean {
    if (this.config.holidays?.extraClosedDates?.includes(isoDate)) return true;
    const year = Number(isoDate.slice(0, 4));
    let set = this.closedDates.get(year);
    if (!set) {
      const closedOn = new Set<string>(this.config.holidays?.closedOn ?? []);
      set = new Set((this.holidays?.getHolidays(year) ?? []).filter((h) => closedOn.has(h.type)).map((h) => h.date.slice(0, 10)));
      this.closedDates.set(year, set);
    }
    return set.has(isoDate);
  }

  /** The working intervals of one local day, as instants in milliseconds. */
  intervalsOn(day: DateTime): Array<[number, number]> {
    return this.dayAt(day.toMillis()).intervals;
  }

  private makeDay(day: DateTime, before: number): Day {
    return { start: day.toMillis(), end: day.plus({ days: 1 }).toMillis(), day, intervals: this.computeIntervals(day), before };
  }

  /** The local day that holds an instant, the days held grown to reach it. */
  private dayAt(ms: number): Day {
    const days = this.days;
    const first = days[0];
    const last = days.at(-1);
    // Far from the days held (a bogus date): start again from there rather than fill the gap.
    if (!first || !last || ms < first.start - DAY_CACHE_LIMIT * 86_400_000 || ms >= last.end + DAY_CACHE_LIMIT * 86_400_000) {
      const day = this.makeDay(DateTime.fromMillis(ms, { zone: this.config.timeZone }).startOf('day'), 0);
      this.days = [day];
      return day;
    }
    while (ms < days[0]!.start) {
      const day = days[0]!.day.minus({ days: 1 });
      const intervals = this.computeIntervals(day);
      days.unshift({ start: day.toMillis(), end: days[0]!.start, day, intervals, before: days[0]!.before - workingMs(intervals) });
    }
    while (ms >= days.at(-1)!.end) {
      const previous = days.at(-1)!;
      const day = previous.day.plus({ days: 1 });
      days.push({ ...this.makeDay(day, previous.before + workingMs(previous.intervals)), start: previous.end });
    }
    let low = 0;
    let high = days.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (days[mid]!.start <= ms) low = mid;
      else high = mid - 1;
    }
    return days[low]!;
  }

  private computeIntervals(day: DateTime): Array<[number, number]> {
    const isoDate = day.toISODate() ?? '';
    if (this.isClosedDay(isoDate)) return [];
    const weekday = WEEKDAYS[day.weekday - 1]!;
    const midnight = day.startOf('day');
    return (this.config.hours[weekday] ?? [])
      .map((range): [number, number] => [this.at(midnight, range.start), this.at(midnight, range.end)])
      .sort((a, b) => a[0] - b[0]);
  }

  isOpen(instant: Date): boolean {
    const t = instant.getTime();
    return this.dayAt(t).intervals.some(([s, e]) => t >= s && t < e);
  }

  /** The instant N working minutes after T (T itself if N is 0 and the team is open). */
  addWorkingMinutes(from: Date, minutes: number): Date {
    if (minutes < 0) throw new Error('minutes must not be negative');
    let remaining = minutes * MS_PER_MINUTE;
    const t0 = from.getTime();
    let at = t0;
    for (let i = 0; i < MAX_DAYS; i++) {
      const day = this.dayAt(at);
      for (const [s, e] of day.intervals) {
        if (e <= t0) continue;
        const start = Math.max(s, t0);
        if (remaining <= e - start) return new Date(start + remaining);
        remaining -= e - start;
      }
      at = day.end;
    }
    throw new Error('no working hours within ten years: check the operating hours and holidays');
  }

  /** Working minutes between two instants (ten years at most); negative when `to` is before `from`. */
  workingMinutesBetween(from: Date, to: Date): number {
    const a = from.getTime();
    const b = to.getTime();
    if (b < a) return -this.workingMinutesBetween(to, from);
    return (this.workingBefore(Math.min(b, a + MAX_DAYS * 86_400_000)) - this.workingBefore(a)) / MS_PER_MINUTE;
  }

  /** Working milliseconds from the first day held up to an instant. */
  private workingBefore(ms: number): number {
    const day = this.dayAt(ms);
    return day.before + day.intervals.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, ms) - s), 0);
  }

  private at(midnight: DateTime, time: string): number {
    const total = minutesOf(time);
    if (total === 24 * 60) return midnight.plus({ days: 1 }).toMillis();
    return midnight.set({ hour: Math.floor(total / 60), minute: total % 60 }).toMillis();
  }
}
