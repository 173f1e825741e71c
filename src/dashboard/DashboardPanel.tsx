import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { rangeQueryOptions } from '../prometheus';
import { seriesName } from '../series';
import { alignRange, stepFor } from '../time';
import { chooseSeries, DEFAULT_MAX_SERIES, lineColor, SeriesBudgetNote, TimeSeriesPanel, useElementWidth, type EventMarker, type IncidentWindow, type PanelLine, type PanelProblem } from '../panels';
import { usePromClient } from './promClientContext';
import { describeQueryError } from './problems';
import { interpolateChecked, type VariableValues } from './variables';
import { QueryEditor } from './QueryEditor';
import { PanelInspector } from './PanelInspector';
import type { PanelSpec } from './schema';

export interface PanelViewOptions {
  /** Replacement PromQL per query index, from the URL. */
  readonly overrides: readonly string[] | undefined;
  readonly hidden: ReadonlySet<string>;
  readonly focused: boolean;
  readonly height: number | 'fill';
  readonly onOverride: (panelId: string, queries: readonly string[] | undefined) => void;
  readonly onToggleSeries: (panelId: string, name: string) => void;
  readonly onFocus: (panelId: string | undefined) => void;
  readonly onZoom: (start: number, end: number) => void;
  /** Kiosk mode: no editing controls. */
  readonly readOnly: boolean;
  /** Template variable selections, substituted into the queries ($name, ${name}, [[name]]). */
  readonly variables: VariableValues;
}

/** What every panel of a dashboard shares: the resolved range, the zone and the incident overlay. */
export interface SharedPanelInputs {
  readonly start: number;
  readonly end: number;
  readonly timezone: string;
  readonly windows: readonly IncidentWindow[];
  readonly markers: readonly EventMarker[];
  readonly selectedMarkerKey: string | undefined;
  readonly onSelectMarker: (key: string) => void;
}

interface Props extends PanelViewOptions, SharedPanelInputs {
  readonly spec: PanelSpec;
}

// Space the y axis and margins take from the panel's width; the rest is one pixel column each.
const CHART_CHROME_PX = 96;
// The panel's border and padding, inside the measured slot.
const PANEL_PADDING_PX = 24;

