// Deterministic series shaped like scrapes (a random walk per series), for benchmarks that need
// sizes no scenario has: 200 series × 11,000 points.
import type { Series } from '../../src/series';

export interface SyntheticOptions {
  readonly seriesCount: number;
  readonly points: number;
  readonly startMs: number;
  readonly stepMs: number;
}

/** xorshift32: fast, and the same numbers on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

export function syntheticSeries({ seriesCount, points, startMs, stepMs }: SyntheticOptions): Series[] {
  const timestamps = Array.from({ length: points }, (_, i) => startMs + i * stepMs);
  return Array.from({ length: seriesCount }, (_, s) => {
    const next = random(0x9e3779b9 ^ (s + 1));
    let value = 1e9 * (1 + next());
    const values = timestamps.map(() => (value += (next() - 0.5) * 1e7));
    return { labels: { __name__: 'bench_metric', instance: `host-${s}` }, timestamps, values };
  });
}

/** The same series as Prometheus' `query_range` JSON answer (seconds, string values). */
export function matrixResponseBody(series: readonly Series[]): string {
  const result = series.map((s) => ({
    metric: s.labels,
    values: s.timestamps.map((t, i) => [t / 1000, String(s.values[i])]),
  }));
  return JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } });
}
