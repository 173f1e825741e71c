import { createPromClient } from './client';
import { isPromClientError } from './errors';

/** A fetch the test answers by hand, one request at a time (no network, no MSW). */
function manualFetch() {
  const sent: { url: string; init: RequestInit; answer: (body: unknown) => void }[] = [];
  const fetch = (url: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const signal = init?.signal;
      signal?.addEventListener('abort', () => reject(signal.reason));
      sent.push({ url: String(url), init: init ?? {}, answer: (body) => resolve(Response.json(body)) });
    });
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

const BASE = 'http://prometheus.test:9090';
const range = { expr: 'up', start: 1705312800000, end: 1705313100000, step: 15000 };

function matrixOf(job: string) {
  return { status: 'success', data: { resultType: 'matrix', result: [{ metric: { job }, values: [[1705312800, '1']] }] } };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function failureKind(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (isPromClientError(e)) return e.kind;
    throw e;
  }
  throw new Error('expected the call to fail');
}

describe('the client sends nothing twice', () => {
  it('sends the same range query of two panels once, and both draw its series', async () => {
    const net = manualFetch();
    const client = createPromClient({ baseUrl: BASE, fetch: net.fetch });
    const panelA = client.queryRange(range);
    const panelB = client.queryRange(range);
    const otherQuery = client.queryRange({ ...range, expr: 'up == 0' });
    await settle();
    expect(net.sent).toHaveLength(2);
    net.sent[0]?.answer(matrixOf('api'));
    net.sent[1]?.answer(matrixOf('db'));
    const [a, b, other] = await Promise.all([panelA, panelB, otherQuery]);
    expect(a.series.map((s) => s.labels)).toEqual([{ job: 'api' }]);
    expect(b.series).toEqual(a.series);
    expect(other.series.map((s) => s.labels)).toEqual([{ job: 'db' }]);
  });

  it('keeps requests with other headers apart: two datasources never share an answer', async () => {
    const net = manualFetch();
    const tenantA = createPromClient({ baseUrl: BASE, fetch: net.fetch, headers: { 'X-Scope-OrgID': 'a' } });
    const tenantB = createPromClient({ baseUrl: BASE, fetch: net.fetch, headers: { 'X-Scope-OrgID': 'b' } });
    const a = tenantA.labels();
    const b = tenantB.labels();
    await settle();
    expect(net.sent).toHaveLength(2);
    net.sent[0]?.answer({ status: 'success', data: ['from_a'] });
    net.sent[1]?.answer({ status: 'success', data: ['from_b'] });
    await expect(Promise.all([a, b])).resolves.toEqual([['from_a'], ['from_b']]);
  });

  it('has at most 6 requests in flight and sends the others as answers come', async () => {
    const net = manualFetch();
    const client = createPromClient({ baseUrl: BASE, fetch: net.fetch });
    const calls = Array.from({ length: 8 }, (_, i) => client.queryRange({ ...range, expr: `up{i="${i}"}` }));
    await settle();
    expect(net.sent).toHaveLength(6);
    net.sent[0]?.answer(matrixOf('first'));
    await settle();
    expect(net.sent).toHaveLength(7);
    for (let i = 1; i < 8; i++) {
      net.sent[i]?.answer(matrixOf(String(i)));
      await settle();
    }
    const answers = await Promise.all(calls);
    expect(answers.map((a) => a.series[0]?.labels.job)).toEqual(['first', '1', '2', '3', '4', '5', '6', '7']);
  });

  it("sends the five range queries of a dashboard's panels at once, though build info, labels and alerts were asked first", async () => {
    const net = manualFetch();
    const client = createPromClient({ baseUrl: BASE, fetch: net.fetch });
    // As at boot: the dashboard shell asks these a render before its panels ask their data.
    const alerts = client.alerts();
    const buildInfo = client.buildInfo();
    const variableOptions = client.labelValues('instance', { match: ['up{job="webapp"}'] });
    const metadata = client.metadata();
    await settle();
    const panels = Array.from({ length: 5 }, (_, i) => client.queryRange({ ...range, expr: `panel${i}` }));
    await settle();
    const live = () => net.sent.filter((r) => r.init.signal?.aborted !== true);
    const rangeQueries = live().filter((r) => r.url.endsWith('/api/v1/query_range'));
    expect(rangeQueries.map((r) => new URLSearchParams(String(r.init.body)).get('query'))).toEqual(['panel0', 'panel1', 'panel2', 'panel3', 'panel4']);
    expect(live().map((r) => new URL(r.url).pathname)).toContain('/api/v1/alerts');
    expect(live()).toHaveLength(6);
    rangeQueries.forEach((r, i) => r.answer(matrixOf(`job${i}`)));
    expect((await Promise.all(panels)).map((p) => p.series[0]?.labels.job)).toEqual(['job0', 'job1', 'job2', 'job3', 'job4']);
    // What gave way is sent again and still answered.
    const answered = new Set(rangeQueries);
    for (let round = 0; round < 3 && live().some((r) => !answered.has(r)); round++) {
      for (const r of live()) {
        if (answered.has(r)) continue;
        answered.add(r);
        const path = new URL(r.url).pathname;
        if (path.endsWith('/alerts')) r.answer({ status: 'success', data: { alerts: [] } });
        else if (path.endsWith('/buildinfo')) r.answer({ status: 'success', data: { version: '3.1.0' } });
        else if (path.endsWith('/metadata')) r.answer({ status: 'success', data: {} });
        else if (path.endsWith('/values')) r.answer({ status: 'success', data: ['web-1'] });
      }
      await settle();
    }
    await expect(Promise.all([alerts, buildInfo, variableOptions, metadata])).resolves.toMatchObject([
      { alerts: [] }, { version: '3.1.0' }, ['web-1'], {},
    ]);
  });

  it('cancels a shared request only when every panel that asked for it has gone', async () => {
    const net = manualFetch();
    const client = createPromClient({ baseUrl: BASE, fetch: net.fetch });
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = client.queryRange(range, leaving.signal);
    const stayed = client.queryRange(range, staying.signal);
    await settle();
    leaving.abort();
    expect(await failureKind(left)).toBe('aborted');
    expect(net.sent[0]?.init.signal?.aborted).toBe(false);
    net.sent[0]?.answer(matrixOf('api'));
    expect((await stayed).series).toHaveLength(1);

    const one = new AbortController();
    const two = new AbortController();
    const first = client.queryRange(range, one.signal);
    // A range query given up after its timeout is still reported as a timeout to its own panel.
    const second = client.queryRange(range, two.signal);
    await settle();
    one.abort();
    two.abort(new DOMException('slow', 'TimeoutError'));
    expect(await failureKind(first)).toBe('aborted');
    expect(await failureKind(second)).toBe('timeout');
    expect(net.sent[1]?.init.signal?.aborted).toBe(true);
  });

  it('never sends a request superseded while it waited for a slot', async () => {
    const net = manualFetch();
    const client = createPromClient({ baseUrl: BASE, fetch: net.fetch });
    const busy = Array.from({ length: 6 }, (_, i) => client.queryRange({ ...range, expr: `busy${i}` }));
    const superseded = new AbortController();
    const stale = client.queryRange({ ...range, expr: 'stale' }, superseded.signal);
    const fresh = client.queryRange({ ...range, expr: 'fresh' });
    superseded.abort();
    expect(await failureKind(stale)).toBe('aborted');
    await settle();
    net.sent[0]?.answer(matrixOf('busy'));
    await settle();
    expect(net.sent.map((r) => new URLSearchParams(String(r.init.body)).get('query'))).toEqual([
      'busy0', 'busy1', 'busy2', 'busy3', 'busy4', 'busy5', 'fresh',
    ]);
    net.sent.slice(1).forEach((r) => r.answer(matrixOf('x')));
    await Promise.all([...busy, fresh]);
  });
});
