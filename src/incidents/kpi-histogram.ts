/**
 * The tallies KPIs are read from: per RSIT class and priority, how many incidents, and per step
 * (acknowledge, triage, contain, resolve) a histogram of working minutes and a count of breaches.
 * Tallies add up, so a year's figures are the sum of its months' and days' stored tallies instead
 * of a pass over every incident. Below EXACT_BELOW working minutes each minute has its own bucket,
 * so medians are exact; above it buckets grow by 2 %, so a percentile there is within 1 % of the
 * exact one while a tally stays a few hundred buckets long whatever the number of incidents.
 */
export const EXACT_BELOW = 1024;
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);

export const STEPS = ['acknowledge', 'triage', 'contain', 'resolve'] as const;
export type Step = (typeof STEPS)[number];

export function bucketOf(minutes: number): number {
  if (minutes < EXACT_BELOW) return minutes;
  return EXACT_BELOW + Math.floor(Math.log(minutes / EXACT_BELOW) / LOG_GROWTH);
}

/** The geometric middle of a bucket, in whole minutes: within 1 % of every value in it. */
export function bucketValue(bucket: number): number {
  if (bucket < EXACT_BELOW) return bucket;
  return Math.round(EXACT_BELOW * GROWTH ** (bucket - EXACT_BELOW + 0.5));
}

export interface StepTally {
  /** Bucket → incidents whose step took that long. */
  buckets: Map<number, number>;
  breaches: number;
}

/** Incidents, and of them those still open and those whose first step not done has run out. */
interface Counts {
  incidents: number;
  open: number;
  overdue: number;
}
export type GroupTally = Counts & Record<Step, StepTally>;

/** A group's tally as stored: the counts as columns, and per step its breaches, then bucket and count pairs. */
export type StoredTally = Counts & { steps?: Record<Step, number[]> };

export function emptyTally(): GroupTally {
  const step = (): StepTally => ({ buckets: new Map(), breaches: 0 });
  return { incidents: 0, open: 0, overdue: 0, acknowledge: step(), triage: step(), contain: step(), resolve: step() };
}

function addToBucket(into: StepTally, bucket: number, count: number): void {
  into.buckets.set(bucket, (into.buckets.get(bucket) ?? 0) + count);
}

export function addMinutes(into: StepTally, minutes: number): void {
  addToBucket(into, bucketOf(minutes), 1);
}

export function encodeTally(tally: GroupTally): Required<StoredTally> {
  const encode = ({ buckets, breaches }: StepTally) => [breaches, ...[...buckets].flat()];
  return {
    incidents: tally.incidents,
    open: tally.open,
    overdue: tally.overdue,
    steps: {
      acknowledge: encode(tally.acknowledge),
      triage: encode(tally.triage),
      contain: encode(tally.contain),
      resolve: encode(tally.resolve),
    },
  };
}

/** Adds a stored tally (or another tally, encoded) into one being summed; without its steps, only the counts. */
export function addStored(into: GroupTally, stored: StoredTally): void {
  into.incidents += stored.incidents;
  into.open += stored.open;
  into.overdue += stored.overdue;
  if (!stored.steps) return;
  for (const step of STEPS) {
    const values = stored.steps[step];
    into[step].breaches += values[0] ?? 0;
    for (let i = 1; i + 1 < values.length; i += 2) addToBucket(into[step], values[i]!, values[i + 1]!);
  }
}

export interface KpiFigure {
  count: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  breaches: number;
}

/** Count, median and 90th percentile (the value at rank ⌈p·n⌉), and breaches. */
export function figureOf({ buckets, breaches }: StepTally): KpiFigure {
  const sorted = [...buckets].sort((a, b) => a[0] - b[0]);
  const count = sorted.reduce((sum, [, n]) => sum + n, 0);
  const at = (p: number): number | null => {
    if (count === 0) return null;
    const rank = Math.min(count, Math.ceil(p * count));
    let seen = 0;
    for (const [bucket, n] of sorted) {
      seen += n;
      if (seen >= rank) return bucketValue(bucket);
    }
    return null;
  };
  return { count, medianMinutes: at(0.5), p90Minutes: at(0.9), breaches };
}
