import fc from 'fast-check';
import { estimateLeak, lastRiseThrough, type LeakWatchSettings } from './estimateLeak';
import { gaussian, GiB, HOUR, MiB, MINUTE, sampled, seededRandom, until, wander, type SyntheticSeries } from './fixtures/shapes';

const T0 = Date.UTC(2024, 0, 15, 6);
const TWO_HOURS: Pick<LeakWatchSettings, 'horizonMs' | 'windowMs'> = { horizonMs: 2 * HOUR, windowMs: 2 * HOUR };
/** Property runs: fast-check's default unless LEAK_PROPERTY_RUNS asks for a longer hunt. */
const RUNS = Number(process.env.LEAK_PROPERTY_RUNS ?? 100);
const PROPERTY_TIMEOUT_MS = Math.max(5_000, RUNS * 5);

/** Noise distributions of every shape: the flat-series property must hold for all of them. */
type NoiseKind = 'gaussian' | 'uniform' | 'heavy-tailed' | 'sparse-spikes' | 'quantised';

function noiseOf(kind: NoiseKind, random: () => number): () => number {
  const normal = gaussian(random);
  switch (kind) {
    case 'gaussian':
      return normal;
    case 'uniform':
      return () => random() * 2 - 1;
    case 'heavy-tailed':
      // Student's t with 2 degrees of freedom: no finite variance.
      return () => normal() / Math.sqrt((normal() ** 2 + normal() ** 2) / 2);
    case 'sparse-spikes':
      return () => (random() < 0.03 ? 10 * random() : 0);
    case 'quantised':
      return () => Math.round(normal() * 2) / 2;
  }
}

/** Every verdict at each minute from `from` to `to`, as a panel refreshing each minute would see. */
function verdictsOver(series: SyntheticSeries, limit: number, from: number, to: number) {
  const seen: { minute: number; verdict: string }[] = [];
  for (let now = from; now <= to; now += MINUTE) {
    seen.push({ minute: (now - T0) / MINUTE, verdict: estimateLeak(until(series, now), { limit, ...TWO_HOURS }).verdict });
  }
  return seen;
}

const flagged = (seen: readonly { minute: number; verdict: string }[]) => seen.filter((s) => s.verdict === 'leaking').map((s) => s.minute);

