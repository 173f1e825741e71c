import {
  PromQLError,
  PromQLExecutionError,
  PromQLParseError,
  PromQLUnsupportedError,
  SUPPORTED_SUBSET,
  createSeriesIndex,
  queryInstant,
  queryRange,
} from './promql';
import type { RangeSeries } from './promql';
import type { RawSeries } from './exposition';

const s = (seconds: number): number => seconds * 1000;

function raw(labels: Record<string, string>, samples: ReadonlyArray<readonly [number, number]>): RawSeries {
  return { labels, timestamps: samples.map(([t]) => s(t)), values: samples.map(([, v]) => v) };
}

// A counter scraped every 15 s that resets between 30 s and 45 s.
const counter = raw({ __name__: 'c_total', job: 't', instance: 'a' }, [
  [0, 100], [15, 130], [30, 160], [45, 10], [60, 40], [75, 70], [90, 100],
]);
// A counter whose scrapes stop: samples at 75 s and 90 s inside a window ending at 120 s.
const stopped = raw({ __name__: 'stopped_total', job: 't', instance: 'a' }, [[60, 5], [75, 10], [90, 15]]);
const gauges = [
  raw({ __name__: 'g', job: 't', instance: 'a', zone: 'x' }, [[0, 1], [600, 2]]),
  raw({ __name__: 'g', job: 't', instance: 'b', zone: 'x' }, [[0, 10], [600, 20]]),
  raw({ __name__: 'g', job: 't', instance: 'c', zone: 'y' }, [[0, 100], [600, 200]]),
  raw({ __name__: 'h', job: 't', instance: 'a' }, [[0, 4], [600, 8]]),
  raw({ __name__: 'h', job: 't', instance: 'b' }, [[0, 5], [600, 0]]),
  raw({ __name__: 'other', job: 'u', instance: 'a' }, [[0, 7]]),
];
const index = createSeriesIndex([counter, stopped, ...gauges]);

function instantValues(query: string, timeSeconds: number): Array<[Record<string, string>, number]> {
  const value = queryInstant(query, s(timeSeconds), index);
  if (value.resultType !== 'vector') throw new Error(`expected a vector, got ${value.resultType}`);
  return value.result.map((sample) => [{ ...sample.metric }, sample.value]);
}

function only(query: string, timeSeconds: number): number {
  const values = instantValues(query, timeSeconds);
  expect(values, query).toHaveLength(1);
  return (values[0] as [Record<string, string>, number])[1];
}

describe('selectors', () => {
  it.each([
    ['g', ['a', 'b', 'c']],
    ['{__name__="g"}', ['a', 'b', 'c']],
    ['g{instance="a"}', ['a']],
    ['g{instance!="a"}', ['b', 'c']],
    ['g{instance=~"a|b"}', ['a', 'b']],
    ['g{instance!~"a|b"}', ['c']],
    // Anchored: "a" alone does not match "a" inside a longer value, and ".*" matches a missing label.
    ['g{zone=~"x"}', ['a', 'b']],
    ['g{zone=~"."}', ['a', 'b', 'c']],
    ['{__name__=~"g|h", instance="b"}', ['b', 'b']],
    ['g{zone=""}', []],
    ['{job="u", zone=""}', ['a']],
    ['g{instance=~"A"}', []],
  ])('%s selects instances %j', (query, instances) => {
    expect(instantValues(query, 60).map(([labels]) => labels.instance)).toEqual(instances);
  });

  it('keeps __name__ and takes the latest sample in (t - 5m, t]', () => {
    const [series] = queryRange('g{instance="a"}', { startMs: 0, endMs: s(900), stepMs: s(60) }, index).result as RangeSeries[];
    expect(series?.metric).toEqual({ __name__: 'g', job: 't', instance: 'a', zone: 'x' });
    // The sample at 0 is visible up to 240 s but not at 300 s (the window excludes its start).
    expect(series?.timestamps).toEqual([0, 60, 120, 180, 240, 600, 660, 720, 780, 840].map(s));
    expect(series?.values).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
  });

  it('returns raw samples for a range selector in an instant query', () => {
    const value = queryInstant('c_total[30s]', s(90), index);
    expect(value).toEqual({
      resultType: 'matrix',
      result: [{ metric: counter.labels, timestamps: [s(75), s(90)], values: [70, 100] }],
    });
  });
});

