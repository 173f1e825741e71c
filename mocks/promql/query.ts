// Instant and range queries over a series index, answering in the shapes of Prometheus' query API
// (times and values still as numbers; the HTTP layer formats them).
import { PromQLError } from './errors';
import { evaluateStep, upperBound } from './evaluate';
import type { StepSeries } from './evaluate';
import { compareLabels } from './labels';
import type { LabelSet } from './labels';
import { parsePromQL } from './parser';
import type { SeriesIndex } from './seriesIndex';

export interface RangeSeries {
  readonly metric: LabelSet;
  /** ms */
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
}

export interface InstantSample {
  readonly metric: LabelSet;
  /** ms */
  readonly timestamp: number;
  readonly value: number;
}

export type InstantQueryResult =
  | { readonly resultType: 'vector'; readonly result: readonly InstantSample[] }
  | { readonly resultType: 'scalar'; readonly result: { readonly timestamp: number; readonly value: number } }
  | { readonly resultType: 'matrix'; readonly result: readonly RangeSeries[] };

export interface RangeQueryResult {
  readonly resultType: 'matrix';
  readonly result: readonly RangeSeries[];
}

export interface QueryRange {
  readonly startMs: number;
  readonly endMs: number;
  readonly stepMs: number;
}

function stepsOf({ startMs, endMs, stepMs }: QueryRange): number[] {
  if (!(stepMs > 0)) throw new PromQLError('zero or negative query resolution step widths are not accepted. Try a positive integer', 'bad_data');
  const steps: number[] = [];
  for (let t = startMs; t <= endMs; t += stepMs) steps.push(t);
  return steps;
}

function sortedByLabels<T extends { readonly metric: LabelSet }>(items: T[]): T[] {
  return items.sort((a, b) => compareLabels(a.metric, b.metric));
}

function toRangeSeries(series: readonly StepSeries[], steps: readonly number[]): RangeSeries[] {
  return sortedByLabels(
    series.map((s) => {
      const timestamps: number[] = [];
      const values: number[] = [];
      s.present.forEach((isPresent, k) => {
        if (!isPresent) return;
        timestamps.push(steps[k] as number);
        values.push(s.values[k] as number);
      });
      return { metric: s.labels, timestamps, values };
    }),
  );
}

/** Evaluates `query` at every step from start to end (ms), as `/api/v1/query_range` does. */
export function evaluateRangeQuery(query: string, range: QueryRange, index: SeriesIndex): RangeQueryResult {
  const expr = parsePromQL(query);
  if (expr.type === 'matrixSelector') {
    throw new PromQLError('invalid expression type "range vector" for range query, must be Scalar or instant Vector', 'bad_data');
  }
  const steps = stepsOf(range);
  const value = evaluateStep({ index, steps }, expr);
  if (value.kind === 'scalar') {
    return { resultType: 'matrix', result: [{ metric: {}, timestamps: steps, values: Array.from(value.values) }] };
  }
  return { resultType: 'matrix', result: toRangeSeries(value.series, steps) };
}

/** Evaluates `query` at one time (ms), as `/api/v1/query` does; a range selector returns its raw samples. */
export function evaluateInstantQuery(query: string, timeMs: number, index: SeriesIndex): InstantQueryResult {
  const expr = parsePromQL(query);
  if (expr.type === 'matrixSelector') {
    const result = index.select(expr.matchers, { steps: [timeMs], spanMs: expr.rangeMs }).flatMap((raw) => {
      const first = upperBound(raw.timestamps, timeMs - expr.rangeMs);
      const end = upperBound(raw.timestamps, timeMs);
      if (end <= first) return [];
      return [{ metric: raw.labels, timestamps: raw.timestamps.slice(first, end), values: raw.values.slice(first, end) }];
    });
    return { resultType: 'matrix', result: sortedByLabels(result) };
  }
  const value = evaluateStep({ index, steps: [timeMs] }, expr);
  if (value.kind === 'scalar') return { resultType: 'scalar', result: { timestamp: timeMs, value: value.values[0] as number } };
  const result = value.series
    .filter((s) => s.present[0])
    .map((s) => ({ metric: s.labels, timestamp: timeMs, value: s.values[0] as number }));
  return { resultType: 'vector', result: sortedByLabels(result) };
}
