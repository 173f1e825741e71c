import { useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { rangeQueryOptions, type RangeQueryParams } from '../prometheus';
import { seriesName, speaksOfUnixTime, type Labels, type SeriesSet } from '../series';
import { earlierLines, missingComparison, shiftWords } from './comparison';
import { alignRange, stepFacts } from '../time';
import { chooseSeries, DEFAULT_MAX_SERIES, styleLines, type PanelLine, type PanelProblem, type PanelStatus } from '../panels';
import { builtinValues, intervalFacts, type IntervalFacts } from './builtins';
import { useIncrementalPolicy, usePromClient, useScrapeInterval } from './promClientContext';
import { useRangeMoves } from './TimeRangeProvider';
import { describeQueryError } from './problems';
import type { PanelQuery } from './schema';
import { interpolateChecked, type Interpolated, type VariableValues } from './variables';

interface Inputs {
  /** The panel's own queries (templates with `$instance`). */
  readonly specQueries: readonly PanelQuery[];
  /** Replacement PromQL per query index, from the URL. */
  readonly overrides: readonly string[] | undefined;
  readonly variables: VariableValues;
  readonly start: number;
  readonly end: number;
  /** Pixels the chart draws on: one point per ~2 px column (see stepFor). */
  readonly plotWidthPx: number;
  /** Series drawn at most (highest maximum first); the rest are counted, not drawn. */
  readonly maxSeries: number | undefined;
  /** "Compare to": also ask each query this many ms earlier (undefined = off). */
  readonly compareShiftMs?: number;
  /** False while the width (and so the step) is not known yet: nothing is asked at a guessed step. */
  readonly enabled?: boolean;
}

export interface PanelQueries {
  /** The queries as the editor shows them: templates, with the URL's overrides applied. */
  readonly queries: readonly PanelQuery[];
  readonly edited: boolean;
  /** What the server gets: the queries with variables substituted, and any variable problem. */
  readonly interpolated: readonly Interpolated[];
  /** The range and step actually asked (held while a refresh is in flight). */
  readonly asked: { readonly start: number; readonly end: number; readonly step: number };
  /** What $__interval, $__rate_interval and $__range stand for in these queries, and why. */
  readonly intervals: IntervalFacts;
  readonly results: readonly (SeriesSet | undefined)[];
  /** The lines drawn: at most the series budget. */
  readonly lines: readonly PanelLine[];
  /** How many series the budget left out. */
  readonly omitted: number;
  /** "Compare to": the drawn lines' earlier twins, shifted onto the range (empty when off). */
  readonly earlierLines: readonly PanelLine[];
  /** "Compare to": what the earlier period lacks, in words ("No data 1 day earlier"); null when nothing. */
  readonly comparisonGap: string | null;
  readonly status: PanelStatus;
  /** Per query index: why the server refused it (the editor shows it under that query). */
  readonly queryErrors: readonly (PanelProblem | undefined)[];
  readonly refetch: () => void;
}

/**
 * A panel's query layer: its queries for the shared range → lines to draw and the status to show.
 *
 * Refresh never overlaps itself, per panel: while this panel's queries are still in flight it keeps
 * asking for the range it asked for; it moves to the newest range once they answer. A slow panel
 * therefore holds back only itself, never the others.
 */
export function usePanelQueries({ specQueries, overrides, variables, start, end, plotWidthPx, maxSeries, compareShiftMs, enabled = true }: Inputs): PanelQueries {
  const client = usePromClient();
  const queries = specQueries.map((q, i) => ({ ...q, expr: overrides?.[i] || q.expr }));
  // Legends change only with the spec; a string key keeps the lines memo from seeing new arrays.
  const legendsKey = specQueries.map((q) => q.legend ?? '').join('\n');
  // The queries tell whether values are Unix times (time(), timestamp()); a string key as legends
  // (joined by NUL: a query may span lines).
  const exprsKey = specQueries.map((q, i) => overrides?.[i] || q.expr).join('\u0000');
  const edited = queries.some((q, i) => q.expr !== specQueries[i]?.expr);
  const scrapeIntervalMs = useScrapeInterval();
  // Only a moving range refreshes incrementally: an absolute one is asked whole again.
  const incrementalPolicy = useIncrementalPolicy();
  const incremental = useRangeMoves() ? incrementalPolicy : undefined;

  const wantedStep = stepFacts({ start, end, widthPx: plotWidthPx });
  const wanted = { ...alignRange(start, end, wantedStep.step), step: wantedStep.step, stepFacts: wantedStep };
  const [held, setHeld] = useState(wanted);
  const [inFlight, setInFlight] = useState(false);
  const moved = held.start !== wanted.start || held.end !== wanted.end || held.step !== wanted.step;
  if (moved && !inFlight) setHeld(wanted);
  const { stepFacts: askedStep, ...asked } = moved && !inFlight ? wanted : held;
  // Built-ins follow the request actually sent, so $__interval is always its step.
  const intervals = intervalFacts({ start: asked.start, end: asked.end, step: askedStep, scrapeIntervalMs });
  const interpolated = queries.map((q) => interpolateChecked(q.expr, { ...variables, ...builtinValues(intervals) }));

  // keepPreviousData (in rangeQueryOptions) helps only within one observer; useLastData below
  // keeps the data across the key changes of a refresh.
  const shift = compareShiftMs !== undefined && compareShiftMs > 0 ? compareShiftMs : 0;
  const rangeQuery = (q: Interpolated, by: number) => ({
    ...rangeQueryOptions(client, { expr: q.expr, start: asked.start - by, end: asked.end - by, step: asked.step } satisfies RangeQueryParams, incremental),
    enabled: enabled && q.problems.length === 0,
  });
  // One list, so that "in flight" covers the earlier queries too: the panel moves on when all answered.
  const all = useQueries({
    queries: [...interpolated.map((q) => rangeQuery(q, 0)), ...(shift > 0 ? interpolated.map((q) => rangeQuery(q, shift)) : [])],
  });
  const results = all.slice(0, interpolated.length);
  const earlierResults = all.slice(interpolated.length);

  const fetching = all.some((r) => r.isFetching);
  if (fetching !== inFlight) setInFlight(fetching);
  const datas = useLastData(
    results.map((r) => r.data),
    interpolated.map((q) => q.expr),
  );
  const earlierDatas = useLastData(
    earlierResults.map((r) => r.data),
    earlierResults.map((_, i) => `${shift} ${interpolated[i]?.expr ?? ''}`),
  );
  const budget = maxSeries ?? DEFAULT_MAX_SERIES;
  const drawn = useMemo(() => {
    // The budget first, then colours: a series left out must not take the colour of one drawn.
    const chosen = chooseSeries(linesOf(datas, legendsKey.split('\n'), exprsKey.split('\u0000')), budget);
    // Colour follows each series' identity, so lines keep theirs when another one disappears.
    return { kept: styleLines(chosen.kept), omitted: chosen.omitted };
  }, [datas, legendsKey, exprsKey, budget]);

  const earlier = useMemo(() => (shift > 0 ? earlierLines(drawn.kept, earlierDatas, shift, lineKey) : []), [drawn.kept, earlierDatas, shift]);

  // Answered: every earlier query has its data for the shift asked, none failed or still running.
  const earlierAnswered = shift > 0 && earlierResults.every((r) => r.isSuccess && !r.isFetching);
  const comparisonGap = shift > 0 ? missingComparison(shift, drawn.kept.length, earlier.length, earlierAnswered) : null;

  const problems: PanelProblem[] = [];
  const queryErrors = results.map((result, qi) => {
    // failureReason is set while retries are still running: say so at once rather than after them.
    const error = result.error ?? (result.failureCount > 0 ? result.failureReason : null);
    const problem = error ? describeQueryError(error, interpolated[qi]?.expr ?? '') : null;
    if (problem) problems.push(problem);
    return problem ?? undefined;
  });
  earlierResults.forEach((result, qi) => {
    const error = result.error ?? (result.failureCount > 0 ? result.failureReason : null);
    const problem = error && describeQueryError(error, interpolated[qi]?.expr ?? '');
    if (problem) problems.push({ ...problem, title: `${problem.title} (${shiftWords(shift)})` });
  });
  interpolated.forEach((q, i) =>
    q.problems.forEach((message) => problems.push({ kind: 'variable', title: 'A variable cannot be used here', message, expr: queries[i]?.expr ?? '' })),
  );
  const status: PanelStatus = {
    hasData: datas.some((d) => d !== undefined),
    fetching,
    problems,
    warnings: [...new Set(results.flatMap((r) => r.data?.warnings ?? []))],
    dataUpdatedAt: Math.min(...results.map((r) => r.dataUpdatedAt || Infinity)),
  };
  return { queries, edited, interpolated, asked, intervals, results: datas, lines: drawn.kept, omitted: drawn.omitted, earlierLines: earlier, comparisonGap, status, queryErrors, refetch: () => all.forEach((r) => void r.refetch()) };
}

/** A line's identity in its panel: the query it came from and its labels. */
function lineKey(queryIndex: number, labels: Labels): string {
  return `${queryIndex}:${JSON.stringify(labels)}`;
}

function linesOf(datas: readonly (SeriesSet | undefined)[], legends: readonly string[], exprs: readonly string[]): Omit<PanelLine, 'color' | 'aggregate'>[] {
  const out: Omit<PanelLine, 'color' | 'aggregate'>[] = [];
  datas.forEach((data, qi) => {
    const legend = legends[qi] || undefined;
    const expr = exprs[qi] ?? '';
    for (const series of data?.series ?? []) {
      const line = { key: lineKey(qi, series.labels), name: seriesName(series.labels, legend), series };
      out.push(speaksOfUnixTime(expr, series.labels.__name__) ? { ...line, unixTime: true } : line);
    }
  });
  return out;
}

/**
 * Each query's data, or the last data the same query text had while a new key loads.
 * `useQueries` makes a new observer when a key changes (every refresh of a relative range), so
 * `keepPreviousData` has nothing to keep there: without this, every refresh blanked the chart to
 * "Loading…" and remounted it (TanStack/query#2181). Data is kept only for the same expression:
 * an edited query that fails must not show the old query's lines as if they were its own. The
 * array stays the same object while nothing changed, so lines are only rebuilt when data did.
 */
function useLastData<T>(current: readonly (T | undefined)[], exprs: readonly string[]): readonly (T | undefined)[] {
  const [kept, setKept] = useState<{ readonly data: readonly (T | undefined)[]; readonly exprs: readonly string[] }>({ data: current, exprs });
  const next = current.map((item, i) => item ?? (kept.exprs[i] === exprs[i] ? kept.data[i] : undefined));
  const same = kept.data.length === next.length && kept.data.every((item, i) => item === next[i]) && kept.exprs.every((e, i) => e === exprs[i]);
  // Storing derived state during render is React's documented pattern for "previous value".
  if (!same) setKept({ data: next, exprs });
  return same ? kept.data : next;
}
