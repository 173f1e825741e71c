import type { RawSeries } from '../exposition';
import { queryInstant, queryRange } from '../promql';
import { createReplayIndex, neededSpans, replayedTime } from './replay';
import type { ReplayLoop } from './replay';
import { createSeriesIndex } from './seriesIndex';

const s = (seconds: number): number => seconds * 1000;

// A 60 s loop recorded every 10 s at 0..60 s, replayed from 1,000 s on.
const LOOP: ReplayLoop = {
  anchorMs: s(1000),
  loopStartMs: 0,
  loopMs: s(60),
  intervalMs: s(10),
  isCounter: (labels) => labels.__name__ === 'c_total',
};
const grid = [0, 10, 20, 30, 40, 50, 60].map(s);
const counter: RawSeries = { labels: { __name__: 'c_total' }, timestamps: grid, values: [100, 110, 130, 160, 200, 250, 310] };
const gauge: RawSeries = { labels: { __name__: 'g' }, timestamps: grid, values: [1, 2, 3, 4, 5, 6, 7] };
const index = createReplayIndex(createSeriesIndex([counter, gauge]), LOOP);

function samples(name: string, fromSeconds: number, toSeconds: number): Array<[number, number]> {
  const answer = queryInstant(`${name}[${toSeconds - fromSeconds}s]`, s(toSeconds), index);
  if (answer.resultType !== 'matrix') throw new Error('expected a matrix');
  const [series] = answer.result;
  return (series?.timestamps ?? []).map((t, i) => [t / 1000, series?.values[i] as number]);
}

describe('replayedTime', () => {
  it.each([
    [1000, 0],
    [1015, 15],
    [1059, 59],
    [1060, 0],
    [1000 + 60 * 1e6 + 7, 7],
  ])('maps %i s to %i s of the loop', (t, expected) => {
    expect(replayedTime(LOOP, s(t))).toBe(s(expected));
  });
});

describe('neededSpans', () => {
  it('merges overlapping windows and keeps distant ones apart', () => {
    expect(neededSpans({ steps: [100, 110, 120, 500], spanMs: 30 })).toEqual([[70, 120], [470, 500]]);
    expect(neededSpans({ steps: [], spanMs: 30 })).toEqual([]);
  });
});

describe('createReplayIndex', () => {
  it('replays a gauge loop after loop, without the loop end sample (it is the next start)', () => {
    expect(samples('g', 1000, 1130)).toEqual([
      [1010, 2], [1020, 3], [1030, 4], [1040, 5], [1050, 6], [1060, 1], [1070, 2],
      [1080, 3], [1090, 4], [1100, 5], [1110, 6], [1120, 1], [1130, 2],
    ]);
  });

  it('adds the recorded loop increase to a counter in each loop, so it never resets', () => {
    expect(samples('c_total', 1030, 1080)).toEqual([[1040, 200], [1050, 250], [1060, 310], [1070, 320], [1080, 340]]);
    // Loop 1,000,000: 210 per loop.
    expect(samples('c_total', 1000 + 60 * 1e6, 1000 + 60 * 1e6 + 10)).toEqual([[1000 + 60 * 1e6 + 10, 110 + 210e6]]);
  });

  it('gives rate() across a loop boundary the recorded rate of the loop end', () => {
    const { result } = queryRange('rate(c_total[20s])', { startMs: s(1060), endMs: s(1060), stepMs: s(10) }, index);
    // Samples 1050 (250) and 1060 (310): 60 per 10 s, extrapolated over the 20 s window.
    expect(result[0]?.values).toEqual([6]);
  });

  it('answers the stored samples as they are and nothing between them and the anchor', () => {
    expect(samples('g', -5, 60)).toEqual([[0, 1], [10, 2], [20, 3], [30, 4], [40, 5], [50, 6], [60, 7]]);
    expect(samples('g', 400, 999)).toEqual([]);
  });

  it('knows which times have samples', () => {
    expect(index.hasSamplesBetween(gauge, s(30), s(30))).toBe(true);
    expect(index.hasSamplesBetween(gauge, s(61), s(999))).toBe(false);
    expect(index.hasSamplesBetween(gauge, s(1001), s(1009))).toBe(false);
    expect(index.hasSamplesBetween(gauge, s(1001), s(1010))).toBe(true);
    expect(index.hasSamplesBetween(gauge, s(5e9), s(5e9 + 10))).toBe(true);
  });

  it('refuses series that are not on the loop grid, and an anchor inside the stored samples', () => {
    const gappy: RawSeries = { labels: { __name__: 'x' }, timestamps: [0, s(20), s(30), s(40), s(50), s(60)], values: [1, 2, 3, 4, 5, 6] };
    expect(() => createReplayIndex(createSeriesIndex([gappy]), LOOP)).toThrow(/not sampled every 10000 ms/);
    expect(() => createReplayIndex(createSeriesIndex([gauge]), { ...LOOP, anchorMs: s(60) })).toThrow(/anchor must come after/);
  });
});
