/**
 * Every failure of the Prometheus client becomes one PromClientError whose `kind` tells the UI what
 * to say and the retry policy whether to try again. Messages never contain request headers or URL
 * credentials: they are shown on panels and may end up in screenshots.
 */
export type PromErrorKind =
  | 'bad_query'
  | 'execution'
  | 'timeout'
  | 'too_many_points'
  | 'unavailable'
  | 'unauthorized'
  | 'malformed'
  | 'too_large'
  | 'aborted'
  | 'http';

export interface PromClientErrorDetails {
  readonly status?: number;
  readonly errorType?: string;
  readonly cause?: unknown;
}

export class PromClientError extends Error {
  override readonly name = 'PromClientError';
  readonly kind: PromErrorKind;
  readonly status?: number;
  readonly errorType?: string;

  constructor(kind: PromErrorKind, message: string, details: PromClientErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.errorType !== undefined) this.errorType = details.errorType;
  }
}

export function isPromClientError(e: unknown): e is PromClientError {
  return e instanceof PromClientError;
}

// Prometheus: "exceeded maximum resolution of 11,000 points per timeseries";
// VictoriaMetrics: "too many points for the given step", "-search.maxPointsPerTimeseries".
const TOO_MANY_POINTS = /exceeded maximum resolution|too many points|points per timeseries/i;

/** Prometheus's errorType values (web/api/v1/api.go) and the kind each one means for us. */
const KIND_BY_ERROR_TYPE: Readonly<Record<string, PromErrorKind>> = {
  bad_data: 'bad_query',
  execution: 'execution',
  timeout: 'timeout',
  canceled: 'aborted',
  internal: 'unavailable',
  unavailable: 'unavailable',
};

function kindForStatus(status: number): PromErrorKind {
  if (status === 401 || status === 403) return 'unauthorized';
  // VictoriaMetrics answers unparsable or invalid queries with 422 (and 400 for bad arguments).
  if (status === 400 || status === 422) return 'bad_query';
  if (status >= 500) return 'unavailable';
  return 'http';
}

function unauthorized(status: number): PromClientError {
  return new PromClientError(
    'unauthorized',
    `The server refused the request (HTTP ${status}): credentials missing or expired`,
    { status },
  );
}

/**
 * An `{"status":"error"}` body. Prometheus's own `error` text is kept verbatim: it names the
 * position of a parse error and users search for it. VictoriaMetrics puts the HTTP status into
 * `errorType` ("422"), so a numeric errorType falls back to the status mapping.
 */
export function errorFromPrometheusBody(status: number, errorType: string, error: string): PromClientError {
  if (status === 401 || status === 403) return unauthorized(status);
  const details = { status, errorType };
  if (TOO_MANY_POINTS.test(error)) return new PromClientError('too_many_points', error, details);
  const kind = KIND_BY_ERROR_TYPE[errorType] ?? kindForStatus(status);
  return new PromClientError(kind, error, details);
}

/** A failed response whose body is not a Prometheus error (a proxy's HTML page, a bare 404). */
export function errorFromHttpStatus(status: number, statusText: string, endpoint: string): PromClientError {
  const label = statusText ? `HTTP ${status} ${statusText}` : `HTTP ${status}`;
  if (status === 401 || status === 403) return unauthorized(status);
  if (status >= 500) {
    return new PromClientError('unavailable', `The Prometheus server is unavailable (${label})`, { status });
  }
  // Not bad_query even for 400: without Prometheus's JSON the query was never judged, the path
  // was (VictoriaMetrics answers unknown paths with a plain-text 400).
  return new PromClientError('http', `Unexpected answer from ${endpoint} (${label})`, { status });
}

function isAbortLike(e: unknown): boolean {
  // jsdom and Node each have their own DOMException class: compare names, not classes.
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError');
}

/**
 * A rejected `fetch` (or body read). An aborted signal wins over whatever was thrown, because
 * fetch rejects with `signal.reason` when one was given. `AbortSignal.timeout()` is a timeout.
 */
export function errorFromFetchFailure(e: unknown, signal: AbortSignal | undefined, serverName: string): PromClientError {
  if (signal?.aborted || isAbortLike(e)) {
    const reason: unknown = signal?.aborted ? signal.reason : e;
    // By name, not instanceof Error: a DOMException may come from another realm (a test's jsdom).
    if (typeof reason === 'object' && reason !== null && (reason as { name?: unknown }).name === 'TimeoutError') {
      return new PromClientError('timeout', 'The request to the Prometheus server timed out', { cause: e });
    }
    return new PromClientError('aborted', 'The request was cancelled', { cause: e });
  }
  // fetch rejects with a TypeError for refused connections, DNS failures, CORS and mixed content;
  // the browser hides which one from scripts.
  return new PromClientError('unavailable', `Cannot reach the Prometheus server at ${serverName}`, { cause: e });
}

export function malformed(endpoint: string, what: string): PromClientError {
  return new PromClientError('malformed', `Malformed response from ${endpoint}: ${what}`);
}
