import type { FetchFacts, SeriesSet } from '../series/types';
import type { RangeQueryParams } from './client';

/**
 * Incremental refresh of a moving range (config.json `datasource.incremental`). Grafana's
 * Prometheus "incremental querying" is the model; its overlap window defaults to 10m.
 */
export interface IncrementalPolicy {
  /** Asked again before the last complete evaluation, so late samples are corrected. */
  readonly overlapMs: number;
  /** A full fetch at least this often, whatever the tails said. */
  readonly fullEveryMs: number;
}

/** What a refresh asks: the whole range, or only from `from` (a whole step of the range's grid). */
export type FetchPlan = { readonly kind: 'full' } | { readonly kind: 'tail'; readonly from: number };

/** The answer held for the same expression, with what it was asked. */
export interface HeldAnswer {
  readonly expr: string;
  readonly set: SeriesSet;
}

const FULL: FetchPlan = { kind: 'full' };

/**
 * `@ start()` and `@ end()` evaluate at the query's own start or end: a tail would ask another
 * instant than the whole range does.
 */
export function dependsOnQueryRange(expr: string): boolean {
  return /@\s*(?:start|end)\s*\(\s*\)/.test(expr);
}

/**
 * A negative `offset` reads samples after the evaluation time: an evaluation is final only once
 * those have come, however old it is.
 */
export function readsLaterSamples(expr: string): boolean {
  return /\boffset\s*-/.test(expr);
}

/**
 * Whole range or tail. Evaluations up to the moment the held answer was asked (or its end, if
 * earlier: an evaluation in the future reads only the samples so far), less the overlap, were
 * final then; the tail starts at the first evaluation of the range's step grid after them, the
 * first that may have changed. Anything that would make the
 * held columns differ from a full fetch asks everything: another expression or step, a grid
 * shifted by part of a step, a range that grew backwards, a held answer too old.
 */
export function planRangeFetch(held: HeldAnswer | undefined, wanted: RangeQueryParams, policy: IncrementalPolicy | undefined, now: number): FetchPlan {
  if (!policy || !held) return FULL;
  const { set } = held;
  const facts = set.fetch;
  if (!facts || held.expr !== wanted.expr || set.step !== wanted.step || !(wanted.step > 0)) return FULL;
  if (dependsOnQueryRange(wanted.expr) || readsLaterSamples(wanted.expr)) return FULL;
  if (!(now >= facts.fullAt && now - facts.fullAt < policy.fullEveryMs)) return FULL;
  if (wanted.start < set.start || wanted.end < set.end || (wanted.start - set.start) % wanted.step !== 0) return FULL;
  const settled = Math.min(set.end, facts.fetchedAt) - policy.overlapMs;
  const from = wanted.start + (Math.floor((settled - wanted.start) / wanted.step) + 1) * wanted.step;
  return from > wanted.start ? { kind: 'tail', from } : FULL;
}

/** The facts a new answer carries, so the next refresh can plan from it. */
export function fetchFactsOf(plan: FetchPlan, wanted: RangeQueryParams, held: HeldAnswer | undefined, fetchedAt: number): FetchFacts {
  if (plan.kind === 'full') return { kind: 'full', from: wanted.start, fetchedAt, fullAt: fetchedAt };
  return { kind: 'tail', from: plan.from, fetchedAt, fullAt: held?.set.fetch?.fullAt ?? fetchedAt };
}
