import { BASELINE_AFTER_MS, floorFailures, floorWindowSize, soakVerdict, formatFloors, formatGrowth, formatSamples, soakFloors, soakGrowth, type SoakSample } from './soakReport';

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

describe('soakFloors', () => {
  it('compares the lowest of the first three samples with the lowest of the last three', () => {
    const samples = [
      sample(0, 8_400_000, 700),
      sample(30, 8_270_000, 678),
      sample(60, 8_300_000, 699),
      sample(90, 9_900_000, 720),
      sample(120, 8_600_000, 699),
      sample(150, 8_550_000, 678),
      sample(180, 8_700_000, 700),
    ];
    const floors = soakFloors(samples);
    expect(floors).toMatchObject({
      count: 3,
      first: { fromMs: 0, toMs: 60_000, heapBytes: 8_270_000, nodes: 678, mostNodes: 700 },
      last: { fromMs: 120_000, toMs: 180_000, heapBytes: 8_550_000, nodes: 678, mostNodes: 700 },
      nodesDelta: 0,
      mostNodesDelta: 0,
    });
    expect(floors?.heapPercent).toBeCloseTo(3.386, 3);
  });

  it('takes a tenth of a long run at each end, so a start-up sample alone does not set the floor', () => {
    expect(floorWindowSize(21)).toBe(3);
    expect(floorWindowSize(121)).toBe(12);
    // An hour, a sample every 30 s: the first sample is taken while the page still starts up.
    const hour = Array.from({ length: 121 }, (_, i) => sample(i * 30, i === 0 ? 7_180_000 : 7_300_000 + (i % 4) * 900_000, i === 0 ? 578 : 707 + (i % 4) * 60));
    const floors = soakFloors(hour);
    expect(floors?.count).toBe(12);
    expect(floors?.first.heapBytes).toBe(7_180_000);
    expect(floors?.heapPercent).toBeCloseTo(1.67, 2);
  });

  it('is undefined with fewer than six samples', () => {
    expect(soakFloors([0, 30, 60, 90, 120].map((t) => sample(t, 1)))).toBeUndefined();
    expect(soakFloors([0, 30, 60, 90, 120, 150].map((t) => sample(t, 1)))).toBeDefined();
  });
});

describe('floorFailures', () => {
  const run = (firstHeap: number, lastHeap: number, firstNodes = 500, lastNodes = 500) => [
    ...[0, 30, 60].map((t) => sample(t, firstHeap, firstNodes)),
    ...[540, 570, 600].map((t) => sample(t, lastHeap, lastNodes)),
  ];

  it('passes flat runs and shrinking ones', () => {
    expect(floorFailures(soakFloors(run(10_000, 10_490)))).toEqual([]);
    expect(floorFailures(soakFloors(run(10_000, 9_000, 600, 550)))).toEqual([]);
  });

  it('fails at 5% heap floor growth and when both the fewest and the most nodes grew', () => {
    expect(floorFailures(soakFloors(run(10_000, 10_500)))).toEqual(['the heap floor grew 5.0% (limit: below 5%)']);
    expect(floorFailures(soakFloors(run(10_000, 10_000, 500, 501)))).toEqual(['the DOM nodes grew: the fewest by 1, the most by 1']);
  });

  it('passes nodes when only one end moved: a state the page passes through is not nodes kept', () => {
    // Still loading in the first samples (fewer nodes), the same states later.
    const startUp = [sample(0, 1, 578), sample(30, 1, 890), sample(60, 1, 707), sample(540, 1, 707), sample(570, 1, 890), sample(600, 1, 746)];
    expect(soakFloors(startUp)).toMatchObject({ nodesDelta: 129, mostNodesDelta: 0 });
    expect(floorFailures(soakFloors(startUp))).toEqual([]);
  });

  it('fails a run too short to judge', () => {
    expect(floorFailures(undefined)).toEqual(['the run was too short to judge (it needs at least 6 samples)']);
  });
});

describe('soakVerdict', () => {
  const run = (lastHeap: number, lastNodes = 500) => [
    ...[0, 30, 60].map((t) => sample(t, 10_000, 500)),
    ...[540, 570, 600].map((t) => sample(t, lastHeap, lastNodes)),
  ];

  it('judges interpreted runs by their floors', () => {
    expect(soakVerdict('demo, cdp, interpreted', 'interpreted', soakFloors(run(10_340)))).toEqual({
      judged: true,
      failures: [],
      line: 'PASS (demo, cdp, interpreted): heap floor +3.40% (below 5%), DOM nodes flat',
    });
    expect(soakVerdict('demo', 'interpreted', soakFloors(run(11_000, 530)))).toEqual({
      judged: true,
      failures: ['the heap floor grew 10.0% (limit: below 5%)', 'the DOM nodes grew: the fewest by 30, the most by 30'],
      line: 'FAIL (demo): the heap floor grew 10.0% (limit: below 5%); the DOM nodes grew: the fewest by 30, the most by 30',
    });
  });

  it('reports optimising runs without judging them, however much they grew', () => {
    expect(soakVerdict('demo', 'optimising', soakFloors(run(20_000, 900)))).toMatchObject({ judged: false, failures: [] });
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
    const floors = [0, 30, 60, 360, 390, 420].map((t, i) => sample(t, i < 3 ? 8_671_724 : 8_965_325, 678));
    expect(formatFloors(soakFloors(floors))).toBe(
      'floors (lowest of the first 3 samples, 0:00–1:00, against the last 3, 6:00–7:00): heap 8.27 → 8.55 MiB (+3.39%), DOM nodes fewest 678 → 678 (0), most 678 → 678 (0)',
    );
    expect(formatFloors(undefined)).toBe('floors: not measured (fewer than 6 samples)');
  });
});
