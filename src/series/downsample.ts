import type { Labels } from './types';

/**
 * Points of one drawn line, columnar. `xs` are real sample times (ms); a NaN in `ys` is a break:
 * the line lifts there and resumes at the next point. Only the first `length` entries are used —
 * the arrays may be longer.
 */
export interface PathPoints {
  xs: Float64Array;
  ys: Float64Array;
  length: number;
}

const DEFAULT_WIDTH_PX = 1000;

/** A column of numbers: a plain array, or the typed array a series arrived in from the worker. */
export type Column = ArrayLike<number>;

/** First index whose timestamp is ≥ t (or `n`). */
function lowerBound(timestamps: Column, t: number, n: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timestamps[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose timestamp is > t (or `n`). */
function upperBound(timestamps: Column, t: number, n: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((timestamps[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where m4 writes before copying out exactly what it kept: reused across calls, so a draw of 20
 * series allocates 20 right-sized results and no growing arrays. Grown, never shrunk (a few
 * hundred KB at most for one wide, broken series).
 */
const m4Out = { xs: new Float64Array(8192), ys: new Float64Array(8192) };

function ensureM4Room(needed: number): void {
  if (needed <= m4Out.xs.length) return;
  const capacity = Math.max(needed, 2 * m4Out.xs.length);
  const xs = new Float64Array(capacity);
  const ys = new Float64Array(capacity);
  xs.set(m4Out.xs);
  ys.set(m4Out.ys);
  m4Out.xs = xs;
  m4Out.ys = ys;
}

/**
 * Appends a column's first, min, max and last samples in time order, each index once (first ≤
 * min(minI, maxI) ≤ max(minI, maxI) ≤ last); returns the new length. Room for 4 must be there.
 */
function emitColumn(xs: Float64Array, ys: Float64Array, length: number, timestamps: Column, values: Column, firstI: number, minI: number, maxI: number, lastI: number): number {
  const a = minI < maxI ? minI : maxI;
  const b = minI < maxI ? maxI : minI;
  xs[length] = timestamps[firstI] as number;
  ys[length++] = values[firstI] as number;
  if (a > firstI) {
    xs[length] = timestamps[a] as number;
    ys[length++] = values[a] as number;
  }
  if (b > a) {
    xs[length] = timestamps[b] as number;
    ys[length++] = values[b] as number;
  }
  if (lastI > b) {
    xs[length] = timestamps[lastI] as number;
    ys[length++] = values[lastI] as number;
  }
  return length;
}

/**
 * M4 (Jugel et al., VLDB 2014): per pixel column keep the first, min, max and last sample, which
 * draws the same line as all samples at that width. Breaks the line at non-finite values and where
 * two consecutive samples are more than `gapMs` apart (a missing scrape, a series that stopped).
 * Samples outside [start, end] are dropped except the nearest one on each side, so the line
 * reaches the edge. At most 4 points per column and segment, plus breaks, plus the 2 neighbours.
 * `timestamps` must ascend.
 *
 * One pass over the columns with nothing allocated per sample (no closures over changing state,
 * no growing output): a panel draws 20 × 11,000 points in a few milliseconds, reading the typed
 * columns the worker sent (issue 13).
 */
export function m4(p: { timestamps: Column; values: Column; start: number; end: number; widthPx: number; gapMs: number }): PathPoints {
  const { timestamps, values, start, end } = p;
  const n = Math.min(timestamps.length, values.length);
  const width = Number.isFinite(p.widthPx) && p.widthPx >= 1 ? Math.floor(p.widthPx) : DEFAULT_WIDTH_PX;
  const gapMs = Number.isNaN(p.gapMs) ? Infinity : p.gapMs;
  if (n === 0 || !(end > start)) return { xs: new Float64Array(0), ys: new Float64Array(0), length: 0 };

  let first = lowerBound(timestamps, start, n);
  let last = upperBound(timestamps, end, n) - 1;
  if (first > 0) first -= 1;
  if (last < n - 1) last += 1;

  // Each sample is written at most once, each break at most once per sample: 2 per sample bounds it.
  ensureM4Room(Math.min(2 * (last - first + 1), 4 * width + 8) + 8);
  let xs = m4Out.xs;
  let ys = m4Out.ys;
  let length = 0;
  let lastWasBreak = true; // never start with a break

  // The open column: sample indices of its first, min, max and last point (-1: none open).
  let column = 0;
  let firstI = -1;
  let minI = -1;
  let maxI = -1;
  let lastI = -1;
  let minV = 0;
  let maxV = 0;

  const scale = width / (end - start);
  let previousT = NaN;
  for (let i = first; i <= last; i++) {
    const t = timestamps[i] as number;
    const v = values[i] as number;
    const before = previousT;
    const gap = t - before > gapMs;
    previousT = t;
    const finite = Number.isFinite(v) && Number.isFinite(t);
    let c = 0;
    if (finite) {
      if (t < start) c = -1;
      else if (t > end) c = width;
      else c = Math.min(width - 1, Math.floor((t - start) * scale));
    }
    if (gap || !finite || c !== column || firstI < 0) {
      // The open column ends here: write it (and a break, if one is due) with room for both.
      if (length + 6 > xs.length) {
        ensureM4Room(length + 6);
        xs = m4Out.xs;
        ys = m4Out.ys;
      }
      if (firstI >= 0) {
        length = emitColumn(xs, ys, length, timestamps, values, firstI, minI, maxI, lastI);
        lastWasBreak = false;
        firstI = -1;
      }
      // A gap lifts the pen at the sample before it, a non-finite sample at itself; one break
      // where both fall together.
      if ((gap || !finite) && !lastWasBreak) {
        xs[length] = gap ? before : t;
        ys[length++] = NaN;
        lastWasBreak = true;
      }
      if (!finite) continue;
      column = c;
      firstI = minI = maxI = lastI = i;
      minV = maxV = v;
    } else {
      lastI = i;
      if (v < minV) {
        minV = v;
        minI = i;
      } else if (v > maxV) {
        maxV = v;
        maxI = i;
      }
    }
  }
  if (firstI >= 0) {
    if (length + 4 > xs.length) {
      ensureM4Room(length + 4);
      xs = m4Out.xs;
      ys = m4Out.ys;
    }
    length = emitColumn(xs, ys, length, timestamps, values, firstI, minI, maxI, lastI);
    lastWasBreak = false;
  }
  if (length > 0 && lastWasBreak) length -= 1;
  return { xs: xs.slice(0, length), ys: ys.slice(0, length), length };
}

/**
 * The least and greatest value `m4` keeps for [start, end], without decimating: M4 keeps every
 * pixel column's min and max, so its output spans exactly the finite samples it scans — those in
 * the range and the nearest one on each side. The y axis needs this of every line before any line
 * is drawn; a pass over the values is ~50× cheaper than m4, which each line then runs on its own
 * (20 × 11,000 points decimated in one go held the page for 70 ms, issue 13). `min` > `max` when
 * there is no such value.
 */
export function drawnValueRange(p: { timestamps: Column; values: Column; start: number; end: number }): { min: number; max: number } {
  const { timestamps, values, start, end } = p;
  const n = Math.min(timestamps.length, values.length);
  let min = Infinity;
  let max = -Infinity;
  if (n === 0 || !(end > start)) return { min, max };
  let first = lowerBound(timestamps, start, n);
  let last = upperBound(timestamps, end, n) - 1;
  if (first > 0) first -= 1;
  if (last < n - 1) last += 1;
  for (let i = first; i <= last; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v) && Number.isFinite(timestamps[i] as number)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return { min, max };
}

/** Index of the sample closest in time to `t` (the earlier one on a tie), -1 if there is none. */
export function nearestIndex(timestamps: Column, t: number): number {
  const n = timestamps.length;
  if (n === 0 || Number.isNaN(t)) return -1;
  const i = lowerBound(timestamps, t, n);
  if (i === 0) return 0;
  if (i === n) return n - 1;
  const before = timestamps[i - 1] ?? -Infinity;
  const after = timestamps[i] ?? Infinity;
  return t - before <= after - t ? i - 1 : i;
}

/** Legend figures over the finite values (NaN and ±Inf are gaps, not data); NaN when there are none. */
export function seriesStats(values: readonly number[]): { last: number; max: number; min: number; mean: number } {
  let last = NaN;
  let max = -Infinity;
  let min = Infinity;
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    last = v;
    if (v > max) max = v;
    if (v < min) min = v;
    sum += v;
    count += 1;
  }
  if (count === 0) return { last: NaN, max: NaN, min: NaN, mean: NaN };
  return { last, max, min, mean: sum / count };
}

// Grafana's renderLegendFormat: `{{ label }}` becomes the label's value, or the label name when absent.
const LEGEND_PLACEHOLDER = /\{\{([^{}]+?)\}\}/g;

/**
 * A series' display name: `legendFormat` with `{{label}}` placeholders filled in (Grafana), or
 * else the Prometheus form `name{a="b", c="d"}` (`{}` for no labels at all).
 */
export function seriesName(labels: Labels, legendFormat?: string): string {
  if (legendFormat !== undefined && legendFormat.trim() !== '' && legendFormat !== '__auto') {
    return legendFormat.replace(LEGEND_PLACEHOLDER, (_, key: string) => {
      const name = key.trim();
      return labels[name] ?? name;
    });
  }
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(labels)) {
    if (name !== '__name__') pairs.push(`${name}=${JSON.stringify(value)}`);
  }
  return `${labels.__name__ ?? ''}{${pairs.join(', ')}}`;
}

/**
 * The points as the screen shows them, decimated per pixel column as uPlot does for dense data:
 * the points whose x rounds to the same pixel become a vertical stroke at that pixel, entered at
 * the column's first y and left at its last (so the lines between columns are kept), with its
 * min and max in between — and only those of the four that differ. That draws the same picture as
 * all points within half a pixel, with 2–4 vertices per pixel instead of 4 per M4 column, fewer
 * for the browser to parse and rasterise. Output in pixels (x whole, y as the scale gives it);
 * a NaN y is a break, as in `m4`'s output, and so is a point the scales cannot place.
 */
export function pixelColumns(points: PathPoints, xScale: (t: number) => number, yScale: (v: number) => number): PathPoints {
  const capacity = points.length + 1;
  const xs = new Float64Array(capacity);
  const ys = new Float64Array(capacity);
  let length = 0;
  const push = (x: number, y: number) => {
    // Never more than the input (each column emits at most as many points as it took in, a break
    // at most once per input point), so the arrays never grow.
    if (length < capacity && !(x === xs[length - 1] && y === ys[length - 1])) {
      xs[length] = x;
      ys[length] = y;
      length += 1;
    }
  };
  let open = false;
  let column = 0;
  let inY = 0;
  let minY = 0;
  let maxY = 0;
  let outY = 0;
  const flush = () => {
    if (!open) return;
    open = false;
    push(column, inY);
    // A vertical stroke from inY to outY covering [minY, maxY], each of the four at most once:
    // from an extreme straight to the other; else to the extreme outY is not at.
    if (inY === minY) push(column, maxY);
    else if (inY === maxY) push(column, minY);
    else if (outY === minY) {
      push(column, maxY);
      push(column, minY);
    } else {
      push(column, minY);
      push(column, maxY);
    }
    push(column, outY);
  };
  const lift = () => {
    flush();
    if (length > 0 && !Number.isNaN(ys[length - 1] as number)) push(xs[length - 1] as number, NaN);
  };
  for (let i = 0; i < points.length; i++) {
    const value = points.ys[i] ?? NaN;
    const x = Number.isNaN(value) ? NaN : Math.round(xScale(points.xs[i] ?? NaN));
    const y = Number.isNaN(value) ? NaN : yScale(value);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      lift();
      continue;
    }
    if (open && x === column) {
      if (y < minY) minY = y;
      else if (y > maxY) maxY = y;
      outY = y;
    } else {
      flush();
      open = true;
      column = x;
      inY = minY = maxY = outY = y;
    }
  }
  flush();
  if (length > 0 && Number.isNaN(ys[length - 1] as number)) length -= 1;
  return { xs, ys, length };
}

/**
 * Path data is written as ASCII bytes into this buffer and decoded once per path: built by string
 * concatenation, each point left five small strings and a rope node behind, and a draw of 20 lines
 * of 11,000 points spent more in the garbage collector than in building them (issue 13). Grown,
 * never shrunk; reused by every path.
 */
const pathOut: { bytes: Uint8Array } = { bytes: new Uint8Array(1 << 16) };
const pathText = new TextDecoder();

const MOVE = 0x4d; // M
const LINE = 0x4c; // L
const SPACE = 0x20;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;
/** The most bytes one point can take: a command and two coordinates of at most 24 characters each. */
const POINT_BYTES = 64;

function ensurePathRoom(bytes: Uint8Array, needed: number): Uint8Array {
  if (needed <= bytes.length) return bytes;
  const grown = new Uint8Array(Math.max(needed, 2 * bytes.length));
  grown.set(bytes);
  pathOut.bytes = grown;
  return grown;
}

/** Writes the digits of a whole number ≥ 0 at `at`; returns the end. */
function writeWhole(bytes: Uint8Array, at: number, whole: number): number {
  let digits = 1;
  for (let rest = whole; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  let rest = whole;
  for (let i = at + digits - 1; i >= at; i--) {
    bytes[i] = ZERO + (rest % 10);
    rest = Math.floor(rest / 10);
  }
  return at + digits;
}

/**
 * Writes `v` to one decimal, the decimal left out when it is 0 (integers print much faster than
 * fractions, and are shorter to parse); returns the end.
 */
/** Below this many tenths of a pixel (10⁸ px) the digits of `tenths` are exact and written byte by byte. */
const FAST_TENTHS_LIMIT = 1e9;

function writeCoordinate(bytes: Uint8Array, at: number, v: number): number {
  const tenths = Math.round(v * 10);
  if (!(Math.abs(tenths) < FAST_TENTHS_LIMIT)) {
    // Far off any screen: written exactly as string building writes it (toFixed of tenths / 10,
    // which differs from the digits of `tenths` once the division is no longer exact).
    const text = Number.isSafeInteger(tenths) ? `${tenths < 0 ? '-' : ''}${(Math.abs(tenths) / 10).toFixed(1).replace(/\.0$/, '')}` : String(Math.round(v));
    for (let i = 0; i < text.length; i++) bytes[at++] = text.charCodeAt(i);
    return at;
  }
  if (tenths < 0) bytes[at++] = MINUS;
  const magnitude = tenths < 0 ? -tenths : tenths;
  const whole = Math.floor(magnitude / 10);
  const fraction = magnitude - whole * 10;
  at = writeWhole(bytes, at, whole);
  if (fraction !== 0) {
    bytes[at++] = DOT;
    bytes[at++] = ZERO + fraction;
  }
  return at;
}

/**
 * SVG path data: `M x y` starts each run of points, `L x y` continues it, a break (or a point the
 * scales cannot place) lifts the pen. A run of a single point gets a zero-length `L` so that a
 * round line cap still shows it as a dot. Coordinates to one decimal, without it when it is 0.
 */
export function toSvgPath(
  points: PathPoints,
  xScale: (t: number) => number,
  yScale: (v: number) => number,
): string {
  let bytes = pathOut.bytes;
  let at = 0;
  let runLength = 0;
  let runStart = 0; // where the run's first "x y" starts, and ends
  let runStartEnd = 0;
  for (let i = 0; i < points.length; i++) {
    const value = points.ys[i] ?? NaN;
    const x = Number.isNaN(value) ? NaN : xScale(points.xs[i] ?? NaN);
    const y = Number.isNaN(value) ? NaN : yScale(value);
    // Room for this point and for a lone point's closing L.
    bytes = ensurePathRoom(bytes, at + 2 * POINT_BYTES);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      if (runLength === 1) at = closeLonePoint(bytes, at, runStart, runStartEnd);
      runLength = 0;
      continue;
    }
    bytes[at++] = runLength === 0 ? MOVE : LINE;
    const xyStart = at;
    at = writeCoordinate(bytes, at, x);
    bytes[at++] = SPACE;
    at = writeCoordinate(bytes, at, y);
    if (runLength === 0) {
      runStart = xyStart;
      runStartEnd = at;
    }
    runLength += 1;
  }
  if (runLength === 1) at = closeLonePoint(bytes, at, runStart, runStartEnd);
  return pathText.decode(bytes.subarray(0, at));
}

/** `L` and the run's one point again: a zero-length segment the round cap paints as a dot. */
function closeLonePoint(bytes: Uint8Array, at: number, from: number, to: number): number {
  bytes[at++] = LINE;
  bytes.copyWithin(at, from, to);
  return at + (to - from);
}
