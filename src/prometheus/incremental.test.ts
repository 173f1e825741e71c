import type { SeriesSet } from '../series/types';
import { dependsOnQueryRange, fetchFactsOf, planRangeFetch, type HeldAnswer, type IncrementalPolicy } from './incremental';

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
  it('asks from the last complete step less the overlap', () => {
    // complete up to 12:00:03 → less 2 min = 11:58:03 → the step at or before it, 11:58:00.
    expect(planRangeFetch(held, next, policy, at)).toEqual({ kind: 'tail', from: noon - 2 * M });
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
