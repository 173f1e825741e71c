// What a soak run measured, how much it grew, and whether that passes the gate.
import { formatTable } from './table';
import { formatMiB } from './stats';

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
  /** Heap growth from baseline to last at or above this fails. */
  readonly maxHeapGrowthPercent: number;
}

export const DEFAULT_GATE: SoakGate = { maxHeapGrowthPercent: 5 };

/** Samples taken in the first minute include start-up (JIT, caches filling); growth is measured from the minute on. */
export const BASELINE_AFTER_MS = 60_000;
const MINUTE_MS = 60_000;

/**
 * Growth from the first sample at or after one minute to the last one. Undefined when the run is
 * too short to have both.
 */
export function soakGrowth(samples: readonly SoakSample[], baselineAfterMs = BASELINE_AFTER_MS): SoakGrowth | undefined {
  const baseline = samples.find((s) => s.elapsedMs >= baselineAfterMs);
  const last = samples[samples.length - 1];
  if (!baseline || !last || last === baseline) return undefined;
  const fewestNodes = (from: number, to: number) =>
    Math.min(...samples.filter((s) => s.elapsedMs >= from && s.elapsedMs <= to).map((s) => s.nodes));
  const percent = (before: number, after: number) => (before > 0 ? ((after - before) / before) * 100 : 0);
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

/** Reasons the run fails the gate; empty when it passes. */
export function gateFailures(growth: SoakGrowth | undefined, gate: SoakGate = DEFAULT_GATE): string[] {
  if (!growth) return ['the run was too short to measure growth (it needs samples after the first minute)'];
  const failures: string[] = [];
  if (growth.heapPercent >= gate.maxHeapGrowthPercent) {
    failures.push(`heap grew ${growth.heapPercent.toFixed(1)}% (limit: below ${gate.maxHeapGrowthPercent}%)`);
  }
  if (growth.nodesFloorDelta > 0) failures.push(`DOM nodes grew by ${growth.nodesFloorDelta} (fewest in the last minute against fewest in the first)`);
  return failures;
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
