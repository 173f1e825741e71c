import fc from 'fast-check';
import { bucketMedians } from './buckets';
import { mannKendallZ } from './mannKendall';
import { medianInPlace } from './order';
import { theilSenSlope } from './theilSen';

const f64 = (values: readonly number[]) => Float64Array.from(values);

describe('medianInPlace', () => {
  it('equals the median of a sorted copy', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 300 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const mid = sorted.length >> 1;
        const expected = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
        expect(medianInPlace(f64(values), values.length)).toBe(expected);
      }),
    );
  });
});

describe('theilSenSlope', () => {
  it('is the slope of an exact line', () => {
    expect(theilSenSlope(f64([0, 1, 2, 3, 4]), f64([3, 5, 7, 9, 11]), 0, 5)).toBe(2);
  });

  it('is not tilted by one spike, where least squares is', () => {
    const xs = f64([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const ys = f64([0, 1, 2, 3, 4, 5, 6, 7, 8, 1000]);
    expect(theilSenSlope(xs, ys, 0, 10)).toBe(1);
  });
});

describe('mannKendallZ', () => {
  it('matches the textbook value for a strictly rising series of 10 (S = 45, Var = 125)', () => {
    expect(mannKendallZ(f64([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0, 10)).toBeCloseTo(44 / Math.sqrt(125), 12);
  });

  it('reduces the variance for ties (Kendall 1975)', () => {
    // S = 40 (the five tied pairs count 0); each pair of ties takes t(t − 1)(2t + 5) = 18 off 18·Var.
    const ys = f64([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    const tieTerm = 5 * (2 * 1 * 9);
    expect(mannKendallZ(ys, 0, 10)).toBeCloseTo(39 / Math.sqrt((10 * 9 * 25 - tieTerm) / 18), 12);
  });

  it('is 0 for a constant series and negative for a falling one', () => {
    expect(mannKendallZ(f64([4, 4, 4, 4, 4]), 0, 5)).toBe(0);
    expect(mannKendallZ(f64([5, 4, 3, 2, 1]), 0, 5)).toBeLessThan(0);
  });
});

describe('bucketMedians', () => {
  it('keeps each bucket median, leaves out empty buckets and non-finite values', () => {
    const timestamps = [0, 1, 2, 3, 10, 11, 12, 13];
    const values = [1, 100, 2, NaN, 5, 6, Infinity, 7];
    const b = bucketMedians(timestamps, values, 0, 15, 3, new Float64Array(15));
    expect(b.length).toBe(2);
    expect([...b.values.subarray(0, 2)]).toEqual([2, 6]);
    // At the mean time of the values kept: (0 + 1 + 2) / 3 and (10 + 11 + 13) / 3.
    expect(b.times[0]).toBe(1);
    expect(b.times[1]).toBeCloseTo(34 / 3, 12);
  });
});
