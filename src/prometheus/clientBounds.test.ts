import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createPromClient, normalizeBaseUrl } from './client';
import { isPromClientError, type PromClientError } from './errors';
import { DEFAULT_MAX_RESPONSE_BYTES } from './responseBody';

const BASE = 'http://prometheus.test:9090';
const RANGE_URL = `${BASE}/api/v1/query_range`;
const range = { expr: 'up', start: 1705312800000, end: 1705313100000, step: 15000 };

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<PromClientError> {
  try {
    await promise;
  } catch (e) {
    if (isPromClientError(e)) return e;
    throw new Error(`expected a PromClientError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected the call to fail');
}

/** A matrix answer of `series` series, each with `points` points: about 30 bytes a point. */
function matrix(series: number, points: number) {
  const values = Array.from({ length: points }, (_, i) => [1705312800 + i * 15, '12345.678']);
  const result = Array.from({ length: series }, (_, s) => ({ metric: { __name__: 'up', instance: `web-${s}` }, values }));
  return { status: 'success', data: { resultType: 'matrix', result } };
}

// Issue 14, row 5: a 220 MB answer took 97 s and 2 GB before anything was drawn.
describe('the maximum response size', () => {
  it('refuses an answer past the limit with a message that says which limit and what to do', async () => {
    server.use(http.post(RANGE_URL, () => HttpResponse.json(matrix(20, 1000))));
    const error = await failure(createPromClient({ baseUrl: BASE, maxResponseBytes: 64 * 1024 }).queryRange(range));
    expect(error.kind).toBe('too_large');
    expect(error.message).toBe(
      'The answer from /api/v1/query_range is larger than 64 kB, the most vigil reads (datasource.maxResponseBytes in config.json). Narrow the query (a label filter, topk) or the time range.',
    );
  });

  it('stops reading a long answer as soon as it passes the limit', async () => {
    // Ends after 16 MB, so that code without the limit fails the test instead of eating memory.
    const length = 16 * 1024 * 1024;
    let sent = 0;
    const chunk = new TextEncoder().encode(`[1705312800,"1"],`.repeat(1000));
    server.use(
      http.post(RANGE_URL, () => {
        const long = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":['));
          },
          pull(controller) {
            if (sent >= length) {
              controller.close();
              return;
            }
            sent += chunk.byteLength;
            controller.enqueue(chunk);
          },
        });
        return new HttpResponse(long, { headers: { 'Content-Type': 'application/json' } });
      }),
    );
    const error = await failure(createPromClient({ baseUrl: BASE, maxResponseBytes: 1024 * 1024 }).queryRange(range));
    expect(error.kind).toBe('too_large');
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });

  it('reads an answer under the limit, and defaults to 32 MiB', async () => {
    server.use(http.post(RANGE_URL, () => HttpResponse.json(matrix(3, 100))));
    const set = await createPromClient({ baseUrl: BASE, maxResponseBytes: 64 * 1024 }).queryRange(range);
    expect(set.series).toHaveLength(3);
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(32 * 1024 * 1024);
  });
});

// Issue 14, row 9: such a header made every request fail as "Cannot reach the Prometheus server".
describe('configured headers', () => {
  it.each([
    ['a line break', { Authorization: 'Bearer s3cret\r\nX-Evil: 1' }],
    ['a NUL', { Authorization: 'Bearer s3cret\u0000' }],
    ['a character beyond Latin-1', { Authorization: 'Bearer s3cret☕' }],
  ])('are refused when the client is made if a value has %s, naming the header but never its value', (_case, headers) => {
    expect(() => createPromClient({ baseUrl: BASE, headers })).toThrow('The header "Authorization" cannot be sent');
    expect(() => createPromClient({ baseUrl: BASE, headers })).not.toThrow(/s3cret/);
  });
});

// Issue 14, row 4: the client refuses too, whatever config.json's validation let through.
describe('normalizeBaseUrl refuses a "path" a browser reads as another host', () => {
  it.each(['//other.host/prometheus', '/\\other.host', '/\t/other.host', '\\\\other.host'])('%j', (input) => {
    expect(() => normalizeBaseUrl(input)).toThrow(TypeError);
  });
});
