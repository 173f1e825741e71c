
/** A run of points [from, to) that one straight line describes. */
export interface Piece {
  readonly from: number;
  readonly to: number;
}

/** Running sums for the least-squares line of any run of points in O(1). */
interface PrefixSums {
  readonly n: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly xx: Float64Array;
  readonly xy: Float64Array;
  readonly yy: Float64Array;
}

function prefixSums(xs: Float64Array, ys: Float64Array, length: number): PrefixSums {
  const sums = { n: new Float64Array(length + 1), x: new Float64Array(length + 1), y: new Float64Array(length + 1), xx: new Float64Array(length + 1), xy: new Float64Array(length + 1), yy: new Float64Array(length + 1) };
  // Relative to the first point, so squares of epoch milliseconds and of gigabytes stay exact enough.
  const x0 = xs[0] as number;
  const y0 = ys[0] as number;
  for (let i = 0; i < length; i++) {
    const x = (xs[i] as number) - x0;
    const y = (ys[i] as number) - y0;
    sums.n[i + 1] = i + 1;
    sums.x[i + 1] = (sums.x[i] as number) + x;
    sums.y[i + 1] = (sums.y[i] as number) + y;
    sums.xx[i + 1] = (sums.xx[i] as number) + x * x;
    sums.xy[i + 1] = (sums.xy[i] as number) + x * y;
    sums.yy[i + 1] = (sums.yy[i] as number) + y * y;
  }
  return sums;
}

/** Squared error left by the least-squares line through points [a, b). */
function lineError(s: PrefixSums, a: number, b: number): number {
  const m = b - a;
  const sx = (s.x[b] as number) - (s.x[a] as number);
  const sy = (s.y[b] as number) - (s.y[a] as number);
  const cxx = (s.xx[b] as number) - (s.xx[a] as number) - (sx * sx) / m;
  const cxy = (s.xy[b] as number) - (s.xy[a] as number) - (sx * sy) / m;
  const cyy = (s.yy[b] as number) - (s.yy[a] as number) - (sy * sy) / m;
  return Math.max(0, cxx > 0 ? cyy - (cxy * cxy) / cxx : cyy);
}

/**
 * Splits the points into pieces that each follow one straight line: binary segmentation (Scott &
 * Knott 1974) of a segmented regression. Each step takes the single break that leaves the least
 * squared error between two independent lines, and keeps it only when the error it removes
 * exceeds `penaltyPerBreak` × ln m of the variance left around the two lines (an F-test with a
 * BIC-like bar, the noise measured on the m points being split); pieces are never shorter than
 * `minPiece` points. The last piece is the series' current regime; the ones before tell where a
 * rise began, a step happened or a plateau started.
 */
export function segment(xs: Float64Array, ys: Float64Array, length: number, minPiece: number, penaltyPerBreak: number): Piece[] {
  if (length < 2) return [{ from: 0, to: length }];
  const sums = prefixSums(xs, ys, length);
  const breaks: number[] = [];
  const split = (a: number, b: number) => {
    if (b - a < 2 * minPiece) return;
    const whole = lineError(sums, a, b);
    let best = Infinity;
    let at = -1;
    for (let k = a + minPiece; k <= b - minPiece; k++) {
      const error = lineError(sums, a, k) + lineError(sums, k, b);
      if (error < best) {
        best = error;
        at = k;
      }
    }
    const m = b - a;
    if (at < 0 || whole - best <= (penaltyPerBreak * Math.log(m) * best) / (m - 4)) return;
    breaks.push(at);
    split(a, at);
    split(at, b);
  };
  split(0, length);
  breaks.sort((p, q) => p - q);
  const pieces: Piece[] = [];
  let from = 0;
  for (const at of breaks) {
    pieces.push({ from, to: at });
    from = at;
  }
  pieces.push({ from, to: length });
  return pieces;
}
