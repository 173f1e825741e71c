import { medianInPlace } from './order';

/** A series reduced to at most a fixed number of points: time (ms) and value columns. */
export interface Buckets {
  readonly times: Float64Array;
  readonly values: Float64Array;
  readonly length: number;
}

/** Samples a bucket's median is taken from at most; more are thinned evenly. */
export const SAMPLES_PER_BUCKET = 15;

/** First index in [lo, hi) whose timestamp is ≥ t (or > t when `after`). */
function bound(timestamps: ArrayLike<number>, t: number, lo: number, hi: number, after: boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = timestamps[mid] as number;
    if (at < t || (after && at === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The samples of [from, to] in `count` equal time buckets, each reduced to the median of its
 * finite values at the mean time of those values; empty buckets are left out. Medians, not means,
 * so a one-scrape spike does not move a bucket: the trend tests after this see the series' level,
 * and their pairwise work stays bounded (count² / 2) however many points the panel asked for.
 * A bucket holding more than `SAMPLES_PER_BUCKET` samples is thinned to that many, evenly spaced
 * (deterministic): 11,000 points cost 120 × 15 reads, not 11,000, and a spike of a scrape or two
 * still meets at most one of them. `scratch` must hold `SAMPLES_PER_BUCKET` values.
 */
export function bucketMedians(
  timestamps: ArrayLike<number>,
  values: ArrayLike<number>,
  from: number,
  to: number,
  count: number,
  scratch: Float64Array,
): Buckets {
  const times = new Float64Array(count);
  const medians = new Float64Array(count);
  let length = 0;
  const width = (to - from) / count;
  const n = Math.min(timestamps.length, values.length);
  let lo = bound(timestamps, from, 0, n, false);
  for (let b = 0; b < count && lo < n; b++) {
    // The last bucket closes at `to` itself, whatever rounding did to `width`.
    const hi = b === count - 1 ? bound(timestamps, to, lo, n, true) : bound(timestamps, from + (b + 1) * width, lo, n, false);
    const size = hi - lo;
    const stride = Math.max(1, size / SAMPLES_PER_BUCKET);
    let kept = 0;
    let timeSum = 0;
    for (let k = stride / 2; k < size && kept < scratch.length; k += stride) {
      const i = lo + Math.floor(k);
      const v = values[i] as number;
      if (!Number.isFinite(v)) continue;
      scratch[kept++] = v;
      timeSum += timestamps[i] as number;
    }
    if (kept > 0) {
      times[length] = timeSum / kept;
      medians[length] = medianInPlace(scratch, kept);
      length++;
    }
    lo = hi;
  }
  return { times, values: medians, length };
}
