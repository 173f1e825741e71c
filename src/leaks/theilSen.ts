import { medianInPlace } from './order';
import { scratch } from './scratch';

/**
 * Theil–Sen slope (Sen 1968): the median of the slopes between every pair of points of
 * [from, to). One outlier moves a least-squares line; it moves this median by at most one rank,
 * so a spike cannot tilt the trend. O(n²) pairs: callers hand it bucketed points (≤ a few hundred).
 */
export function theilSenSlope(xs: Float64Array, ys: Float64Array, from: number, to: number): number {
  const n = to - from;
  const slopes = scratch('theil-sen', (n * (n - 1)) / 2);
  let count = 0;
  for (let i = from; i < to; i++) {
    const xi = xs[i] as number;
    const yi = ys[i] as number;
    for (let j = i + 1; j < to; j++) {
      const dx = (xs[j] as number) - xi;
      if (dx > 0) slopes[count++] = ((ys[j] as number) - yi) / dx;
    }
  }
  return medianInPlace(slopes, count);
}
