import { splitMessages } from './rawChromium';
import { createPromClient } from '../../src/prometheus';
import { withAllValues } from './nodeBenchmarks';
import { requestParams } from './apiTraffic';
import { diffCensus, formatHeapShares, heapCensus, heapShares, type HeapCensus } from './heapSnapshot';
import { formatMs, median } from './stats';
import { matrixResponseBody, syntheticSeries } from './syntheticSeries';
import { formatTable } from './table';

describe('median', () => {
  it.each([
    [[], NaN],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('formats ms with precision that fits the size', () => {
    expect([formatMs(1.234), formatMs(12.34), formatMs(1234.5), formatMs(NaN)]).toEqual(['1.23', '12.3', '1,235', '–']);
  });
});

describe('formatTable', () => {
  it('pads columns to the widest cell, figures right and names left', () => {
    const table = formatTable(
      [
        { header: 'name', cell: (r: { name: string; ms: number }) => r.name, align: 'left' },
        { header: 'ms', cell: (r) => String(r.ms) },
      ],
      [
        { name: 'a', ms: 1234 },
        { name: 'longer', ms: 5 },
      ],
    );
    expect(table.split('\n')).toEqual(['name      ms', '------  ----', 'a       1234', 'longer     5']);
  });
});

describe('requestParams', () => {
  it('merges the query string and a form body', () => {
    const params = requestParams('http://h/api/v1/query_range?x=1', 'query=up%7Bjob%3D%22a%22%7D&end=1700000000');
    expect(params.get('x')).toBe('1');
    expect(params.get('query')).toBe('up{job="a"}');
    expect(params.get('end')).toBe('1700000000');
    expect(requestParams('http://h/api/v1/labels', null).toString()).toBe('');
  });
});

describe('heap census', () => {
  // The shape of a V8 heap snapshot: flat node records described by meta.node_fields.
  const snapshot = (nodes: number[]) =>
    JSON.stringify({
      snapshot: { meta: { node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'], node_types: [['hidden', 'array', 'string', 'object', 'closure']] } },
      nodes,
      strings: ['', 'Map', 'tick', 'some text'],
    });

  it('counts objects and closures by name, the rest by type', () => {
    const census = heapCensus(snapshot([3, 1, 1, 100, 0, 3, 1, 2, 60, 0, 4, 2, 3, 32, 0, 2, 3, 4, 20, 0]));
    expect(Object.fromEntries(census)).toEqual({
      'object:Map': { count: 2, bytes: 160 },
      'closure:tick': { count: 1, bytes: 32 },
      string: { count: 1, bytes: 20 },
    });
  });

  it('lists what changed, largest growth first', () => {
    const before = heapCensus(snapshot([3, 1, 1, 100, 0, 4, 2, 3, 32, 0]));
    const after = heapCensus(snapshot([3, 1, 1, 100, 0, 3, 1, 2, 100, 0, 2, 3, 4, 20, 0]));
    expect(diffCensus(before, after)).toEqual([
      { kind: 'object:Map', countDelta: 1, bytesDelta: 100, countAfter: 2 },
      { kind: 'string', countDelta: 1, bytesDelta: 20, countAfter: 1 },
      { kind: 'closure:tick', countDelta: -1, bytesDelta: -32, countAfter: 0 },
    ]);
  });
});

describe('heap shares', () => {
  const census = (entries: Record<string, number>): HeapCensus => new Map(Object.entries(entries).map(([kind, bytes]) => [kind, { count: 1, bytes }]));

  it('tells compiled code and Blink objects from JS data', () => {
    const shares = heapShares(census({ code: 300, 'native:HTMLDivElement': 50, 'native:Text': 25, 'object:Map': 100, 'closure:tick': 10, string: 5 }));
    expect(Object.fromEntries(shares)).toEqual({ 'compiled code': 300, 'Blink (native) objects': 75, 'JS objects and data': 115 });
  });

  it('prints each share before and after with its growth', () => {
    expect(formatHeapShares(census({ code: 2048, 'object:Map': 4096 }), census({ code: 3072, 'object:Map': 4096 })).split('\n')).toEqual([
      'JS objects and data: 4 KiB → 4 KiB (+0.0%)',
      'compiled code: 2 KiB → 3 KiB (+50.0%)',
      'Blink (native) objects: 0 KiB → 0 KiB',
    ]);
  });
});

describe('synthetic matrix answer', () => {
  it('reads back through the Prometheus client as the same columns', async () => {
    const series = syntheticSeries({ seriesCount: 3, points: 50, startMs: 1_705_309_200_000, stepMs: 15_000 });
    expect(new Set(series.map((s) => s.values[10])).size).toBe(3);
    const body = matrixResponseBody(series);
    const client = createPromClient({ baseUrl: 'http://bench.invalid', fetch: async () => new Response(body) });
    const set = await client.queryRange({ expr: 'bench_metric', start: 1_705_309_200_000, end: 1_705_309_200_000 + 49 * 15_000, step: 15_000 });
    expect(set.series.map((s) => ({ labels: s.labels, timestamps: [...s.timestamps], values: [...s.values] }))).toEqual(
      series.map((s) => ({ labels: s.labels, timestamps: s.timestamps, values: s.values })),
    );
  });
});

describe('withAllValues', () => {
  it('puts the "All" regex in place of every variable form', () => {
    expect(withAllValues('up{job="webapp",instance=~"$instance"}')).toBe('up{job="webapp",instance=~".*"}');
    expect(withAllValues('sum(x{a=~"${a}",b=~"${b:regex}"})')).toBe('sum(x{a=~".*",b=~".*"})');
    expect(withAllValues('rate(x[5m])')).toBe('rate(x[5m])');
  });
});

describe('splitMessages (DevTools pipe framing)', () => {
  it('returns whole NUL-terminated messages and keeps the partial tail for the next chunk', () => {
    const first = splitMessages('', '{"id":1}\0{"id":2}\0{"id"');
    expect(first).toEqual({ messages: ['{"id":1}', '{"id":2}'], rest: '{"id"' });
    expect(splitMessages(first.rest, ':3}\0')).toEqual({ messages: ['{"id":3}'], rest: '' });
  });
});
