import type { Labels, Series, SeriesSet } from '../series/types';
import { converted, readEnvelope, type AnswerStatus, type Envelope, type RangeAnswer } from './answer';
import { convertMatrix, convertVector, msToSecondsParam, parseSampleValue, sampleTimeToMs } from './convert';
import type { InstantSample } from './convert';
import { DEFAULT_MAX_RESPONSE_BYTES, decodeChunks, readBodyChunksWithin } from './responseBody';
import { convertActiveAlerts, type ActiveAlerts } from './activeAlerts';
import { errorFromFetchFailure, isPromClientError, PromClientError } from './errors';
import type { RangeFetchRequest } from './rangeAnswerMessages';
import { sharedRangeAnswerReader, type RangeAnswerReader } from './rangeAnswerReader';
import { createRequestScheduler, type RequestPriority, type RunContext } from './requestScheduler';
import {
  alertsDataSchema,
  buildInfoSchema,
  metadataSchema,
  queryDataSchema,
  seriesListSchema,
  stringListSchema,
} from './schemas';
import type { BuildInfo, MetricMetadata } from './schemas';
import type { Shape } from './shapeCheck';

export type { BuildInfo, MetricMetadata } from './schemas';
export type { InstantSample } from './convert';
export type { ActiveAlert, ActiveAlerts } from './activeAlerts';

export interface PromClientOptions {
  /** 'http://host:9090', 'http://host/prefix' or a same-origin path such as '/prometheus'. */
  baseUrl: string;
  /** Sent on every request (e.g. Authorization, X-Scope-OrgID). Never logged or shown. */
  headers?: Record<string, string>;
  /** Defaults to globalThis.fetch, looked up at each call so test interceptors apply. */
  fetch?: typeof fetch;
  /** The largest answer read, in bytes (after content decoding); DEFAULT_MAX_RESPONSE_BYTES when absent. */
  maxResponseBytes?: number;
  /**
   * Where range answers are fetched (unless `fetch` is given), parsed and converted; the page's
   * shared worker when absent.
   */
  rangeAnswerReader?: RangeAnswerReader;
}

