import { DEMO_BUILD_INFO } from './handlers';
import { NODE_DEMO_BASE_URL, server } from './node';

const API = `${NODE_DEMO_BASE_URL}/api/v1`;
const at = (hour: number, minute = 0): number => Date.UTC(2024, 0, 15, hour, minute) / 1000;
const ERROR_RATE =
  'sum by (instance) (rate(http_requests_total{job="webapp",code=~"5.."}[5m])) / sum by (instance) (rate(http_requests_total{job="webapp"}[5m])) * 100';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Params = Record<string, string | number | string[]>;

interface ApiAnswer {
  status: number;
  body: { status: string; data?: unknown; errorType?: string; error?: string };
}

interface MatrixSeries {
  metric: Record<string, string>;
  values: Array<[number, string]>;
}

function matrixOf({ body }: ApiAnswer): MatrixSeries[] {
  expect(body).toMatchObject({ status: 'success', data: { resultType: 'matrix' } });
  return (body.data as { result: MatrixSeries[] }).result;
}

function encode(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const one of Array.isArray(value) ? value : [value]) search.append(key, String(one));
  }
  return search.toString();
}

async function get(path: string, params: Params = {}): Promise<ApiAnswer> {
  const response = await fetch(`${API}${path}?${encode(params)}`);
  return { status: response.status, body: await response.json() };
}

