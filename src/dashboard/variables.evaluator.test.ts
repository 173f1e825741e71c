import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryInstant, type RawSeries } from '../../mocks';
import { interpolateChecked } from './variables';

// The escaping checked by the demo backend's own PromQL engine (its lexer, string unquoting and
// anchored regex matchers): whatever the label values, the interpolated query selects exactly the
// series of the selected values.

const T = Date.UTC(2024, 0, 15, 10, 0);
const HOSTILE = [...'\\.+*?()|[]{}^$"\'`\n-/ ae€😀'];
const labelValue = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.string({ unit: fc.constantFrom(...HOSTILE), minLength: 1, maxLength: 8 }));

const seriesOf = (values: readonly string[]): RawSeries[] => values.map((l, i) => ({ labels: { __name__: 'x', l }, timestamps: [T], values: [i] }));

function selectedBy(expr: string, series: readonly RawSeries[]): string[] {
  const answer = queryInstant(expr, T, series);
  if (answer.resultType !== 'vector') throw new Error(`expected a vector, got ${answer.resultType}`);
  return answer.result.map((s) => s.metric.l ?? '').sort();
}

describe('interpolated queries on the demo backend (property)', () => {
  const sorted = (values: readonly string[]) => [...values].sort();

  it.each([
    ['a "-quoted regex matcher', 'x{l=~"$v"}'],
    ["a '-quoted regex matcher", "x{l=~'$v'}"],
    ['a regex matcher inside an aggregation', 'sum by (l) (x{l=~"${v}"})'],
  ])('%s selects exactly the chosen values', (_, template) => {
    fc.assert(
      fc.property(fc.uniqueArray(labelValue, { minLength: 2, maxLength: 8 }), fc.nat(), (values, seed) => {
        const chosen = values.filter((_v, i) => ((seed >> i) & 1) === 1);
        const { expr, problems } = interpolateChecked(template, { v: { selected: chosen, all: false } });
        expect(problems).toEqual([]);
        expect(selectedBy(expr, seriesOf(values))).toEqual(sorted(chosen));
      }),
      { numRuns: 200 },
    );
  });

  it('a negative regex matcher keeps exactly the others', () => {
    fc.assert(
      fc.property(fc.uniqueArray(labelValue, { minLength: 2, maxLength: 6 }), (values) => {
        const { expr } = interpolateChecked('x{l!~"$v"}', { v: { selected: values.slice(1), all: false } });
        expect(selectedBy(expr, seriesOf(values))).toEqual([values[0]]);
      }),
      { numRuns: 100 },
    );
  });

  it('an exact matcher selects the one value; All selects every series', () => {
    fc.assert(
      fc.property(fc.uniqueArray(labelValue, { minLength: 1, maxLength: 6 }), (values) => {
        const series = seriesOf(values);
        const one = interpolateChecked('x{l="$v"}', { v: { selected: [values[0] as string], all: false } }).expr;
        expect(selectedBy(one, series)).toEqual([values[0]]);
        const all = interpolateChecked('x{l=~"$v"}', { v: { selected: [], all: true } }).expr;
        expect(selectedBy(all, series)).toEqual(sorted(values));
      }),
      { numRuns: 100 },
    );
  });
});
