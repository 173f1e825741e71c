import {
  errorFromFetchFailure,
  errorFromHttpStatus,
  errorFromPrometheusBody,
  isPromClientError,
  PromClientError,
} from './errors';

describe('errorFromPrometheusBody', () => {
  it.each([
    [400, 'bad_data', 'bad_query'],
    [422, 'execution', 'execution'],
    [503, 'timeout', 'timeout'],
    [499, 'canceled', 'aborted'],
    [500, 'internal', 'unavailable'],
    [503, 'unavailable', 'unavailable'],
    [422, '422', 'bad_query'],
    [400, '400', 'bad_query'],
    [503, '503', 'unavailable'],
    [404, 'not_found', 'http'],
    [401, 'bad_data', 'unauthorized'],
  ] as const)('HTTP %d with errorType %s → %s', (status, errorType, kind) => {
    const error = errorFromPrometheusBody(status, errorType, 'the server said so');
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
  });

  it('recognises too many points whatever the errorType', () => {
    expect(errorFromPrometheusBody(422, 'execution', 'Too many points').kind).toBe('too_many_points');
    expect(errorFromPrometheusBody(400, 'bad_data', 'the maximum number of points per timeseries is 30000').kind).toBe('too_many_points');
  });
});

describe('errorFromHttpStatus', () => {
  it('does not call a plain 400 a bad query: the server never read the query', () => {
    expect(errorFromHttpStatus(400, 'Bad Request', '/api/v1/status/buildinfo').kind).toBe('http');
  });
});

describe('errorFromFetchFailure', () => {
  it('prefers the aborted signal over the error thrown', () => {
    const controller = new AbortController();
    controller.abort(new Error('panel unmounted'));
    expect(errorFromFetchFailure(new Error('panel unmounted'), controller.signal, 'x').kind).toBe('aborted');
  });

  it('calls a TypeError without an aborted signal an unreachable server', () => {
    const error = errorFromFetchFailure(new TypeError('Failed to fetch'), new AbortController().signal, 'http://prometheus.test:9090');
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe('Cannot reach the Prometheus server at http://prometheus.test:9090');
  });
});

describe('isPromClientError', () => {
  it('tells client errors from others', () => {
    expect(isPromClientError(new PromClientError('http', 'x', { status: 418 }))).toBe(true);
    expect(isPromClientError(new Error('x'))).toBe(false);
    expect(isPromClientError({ kind: 'http' })).toBe(false);
  });
});
