import { delay, http, HttpResponse } from 'msw';
import type { JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { createPromClient, escapeLabelNameForPath, normalizeBaseUrl } from './client';
import { NATIVE_HISTOGRAM_WARNING } from './convert';
import { isPromClientError, PromClientError } from './errors';
import type { PromErrorKind } from './errors';

const BASE = 'http://prometheus.test:9090';
const RANGE_URL = `${BASE}/api/v1/query_range`;
const SECRET = 's3cret-token-value';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.unstubAllGlobals();
});
afterAll(() => server.close());

const range = { expr: 'up', start: 1705312800000, end: 1705313100000, step: 15000 };

function answerRange(body: JsonBodyType, status = 200) {
  server.use(http.post(RANGE_URL, () => HttpResponse.json(body, { status })));
}

async function failure(promise: Promise<unknown>): Promise<PromClientError> {
  try {
    await promise;
  } catch (e) {
    if (isPromClientError(e)) return e;
    throw new Error(`expected a PromClientError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected the call to fail');
}

describe('queryRange', () => {
  it('turns a matrix into columnar series in ms, with the asked range and step', async () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { __name__: 'up', instance: 'api-1:9100', job: 'api' },
            values: [[1705312800, '1'], [1705312815, '0'], [1705312830.5, '1']],
          },
        ],
      },
    };
    answerRange(body);
    const set = await createPromClient({ baseUrl: BASE }).queryRange(range);
    expect(set).toEqual({
      series: [
        {
          labels: { __name__: 'up', instance: 'api-1:9100', job: 'api' },
          timestamps: [1705312800000, 1705312815000, 1705312830500],
          values: [1, 0, 1],
        },
      ],
      start: range.start,
      end: range.end,
      step: range.step,
      warnings: [],
      // The answer as it came, for the inspector (small enough to be kept whole).
      answer: { head: JSON.stringify(body), chars: JSON.stringify(body).length },
    });
  });

  it('keeps NaN and ±Inf as numbers', async () => {
    answerRange({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [{ metric: { job: 'api' }, values: [[1705312800, 'NaN'], [1705312815, '+Inf'], [1705312830, '-Inf'], [1705312845, 'Inf']] }],
      },
    });
    const set = await createPromClient({ baseUrl: BASE }).queryRange(range);
    expect(set.series[0]?.values).toEqual([NaN, Infinity, -Infinity, Infinity]);
  });

  it('answers an empty result with no series', async () => {
    answerRange({ status: 'success', data: { resultType: 'matrix', result: [] } });
    const set = await createPromClient({ baseUrl: BASE }).queryRange(range);
    expect(set.series).toEqual([]);
    expect(set.warnings).toEqual([]);
  });

  it('joins warnings and infos', async () => {
    answerRange({
      status: 'success',
      data: { resultType: 'matrix', result: [] },
      warnings: ['remote read: partial response'],
      infos: ['PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "memory_bytes"'],
    });
    const set = await createPromClient({ baseUrl: BASE }).queryRange(range);
    expect(set.warnings).toEqual([
      'remote read: partial response',
      'PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "memory_bytes"',
    ]);
  });

  it('keeps a native-histogram-only series with empty columns and a warning', async () => {
    answerRange({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          { metric: { __name__: 'rpc_duration_seconds', job: 'api' }, histograms: [[1705312800, { count: '10', sum: '3.2', buckets: [[0, '0.5', '1', '10']] }]] },
          { metric: { __name__: 'up', job: 'api' }, values: [[1705312800, '1']] },
        ],
      },
    });
    const set = await createPromClient({ baseUrl: BASE }).queryRange(range);
    expect(set.series).toEqual([
      { labels: { __name__: 'rpc_duration_seconds', job: 'api' }, timestamps: [], values: [] },
      { labels: { __name__: 'up', job: 'api' }, timestamps: [1705312800000], values: [1] },
    ]);
    expect(set.warnings).toEqual([NATIVE_HISTOGRAM_WARNING]);
  });

  it('sorts series that arrive unsorted (VictoriaMetrics)', async () => {
    answerRange({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          { metric: { job: 'worker' }, values: [[1705312800, '3']] },
          { metric: { job: 'api', instance: 'b' }, values: [[1705312800, '2']] },
          { metric: { job: 'api', instance: 'a' }, values: [[1705312800, '1']] },
        ],
      },
    });
    const set = await createPromClient({ baseUrl: BASE }).queryRange(range);
    expect(set.series.map((s) => s.values[0])).toEqual([1, 2, 3]);
  });

  it('POSTs a form with the expression, times and step in seconds', async () => {
    let seen: { method: string; contentType: string | null; form: Record<string, string> } | undefined;
    server.use(
      http.post(RANGE_URL, async ({ request }) => {
        const form = Object.fromEntries(new URLSearchParams(await request.text()));
        seen = { method: request.method, contentType: request.headers.get('content-type'), form };
        return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [] } });
      }),
    );
    const expr = 'sum by (pod) (rate(container_memory_working_set_bytes{namespace="checkout", pod=~"api-.+"}[5m])) & on() vector(1)';
    await createPromClient({ baseUrl: BASE }).queryRange({ expr, start: 1705312800123, end: 1705321800000, step: 7500 });
    expect(seen).toEqual({
      method: 'POST',
      contentType: 'application/x-www-form-urlencoded',
      form: { query: expr, start: '1705312800.123', end: '1705321800', step: '7.5' },
    });
  });

  it('refuses non-finite times without asking the server', async () => {
    const error = await failure(createPromClient({ baseUrl: BASE }).queryRange({ ...range, step: NaN }));
    expect(error.kind).toBe('bad_query');
  });
});

describe('requests', () => {
  it('sends the configured headers on every request', async () => {
    const seen: Array<[string, string | null, string | null]> = [];
    const record = ({ request }: { request: Request }) => {
      seen.push([new URL(request.url).pathname, request.headers.get('authorization'), request.headers.get('x-scope-orgid')]);
    };
    server.use(
      http.post(RANGE_URL, (info) => {
        record(info);
        return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [] } });
      }),
      http.get(`${BASE}/api/v1/label/job/values`, (info) => {
        record(info);
        return HttpResponse.json({ status: 'success', data: ['api'] });
      }),
      http.get(`${BASE}/api/v1/status/buildinfo`, (info) => {
        record(info);
        return HttpResponse.json({ status: 'success', data: { version: '2.42.0' } });
      }),
    );
    const client = createPromClient({ baseUrl: BASE, headers: { Authorization: `Bearer ${SECRET}`, 'X-Scope-OrgID': 'team-a' } });
    await client.queryRange(range);
    await client.labelValues('job');
    await client.buildInfo();
    expect(seen).toEqual([
      ['/api/v1/query_range', `Bearer ${SECRET}`, 'team-a'],
      ['/api/v1/label/job/values', `Bearer ${SECRET}`, 'team-a'],
      ['/api/v1/status/buildinfo', `Bearer ${SECRET}`, 'team-a'],
    ]);
  });

  it.each(['http://localhost/prefix', 'http://localhost/prefix/', 'http://localhost/prefix//'])(
    'joins the base URL %s with the API path',
    async (baseUrl) => {
      let url: string | undefined;
      server.use(
        http.post('http://localhost/prefix/api/v1/query_range', ({ request }) => {
          url = request.url;
          return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [] } });
        }),
      );
      const client = createPromClient({ baseUrl });
      expect(client.baseUrl).toBe('http://localhost/prefix');
      await client.queryRange(range);
      expect(url).toBe('http://localhost/prefix/api/v1/query_range');
    },
  );

  it('uses the fetch installed at call time, not at creation', async () => {
    const client = createPromClient({ baseUrl: BASE });
    const calls: string[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return Response.json({ status: 'success', data: ['job'] });
    });
    expect(await client.labels()).toEqual(['job']);
    expect(calls).toEqual([`${BASE}/api/v1/labels`]);
  });

  it('uses the fetch given in the options', async () => {
    const calls: string[] = [];
    const client = createPromClient({
      baseUrl: '/prometheus',
      fetch: async (input) => {
        calls.push(String(input));
        return Response.json({ status: 'success', data: ['api'] });
      },
    });
    expect(await client.labelValues('job', { match: ['up'] })).toEqual(['api']);
    expect(calls).toEqual(['/prometheus/api/v1/label/job/values?match%5B%5D=up']);
  });

  it('sends a limit only when it is a positive integer', async () => {
    const calls: string[] = [];
    const client = createPromClient({
      baseUrl: '/prometheus',
      fetch: async (input) => {
        calls.push(String(input));
        return Response.json({ status: 'success', data: ['api'] });
      },
    });
    await client.labelValues('__name__', { limit: 500 });
    await client.labelValues('__name__', { limit: NaN });
    await client.labelValues('__name__', { limit: -1 });
    await client.labelValues('__name__', { limit: 2.5 });
    expect(calls).toEqual([
      '/prometheus/api/v1/label/__name__/values?limit=500',
      '/prometheus/api/v1/label/__name__/values',
      '/prometheus/api/v1/label/__name__/values',
      '/prometheus/api/v1/label/__name__/values',
    ]);
  });

  it("reads the metrics' metadata and refuses a malformed answer", async () => {
    let answer: unknown = { status: 'success', data: { up: [{ type: 'gauge', help: 'Target is up.', unit: '' }] } };
    const calls: string[] = [];
    const client = createPromClient({
      baseUrl: '/prometheus',
      fetch: async (input) => {
        calls.push(String(input));
        return Response.json(answer);
      },
    });
    expect(await client.metadata({ limit: 100, limitPerMetric: 1 })).toEqual({ up: [{ type: 'gauge', help: 'Target is up.', unit: '' }] });
    expect(calls).toEqual(['/prometheus/api/v1/metadata?limit=100&limit_per_metric=1']);
    answer = { status: 'success', data: { up: 'gauge' } };
    await expect(client.metadata()).rejects.toMatchObject({ kind: 'malformed' });
  });
});

describe('errors', () => {
  const html502 = () =>
    new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } });
  const promError = (status: number, errorType: string, error: string) => () =>
    HttpResponse.json({ status: 'error', errorType, error }, { status });

  const cases: Array<{ name: string; respond: () => Response; kind: PromErrorKind; status?: number; errorType?: string; message: string | RegExp }> = [
    {
      name: 'Prometheus bad_data 400, message verbatim',
      respond: promError(400, 'bad_data', '1:6: parse error: unclosed left parenthesis'),
      kind: 'bad_query', status: 400, errorType: 'bad_data',
      message: '1:6: parse error: unclosed left parenthesis',
    },
    {
      name: 'Prometheus execution 422',
      respond: promError(422, 'execution', 'query processing would load too many samples into memory in query execution'),
      kind: 'execution', status: 422, errorType: 'execution',
      message: 'query processing would load too many samples into memory in query execution',
    },
    {
      name: 'Prometheus timeout 503',
      respond: promError(503, 'timeout', 'query timed out in expression evaluation'),
      kind: 'timeout', status: 503, errorType: 'timeout',
      message: 'query timed out in expression evaluation',
    },
    {
      name: 'Prometheus canceled 499',
      respond: promError(499, 'canceled', 'query was canceled in expression evaluation'),
      kind: 'aborted', status: 499, errorType: 'canceled',
      message: 'query was canceled in expression evaluation',
    },
    {
      name: 'Prometheus internal 500',
      respond: promError(500, 'internal', 'something broke'),
      kind: 'unavailable', status: 500, errorType: 'internal',
      message: 'something broke',
    },
    {
      name: 'VictoriaMetrics 422 with errorType "422"',
      respond: promError(422, '422', 'error when executing query="rate(" on the time range (start=1705312800000, end=1705313100000, step=15000): cannot execute query: singleExpr: unexpected token ""; want "(", "{", "-", "+"; unparsed data: ""'),
      kind: 'bad_query', status: 422, errorType: '422',
      message: 'error when executing query="rate(" on the time range (start=1705312800000, end=1705313100000, step=15000): cannot execute query: singleExpr: unexpected token ""; want "(", "{", "-", "+"; unparsed data: ""',
    },
    {
      name: 'Prometheus too many points',
      respond: promError(400, 'bad_data', 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)'),
      kind: 'too_many_points', status: 400, errorType: 'bad_data',
      message: 'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    },
    {
      name: 'VictoriaMetrics too many points',
      respond: promError(422, '422', 'error when executing query="up" on the time range (start=1705312800000, end=1707904800000, step=1000): too many points for the given step=1000, start=1705312800000 and end=1707904800000: 2592001; cannot exceed -search.maxPointsPerTimeseries=30000'),
      kind: 'too_many_points', status: 422, errorType: '422',
      message: /too many points for the given step=1000.*cannot exceed -search\.maxPointsPerTimeseries=30000$/,
    },
    {
      name: '401 from an auth proxy',
      respond: () => new HttpResponse('Unauthorized', { status: 401 }),
      kind: 'unauthorized', status: 401,
      message: 'The server refused the request (HTTP 401): credentials missing or expired',
    },
    {
      name: '403 from an auth proxy',
      respond: () => HttpResponse.json({ message: 'forbidden' }, { status: 403 }),
      kind: 'unauthorized', status: 403,
      message: 'The server refused the request (HTTP 403): credentials missing or expired',
    },
    {
      name: "a proxy's HTML 502",
      respond: html502,
      kind: 'unavailable', status: 502,
      message: 'The Prometheus server is unavailable (HTTP 502 Bad Gateway)',
    },
    {
      name: 'a refused connection',
      respond: () => HttpResponse.error(),
      kind: 'unavailable',
      message: `Cannot reach the Prometheus server at ${BASE}`,
    },
    {
      name: 'a plain 404 (wrong path prefix)',
      respond: () => new HttpResponse('404 page not found', { status: 404, statusText: 'Not Found' }),
      kind: 'http', status: 404,
      message: 'Unexpected answer from /api/v1/query_range (HTTP 404 Not Found)',
    },
    {
      name: 'a body that is not JSON',
      respond: () => new HttpResponse('{"status":"success","data":', { status: 200, headers: { 'Content-Type': 'application/json' } }),
      kind: 'malformed',
      message: 'Malformed response from /api/v1/query_range: the body is not JSON',
    },
    {
      name: 'a value that is a number instead of a string',
      respond: () => HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[1705312800, '1'], [1705312815, 2]] }] } }),
      kind: 'malformed',
      message: 'Malformed response from /api/v1/query_range: field "data.result.0.values.1.1" expected a string sample value',
    },
    {
      name: 'labels that are not strings',
      respond: () => HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { job: 1 }, values: [] }] } }),
      kind: 'malformed',
      message: /^Malformed response from \/api\/v1\/query_range: field "data\.result\.0\.metric\.job" /,
    },
    {
      name: 'an envelope without status',
      respond: () => HttpResponse.json({ data: { resultType: 'matrix', result: [] } }),
      kind: 'malformed',
      message: /^Malformed response from \/api\/v1\/query_range: field "status" /,
    },
    {
      name: 'a vector where a matrix belongs',
      respond: () => HttpResponse.json({ status: 'success', data: { resultType: 'vector', result: [] } }),
      kind: 'malformed',
      message: 'Malformed response from /api/v1/query_range: expected a matrix, got vector',
    },
    {
      name: 'a sample value that is not a number',
      respond: () => HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[1705312800, 'lots']] }] } }),
      kind: 'malformed',
      message: 'Malformed response from /api/v1/query_range: sample value "lots" is not a number',
    },
    {
      name: 'a 429 from a rate limiter',
      respond: () => new HttpResponse('slow down', { status: 429, statusText: 'Too Many Requests' }),
      kind: 'http', status: 429,
      message: 'Unexpected answer from /api/v1/query_range (HTTP 429 Too Many Requests)',
    },
  ];

  it.each(cases)('$name → $kind', async ({ respond, kind, status, errorType, message }) => {
    server.use(http.post(RANGE_URL, respond));
    const error = await failure(createPromClient({ baseUrl: BASE }).queryRange(range));
    expect(error).toBeInstanceOf(PromClientError);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.errorType).toBe(errorType);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it('is aborted when the signal fires mid-request', async () => {
    server.use(
      http.post(RANGE_URL, async () => {
        await delay('infinite');
        return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [] } });
      }),
    );
    const controller = new AbortController();
    const pending = failure(createPromClient({ baseUrl: BASE }).queryRange(range, controller.signal));
    controller.abort();
    expect((await pending).kind).toBe('aborted');
  });

  it('is aborted when the signal fired before the request', async () => {
    answerRange({ status: 'success', data: { resultType: 'matrix', result: [] } });
    const controller = new AbortController();
    controller.abort();
    const error = await failure(createPromClient({ baseUrl: BASE }).queryRange(range, controller.signal));
    expect(error.kind).toBe('aborted');
  });

  it('calls an AbortSignal.timeout() expiry a timeout', async () => {
    server.use(
      http.post(RANGE_URL, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const error = await failure(createPromClient({ baseUrl: BASE }).queryRange(range, AbortSignal.timeout(20)));
    expect(error.kind).toBe('timeout');
  });

  it('never puts header values into error messages', async () => {
    const client = createPromClient({ baseUrl: BASE, headers: { Authorization: `Bearer ${SECRET}` } });
    const responses = [
      promError(400, 'bad_data', '1:6: parse error: unclosed left parenthesis'),
      () => new HttpResponse('Unauthorized', { status: 401 }),
      html502,
      () => HttpResponse.error(),
      () => new HttpResponse('not json', { status: 200 }),
    ];
    for (const respond of responses) {
      server.use(http.post(RANGE_URL, respond));
      const error = await failure(client.queryRange({ ...range, expr: 'rate(' }));
      expect(error.message).not.toContain(SECRET);
      expect(JSON.stringify({ ...error, message: error.message })).not.toContain(SECRET);
    }
  });

  it('refuses credentials in the base URL without repeating them', () => {
    expect(() => createPromClient({ baseUrl: `http://admin:${SECRET}@prometheus.test:9090` })).toThrow(
      'Put credentials for Prometheus in the headers option, not in the base URL',
    );
    try {
      createPromClient({ baseUrl: `http://admin:${SECRET}@prometheus.test:9090` });
    } catch (e) {
      expect(String(e)).not.toContain(SECRET);
    }
  });
});

