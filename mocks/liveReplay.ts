// The demo's live replay: from 2024-01-16 00:00 UTC on, the scenario's twelve hours are replayed on a
// loop, so a wall display on a relative range ("now-15m".."now") always has moving data. The
// recorded day itself (06:00–18:00 on 2024-01-15) is answered exactly as recorded, and nothing is
// answered before it or between its end and the anchor.
import type { ReplayLoop } from './promql/replay';
import { replayedTime } from './promql/replay';
import { SCENARIO } from './scenario';

export const LIVE_REPLAY: ReplayLoop = {
  // Midnight, so the replayed leak shows at the same wall-clock times every day (02:28, 14:28 UTC).
  anchorMs: Date.UTC(2024, 0, 16),
  loopStartMs: SCENARIO.startMs,
  loopMs: SCENARIO.endMs - SCENARIO.startMs,
  intervalMs: SCENARIO.scrapeIntervalMs,
  // Counters keep growing across loops (each loop adds the recorded loop's increase): no resets.
  isCounter: (labels) => labels.__name__ === SCENARIO.metrics.requests,
};

/** The scenario time whose samples are replayed at `t` (ms, at or after LIVE_REPLAY.anchorMs). */
export function replayTime(t: number): number {
  return replayedTime(LIVE_REPLAY, t);
}
