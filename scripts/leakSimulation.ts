// A live, compressed replay of the 2024-01-15 incident for `npm run stack`: three instances whose
// cache leaks once triggered, memory pressure turning into 5xx, and a fix that releases the leak.
// Pure state and arithmetic; the exporter turns it into metrics.
import { MEMORY_ALERT_THRESHOLD_BYTES, SCENARIO, type InstanceName } from '../mocks/scenario';

const MiB = 1024 * 1024;

type StatusCode = (typeof SCENARIO.statusCodes)[number];

export interface InstanceReading {
  instance: InstanceName;
  memoryBytes: number;
  cacheBytes: number;
  cacheEntries: number;
  /** Requests served since the exporter started, per status code (counters). */
  requestsTotal: Record<StatusCode, number>;
}

interface InstanceProfile {
  runtimeBytes: number;
  /** How fast the cache leaks while the leak is on; web-2 leaks fastest, as in the scenario. */
  leakBytesPerSecond: number;
  requestsPerSecond: number;
  /** Share of requests failing at full memory pressure. */
  peakErrorShare: number;
}

// Leak rates sized so web-2 crosses the alert threshold about two minutes after /leak/start:
// long enough to watch it grow, short enough for a demo.
const PROFILES: Record<InstanceName, InstanceProfile> = {
  'web-1': { runtimeBytes: 540 * MiB, leakBytesPerSecond: 6 * MiB, requestsPerSecond: 200, peakErrorShare: 0.6 },
  'web-2': { runtimeBytes: 553 * MiB, leakBytesPerSecond: 8 * MiB, requestsPerSecond: 212, peakErrorShare: 0.68 },
  'web-3': { runtimeBytes: 546 * MiB, leakBytesPerSecond: 5 * MiB, requestsPerSecond: 188, peakErrorShare: 0.53 },
};

const NORMAL_CACHE_BYTES = 56 * MiB;
const AVERAGE_ENTRY_BYTES = 5 * 1024;
const NORMAL_ERROR_SHARE = 0.005;
/** Past the threshold the leak slows (GC thrashing, evicting what still can be); this sets how fast. */
const SLOWDOWN_BYTES = 256 * MiB;
/** After the fix the leaked bytes drain with this time constant. */
const FIX_RELEASE_SECONDS = 20;
/** Pressure (and errors) starts at this share of the alert threshold and is full at the threshold. */
const PRESSURE_ONSET_SHARE = 0.8;

interface InstanceState {
  leakedBytes: number;
  requestsTotal: Record<StatusCode, number>;
  /** Slow drift of the normal cache size, between -1 and 1. */
  cacheDrift: number;
}

export interface LeakSimulation {
  readonly leaking: boolean;
  startLeak(): void;
  fixLeak(): void;
  /** Moves the simulation forward by `seconds`. */
  advance(seconds: number): void;
  readings(): InstanceReading[];
}

/** `random` returns numbers in [0, 1); tests pass a seeded one. */
export function createLeakSimulation(random: () => number = Math.random): LeakSimulation {
  const instances = SCENARIO.instances;
  const state = new Map<InstanceName, InstanceState>(
    instances.map((instance) => [
      instance,
      { leakedBytes: 0, cacheDrift: 0, requestsTotal: { '200': 0, '500': 0, '503': 0 } },
    ]),
  );
  let leaking = false;

  const memoryOf = (instance: InstanceName, s: InstanceState) =>
    PROFILES[instance].runtimeBytes + cacheOf(s);
  const cacheOf = (s: InstanceState) => NORMAL_CACHE_BYTES * (1 + 0.1 * s.cacheDrift) + s.leakedBytes;

  return {
    get leaking() {
      return leaking;
    },
    startLeak() {
      leaking = true;
    },
    fixLeak() {
      leaking = false;
    },
    advance(seconds) {
      for (const instance of instances) {
        const s = state.get(instance);
        if (!s) continue;
        const profile = PROFILES[instance];
        s.cacheDrift = clamp(s.cacheDrift + (random() - 0.5) * 0.2 * seconds, -1, 1);
        if (leaking) {
          const overThreshold = Math.max(0, memoryOf(instance, s) - MEMORY_ALERT_THRESHOLD_BYTES);
          s.leakedBytes += (profile.leakBytesPerSecond * seconds) / (1 + overThreshold / SLOWDOWN_BYTES);
        } else {
          s.leakedBytes *= Math.exp(-seconds / FIX_RELEASE_SECONDS);
        }
        const errorShare = NORMAL_ERROR_SHARE + profile.peakErrorShare * memoryPressure(memoryOf(instance, s));
        const requests = profile.requestsPerSecond * seconds * (0.95 + 0.1 * random());
        // Normally most 5xx are application errors (500); under memory pressure the server sheds load (503).
        const pressureShare = errorShare - NORMAL_ERROR_SHARE;
        const share500 = NORMAL_ERROR_SHARE * 0.8 + pressureShare * 0.25;
        const share503 = NORMAL_ERROR_SHARE * 0.2 + pressureShare * 0.75;
        s.requestsTotal['200'] += requests * (1 - share500 - share503);
        s.requestsTotal['500'] += requests * share500;
        s.requestsTotal['503'] += requests * share503;
      }
    },
    readings() {
      return instances.map((instance) => {
        const s = state.get(instance) as InstanceState;
        const cacheBytes = cacheOf(s);
        return {
          instance,
          memoryBytes: Math.round(memoryOf(instance, s)),
          cacheBytes: Math.round(cacheBytes),
          cacheEntries: Math.round(cacheBytes / AVERAGE_ENTRY_BYTES),
          requestsTotal: { ...s.requestsTotal },
        };
      });
    },
  };
}

/** 0 below 80 % of the alert threshold, rising linearly to 1 at the threshold. */
export function memoryPressure(memoryBytes: number): number {
  const onset = MEMORY_ALERT_THRESHOLD_BYTES * PRESSURE_ONSET_SHARE;
  return clamp((memoryBytes - onset) / (MEMORY_ALERT_THRESHOLD_BYTES - onset), 0, 1);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
