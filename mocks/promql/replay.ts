// A series index that replays one recorded loop of samples forever after an anchor time, so a
// relative range ("now-15m".."now") always finds moving data. Replayed samples are generated only
// for the windows an evaluation reads (see SampleNeed), never for the whole history since the anchor.
import type { RawSeries } from '../exposition';
import type { LabelMatcher } from './ast';
import { storedSamplesBetween } from './seriesIndex';
import type { SampleNeed, SeriesIndex } from './seriesIndex';

export interface ReplayLoop {
  /** Replay answers for t >= anchorMs; the sample at anchorMs is the loop's first. */
  readonly anchorMs: number;
  /** The recorded stretch that is replayed: [loopStartMs, loopStartMs + loopMs). */
  readonly loopStartMs: number;
  readonly loopMs: number;
  /** Spacing of the recorded samples; replayed samples keep it, on the grid anchorMs + n·intervalMs. */
  readonly intervalMs: number;
  /**
   * Counters keep counting across loops: each loop adds what the recorded loop added (its last value
   * minus its first), so the replay is one monotonic counter and rate() never sees a reset.
   */
  readonly isCounter: (labels: Readonly<Record<string, string>>) => boolean;
}

interface Recording {
  readonly values: readonly number[];
  /** What each replayed loop adds to a counter; 0 for a gauge. */
  readonly growthPerLoop: number;
}

/** Merged [start, end] spans (ms, ascending, disjoint) covering every (t - spanMs, t] of the need. */
export function neededSpans(need: SampleNeed): Array<readonly [number, number]> {
  const spans: Array<[number, number]> = [];
  for (const t of need.steps) {
    const last = spans[spans.length - 1];
    if (last && t - need.spanMs <= last[1]) last[1] = Math.max(last[1], t);
    else spans.push([t - need.spanMs, t]);
  }
  return spans;
}

/** Where replay time `t` (>= anchorMs) falls in the recorded loop. */
export function replayedTime(loop: ReplayLoop, t: number): number {
  const offset = (t - loop.anchorMs) % loop.loopMs;
  return loop.loopStartMs + (offset < 0 ? offset + loop.loopMs : offset);
}

function recordingOf(loop: ReplayLoop, series: RawSeries): Recording {
  const perLoop = loop.loopMs / loop.intervalMs;
  const { timestamps, values } = series;
  // One sample per grid point from the loop's start through its end (the end sample gives the growth).
  const onGrid =
    Number.isInteger(perLoop) &&
    timestamps.length >= perLoop + 1 &&
    timestamps[0] === loop.loopStartMs &&
    timestamps[perLoop] === loop.loopStartMs + loop.loopMs &&
    timestamps.slice(0, perLoop + 1).every((t, i) => t === loop.loopStartMs + i * loop.intervalMs);
  if (!onGrid) {
    throw new Error(`replay: ${JSON.stringify(series.labels)} is not sampled every ${loop.intervalMs} ms across the loop`);
  }
  const growthPerLoop = loop.isCounter(series.labels) ? (values[perLoop] as number) - (values[0] as number) : 0;
  return { values: values.slice(0, perLoop), growthPerLoop };
}

/**
 * `base`'s own samples are answered unchanged; replayed ones are added for times at or after the
 * anchor, which must lie after every stored sample.
 */
export function createReplayIndex(base: SeriesIndex, loop: ReplayLoop): SeriesIndex {
  const recordings = new Map<RawSeries, Recording>(base.all.map((s) => [s, recordingOf(loop, s)]));
  const lastStored = Math.max(...base.all.map((s) => s.timestamps[s.timestamps.length - 1] ?? -Infinity));
  if (lastStored >= loop.anchorMs) throw new Error('replay: the anchor must come after the stored samples');
  const perLoop = loop.loopMs / loop.intervalMs;

  const withReplay = (series: RawSeries, need: SampleNeed): RawSeries => {
    const recording = recordings.get(series);
    if (!recording) return series;
    // Stored samples only matter when the need reaches back into them.
    const readsStored = (need.steps[0] ?? Infinity) - need.spanMs <= (series.timestamps[series.timestamps.length - 1] ?? -Infinity);
    const timestamps = readsStored ? [...series.timestamps] : [];
    const values = readsStored ? [...series.values] : [];
    for (const [start, end] of neededSpans(need)) {
      if (end < loop.anchorMs) continue;
      const first = Math.max(0, Math.ceil((start - loop.anchorMs) / loop.intervalMs));
      const last = Math.floor((end - loop.anchorMs) / loop.intervalMs);
      for (let n = first; n <= last; n++) {
        const cycle = Math.floor(n / perLoop);
        timestamps.push(loop.anchorMs + n * loop.intervalMs);
        values.push((recording.values[n - cycle * perLoop] as number) + cycle * recording.growthPerLoop);
      }
    }
    return { labels: series.labels, timestamps, values };
  };

  return {
    all: base.all,
    select(matchers: readonly LabelMatcher[], need?: SampleNeed) {
      const selected = base.select(matchers);
      const lastStep = need?.steps[need.steps.length - 1];
      if (!need || lastStep === undefined || lastStep < loop.anchorMs) return selected;
      return selected.map((s) => withReplay(s, need));
    },
    hasSamplesBetween(series, startMs, endMs) {
      if (storedSamplesBetween(series, startMs, endMs)) return true;
      if (!recordings.has(series) || endMs < loop.anchorMs) return false;
      const firstGridPoint = loop.anchorMs + Math.max(0, Math.ceil((startMs - loop.anchorMs) / loop.intervalMs)) * loop.intervalMs;
      return firstGridPoint <= endMs;
    },
  };
}
