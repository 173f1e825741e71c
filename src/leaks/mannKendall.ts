import { scratch } from './scratch';

/**
 * The Mann–Kendall trend test on ys[from, to) (in time order): S counts rising pairs minus falling
 * pairs; under "no trend" S is about normal with the variance below, reduced for tied values
 * (Kendall 1975). Returns the continuity-corrected z: positive for a rising series, ≥ 3.09 is
 * significant at one-sided p < 0.001. Assumes independent points — the caller's bucket medians
 * are closer to that than raw scrapes, and the leak flag never rests on this test alone.
 */
export function mannKendallZ(ys: Float64Array, from: number, to: number): number {
  const n = to - from;
  if (n < 3) return 0;
  let s = 0;
  for (let i = from; i < to; i++) {
    const yi = ys[i] as number;
    for (let j = i + 1; j < to; j++) {
      const d = (ys[j] as number) - yi;
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
    }
  }
  const variance = (n * (n - 1) * (2 * n + 5) - tieTerm(ys, from, to)) / 18;
  if (!(variance > 0)) return 0;
  if (s > 0) return (s - 1) / Math.sqrt(variance);
  if (s < 0) return (s + 1) / Math.sqrt(variance);
  return 0;
}

/** Σ t(t − 1)(2t + 5) over groups of t equal values. */
function tieTerm(ys: Float64Array, from: number, to: number): number {
  const n = to - from;
  const sorted = scratch('mann-kendall', n).subarray(0, n);
  sorted.set(ys.subarray(from, to));
  sorted.sort();
  let term = 0;
  let run = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && sorted[i] === sorted[i - 1]) {
      run++;
      continue;
    }
    if (run > 1) term += run * (run - 1) * (2 * run + 5);
    run = 1;
  }
  return term;
}
