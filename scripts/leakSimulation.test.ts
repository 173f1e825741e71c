import { MEMORY_ALERT_THRESHOLD_BYTES } from '../mocks/scenario';
import { createLeakSimulation, memoryPressure, type InstanceReading } from './leakSimulation';

// A small deterministic generator (mulberry32) so runs are repeatable.
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function run(sim: ReturnType<typeof createLeakSimulation>, seconds: number): void {
  for (let i = 0; i < seconds; i++) sim.advance(1);
}

const errorShare = (before: InstanceReading, after: InstanceReading): number => {
  const delta = (code: '200' | '500' | '503') => after.requestsTotal[code] - before.requestsTotal[code];
  return (delta('500') + delta('503')) / (delta('200') + delta('500') + delta('503'));
};

const byInstance = (readings: InstanceReading[], instance: string) => {
  const reading = readings.find((r) => r.instance === instance);
  if (!reading) throw new Error(`no reading for ${instance}`);
  return reading;
};

test('without a leak, memory stays well under the alert threshold and errors stay near 0.5 %', () => {
  const sim = createLeakSimulation(seeded(1));
  run(sim, 60);
  const before = sim.readings();
  run(sim, 600);
  const after = sim.readings();
  for (const reading of after) {
    expect(reading.memoryBytes).toBeLessThan(0.5 * MEMORY_ALERT_THRESHOLD_BYTES);
    expect(errorShare(byInstance(before, reading.instance), reading)).toBeLessThan(0.01);
  }
});

test('a started leak takes web-2 over the threshold within about two minutes, first of the three', () => {
  const sim = createLeakSimulation(seeded(2));
  sim.startLeak();
  let firstOver: string | undefined;
  let seconds = 0;
  while (!firstOver && seconds < 600) {
    sim.advance(1);
    seconds++;
    firstOver = sim.readings().find((r) => r.memoryBytes > MEMORY_ALERT_THRESHOLD_BYTES)?.instance;
  }
  expect(firstOver).toBe('web-2');
  expect(seconds).toBeGreaterThan(60);
  expect(seconds).toBeLessThan(180);
});

test('memory pressure raises 5xx, mostly 503', () => {
  const sim = createLeakSimulation(seeded(3));
  sim.startLeak();
  run(sim, 300);
  const before = sim.readings();
  run(sim, 60);
  const after = byInstance(sim.readings(), 'web-2');
  const previous = byInstance(before, 'web-2');
  expect(errorShare(previous, after)).toBeGreaterThan(0.3);
  expect(after.requestsTotal['503'] - previous.requestsTotal['503']).toBeGreaterThan(
    after.requestsTotal['500'] - previous.requestsTotal['500'],
  );
});

test('the fix releases the leaked memory and errors fall back', () => {
  const sim = createLeakSimulation(seeded(4));
  sim.startLeak();
  run(sim, 300);
  sim.fixLeak();
  run(sim, 180);
  const before = sim.readings();
  run(sim, 60);
  for (const reading of sim.readings()) {
    expect(reading.memoryBytes).toBeLessThan(0.5 * MEMORY_ALERT_THRESHOLD_BYTES);
    expect(errorShare(byInstance(before, reading.instance), reading)).toBeLessThan(0.01);
  }
});

test('request counters never decrease', () => {
  const sim = createLeakSimulation(seeded(5));
  let previous = sim.readings();
  for (let i = 0; i < 400; i++) {
    if (i === 100) sim.startLeak();
    if (i === 300) sim.fixLeak();
    sim.advance(1);
    const current = sim.readings();
    current.forEach((reading, index) => {
      for (const code of ['200', '500', '503'] as const) {
        expect(reading.requestsTotal[code]).toBeGreaterThanOrEqual(previous[index]?.requestsTotal[code] ?? 0);
      }
    });
    previous = current;
  }
});

test.each([
  [0, 0],
  [0.8 * MEMORY_ALERT_THRESHOLD_BYTES, 0],
  [0.9 * MEMORY_ALERT_THRESHOLD_BYTES, 0.5],
  [MEMORY_ALERT_THRESHOLD_BYTES, 1],
  [2 * MEMORY_ALERT_THRESHOLD_BYTES, 1],
])('memoryPressure(%d) = %d', (bytes, expected) => {
  expect(memoryPressure(bytes)).toBeCloseTo(expected, 10);
});
