// The demo scenario and its PromQL evaluator, without MSW, so Node scripts can import them.
export { MEMORY_ALERT_THRESHOLD_BYTES, SCENARIO, rawSeries, toOpenMetrics, toOpenMetricsWithRecentHistory, toPrometheusImportLines } from './scenario';
export type { InstanceName, RawSeries } from './scenario';
export { LIVE_REPLAY, replayTime } from './liveReplay';
export { formatOpenMetrics, formatPrometheusImportLines } from './exposition';
export type { MetricType } from './exposition';
export {
  PromQLError,
  PromQLExecutionError,
  PromQLParseError,
  PromQLUnsupportedError,
  createReplayIndex,
  createSeriesIndex,
  parsePromQL,
  queryInstant,
  queryRange,
  replayedTime,
  scenarioSeriesIndex,
} from './promql';
export type { InstantQueryResult, QueryRange, RangeQueryResult, RangeSeries, ReplayLoop, SampleNeed, SeriesIndex } from './promql';
