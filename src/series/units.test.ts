import fc from 'fast-check';
import { formatValue, tickLabels, valueTicks, type Unit } from './units';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;

describe('formatValue', () => {
  it.each<[number, Unit, string]>([
    // bytes, IEC, three significant digits with trailing zeros kept
    [512, 'bytes', '512 B'],
    [0, 'bytes', '0 B'],
    [1023, 'bytes', '1023 B'],
    [1024, 'bytes', '1.00 KiB'],
    [600 * MiB, 'bytes', '600 MiB'],
    [1.5 * GiB, 'bytes', '1.50 GiB'],
    [12.345 * GiB, 'bytes', '12.3 GiB'],
    [3 * 1024 ** 4, 'bytes', '3.00 TiB'],
    [-2 * MiB, 'bytes', '-2.00 MiB'],
    // percent
    [60, 'percent', '60.0%'],
    [100, 'percent', '100%'],
    [5, 'percent', '5.00%'],
    [99.95, 'percent', '100%'],
    [0.6, 'percentunit', '60.0%'],
    [0.0123, 'percentunit', '1.23%'],
    [1, 'percentunit', '100%'],
    // reqps and short: SI-style suffixes, trailing zeros dropped
    [120, 'reqps', '120 req/s'],
    [1200, 'reqps', '1.2K req/s'],
    [0.5, 'reqps', '0.5 req/s'],
    [1200, 'short', '1.2K'],
    [3_400_000, 'short', '3.4M'],
    [1234, 'short', '1.23K'],
    [999, 'short', '999'],
    [5e9, 'short', '5B'],
    [0, 'short', '0'],
    [0.000123, 'short', '0.000123'],
    [-4500, 'short', '-4.5K'],
    [9.996, 'short', '10'],
    // seconds
    [0.25, 'seconds', '250 ms'],
    [1.5, 'seconds', '1.5 s'],
    [120, 'seconds', '2 min'],
    [45, 'seconds', '45 s'],
    [5400, 'seconds', '1.5 h'],
    [172_800, 'seconds', '2 d'],
    [2 * 365 * 86_400, 'seconds', '2 y'],
    [0.0000025, 'seconds', '2.5 µs'],
    [0, 'seconds', '0 s'],
    // non-finite
    [Number.NaN, 'bytes', 'NaN'],
    [Infinity, 'short', '+Inf'],
    [-Infinity, 'seconds', '-Inf'],
  ])('%d %s → %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });

  it.each<[number, Unit, number, string]>([
    [1.5 * GiB, 'bytes', 0, '2 GiB'],
    [60, 'percent', 1, '60.0%'],
    [1234, 'short', 2, '1.23K'],
    [1200, 'reqps', 3, '1.200K req/s'],
    [-0.001, 'percent', 1, '0.0%'],
  ])('%d %s with %d decimals → %s', (value, unit, decimals, expected) => {
    expect(formatValue(value, unit, decimals)).toBe(expected);
  });

  it('property: about three significant digits for any scaled value', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-5, max: 1e17, noNaN: true }),
        fc.constantFrom<Unit>('bytes', 'short', 'reqps', 'seconds'),
        (value, unit) => {
          fc.pre(unit !== 'seconds' || value < 3e11); // up to ~10,000 years
          const digits = formatValue(value, unit).replace(/[^0-9]/g, '').replace(/^0+/, '');
          expect(digits.length).toBeGreaterThanOrEqual(1);
          expect(digits.length).toBeLessThanOrEqual(4); // '1023 B', '1000K' before the next prefix
        },
      ),
    );
  });
});