describe('estimateLeak, properties', () => {
  it('finds a linear trend under noise: slope within 10 %, crossing within 10 minutes, flagged', () => {
    fc.assert(
      fc.property(
        fc.record({
          level: fc.double({ min: 1e3, max: 1e10, noNaN: true }),
          // The rise over the window, as a share of the level.
          riseShare: fc.double({ min: 0.05, max: 2, noNaN: true }),
          windowMinutes: fc.integer({ min: 30, max: 360 }),
          points: fc.integer({ min: 120, max: 3000 }),
          // Noise σ as a share of the rise.
          noiseShare: fc.double({ min: 0, max: 0.01, noNaN: true }),
          seed: fc.integer(),
        }),
        ({ level, riseShare, windowMinutes, points, noiseShare, seed }) => {
          const windowMs = windowMinutes * MINUTE;
          const interval = Math.max(1000, Math.round(windowMs / points));
          const rise = level * riseShare;
          const slope = rise / windowMs;
          const noise = gaussian(seededRandom(seed));
          const series = sampled(T0, T0 + windowMs, interval, (t) => level + slope * (t - T0) + noiseShare * rise * noise());
          const now = series.timestamps.at(-1) as number;
          // The limit an hour ahead on the true line.
          const limit = level + slope * (now - T0 + HOUR);
          const estimate = estimateLeak(series, { limit, horizonMs: 2 * HOUR, windowMs });
          expect(estimate.verdict).toBe('leaking');
          expect(Math.abs(estimate.slopePerMs / slope - 1)).toBeLessThan(0.1);
          expect(Math.abs((estimate.crossingAt as number) - (now + HOUR))).toBeLessThan(10 * MINUTE);
        },
      ),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('never flags a flat series, whatever its noise, limit or horizon', () => {
    fc.assert(
      fc.property(
        fc.record({
          level: fc.double({ min: 0, max: 1e10, noNaN: true }),
          kind: fc.constantFrom<NoiseKind>('gaussian', 'uniform', 'heavy-tailed', 'sparse-spikes', 'quantised'),
          // Noise scale as a share of the level (0: none; up to half the level).
          noiseShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
          points: fc.integer({ min: 60, max: 3000 }),
          intervalSeconds: fc.integer({ min: 1, max: 300 }),
          // Anywhere above the level: just above it, or far.
          headroomShare: fc.double({ min: 1e-3, max: 10, noNaN: true }),
          horizonMinutes: fc.integer({ min: 1, max: 30 * 24 * 60 }),
          windowMinutes: fc.integer({ min: 1, max: 24 * 60 }),
          seed: fc.integer(),
        }),
        ({ level, kind, noiseShare, points, intervalSeconds, headroomShare, horizonMinutes, windowMinutes, seed }) => {
          const noise = noiseOf(kind, seededRandom(seed));
          const scale = Math.max(level, 1);
          const series = sampled(T0, T0 + (points - 1) * intervalSeconds * 1000, intervalSeconds * 1000, () => level + noiseShare * scale * noise());
          const estimate = estimateLeak(series, { limit: level + headroomShare * scale, horizonMs: horizonMinutes * MINUTE, windowMs: windowMinutes * MINUTE });
          expect(estimate.verdict).not.toBe('leaking');
        },
      ),
      { numRuns: RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);
});

describe('estimateLeak, shapes that are not leaks', () => {
  // Each shape with the limit near enough that its ups would cross it within the 2 h horizon, so
  // it is the shape the estimator must see through, not the distance. Eight noise seeds each.
  const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

  it.each(SEEDS)('a flat noisy baseline, 300 MiB under the limit (seed %i)', (seed) => {
    const drift = wander(seed, 10 * MINUTE);
    const cache = wander(seed + 100, 10 * MINUTE);
    const jitter = gaussian(seededRandom(seed));
    const series = sampled(T0, T0 + 6 * HOUR, 15_000, (t) => 1.2 * GiB + 8 * MiB * drift(t) + 5.6 * MiB * cache(t) + 2 * MiB * jitter());
    expect(flagged(verdictsOver(series, 1.5 * GiB, T0 + 30 * MINUTE, T0 + 6 * HOUR))).toEqual([]);
  });

  it.each(SEEDS)('a GC sawtooth rising 200 MiB in 9 minutes, then collected (seed %i)', (seed) => {
    const jitter = gaussian(seededRandom(seed));
    const period = 10 * MINUTE;
    const series = sampled(T0, T0 + 4 * HOUR, 15_000, (t) => {
      const phase = ((t - T0 + seed * MINUTE) % period) / period;
      return 800 * MiB + 200 * MiB * Math.min(phase / 0.9, (1 - phase) / 0.1) + 3 * MiB * jitter();
    });
    expect(flagged(verdictsOver(series, 1.1 * GiB, T0 + 30 * MINUTE, T0 + 4 * HOUR))).toEqual([]);
  });

  it.each(SEEDS)('a slow sawtooth: 30 minutes up, then collected (seed %i)', (seed) => {
    const jitter = gaussian(seededRandom(seed));
    const period = 30 * MINUTE;
    const series = sampled(T0, T0 + 6 * HOUR, 15_000, (t) => {
      const phase = ((t - T0 + seed * 7 * MINUTE) % period) / period;
      return 800 * MiB + 200 * MiB * Math.min(phase / 0.95, (1 - phase) / 0.05) + 3 * MiB * jitter();
    });
    // From the second tooth on: the first one has nothing to be compared with.
    expect(flagged(verdictsOver(series, 1.1 * GiB, T0 + 60 * MINUTE, T0 + 6 * HOUR))).toEqual([]);
  });

  it.each(SEEDS)('a step of +300 MiB after a deploy, then flat (seed %i)', (seed) => {
    const drift = wander(seed, 10 * MINUTE);
    const jitter = gaussian(seededRandom(seed));
    const deploy = T0 + 2 * HOUR;
    const series = sampled(T0, T0 + 5 * HOUR, 15_000, (t) => 700 * MiB + (t >= deploy ? 300 * MiB : 0) + 8 * MiB * drift(t) + 2 * MiB * jitter());
    expect(flagged(verdictsOver(series, 1.1 * GiB, deploy - 10 * MINUTE, T0 + 5 * HOUR))).toEqual([]);
  });

  it.each(SEEDS)('a cache warming up after a restart, then a plateau (seed %i)', (seed) => {
    const drift = wander(seed, 10 * MINUTE);
    const jitter = gaussian(seededRandom(seed));
    const restart = T0 + 2 * HOUR;
    const series = sampled(T0, T0 + 5 * HOUR, 15_000, (t) => {
      const base = t < restart ? 950 * MiB : 300 * MiB + 600 * MiB * (1 - Math.exp(-(t - restart) / (5 * MINUTE)));
      return base + 8 * MiB * drift(t) + 2 * MiB * jitter();
    });
    expect(flagged(verdictsOver(series, 1.1 * GiB, restart - 10 * MINUTE, T0 + 5 * HOUR))).toEqual([]);
  });

  it.each(SEEDS)('a new series warming up: quiet once it bends toward its plateau (seed %i)', (seed) => {
    // Without history a warm-up's first minutes look like a leak (a new pod); from about one time
    // constant on, it bends, and the levelling-off check holds it.
    const drift = wander(seed, 10 * MINUTE);
    const jitter = gaussian(seededRandom(seed));
    const series = sampled(T0, T0 + 3 * HOUR, 15_000, (t) => 300 * MiB + 600 * MiB * (1 - Math.exp(-(t - T0) / (5 * MINUTE))) + 8 * MiB * drift(t) + 2 * MiB * jitter());
    expect(flagged(verdictsOver(series, 1.1 * GiB, T0 + 10 * MINUTE, T0 + 3 * HOUR))).toEqual([]);
  });

  it.each(SEEDS)('a one-minute spike of +400 MiB every 47 minutes, one of them at the very end (seed %i)', (seed) => {
    const drift = wander(seed, 10 * MINUTE);
    const jitter = gaussian(seededRandom(seed));
    const series = sampled(T0, T0 + 4 * HOUR, 15_000, (t) => 1.0 * GiB + 8 * MiB * drift(t) + 2 * MiB * jitter() + ((t - T0) % (47 * MINUTE) < MINUTE ? 400 * MiB : 0));
    const seen = verdictsOver(series, 1.5 * GiB, T0 + 30 * MINUTE, T0 + 4 * HOUR);
    expect(seen.some((s) => s.minute % 47 === 0)).toBe(true);
    expect(flagged(seen)).toEqual([]);
  });
});

describe('the crossing of a series already past the limit', () => {
  // Rises 10 MiB/min from 08:30, crosses 1.5 GiB at 10:00 (the limit), then levels off (a leaking
  // process thrashing): a straight line back through the slowing rise puts the crossing elsewhere,
  // and where depends on the range shown.
  const limit = 1.5 * GiB;
  const start = Date.UTC(2024, 0, 15, 8, 30);
  const crossing = Date.UTC(2024, 0, 15, 10, 0);
  const base = limit - 90 * 10 * MiB;
  const level = (t: number) => (t <= crossing ? base + ((t - start) / MINUTE) * 10 * MiB : limit + 300 * MiB * (1 - Math.exp(-(t - crossing) / (30 * MINUTE))));
  const seriesUntil = (from: number, to: number) => {
    const timestamps: number[] = [];
    for (let t = from; t <= to; t += 15_000) timestamps.push(t);
    return { timestamps, values: timestamps.map((t) => (t < start ? base : level(t))) };
  };

  it('reads it from the samples, the same whatever range is shown', () => {
    for (const [from, to] of [
      [Date.UTC(2024, 0, 15, 8, 0), Date.UTC(2024, 0, 15, 10, 30)],
      [Date.UTC(2024, 0, 15, 9, 30), Date.UTC(2024, 0, 15, 11, 0)],
    ] as const) {
      const estimate = estimateLeak(seriesUntil(from, to), { limit, ...TWO_HOURS });
      expect(estimate.levelNow).toBeGreaterThan(limit);
      expect(Math.abs((estimate.crossingAt as number) - crossing)).toBeLessThanOrEqual(15_000);
      expect(estimate.crossedBeforeData).toBeUndefined();
    }
  });

  it('says "or earlier" when every sample shown is already past it', () => {
    expect(lastRiseThrough([1, 2, 3], [5, 6, 7], 2, 4)).toEqual({ at: 1, beforeData: true });
    expect(lastRiseThrough([0, 10, 20, 30], [3, 5, 3, 5], 3, 4)).toEqual({ at: 25, beforeData: false });
    expect(lastRiseThrough([0, 10], [5, 3], 1, 4)).toBeUndefined();
    expect(lastRiseThrough([0, 10, 20], [3, NaN, 5], 2, 4)).toEqual({ at: 10, beforeData: false });
  });
});
