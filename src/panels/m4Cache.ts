import { columnsOf, m4, type PathPoints, type Series } from '../series';

export interface M4Request {
  readonly start: number;
  readonly end: number;
  readonly widthPx: number;
  readonly gapMs: number;
}

/** The M4 columns each series was last drawn with, per chart: a series that did not change is not scanned again. */
export type M4Cache = WeakMap<Series, { readonly request: M4Request; readonly points: PathPoints }>;

export function createM4Cache(): M4Cache {
  return new WeakMap();
}

/**
 * `m4` of the series' columns, reused when the same series object was drawn over the same range
 * and width. Scans the typed columns the worker sent, when there are: no plain copy is made.
 */
export function cachedM4(cache: M4Cache, series: Series, request: M4Request): PathPoints {
  const hit = cache.get(series);
  const r = hit?.request;
  if (hit && r && r.start === request.start && r.end === request.end && r.widthPx === request.widthPx && r.gapMs === request.gapMs) return hit.points;
  const { timestamps, values } = columnsOf(series);
  const points = m4({ timestamps, values, ...request });
  cache.set(series, { request, points });
  return points;
}
