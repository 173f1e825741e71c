import { readRangeAnswer } from './answer';
import { PromClientError } from './errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { workers } from '../../test/fakeReaderWorker';
import { createRangeAnswerReader } from './rangeAnswerReader';

const ENDPOINT = '/api/v1/query_range';
const OK = { ok: true, status: 200, statusText: 'OK' };
const TEXT = JSON.stringify({
  status: 'success',
  data: { resultType: 'matrix', result: [{ metric: { job: 'api' }, values: [[10, '1'], [20, '2']] }] },
});
const bytes = () => [new TextEncoder().encode(TEXT)];
const expected = readRangeAnswer(TEXT, OK, ENDPOINT);

describe('reading range answers in a worker', () => {
  it('answers what reading here answers, and reuses one worker for every read', async () => {
    const { started, create } = workers('answers');
    const reader = createRangeAnswerReader(create);
    const [first, second] = await Promise.all([reader.read(ENDPOINT, OK, bytes()), reader.read(ENDPOINT, OK, bytes())]);
    expect(first).toEqual(expected);
    expect(second).toEqual(expected);
    expect(started).toHaveLength(1);
    expect(started[0]?.terminated).toBe(false);
  });

  it("hands the body's bytes over instead of copying them", async () => {
    const { create } = workers('answers');
    const body = bytes();
    await createRangeAnswerReader(create).read(ENDPOINT, OK, body);
    expect(body[0]?.byteLength).toBe(0);
  });

  it('rejects with the PromClientError the answer means', async () => {
    const { create } = workers('answers');
    const read = createRangeAnswerReader(create).read(ENDPOINT, { ok: false, status: 503, statusText: 'Service Unavailable' }, [new TextEncoder().encode('busy')]);
    await expect(read).rejects.toBeInstanceOf(PromClientError);
    await expect(read).rejects.toMatchObject({ kind: 'unavailable', status: 503, message: 'The Prometheus server is unavailable (HTTP 503 Service Unavailable)' });
  });

  it('an abort during the read terminates the worker, rejects with the reason, and the next read starts a fresh one', async () => {
    const { started, create } = workers('hangs', 'answers');
    const reader = createRangeAnswerReader(create);
    const controller = new AbortController();
    const pending = reader.read(ENDPOINT, OK, bytes(), controller.signal);
    await vi.waitFor(() => expect(started[0]?.received).toHaveLength(1));
    const reason = new DOMException('no answer within 30 s', 'TimeoutError');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(started[0]?.terminated).toBe(true);
    await expect(reader.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    expect(started).toHaveLength(2);
  });

  it('an abort while queued drops the read without disturbing the one running', async () => {
    const { started, create } = workers('answers');
    const reader = createRangeAnswerReader(create);
    const controller = new AbortController();
    const running = reader.read(ENDPOINT, OK, bytes());
    const queued = reader.read(ENDPOINT, OK, bytes(), controller.signal);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    await expect(running).resolves.toEqual(expected);
    expect(started[0]?.received).toHaveLength(1);
    expect(started[0]?.terminated).toBe(false);
  });

  it('starts no work for a read already cancelled', async () => {
    const { started, create } = workers('answers');
    const controller = new AbortController();
    controller.abort();
    await expect(createRangeAnswerReader(create).read(ENDPOINT, OK, bytes(), controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toHaveLength(0);
  });

  it('reads here when the worker cannot start (a policy or a missing file), and from then on', async () => {
    const { started, create } = workers('cannot start');
    const reader = createRangeAnswerReader(create);
    await expect(reader.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    await expect(reader.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    expect(started).toHaveLength(1);
  });

  it('a worker that dies mid-read fails that read as malformed, and the next read gets a new worker', async () => {
    const { started, create } = workers('crashes', 'answers');
    const reader = createRangeAnswerReader(create);
    const failed = reader.read(ENDPOINT, OK, bytes());
    await expect(failed).rejects.toMatchObject({ kind: 'malformed', message: expect.stringContaining('Array buffer allocation failed') });
    await expect(reader.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    expect(started).toHaveLength(2);
  });

  it('reads on this thread where there is no Worker', async () => {
    await expect(createRangeAnswerReader(undefined).read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
  });

  it('reads a small answer here without starting the worker, and hands a big one to the worker', async () => {
    const { started, create } = workers('answers');
    const reader = createRangeAnswerReader(create, { readHereBelowBytes: TEXT.length + 1 });
    await expect(reader.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    expect(started).toHaveLength(0);
    const bigger = createRangeAnswerReader(create, { readHereBelowBytes: TEXT.length });
    await expect(bigger.read(ENDPOINT, OK, bytes())).resolves.toEqual(expected);
    expect(started).toHaveLength(1);
    expect(started[0]?.received).toHaveLength(1);
  });
});

const BASE = 'http://prometheus.test:9090';
const server = setupServer();

describe('fetching range answers in a worker', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const request = (headers: [string, string][] = []) => ({
    url: `${BASE}${ENDPOINT}`,
    method: 'POST' as const,
    headers: [['content-type', 'application/x-www-form-urlencoded'], ...headers] as [string, string][],
    body: 'query=up&start=10&end=20&step=10',
    maxResponseBytes: 1_000_000,
  });

  it('the worker makes the request as described, headers and form included, and answers what reading here answers', async () => {
    const seen: { tenant: string | null; form: string }[] = [];
    server.use(
      http.post(`${BASE}${ENDPOINT}`, async ({ request: sent }) => {
        seen.push({ tenant: sent.headers.get('X-Scope-OrgID'), form: await sent.text() });
        return HttpResponse.text(TEXT, { headers: { 'content-type': 'application/json' } });
      }),
    );
    const { started, create } = workers('answers');
    const onReceived = vi.fn();
    const reader = createRangeAnswerReader(create);
    await reader.warmUp();
    const answer = await reader.fetchAndRead(ENDPOINT, request([['x-scope-orgid', 'team-a']]), new AbortController().signal, onReceived);
    expect(answer).toEqual(expected);
    expect(seen).toEqual([{ tenant: 'team-a', form: 'query=up&start=10&end=20&step=10' }]);
    expect(onReceived).toHaveBeenCalledOnce();
    expect(started[0]?.received.map((m) => m.kind)).toEqual(['fetch']);
  });

  it("a Prometheus error keeps Prometheus's message; an answer over the cap is refused", async () => {
    server.use(
      http.post(`${BASE}${ENDPOINT}`, () =>
        HttpResponse.json({ status: 'error', errorType: 'bad_data', error: 'invalid parameter "query": 1:4: parse error: unexpected <EOF>' }, { status: 400 }),
      ),
    );
    const { create } = workers('answers');
    const reader = createRangeAnswerReader(create);
    await expect(reader.fetchAndRead(ENDPOINT, request(), new AbortController().signal, () => undefined)).rejects.toMatchObject({
      kind: 'bad_query',
      message: expect.stringContaining('parse error: unexpected <EOF>'),
    });
    server.use(http.post(`${BASE}${ENDPOINT}`, () => HttpResponse.text(TEXT)));
    await expect(reader.fetchAndRead(ENDPOINT, { ...request(), maxResponseBytes: 10 }, new AbortController().signal, () => undefined)).rejects.toMatchObject({ kind: 'too_large' });
  });

  it("a fetch that fails rejects with fetch's own error for the client to map", async () => {
    server.use(http.post(`${BASE}${ENDPOINT}`, () => HttpResponse.error()));
    const { create } = workers('answers');
    await expect(createRangeAnswerReader(create).fetchAndRead(ENDPOINT, request(), new AbortController().signal, () => undefined)).rejects.toBeInstanceOf(TypeError);
  });

  it('an abort while fetching stops that fetch only: the worker and the other requests go on', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let aborted = false;
    server.use(
      http.post(`${BASE}${ENDPOINT}`, async ({ request: sent }) => {
        if (sent.headers.get('x-slow') === 'yes') {
          sent.signal.addEventListener('abort', () => (aborted = true));
          await held;
        }
        return HttpResponse.text(TEXT);
      }),
    );
    const { started, create } = workers('answers');
    const reader = createRangeAnswerReader(create);
    await reader.warmUp();
    const controller = new AbortController();
    const slow = reader.fetchAndRead(ENDPOINT, request([['x-slow', 'yes']]), controller.signal, () => undefined);
    await vi.waitFor(() => expect(started[0]?.received).toHaveLength(1));
    const other = reader.fetchAndRead(ENDPOINT, request(), new AbortController().signal, () => undefined);
    controller.abort(new DOMException('no answer within 30 s', 'TimeoutError'));
    await expect(slow).rejects.toMatchObject({ name: 'TimeoutError' });
    await expect(other).resolves.toEqual(expected);
    await vi.waitFor(() => expect(aborted).toBe(true));
    release();
    expect(started).toHaveLength(1);
    expect(started[0]?.terminated).toBe(false);
    expect(started[0]?.received.map((m) => m.kind)).toEqual(['fetch', 'fetch', 'abort']);
  });

  it('a query asked while the worker is still starting is fetched here at once, not held for it', async () => {
    const seen: string[] = [];
    server.use(
      http.post(`${BASE}${ENDPOINT}`, async ({ request: sent }) => {
        seen.push(await sent.text());
        return HttpResponse.text(TEXT);
      }),
    );
    const { started, create } = workers('still starting');
    const reader = createRangeAnswerReader(create, { readHereBelowBytes: TEXT.length + 1 });
    const onReceived = vi.fn();
    await expect(reader.fetchAndRead(ENDPOINT, request(), new AbortController().signal, onReceived)).resolves.toEqual(expected);
    expect(seen).toEqual(['query=up&start=10&end=20&step=10']);
    expect(onReceived).toHaveBeenCalledOnce();
    // Started for the queries after it, and handed nothing meanwhile.
    expect(started).toHaveLength(1);
    expect(started[0]?.received).toEqual([]);
  });

  it('a big answer fetched before the worker was ready is still read in the worker, once it is', async () => {
    server.use(http.post(`${BASE}${ENDPOINT}`, () => HttpResponse.text(TEXT)));
    const { started, create } = workers('answers');
    const reader = createRangeAnswerReader(create, { readHereBelowBytes: TEXT.length });
    await expect(reader.fetchAndRead(ENDPOINT, request(), new AbortController().signal, () => undefined)).resolves.toEqual(expected);
    expect(started[0]?.received.map((m) => m.kind)).toEqual(['read']);
    // Once ready, the worker makes the requests itself.
    await expect(reader.fetchAndRead(ENDPOINT, request(), new AbortController().signal, () => undefined)).resolves.toEqual(expected);
    expect(started[0]?.received.map((m) => m.kind)).toEqual(['read', 'fetch']);
  });

  it('a query fetched here while the worker starts keeps the answer\'s errors and its abort', async () => {
    server.use(http.post(`${BASE}${ENDPOINT}`, () => HttpResponse.json({ status: 'error', errorType: 'bad_data', error: 'parse error: unexpected <EOF>' }, { status: 400 })));
    const { create } = workers('still starting');
    const reader = createRangeAnswerReader(create, { readHereBelowBytes: 1_000_000 });
    await expect(reader.fetchAndRead(ENDPOINT, request(), new AbortController().signal, () => undefined)).rejects.toMatchObject({ kind: 'bad_query', message: expect.stringContaining('unexpected <EOF>') });
    const controller = new AbortController();
    controller.abort(new DOMException('no answer within 30 s', 'TimeoutError'));
    await expect(reader.fetchAndRead(ENDPOINT, request(), controller.signal, () => undefined)).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('fetches and reads on this thread where there is no Worker, or where it cannot start', async () => {
    server.use(http.post(`${BASE}${ENDPOINT}`, () => HttpResponse.text(TEXT)));
    await expect(createRangeAnswerReader(undefined).fetchAndRead(ENDPOINT, request(), new AbortController().signal, () => undefined)).resolves.toEqual(expected);
    const { create } = workers('cannot start');
    await expect(createRangeAnswerReader(create).fetchAndRead(ENDPOINT, request(), new AbortController().signal, () => undefined)).resolves.toEqual(expected);
  });
});
