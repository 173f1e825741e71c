// The leak watch's estimate for a panel's series, as the panel runs it whenever its data changes.
// Measures; never asserts a timing.
import { estimateLeak } from '../../src/leaks';
import { median, timeRuns } from './stats';
import { syntheticSeries } from './syntheticSeries';

export interface LeakFigure {
  readonly window: string;
  readonly seriesCount: number;
  readonly pointsPerSeries: number;
  readonly medianMs: number;
  /** The fastest run: on a shared machine the least disturbed one. */
  readonly bestMs: number;
  readonly flagged: number;
}

const SCRAPE_MS = 15_000;
const HOUR = 3_600_000;

/** estimateLeak over every series, for a 2 h window and for one spanning all the points. */
export function benchLeakWatch(seriesCount: number, points: number, runs: number): LeakFigure[] {
  const start = Date.UTC(2024, 0, 15);
  const series = syntheticSeries({ seriesCount, points, startMs: start, stepMs: SCRAPE_MS });
  // A limit some random walks reach within the horizon, so every check runs for some series.
  const limit = Math.max(...series.map((s) => s.values.at(-1) as number)) * 1.02;
  const windows = [
    { window: '2 h (default)', ms: 2 * HOUR },
    { window: `all ${points.toLocaleString('en-US')} points`, ms: points * SCRAPE_MS },
  ];
  return windows.map(({ window, ms }) => {
    let flagged = 0;
    const estimate = () => {
      flagged = 0;
      for (const s of series) if (estimateLeak(s, { limit, horizonMs: 2 * HOUR, windowMs: ms }).verdict === 'leaking') flagged++;
    };
    const times = timeRuns(estimate, runs);
    return { window, seriesCount, pointsPerSeries: points, medianMs: median(times), bestMs: Math.min(...times), flagged };
  });
}
