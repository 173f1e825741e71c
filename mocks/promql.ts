// The demo backend's PromQL: selectors, rate/increase, sum/avg/min/max by|without, and + - * /,
// evaluated the way Prometheus does over in-memory raw series (by default, the demo scenario and its
// live replay).
import { LIVE_REPLAY } from './liveReplay';
import { rawSeries } from './scenario';
import type { RawSeries } from './exposition';
import { evaluateInstantQuery, evaluateRangeQuery } from './promql/query';
import type { InstantQueryResult, QueryRange, RangeQueryResult } from './promql/query';
import { createReplayIndex } from './promql/replay';
import { createSeriesIndex } from './promql/seriesIndex';
import { withDemoAlerts } from './alerts';
import type { SeriesIndex } from './promql/seriesIndex';

export { PromQLError, PromQLExecutionError, PromQLParseError, PromQLUnsupportedError, SUPPORTED_SUBSET } from './promql/errors';
export type { PromQLErrorType } from './promql/errors';
export { parsePromQL, parseSeriesSelector, parseDurationMs } from './promql/parser';
export type { Expr, LabelMatcher } from './promql/ast';
export { createSeriesIndex, labelMatches } from './promql/seriesIndex';
export type { SampleNeed, SeriesIndex } from './promql/seriesIndex';
export { createReplayIndex, replayedTime } from './promql/replay';
export type { ReplayLoop } from './promql/replay';
export { LOOKBACK_DELTA_MS } from './promql/evaluate';
export { compareLabels } from './promql/labels';
export type { InstantQueryResult, InstantSample, QueryRange, RangeQueryResult, RangeSeries } from './promql/query';

let scenarioIndex: SeriesIndex | undefined;

/** The scenario's raw series, indexed once, with the live replay after LIVE_REPLAY.anchorMs and the demo's alerting rule. */
export function scenarioSeriesIndex(): SeriesIndex {
  scenarioIndex ??= withDemoAlerts(createReplayIndex(createSeriesIndex(rawSeries()), LIVE_REPLAY));
  return scenarioIndex;
}

/** Range query over `series` (default: the scenario). Throws a PromQLError subclass on failure. */
export function queryRange(query: string, range: QueryRange, series?: readonly RawSeries[] | SeriesIndex): RangeQueryResult {
  return evaluateRangeQuery(query, range, toIndex(series));
}

/** Instant query over `series` (default: the scenario). Throws a PromQLError subclass on failure. */
export function queryInstant(query: string, timeMs: number, series?: readonly RawSeries[] | SeriesIndex): InstantQueryResult {
  return evaluateInstantQuery(query, timeMs, toIndex(series));
}

function toIndex(series: readonly RawSeries[] | SeriesIndex | undefined): SeriesIndex {
  if (series === undefined) return scenarioSeriesIndex();
  return 'select' in series ? series : createSeriesIndex(series);
}
