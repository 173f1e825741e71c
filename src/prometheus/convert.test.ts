import type { Labels } from '../series/types';
import {
  compareLabels,
  convertMatrix,
  convertVector,
  msToSecondsParam,
  NATIVE_HISTOGRAM_WARNING,
  REPEATED_SERIES_WARNING,
  UNORDERED_SAMPLES_WARNING,
  parseSampleValue,
  SampleValueError,
  secondsToMs,
} from './convert';

describe('parseSampleValue', () => {
  it.each([
    ['1', 1],
    ['-2.5', -2.5],
    ['0', 0],
    ['1e+21', 1e21],
    ['1.7976931348623157e+308', Number.MAX_VALUE],
    ['+Inf', Infinity],
    ['Inf', Infinity],
    ['-Inf', -Infinity],
  ])('reads %s', (text, expected) => {
    expect(parseSampleValue(text)).toBe(expected);
  });

  it('reads "NaN" as NaN', () => {
    expect(parseSampleValue('NaN')).toBeNaN();
  });

  // Issue 14, row 12: Number() read these, and ±Infinity then drew invalid SVG paths.
  it.each(['', ' 1', '1 ', 'abc', '1,5', '0x10', '0b1', 'Infinity', '-Infinity', '1e309', '-1e309', '1_000', '.', 'e5'])('refuses %j', (text) => {
    expect(() => parseSampleValue(text)).toThrow(SampleValueError);
  });
});

describe('time conversion', () => {
  it.each([
    [1705312800, 1705312800000],
    [1705312800.123, 1705312800123],
    [1705312800.001, 1705312800001],
    [0.3, 300],
  ])('secondsToMs(%d) = %d', (seconds, ms) => {
    expect(secondsToMs(seconds)).toBe(ms);
  });

  it.each([
    [1705312800000, '1705312800'],
    [1705312800123, '1705312800.123'],
    [1705312800100, '1705312800.1'],
    [1705312800001, '1705312800.001'],
    [1705312800000.4, '1705312800'],
    [15000, '15'],
    [500, '0.5'],
    [-1500, '-1.5'],
  ])('msToSecondsParam(%d) = %s', (ms, text) => {
    expect(msToSecondsParam(ms)).toBe(text);
  });

  it('round-trips every millisecond of a second', () => {
    for (let ms = 1705312800000; ms < 1705312801000; ms++) {
      expect(secondsToMs(Number(msToSecondsParam(ms)))).toBe(ms);
    }
  });
});

describe('compareLabels', () => {
  it('orders like Prometheus labels.Compare: names first, then values, then the shorter set', () => {
    const sets: Labels[] = [
      { job: 'b' },
      { instance: 'x', job: 'a' },
      { job: 'a' },
      { __name__: 'up', job: 'a' },
      { instance: 'x' },
      { job: 'a', mode: 'idle' },
    ];
    const sorted = [...sets].sort(compareLabels);
    expect(sorted).toEqual([
      { __name__: 'up', job: 'a' },
      { instance: 'x' },
      { instance: 'x', job: 'a' },
      { job: 'a' },
      { job: 'a', mode: 'idle' },
      { job: 'b' },
    ]);
  });

  it('does not depend on the key order of the objects', () => {
    expect(compareLabels({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(0);
  });
});

describe('convertMatrix', () => {
  it('builds columns in ms and sorts series by labels', () => {
    const { series, warnings } = convertMatrix([
      { metric: { job: 'b' }, values: [[1705312800, '1'], [1705312815.5, 'NaN']] },
      { metric: { job: 'a' }, values: [[1705312800, '-Inf']] },
    ]);
    expect(series.map((s) => s.labels)).toEqual([{ job: 'a' }, { job: 'b' }]);
    expect(series[1]?.timestamps).toEqual([1705312800000, 1705312815500]);
    expect(series[1]?.values).toEqual([1, NaN]);
    expect(series[0]?.values).toEqual([-Infinity]);
    expect(warnings).toEqual([]);
  });

  // Issue 14, row 12: the panels and the CSV export assume ascending times and one series per label set.
  it('puts samples out of time order in order, keeps each time once, and says so', () => {
    const { series, warnings } = convertMatrix([{ metric: { job: 'a' }, values: [[30, '3'], [10, '1'], [20, '2'], [10, '9']] }]);
    expect(series[0]?.timestamps).toEqual([10_000, 20_000, 30_000]);
    expect(series[0]?.values).toEqual([1, 2, 3]);
    expect(warnings).toEqual([UNORDERED_SAMPLES_WARNING]);
  });

  it('draws a label set sent twice once, whatever the order of its labels, and says so', () => {
    const { series, warnings } = convertMatrix([
      { metric: { job: 'a', instance: 'x' }, values: [[10, '1']] },
      { metric: { job: 'b' }, values: [[10, '2']] },
      { metric: { instance: 'x', job: 'a' }, values: [[10, '3']] },
    ]);
    expect(series.map((s) => s.values)).toEqual([[1], [2]]);
    expect(warnings).toEqual([REPEATED_SERIES_WARNING]);
  });

  // JSON.parse reads 1e400 as Infinity.
  it.each([1e12, -1e12, Infinity])('refuses a sample time of %d seconds, outside the years 0001–9999', (seconds) => {
    expect(() => convertMatrix([{ metric: {}, values: [[seconds, '1']] }])).toThrow(/sample time .* is outside the years 0001–9999/);
  });

  it('keeps an ordered answer as it is, with no warning', () => {
    const { series, warnings } = convertMatrix([{ metric: {}, values: [[10, '1'], [20, '2']] }]);
    expect(series[0]?.timestamps).toEqual([10_000, 20_000]);
    expect(warnings).toEqual([]);
  });

  it('keeps a histogram-only series with empty columns and warns once', () => {
    const histogram = { count: '3', sum: '1.5', buckets: [[0, '0', '1', '3']] };
    const { series, warnings } = convertMatrix([
      { metric: { le: 'h1' }, histograms: [[1705312800, histogram]] },
      { metric: { le: 'h2' }, histograms: [[1705312800, histogram]] },
    ]);
    expect(series).toEqual([
      { labels: { le: 'h1' }, timestamps: [], values: [] },
      { labels: { le: 'h2' }, timestamps: [], values: [] },
    ]);
    expect(warnings).toEqual([NATIVE_HISTOGRAM_WARNING]);
  });
});

describe('convertVector', () => {
  it('converts samples, leaves histogram samples out and says so', () => {
    const { samples, warnings } = convertVector([
      { metric: { job: 'b' }, value: [1705312800.5, '+Inf'] },
      { metric: { job: 'h' }, histogram: [1705312800, { count: '1', sum: '1' }] },
      { metric: { job: 'a' }, value: [1705312800, '2'] },
    ]);
    expect(samples).toEqual([
      { labels: { job: 'a' }, timestamp: 1705312800000, value: 2 },
      { labels: { job: 'b' }, timestamp: 1705312800500, value: Infinity },
    ]);
    expect(warnings).toEqual([NATIVE_HISTOGRAM_WARNING]);
  });
});
