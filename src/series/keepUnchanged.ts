import { packedColumnsOf } from './packedFacts';
import type { Labels, Series, SeriesSet } from './types';

/** Columns equal sample for sample; NaN equals NaN (a gap that stayed a gap is no change). */
function sameColumn(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function sameLabels(a: Labels, b: Labels): boolean {
  if (a === b) return true;
  const names = Object.keys(a);
  return names.length === Object.keys(b).length && names.every((name) => Object.hasOwn(b, name) && a[name] === b[name]);
}

function sameSeries(a: Series, b: Series): boolean {
  if (!sameLabels(a.labels, b.labels)) return false;
  // Both from the answer reader: compared as the typed arrays they came in, so a refresh of 1,000
  // series does not copy every column into a plain array (they are copied when drawn).
  const packedA = packedColumnsOf(a);
  const packedB = packedColumnsOf(b);
  if (packedA && packedB) return sameColumn(packedA.timestamps, packedB.timestamps) && sameColumn(packedA.values, packedB.values);
  return sameColumn(a.timestamps, b.timestamps) && sameColumn(a.values, b.values);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * The refreshed answer, with every series whose labels and columns did not change replaced by the
 * earlier object, and the earlier answer itself when nothing it shows changed (range, step,
 * series, warnings, raw head). Panels derive lines, M4 columns and SVG paths from these objects by
 * identity, so an unchanged refresh then redraws nothing. TanStack Query's own structural sharing
 * cannot do this: its deep compare treats NaN as a change, and the wall time measured per request
 * (`tookMs`) made every answer a new object. An unchanged answer keeps the earlier wall time too.
 */
export function keepUnchangedSeries<T extends SeriesSet>(previous: T | undefined, next: T): T {
  if (!previous || previous === next) return next;
  const before = previous.series;
  let allKept = before.length === next.series.length;
  const series = next.series.map((s, i) => {
    const old = before[i];
    if (old && sameSeries(old, s)) return old;
    allKept = false;
    return s;
  });
  const unchanged =
    allKept &&
    previous.start === next.start &&
    previous.end === next.end &&
    previous.step === next.step &&
    sameStrings(previous.warnings, next.warnings) &&
    previous.answer?.head === next.answer?.head &&
    previous.answer?.chars === next.answer?.chars;
  if (unchanged) return previous;
  return allKept ? { ...next, series: before } : { ...next, series };
}
