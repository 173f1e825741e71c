import { hashKey, QueryClient } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createPromClient } from './client';
import type { PromClient } from './client';
import { isPromClientError } from './errors';
import { buildInfoQueryOptions, labelValuesQueryOptions, promKeys, RANGE_QUERY_TIMEOUT_MS, rangeQueryOptions } from './queries';

const BASE = 'http://prometheus.test:9090';
const range = { expr: 'up', start: 1705312800000, end: 1705313100000, step: 15000 };
const emptyMatrix = { status: 'success', data: { resultType: 'matrix', result: [] } };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A server that takes the request and never answers, until the request is aborted. */
const neverAnswers = (_input: RequestInfo | URL, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)));

let queryClient: QueryClient;
beforeEach(() => {
  queryClient = new QueryClient();
});
afterEach(() => queryClient.clear());

describe('promKeys', () => {
  it('nests every key under the server', () => {
    expect(promKeys.all(BASE)).toEqual(['prometheus', BASE]);
    expect(promKeys.buildInfo(BASE)).toEqual(['prometheus', BASE, 'buildinfo']);
    expect(promKeys.range(BASE, range)).toEqual(['prometheus', BASE, 'query_range', range]);
  });

  it('gives a different key whenever any input of the request differs', () => {
    const variants = [
      promKeys.range(BASE, range),
      promKeys.range('http://other:9090', range),
      promKeys.range(BASE, { ...range, expr: 'up == 0' }),
      promKeys.range(BASE, { ...range, start: range.start + 1 }),
      promKeys.range(BASE, { ...range, end: range.end + 1 }),
      promKeys.range(BASE, { ...range, step: 30000 }),
      promKeys.labelValues(BASE, 'job'),
      promKeys.labelValues(BASE, 'instance'),
      promKeys.labelValues(BASE, 'job', { match: ['up'] }),
      promKeys.labels(BASE),
      promKeys.series(BASE, { match: ['up'] }),
      promKeys.instant(BASE, { expr: 'up' }),
      promKeys.instant(BASE, { expr: 'up', time: 1 }),
    ];
    expect(new Set(variants.map((key) => hashKey(key))).size).toBe(variants.length);
  });

  it('keeps only the inputs of the request, so extra fields do not split the cache', () => {
    const withExtra = { ...range, panelId: 'memory' };
    expect(hashKey(promKeys.range(BASE, withExtra))).toBe(hashKey(promKeys.range(BASE, range)));
  });
});