describe('query', () => {
  const QUERY_URL = `${BASE}/api/v1/query`;

  it('POSTs the expression and time, and converts a vector', async () => {
    let form: Record<string, string> | undefined;
    server.use(
      http.post(QUERY_URL, async ({ request }) => {
        form = Object.fromEntries(new URLSearchParams(await request.text()));
        return HttpResponse.json({
          status: 'success',
          data: { resultType: 'vector', result: [{ metric: { job: 'worker' }, value: [1705312800.632, '+Inf'] }, { metric: { job: 'api' }, value: [1705312800.632, '1'] }] },
          warnings: ['partial'],
        });
      }),
    );
    const result = await createPromClient({ baseUrl: BASE }).query({ expr: 'sum by (job) (up)', time: 1705312800632 });
    expect(form).toEqual({ query: 'sum by (job) (up)', time: '1705312800.632' });
    expect(result).toEqual({
      kind: 'vector',
      samples: [
        { labels: { job: 'api' }, timestamp: 1705312800632, value: 1 },
        { labels: { job: 'worker' }, timestamp: 1705312800632, value: Infinity },
      ],
      warnings: ['partial'],
    });
  });

  it('leaves time out when not given, and converts a scalar', async () => {
    let form: Record<string, string> | undefined;
    server.use(
      http.post(QUERY_URL, async ({ request }) => {
        form = Object.fromEntries(new URLSearchParams(await request.text()));
        return HttpResponse.json({ status: 'success', data: { resultType: 'scalar', result: [1705312800.62, '+Inf'] } });
      }),
    );
    const result = await createPromClient({ baseUrl: BASE }).query({ expr: '1/0' });
    expect(form).toEqual({ query: '1/0' });
    expect(result).toEqual({ kind: 'scalar', timestamp: 1705312800620, value: Infinity, warnings: [] });
  });

  it('converts a string and a matrix (range selector)', async () => {
    server.use(
      http.post(QUERY_URL, () => HttpResponse.json({ status: 'success', data: { resultType: 'string', result: [1705312800, 'hello'] } }), { once: true }),
      http.post(QUERY_URL, () =>
        HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { job: 'api' }, values: [[1705312800, '1'], [1705312805, '1']] }] } }),
      ),
    );
    const client = createPromClient({ baseUrl: BASE });
    expect(await client.query({ expr: '"hello"' })).toEqual({ kind: 'string', timestamp: 1705312800000, value: 'hello', warnings: [] });
    expect(await client.query({ expr: 'up[10s]' })).toEqual({
      kind: 'matrix',
      series: [{ labels: { job: 'api' }, timestamps: [1705312800000, 1705312805000], values: [1, 1] }],
      warnings: [],
    });
  });
});

