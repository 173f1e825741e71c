import { medianInPlace } from './order';

/** A series reduced to at most a fixed number of points: time (ms) and value columns. */
export interface Buckets {
  readonly times: Float64Array;
  readonly values: Float64Array;
  readonly length: number;
}

/** First index whose timestamp is ≥ t. */
function lowerBound(timestamps: readonly number[], t: number): number {
  let lo = 0;
  let hi = timestamps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timestamps[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The samples of [from, to] in `count` equal time buckets, each reduced to the median of its
 * finite values at the mean time of those values; empty buckets are left out. Medians, not means,
 * so a one-scrape spike does not move a bucket: the trend tests after this see the series' level,
 * and their pairwise work stays bounded (count² / 2) however many points the panel asked for.
 * `scratch` holds one bucket's values and must be as long as the largest bucket can be.
 */
export function bucketMedians(
  timestamps: readonly number[],
  values: readonly number[],
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
  let i = lowerBound(timestamps, from);
  for (let b = 0; b < count && i < n; b++) {
    // The last bucket closes at `to` itself, whatever rounding did to `width`.
    const bucketEnd = b === count - 1 ? to : from + (b + 1) * width;
    let kept = 0;
    let timeSum = 0;
    for (; i < n && (timestamps[i] as number) <= bucketEnd && (b === count - 1 || (timestamps[i] as number) < bucketEnd); i++) {
      const v = values[i] as number;
      if (!Number.isFinite(v) || kept >= scratch.length) continue;
      scratch[kept++] = v;
      timeSum += timestamps[i] as number;
    }
    if (kept === 0) continue;
    times[length] = timeSum / kept;
    medians[length] = medianInPlace(scratch, kept);
    length++;
  }
  return { times, values: medians, length };
}
