import type { PanelLine } from '../panels';
import type { SeriesSet } from '../series';

/** How the legend names a shift: "1 day earlier", "1 week earlier". */
export function shiftWords(shiftMs: number): string {
  const day = 86_400_000;
  if (shiftMs % (7 * day) === 0) return shiftMs === 7 * day ? '1 week earlier' : `${shiftMs / (7 * day)} weeks earlier`;
  if (shiftMs % day === 0) return shiftMs === day ? '1 day earlier' : `${shiftMs / day} days earlier`;
  return `${Math.round(shiftMs / 60_000)} min earlier`;
}

/**
 * "Compare to" by shifting time, not by rewriting PromQL: the query is asked for the range
 * `shiftMs` earlier and its timestamps are moved forward by `shiftMs`. For every plain selector this
 * is what `offset` gives, and unlike inserting `offset` it stays right for queries that already
 * carry `offset` or `@`, for subqueries, and for `$__` built-ins, with no PromQL parser (Grafana's
 * panel "time shift" works the same way). Only the lines drawn get an earlier twin: the series
 * budget holds for both, and a twin takes its line's colour, dashed.
 */
export function earlierLines(
  drawn: readonly PanelLine[],
  earlier: readonly (SeriesSet | undefined)[],
  shiftMs: number,
  lineKey: (queryIndex: number, labels: SeriesSet['series'][number]['labels']) => string,
): PanelLine[] {
  const byKey = new Map<string, SeriesSet['series'][number]>();
  earlier.forEach((set, qi) => {
    for (const series of set?.series ?? []) byKey.set(lineKey(qi, series.labels), series);
  });
  const words = shiftWords(shiftMs);
  const out: PanelLine[] = [];
  for (const line of drawn) {
    const series = byKey.get(line.key);
    if (!series) continue;
    out.push({
      ...line,
      key: `${line.key}|earlier`,
      name: `${line.name} (${words})`,
      earlier: true,
      series: { labels: series.labels, timestamps: series.timestamps.map((t) => t + shiftMs), values: series.values },
    });
  }
  return out;
}

/**
 * What "Compare to" says when the earlier period has nothing to draw beside the lines (a new
 * metric, retention shorter than the shift): silence would read as "the same as before". Null
 * while the earlier answers are still coming, when there is nothing drawn to compare, or when every
 * drawn line has its twin.
 */
export function missingComparison(shiftMs: number, drawnCount: number, twinCount: number, answered: boolean): string | null {
  if (!answered || drawnCount === 0 || twinCount >= drawnCount) return null;
  const words = shiftWords(shiftMs);
  return twinCount === 0 ? `No data ${words}` : `No data ${words} for ${drawnCount - twinCount} of ${drawnCount} series`;
}
