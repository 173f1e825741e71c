import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { workers } from '../../test/fakeReaderWorker';
import { createPromClient } from './client';
import { isPromClientError } from './errors';
import type { RangeAnswerReader } from './rangeAnswerReader';
import { createRangeAnswerReader } from './rangeAnswerReader';

const BASE = 'http://prometheus.test:9090';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const range = { expr: 'up', start: 1705312800000, end: 1705313100000, step: 15000 };
const MATRIX = { status: 'success', data: { resultType: 'matrix', result: [{ metric: { job: 'api' }, values: [[1705312800, '1']] }] } };

/** A reader whose work never ends on its own, as a huge answer in the worker: only an abort stops it. */
function slowReader(): RangeAnswerReader & { started: number } {
  const never = (signal?: AbortSignal) => {
    reader.started++;
    return new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
  };
  const reader = {
    started: 0,
    read: (_endpoint: string, _status: unknown, _chunks: unknown, signal?: AbortSignal) => never(signal),
    fetchAndRead: (_endpoint: string, _request: unknown, signal: AbortSignal) => never(signal),
  };
  return reader;
}

async function kindOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (isPromClientError(e)) return `${e.kind}: ${e.message}`;
    throw e;
  }
  throw new Error('expected the query to fail');
}

describe('queryRange with the answer read off the main thread', () => {
  beforeEach(() => server.use(http.post(`${BASE}/api/v1/query_range`, () => HttpResponse.json(MATRIX))));

  it('hands the fetched body to the reader and returns its series with the asked range', async () => {
    const set = await createPromClient({ baseUrl: BASE, rangeAnswerReader: createRangeAnswerReader(undefined) }).queryRange(range);
    expect(set).toMatchObject({ series: [{ labels: { job: 'api' }, timestamps: [1705312800000], values: [1] }], start: range.start, step: range.step });
  });

  it('a cancelled panel stops the read and says the request was cancelled', async () => {
    const reader = slowReader();
    const controller = new AbortController();
    const pending = createPromClient({ baseUrl: BASE, rangeAnswerReader: reader }).queryRange(range, controller.signal);
    await vi.waitFor(() => expect(reader.started).toBe(1));
    controller.abort();
    expect(await kindOf(pending)).toBe('aborted: The request was cancelled');
  });

  it('a timeout while the answer is read is a timeout, as during the fetch', async () => {
    const reader = slowReader();
    const controller = new AbortController();
    const pending = createPromClient({ baseUrl: BASE, rangeAnswerReader: reader }).queryRange(range, controller.signal);
    await vi.waitFor(() => expect(reader.started).toBe(1));
    controller.abort(new DOMException('no answer within 30 s', 'TimeoutError'));
    expect(await kindOf(pending)).toBe('timeout: The request to the Prometheus server timed out');
  });
});

describe('queryRange fetched by the worker', () => {
  it("the worker is asked to fetch, sends the datasource's headers and returns the series", async () => {
    const tenants: (string | null)[] = [];
    server.use(
      http.post(`${BASE}/api/v1/query_range`, ({ request }) => {
        tenants.push(request.headers.get('X-Scope-OrgID'));
        return HttpResponse.json(MATRIX);
      }),
    );
    const { started, create } = workers('answers');
    const reader = createRangeAnswerReader(create);
    // Ready: before, a query is fetched on the page (rangeAnswerReader.test.ts).
    await reader.warmUp();
    const client = createPromClient({ baseUrl: BASE, headers: { 'X-Scope-OrgID': 'team-a' }, rangeAnswerReader: reader });
    const set = await client.queryRange(range);
    expect(set.series).toEqual([{ labels: { job: 'api' }, timestamps: [1705312800000], values: [1] }]);
    expect(tenants).toEqual(['team-a']);
    expect(started[0]?.received.map((m) => m.kind)).toEqual(['fetch']);
  });

  it("says Prometheus's own message, and that an unreachable server cannot be reached", async () => {
    const client = createPromClient({ baseUrl: BASE, rangeAnswerReader: createRangeAnswerReader(workers('answers').create) });
    server.use(
      http.post(`${BASE}/api/v1/query_range`, () => HttpResponse.json({ status: 'error', errorType: 'execution', error: 'query processing would load too many samples into memory' }, { status: 422 })),
    );
    expect(await kindOf(client.queryRange(range))).toMatch(/query processing would load too many samples into memory/);
    server.use(http.post(`${BASE}/api/v1/query_range`, () => HttpResponse.error()));
    expect(await kindOf(client.queryRange(range))).toBe(`unavailable: Cannot reach the Prometheus server at ${BASE}`);
  });
});