describe('rate and increase (Prometheus extrapolatedRate)', () => {
  it.each([
    // Window (30, 90]: 10, 40, 70, 100. Raw increase 90 over 45 s; the start is 15 s away (< 1.1 × 15 s)
    // but the counter reaches zero 45 × 10/90 = 5 s before the first sample: factor (45 + 5) / 45.
    ['increase(c_total[60s])', 90, 100],
    ['rate(c_total[60s])', 90, 100 / 60],
    // Window (15, 75]: 160, 10, 40, 70 → 70 - 160 + 160 (reset) = 70, extrapolated by 15 s: × 60/45.
    ['increase(c_total[1m])', 75, 70 * (60 / 45)],
    // Window (20, 80]: the same samples, 10 s to the start and 5 s to the end: × (45 + 10 + 5)/45.
    ['rate(c_total[1m])', 80, (70 * (60 / 45)) / 60],
    // Window (60, 120]: 10, 15. The end is 30 s away (≥ 16.5 s), so only half an interval (7.5 s) is
    // added there; 15 s at the start: 5 × (15 + 15 + 7.5) / 15.
    ['increase(stopped_total[1m])', 120, 12.5],
  ])('%s at %i s = %f', (query, time, expected) => {
    expect(only(query, time)).toBeCloseTo(expected, 10);
  });

  it('gives no value with fewer than two samples in the window', () => {
    expect(instantValues('rate(stopped_total[1m])', 150)).toEqual([]);
    expect(instantValues('rate(stopped_total[10s])', 90)).toEqual([]);
  });

  it('drops the metric name', () => {
    expect(instantValues('rate(c_total[1m])', 90)[0]?.[0]).toEqual({ job: 't', instance: 'a' });
  });
});

describe('aggregation', () => {
  it.each([
    ['sum(g)', [[{}, 111]]],
    ['sum by (zone) (g)', [[{ zone: 'x' }, 11], [{ zone: 'y' }, 100]]],
    ['sum(g) by (zone)', [[{ zone: 'x' }, 11], [{ zone: 'y' }, 100]]],
    ['avg by (zone) (g)', [[{ zone: 'x' }, 5.5], [{ zone: 'y' }, 100]]],
    ['max by (job) (g)', [[{ job: 't' }, 100]]],
    ['min(g)', [[{}, 1]]],
    ['sum without (instance) (g)', [[{ job: 't', zone: 'x' }, 11], [{ job: 't', zone: 'y' }, 100]]],
    ['sum by (nonexistent) (g)', [[{}, 111]]],
    ['SUM BY (zone) (g{zone="y"})', [[{ zone: 'y' }, 100]]],
  ])('%s', (query, expected) => {
    expect(instantValues(query, 60)).toEqual(expected);
  });
});

describe('arithmetic', () => {
  it.each([
    ['g{instance="a"} * 3 + 1', [[{ job: 't', instance: 'a', zone: 'x' }, 4]]],
    ['1 + g{instance="a"} * 3', [[{ job: 't', instance: 'a', zone: 'x' }, 4]]],
    ['(1 + g{instance="a"}) * 3', [[{ job: 't', instance: 'a', zone: 'x' }, 6]]],
    ['10 / g{instance="b"} - 2', [[{ job: 't', instance: 'b', zone: 'x' }, -1]]],
    ['-g{instance="a"}', [[{ job: 't', instance: 'a', zone: 'x' }, -1]]],
    // One-to-one on identical label sets without __name__: only instance a matches both sides exactly.
    ['h / g', []],
    ['h / ignoring(zone) g', [[{ job: 't', instance: 'a' }, 4], [{ job: 't', instance: 'b' }, 0.5]]],
    ['h / on(instance) g', [[{ instance: 'a' }, 4], [{ instance: 'b' }, 0.5]]],
    ['sum by (instance) (h) / sum by (instance) (g) * 100', [[{ instance: 'a' }, 400], [{ instance: 'b' }, 50]]],
    ['h - h', [[{ job: 't', instance: 'a' }, 0], [{ job: 't', instance: 'b' }, 0]]],
  ])('%s', (query, expected) => {
    expect(instantValues(query, 60)).toEqual(expected);
  });

  it('follows IEEE division like Prometheus', () => {
    expect(instantValues('h{instance="a"} / 0', 60)[0]?.[1]).toBe(Infinity);
    expect(instantValues('(h - h) / 0', 60).map(([, v]) => v)).toEqual([NaN, NaN]);
    expect(queryInstant('-1 / 0 + 2 * 3', s(60), index)).toEqual({ resultType: 'scalar', result: { timestamp: s(60), value: -Infinity } });
    expect(queryInstant('2 * 3 - 1', s(60), index)).toEqual({ resultType: 'scalar', result: { timestamp: s(60), value: 5 } });
  });

  it('turns a scalar range query into one series without labels', () => {
    expect(queryRange('1 + 1', { startMs: 0, endMs: s(30), stepMs: s(15) }, index).result).toEqual([
      { metric: {}, timestamps: [0, s(15), s(30)], values: [2, 2, 2] },
    ]);
  });

  it('refuses ambiguous matching at run time', () => {
    expect(() => queryInstant('h / on() g', s(60), index)).toThrow(PromQLExecutionError);
    expect(() => queryInstant('h / on() g', s(60), index)).toThrow(/many-to-many matching not allowed/);
    expect(() => queryInstant('g / on(zone) h', s(60), index)).toThrow(/many-to-many matching not allowed/);
    expect(() => queryInstant('g / on(zone) sum by (zone) (g)', s(60), index)).toThrow(/many-to-one matching must be explicit/);
  });
});