describe('metadata', () => {
  it('POSTs labels with every match[] selector and the range', async () => {
    let form: Array<[string, string]> | undefined;
    server.use(
      http.post(`${BASE}/api/v1/labels`, async ({ request }) => {
        form = [...new URLSearchParams(await request.text())];
        return HttpResponse.json({ status: 'success', data: ['__name__', 'instance', 'job'] });
      }),
    );
    const names = await createPromClient({ baseUrl: BASE }).labels({ match: ['up', 'node_load1'], start: 1705312800000, end: 1705313100000 });
    expect(names).toEqual(['__name__', 'instance', 'job']);
    expect(form).toEqual([['match[]', 'up'], ['match[]', 'node_load1'], ['start', '1705312800'], ['end', '1705313100']]);
  });

  it('GETs label values with the name in the path', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${BASE}/api/v1/label/:name/values`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ status: 'success', data: ['api', 'worker'] });
      }),
    );
    const values = await createPromClient({ baseUrl: BASE }).labelValues('job', { match: ['up{env="prod"}'], start: 1705312800000 });
    expect(values).toEqual(['api', 'worker']);
    expect(url?.pathname).toBe('/api/v1/label/job/values');
    expect(url?.searchParams.getAll('match[]')).toEqual(['up{env="prod"}']);
    expect(url?.searchParams.get('start')).toBe('1705312800');
  });

  it('POSTs series selectors and returns label sets', async () => {
    let form: Array<[string, string]> | undefined;
    server.use(
      http.post(`${BASE}/api/v1/series`, async ({ request }) => {
        form = [...new URLSearchParams(await request.text())];
        return HttpResponse.json({ status: 'success', data: [{ __name__: 'up', instance: '127.0.0.1:9090', job: 'prometheus' }] });
      }),
    );
    const series = await createPromClient({ baseUrl: BASE }).series({ match: ['up'] });
    expect(series).toEqual([{ __name__: 'up', instance: '127.0.0.1:9090', job: 'prometheus' }]);
    expect(form).toEqual([['match[]', 'up']]);
  });

  it('reports a label list that is not a list as malformed', async () => {
    server.use(http.post(`${BASE}/api/v1/labels`, () => HttpResponse.json({ status: 'success', data: { job: 'api' } })));
    const error = await failure(createPromClient({ baseUrl: BASE }).labels());
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(/^Malformed response from \/api\/v1\/labels: field "data" /);
  });
});

describe('buildInfo', () => {
  const BUILDINFO_URL = `${BASE}/api/v1/status/buildinfo`;

  it('returns what Prometheus says about itself', async () => {
    const data = { version: '2.42.0', revision: 'abc', branch: 'HEAD', buildUser: 'root@host', buildDate: '20230201-10:00:00', goVersion: 'go1.19.5' };
    server.use(http.get(BUILDINFO_URL, () => HttpResponse.json({ status: 'success', data })));
    expect(await createPromClient({ baseUrl: BASE }).buildInfo()).toEqual(data);
  });

  it.each([
    ['a 404', () => new HttpResponse('404 page not found', { status: 404 })],
    ['VictoriaMetrics’ plain-text 400 for unknown paths', () => new HttpResponse('unsupported path requested: "/api/v1/status/buildinfo"', { status: 400 })],
    ['VictoriaMetrics’ empty data', () => HttpResponse.json({ status: 'success', data: {} })],
  ])('is null for %s', async (_name, respond) => {
    server.use(http.get(BUILDINFO_URL, respond));
    expect(await createPromClient({ baseUrl: BASE }).buildInfo()).toBeNull();
  });

  it('fails on other errors', async () => {
    server.use(http.get(BUILDINFO_URL, () => new HttpResponse('<html>oops</html>', { status: 503 })));
    const error = await failure(createPromClient({ baseUrl: BASE }).buildInfo());
    expect(error.kind).toBe('unavailable');
    expect(error.status).toBe(503);
  });
});

describe('normalizeBaseUrl', () => {
  it.each([
    ['http://prometheus.test:9090', 'http://prometheus.test:9090'],
    ['http://prometheus.test:9090/', 'http://prometheus.test:9090'],
    ['HTTP://Prometheus.TEST:9090/prefix/', 'http://prometheus.test:9090/prefix'],
    ['/prometheus', '/prometheus'],
    ['/prometheus/', '/prometheus'],
    ['/', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeBaseUrl(input)).toBe(expected);
  });

  it.each(['http://prometheus.test:9090/?x=1', 'http://prometheus.test:9090/#top', 'http://[bad'])('refuses %j', (input) => {
    expect(() => normalizeBaseUrl(input)).toThrow(TypeError);
  });
});

describe('escapeLabelNameForPath', () => {
  it.each([
    ['job', 'job'],
    ['__name__', '__name__'],
    ['http.status_code', 'U__http_2e_status__code'],
    ['1st', 'U___31_st'],
    ['service:latency', 'U__service:latency'],
  ])('%s → %s', (name, escaped) => {
    expect(escapeLabelNameForPath(name)).toBe(escaped);
  });
});
