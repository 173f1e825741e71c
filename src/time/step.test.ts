import fc from 'fast-check';
import { READABLE_STEPS, alignRange, stepFacts, stepFor } from './step';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

describe('stepFor', () => {
  // raw step = range / (width / 2), then rounded up to the next readable step.
  it.each<[string, number, number, number]>([
    ['4.5 h over 1,200 px (raw 27 s)', 4.5 * H, 1200, 30 * S],
    ['1 h over 1,200 px (raw 6 s)', H, 1200, 10 * S],
    ['6 h over 1,200 px (raw 36 s)', 6 * H, 1200, M],
    ['24 h over 1,200 px (raw 144 s)', 24 * H, 1200, 5 * M],
    ['7 d over 1,200 px (raw 16.8 min)', 7 * D, 1200, 30 * M],
    ['15 min over 1,200 px (raw 1.5 s) ', 15 * M, 1200, 2 * S],
    ['1 min over 1,200 px: floor of 1 s', M, 1200, S],
    ['30 d over 600 px (raw 2.4 h)', 30 * D, 600, 3 * H],
    ['1 y over 1,000 px (raw 17.52 h)', Y, 1000, D],
    ['10 y over 100 px (raw 73 d): whole days', 10 * Y, 100, 73 * D],
    ['1 h over 0 px is read as 1,000 px (raw 7.2 s)', H, 0, 10 * S],
    ['1 h over -5 px is read as 1,000 px', H, -5, 10 * S],
    ['1 h over NaN px is read as 1,000 px', H, Number.NaN, 10 * S],
    ['empty range', 0, 1200, S],
  ])('%s', (_label, range, widthPx, expected) => {
    const start = Date.UTC(2024, 0, 15);
    expect(stepFor({ start, end: start + range, widthPx })).toBe(expected);
  });

  it('honours minStep', () => {
    expect(stepFor({ start: 0, end: H, widthPx: 1200, minStep: M })).toBe(M);
    expect(stepFor({ start: 0, end: H, widthPx: 1200, minStep: 20 * S })).toBe(30 * S);
  });

  it('honours maxPoints even for very wide panels', () => {
    // 1 d at 100,000 px would be 1.7 s; 11,000 points force 10 s (8,640 points).
    expect(stepFor({ start: 0, end: D, widthPx: 100_000 })).toBe(10 * S);
    expect(stepFor({ start: 0, end: D, widthPx: 100_000, maxPoints: 100 })).toBe(15 * M);
  });

  it('keeps the aligned range within maxPoints', () => {
    // 1,000 s at 1 s would be exactly 1,000 points, but alignment can add one more interval.
    const step = stepFor({ start: 500, end: 1_000_500, widthPx: 100_000, maxPoints: 1000 });
    const aligned = alignRange(500, 1_000_500, step);
    expect((aligned.end - aligned.start) / step).toBeLessThanOrEqual(1000);
    expect(step).toBe(2 * S);
  });

  it('property: never more than 11,000 points, never under 1 s, always a readable step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.integer({ min: S, max: 10 * Y }),
        fc.integer({ min: 1, max: 8000 }),
        (start, range, widthPx) => {
          const end = start + range;
          const step = stepFor({ start, end, widthPx });
          expect((end - start) / step).toBeLessThanOrEqual(11_000);
          expect(step).toBeGreaterThanOrEqual(1000);
          expect(READABLE_STEPS.includes(step) || step % D === 0).toBe(true);
          const aligned = alignRange(start, end, step);
          expect((aligned.end - aligned.start) / step).toBeLessThanOrEqual(11_000);
        },
      ),
    );
  });

  it('property: a wider panel never gets a coarser step', () => {
    fc.assert(
      fc.property(fc.integer({ min: S, max: 10 * Y }), fc.integer({ min: 1, max: 8000 }), fc.nat(8000), (range, w, extra) => {
        expect(stepFor({ start: 0, end: range, widthPx: w + extra })).toBeLessThanOrEqual(
          stepFor({ start: 0, end: range, widthPx: w }),
        );
      }),
    );
  });
});

describe('stepFacts', () => {
  it.each([
    ['the width', { start: 0, end: 4.5 * H, widthPx: 1100 }, { step: 30_000, rule: 'width' }],
    ['the minimum step', { start: 0, end: 60_000, widthPx: 1000 }, { step: 1_000, rule: 'min-step' }],
    ['a configured minimum step', { start: 0, end: H, widthPx: 1000, minStep: 60_000 }, { step: 60_000, rule: 'min-step' }],
    ['the point limit', { start: 0, end: 400 * 24 * H, widthPx: 100_000 }, { step: H, rule: 'max-points' }],
  ])('says the step came from %s', (_, inputs, want) => {
    const facts = stepFacts(inputs);
    expect({ step: facts.step, rule: facts.rule }).toEqual(want);
    expect(facts.step).toBe(stepFor(inputs));
  });
});

describe('alignRange', () => {
  it.each<[number, number, number, { start: number; end: number }]>([
    [1001, 59_999, 15_000, { start: 0, end: 60_000 }],
    [15_000, 60_000, 15_000, { start: 15_000, end: 60_000 }],
    [1_705_309_212_345, 1_705_312_800_001, 60_000, { start: 1_705_309_200_000, end: 1_705_312_860_000 }],
    [-1, 1, 10, { start: -10, end: 10 }],
    [5, 7, 0, { start: 5, end: 7 }],
  ])('[%d, %d] step %d', (start, end, step, expected) => {
    expect(alignRange(start, end, step)).toEqual(expected);
  });

  it('property: the aligned range covers the original and starts and ends on multiples of step', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.nat(1e10), fc.constantFrom(...READABLE_STEPS), (start, range, step) => {
        const a = alignRange(start, start + range, step);
        expect(a.start).toBeLessThanOrEqual(start);
        expect(a.end).toBeGreaterThanOrEqual(start + range);
        expect(a.start % step).toBe(0);
        expect(a.end % step).toBe(0);
        expect(start - a.start).toBeLessThan(step);
        expect(a.end - (start + range)).toBeLessThan(step);
      }),
    );
  });
});
