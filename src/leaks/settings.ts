import { parseDuration, MINUTE_MS, DAY_MS } from '../time';
import type { LeakWatchSettings } from './estimateLeak';

/** A panel's `leakWatch` option as the dashboard JSON writes it. */
export interface LeakWatchOption {
  /** Default: the panel's lowest threshold. */
  readonly limit?: number;
  /** Prometheus duration, e.g. "2h". */
  readonly horizon: string;
  /** Prometheus duration; default `DEFAULT_LEAK_WINDOW`. */
  readonly window?: string;
}

/** Long enough to hold the quiet baseline before a leak of hours, short enough to follow a change. */
export const DEFAULT_LEAK_WINDOW = '2h';
/** Durations the estimator accepts: below a minute there is no trend to speak of; beyond 30 days no panel holds the samples. */
export const LEAK_DURATION_BOUNDS_MS = { min: MINUTE_MS, max: 30 * DAY_MS } as const;

export type LeakWatchResolution =
  | { readonly ok: true; readonly settings: LeakWatchSettings }
  | { readonly ok: false; readonly reason: 'no-limit' | 'bad-duration' };

/** Why a duration cannot be used, or null when it can. */
export function leakDurationProblem(text: string): string | null {
  const ms = parseDuration(text);
  if (ms === null) return 'is not a Prometheus duration such as "2h" or "90m"';
  if (ms < LEAK_DURATION_BOUNDS_MS.min || ms > LEAK_DURATION_BOUNDS_MS.max) return 'must be between 1m and 30d';
  return null;
}

export function resolveLeakWatch(option: LeakWatchOption, thresholds: readonly { readonly value: number }[]): LeakWatchResolution {
  const finiteThresholds = thresholds.map((t) => t.value).filter(Number.isFinite);
  const limit = option.limit ?? (finiteThresholds.length > 0 ? Math.min(...finiteThresholds) : undefined);
  if (limit === undefined || !Number.isFinite(limit)) return { ok: false, reason: 'no-limit' };
  const window = option.window ?? DEFAULT_LEAK_WINDOW;
  if (leakDurationProblem(option.horizon) || leakDurationProblem(window)) return { ok: false, reason: 'bad-duration' };
  return { ok: true, settings: { limit, horizonMs: parseDuration(option.horizon) as number, windowMs: parseDuration(window) as number } };
}
