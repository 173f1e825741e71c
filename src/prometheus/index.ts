export { createPromClient, normalizeBaseUrl } from './client';
export { DEFAULT_MAX_RESPONSE_BYTES } from './responseBody';
export { sharedRangeAnswerReader } from './rangeAnswerReader';
export type {
  ActiveAlert,
  ActiveAlerts,
  BuildInfo,
  InstantQueryParams,
  InstantResult,
  InstantSample,
  MetadataParams,
  MetricMetadata,
  MetricMetadataParams,
  PromClient,
  PromClientOptions,
  RangeQueryParams,
  SeriesParams,
} from './client';
export { isPromClientError, PromClientError } from './errors';
export type { PromErrorKind } from './errors';
export { NATIVE_HISTOGRAM_WARNING } from './convert';
export { MAX_RETRIES, retryDelay, shouldRetry } from './retry';
export { MAX_ACTIVE_ALERTS } from './activeAlerts';
export {
  activeAlertsQueryOptions,
  buildInfoQueryOptions,
  instantQueryOptions,
  labelValuesQueryOptions,
  promKeys,
  rangeQueryOptions,
} from './queries';
export { dependsOnQueryRange, planRangeFetch, type FetchPlan, type IncrementalPolicy } from './incremental';
