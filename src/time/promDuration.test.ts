import fc from 'fast-check';
import { parseDuration } from './range';
import { formatPromDuration } from './promDuration';

describe('formatPromDuration', () => {
  it.each([
    [1000, '1s'],
    [30_000, '30s'],
    [60_000, '1m'],
    [90_000, '1m30s'],
    [5_400_000, '1h30m'],
    [86_400_000, '1d'],
    [604_800_000, '1w'],
    [8 * 86_400_000, '8d'],
    [365 * 86_400_000, '1y'],
    [1500, '1s500ms'],
    [0, '0s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatPromDuration(ms)).toBe(text);
  });

  it('is read back by parseDuration to the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (ms) => {
        expect(parseDuration(formatPromDuration(ms))).toBe(ms);
      }),
    );
  });
});
