import { BASELINE_AFTER_MS, formatGrowth, formatSamples, gateFailures, soakGrowth, type SoakSample } from './soakReport';

const sample = (seconds: number, heapUsedBytes: number, nodes = 500, listeners = 100): SoakSample => ({
  elapsedMs: seconds * 1000,
  heapUsedBytes,
  embedderHeapBytes: 2 * heapUsedBytes,
  documents: 1,
  nodes,
  listeners,
  refreshRounds: seconds,
  apiResponses: seconds * 2,
});

describe('soakGrowth', () => {
  it('measures from the first sample at or after one minute to the last', () => {
    const growth = soakGrowth([sample(0, 1_000), sample(30, 5_000), sample(60, 10_000, 500, 100), sample(90, 10_200), sample(120, 10_400, 520, 90)]);
    expect(BASELINE_AFTER_MS).toBe(60_000);
    expect(growth?.baseline.elapsedMs).toBe(60_000);
    expect(growth?.last.elapsedMs).toBe(120_000);
    expect(growth?.heapPercent).toBeCloseTo(4, 10);
    expect(growth?.embedderHeapPercent).toBeCloseTo(4, 10);
    expect(growth?.nodesDelta).toBe(20);
    expect(growth?.listenersDelta).toBe(-10);
  });

  it('compares the fewest nodes of the first and the last minute, so refresh-time swings do not count', () => {
    // Loading states add 21 nodes while a refresh is in flight; which samples catch it is chance.
    const swinging = [sample(60, 1, 532), sample(90, 1, 553), sample(120, 1, 553), sample(150, 1, 532), sample(180, 1, 553)];
    expect(soakGrowth(swinging)).toMatchObject({ nodesDelta: 21, nodesFloorDelta: 0 });
    const kept = [sample(60, 1, 532), sample(90, 1, 553), sample(120, 1, 540), sample(150, 1, 545), sample(180, 1, 561)];
    expect(soakGrowth(kept)).toMatchObject({ nodesDelta: 29, nodesFloorDelta: 8 });
  });

  it('is undefined when no sample follows the baseline', () => {
    expect(soakGrowth([sample(0, 1), sample(30, 2)])).toBeUndefined();
    expect(soakGrowth([sample(0, 1), sample(60, 2)])).toBeUndefined();
    expect(soakGrowth([])).toBeUndefined();
  });
});

describe('gateFailures', () => {
  it('passes flat runs and shrinking ones', () => {
    expect(gateFailures(soakGrowth([sample(60, 10_000), sample(600, 10_490)]))).toEqual([]);
    expect(gateFailures(soakGrowth([sample(60, 10_000, 600), sample(600, 9_000, 550)]))).toEqual([]);
  });

  it('fails at 5% heap growth and at any growth of the node floor', () => {
    expect(gateFailures(soakGrowth([sample(60, 10_000), sample(600, 10_500)]))).toEqual(['heap grew 5.0% (limit: below 5%)']);
    expect(gateFailures(soakGrowth([sample(60, 10_000, 500), sample(600, 10_000, 501)]))).toEqual([
      'DOM nodes grew by 1 (fewest in the last minute against fewest in the first)',
    ]);
  });

  it('fails a run too short to measure', () => {
    expect(gateFailures(undefined)).toHaveLength(1);
  });
});

describe('formatting', () => {
  it('prints one row per sample and the growth with signs', () => {
    const samples = [sample(0, 1_048_576), sample(60, 2_097_152), sample(90, 2_202_010, 480, 110)];
    const lines = formatSamples(samples).split('\n');
    expect(lines).toHaveLength(2 + samples.length);
    expect(lines[0]).toMatch(/^time\s+heap MiB/);
    expect(lines[0]).toMatch(/refresh rounds\s+API responses$/);
    expect(lines[4]).toMatch(/^1:30\s+2\.1\s+2202010\s+4\.2\s+480\s+110\s+1\s+90\s+180$/);
    // The in-page demo backend makes no requests: no column of zeros.
    expect(formatSamples(samples.map((s) => ({ ...s, apiResponses: 0 })))).not.toMatch(/API responses/);
    expect(formatGrowth(soakGrowth(samples))).toBe(
      'growth 1:00 → 1:30: heap +5.00% (2.0 → 2.1 MiB), Blink heap +5.00%, nodes -20 (floor 0), listeners +10',
    );
  });
});
