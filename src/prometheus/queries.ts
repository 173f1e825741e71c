import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { InstantQueryParams, MetadataParams, PromClient, RangeQueryParams, SeriesParams } from './client';
import { retryDelay, shouldRetry } from './retry';
import { withTimeout } from './timeout';
import { keepUnchangedSeries, type SeriesSet } from '../series';

type TimedSeriesSet = SeriesSet & { readonly tookMs: number };

/**
 * Query keys per resource (TanStack Query's key-factory pattern). Each key holds every input of
 * its query function, as absolute numbers, so equal keys always mean equal requests. The base URL
 * stands for the server; headers are deliberately not part of keys (they may hold credentials).
 */
export const promKeys = {
  /** Every query of every server: what a refresh or a change of server acts on. */
  root: ['prometheus'] as const,
  all: (baseUrl: string) => [...promKeys.root, baseUrl] as const,
  range: (baseUrl: string, p: RangeQueryParams) =>
    [...promKeys.all(baseUrl), 'query_range', { expr: p.expr, start: p.start, end: p.end, step: p.step }] as const,
  instant: (baseUrl: string, p: InstantQueryParams) =>
    [...promKeys.all(baseUrl), 'query', { expr: p.expr, time: p.time }] as const,
  buildInfo: (baseUrl: string) => [...promKeys.all(baseUrl), 'buildinfo'] as const,
  labels: (baseUrl: string, p: MetadataParams = {}) =>
    [...promKeys.all(baseUrl), 'labels', { match: p.match, start: p.start, end: p.end }] as const,
  labelValues: (baseUrl: string, name: string, p: MetadataParams = {}) =>
    [...promKeys.all(baseUrl), 'label_values', name, { match: p.match, start: p.start, end: p.end }] as const,
  series: (baseUrl: string, p: SeriesParams) =>
    [...promKeys.all(baseUrl), 'series', { match: p.match, start: p.start, end: p.end }] as const,
  /** `asOf` is the dashboard's resolved "now": not sent, but a new tick of a relative range asks again. */
  alerts: (baseUrl: string, asOf: number) => [...promKeys.all(baseUrl), 'alerts', { asOf }] as const,
};

// Typed with Error (TanStack's default error type) so that TError is not inferred as unknown.
const retryPolicy = {
  retry: (failureCount: number, error: Error) => shouldRetry(failureCount, error),
  retryDelay: (attempt: number) => retryDelay(attempt),
};

/**
 * A range query that never answers is given up after this long (and reported as a timeout), so it
 * cannot hold its panel's refresh forever. Prometheus's own default query timeout is 2 minutes.
 */
export const RANGE_QUERY_TIMEOUT_MS = 60_000;

/** Keeps the previous lines on screen while a new range loads, instead of flashing empty. */
export function rangeQueryOptions(client: PromClient, p: RangeQueryParams) {
  const params: RangeQueryParams = { expr: p.expr, start: p.start, end: p.end, step: p.step };
  return queryOptions({
    queryKey: promKeys.range(client.baseUrl, params),
    queryFn: async ({ signal }) => {
      const began = performance.now();
      const set = await withTimeout(signal, RANGE_QUERY_TIMEOUT_MS, (timed) => client.queryRange(params, timed));
      return { ...set, tookMs: Math.round(performance.now() - began) };
    },
    placeholderData: keepPreviousData,
    // An unchanged answer keeps its objects, so panels redraw nothing (issue 13, "nothing twice").
    structuralSharing: (previous: unknown, next: unknown) => keepUnchangedSeries(previous as TimedSeriesSet | undefined, next as TimedSeriesSet),
    ...retryPolicy,
  });
}

/** The server's version hardly changes while a page is open. */
export function buildInfoQueryOptions(client: PromClient) {
  return queryOptions({
    queryKey: promKeys.buildInfo(client.baseUrl),
    queryFn: ({ signal }) => client.buildInfo(signal),
    staleTime: Infinity,
    ...retryPolicy,
  });
}

export function labelValuesQueryOptions(client: PromClient, name: string, p: MetadataParams = {}) {
  const params: MetadataParams = { match: p.match, start: p.start, end: p.end };
  return queryOptions({
    queryKey: promKeys.labelValues(client.baseUrl, name, params),
    queryFn: ({ signal }) => client.labelValues(name, params, signal),
    ...retryPolicy,
  });
}


/** The alerts firing now, asked again with every refresh of the dashboard (see promKeys.alerts). */
export function activeAlertsQueryOptions(client: PromClient, asOf: number) {
  return queryOptions({
    queryKey: promKeys.alerts(client.baseUrl, asOf),
    queryFn: ({ signal }) => client.alerts(signal),
    placeholderData: keepPreviousData,
    ...retryPolicy,
  });
}

/**
 * An instant query (Explore's table of values at one time). The time is part of the key, so
 * another cursor time is another question; the last answer stays on screen while it loads.
 */
export function instantQueryOptions(client: PromClient, p: InstantQueryParams) {
  const params: InstantQueryParams = p.time === undefined ? { expr: p.expr } : { expr: p.expr, time: p.time };
  return queryOptions({
    queryKey: promKeys.instant(client.baseUrl, params),
    queryFn: ({ signal }) => withTimeout(signal, RANGE_QUERY_TIMEOUT_MS, (timed) => client.query(params, timed)),
    placeholderData: keepPreviousData,
    ...retryPolicy,
  });
}
