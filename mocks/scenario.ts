// The demo scenario: the 2024-01-15 memory-leak outage of "webapp" (postmortem
// public/incidents/2024-01-15-webapp-memory-leak.txt), replayed as raw scrapes of three instances.
// Pure and dependency-free so Node scripts (block/import generators) can use it as well as MSW.
import { formatOpenMetrics, formatPrometheusImportLines } from './exposition';
import type { RawSeries } from './exposition';
import { jitter, seedOf, uniform, wander } from './noise';

export type { RawSeries } from './exposition';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

const at = (hour: number, minute = 0, second = 0): number => Date.UTC(2024, 0, 15, hour, minute, second);

/** The memory alert of the postmortem ("an unusual spike in memory usage") fires above this. */
export const MEMORY_ALERT_THRESHOLD_BYTES = 1.5 * GiB;

export const SCENARIO = {
  job: 'webapp',
  instances: ['web-1', 'web-2', 'web-3'],
  startMs: at(6),
  endMs: at(18),
  scrapeIntervalMs: 15 * SECOND,
  metrics: {
    memory: 'process_resident_memory_bytes',
    cacheSize: 'webapp_cache_size_bytes',
    cacheEntries: 'webapp_cache_entries',
    requests: 'http_requests_total',
    up: 'up',
  },
  statusCodes: ['200', '500', '503'],
  /** The postmortem's timeline; instances react to each step a little apart (rolling actions). */
  timeline: {
    leakStartMs: at(8, 28),
    outageStartMs: at(10),
    mitigationMs: at(12),
    fixMs: at(12, 30),
  },
} as const;

export type InstanceName = (typeof SCENARIO.instances)[number];

interface InstanceProfile {
  /** Resident memory besides the cache. */
  readonly runtimeBytes: number;
  readonly leakStartMs: number;
  /** When the leak alone would take memory across the alert threshold. */
  readonly thresholdCrossingMs: number;
  readonly trafficShare: number;
  /** Share of requests failing with 5xx at the height of the outage. */
  readonly outageErrorShare: number;
  readonly outageOnsetDelayMs: number;
  readonly mitigationDelayMs: number;
  readonly fixDelayMs: number;
}

// web-1 starts leaking first (08:28); web-2 leaks fastest, so it crosses the threshold first, just
// before 10:00, and fails most.
const PROFILES: Readonly<Record<InstanceName, InstanceProfile>> = {
  'web-1': {
    runtimeBytes: 540 * MiB,
    leakStartMs: at(8, 28),
    thresholdCrossingMs: at(10, 4),
    trafficShare: 1,
    outageErrorShare: 0.6,
    outageOnsetDelayMs: 2 * MINUTE,
    mitigationDelayMs: 30 * SECOND,
    fixDelayMs: 1 * MINUTE,
  },
  'web-2': {
    runtimeBytes: 553 * MiB,
    leakStartMs: at(8, 32),
    thresholdCrossingMs: at(9, 58),
    trafficShare: 1.06,
    outageErrorShare: 0.68,
    outageOnsetDelayMs: 0,
    mitigationDelayMs: 0,
    fixDelayMs: 0,
  },
  'web-3': {
    runtimeBytes: 546 * MiB,
    leakStartMs: at(8, 36),
    thresholdCrossingMs: at(10, 12),
    trafficShare: 0.94,
    outageErrorShare: 0.53,
    outageOnsetDelayMs: 5 * MINUTE,
    mitigationDelayMs: 1 * MINUTE,
    fixDelayMs: 2 * MINUTE,
  },
};

const NORMAL_CACHE_BYTES = 56 * MiB;
const AVERAGE_ENTRY_BYTES = 5 * 1024;
const LEAK_EXPONENT = 1.5;
/** After crossing, growth slows (GC thrashing, evictions of what can still be evicted). */
const LEAK_SLOWDOWN_MS = 45 * MINUTE;
/** The 12:00 stop-gap caps the cache: it keeps this share of the leak and creeps slowly. */
const MITIGATION_KEPT_SHARE = 0.3;
const MITIGATION_CREEP_BYTES_PER_MS = (3 * MiB) / MINUTE;
const FIX_RELEASE_MS = 90 * SECOND;
const NORMAL_ERROR_SHARE = 0.005;
const MITIGATION_RESIDUAL_ERROR_SHARE = 0.2;

