import { WEEKDAYS, type WeeklyHours } from '../core/business-hours.js';

const NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Monday to Thursday 08:00-16:45; Friday 08:00-16:15": consecutive days with equal hours grouped. */
export function describeHours(hours: WeeklyHours): string[] {
  const lines: string[] = [];
  let i = 0;
  while (i < WEEKDAYS.length) {
    const ranges = hours[WEEKDAYS[i]!];
    const key = JSON.stringify(ranges);
    let j = i;
    while (j + 1 < WEEKDAYS.length && JSON.stringify(hours[WEEKDAYS[j + 1]!]) === key) j++;
    if (ranges.length > 0) {
      const days = i === j ? NAMES[i] : `${NAMES[i]} to ${NAMES[j]}`;
      lines.push(`${days} ${ranges.map((r) => `${r.start}-${r.end}`).join(', ')}`);
    }
    i = j + 1;
  }
  return lines.length > 0 ? lines : ['No regular operating hours.'];
}