describe('errors', () => {
  it.each([
    ['histogram_quantile(0.9, rate(g[5m]))', 'histogram_quantile'],
    ['count(g)', 'count'],
    ['topk(3, g)', 'topk'],
    ['g offset 5m', 'offset'],
    ['g @ 100', '@'],
    ['g ^ 2', '^'],
    ['g % 2', '%'],
    ['g > 1', '>'],
    ['g == bool 1', '=='],
    ['g and h', 'and'],
    ['rate(g[5m:1m])', 'subquery'],
    ['h / on(instance) group_left g', 'group_left'],
    ['"text"', 'string'],
  ])('%s is valid PromQL the demo does not evaluate', (query, feature) => {
    const error = captureError(() => queryInstant(query, 0, index));
    expect(error).toBeInstanceOf(PromQLUnsupportedError);
    expect(error.message).toBe(`demo backend: cannot evaluate "${query}": ${SUPPORTED_SUBSET} (found ${(error as PromQLUnsupportedError).feature})`);
    expect(error.message).toContain(feature);
    expect(error.errorType).toBe('bad_data');
  });

  it.each([
    ['', '1:1: parse error: no expression found in input'],
    ['sum(', '1:5: parse error: unexpected end of input'],
    ['sum(g', '1:6: parse error: unclosed left parenthesis'],
    ['g{', '1:3: parse error: unexpected end of input inside braces'],
    ['g{a="1"', '1:8: parse error: unexpected end of input inside braces'],
    ['g{a="1" b', '1:9: parse error: unexpected identifier "b" in label matching, expected "," or "}"'],
    ['rate(g)', '1:6: parse error: expected type range vector in call to function "rate", got instant vector'],
    ['sum(1)', '1:5: parse error: expected type instant vector in aggregation expression, got scalar'],
    ['foo(g)', '1:1: parse error: unknown function with name "foo"'],
    ['{}', '1:1: parse error: vector selector must contain at least one non-empty matcher'],
    ['g[5m] + 1', '1:1: parse error: binary expression must contain only scalar and instant vector types'],
    ['(g)[5m]', '1:4: parse error: ranges only allowed for vector selectors'],
    ['g{a=~"("}', expect.stringMatching(/^1:3: parse error: error parsing regexp/)],
    ['1 +', '1:4: parse error: unexpected end of input'],
    ['g h', '1:3: parse error: unexpected identifier "h"'],
    ['sum(g)\n  by (', '2:7: parse error: unclosed left parenthesis'],
  ])('%j is a parse error', (query, message) => {
    const error = captureError(() => queryInstant(query, 0, index));
    expect(error).toBeInstanceOf(PromQLParseError);
    expect(error.message).toEqual(message);
  });

  it('refuses a range selector as a range query', () => {
    expect(() => queryRange('g[5m]', { startMs: 0, endMs: s(60), stepMs: s(15) }, index)).toThrow(
      'invalid expression type "range vector" for range query, must be Scalar or instant Vector',
    );
  });
});

function captureError(run: () => unknown): PromQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof PromQLError) return error;
    throw error;
  }
  throw new Error('expected a PromQLError');
}

describe('the default dashboard over the scenario', () => {
  const at = (hour: number, minute = 0): number => Date.UTC(2024, 0, 15, hour, minute);
  const fourAndAHalfHours = { startMs: at(9), endMs: at(13, 30), stepMs: 15_000 };
  const perInstance =
    'sum by (instance) (rate(http_requests_total{job="webapp",code=~"5.."}[5m])) / sum by (instance) (rate(http_requests_total{job="webapp"}[5m])) * 100';
  const overall = 'sum(rate(http_requests_total{job="webapp",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="webapp"}[5m])) * 100';

  it.each(['process_resident_memory_bytes{job="webapp"}', 'webapp_cache_size_bytes{job="webapp"}'])('%s: one full series per instance', (query) => {
    const { result } = queryRange(query, fourAndAHalfHours);
    expect(result.map((r) => r.metric.instance)).toEqual(['web-1', 'web-2', 'web-3']);
    for (const r of result) expect(r.timestamps).toHaveLength(4.5 * 240 + 1);
  });

  it('error-rate panels show ~60% at 11:00 and well under 2% before and after', () => {
    const { result: instances } = queryRange(perInstance, fourAndAHalfHours);
    expect(instances.map((r) => r.metric)).toEqual([{ instance: 'web-1' }, { instance: 'web-2' }, { instance: 'web-3' }]);
    const [total] = queryRange(overall, fourAndAHalfHours).result;
    expect(total?.metric).toEqual({});
    const percentAt = (t: number): number => total?.values[total.timestamps.indexOf(t)] ?? NaN;
    expect(percentAt(at(11))).toBeGreaterThan(55);
    expect(percentAt(at(11))).toBeLessThan(65);
    expect(percentAt(at(9, 30))).toBeLessThan(2);
    expect(percentAt(at(13, 15))).toBeLessThan(2);
  });
});
