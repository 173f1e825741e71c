// Raw series indexed by metric name, so a selector only scans the series it can match.
import type { RawSeries } from '../exposition';
import type { LabelMatcher } from './ast';

/**
 * The samples an evaluation reads: for each step t, those in (t - spanMs, t]. An index whose
 * samples are generated (the live replay) produces only these instead of its whole history.
 */
export interface SampleNeed {
  /** Evaluation times (ms), ascending. */
  readonly steps: readonly number[];
  /** The lookback delta for an instant selector, the range for a range selector. */
  readonly spanMs: number;
}

export interface SeriesIndex {
  /** Every series the index holds, with its stored samples. */
  readonly all: readonly RawSeries[];
  /**
   * The series matching every matcher. With a `need`, each carries at least the samples that need
   * reads (it may carry more); without, its stored samples.
   */
  select(matchers: readonly LabelMatcher[], need?: SampleNeed): RawSeries[];
  /** Whether `series` (one of `all`) has a sample at some time in [startMs, endMs]. */
  hasSamplesBetween(series: RawSeries, startMs: number, endMs: number): boolean;
}

export function labelMatches(matcher: LabelMatcher, labels: Readonly<Record<string, string>>): boolean {
  // A missing label matches as the empty string, as in Prometheus.
  const value = labels[matcher.name] ?? '';
  switch (matcher.type) {
    case '=':
      return value === matcher.value;
    case '!=':
      return value !== matcher.value;
    case '=~':
      return matcher.regex?.test(value) ?? false;
    case '!~':
      return !(matcher.regex?.test(value) ?? false);
  }
}

/** Whether the stored samples of `series` reach into [startMs, endMs]. */
export function storedSamplesBetween(series: RawSeries, startMs: number, endMs: number): boolean {
  const first = series.timestamps[0];
  const last = series.timestamps[series.timestamps.length - 1];
  return first !== undefined && last !== undefined && first <= endMs && last >= startMs;
}

export function createSeriesIndex(series: readonly RawSeries[]): SeriesIndex {
  const byName = new Map<string, RawSeries[]>();
  for (const s of series) {
    const name = s.labels.__name__ ?? '';
    const bucket = byName.get(name);
    if (bucket) bucket.push(s);
    else byName.set(name, [s]);
  }
  return {
    all: series,
    select(matchers) {
      const byExactName = matchers.find((m) => m.name === '__name__' && m.type === '=');
      const candidates = byExactName ? (byName.get(byExactName.value) ?? []) : series;
      return candidates.filter((s) => matchers.every((m) => labelMatches(m, s.labels)));
    },
    hasSamplesBetween: storedSamplesBetween,
  };
}
