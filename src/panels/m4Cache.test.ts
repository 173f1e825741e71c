import { cachedM4, createM4Cache } from './m4Cache';
import { m4 } from '../series';

describe('cachedM4', () => {
  const series = { labels: {}, timestamps: [0, 10, 20, 30], values: [1, 5, 2, 4] };
  const request = { start: 0, end: 40, widthPx: 2, gapMs: Infinity };

  it('gives what m4 gives, and the same columns again for the same series and range', () => {
    const cache = createM4Cache();
    const first = cachedM4(cache, series, request);
    expect(first).toEqual(m4({ timestamps: series.timestamps, values: series.values, ...request }));
    expect(cachedM4(cache, series, { ...request })).toBe(first);
  });

  it.each([
    ['another range', { ...request, end: 50 }],
    ['another width', { ...request, widthPx: 4 }],
    ['another gap', { ...request, gapMs: 15 }],
  ])('recomputes for %s', (_label, changed) => {
    const cache = createM4Cache();
    const first = cachedM4(cache, series, request);
    const again = cachedM4(cache, series, changed);
    expect(again).not.toBe(first);
    expect(again).toEqual(m4({ timestamps: series.timestamps, values: series.values, ...changed }));
  });

  it('recomputes for a new series object with the same labels (a refreshed answer)', () => {
    const cache = createM4Cache();
    const first = cachedM4(cache, series, request);
    const refreshed = { ...series, values: [9, 9, 9, 9] };
    expect(cachedM4(cache, refreshed, request)).not.toEqual(first);
  });
});
