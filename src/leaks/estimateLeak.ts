import { bucketMedians, SAMPLES_PER_BUCKET, type Buckets } from './buckets';
import { mannKendallZ } from './mannKendall';
import { medianInPlace, robustSigmaInPlace } from './order';
import { scratch } from './scratch';
import { segment, type Piece } from './segments';
import { theilSenSlope } from './theilSen';

/** What a panel's `leakWatch` resolves to, in the series' own unit and in ms. */
export interface LeakWatchSettings {
  /** The level a leak must not reach, e.g. the memory alert threshold. */
  readonly limit: number;
  /** Flag only when the projected crossing is at most this far ahead. */
  readonly horizonMs: number;
  /** The trailing stretch of samples the trend is estimated from. */
  readonly windowMs: number;
}

/** Why a series is or is not flagged, in the order the checks run. */
export type LeakVerdict =
  | 'leaking'
  | 'too-few-points'
  | 'not-rising'
  | 'not-significant'
  | 'within-noise'
  | 'step'
  | 'within-wander'
  | 'levelling-off'
  | 'no-new-high'
  | 'too-brief'
  | 'beyond-horizon';

export interface LeakEstimate {
  readonly verdict: LeakVerdict;
  /** Time of the last sample: the "now" every projection starts from. */
  readonly now: number;
  /** Theil–Sen slope of the current regime, value units per ms (NaN with too few points). */
  readonly slopePerMs: number;
  /** The series' level at `now` on that slope, from the median of its last points. */
  readonly levelNow: number;
  /** Where the growth began: the start of the earliest rising piece that runs up to now. */
  readonly since: number;
  /** The growth already ran at the window's (or the data's) first point: "since X or earlier". */
  readonly sinceIsWindowStart: boolean;
  /**
   * When the series reaches the limit: projected on the trend while below it; once above, read from
   * the samples (the last rise through the limit). Null unless rising.
   */
  readonly crossingAt: number | null;
  /** Above the limit from the first sample on: it was reached at `crossingAt` or earlier. */
  readonly crossedBeforeData?: boolean;
  /** Mann–Kendall z of the current regime. */
  readonly trendZ: number;
}

/** Bucket medians per window: bounds the pairwise tests at 7,140 pairs per series. */
export const BUCKETS = 120;
/** The shortest piece a break may leave, and so the shortest rise that can be flagged (in buckets). */
const MIN_PIECE = 10;
/**
 * A break must remove this × ln(m) residual variances of squared error: on a straight line with
 * Gaussian noise, 1 in 1,250 windows of 120 buckets splits falsely (with 4: 1 in 250).
 */
const PENALTY_PER_BREAK = 5;
/** One-sided p < 0.001 for the current regime's rise. */
const Z_FLAG = 3.09;
/**
 * An earlier piece counts as part of the same rise when it rises significantly (one-sided
 * p < 0.01) at no less than this share of the current rate: a leak that speeds up is one rise,
 * the baseline's slow wander before it is not.
 */
const Z_SINCE = 2.33;
const SINCE_SLOPE_SHARE = 0.2;
/** The rise (and the new high) must exceed this many robust σ of the regime's residuals. */
const NOISE_MULTIPLE = 3;
/** A rise taken mostly in one jump between two buckets is a step (a deploy), not a trend. */
const MAX_JUMP_SHARE = 0.5;
/**
 * The rise must exceed this many robust σ of the quiet history's moves over as long: the wander is
 * judged over every stretch of the history at once, so its tail gets a wider berth than the noise.
 */
const WANDER_MULTIPLE = 4;
/** Lag-differences needed before the quiet history's wander is trusted. */
const MIN_WANDER_PAIRS = 10;
/**
 * A rise now running at less than this share of its fastest rate is levelling off (a cache
 * warming up after a restart approaches its plateau exponentially); a leak holds its rate or
 * speeds up.
 */
const LEVELLING_SHARE = 0.5;
/**
 * A rise seen for T is projected at most this × T ahead: 50 s of a random walk's upswing says
 * nothing about the next two hours, 25 minutes of a leak says something about the next three.
 */
const MAX_EXTRAPOLATION = 8;
/** A new high must clear the earlier ones by this share of the rise (bucket phase moves peaks a little). */
const NEW_HIGH_SHARE = 0.25;

function lastFiniteIndex(values: ArrayLike<number>, n: number): number {
  for (let i = n - 1; i >= 0; i--) if (Number.isFinite(values[i])) return i;
  return -1;
}

