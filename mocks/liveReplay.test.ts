import { LIVE_REPLAY, replayTime } from './liveReplay';
import { NODE_DEMO_BASE_URL, server } from './node';
import { createSeriesIndex, queryInstant, queryRange, scenarioSeriesIndex } from './promql';
import type { RangeSeries } from './promql';
import { SCENARIO, rawSeries } from './scenario';
import type { RawSeries } from './scenario';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ERROR_RATE =
  'sum by (instance) (rate(http_requests_total{job="webapp",code=~"5.."}[5m])) / sum by (instance) (rate(http_requests_total{job="webapp"}[5m])) * 100';
const DASHBOARD_QUERIES = ['process_resident_memory_bytes{job="webapp"}', 'webapp_cache_size_bytes{job="webapp"}', ERROR_RATE];

function recorded(name: string, labels: Record<string, string> = {}): RawSeries[] {
  return rawSeries().filter((s) => s.labels.__name__ === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
}

/** The recorded value in force at scenario time `t`: the latest sample at or before it. */
function recordedValueAt(series: RawSeries, t: number): number {
  const i = series.timestamps.findLastIndex((ts) => ts <= t);
  if (i < 0) throw new Error(`nothing recorded at ${new Date(t).toISOString()}`);
  return series.values[i] as number;
}

function instantVector(query: string, t: number): Array<{ instance: string; value: number }> {
  const answer = queryInstant(query, t);
  if (answer.resultType !== 'vector') throw new Error(`expected a vector, got ${answer.resultType}`);
  return answer.result.map((s) => ({ instance: s.metric.instance ?? '', value: s.value }));
}

describe('live replay of the scenario', () => {
  it.each([
    ['2026-11-25T12:00:00Z', '2024-01-15T06:00:00Z'],
    ['2026-11-25T16:30:07Z', '2024-01-15T10:30:07Z'],
    ['2029-03-02T23:59:59Z', '2024-01-15T17:59:59Z'],
  ])('answers %s with the memory the scenario recorded at %s', (at, scenarioAt) => {
    const t = Date.parse(at);
    expect(replayTime(t)).toBe(Date.parse(scenarioAt));
    const answer = instantVector('process_resident_memory_bytes{job="webapp"}', t);
    expect(answer.map((s) => s.instance)).toEqual(['web-1', 'web-2', 'web-3']);
    for (const { instance, value } of answer) {
      const [series] = recorded(SCENARIO.metrics.memory, { instance });
      expect(value).toBe(recordedValueAt(series as RawSeries, replayTime(t)));
    }
  });

  it('moves with time over a relative range: every step shows the sample replayed at it', () => {
    const end = Date.parse('2026-11-25T16:40:00Z');
    const { result } = queryRange('webapp_cache_size_bytes{instance="web-2"}', { startMs: end - 15 * MINUTE, endMs: end, stepMs: 15_000 });
    const [series] = result as RangeSeries[];
    const [web2] = recorded(SCENARIO.metrics.cacheSize, { instance: 'web-2' });
    expect(series?.timestamps).toHaveLength(61);
    expect(series?.values).toEqual(series?.timestamps.map((t) => recordedValueAt(web2 as RawSeries, replayTime(t))));
    // 10:25–10:40 of the outage, while web-2 leaks: the data is not flat.
    expect(new Set(series?.values).size).toBeGreaterThan(30);
  });

  it('keeps counters monotonic across the loop boundary, growing by the recorded last increment', () => {
    const boundary = Date.parse('2026-11-25T12:00:00Z');
    const answer = queryInstant('http_requests_total{instance="web-1",code="200"}[2m]', boundary + MINUTE);
    if (answer.resultType !== 'matrix') throw new Error('expected a matrix');
    const [samples] = answer.result;
    const values = samples?.values ?? [];
    expect(samples?.timestamps).toContain(boundary);
    values.slice(1).forEach((v, i) => expect(v).toBeGreaterThanOrEqual(values[i] as number));
    const [web1] = recorded(SCENARIO.metrics.requests, { instance: 'web-1', code: '200' });
    const recordedValues = (web1 as RawSeries).values;
    const atBoundary = samples?.timestamps.indexOf(boundary) ?? -1;
    expect((values[atBoundary] as number) - (values[atBoundary - 1] as number)).toBe(
      (recordedValues.at(-1) as number) - (recordedValues.at(-2) as number),
    );
  });

  it('gives a finite, non-negative rate() on every step across the loop boundary', () => {
    const boundary = Date.parse('2026-11-25T12:00:00Z');
    for (const query of ['rate(http_requests_total{job="webapp"}[5m])', ERROR_RATE]) {
      const { result } = queryRange(query, { startMs: boundary - 10 * MINUTE, endMs: boundary + 10 * MINUTE, stepMs: 15_000 });
      expect(result.length, query).toBeGreaterThanOrEqual(3);
      for (const series of result) {
        expect(series.values, query).toHaveLength(81);
        for (const v of series.values) {
          expect(Number.isFinite(v), `${query}: ${v}`).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('gives the recorded increase() inside a loop: the counter growth per loop cancels out', () => {
    const t = Date.parse('2027-06-01T16:45:00Z');
    const replayed = instantVector('increase(http_requests_total{job="webapp",code="503"}[10m])', t);
    const original = instantVector('increase(http_requests_total{job="webapp",code="503"}[10m])', replayTime(t));
    expect(replayed).toHaveLength(3);
    expect(replayed).toEqual(original);
  });

  it('answers the recorded day exactly as the scenario alone does', () => {
    const bare = createSeriesIndex(rawSeries());
    const day = { startMs: SCENARIO.startMs, endMs: SCENARIO.endMs, stepMs: 60_000 };
    for (const query of DASHBOARD_QUERIES) {
      expect(queryRange(query, day, scenarioSeriesIndex())).toEqual(queryRange(query, day, bare));
    }
    for (const [hour, minute] of [[6, 0], [10, 30], [17, 59]] as const) {
      const t = Date.UTC(2024, 0, 15, hour, minute);
      for (const { instance, value } of instantVector('process_resident_memory_bytes', t)) {
        expect(value).toBe(recordedValueAt(recorded(SCENARIO.metrics.memory, { instance })[0] as RawSeries, t));
      }
    }
  });

  it.each([
    ['before the recorded day', '2024-01-15T05:50:00Z'],
    ['after the recorded day, past the lookback', '2024-01-15T18:06:00Z'],
    ['just before the anchor', '2024-01-15T23:59:59Z'],
  ])('answers nothing %s (%s)', (_when, at) => {
    expect(instantVector('up', Date.parse(at))).toEqual([]);
    const end = Date.parse(at);
    expect(queryRange('up', { startMs: end - 10 * MINUTE, endMs: end, stepMs: 60_000 }).result.every((s) => s.timestamps.every((t) => t < Date.UTC(2024, 0, 15, 18, 5, 1)))).toBe(true);
  });

  it('starts answering at the anchor', () => {
    expect(LIVE_REPLAY.anchorMs).toBe(Date.parse('2024-01-16T00:00:00Z'));
    expect(instantVector('up', LIVE_REPLAY.anchorMs).map((s) => s.value)).toEqual([1, 1, 1]);
  });

  it('reads only the samples a long query needs, not months of them', () => {
    const index = scenarioSeriesIndex();
    const end = Date.parse('2026-11-25T12:00:00Z');
    const steps = Array.from({ length: 24 * 90 + 1 }, (_, i) => end - 90 * 24 * HOUR + i * HOUR);
    const [series] = index.select([{ name: '__name__', type: '=', value: 'up' }], { steps, spanMs: 5 * MINUTE });
    // 21 scrapes in each 5-minute window ending at a step, against 518,400 over the 90 days.
    expect(series?.timestamps.length).toBe(steps.length * 21);
    const { result } = queryRange('up', { startMs: steps[0] as number, endMs: end, stepMs: HOUR });
    expect(result.map((s) => s.values.length)).toEqual([steps.length, steps.length, steps.length]);
  });
});

describe('metadata endpoints during the replay', () => {
  const API = `${NODE_DEMO_BASE_URL}/api/v1`;
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());

  async function data(path: string, params: Record<string, string>): Promise<unknown> {
    const body = (await (await fetch(`${API}${path}?${new URLSearchParams(params)}`)).json()) as { status: string; data: unknown };
    expect(body.status).toBe('success');
    return body.data;
  }

  const replay = { start: '2026-11-25T11:45:00Z', end: '2026-11-25T12:00:00Z' };
  const gap = { start: '2024-01-15T20:00:00Z', end: '2024-01-15T23:59:00Z' };

  it('lists series, label names and values for replay times', async () => {
    expect(await data('/series', { 'match[]': 'up', ...replay })).toEqual(
      SCENARIO.instances.map((instance) => ({ __name__: 'up', instance, job: 'webapp' })),
    );
    expect(await data('/labels', replay)).toEqual(['__name__', 'code', 'instance', 'job']);
    expect(await data('/label/instance/values', replay)).toEqual(['web-1', 'web-2', 'web-3']);
  });

  it('lists nothing between the recorded day and the anchor', async () => {
    expect(await data('/series', { 'match[]': 'up', ...gap })).toEqual([]);
    expect(await data('/labels', gap)).toEqual([]);
  });

  it('answers the query endpoint at replay times', async () => {
    const body = (await (await fetch(`${API}/query?${new URLSearchParams({ query: 'process_resident_memory_bytes', time: '2026-11-25T12:00:00Z' })}`)).json()) as {
      data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
    };
    expect(body.data.result.map((r) => [r.metric.instance, Number(r.value[1])])).toEqual(
      recorded(SCENARIO.metrics.memory).map((s) => [s.labels.instance, s.values[0]]),
    );
  });
});
