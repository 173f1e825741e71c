import fc from 'fast-check';
import type { Series } from '../series';
import { firingPeriods, JOIN_TOLERANCE_STEPS, MAX_ALERT_SERIES } from './firingPeriods';

const STEP = 15_000;
const T0 = Date.UTC(2024, 0, 15, 10);
const labels = { __name__: 'ALERTS', alertname: 'HighMemory', alertstate: 'firing', instance: 'web-2', job: 'webapp' };

/** An ALERTS series firing at the given step indexes. */
function firingAt(steps: readonly number[], l: Record<string, string> = labels): Series {
  return { labels: l, timestamps: steps.map((k) => T0 + k * STEP), values: steps.map(() => 1) };
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('firingPeriods', () => {
  it.each([
    ['one unbroken run', [range(0, 10)], [[0, 10]]],
    ['one missed step is tolerated', [[...range(0, 4), ...range(6, 10)]], [[0, 10]]],
    ['a gap of two missed steps splits it', [[...range(0, 4), ...range(7, 10)]], [[0, 4], [7, 10]]],
    ['a single sample is a period of one instant', [[3]], [[3, 3]]],
  ])('%s', (_name, steps, expected) => {
    const { periods } = firingPeriods(steps.map((s) => firingAt(s)), STEP);
    expect(periods.map((p) => [(p.start - T0) / STEP, (p.end - T0) / STEP])).toEqual(expected);
  });

  it('names the alert and its instance, without __name__ and alertstate', () => {
    const [period] = firingPeriods([firingAt([0, 1])], STEP).periods;
    expect(period).toMatchObject({ alertname: 'HighMemory', instance: 'web-2', labels: { alertname: 'HighMemory', instance: 'web-2', job: 'webapp' } });
    expect(period?.labels).not.toHaveProperty('__name__');
    expect(period?.labels).not.toHaveProperty('alertstate');
  });

  it('reads samples of 0 or NaN as not firing', () => {
    const series = { labels, timestamps: range(0, 9).map((k) => T0 + k * STEP), values: [1, 1, 0, 0, 0, 1, NaN, NaN, NaN, 1] };
    expect(firingPeriods([series], STEP).periods.map((p) => [(p.start - T0) / STEP, (p.end - T0) / STEP])).toEqual([
      [0, 1],
      [5, 5],
      [9, 9],
    ]);
  });

  it('keeps at most MAX_ALERT_SERIES series and counts the rest', () => {
    const many = Array.from({ length: MAX_ALERT_SERIES + 3 }, (_, i) => firingAt([0], { ...labels, instance: `i-${i}` }));
    const result = firingPeriods(many, STEP);
    expect(result.periods).toHaveLength(MAX_ALERT_SERIES);
    expect(result.omittedSeries).toBe(3);
  });

  // Property: periods drawn apart by more than the tolerance, sampled at every step, come back as they were.
  const periodsArb = fc
    .array(fc.record({ gap: fc.integer({ min: JOIN_TOLERANCE_STEPS + 1, max: 40 }), length: fc.integer({ min: 0, max: 30 }) }), { minLength: 1, maxLength: 12 })
    .map((runs) => {
      let k = 0;
      return runs.map(({ gap, length }) => {
        const start = k + gap;
        k = start + length;
        return [start, start + length] as const;
      });
    });

  it('recovers the periods a firing series was sampled from (property)', () => {
    fc.assert(
      fc.property(periodsArb, (expected) => {
        const steps = expected.flatMap(([a, b]) => range(a, b));
        const { periods } = firingPeriods([firingAt(steps)], STEP);
        expect(periods.map((p) => [(p.start - T0) / STEP, (p.end - T0) / STEP])).toEqual(expected.map(([a, b]) => [a, b]));
      }),
    );
  });

  it('puts every firing sample in exactly one period, and no two periods closer than the tolerance (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 300 }), { maxLength: 120 }), (raw) => {
        const steps = [...raw].sort((a, b) => a - b);
        const { periods } = firingPeriods([firingAt(steps)], STEP);
        for (const k of steps) {
          const t = T0 + k * STEP;
          expect(periods.filter((p) => p.start <= t && t <= p.end)).toHaveLength(1);
        }
        for (let i = 1; i < periods.length; i++) {
          expect((periods[i]?.start as number) - (periods[i - 1]?.end as number)).toBeGreaterThan(JOIN_TOLERANCE_STEPS * STEP);
        }
      }),
    );
  });
});