function leakedBytes(profile: InstanceProfile, t: number): number {
  const { leakStartMs: start, thresholdCrossingMs: crossing } = profile;
  if (t <= start) return 0;
  // Sized so that runtime + normal cache + leak reaches the threshold (plus a margin) at `crossing`.
  const atCrossing = MEMORY_ALERT_THRESHOLD_BYTES + 4 * MiB - profile.runtimeBytes - NORMAL_CACHE_BYTES;
  const grown = (until: number): number => {
    if (until <= crossing) return atCrossing * ((until - start) / (crossing - start)) ** LEAK_EXPONENT;
    const slopeAtCrossing = (LEAK_EXPONENT * atCrossing) / (crossing - start);
    return atCrossing + slopeAtCrossing * LEAK_SLOWDOWN_MS * Math.log1p((until - crossing) / LEAK_SLOWDOWN_MS);
  };
  const mitigation = SCENARIO.timeline.mitigationMs + profile.mitigationDelayMs;
  if (t < mitigation) return grown(t);
  const fix = SCENARIO.timeline.fixMs + profile.fixDelayMs;
  const capped = (until: number): number =>
    grown(mitigation) * MITIGATION_KEPT_SHARE + (until - mitigation) * MITIGATION_CREEP_BYTES_PER_MS;
  if (t < fix) return capped(t);
  return capped(fix) * Math.exp(-(t - fix) / FIX_RELEASE_MS);
}

/** Share of requests answered 5xx above the normal background rate. */
function excessErrorShare(profile: InstanceProfile, t: number, seed: number): number {
  const onset = SCENARIO.timeline.outageStartMs + profile.outageOnsetDelayMs;
  if (t < onset) return 0;
  const peak = profile.outageErrorShare * (1 + 0.05 * wander(seed, t, 3 * MINUTE)) - NORMAL_ERROR_SHARE;
  const mitigation = SCENARIO.timeline.mitigationMs + profile.mitigationDelayMs;
  if (t < mitigation) return peak * Math.min(1, (t - onset) / (6 * MINUTE));
  const residual = profile.outageErrorShare * MITIGATION_RESIDUAL_ERROR_SHARE;
  const afterMitigation = (until: number): number =>
    residual + (peak - residual) * Math.exp(-(until - mitigation) / MINUTE);
  const fix = SCENARIO.timeline.fixMs + profile.fixDelayMs;
  if (t < fix) return afterMitigation(t);
  return afterMitigation(fix) * Math.exp(-(t - fix) / (2 * MINUTE));
}

/** Requests per second before errors are split off: a working-day curve peaking early afternoon. */
function requestRate(profile: InstanceProfile, t: number, seed: number): number {
  const hourOfDay = (t - at(0)) / HOUR;
  const daily = 170 + 150 * Math.exp(-(((hourOfDay - 13) / 4) ** 2));
  return profile.trafficShare * daily * (1 + 0.05 * wander(seed, t, 5 * MINUTE));
}

function sampleTimestamps(): number[] {
  const timestamps: number[] = [];
  for (let t = SCENARIO.startMs; t <= SCENARIO.endMs; t += SCENARIO.scrapeIntervalMs) timestamps.push(t);
  return timestamps;
}

function freezeSeries(labels: Record<string, string>, timestamps: readonly number[], values: number[]): RawSeries {
  return Object.freeze({
    labels: Object.freeze(labels),
    timestamps,
    values: Object.freeze(values),
  });
}

interface InstanceSeries {
  readonly memory: RawSeries;
  readonly cacheSize: RawSeries;
  readonly cacheEntries: RawSeries;
  readonly requests: readonly RawSeries[];
  readonly up: RawSeries;
}

