// What a soak run measured, how much it grew, and whether that passes the gate.
import { formatTable } from './table';
import { formatMiB } from './stats';
import type { V8Mode } from './soakArgs';

export interface SoakSample {
  /** Since the dashboard first drew all its panels. */
  readonly elapsedMs: number;
  /** JS (V8) heap in use right after a forced garbage collection. */
  readonly heapUsedBytes: number;
  /** Blink's own heap (DOM, streams, message ports), which V8's figure leaves out; 0 if not reported. */
  readonly embedderHeapBytes: number;
  readonly documents: number;
  readonly nodes: number;
  readonly listeners: number;
  /** Refresh rounds counted in the page (changes of a panel's resolved range end): proof the refreshes ran. */
  readonly refreshRounds: number;
  /** Prometheus API fetches the page completed so far; 0 when the backend answers inside the page. */
  readonly apiResponses: number;
}

export interface SoakGrowth {
  readonly baseline: SoakSample;
  readonly last: SoakSample;
  readonly heapPercent: number;
  readonly embedderHeapPercent: number;
  readonly nodesDelta: number;
  /**
   * Growth of the fewest nodes seen in the baseline minute to the fewest in the last minute. The
   * count swings by a few dozen with each refresh (loading states come and go), so single samples
   * would pass or fail by phase; the floor only rises when nodes are kept.
   */
  readonly nodesFloorDelta: number;
  readonly listenersDelta: number;
}

export interface SoakGate {
  /** Growth of the heap floor at or above this fails. */
  readonly maxHeapGrowthPercent: number;
}

export const DEFAULT_GATE: SoakGate = { maxHeapGrowthPercent: 5 };

/** Samples taken in the first minute include start-up (JIT, caches filling); growth is measured from the minute on. */
export const BASELINE_AFTER_MS = 60_000;
const MINUTE_MS = 60_000;

/**
 * Growth from the first sample at or after one minute to the last one, for the record. Undefined
 * when the run is too short to have both.
 */
export function soakGrowth(samples: readonly SoakSample[], baselineAfterMs = BASELINE_AFTER_MS): SoakGrowth | undefined {
  const baseline = samples.find((s) => s.elapsedMs >= baselineAfterMs);
  const last = samples[samples.length - 1];
  if (!baseline || !last || last === baseline) return undefined;
  const fewestNodes = (from: number, to: number) =>
    Math.min(...samples.filter((s) => s.elapsedMs >= from && s.elapsedMs <= to).map((s) => s.nodes));
  return {
    baseline,
    last,
    heapPercent: percent(baseline.heapUsedBytes, last.heapUsedBytes),
    embedderHeapPercent: percent(baseline.embedderHeapBytes, last.embedderHeapBytes),
    nodesDelta: last.nodes - baseline.nodes,
    nodesFloorDelta:
      fewestNodes(last.elapsedMs - MINUTE_MS, last.elapsedMs) - fewestNodes(baseline.elapsedMs, baseline.elapsedMs + MINUTE_MS - 1),
    listenersDelta: last.listeners - baseline.listeners,
  };
}

/**
 * The fewest samples at each end of a run the floors are taken over. A single sample may catch a
 * refresh in flight (loading states add nodes) or data between two answers; the lowest of three
 * only rises when the page keeps something.
 */
export const FLOOR_SAMPLES = 3;

/**
 * How many samples at each end the floors are taken over: a tenth of the run, at least
 * FLOOR_SAMPLES. A wall's page cycles through states as its range moves (markers and clusters come
 * and go): an hour at refresh 1 s showed the V8 heap floor flat per 10 minutes while the lowest of
 * the first three samples (the first minute, still starting up) sat 6% under the last three.
 */
export function floorWindowSize(sampleCount: number): number {
  return Math.max(FLOOR_SAMPLES, Math.round(sampleCount / 10));
}

interface FloorEnd {
  readonly fromMs: number;
  readonly toMs: number;
  readonly heapBytes: number;
  /** The fewest DOM nodes seen. */
  readonly nodes: number;
  /** The most DOM nodes seen. */
  readonly mostNodes: number;
}

/** The lowest heap and the fewest and most DOM nodes among the first samples and among the last ones. */
export interface SoakFloors {
  /** Samples per end. */
  readonly count: number;
  readonly first: FloorEnd;
  readonly last: FloorEnd;
  readonly heapPercent: number;
  readonly nodesDelta: number;
  readonly mostNodesDelta: number;
}

/** Undefined when the run has fewer than two sets of `count` samples. */
export function soakFloors(samples: readonly SoakSample[], count = floorWindowSize(samples.length)): SoakFloors | undefined {
  if (samples.length < 2 * count) return undefined;
  const floor = (group: readonly SoakSample[]): FloorEnd => ({
    fromMs: (group[0] as SoakSample).elapsedMs,
    toMs: (group[group.length - 1] as SoakSample).elapsedMs,
    heapBytes: Math.min(...group.map((s) => s.heapUsedBytes)),
    nodes: Math.min(...group.map((s) => s.nodes)),
    mostNodes: Math.max(...group.map((s) => s.nodes)),
  });
  const first = floor(samples.slice(0, count));
  const last = floor(samples.slice(-count));
  return { count, first, last, heapPercent: percent(first.heapBytes, last.heapBytes), nodesDelta: last.nodes - first.nodes, mostNodesDelta: last.mostNodes - first.mostNodes };
}

