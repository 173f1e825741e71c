import { seriesStats } from './downsample';
import type { Series } from './types';

/** Legend figures of one series over its finite values; NaN when there are none. */
export interface SeriesStats {
  readonly last: number;
  readonly max: number;
  readonly min: number;
  readonly mean: number;
}

/**
 * What the answer reader learned about a series while converting it off the page: its figures,
 * and its columns as the typed arrays they came in. Keyed by the Series object, which never
 * changes (its columns are read-only), so a series built from another (merged, sliced, relabelled)
 * is a new object and is never described by figures of the old one.
 */
const statsBySeries = new WeakMap<Series, SeriesStats>();
const packedBySeries = new WeakMap<Series, PackedColumns>();

export interface PackedColumns {
  readonly timestamps: Float64Array;
  readonly values: Float64Array;
}

export function rememberSeriesFacts(series: Series, stats: SeriesStats, packed: PackedColumns): void {
  statsBySeries.set(series, stats);
  packedBySeries.set(series, packed);
}

/**
 * seriesStats of the series' values, without reading them when the worker already did (choosing
 * the 20 series drawn out of 1,000 must not scan a million points on the page: issue 11).
 */
export function statsOf(series: Series): SeriesStats {
  let stats = statsBySeries.get(series);
  if (!stats) {
    stats = seriesStats(series.values);
    statsBySeries.set(series, stats);
  }
  return stats;
}

/** The series' columns as the typed arrays the worker sent, when it came from one. */
export function packedColumnsOf(series: Series): PackedColumns | undefined {
  return packedBySeries.get(series);
}

/** A series' columns to scan, typed or plain. */
export interface ScannedColumns {
  readonly timestamps: ArrayLike<number>;
  readonly values: ArrayLike<number>;
}

/**
 * The columns to scan the series with: the worker's typed arrays when it came from one, so that
 * drawing and watching it copies nothing (reading `series.values` builds a plain array of each
 * column on first use: 20 × 11,000 points cost ~15 ms and their garbage on the page, issue 13).
 */
export function columnsOf(series: Series): ScannedColumns {
  return packedBySeries.get(series) ?? series;
}
