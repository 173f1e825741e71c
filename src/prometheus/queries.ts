import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query';
import type { InstantQueryParams, MetadataParams, PromClient, RangeQueryParams, SeriesParams } from './client';
import { fetchFactsOf, planRangeFetch, type HeldAnswer, type IncrementalPolicy } from './incremental';
import { retryDelay, shouldRetry } from './retry';
import { withTimeout } from './timeout';
import { keepUnchangedSeries, mergeTail, type SeriesSet } from '../series';

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

/**
 * Keeps the previous lines on screen while a new range loads, instead of flashing empty.
 *
 * With `incremental` (a relative range), the answer held for an earlier window of the same
 * expression and step is the starting point: only its tail is asked and merged in (mergeTail), so
 * a wall at `now-1h` refreshed every second asks for minutes, not the hour. The key still names
 * the whole window, and the data under it is what a full fetch of it answers (mergeTail's
 * property), so "equal keys, equal data" holds.
 */
export function rangeQueryOptions(client: PromClient, p: RangeQueryParams, incremental?: IncrementalPolicy) {
  const params: RangeQueryParams = { expr: p.expr, start: p.start, end: p.end, step: p.step };
  return queryOptions({
    queryKey: promKeys.range(client.baseUrl, params),
    queryFn: async ({ signal, client: queryClient }): Promise<SeriesSet> => {
      const held = incremental ? heldAnswer(queryClient, client.baseUrl, params) : undefined;
      const fetchedAt = Date.now();
      const plan = planRangeFetch(held, params, incremental, fetchedAt);
      const asked = plan.kind === 'tail' ? { ...params, start: plan.from } : params;
      const began = performance.now();
      const answer = await withTimeout(signal, RANGE_QUERY_TIMEOUT_MS, (timed) => client.queryRange(asked, timed));
      const done = { tookMs: Math.round(performance.now() - began), fetch: fetchFactsOf(plan, params, held, fetchedAt) };
      if (plan.kind === 'full' || !held) return { ...answer, ...done };
      return {
        ...answer,
        ...done,
        series: mergeTail(held.set.series, answer.series, params, plan.from),
        start: params.start,
        end: params.end,
        warnings: [...new Set([...held.set.warnings, ...answer.warnings])],
      };
    },
    placeholderData: keepPreviousData,
    // An unchanged answer keeps its objects, so panels redraw nothing (issue 13, "nothing twice").
    structuralSharing: (previous: unknown, next: unknown) => keepUnchangedSeries(previous as TimedSeriesSet | undefined, next as TimedSeriesSet),
    ...retryPolicy,
  });
}

/**
 * The latest answer cached for an earlier window of the same expression and step on this server
 * (the window before this tick's, still observed until this one answers).
 */
function heldAnswer(queryClient: QueryClient, baseUrl: string, wanted: RangeQueryParams): HeldAnswer | undefined {
  let best: SeriesSet | undefined;
  for (const [key, data] of queryClient.getQueriesData<SeriesSet>({ queryKey: [...promKeys.all(baseUrl), 'query_range'] })) {
    const asked = key[3] as Partial<RangeQueryParams> | undefined;
    if (!data?.fetch || asked?.expr !== wanted.expr || data.step !== wanted.step) continue;
    if (data.start > wanted.start || data.end > wanted.end) continue;
    if (!best || data.end > best.end || (data.end === best.end && (data.fetch.fetchedAt > (best.fetch?.fetchedAt ?? 0)))) best = data;
  }
  return best && { expr: wanted.expr, set: best };
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