export interface RangeQueryParams {
  readonly expr: string;
  /** All epoch ms; the step too. */
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

export interface InstantQueryParams {
  readonly expr: string;
  /** Epoch ms; the server's "now" when absent. */
  readonly time?: number;
}

export interface MetadataParams {
  readonly match?: readonly string[];
  readonly start?: number;
  readonly end?: number;
  /** At most this many names or values (Prometheus ≥ 2.49 and VictoriaMetrics honour it; older servers ignore it). */
  readonly limit?: number;
}

export interface SeriesParams {
  readonly match: readonly string[];
  readonly start?: number;
  readonly end?: number;
  readonly limit?: number;
}

export interface MetricMetadataParams {
  /** At most this many metrics. */
  readonly limit?: number;
  /** At most this many entries per metric (Prometheus ≥ 2.37). */
  readonly limitPerMetric?: number;
}

/** An instant query's answer; `matrix` comes from a range selector such as `up[5m]`. */
export type InstantResult =
  | { readonly kind: 'vector'; readonly samples: readonly InstantSample[]; readonly warnings: readonly string[] }
  | { readonly kind: 'matrix'; readonly series: readonly Series[]; readonly warnings: readonly string[] }
  | { readonly kind: 'scalar'; readonly timestamp: number; readonly value: number; readonly warnings: readonly string[] }
  | { readonly kind: 'string'; readonly timestamp: number; readonly value: string; readonly warnings: readonly string[] };

export interface PromClient {
  /** Normalised: no trailing slash; identifies the server in query keys. */
  readonly baseUrl: string;
  queryRange(p: RangeQueryParams, signal?: AbortSignal): Promise<SeriesSet>;
  query(p: InstantQueryParams, signal?: AbortSignal): Promise<InstantResult>;
  labels(p?: MetadataParams, signal?: AbortSignal): Promise<string[]>;
  labelValues(name: string, p?: MetadataParams, signal?: AbortSignal): Promise<string[]>;
  series(p: SeriesParams, signal?: AbortSignal): Promise<Labels[]>;
  /** `/api/v1/metadata`: each metric's type and help, as its targets expose them. */
  metadata(p?: MetricMetadataParams, signal?: AbortSignal): Promise<Record<string, MetricMetadata[]>>;
  /**
   * null when the server has no such endpoint (404, or VictoriaMetrics' plain-text 400) or does
   * not name its version (VictoriaMetrics answers `{}`); other failures throw.
   */
  buildInfo(signal?: AbortSignal): Promise<BuildInfo | null>;
  /** The alerts of the server's alerting rules now (`/api/v1/alerts`), at most MAX_ACTIVE_ALERTS. */
  alerts(signal?: AbortSignal): Promise<ActiveAlerts>;
}

/**
 * Absolute URLs are parsed so that "http://h:9090/" and "http://h:9090" are one server; paths are
 * kept as given for fetch to resolve against the page. Credentials in the URL are refused: browsers
 * reject them in fetch, and the base URL ends up in query keys and error messages.
 */
export function normalizeBaseUrl(baseUrl: string): string {
  const trimmed = baseUrl.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch {
      throw new TypeError('The Prometheus base URL is not a valid URL');
    }
    if (url.username !== '' || url.password !== '') {
      throw new TypeError('Put credentials for Prometheus in the headers option, not in the base URL');
    }
    if (url.search !== '' || url.hash !== '') {
      throw new TypeError('The Prometheus base URL must not have a query string or fragment');
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  }
  // "//host" and "/\\host" are another host to fetch; tabs and line breaks vanish before it looks.
  if (!/^\/?(?![/\\])[^\\\s]*$/.test(trimmed)) {
    throw new TypeError('The Prometheus base URL must be an http(s) URL or a path on this site such as /prometheus');
  }
  return trimmed.replace(/\/+$/, '');
}

/**
 * Label names outside the legacy charset go through Prometheus 3's "U__" escaping in the
 * label-values path (model.EscapeName with ValueEncodingEscaping).
 */
export function escapeLabelNameForPath(name: string): string {
  if (/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) return name;
  let escaped = 'U__';
  let index = 0;
  for (const char of name) {
    const code = char.codePointAt(0) as number;
    if (char === '_') escaped += '__';
    else if (/[a-zA-Z:]/.test(char) || (index > 0 && /[0-9]/.test(char))) escaped += char;
    else escaped += `_${code.toString(16)}_`;
    index++;
  }
  // Only [A-Za-z0-9_:] remain, all safe in a path segment.
  return escaped;
}

/**
 * Fails at creation, not on every request: a header `fetch` cannot send (a line break, NUL, a
 * character beyond Latin-1) otherwise makes every query fail as if the server were unreachable.
 * The message names the header, never its value.
 */
function checkHeaders(headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) {
    try {
      new Headers([[name, value]]);
    } catch {
      throw new TypeError(`The header "${name.slice(0, 60)}" cannot be sent: its name or value has characters HTTP does not allow`);
    }
  }
}

function assertFiniteTimes(endpoint: string, times: Record<string, number | undefined>): void {
  for (const [name, value] of Object.entries(times)) {
    if (value !== undefined && !Number.isFinite(value)) {
      throw new PromClientError('bad_query', `Invalid ${name} for ${endpoint}: ${String(value)}`);
    }
  }
}

/** A count parameter as the server reads it: a positive integer, or left out. */
function countParam(count: number | undefined): string | undefined {
  return count !== undefined && Number.isSafeInteger(count) && count > 0 ? String(count) : undefined;
}

function formParams(entries: Record<string, string | number | readonly string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    if (typeof value === 'number') params.append(name, msToSecondsParam(value));
    else if (typeof value === 'string') params.append(name, value);
    else for (const item of value) params.append(name, item);
  }
  return params;
}

export { RAW_ANSWER_HEAD_CHARS } from './answer';

/**
 * What makes two requests the same request: method, URL, body and every header. Only ever a key
 * in memory (it holds the headers, which may be credentials): never logged or shown.
 */