function instanceSeries(instance: InstanceName, timestamps: readonly number[]): InstanceSeries {
  const profile = PROFILES[instance];
  const seed = (channel: string): number => seedOf(`${instance}/${channel}`);
  const seeds = {
    runtime: seed('runtime'),
    runtimeJitter: seed('runtime-jitter'),
    cache: seed('cache'),
    entrySize: seed('entry-size'),
    traffic: seed('traffic'),
    trafficJitter: seed('traffic-jitter'),
    normalErrors: seed('normal-errors'),
    outageErrors: seed('outage-errors'),
    counterStart: seed('counter-start'),
  };
  const memory: number[] = [];
  const cacheSize: number[] = [];
  const cacheEntries: number[] = [];
  const codes = SCENARIO.statusCodes;
  const counts = codes.map(() => [] as number[]);
  // Counters have been counting since the process started, long before the scenario window.
  const startTotal = 4e6 + 2e6 * uniform(seeds.counterStart, 0);
  const accumulated = [startTotal * 0.995, startTotal * 0.004, startTotal * 0.001];
  const intervalSeconds = SCENARIO.scrapeIntervalMs / SECOND;

  timestamps.forEach((t, i) => {
    const cache =
      NORMAL_CACHE_BYTES * (1 + 0.1 * wander(seeds.cache, t, 10 * MINUTE)) + leakedBytes(profile, t);
    const runtime =
      profile.runtimeBytes + 8 * MiB * wander(seeds.runtime, t, 10 * MINUTE) + 2 * MiB * jitter(seeds.runtimeJitter, i);
    cacheSize.push(Math.round(cache));
    memory.push(Math.round(runtime + cache));
    cacheEntries.push(Math.round(cache / (AVERAGE_ENTRY_BYTES * (1 + 0.05 * wander(seeds.entrySize, t, 20 * MINUTE)))));

    const requests = requestRate(profile, t, seeds.traffic) * (1 + 0.02 * jitter(seeds.trafficJitter, i)) * intervalSeconds;
    const normal = NORMAL_ERROR_SHARE * (1 + 0.3 * wander(seeds.normalErrors, t, 7 * MINUTE));
    const excess = excessErrorShare(profile, t, seeds.outageErrors);
    // Normally most 5xx are application errors (500); under memory pressure the server sheds load (503).
    const share500 = normal * 0.8 + excess * 0.25;
    const share503 = normal * 0.2 + excess * 0.75;
    const shares = [1 - share500 - share503, share500, share503];
    shares.forEach((share, c) => {
      if (i > 0) accumulated[c] = (accumulated[c] ?? 0) + requests * share;
      counts[c]?.push(Math.floor(accumulated[c] ?? 0));
    });
  });

  const base = { instance, job: SCENARIO.job };
  const { metrics } = SCENARIO;
  return {
    memory: freezeSeries({ __name__: metrics.memory, ...base }, timestamps, memory),
    cacheSize: freezeSeries({ __name__: metrics.cacheSize, ...base }, timestamps, cacheSize),
    cacheEntries: freezeSeries({ __name__: metrics.cacheEntries, ...base }, timestamps, cacheEntries),
    requests: codes.map((code, c) =>
      freezeSeries({ __name__: metrics.requests, code, ...base }, timestamps, counts[c] ?? []),
    ),
    up: freezeSeries({ __name__: metrics.up, ...base }, timestamps, timestamps.map(() => 1)),
  };
}

let memoised: readonly RawSeries[] | undefined;

/**
 * Every raw series of the scenario, grouped by metric family (memory, cache size, cache entries,
 * requests, up). Computed once; the arrays are frozen and shared, so treat them as read-only.
 */
export function rawSeries(): readonly RawSeries[] {
  if (memoised) return memoised;
  const timestamps = Object.freeze(sampleTimestamps());
  const perInstance = SCENARIO.instances.map((instance) => instanceSeries(instance, timestamps));
  memoised = Object.freeze([
    ...perInstance.map((s) => s.memory),
    ...perInstance.map((s) => s.cacheSize),
    ...perInstance.map((s) => s.cacheEntries),
    ...perInstance.flatMap((s) => s.requests),
    ...perInstance.map((s) => s.up),
  ]);
  return memoised;
}

/** Each scenario metric's type, as its exposition and `/api/v1/metadata` state it. */
export const METRIC_TYPES: Readonly<Record<string, 'gauge' | 'counter'>> = {
  [SCENARIO.metrics.memory]: 'gauge',
  [SCENARIO.metrics.cacheSize]: 'gauge',
  [SCENARIO.metrics.cacheEntries]: 'gauge',
  [SCENARIO.metrics.requests]: 'counter',
  [SCENARIO.metrics.up]: 'gauge',
};

/** The scenario as OpenMetrics text, for `promtool tsdb create-blocks-from openmetrics`. */
export function toOpenMetrics(): string {
  return formatOpenMetrics(rawSeries(), METRIC_TYPES);
}

/**
 * The scenario plus a copy of its first (quiet) `durationMs` moved to end at `endMs`, as one
 * OpenMetrics document. A live set-up backfilled with it shows a full "now-15m" window from its
 * first minute, instead of a window that fills up as the exporter gets scraped.
 */
export function toOpenMetricsWithRecentHistory(endMs: number, durationMs: number): string {
  const shift = endMs - (SCENARIO.startMs + durationMs);
  const merged = rawSeries().map((series) => {
    const copied = series.timestamps.filter((t) => t <= SCENARIO.startMs + durationMs).length;
    return {
      labels: series.labels,
      timestamps: [...series.timestamps, ...series.timestamps.slice(0, copied).map((t) => t + shift)],
      values: [...series.values, ...series.values.slice(0, copied)],
    };
  });
  return formatOpenMetrics(merged, METRIC_TYPES);
}

/** The scenario in the text exposition format with ms timestamps, for VictoriaMetrics' `/api/v1/import/prometheus`. */
export function toPrometheusImportLines(): string {
  return formatPrometheusImportLines(rawSeries());
}