async function post(path: string, params: Params): Promise<ApiAnswer> {
  const response = await fetch(`${API}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: encode(params),
  });
  return { status: response.status, body: await response.json() };
}

describe('/api/v1/query_range', () => {
  const memoryRange = { query: 'process_resident_memory_bytes{job="webapp"}', start: at(9), end: at(10), step: 60 };

  it('answers GET with a Prometheus matrix: seconds and string values', async () => {
    const answer = await get('/query_range', memoryRange);
    expect(answer.status).toBe(200);
    const result = matrixOf(answer);
    expect(result.map((r) => r.metric)).toEqual(
      ['web-1', 'web-2', 'web-3'].map((instance) => ({ __name__: 'process_resident_memory_bytes', instance, job: 'webapp' })),
    );
    for (const series of result) {
      expect(series.values).toHaveLength(61);
      expect(series.values[0]).toEqual([at(9), expect.stringMatching(/^\d+$/)]);
      expect(series.values[60]?.[0]).toBe(at(10));
      expect(Object.keys(series)).toEqual(['metric', 'values']);
    }
  });

  it('answers a form-encoded POST exactly like the GET', async () => {
    const [viaGet, viaPost] = await Promise.all([get('/query_range', memoryRange), post('/query_range', memoryRange)]);
    expect(viaPost).toEqual(viaGet);
  });

  it('accepts RFC3339 and fractional-second times and duration steps', async () => {
    const rfc = await get('/query_range', { ...memoryRange, start: '2024-01-15T09:00:00Z', end: '2024-01-15T10:00:00.000Z', step: '1m' });
    const unix = await get('/query_range', { ...memoryRange, start: `${at(9)}.000`, end: at(10), step: '60' });
    expect(rfc.status).toBe(200);
    expect(rfc.body).toEqual(unix.body);
  });

  it('shows the outage in the error-rate query', async () => {
    const result = matrixOf(await get('/query_range', { query: ERROR_RATE, start: at(10, 55), end: at(11, 5), step: 300 }));
    expect(result.map((r) => r.metric)).toEqual([{ instance: 'web-1' }, { instance: 'web-2' }, { instance: 'web-3' }]);
    for (const series of result) {
      for (const [, value] of series.values) {
        expect(Number(value)).toBeGreaterThan(40);
        expect(Number(value)).toBeLessThan(80);
      }
    }
  });

  it('writes NaN and infinities as Prometheus spells them', async () => {
    const range = { start: at(9), end: at(9), step: 15 };
    const values = async (query: string) => matrixOf(await get('/query_range', { ...range, query })).map((r) => r.values[0]?.[1]);
    expect(await values('webapp_cache_entries{instance="web-1"} / 0')).toEqual(['+Inf']);
    expect(await values('-webapp_cache_entries{instance="web-1"} / 0')).toEqual(['-Inf']);
    expect(await values('(up{instance="web-1"} - up{instance="web-1"}) / 0')).toEqual(['NaN']);
    expect(await values('up{instance="web-1"} * 0.0000001')).toEqual(['1e-07']);
  });

  it('allows 11,001 points and refuses one more with Prometheus\' message', async () => {
    const ok = await get('/query_range', { query: 'up', start: 0, end: 11_000, step: 1 });
    expect(ok).toEqual({ status: 200, body: { status: 'success', data: { resultType: 'matrix', result: [] } } });
    const tooMany = await get('/query_range', { query: 'up', start: 0, end: 11_001, step: 1 });
    expect(tooMany).toEqual({
      status: 400,
      body: {
        status: 'error',
        errorType: 'bad_data',
        error: 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
      },
    });
  });

  it.each([
    [{ query: 'up', end: 10, step: 1 }, 'invalid parameter "start": cannot parse "" to a valid timestamp'],
    [{ query: 'up', start: 'yesterday', end: 10, step: 1 }, 'invalid parameter "start": cannot parse "yesterday" to a valid timestamp'],
    [{ query: 'up', start: 0, step: 1 }, 'invalid parameter "end": cannot parse "" to a valid timestamp'],
    [{ query: 'up', start: 10, end: 5, step: 1 }, 'invalid parameter "end": end timestamp must not be before start time'],
    [{ query: 'up', start: 0, end: 10 }, 'invalid parameter "step": cannot parse "" to a valid duration'],
    [{ query: 'up', start: 0, end: 10, step: 'abc' }, 'invalid parameter "step": cannot parse "abc" to a valid duration'],
    [{ query: 'up', start: 0, end: 10, step: 0 }, 'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer'],
    [{ query: 'up', start: 0, end: 10, step: -15 }, 'invalid parameter "step": zero or negative query resolution step widths are not accepted. Try a positive integer'],
    [{ query: 'sum(up', start: 0, end: 10, step: 1 }, '1:7: parse error: unclosed left parenthesis'],
    [{ start: 0, end: 10, step: 1 }, '1:1: parse error: no expression found in input'],
    [{ query: 'up[5m]', start: 0, end: 10, step: 1 }, 'invalid expression type "range vector" for range query, must be Scalar or instant Vector'],
    [
      { query: 'histogram_quantile(0.9, up)', start: 0, end: 10, step: 1 },
      'demo backend: cannot evaluate "histogram_quantile(0.9, up)": only selectors, rate/increase, sum/avg/min/max by, and + - * / are supported (found the function "histogram_quantile")',
    ],
  ])('refuses %j with 400 bad_data', async (params, error) => {
    expect(await get('/query_range', params)).toEqual({ status: 400, body: { status: 'error', errorType: 'bad_data', error } });
  });

  it('answers ambiguous matching with 422 execution', async () => {
    const { status, body } = await get('/query_range', { query: 'up / on() up', start: at(9), end: at(9), step: 15 });
    expect(status).toBe(422);
    expect(body).toMatchObject({ status: 'error', errorType: 'execution', error: expect.stringContaining('many-to-many matching not allowed') });
  });
});

describe('/api/v1/query', () => {
  it('answers an instant vector with "value": [t, "v"]', async () => {
    const { status, body } = await post('/query', { query: 'up{instance="web-2"}', time: at(11) });
    expect(status).toBe(200);
    expect(body).toEqual({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: { __name__: 'up', instance: 'web-2', job: 'webapp' }, value: [at(11), '1'] }] },
    });
  });

  it('answers a scalar as [t, "v"]', async () => {
    const { body } = await get('/query', { query: '1 / 4', time: '2024-01-15T11:00:00Z' });
    expect(body.data).toEqual({ resultType: 'scalar', result: [at(11), '0.25'] });
  });

  it('answers a range selector with its raw samples', async () => {
    const [series] = matrixOf(await get('/query', { query: 'up{instance="web-1"}[1m]', time: at(11) }));
    expect(series?.values).toEqual([at(11) - 45, at(11) - 30, at(11) - 15, at(11)].map((t) => [t, '1']));
  });

  it('refuses a bad time', async () => {
    expect(await get('/query', { query: 'up', time: 'noon' })).toEqual({
      status: 400,
      body: { status: 'error', errorType: 'bad_data', error: 'invalid parameter "time": cannot parse "noon" to a valid timestamp' },
    });
  });
});

describe('metadata endpoints', () => {
  it('lists label names and values', async () => {
    expect((await get('/labels')).body).toEqual({ status: 'success', data: ['__name__', 'code', 'instance', 'job'] });
    expect((await post('/labels', { 'match[]': 'up' })).body.data).toEqual(['__name__', 'instance', 'job']);
    expect((await get('/label/__name__/values')).body.data).toEqual([
      'http_requests_total', 'process_resident_memory_bytes', 'up', 'webapp_cache_entries', 'webapp_cache_size_bytes',
    ]);
    expect((await get('/label/code/values')).body.data).toEqual(['200', '500', '503']);
    expect((await get('/label/instance/values', { start: at(20), end: at(21) })).body.data).toEqual([]);
    expect(await get('/label/bad-name/values')).toEqual({
      status: 400,
      body: { status: 'error', errorType: 'bad_data', error: 'invalid label name: "bad-name"' },
    });
  });

  it('finds series by match[] and requires one', async () => {
    const { body } = await get('/series', { 'match[]': ['up{instance="web-3"}', 'http_requests_total{instance="web-3",code="503"}'] });
    expect(body).toEqual({
      status: 'success',
      data: [
        { __name__: 'http_requests_total', code: '503', instance: 'web-3', job: 'webapp' },
        { __name__: 'up', instance: 'web-3', job: 'webapp' },
      ],
    });
    expect(await get('/series')).toEqual({ status: 400, body: { status: 'error', errorType: 'bad_data', error: 'no match[] parameter provided' } });
  });

  it('says it is the demo in buildinfo', async () => {
    const { status, body } = await get('/status/buildinfo');
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'success', data: DEMO_BUILD_INFO });
    expect(body.data).toMatchObject({ version: '2.42.0-demo' });
  });
});