/** The level at `now` on the regime's slope: the median of the last points carried forward. */
function levelAt(now: number, b: Buckets, regime: Piece, slope: number): number {
  const count = Math.max(3, Math.ceil((regime.to - regime.from) / 5));
  const first = Math.max(regime.from, regime.to - count);
  const carried = scratch('level', count);
  let n = 0;
  for (let i = first; i < regime.to; i++) carried[n++] = (b.values[i] as number) + slope * (now - (b.times[i] as number));
  return medianInPlace(carried, n);
}

function residualSigma(now: number, b: Buckets, regime: Piece, slope: number, level: number): number {
  const residuals = scratch('residuals', regime.to - regime.from);
  let n = 0;
  for (let i = regime.from; i < regime.to; i++) residuals[n++] = (b.values[i] as number) - (level + slope * ((b.times[i] as number) - now));
  return robustSigmaInPlace(residuals, n);
}

function largestJump(b: Buckets, regime: Piece): number {
  let largest = 0;
  for (let i = regime.from + 1; i < regime.to; i++) largest = Math.max(largest, (b.values[i] as number) - (b.values[i - 1] as number));
  return largest;
}

function highest(b: Buckets, from: number, to: number): number {
  let top = -Infinity;
  for (let i = from; i < to; i++) top = Math.max(top, b.values[i] as number);
  return top;
}

/** The rise that runs up to now: where its first piece starts, and the fastest rate any piece of it had. */
interface Growth {
  readonly from: number;
  readonly fastestSlope: number;
}

/** Walks back over the pieces before the regime while they rise too. */
function growthOf(b: Buckets, pieces: readonly Piece[], slope: number): Growth {
  const regime = pieces[pieces.length - 1] as Piece;
  let from = regime.from;
  let fastestSlope = slope;
  for (let p = pieces.length - 2; p >= 0; p--) {
    const piece = pieces[p] as Piece;
    const pieceSlope = theilSenSlope(b.times, b.values, piece.from, piece.to);
    if (!(pieceSlope >= SINCE_SLOPE_SHARE * slope) || mannKendallZ(b.values, piece.from, piece.to) < Z_SINCE) break;
    from = piece.from;
    fastestSlope = Math.max(fastestSlope, pieceSlope);
  }
  return { from, fastestSlope };
}

/**
 * How far the series usually moves over `lag` buckets when it is not rising: the robust spread of
 * lag-differences in the buckets before the rise began. NaN when there is too little of that
 * history to say. A smooth wander hides in the residuals of a short line, but not here.
 */
function wanderOver(b: Buckets, lag: number, before: number): number {
  const pairs = before - lag;
  if (pairs < MIN_WANDER_PAIRS) return NaN;
  const diffs = scratch('wander', pairs);
  for (let i = 0; i < pairs; i++) diffs[i] = (b.values[i + lag] as number) - (b.values[i] as number);
  return robustSigmaInPlace(diffs, pairs);
}

/**
 * The current rate over the fastest the rise has been: the last third of the regime against its
 * first third, and the regime against every earlier piece of the same rise.
 */
function acceleration(b: Buckets, regime: Piece, growth: Growth, slope: number): number {
  const third = Math.max(3, Math.floor((regime.to - regime.from) / 3));
  const early = theilSenSlope(b.times, b.values, regime.from, regime.from + third);
  const late = theilSenSlope(b.times, b.values, regime.to - third, regime.to);
  return Math.min(late / early, slope / growth.fastestSlope);
}

/**
 * Is this series on course to reach `settings.limit` within the horizon? Over the trailing window
 * the samples are reduced to bucket medians and cut into straight pieces (see `segment`); the last
 * piece is the current regime. It is flagged only when all of these hold:
 * - its Theil–Sen slope is positive and Mann–Kendall finds the rise significant;
 * - the rise exceeds the noise around its line and is not one jump (a deploy's step);
 * - it exceeds how far the quiet history before it wandered over as long (when there is any);
 * - it is not levelling off (a cache warming up), and it reaches higher than anything earlier in
 *   the window (a GC sawtooth comes back to the same peaks; a leak does not);
 * - the level carried forward on that slope meets the limit within the horizon, and no further
 *   ahead than 8 × as long as the rise has been seen.
 * For gauges rising toward an upper limit.
 */
