// The leaks vigil must catch: the seed incident (mocks/scenario.ts) and the live stack's simulated
// leak (scripts/leakSimulation.ts), each seen the way a panel refreshing every so often sees it.
import { MEMORY_ALERT_THRESHOLD_BYTES, rawSeries, SCENARIO } from '../../mocks/scenario';
import { createLeakSimulation } from '../../scripts/leakSimulation';
import { estimateLeak, type LeakEstimate, type LeakWatchSettings } from './estimateLeak';
import { HOUR, MINUTE, seededRandom, until } from './fixtures/shapes';

const SETTINGS: LeakWatchSettings = { limit: MEMORY_ALERT_THRESHOLD_BYTES, horizonMs: 2 * HOUR, windowMs: 2 * HOUR };
const at = (hour: number, minute = 0) => Date.UTC(2024, 0, 15, hour, minute);

function memoryOf(instance: string) {
  const series = rawSeries().find((s) => s.labels.__name__ === SCENARIO.metrics.memory && s.labels.instance === instance);
  if (!series) throw new Error(`no memory series for ${instance}`);
  return { timestamps: [...series.timestamps], values: [...series.values] };
}

/** Every `stepMs`-th sample, as a panel whose step is coarser than the scrape interval receives it. */
function everyStep(series: { timestamps: number[]; values: number[] }, stepMs: number) {
  const keep = series.timestamps.map((t, i) => (t % stepMs === 0 ? i : -1)).filter((i) => i >= 0);
  return { timestamps: keep.map((i) => series.timestamps[i] as number), values: keep.map((i) => series.values[i] as number) };
}

describe.each([
  ['15 s', 15_000],
  ['1 min', 60_000],
])('the seed incident at a panel step of %s', (_label, stepMs) => {
  const { leakStartMs, outageStartMs } = SCENARIO.timeline;

  it.each(SCENARIO.instances)('%s: quiet until the leak starts, flagged at least 30 minutes before the 10:00 alert', (instance) => {
    const memory = everyStep(memoryOf(instance), stepMs);
    let firstFlag: number | undefined;
    for (let now = at(6, 30); now <= outageStartMs; now += MINUTE) {
      if (estimateLeak(until(memory, now), SETTINGS).verdict !== 'leaking') continue;
      firstFlag = now;
      break;
    }
    expect(firstFlag).toBeDefined();
    expect(firstFlag as number).toBeGreaterThanOrEqual(leakStartMs);
    expect(outageStartMs - (firstFlag as number)).toBeGreaterThanOrEqual(30 * MINUTE);
  });

  it('at 09:30 flags all three, with where the growth began and a crossing within the horizon', () => {
    const estimates: LeakEstimate[] = SCENARIO.instances.map((instance) => estimateLeak(until(everyStep(memoryOf(instance), stepMs), at(9, 30)), SETTINGS));
    for (const estimate of estimates) {
      expect(estimate.verdict).toBe('leaking');
      expect(estimate.since).toBeGreaterThanOrEqual(at(8, 20));
      expect(estimate.since).toBeLessThanOrEqual(at(8, 45));
      expect(estimate.crossingAt as number).toBeGreaterThan(at(9, 30));
      expect(estimate.crossingAt as number).toBeLessThanOrEqual(at(9, 30) + SETTINGS.horizonMs);
    }
  });
});

describe('the live stack leak (5 s scrapes, a wall showing the last 15 minutes)', () => {
  const SCRAPE_S = 5;
  const LEAK_AT_S = 600;
  const FIX_AT_S = 1_000;
  /** Ten runs of the simulation's random cache drift. */
  const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  /** Each instance's flag at every scrape, as the exporter ticks (each second) and Prometheus scrapes it. */
  function replay(seed: number) {
    const simulation = createLeakSimulation(seededRandom(seed));
    const series = new Map(SCENARIO.instances.map((i) => [i as string, { timestamps: [] as number[], values: [] as number[] }]));
    const timeline: { second: number; instance: string; flagged: boolean; over: boolean }[] = [];
    for (let second = 0; second <= 1_400; second += SCRAPE_S) {
      if (second === LEAK_AT_S) simulation.startLeak();
      if (second === FIX_AT_S) simulation.fixLeak();
      for (let tick = 0; tick < SCRAPE_S; tick++) simulation.advance(1);
      for (const reading of simulation.readings()) {
        const s = series.get(reading.instance) as { timestamps: number[]; values: number[] };
        s.timestamps.push(second * 1000);
        s.values.push(reading.memoryBytes);
        const from = s.timestamps.findIndex((t) => t >= (second - 15 * 60) * 1000);
        const shown = { timestamps: s.timestamps.slice(from), values: s.values.slice(from) };
        const flagged = estimateLeak(shown, SETTINGS).verdict === 'leaking';
        timeline.push({ second, instance: reading.instance, flagged, over: reading.memoryBytes > MEMORY_ALERT_THRESHOLD_BYTES });
      }
    }
    return timeline;
  }

  it.each(SEEDS)('seed %i: each instance is quiet before the leak and flagged before it crosses the threshold', (seed) => {
    const timeline = replay(seed);
    for (const instance of SCENARIO.instances) {
      const own = timeline.filter((t) => t.instance === instance);
      expect(own.filter((t) => t.second < LEAK_AT_S && t.flagged)).toEqual([]);
      const firstFlag = own.find((t) => t.flagged)?.second;
      const crossing = own.find((t) => t.over)?.second;
      expect(firstFlag).toBeDefined();
      expect(crossing).toBeDefined();
      expect(firstFlag as number).toBeLessThan(crossing as number);
      // The flag goes within 30 s of the fix and stays away.
      expect(own.filter((t) => t.second >= FIX_AT_S + 30 && t.flagged)).toEqual([]);
    }
  });
});