describe('valueTicks', () => {
  it.each<[string, number, number, Unit, number, number[], [number, number]]>([
    ['short 0..100, 6 ticks', 0, 100, 'short', 6, [0, 20, 40, 60, 80, 100], [0, 100]],
    ['short 3..97, 6 ticks', 3, 97, 'short', 6, [0, 20, 40, 60, 80, 100], [0, 100]],
    ['short floats free of zero', 40, 47, 'short', 5, [40, 42, 44, 46, 48], [40, 48]],
    ['short negative to positive', -7, 12, 'short', 5, [-10, 0, 10, 20], [-10, 20]],
    ['decimal fractions stay exact', 0.1, 0.7, 'seconds', 4, [0, 0.25, 0.5, 0.75], [0, 0.75]],
    ['percent starts at zero', 40, 47, 'percent', 6, [0, 10, 20, 30, 40, 50], [0, 50]],
    ['reqps starts at zero', 95, 120, 'reqps', 4, [0, 50, 100, 150], [0, 150]],
    ['bytes on 256 MiB steps', 300 * MiB, 1.4 * GiB, 'bytes', 8, [0, 1, 2, 3, 4, 5, 6].map((k) => k * 256 * MiB), [0, 1.5 * GiB]],
    ['bytes on 512 MiB steps', 0, 1.9 * GiB, 'bytes', 5, [0, 1, 2, 3, 4].map((k) => k * 512 * MiB), [0, 2 * GiB]],
    ['constant zero', 0, 0, 'short', 5, [0, 0.25, 0.5, 0.75, 1], [0, 1]],
    ['constant 50 (short) gets room around it', 50, 50, 'short', 5, [45, 47.5, 50, 52.5, 55], [45, 55]],
    ['constant bytes start at zero', 2 * GiB, 2 * GiB, 'bytes', 5, [0, 1, 2, 3, 4].map((k) => k * 512 * MiB), [0, 2 * GiB]],
    ['non-finite bounds are ignored', Number.NaN, 80, 'percent', 5, [0, 20, 40, 60, 80], [0, 80]],
    ['nothing finite at all', Number.NaN, Infinity, 'short', 3, [0, 0.5, 1], [0, 1]],
    ['reversed bounds', 100, 0, 'short', 3, [0, 50, 100], [0, 100]],
  ])('%s', (_label, min, max, unit, maxTicks, ticks, domain) => {
    expect(valueTicks(min, max, unit, maxTicks)).toEqual({ ticks, domain });
  });

  it('gives up on round values rather than looping when 2 ticks must straddle zero', () => {
    expect(valueTicks(-1, 1, 'short', 2)).toEqual({ ticks: [-1, 1], domain: [-1, 1] });
  });

  it('terminates on a range tiny against its magnitude (tick indices past 2^53 used to loop forever)', () => {
    const { ticks, domain } = valueTicks(1e12, 1e12 + 1.220703125e-4, 'short', 5);
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(domain[0]).toBeLessThanOrEqual(1e12);
    expect(domain[1]).toBeGreaterThanOrEqual(1e12 + 1.220703125e-4);
  });

  it('property: at most maxTicks evenly spaced ticks spanning a domain that contains the data', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.constantFrom<Unit>('bytes', 'percent', 'percentunit', 'reqps', 'seconds', 'short'),
        fc.integer({ min: 3, max: 12 }),
        (a, b, unit, maxTicks) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          const { ticks, domain } = valueTicks(min, max, unit, maxTicks);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks.length).toBeLessThanOrEqual(maxTicks);
          expect(domain).toEqual([ticks[0], ticks[ticks.length - 1]]);
          expect(domain[0]).toBeLessThanOrEqual(min);
          expect(domain[1]).toBeGreaterThanOrEqual(max);
          const step = (ticks[1] ?? 0) - (ticks[0] ?? 0);
          // Evenly spaced up to float precision, which at 1e12 is coarser than a 0.001 step.
          const precision = Math.max(...ticks.map(Math.abs)) * 4 * Number.EPSILON;
          ticks.forEach((t, i) => {
            expect(Math.abs(t - ((ticks[0] ?? 0) + i * step))).toBeLessThanOrEqual(Math.abs(step) * 1e-9 + precision);
          });
          if (['bytes', 'percent', 'percentunit', 'reqps'].includes(unit) && min >= 0) expect(domain[0]).toBe(0);
          if (unit === 'bytes' && step >= 1) expect(Math.log2(step) % 1).toBe(0);
        },
      ),
    );
  });
});

describe('tickLabels', () => {
  it('tells apart ticks of Unix timestamps, which formatValue rounds to one label', () => {
    const { ticks } = valueTicks(1705325400, 1705325460, 'short', 5);
    expect(new Set(ticks.map((t) => formatValue(t, 'short'))).size).toBe(1);
    expect(tickLabels(ticks, 'short')).toEqual(ticks.map(String));
  });

  it('keeps the usual labels where they already differ', () => {
    expect(tickLabels([0, 500, 1000, 1500], 'short')).toEqual(['0', '500', '1K', '1.5K']);
    expect(tickLabels([0, 536870912, 1073741824], 'bytes')).toEqual(['0 B', '512 MiB', '1.00 GiB']);
  });

  it('property: distinct ticks never share a label, whatever the range and unit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e9, noNaN: true }),
        fc.constantFrom<Unit>('bytes', 'percent', 'percentunit', 'reqps', 'seconds', 'short'),
        fc.integer({ min: 3, max: 12 }),
        (lo, span, unit, maxTicks) => {
          const { ticks } = valueTicks(lo, lo + span, unit, maxTicks);
          const labels = tickLabels(ticks, unit);
          expect(labels).toHaveLength(ticks.length);
          expect(new Set(labels).size).toBe(new Set(ticks).size);
        },
      ),
    );
  });
});
