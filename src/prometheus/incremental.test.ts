import fc from 'fast-check';
import type { SeriesSet } from '../series/types';
import { dependsOnQueryRange, fetchFactsOf, planRangeFetch, readsLaterSamples, type HeldAnswer, type IncrementalPolicy } from './incremental';

const S = 1_000;
const M = 60 * S;
const step = 10 * S;
const policy: IncrementalPolicy = { overlapMs: 2 * M, fullEveryMs: 10 * M };
// A `now-1h` window answered at 12:00:03 (its end is the next whole step, 12:00:10).
const noon = Date.UTC(2026, 0, 5, 12);
const fullAt = noon + 3 * S;
const heldSet: SeriesSet = {
  series: [],
  start: noon - 60 * M,
  end: noon + step,
  step,
  warnings: [],
  fetch: { kind: 'full', from: noon - 60 * M, fetchedAt: noon + 3 * S, fullAt: noon + 3 * S },
};
const held: HeldAnswer = { expr: 'up', set: heldSet };
// The next tick, 1 s later: the window moved by one step.
const next = { expr: 'up', start: noon - 60 * M + step, end: noon + 2 * step, step };
const at = noon + 4 * S;

describe('planRangeFetch', () => {
  it('asks from the first step after what was final when the held answer was asked', () => {
    // asked at 12:00:03, less 2 min = 11:58:03: final up to there → the next step, 11:58:10.
    expect(planRangeFetch(held, next, policy, at)).toEqual({ kind: 'tail', from: noon - 2 * M + step });
  });

  // Late scrapes: a sample may be written up to `overlap` after its own time. Every evaluation
  // that could still change when the held answer was asked is asked again, and nothing earlier.
  it('asks again every evaluation within the overlap of the held answer, and only those', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 5, 10, 15, 30, 60).map((s) => s * S),
        fc.integer({ min: 0, max: 10 * M }),
        fc.integer({ min: 0, max: 60 * S }),
        fc.integer({ min: 1, max: 30 }),
        (stepMs, overlapMs, askedAfterEnd, moves) => {
          const end = noon + stepMs;
          const start = end - 60 * M;
          const fetchedAt = end - stepMs + (askedAfterEnd % stepMs);
          const set: SeriesSet = { series: [], start, end, step: stepMs, warnings: [], fetch: { kind: 'full', from: start, fetchedAt, fullAt: fetchedAt } };
          const wanted = { expr: 'up', start: start + moves * stepMs, end: end + moves * stepMs, step: stepMs };
          const plan = planRangeFetch({ expr: 'up', set }, wanted, { overlapMs, fullEveryMs: 24 * 60 * M }, fetchedAt + moves * stepMs);
          const settled = fetchedAt - overlapMs;
          if (plan.kind === 'full') return settled < wanted.start + stepMs;
          // The first evaluation asked may have changed; the one before it had not.
          return plan.from > settled && plan.from - stepMs <= settled && (plan.from - wanted.start) % stepMs === 0;
        },
      ),
    );
  });

  it.each<[string, HeldAnswer | undefined, typeof next, IncrementalPolicy | undefined, number]>([
    ['incremental off (or an absolute range)', held, next, undefined, at],
    ['nothing held', undefined, next, policy, at],
    ['the held answer is of another expression', held, { ...next, expr: 'up == 0' }, policy, at],
    ['another step', held, { ...next, step: 15 * S, start: noon - 60 * M, end: noon + 15 * S }, policy, at],
    ['the full fetch is 10 min old', held, next, policy, fullAt + 10 * M],
    ['the clock went back', held, next, policy, fullAt - 1],
    ['the range grew backwards', held, { ...next, start: heldSet.start - step }, policy, at],
    ['the grid moved by part of a step', held, { ...next, start: next.start + S }, policy, at],
    ['the overlap reaches the start', held, next, { ...policy, overlapMs: 60 * M }, at],
    ['@ end() depends on the range', { ...held, expr: 'up @ end()' }, { ...next, expr: 'up @ end()' }, policy, at],
    ['a negative offset reads later samples', { ...held, expr: 'up offset -5m' }, { ...next, expr: 'up offset -5m' }, policy, at],
    ['the held answer has no fetch facts', { expr: 'up', set: { ...heldSet, fetch: undefined } }, next, policy, at],
  ])('asks the whole range when %s', (_why, h, wanted, p, now) => {
    expect(planRangeFetch(h, wanted, p, now)).toEqual({ kind: 'full' });
  });

  it('keeps the full fetch time across tails, and a full fetch starts a new one', () => {
    const tail = fetchFactsOf({ kind: 'tail', from: noon - 2 * M }, next, held, at);
    expect(tail).toEqual({ kind: 'tail', from: noon - 2 * M, fetchedAt: at, fullAt: fullAt });
    expect(fetchFactsOf({ kind: 'full' }, next, held, at)).toEqual({ kind: 'full', from: next.start, fetchedAt: at, fullAt: at });
  });
});

describe('dependsOnQueryRange', () => {
  it.each([
    ['rate(x[5m] @ start())', true],
    ['x @ end ( )', true],
    ['x @ 1700000000', false],
    ['sum by (end) (x)', false],
  ])('%s → %s', (expr, expected) => {
    expect(dependsOnQueryRange(expr)).toBe(expected);
  });
});

describe('readsLaterSamples', () => {
  it.each([
    ['rate(x[5m] offset -5m)', true],
    ['x offset-1h', true],
    ['x offset 5m', false],
    ['x{offset="-1"}', false],
  ])('%s → %s', (expr, expected) => {
    expect(readsLaterSamples(expr)).toBe(expected);
  });
});
