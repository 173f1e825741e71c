import fc from 'fast-check';
import { keepUnchangedSeries } from './keepUnchanged';
import type { Series, SeriesSet } from './types';

const T0 = Date.UTC(2026, 0, 1);

function series(instance: string, values: number[]): Series {
  return { labels: { job: 'api', instance }, timestamps: values.map((_, i) => T0 + i * 15_000), values };
}

function set(list: Series[], more: Partial<SeriesSet> = {}): SeriesSet {
  return { series: list, start: T0, end: T0 + 60_000, step: 15_000, warnings: [], answer: { head: '{"status":"success"}', chars: 20 }, ...more };
}

/** The same answer as a fresh parse gives it: equal content, all new objects. */
function copied(s: SeriesSet): SeriesSet {
  return { ...s, series: s.series.map((x) => ({ labels: { ...x.labels }, timestamps: [...x.timestamps], values: [...x.values] })), warnings: [...s.warnings] };
}

describe('keepUnchangedSeries', () => {
  it('keeps the earlier answer whole when the refresh brought the same data, gaps (NaN) included', () => {
    const before = set([series('a', [1, NaN, 3]), series('b', [Infinity, 0, -0])]);
    expect(keepUnchangedSeries(before, copied(before))).toBe(before);
  });

  it('keeps each unchanged series and takes the changed one', () => {
    const same = series('a', [1, 2, 3]);
    const before = set([same, series('b', [1, 2, 3])]);
    const next = set([series('a', [1, 2, 3]), series('b', [1, 2, 4])]);
    const kept = keepUnchangedSeries(before, next);
    expect(kept).not.toBe(before);
    expect(kept.series[0]).toBe(same);
    expect(kept.series[1]).toBe(next.series[1]);
  });

  it.each<[string, Partial<SeriesSet>]>([
    ['another range', { end: T0 + 75_000 }],
    ['another step', { step: 30_000 }],
    ['a new warning', { warnings: ['PromQL info: metric might not be a counter'] }],
    ['another raw answer', { answer: { head: '{"status":"success","infos":[]}', chars: 31 } }],
  ])('gives the new answer when only %s changed, with the earlier series objects', (_, change) => {
    const before = set([series('a', [1, 2])]);
    const next = { ...copied(before), ...change };
    const kept = keepUnchangedSeries(before, next);
    expect(kept).not.toBe(before);
    expect(kept).toEqual({ ...next, series: before.series });
    expect(kept.series).toBe(before.series);
  });

  it('tells series apart by labels and by time, not by values alone', () => {
    const before = set([series('a', [1, 2])]);
    expect(keepUnchangedSeries(before, set([series('b', [1, 2])])).series[0]?.labels.instance).toBe('b');
    const later = { ...series('a', [1, 2]), timestamps: [T0 + 15_000, T0 + 30_000] };
    expect(keepUnchangedSeries(before, set([later])).series[0]).toBe(later);
    expect(keepUnchangedSeries(before, set([])).series).toEqual([]);
  });

  it('never changes what the new answer says, only which objects say it', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity));
    const anySeries = fc.record({ instance: fc.constantFrom('a', 'b', 'c'), values: fc.array(value, { maxLength: 6 }) }).map((s) => series(s.instance, s.values));
    const anySet = fc.record({ list: fc.array(anySeries, { maxLength: 4 }), step: fc.constantFrom(15_000, 30_000) }).map((s) => set(s.list, { step: s.step }));
    fc.assert(
      fc.property(fc.option(anySet, { nil: undefined }), anySet, (before, next) => {
        const kept = keepUnchangedSeries(before, next);
        expect(kept).toEqual(next);
        if (before) expect(keepUnchangedSeries(before, copied(before))).toBe(before);
      }),
    );
  });
});
