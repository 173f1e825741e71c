import { statsOf, type Series } from '../series';
import type { PanelLine } from './types';

/**
 * Series a panel draws unless its spec says otherwise (`maxSeries`). Each series is a path, a
 * legend row and a tooltip row: 100,000 series once made 2.8 million DOM nodes, and twenty lines
 * are already more than anyone can tell apart.
 */
export const DEFAULT_MAX_SERIES = 20;

export interface SeriesBudget<L = PanelLine> {
  /** The lines to draw, in their original order. */
  readonly kept: readonly L[];
  /** How many lines were left out. */
  readonly omitted: number;
}

/**
 * At most `max` lines: those with the highest maximum (the ones an incident makes stand out),
 * ties and series without a number kept in their original order. O(n log n) in the lines.
 */
export function chooseSeries<L extends { readonly series: Series }>(lines: readonly L[], max: number): SeriesBudget<L> {
  const limit = Math.max(0, Math.floor(max));
  if (lines.length <= limit) return { kept: lines, omitted: 0 };
  const peaks = lines.map((line) => {
    // The worker's figures where the answer came through it: no column is read here.
    const peak = statsOf(line.series).max;
    return Number.isNaN(peak) ? -Infinity : peak;
  });
  const ranked = lines.map((_, i) => i).sort((a, b) => (peaks[b] as number) - (peaks[a] as number) || a - b);
  const chosen = new Set(ranked.slice(0, limit));
  return { kept: lines.filter((_, i) => chosen.has(i)), omitted: lines.length - chosen.size };
}
