import { CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { newCompleteStrategy, PromQLExtension } from '@prometheus-io/codemirror-promql';
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NODE_DEMO_BASE_URL, server } from '../../mocks/node';
import { SCENARIO } from '../../mocks';
import { createPromClient } from '../prometheus';
import { COMPLETION_LIMITS, CompletionCache, completionSelector, createPromQLClientAdapter } from './promqlClientAdapter';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const scenarioRange = () => ({ start: SCENARIO.startMs, end: SCENARIO.startMs + 6 * 3600_000 });

/** The labels codemirror-promql offers with the cursor at `|` (or the end of `text`), as the editor would. */
async function completionsAt(text: string, adapter = createPromQLClientAdapter(createPromClient({ baseUrl: NODE_DEMO_BASE_URL }), { range: scenarioRange, cache: new CompletionCache() })) {
  const cursor = text.includes('|') ? text.indexOf('|') : text.length;
  const state = EditorState.create({ doc: text.replace('|', ''), extensions: new PromQLExtension().asExtension() });
  const result = await newCompleteStrategy({ remote: adapter }).promQL(new CompletionContext(state, cursor, true));
  return (result?.options ?? []).map((o) => o.label);
}

describe('completion from the connected server, through vigil’s client', () => {
  it('offers the server’s metric names with the functions', async () => {
    const labels = await completionsAt('process_res');
    expect(labels).toContain(SCENARIO.metrics.memory);
    expect(labels).toContain('rate');
  });

  it('offers a metric’s label names, and a label’s values narrowed by the matchers already typed', async () => {
    expect(await completionsAt(`${SCENARIO.metrics.memory}{|}`)).toEqual(expect.arrayContaining(['instance', 'job']));
    expect(await completionsAt(`${SCENARIO.metrics.memory}{|}`)).not.toContain('code');
    expect(await completionsAt(`${SCENARIO.metrics.memory}{instance="`)).toEqual(['web-1', 'web-2', 'web-3']);
    expect(await completionsAt(`${SCENARIO.metrics.memory}{job="webapp",instance!="web-2",instance="`)).toEqual(['web-1', 'web-2', 'web-3']);
    expect(await completionsAt(`${SCENARIO.metrics.memory}{instance="web-2",job="`)).toEqual(['webapp']);
    expect(await completionsAt(`${SCENARIO.metrics.memory}{instance="no-such",job="`)).toEqual([]);
  });

  it('looks in the view’s range: nothing outside it', async () => {
    const client = createPromClient({ baseUrl: NODE_DEMO_BASE_URL });
    const yearBefore = () => ({ start: SCENARIO.startMs - 366 * 86_400_000, end: SCENARIO.startMs - 365 * 86_400_000 });
    const adapter = createPromQLClientAdapter(client, { range: yearBefore, cache: new CompletionCache() });
    expect(await completionsAt(`${SCENARIO.metrics.memory}{instance="`, adapter)).toEqual([]);
  });

  it('sends the configured headers and path prefix, asks once per list, and keeps at most the cap', async () => {
    const seen: Array<{ path: string; auth: string | null; limit: string | null }> = [];
    const many = Array.from({ length: COMPLETION_LIMITS.labelValues + 50 }, (_, i) => `v${i}`);
    server.use(
      http.get('http://proxy.test/prom/api/v1/label/:name/values', ({ request }) => {
        const url = new URL(request.url);
        seen.push({ path: url.pathname, auth: request.headers.get('Authorization'), limit: url.searchParams.get('limit') });
        return HttpResponse.json({ status: 'success', data: many });
      }),
    );
    const client = createPromClient({ baseUrl: 'http://proxy.test/prom', headers: { Authorization: 'Bearer t' } });
    const adapter = createPromQLClientAdapter(client, { range: scenarioRange, cache: new CompletionCache() });
    expect(await adapter.labelValues('instance')).toHaveLength(COMPLETION_LIMITS.labelValues);
    await adapter.labelValues('instance');
    expect(seen).toEqual([{ path: '/prom/api/v1/label/instance/values', auth: 'Bearer t', limit: String(COMPLETION_LIMITS.labelValues) }]);
  });

  it('completes nothing when the server fails, tells why, and asks again next time', async () => {
    let calls = 0;
    server.use(
      http.post(`${NODE_DEMO_BASE_URL}/api/v1/labels`, () => {
        calls++;
        return HttpResponse.json({ status: 'error', errorType: 'execution', error: 'boom' }, { status: 422 });
      }),
    );
    const errors: unknown[] = [];
    const adapter = createPromQLClientAdapter(createPromClient({ baseUrl: NODE_DEMO_BASE_URL }), { range: scenarioRange, cache: new CompletionCache(), onError: (e) => errors.push(e) });
    expect(await adapter.labelNames()).toEqual([]);
    expect(await adapter.labelNames()).toEqual([]);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
    expect(String(errors[0])).toContain('boom');
  });

  it('gives the metrics’ types from the metadata endpoint', async () => {
    const adapter = createPromQLClientAdapter(createPromClient({ baseUrl: NODE_DEMO_BASE_URL }), { range: scenarioRange, cache: new CompletionCache() });
    expect((await adapter.metricMetadata())[SCENARIO.metrics.requests]).toEqual([{ type: 'counter', help: '', unit: '' }]);
  });
});

describe('completionSelector', () => {
  it('is absent when nothing narrows the lookup', () => {
    expect(completionSelector(undefined, [])).toBeUndefined();
  });

  it('quotes the metric name whatever it holds', () => {
    expect(completionSelector('a"b\\c')).toBe('{__name__="a\\"b\\\\c"}');
  });
});

describe('CompletionCache', () => {
  it('forgets answers after their time and keeps at most its size', async () => {
    const cache = new CompletionCache(1000, 2);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    expect(await cache.get('a', 0, load)).toBe(1);
    expect(await cache.get('a', 999, load)).toBe(1);
    expect(await cache.get('a', 1000, load)).toBe(2);
    await cache.get('b', 1000, load);
    await cache.get('c', 1000, load);
    expect(cache.size).toBe(2);
    // 'a' was the least recently used: asked again.
    expect(await cache.get('a', 1000, load)).toBe(5);
  });
});
