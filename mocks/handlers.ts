// MSW handlers answering the Prometheus HTTP API from the demo scenario, in Prometheus' JSON shapes.
import { http, HttpResponse } from 'msw';
import type { HttpHandler } from 'msw';
import { BadParameterError, parseDurationParam, parseTimeParam, readRequestParams } from './apiParams';
import { formatPromTime, formatPromValue } from './format';
import { PromQLError, compareLabels, parseSeriesSelector, queryInstant, queryRange, scenarioSeriesIndex } from './promql';
import type { InstantQueryResult, LabelMatcher, RangeSeries } from './promql';
import type { RawSeries } from './exposition';
import { METRIC_TYPES } from './scenario';
import { demoActiveAlerts } from './alerts';

/** Where the app reaches the demo backend in demo mode (relative to the page origin). */
export const DEMO_BASE_URL = '/demo-prometheus';

/** What `/status/buildinfo` reports, so users can see they are talking to the demo. */
export const DEMO_BUILD_INFO = {
  version: '2.42.0-demo',
  revision: 'demo',
  branch: 'demo',
  buildUser: 'vigil',
  buildDate: '',
  goVersion: '',
} as const;

const MAX_POINTS_PER_SERIES = 11_000;
// Prometheus' defaults for an absent start/end on the metadata endpoints.
const MIN_TIME_MS = -9_223_372_036_854;
const MAX_TIME_MS = 9_223_372_036_854;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

type ErrorType = 'bad_data' | 'execution';

function success(data: unknown): Response {
  return HttpResponse.json({ status: 'success', data });
}

function failure(errorType: ErrorType, error: string): Response {
  return HttpResponse.json({ status: 'error', errorType, error }, { status: errorType === 'bad_data' ? 400 : 422 });
}

/**
 * Maps thrown errors to Prometheus' error answers (query errors unprefixed, as Prometheus 2.42 says
 * them); anything unexpected stays a bug and is rethrown.
 */
function answerError(error: unknown): Response {
  if (error instanceof BadParameterError) return failure('bad_data', error.message);
  if (error instanceof PromQLError) return failure(error.errorType, error.message);
  throw error;
}

function matrixJson(result: readonly RangeSeries[]) {
  return result.map((s) => ({
    metric: s.metric,
    values: s.timestamps.map((t, i) => [formatPromTime(t), formatPromValue(s.values[i] ?? NaN)]),
  }));
}

function instantJson(value: InstantQueryResult) {
  switch (value.resultType) {
    case 'vector':
      return value.result.map((s) => ({ metric: s.metric, value: [formatPromTime(s.timestamp), formatPromValue(s.value)] }));
    case 'scalar':
      return [formatPromTime(value.result.timestamp), formatPromValue(value.result.value)];
    case 'matrix':
      return matrixJson(value.result);
  }
}

function answerQueryRange(params: URLSearchParams): Response {
  try {
    const startMs = parseTimeParam('start', params.get('start') ?? '');
    const endMs = parseTimeParam('end', params.get('end') ?? '');
    if (endMs < startMs) throw new BadParameterError('invalid parameter "end": end timestamp must not be before start time');
    const stepMs = parseDurationParam('step', params.get('step') ?? '');
    if (stepMs <= 0) {
      throw new BadParameterError('invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer');
    }
    if (Math.floor((endMs - startMs) / stepMs) > MAX_POINTS_PER_SERIES) {
      throw new BadParameterError('exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)');
    }
    const value = queryRange(params.get('query') ?? '', { startMs, endMs, stepMs });
    return success({ resultType: value.resultType, result: matrixJson(value.result) });
  } catch (error) {
    return answerError(error);
  }
}

function answerQuery(params: URLSearchParams): Response {
  try {
    const rawTime = params.get('time');
    const timeMs = rawTime ? parseTimeParam('time', rawTime) : Date.now();
    const value = queryInstant(params.get('query') ?? '', timeMs);
    return success({ resultType: value.resultType, result: instantJson(value) });
  } catch (error) {
    return answerError(error);
  }
}

