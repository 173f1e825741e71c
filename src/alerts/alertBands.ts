import type { FiringPeriod } from './firingPeriods';

/**
 * What a panel draws for alerts: one thin band per firing period, or one band for a run of
 * flapping periods (an alert that fires and resolves again and again floods a chart with marks
 * otherwise: grafana/grafana#6244, #18174).
 */
export interface AlertBand {
  /** Stable while the same periods are drawn: alert, instance, first start and count. */
  readonly key: string;
  readonly alertname: string;
  readonly instance: string | undefined;
  readonly start: number;
  readonly end: number;
  /** How many firing periods the band stands for: 1, or FLAPPING_MIN_PERIODS and more. */
  readonly periods: number;
  /** Still firing at the end of the range asked: its end is "now", not a time. */
  readonly ongoing: boolean;
}

/** A run of at least this many periods, each close to the next, is drawn as one "flapping" band. */
export const FLAPPING_MIN_PERIODS = 3;

/**
 * Periods closer than this share of the range (2 %, about 20 px of a 1,000 px plot) would print
 * into one another; a run of them is flapping.
 */
export const FLAPPING_GAP_SHARE = 0.02;

export function flappingGapFor(start: number, end: number): number {
  return Math.max(0, end - start) * FLAPPING_GAP_SHARE;
}

function rowKey(p: { readonly alertname: string; readonly instance: string | undefined }): string {
  return JSON.stringify([p.alertname, p.instance ?? null]);
}

function band(run: readonly FiringPeriod[], ongoingFrom: number): AlertBand {
  const first = run[0] as FiringPeriod;
  const end = Math.max(...run.map((p) => p.end));
  return {
    key: `${rowKey(first)}@${first.start}+${run.length}`,
    alertname: first.alertname,
    instance: first.instance,
    start: first.start,
    end,
    periods: run.length,
    ongoing: end >= ongoingFrom,
  };
}

/**
 * Bands from periods (any order). Within one alert and instance, periods in time order chain while
 * each starts at most `closeMs` after the previous one ended; a chain of FLAPPING_MIN_PERIODS or
 * more becomes one band, a shorter chain stays one band per period. A band ending at or after
 * `ongoingFrom` (the range's last step or two, see JOIN_TOLERANCE_STEPS) is still firing.
 */
export function alertBands(periods: readonly FiringPeriod[], closeMs: number, ongoingFrom = Infinity): AlertBand[] {
  const gap = Number.isFinite(closeMs) ? Math.max(0, closeMs) : 0;
  const byRow = new Map<string, FiringPeriod[]>();
  for (const p of periods) {
    const key = rowKey(p);
    const row = byRow.get(key);
    if (row) row.push(p);
    else byRow.set(key, [p]);
  }
  const bands: AlertBand[] = [];
  // Two ALERTS series of one alert and instance (differing in another label) can fire over the same
  // time: their bands would share a key, and React would draw one of them twice.
  const seen = new Map<string, number>();
  const push = (b: AlertBand) => {
    const n = seen.get(b.key) ?? 0;
    seen.set(b.key, n + 1);
    bands.push(n === 0 ? b : { ...b, key: `${b.key}#${n}` });
  };
  for (const row of byRow.values()) {
    row.sort((a, b) => a.start - b.start || a.end - b.end);
    let run: FiringPeriod[] = [];
    let runEnd = -Infinity;
    const flush = () => {
      if (run.length >= FLAPPING_MIN_PERIODS) push(band(run, ongoingFrom));
      else for (const p of run) push(band([p], ongoingFrom));
      run = [];
    };
    for (const p of row) {
      if (run.length > 0 && p.start - runEnd > gap) flush();
      run.push(p);
      runEnd = run.length === 1 ? p.end : Math.max(runEnd, p.end);
    }
    flush();
  }
  return bands.sort((a, b) => a.alertname.localeCompare(b.alertname) || (a.instance ?? '').localeCompare(b.instance ?? '') || a.start - b.start);
}

/**
 * The bands a panel draws (grafana/grafana#7375: an instance's alert showed on every panel). A panel
 * whose series carry `instance` labels shows the alerts of those instances, and alerts that name no
 * instance; a panel with no instance labels at all (an aggregate over every instance) shows all.
 */
export function bandsForPanel(bands: readonly AlertBand[], panelInstances: ReadonlySet<string>): readonly AlertBand[] {
  if (panelInstances.size === 0) return bands;
  return bands.filter((b) => b.instance === undefined || panelInstances.has(b.instance));
}

export interface AlertRow {
  readonly key: string;
  readonly alertname: string;
  readonly instance: string | undefined;
  readonly bands: readonly AlertBand[];
}

/** Rows of a panel's alert strip: at most this many, the rest counted. */
export const MAX_ALERT_ROWS = 6;

/** One row per alert and instance, in the order of `bands` (alert name, then instance). */
export function alertRows(bands: readonly AlertBand[], maxRows = MAX_ALERT_ROWS): { readonly rows: readonly AlertRow[]; readonly omittedRows: number } {
  const rows = new Map<string, { key: string; alertname: string; instance: string | undefined; bands: AlertBand[] }>();
  for (const b of bands) {
    const key = rowKey(b);
    const row = rows.get(key);
    if (row) row.bands.push(b);
    else rows.set(key, { key, alertname: b.alertname, instance: b.instance, bands: [b] });
  }
  const all = [...rows.values()];
  return { rows: all.slice(0, Math.max(0, maxRows)), omittedRows: Math.max(0, all.length - Math.max(0, maxRows)) };
}