/**
 * Reasons the floors fail the gate; empty when they pass. Nodes the page keeps raise both the
 * fewest and the most nodes seen; a state the page passes through at one end (still loading at the
 * start, a cluster of markers in view at the end) moves only one of them, so only both rising fails.
 */
export function floorFailures(floors: SoakFloors | undefined, gate: SoakGate = DEFAULT_GATE): string[] {
  if (!floors) return [`the run was too short to judge (it needs at least ${2 * FLOOR_SAMPLES} samples)`];
  const failures: string[] = [];
  if (floors.heapPercent >= gate.maxHeapGrowthPercent) {
    failures.push(`the heap floor grew ${floors.heapPercent.toFixed(1)}% (limit: below ${gate.maxHeapGrowthPercent}%)`);
  }
  if (floors.nodesDelta > 0 && floors.mostNodesDelta > 0) {
    failures.push(`the DOM nodes grew: the fewest by ${floors.nodesDelta}, the most by ${floors.mostNodesDelta}`);
  }
  return failures;
}

const mib = (bytes: number) => (bytes / 1048576).toFixed(2);

function percent(before: number, after: number): number {
  return before > 0 ? ((after - before) / before) * 100 : 0;
}

function clock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function formatSamples(samples: readonly SoakSample[]): string {
  return formatTable<SoakSample>(
    [
      { header: 'time', cell: (s) => clock(s.elapsedMs) },
      { header: 'heap MiB', cell: (s) => formatMiB(s.heapUsedBytes) },
      { header: 'heap bytes', cell: (s) => String(s.heapUsedBytes) },
      { header: 'Blink heap MiB', cell: (s) => (s.embedderHeapBytes > 0 ? formatMiB(s.embedderHeapBytes) : '–') },
      { header: 'DOM nodes', cell: (s) => String(s.nodes) },
      { header: 'listeners', cell: (s) => String(s.listeners) },
      { header: 'documents', cell: (s) => String(s.documents) },
      { header: 'refresh rounds', cell: (s) => String(s.refreshRounds) },
      ...(samples.some((s) => s.apiResponses > 0) ? [{ header: 'API responses', cell: (s: SoakSample) => String(s.apiResponses) }] : []),
    ],
    samples,
  );
}

export function formatGrowth(growth: SoakGrowth | undefined): string {
  if (!growth) return 'growth: not measured (run shorter than the first minute plus one sample)';
  const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
  return (
    `growth ${clock(growth.baseline.elapsedMs)} → ${clock(growth.last.elapsedMs)}: ` +
    `heap ${growth.heapPercent >= 0 ? '+' : ''}${growth.heapPercent.toFixed(2)}% ` +
    `(${formatMiB(growth.baseline.heapUsedBytes)} → ${formatMiB(growth.last.heapUsedBytes)} MiB), ` +
    `Blink heap ${growth.embedderHeapPercent >= 0 ? '+' : ''}${growth.embedderHeapPercent.toFixed(2)}%, ` +
    `nodes ${signed(growth.nodesDelta)} (floor ${signed(growth.nodesFloorDelta)}), listeners ${signed(growth.listenersDelta)}`
  );
}

export function formatFloors(floors: SoakFloors | undefined): string {
  if (!floors) return `floors: not measured (fewer than ${2 * FLOOR_SAMPLES} samples)`;
  const span = (end: FloorEnd) => `${clock(end.fromMs)}–${clock(end.toMs)}`;
  const signed = (n: number) => `${n > 0 ? '+' : ''}${n}`;
  return (
    `floors (lowest of the first ${floors.count} samples, ${span(floors.first)}, against the last ${floors.count}, ${span(floors.last)}): ` +
    `heap ${mib(floors.first.heapBytes)} → ${mib(floors.last.heapBytes)} MiB ` +
    `(${floors.heapPercent >= 0 ? '+' : ''}${floors.heapPercent.toFixed(2)}%), ` +
    `DOM nodes fewest ${floors.first.nodes} → ${floors.last.nodes} (${signed(floors.nodesDelta)}), most ${floors.first.mostNodes} → ${floors.last.mostNodes} (${signed(floors.mostNodesDelta)})`
  );
}

export interface SoakVerdict {
  /** False for runs whose figures are only reported (V8's optimised code grows in them). */
  readonly judged: boolean;
  readonly failures: readonly string[];
  readonly line: string;
}

/**
 * Only runs with V8's optimising tiers off are judged: with them on, optimised code keeps growing
 * for many minutes as more library functions get hot, and the heap figure cannot tell it from data.
 */
export function soakVerdict(run: string, v8Mode: V8Mode, floors: SoakFloors | undefined): SoakVerdict {
  const failures = floorFailures(floors);
  if (v8Mode === 'optimising') {
    return { judged: false, failures: [], line: `NOT JUDGED (${run}): V8's optimised code grows with time; the interpreted run is the verdict` };
  }
  const line =
    failures.length === 0
      ? `PASS (${run}): heap floor ${floors && floors.heapPercent >= 0 ? '+' : ''}${floors?.heapPercent.toFixed(2)}% (below ${DEFAULT_GATE.maxHeapGrowthPercent}%), DOM nodes ${floors && floors.nodesDelta <= 0 && floors.mostNodesDelta <= 0 ? 'flat' : 'not kept (only one end moved)'}`
      : `FAIL (${run}): ${failures.join('; ')}`;
  return { judged: true, failures, line };
}