/** Runs a panel's queries for the shared time range and hands the results to the pure panel. */
export function DashboardPanel(props: Props) {
  const { spec, start, end, timezone, windows, markers, selectedMarkerKey, onSelectMarker } = props;
  const client = usePromClient();
  const [editing, setEditing] = useState(false);
  const [inspecting, setInspecting] = useState(false);
  const queries = spec.queries.map((q, i) => ({ ...q, expr: props.overrides?.[i] || q.expr }));
  const edited = queries.some((q, i) => q.expr !== spec.queries[i]?.expr);
  // The queries stay templates (the editor shows $instance); the server gets them interpolated.
  const interpolated = queries.map((q) => interpolateChecked(q.expr, props.variables));
  const [ref, width] = useElementWidth<HTMLDivElement>(1000);
  const wantedStep = stepFor({ start, end, widthPx: Math.max(100, width - CHART_CHROME_PX) });
  const wanted = { ...alignRange(start, end, wantedStep), step: wantedStep };
  // Refresh never overlaps itself, per panel: while this panel's queries are still in flight it
  // keeps asking for the range it asked for; it moves to the newest range once they answer. A slow
  // panel therefore holds back only itself, never the others.
  const [asked, setAsked] = useState(wanted);
  const [inFlight, setInFlight] = useState(false);
  const moved = asked.start !== wanted.start || asked.end !== wanted.end || asked.step !== wanted.step;
  if (moved && !inFlight) setAsked(wanted);
  const aligned = moved && !inFlight ? wanted : asked;
  const step = aligned.step;

  const results = useQueries({
    queries: interpolated.map((q) => ({
      ...rangeQueryOptions(client, { expr: q.expr, start: aligned.start, end: aligned.end, step }),
      enabled: q.problems.length === 0,
      placeholderData: keepPreviousData,
    })),
  });

  const fetchingNow = results.some((r) => r.isFetching);
  if (fetchingNow !== inFlight) setInFlight(fetchingNow);
  const datas = useLastData(results.map((r) => r.data), interpolated.map((q) => q.expr));
  // Only a budget of series is drawn (highest maximum first); the panel says what it left out.
  const budget = useMemo(() => {
    const out: PanelLine[] = [];
    datas.forEach((data, qi) => {
      const legend = queries[qi]?.legend;
      for (const series of data?.series ?? []) {
        const labelKey = JSON.stringify(series.labels);
        out.push({ key: `${qi}:${labelKey}`, name: seriesName(series.labels, legend), color: lineColor(out.length), series });
      }
    });
    return chooseSeries(out, spec.maxSeries ?? DEFAULT_MAX_SERIES);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- legends change only with the spec
  }, [spec, datas]);

  const problems: PanelProblem[] = [];
  results.forEach((result, qi) => {
    // failureReason is set while retries are still running: say so at once rather than after them.
    const error = result.error ?? (result.failureCount > 0 ? result.failureReason : null);
    if (!error) return;
    const problem = describeQueryError(error, interpolated[qi]?.expr ?? '');
    if (problem) problems.push(problem);
  });
  interpolated.forEach((q, i) =>
    q.problems.forEach((message) => problems.push({ kind: 'variable', title: 'A variable cannot be used here', message, expr: queries[i]?.expr ?? '' })),
  );
  const warnings = [...new Set(results.flatMap((r) => r.data?.warnings ?? []))];
  const hasData = datas.some((d) => d !== undefined);
  const dataUpdatedAt = Math.min(...results.map((r) => r.dataUpdatedAt || Infinity));

  return (
    <div ref={ref} className="panel-slot">
      <TimeSeriesPanel
        id={spec.id}
        title={spec.title}
        unit={spec.unit}
        width={Math.max(200, width - PANEL_PADDING_PX)}
        start={start}
        end={end}
        step={step}
        timezone={timezone}
        lines={budget.kept}
        status={{ hasData, fetching: results.some((r) => r.isFetching), problems, warnings, dataUpdatedAt }}
        thresholds={spec.thresholds}
        windows={windows}
        markers={markers}
        selectedMarkerKey={selectedMarkerKey}
        onSelectMarker={onSelectMarker}
        onRetry={() => results.forEach((r) => void r.refetch())}
        hidden={props.hidden}
        onToggleSeries={(name) => props.onToggleSeries(spec.id, name)}
        height={props.height}
        onZoom={props.readOnly ? undefined : props.onZoom}
        headerActions={
          <>
            {edited && <span className="edited-badge">edited query</span>}
            {!props.readOnly && (
              <>
                <button type="button" aria-pressed={editing} onClick={() => setEditing(!editing)}>
                  Edit query
                </button>
                <button type="button" aria-pressed={inspecting} onClick={() => setInspecting(!inspecting)}>
                  Inspect
                </button>
                <button type="button" onClick={() => props.onFocus(props.focused ? undefined : spec.id)}>
                  {props.focused ? 'Back to dashboard' : 'View'}
                </button>
              </>
            )}
          </>
        }
      >
        <SeriesBudgetNote shown={budget.kept.length} omitted={budget.omitted} />
        {editing && (
          <QueryEditor
            queries={queries.map((q) => q.expr)}
            edited={edited}
            onRun={(exprs) => props.onOverride(spec.id, exprs.every((e, i) => e === spec.queries[i]?.expr) ? undefined : exprs)}
            onReset={() => {
              props.onOverride(spec.id, undefined);
              setEditing(false);
            }}
            onClose={() => setEditing(false)}
          />
        )}
        {inspecting && (
          <PanelInspector
            queries={interpolated.map((q) => ({ expr: q.expr, start: aligned.start, end: aligned.end, step }))}
            results={datas}
            lines={budget.kept}
            unit={spec.unit}
            timezone={timezone}
            panelTitle={spec.title}
          />
        )}
      </TimeSeriesPanel>
    </div>
  );
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