describe('rangeQueryOptions', () => {
  it('fetches the series set under its key', async () => {
    server.use(
      http.post(`${BASE}/api/v1/query_range`, () =>
        HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { job: 'api' }, values: [[1705312800, '1']] }] } }),
      ),
    );
    const client = createPromClient({ baseUrl: BASE });
    const set = await queryClient.fetchQuery(rangeQueryOptions(client, range));
    expect(set.series).toEqual([{ labels: { job: 'api' }, timestamps: [1705312800000], values: [1] }]);
    expect(queryClient.getQueryData(promKeys.range(BASE, range))).toBe(set);
  });

  it('hands the query signal to fetch, so cancelling a query aborts its request', async () => {
    let requestSignal: AbortSignal | undefined;
    const client = createPromClient({
      baseUrl: BASE,
      fetch: (_input, init) =>
        new Promise<Response>((_resolve, reject) => {
          requestSignal = init?.signal ?? undefined;
          requestSignal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    });
    const pending = queryClient.fetchQuery(rangeQueryOptions(client, range)).catch((e: unknown) => e);
    await vi.waitFor(() => expect(requestSignal).toBeDefined());
    expect(requestSignal?.aborted).toBe(false);
    await queryClient.cancelQueries({ queryKey: promKeys.all(BASE) });
    expect(requestSignal?.aborted).toBe(true);
    await pending;
  });

  it('gives up a request that never answers after the timeout, as a timeout', async () => {
    vi.useFakeTimers();
    try {
      const client = createPromClient({ baseUrl: BASE, fetch: neverAnswers });
      const failed = queryClient.fetchQuery({ ...rangeQueryOptions(client, range), retry: false }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(RANGE_QUERY_TIMEOUT_MS - 1);
      expect(queryClient.getQueryState(promKeys.range(BASE, range))?.fetchStatus).toBe('fetching');
      await vi.advanceTimersByTimeAsync(1);
      const error = await failed;
      expect(isPromClientError(error) && error.kind).toBe('timeout');
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves no timer behind once the request has answered', async () => {
    vi.useFakeTimers();
    try {
      server.use(http.post(`${BASE}/api/v1/query_range`, () => HttpResponse.json(emptyMatrix)));
      const client = createPromClient({ baseUrl: BASE });
      await queryClient.fetchQuery({ ...rangeQueryOptions(client, range), gcTime: 0 });
      await vi.advanceTimersByTimeAsync(0);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not retry a bad query', async () => {
    let requests = 0;
    server.use(
      http.post(`${BASE}/api/v1/query_range`, () => {
        requests++;
        return HttpResponse.json({ status: 'error', errorType: 'bad_data', error: '1:6: parse error: unclosed left parenthesis' }, { status: 400 });
      }),
    );
    const client = createPromClient({ baseUrl: BASE });
    const error = await queryClient.fetchQuery({ ...rangeQueryOptions(client, { ...range, expr: 'rate(' }), retryDelay: 0 }).catch((e: unknown) => e);
    expect(isPromClientError(error) && error.kind).toBe('bad_query');
    expect(requests).toBe(1);
  });

  it('retries an unavailable server, then gives up after 3 retries', async () => {
    let requests = 0;
    server.use(
      http.post(`${BASE}/api/v1/query_range`, () => {
        requests++;
        return new HttpResponse('<html>502 Bad Gateway</html>', { status: 502 });
      }),
    );
    const client = createPromClient({ baseUrl: BASE });
    const error = await queryClient.fetchQuery({ ...rangeQueryOptions(client, range), retryDelay: 0 }).catch((e: unknown) => e);
    expect(isPromClientError(error) && error.kind).toBe('unavailable');
    expect(requests).toBe(4);
  });

  it('recovers when a retry succeeds', async () => {
    let requests = 0;
    server.use(
      http.post(`${BASE}/api/v1/query_range`, () => {
        requests++;
        return requests === 1 ? HttpResponse.error() : HttpResponse.json(emptyMatrix);
      }),
    );
    const client = createPromClient({ baseUrl: BASE });
    const set = await queryClient.fetchQuery({ ...rangeQueryOptions(client, range), retryDelay: 0 });
    expect(set.series).toEqual([]);
    expect(requests).toBe(2);
  });
});

describe('other query options', () => {
  const fakeClient = (calls: unknown[]): PromClient => ({
    baseUrl: BASE,
    queryRange: () => Promise.reject(new Error('unused')),
    query: () => Promise.reject(new Error('unused')),
    labels: () => Promise.reject(new Error('unused')),
    series: () => Promise.reject(new Error('unused')),
    metadata: () => Promise.reject(new Error('unused')),
    alerts: () => Promise.reject(new Error('unused')),
    labelValues: async (name, p, signal) => {
      calls.push({ name, p, signal: signal instanceof AbortSignal });
      return ['api'];
    },
    buildInfo: async (signal) => {
      calls.push({ buildInfo: true, signal: signal instanceof AbortSignal });
      return { version: '2.42.0' };
    },
  });

  it('pass their key inputs and the signal to the client', async () => {
    const calls: unknown[] = [];
    const client = fakeClient(calls);
    expect(await queryClient.fetchQuery(labelValuesQueryOptions(client, 'job', { match: ['up'] }))).toEqual(['api']);
    expect(await queryClient.fetchQuery(buildInfoQueryOptions(client))).toEqual({ version: '2.42.0' });
    expect(calls).toEqual([
      { name: 'job', p: { match: ['up'], start: undefined, end: undefined }, signal: true },
      { buildInfo: true, signal: true },
    ]);
    expect(buildInfoQueryOptions(client).queryKey).toEqual(['prometheus', BASE, 'buildinfo']);
  });
});

describe('rangeQueryOptions, incremental', () => {
  const S = 1_000;
  const step = 10 * S;
  const policy = { overlapMs: 60 * S, fullEveryMs: 10 * 60 * S };
  // A server whose answer at each evaluation is a function of the time: `late` rewrites the last minute.
  let asked: { start: number; end: number }[] = [];
  let late = 0;
  const valueAt = (t: number, job: string) => (t >= latestMs - 60 * S ? t / 1000 + late : t / 1000) + (job === 'b' ? 0.5 : 0);
  let latestMs = 0;
  beforeEach(() => {
    asked = [];
    late = 0;
    server.use(
      http.post(`${BASE}/api/v1/query_range`, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        const start = Number(form.get('start')) * 1000;
        const end = Number(form.get('end')) * 1000;
        asked.push({ start, end });
        const grid: number[] = [];
        for (let t = start; t <= end; t += Number(form.get('step')) * 1000) grid.push(t);
        // Series b appears only in the newest 30 s: a series that joins.
        const result = ['a', 'b'].map((job) => ({
          metric: { job },
          values: grid.filter((t) => job === 'a' || t >= latestMs - 30 * S).map((t) => [t / 1000, String(valueAt(t, job))]),
        }));
        return HttpResponse.json({ status: 'success', data: { resultType: 'matrix', result: result.filter((r) => r.values.length > 0) } });
      }),
    );
  });
  afterEach(() => vi.useRealTimers());

  it('asks only the tail of a moved window and holds what a full fetch answers', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const noon = Date.UTC(2026, 0, 5, 12);
    vi.setSystemTime(noon);
    latestMs = noon;
    const client = createPromClient({ baseUrl: BASE });
    const first = { expr: 'up', start: noon - 3_600 * S, end: noon, step };
    await queryClient.fetchQuery(rangeQueryOptions(client, first, policy));

    vi.setSystemTime(noon + 20 * S);
    latestMs = noon + 20 * S;
    late = 1000;
    const moved = { ...first, start: first.start + 2 * step, end: first.end + 2 * step };
    const merged = await queryClient.fetchQuery(rangeQueryOptions(client, moved, policy));
    // Final at noon less the 60 s overlap: the tail starts one step after, at 11:59:10.
    expect(asked[1]).toEqual({ start: noon - 60 * S + step, end: moved.end });

    const full = await new QueryClient().fetchQuery(rangeQueryOptions(client, moved));
    expect(asked[2]).toEqual({ start: moved.start, end: moved.end });
    expect(merged.series).toEqual(full.series);
    expect(merged.series.map((s) => s.labels.job)).toEqual(['a', 'b']);
    expect([merged.start, merged.end]).toEqual([moved.start, moved.end]);
  });

  it('asks the whole window again once the last full fetch is older than the policy allows', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const noon = Date.UTC(2026, 0, 5, 12);
    vi.setSystemTime(noon);
    const client = createPromClient({ baseUrl: BASE });
    const first = { expr: 'up', start: noon - 3_600 * S, end: noon, step };
    await queryClient.fetchQuery(rangeQueryOptions(client, first, policy));
    vi.setSystemTime(noon + policy.fullEveryMs);
    const moved = { ...first, start: first.start + 60 * step, end: first.end + 60 * step };
    await queryClient.fetchQuery(rangeQueryOptions(client, moved, policy));
    expect(asked[1]).toEqual({ start: moved.start, end: moved.end });
  });
});
