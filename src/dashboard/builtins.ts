import { formatPromDuration, type StepFacts } from '../time';
import type { VariableValues } from './variables';

/** Prometheus's and Grafana's default scrape interval. */
export const DEFAULT_SCRAPE_INTERVAL_MS = 15_000;

/** What the built-in interval variables stand for in one panel's queries, and why. */
export interface IntervalFacts {
  /** `$__interval`: the query step. */
  readonly intervalMs: number;
  readonly step: StepFacts;
  readonly scrapeIntervalMs: number;
  /** `$__rate_interval`. */
  readonly rateIntervalMs: number;
  /** Which side of Grafana's max() won. */
  readonly rateRule: 'interval-plus-scrape' | 'four-scrapes';
  /** `$__range`: the queried range. */
  readonly rangeMs: number;
}

/**
 * Grafana's definitions: `$__interval` is the step; `$__rate_interval` is
 * max($__interval + scrape interval, 4 × scrape interval), so a rate() window always holds at
 * least four scrapes and never leaves a gap between steps; `$__range` is end − start.
 */
export function intervalFacts(p: { readonly start: number; readonly end: number; readonly step: StepFacts; readonly scrapeIntervalMs: number }): IntervalFacts {
  const intervalMs = p.step.step;
  const plusScrape = intervalMs + p.scrapeIntervalMs;
  const fourScrapes = 4 * p.scrapeIntervalMs;
  return {
    intervalMs,
    step: p.step,
    scrapeIntervalMs: p.scrapeIntervalMs,
    rateIntervalMs: Math.max(plusScrape, fourScrapes),
    rateRule: plusScrape >= fourScrapes ? 'interval-plus-scrape' : 'four-scrapes',
    rangeMs: Math.max(0, p.end - p.start),
  };
}

const one = (text: string) => ({ selected: [text], all: false });

/**
 * The built-ins as variable values for `interpolate`, written the way Grafana's Prometheus data
 * source writes them: durations PromQL accepts (`30s`, `1m15s`), `$__range` in whole seconds
 * rounded up, and `_ms`/`_s` forms as plain numbers.
 */
export function builtinValues(facts: IntervalFacts): VariableValues {
  const rangeS = Math.ceil(facts.rangeMs / 1000);
  return {
    __interval: one(formatPromDuration(facts.intervalMs)),
    __interval_ms: one(String(facts.intervalMs)),
    __rate_interval: one(formatPromDuration(facts.rateIntervalMs)),
    __rate_interval_ms: one(String(facts.rateIntervalMs)),
    __range: one(`${rangeS}s`),
    __range_s: one(String(rangeS)),
    __range_ms: one(String(facts.rangeMs)),
  };
}
