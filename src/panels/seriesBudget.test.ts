import fc from 'fast-check';
import { seriesStats } from '../series';
import { chooseSeries } from './seriesBudget';
import type { PanelLine } from './types';

const line = (name: string, values: number[]): PanelLine => ({
  key: name,
  name,
  color: '#000',
  aggregate: false,
  series: { labels: { name }, timestamps: values.map((_, i) => i * 1000), values },
});

describe('chooseSeries', () => {
  it('keeps the lines with the highest maximum, in their original order, and counts the others', () => {
    const lines = [line('a', [1, 2]), line('b', [9, 0]), line('c', [NaN, Infinity]), line('d', [5]), line('e', [9])];
    const budget = chooseSeries(lines, 3);
    expect(budget.kept.map((l) => l.name)).toEqual(['b', 'd', 'e']);
    expect(budget.omitted).toBe(2);
  });

  it('keeps every line within the budget, as the same array', () => {
    const lines = [line('a', [1]), line('b', [2])];
    expect(chooseSeries(lines, 20)).toEqual({ kept: lines, omitted: 0 });
  });

  it('ranks series without a number last', () => {
    const budget = chooseSeries([line('gaps', [NaN]), line('empty', []), line('low', [-1e9])], 1);
    expect(budget.kept.map((l) => l.name)).toEqual(['low']);
  });

  it('never keeps more than the budget, and no line kept is lower than one left out', () => {
    const values = fc.array(fc.oneof(fc.double(), fc.constant(NaN)), { maxLength: 5 });
    fc.assert(
      fc.property(fc.array(values, { maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (columns, max) => {
        const lines = columns.map((v, i) => line(`s${i}`, v));
        const budget = chooseSeries(lines, max);
        expect(budget.kept.length).toBe(Math.min(max, lines.length));
        expect(budget.kept.length + budget.omitted).toBe(lines.length);
        const peak = (l: PanelLine) => {
          const max = seriesStats(l.series.values).max;
          return Number.isNaN(max) ? -Infinity : max;
        };
        const kept = new Set(budget.kept);
        const lowestKept = Math.min(...budget.kept.map(peak));
        const highestLeftOut = Math.max(...lines.filter((l) => !kept.has(l)).map(peak));
        if (budget.kept.length > 0 && budget.omitted > 0) expect(lowestKept).toBeGreaterThanOrEqual(highestLeftOut);
      }),
    );
  });
});
