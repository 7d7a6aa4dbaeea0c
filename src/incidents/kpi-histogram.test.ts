import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMinutes, addStored, bucketOf, bucketValue, emptyTally, encodeTally, EXACT_BELOW, figureOf } from './kpi-histogram.js';

/** The value at rank ⌈p·n⌉ of the sorted values. */
const exact = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length, Math.ceil(p * values.length)) - 1]!;

describe('KPI histograms', () => {
  it('keep every value below EXACT_BELOW and the rest within 1 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 50_000_000 }), (v) => {
        const back = bucketValue(bucketOf(v));
        if (v < EXACT_BELOW) expect(back).toBe(v);
        else expect(Math.abs(back - v) / v).toBeLessThanOrEqual(0.01);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (v) => {
        expect(bucketOf(v + 1)).toBeGreaterThanOrEqual(bucketOf(v));
      }),
    );
  });

  it('give the exact median and 90th percentile of short times, and within 1 % of long ones', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3_000_000 }), { minLength: 1, maxLength: 300 }), fc.boolean(), (values, short) => {
        const minutes = short ? values.map((v) => v % EXACT_BELOW) : values;
        const tally = emptyTally();
        for (const m of minutes) addMinutes(tally.resolve, m);
        const figure = figureOf(tally.resolve);
        expect(figure.count).toBe(minutes.length);
        for (const [p, got] of [
          [0.5, figure.medianMinutes!],
          [0.9, figure.p90Minutes!],
        ] as const) {
          const want = exact(minutes, p);
          if (short) expect(got).toBe(want);
          else expect(Math.abs(got - want)).toBeLessThanOrEqual(Math.max(0, want * 0.01));
        }
      }),
    );
  });

  it('add up as stored: a tally of two halves is the tally of the whole', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.boolean())), (steps) => {
        const whole = emptyTally();
        const halves = [emptyTally(), emptyTally()];
        steps.forEach(([m, breached], i) => {
          for (const t of [whole, halves[i % 2]!]) {
            t.incidents++;
            addMinutes(t.triage, m);
            if (breached) t.triage.breaches++;
          }
        });
        const summed = emptyTally();
        for (const half of halves) addStored(summed, JSON.parse(JSON.stringify(encodeTally(half))));
        expect(figureOf(summed.triage)).toEqual(figureOf(whole.triage));
        expect(summed.incidents).toBe(steps.length);
      }),
    );
  });

  it('have no figures for no incidents', () => {
    expect(figureOf(emptyTally().acknowledge)).toEqual({ count: 0, medianMinutes: null, p90Minutes: null, breaches: 0 });
  });
});
