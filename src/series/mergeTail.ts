import { compareLabels, labelsIdentity } from './labels';
import type { Series } from './types';

/** The window a merge produces: what a full fetch of it would have asked (all ms, inclusive). */
export interface MergeWindow {
  readonly start: number;
  readonly end: number;
}

/** First index whose time is at least `t` (times ascending). */
function firstAtOrAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose time is beyond `t`. */
function firstAfter(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The columns of a moving window from the columns already held and a fetched tail: held samples in
 * [window.start, tailFrom), tail samples in [tailFrom, window.end]. What scrolled out before
 * `window.start` is dropped; the tail replaces everything held from `tailFrom` on (late scrapes and
 * the last, incomplete evaluation are corrected there); a series with no sample left is dropped, a
 * new one joins; series come in Prometheus's label order.
 *
 * Equals a full fetch of the window when both answers share its evaluation grid (start and
 * `tailFrom` whole steps apart) and nothing before `tailFrom` changed on the server since `held`
 * was fetched: Prometheus evaluates every step of a range query on its own.
 */
export function mergeTail(held: readonly Series[], tail: readonly Series[], window: MergeWindow, tailFrom: number): Series[] {
  const byIdentity = new Map<string, { labels: Series['labels']; head?: Series; tail?: Series }>();
  for (const series of held) {
    const from = firstAtOrAfter(series.timestamps, window.start);
    const to = firstAtOrAfter(series.timestamps, Math.min(tailFrom, window.end + 1));
    if (to <= from) continue;
    const head = from === 0 && to === series.timestamps.length ? series : { labels: series.labels, timestamps: series.timestamps.slice(from, to), values: series.values.slice(from, to) };
    byIdentity.set(labelsIdentity(series.labels), { labels: series.labels, head });
  }
  for (const series of tail) {
    const from = firstAtOrAfter(series.timestamps, Math.max(tailFrom, window.start));
    const to = firstAfter(series.timestamps, window.end);
    if (to <= from) continue;
    const kept = { labels: series.labels, timestamps: series.timestamps.slice(from, to), values: series.values.slice(from, to) };
    const identity = labelsIdentity(series.labels);
    const entry = byIdentity.get(identity);
    if (entry) entry.tail = kept;
    else byIdentity.set(identity, { labels: series.labels, tail: kept });
  }
  const merged: Series[] = [];
  for (const { labels, head, tail: end } of byIdentity.values()) {
    if (head && end) merged.push({ labels, timestamps: head.timestamps.concat(end.timestamps), values: head.values.concat(end.values) });
    else merged.push((head ?? end) as Series);
  }
  return merged.sort((a, b) => compareLabels(a.labels, b.labels));
}
