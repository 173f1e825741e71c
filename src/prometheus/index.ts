export { createPromClient, normalizeBaseUrl } from './client';
export { DEFAULT_MAX_RESPONSE_BYTES } from './responseBody';
export type {
  BuildInfo,
  InstantQueryParams,
  InstantResult,
  InstantSample,
  MetadataParams,
  PromClient,
  PromClientOptions,
  RangeQueryParams,
  SeriesParams,
} from './client';
export { isPromClientError, PromClientError } from './errors';
export type { PromErrorKind } from './errors';
export { NATIVE_HISTOGRAM_WARNING } from './convert';
export { MAX_RETRIES, retryDelay, shouldRetry } from './retry';
export {
  buildInfoQueryOptions,
  instantQueryOptions,
  labelValuesQueryOptions,
  promKeys,
  rangeQueryOptions,
} from './queries';