export function estimateLeak(series: { readonly timestamps: ArrayLike<number>; readonly values: ArrayLike<number> }, settings: LeakWatchSettings): LeakEstimate {
  const n = Math.min(series.timestamps.length, series.values.length);
  const last = lastFiniteIndex(series.values, n);
  const now = last >= 0 ? (series.timestamps[last] as number) : NaN;
  const quiet = (verdict: LeakVerdict, rest: Partial<LeakEstimate> = {}): LeakEstimate => ({
    verdict,
    now,
    slopePerMs: NaN,
    levelNow: NaN,
    since: NaN,
    sinceIsWindowStart: false,
    crossingAt: null,
    trendZ: 0,
    ...rest,
  });
  if (last < 0) return quiet('too-few-points');

  // The buckets span the data actually there, so a short range still gets fine buckets.
  const from = Math.max(now - settings.windowMs, series.timestamps[0] as number);
  const b = bucketMedians(series.timestamps, series.values, from, now, BUCKETS, scratch('bucket', SAMPLES_PER_BUCKET));
  if (b.length < MIN_PIECE) return quiet('too-few-points');

  const pieces = segment(b.times, b.values, b.length, MIN_PIECE, PENALTY_PER_BREAK);
  const regime = pieces[pieces.length - 1] as Piece;
  const slope = theilSenSlope(b.times, b.values, regime.from, regime.to);
  const trendZ = mannKendallZ(b.values, regime.from, regime.to);
  const levelNow = levelAt(now, b, regime, slope);
  const growth = slope > 0 ? growthOf(b, pieces, slope) : { from: regime.from, fastestSlope: slope };
  const facts = { slopePerMs: slope, levelNow, trendZ, since: b.times[growth.from] as number, sinceIsWindowStart: growth.from === 0 };
  if (!(slope > 0)) return quiet('not-rising', facts);

  // Past the limit, the trend's line says when a straight rise would have crossed it, which
  // depends on the range shown and was off by up to 40 minutes on the seed incident: the samples say
  // when it did.
  const measured = levelNow >= settings.limit ? lastRiseThrough(series.timestamps, series.values, last, settings.limit) : undefined;
  const crossingAt = measured ? measured.at : now + (settings.limit - levelNow) / slope;
  const rising = { ...facts, crossingAt, ...(measured?.beforeData ? { crossedBeforeData: true } : {}) };
  if (trendZ < Z_FLAG) return quiet('not-significant', rising);
  const rise = slope * ((b.times[regime.to - 1] as number) - (b.times[regime.from] as number));
  const noise = residualSigma(now, b, regime, slope, levelNow);
  if (!(rise > NOISE_MULTIPLE * noise)) return quiet('within-noise', rising);
  if (largestJump(b, regime) > MAX_JUMP_SHARE * rise) return quiet('step', rising);
  if (rise <= WANDER_MULTIPLE * wanderOver(b, regime.to - regime.from, growth.from)) return quiet('within-wander', rising);
  if (levelNow < settings.limit && acceleration(b, regime, growth, slope) < LEVELLING_SHARE) return quiet('levelling-off', rising);
  // Measured on the buckets themselves: carrying the level forward would lift every tooth of a
  // sawtooth above the last.
  const margin = Math.max(NOISE_MULTIPLE * noise, NEW_HIGH_SHARE * rise);
  if (!(highest(b, regime.from, regime.to) > highest(b, 0, regime.from) + margin)) return quiet('no-new-high', rising);
  if (crossingAt - now > MAX_EXTRAPOLATION * (now - facts.since)) return quiet('too-brief', rising);
  if (crossingAt - now > settings.horizonMs) return quiet('beyond-horizon', rising);
  return quiet('leaking', rising);
}

/**
 * When the samples last rose through `limit` (interpolated between the two samples around it), or
 * the first sample's time when every sample up to `last` is at or above it. Undefined when the last
 * sample is below the limit.
 */
export function lastRiseThrough(times: ArrayLike<number>, values: ArrayLike<number>, last: number, limit: number): { at: number; beforeData: boolean } | undefined {
  if (!((values[last] as number) >= limit)) return undefined;
  let first = last;
  for (let i = last - 1; i >= 0; i--) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    if (v < limit) {
      const t0 = times[i] as number;
      const t1 = times[first] as number;
      const v1 = values[first] as number;
      return { at: v1 === v ? t1 : t0 + ((limit - v) / (v1 - v)) * (t1 - t0), beforeData: false };
    }
    first = i;
  }
  return { at: times[first] as number, beforeData: true };
}
