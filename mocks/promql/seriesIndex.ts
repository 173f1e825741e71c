// Raw series indexed by metric name, so a selector only scans the series it can match.
import type { RawSeries } from '../exposition';
import type { LabelMatcher } from './ast';

export interface SeriesIndex {
  readonly all: readonly RawSeries[];
  select(matchers: readonly LabelMatcher[]): RawSeries[];
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
  };
}