/** The series a metadata request covers: all matching any `match[]` (all when none) within start/end. */
function seriesInScope(params: URLSearchParams, matchRequired: boolean): RawSeries[] {
  const startMs = params.get('start') ? parseTimeParam('start', params.get('start') ?? '') : MIN_TIME_MS;
  const endMs = params.get('end') ? parseTimeParam('end', params.get('end') ?? '') : MAX_TIME_MS;
  const selectors = params.getAll('match[]');
  if (matchRequired && selectors.length === 0) throw new BadParameterError('no match[] parameter provided');
  const index = scenarioSeriesIndex();
  const matcherSets: (readonly LabelMatcher[])[] = selectors.map((selector) => parseSeriesSelector(selector));
  const candidates = matcherSets.length === 0 ? [...index.all] : [...new Set(matcherSets.flatMap((m) => index.select(m)))];
  return candidates.filter((s) => index.hasSamplesBetween(s, startMs, endMs));
}

function answerLabels(params: URLSearchParams): Response {
  try {
    const names = new Set(seriesInScope(params, false).flatMap((s) => Object.keys(s.labels)));
    return success([...names].sort());
  } catch (error) {
    return answerError(error);
  }
}

function answerLabelValues(params: URLSearchParams, name: string): Response {
  try {
    if (!LABEL_NAME.test(name)) throw new BadParameterError(`invalid label name: "${name}"`);
    const values = new Set<string>();
    for (const s of seriesInScope(params, false)) {
      const value = s.labels[name];
      if (value !== undefined) values.add(value);
    }
    return success([...values].sort());
  } catch (error) {
    return answerError(error);
  }
}

function answerSeries(params: URLSearchParams): Response {
  try {
    return success(seriesInScope(params, true).map((s) => s.labels).sort(compareLabels));
  } catch (error) {
    return answerError(error);
  }
}

/** What the scenario's targets would expose as metadata: types, no help text. `limit` as Prometheus reads it. */
function answerMetadata(params: URLSearchParams): Response {
  const limit = Number(params.get('limit') ?? '-1');
  const entries = Object.entries(METRIC_TYPES).sort(([a], [b]) => a.localeCompare(b));
  const kept = limit > 0 ? entries.slice(0, limit) : entries;
  return success(Object.fromEntries(kept.map(([name, type]) => [name, [{ type, help: '', unit: '' }]])));
}

/** Absolute bases are used as they are; a relative base matches the page origin (MSW resolves it
 * against `location`), or any origin where there is no page, as in Node. */
function routePrefix(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) return trimmed;
  const path = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  return typeof location === 'undefined' ? `*${path}` : path;
}

type Answer = (params: URLSearchParams, pathParams: Readonly<Record<string, string | readonly string[] | undefined>>) => Response;

/** Handlers for the Prometheus API under `baseUrl` (absolute, or a path like DEMO_BASE_URL). */
export function createPrometheusHandlers(baseUrl: string): HttpHandler[] {
  const prefix = routePrefix(baseUrl);
  const routes: ReadonlyArray<readonly [string, Answer]> = [
    ['/api/v1/query_range', (params) => answerQueryRange(params)],
    ['/api/v1/query', (params) => answerQuery(params)],
    ['/api/v1/labels', (params) => answerLabels(params)],
    ['/api/v1/label/:name/values', (params, pathParams) => answerLabelValues(params, String(pathParams.name ?? ''))],
    ['/api/v1/series', (params) => answerSeries(params)],
    ['/api/v1/metadata', (params) => answerMetadata(params)],
    ['/api/v1/status/buildinfo', () => success(DEMO_BUILD_INFO)],
    ['/api/v1/alerts', () => success({ alerts: demoActiveAlerts(scenarioSeriesIndex(), Date.now()) })],
  ];
  return routes.flatMap(([path, answer]) =>
    [http.get, http.post].map((method) =>
      method(`${prefix}${path}`, async ({ request, params }) => answer(await readRequestParams(request), params)),
    ),
  );
}