export function requestKey(method: string, url: string, headers: Headers, body: string | undefined): string {
  const headerLines = [...headers].map(([name, value]) => `${name}: ${value}`).sort();
  return JSON.stringify([method, url, headerLines, body ?? null]);
}

export function createPromClient(options: PromClientOptions): PromClient {
  const baseUrl = normalizeBaseUrl(options.baseUrl);
  const configuredHeaders = { ...options.headers };
  checkHeaders(configuredHeaders);
  const maxResponseBytes = Number.isFinite(options.maxResponseBytes) ? Math.max(1, options.maxResponseBytes as number) : DEFAULT_MAX_RESPONSE_BYTES;
  const serverName = baseUrl === '' ? 'this site' : baseUrl;
  const rangeAnswerReader = options.rangeAnswerReader ?? sharedRangeAnswerReader();

  // One per client, so one per datasource: its limit is the browser's per host.
  const scheduler = createRequestScheduler();

  interface PreparedRequest {
    readonly url: string;
    readonly method: 'GET' | 'POST';
    readonly headers: Headers;
    readonly body: string | undefined;
  }

  function prepare(endpoint: string, method: 'GET' | 'POST', params: URLSearchParams): PreparedRequest {
    const headers = new Headers(configuredHeaders);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    const query = params.toString();
    let url = `${baseUrl}${endpoint}`;
    let body: string | undefined;
    if (method === 'POST') {
      // POST so that long expressions and many match[] selectors do not hit URL length limits.
      headers.set('Content-Type', 'application/x-www-form-urlencoded');
      body = query;
    } else if (query !== '') {
      url += `?${query}`;
    }
    return { url, method, headers, body };
  }

  /**
   * Runs the request through the scheduler: identical requests in flight together share one
   * exchange and one result (issue 13), so `run` runs once per exchange, with the exchange's own
   * signal (aborted only when every caller has left). Failures become PromClientErrors.
   */
  async function scheduled<T>(
    prepared: PreparedRequest,
    signal: AbortSignal | undefined,
    priority: RequestPriority,
    run: (context: RunContext) => Promise<T>,
  ): Promise<T> {
    try {
      return await scheduler.schedule(requestKey(prepared.method, prepared.url, prepared.headers, prepared.body), run, signal, priority);
    } catch (e) {
      if (isPromClientError(e)) throw e;
      throw errorFromFetchFailure(e, signal, serverName);
    }
  }

  /**
   * Fetches on this page and reads the body's bytes within the size cap, then `readAnswer` turns
   * them into the result.
   */
  async function exchange<T>(
    endpoint: string,
    method: 'GET' | 'POST',
    params: URLSearchParams,
    signal: AbortSignal | undefined,
    priority: RequestPriority,
    readAnswer: (status: AnswerStatus, chunks: Uint8Array[], signal: AbortSignal) => T | Promise<T>,
  ): Promise<T> {
    const prepared = prepare(endpoint, method, params);
    return scheduled(prepared, signal, priority, async ({ signal: shared, releaseSlot }) => {
      const fetchFn = options.fetch ?? globalThis.fetch;
      const init: RequestInit = { method, headers: prepared.headers, signal: shared };
      if (prepared.body !== undefined) init.body = prepared.body;
      const response = await fetchFn(prepared.url, init);
      const chunks = await readBodyChunksWithin(response, maxResponseBytes, endpoint);
      // The connection is free; reading the answer needs none.
      releaseSlot();
      return readAnswer({ ok: response.ok, status: response.status, statusText: response.statusText }, chunks, shared);
    });
  }

  function request<T>(
    endpoint: string,
    method: 'GET' | 'POST',
    params: URLSearchParams,
    dataSchema: Shape<T>,
    signal: AbortSignal | undefined,
    priority: RequestPriority = 'background',
  ): Promise<Envelope<T>> {
    return exchange(endpoint, method, params, signal, priority, (status, chunks) => readEnvelope(decodeChunks(chunks), status, endpoint, dataSchema));
  }

  return {
    baseUrl,

    async queryRange({ expr, start, end, step }, signal) {
      const endpoint = '/api/v1/query_range';
      assertFiniteTimes(endpoint, { start, end, step });
      const params = formParams({ query: expr, start, end, step });
      let read: RangeAnswer;
      if (options.fetch) {
        // A fetch function (the in-page demo backend) cannot cross to a worker: fetched here, read there.
        read = await exchange(endpoint, 'POST', params, signal, 'draw', (status, chunks, shared) => rangeAnswerReader.read(endpoint, status, chunks, shared));
      } else {
        // Fetched, parsed, validated and converted off this thread where the platform allows
        // (issues 11 and 13): the body never reaches the page, only its columns do.
        const prepared = prepare(endpoint, 'POST', params);
        const request: RangeFetchRequest = { url: prepared.url, method: prepared.method, headers: [...prepared.headers], body: prepared.body, maxResponseBytes };
        read = await scheduled(prepared, signal, 'draw', ({ signal: shared, releaseSlot }) => rangeAnswerReader.fetchAndRead(endpoint, request, shared, releaseSlot));
      }
      return { series: read.series, start, end, step, warnings: read.warnings, answer: read.answer };
    },

    async query({ expr, time }, signal) {
      const endpoint = '/api/v1/query';
      assertFiniteTimes(endpoint, { time });
      const { data, warnings } = await request(endpoint, 'POST', formParams({ query: expr, time }), queryDataSchema, signal, 'draw');
      return converted(endpoint, (): InstantResult => {
        switch (data.resultType) {
          case 'vector': {
            const { samples, warnings: more } = convertVector(data.result);
            return { kind: 'vector', samples, warnings: [...warnings, ...more] };
          }
          case 'matrix': {
            const { series, warnings: more } = convertMatrix(data.result);
            return { kind: 'matrix', series, warnings: [...warnings, ...more] };
          }
          case 'scalar': {
            const [t, v] = data.result;
            return { kind: 'scalar', timestamp: sampleTimeToMs(t), value: parseSampleValue(v), warnings };
          }
          case 'string': {
            const [t, v] = data.result;
            return { kind: 'string', timestamp: sampleTimeToMs(t), value: v, warnings };
          }
        }
      });
    },

    async labels(p = {}, signal) {
      const endpoint = '/api/v1/labels';
      const { data } = await request(endpoint, 'POST', formParams({ 'match[]': p.match, start: p.start, end: p.end, limit: countParam(p.limit) }), stringListSchema, signal);
      return data;
    },

    async labelValues(name, p = {}, signal) {
      const endpoint = `/api/v1/label/${escapeLabelNameForPath(name)}/values`;
      const { data } = await request(endpoint, 'GET', formParams({ 'match[]': p.match, start: p.start, end: p.end, limit: countParam(p.limit) }), stringListSchema, signal);
      return data;
    },

    async series(p, signal) {
      const endpoint = '/api/v1/series';
      const { data } = await request(endpoint, 'POST', formParams({ 'match[]': p.match, start: p.start, end: p.end, limit: countParam(p.limit) }), seriesListSchema, signal);
      return data;
    },

    async metadata(p = {}, signal) {
      const endpoint = '/api/v1/metadata';
      const params = formParams({ limit: countParam(p.limit), limit_per_metric: countParam(p.limitPerMetric) });
      const { data } = await request(endpoint, 'GET', params, metadataSchema, signal);
      return data;
    },

    async alerts(signal) {
      const { data } = await request('/api/v1/alerts', 'GET', new URLSearchParams(), alertsDataSchema, signal, 'alerts');
      return convertActiveAlerts(data.alerts);
    },

    async buildInfo(signal) {
      try {
        const { data } = await request('/api/v1/status/buildinfo', 'GET', new URLSearchParams(), buildInfoSchema, signal);
        return data.version === undefined ? null : { ...data, version: data.version };
      } catch (e) {
        // The endpoint takes no parameters, so a plain (non-Prometheus) 400 means "unknown path"
        // too: that is how older VictoriaMetrics versions answer.
        if (isPromClientError(e) && e.kind === 'http' && (e.status === 404 || e.status === 400)) return null;
        throw e;
      }
    },
  };
}
