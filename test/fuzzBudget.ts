import { expect } from 'vitest';

/**
 * Runs `run` and fails when one input takes longer than `limitMs`. Fuzz tests use it to catch a
 * runaway case (quadratic, exponential or unbounded work on a hostile input), not to claim speed:
 * the limits are far above normal and figures belong in `npm run bench`.
 */
export function expectWithin<T>(limitMs: number, run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(limitMs);
  return result;
}

/** fast-check runs per fuzz property: small, so the whole fuzz set stays within a few seconds. */
export const FUZZ_RUNS = 150;
