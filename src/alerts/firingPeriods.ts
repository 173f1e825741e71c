import type { Labels, Series } from '../series';

/**
 * Firing periods from the `ALERTS{alertstate="firing"}` matrix of a range query.
 *
 * Prometheus writes one ALERTS sample per rule evaluation while an alert fires and a staleness
 * marker when it stops, so a range query answers a sample at every step the alert fired and none
 * where it did not. Grafana joins samples that are at most one step apart into one region; we
 * tolerate one more step (samples at most 2 × step apart are one period), because rule evaluation
 * and the query's step grid are not aligned: an evaluation that lands just after a step can leave
 * one step empty without the alert having stopped. A longer gap splits the series into two periods.
 */
export interface FiringPeriod {
  readonly alertname: string;
  /** The alert's `instance` label, when it has one: which series of a panel it concerns. */
  readonly instance: string | undefined;
  /** The ALERTS series' labels without `__name__` and `alertstate`. */
  readonly labels: Labels;
  /** First and last firing sample (epoch ms); equal for an alert seen at one step only. */
  readonly start: number;
  readonly end: number;
}

/** Samples this many steps apart or closer belong to one period. */
export const JOIN_TOLERANCE_STEPS = 2;

/** An answer with more ALERTS series than this (an alert storm) is cut; see `FiringPeriods.omittedSeries`. */
export const MAX_ALERT_SERIES = 500;

export interface FiringPeriods {
  readonly periods: readonly FiringPeriod[];
  /** ALERTS series past MAX_ALERT_SERIES, counted and left out. */
  readonly omittedSeries: number;
}

function alertLabels(labels: Labels): Labels {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(labels)) if (name !== '__name__' && name !== 'alertstate') out[name] = value;
  return out;
}

/** Periods of every series, ordered by alert name, instance, then start. */
export function firingPeriods(series: readonly Series[], step: number): FiringPeriods {
  const maxGap = JOIN_TOLERANCE_STEPS * (Number.isFinite(step) && step > 0 ? step : 0);
  const periods: FiringPeriod[] = [];
  for (const s of series.slice(0, MAX_ALERT_SERIES)) {
    const labels = alertLabels(s.labels);
    const alertname = labels.alertname ?? '(unnamed alert)';
    const instance = labels.instance;
    let start: number | undefined;
    let last = -Infinity;
    s.timestamps.forEach((t, i) => {
      const v = s.values[i] as number;
      // ALERTS is 1 while firing; anything else (a hand-written series, NaN) is not a firing sample.
      if (!(v > 0)) return;
      if (start !== undefined && t - last > maxGap) {
        periods.push({ alertname, instance, labels, start, end: last });
        start = undefined;
      }
      start ??= t;
      last = t;
    });
    if (start !== undefined) periods.push({ alertname, instance, labels, start, end: last });
  }
  periods.sort(comparePeriods);
  return { periods, omittedSeries: Math.max(0, series.length - MAX_ALERT_SERIES) };
}

function comparePeriods(a: FiringPeriod, b: FiringPeriod): number {
  return a.alertname.localeCompare(b.alertname) || (a.instance ?? '').localeCompare(b.instance ?? '') || a.start - b.start;
}
