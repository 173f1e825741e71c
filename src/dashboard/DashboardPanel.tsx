import { Suspense, useDeferredValue, useMemo, useState } from 'react';
import type { EventMarker, IncidentWindow } from '../annotations';
import { SeriesBudgetNote, TimeSeriesPanel, useElementWidth } from '../panels';
import { lazyNamed, PartLoading } from '../lazy';
import { LeakFlags } from './LeakFlags';
import { useLeakWatch } from './useLeakWatch';
import type { PanelSpec } from './schema';
import { useTimeRange } from './TimeRangeProvider';
import { usePanelQueries } from './usePanelQueries';
import { useAlertBands } from './useAlerts';
import type { VariableValues } from './variables';

// Opened by a click, so chunks of their own: the first load draws the panel without them.
const QueryEditor = lazyNamed(() => import('./QueryEditor'), 'QueryEditor');
const PanelInspector = lazyNamed(() => import('./PanelInspector'), 'PanelInspector');

export interface PanelViewOptions {
  /** Replacement PromQL per query index, from the URL. */
  readonly overrides: readonly string[] | undefined;
  readonly hidden: ReadonlySet<string>;
  readonly focused: boolean;
  /** Its Inspect view is open (kept in the URL, one panel at a time). */
  readonly inspecting: boolean;
  readonly onInspect: (panelId: string | undefined) => void;
  readonly height: number | 'fill';
  readonly onOverride: (panelId: string, queries: readonly string[] | undefined) => void;
  readonly onToggleSeries: (panelId: string, name: string) => void;
  readonly onIsolateSeries: (panelId: string, name: string, allNames: readonly string[]) => void;
  readonly onFocus: (panelId: string | undefined) => void;
  readonly onZoom: (start: number, end: number) => void;
  readonly onZoomOut: () => void;
  /** Kiosk mode: no editing controls. */
  readonly readOnly: boolean;
  /** Template variable selections, substituted into the queries ($name, ${name}, [[name]]). */
  readonly variables: VariableValues;
  /** "Compare to": every query also drawn this many ms earlier; undefined = off. */
  readonly compareShiftMs: number | undefined;
}

/** The incident overlay every panel of a dashboard shares. */
export interface PanelOverlay {
  readonly windows: readonly IncidentWindow[];
  readonly markers: readonly EventMarker[];
  readonly selectedMarkerKey: string | undefined;
  readonly onSelectMarker: (key: string) => void;
}

interface Props extends PanelViewOptions, PanelOverlay {
  readonly spec: PanelSpec;
}

// Space the y axis and margins take from the panel's width; the rest is one pixel column each.
const CHART_CHROME_PX = 96;
// The panel's border and padding, inside the measured slot.
const PANEL_PADDING_PX = 24;

/** Runs a panel's queries for the dashboard's time range and hands the results to the pure panel. */
export function DashboardPanel(props: Props) {
  const { spec, windows, markers, selectedMarkerKey, onSelectMarker } = props;
  const { start, end, timezone } = useTimeRange();
  const [editing, setEditing] = useState(false);
  const inspecting = props.inspecting && !props.readOnly;
  const [ref, width, measured] = useElementWidth<HTMLDivElement>(1000);
  const data = usePanelQueries({
    specQueries: spec.queries,
    overrides: props.overrides,
    variables: props.variables,
    start,
    end,
    plotWidthPx: Math.max(100, width - CHART_CHROME_PX),
    maxSeries: spec.maxSeries,
    compareShiftMs: props.compareShiftMs,
    enabled: measured,
  });
  // New lines are drawn in a deferred render, not in the query's own (which React must finish in
  // one go): React can pause it between components, so watching, decimating and drawing 20 lines
  // of 11,000 points are tasks of their own instead of one that holds the page (issue 13).
  const answered = useMemo(() => ({ lines: data.lines, earlierLines: data.earlierLines }), [data.lines, data.earlierLines]);
  const deferred = useDeferredValue(answered);
  // Never defer from nothing to lines: the panel would say "No data in this time range" over an
  // answer it holds. Only a redraw of lines already shown waits for the deferred render.
  const drawn = deferred.lines.length === 0 && answered.lines.length > 0 ? answered : deferred;
  const shownLines = useMemo(() => (drawn.earlierLines.length > 0 ? [...drawn.lines, ...drawn.earlierLines] : drawn.lines), [drawn]);
  // Hidden series are out of the leak flags as they are out of the tooltip (Grafana's habit).
  const watchedLines = useMemo(() => drawn.lines.filter((line) => !props.hidden.has(line.name)), [drawn, props.hidden]);
  const leakWatch = useLeakWatch(watchedLines, spec.leakWatch, spec.thresholds);
  const alertBands = useAlertBands();

  return (
    <div ref={ref} className="panel-slot">
      <TimeSeriesPanel
        id={spec.id}
        title={spec.title}
        unit={spec.unit}
        width={Math.max(200, width - PANEL_PADDING_PX)}
        start={start}
        end={end}
        step={data.asked.step}
        timezone={timezone}
        lines={shownLines}
        status={data.status}
        thresholds={spec.thresholds}
        windows={windows}
        markers={markers}
        selectedMarkerKey={selectedMarkerKey}
        onSelectMarker={onSelectMarker}
        onRetry={data.refetch}
        hidden={props.hidden}
        onToggleSeries={(name) => props.onToggleSeries(spec.id, name)}
        onIsolateSeries={(name, allNames) => props.onIsolateSeries(spec.id, name, allNames)}
        height={props.height}
        onZoom={props.readOnly ? undefined : props.onZoom}
        projections={leakWatch.projections}
        alertBands={alertBands}
        onZoomOut={props.readOnly ? undefined : props.onZoomOut}
        headerActions={
          <>
            {data.edited && <span className="edited-badge">edited query</span>}
            {!props.readOnly && (
              <>
                <button type="button" aria-pressed={editing} onClick={() => setEditing(!editing)}>
                  Edit query
                </button>
                <button type="button" aria-pressed={inspecting} onClick={() => props.onInspect(inspecting ? undefined : spec.id)}>
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
        <SeriesBudgetNote shown={data.lines.length} omitted={data.omitted} />
        {data.comparisonGap && (
          <p role="status" className="compare-gap">
            {data.comparisonGap}
          </p>
        )}
        <LeakFlags state={leakWatch.state} hiddenCount={drawn.lines.length - watchedLines.length} spec={spec} exprs={data.interpolated.map((q) => q.expr)} unit={spec.unit} timezone={timezone} readOnly={props.readOnly} />
        {editing && (
          <Suspense fallback={<PartLoading what="the query editor" />}>
          <QueryEditor
            queries={data.queries.map((q) => q.expr)}
            edited={data.edited}
            onRun={(exprs) => props.onOverride(spec.id, exprs.every((e, i) => e === spec.queries[i]?.expr) ? undefined : exprs)}
            onReset={() => {
              props.onOverride(spec.id, undefined);
              setEditing(false);
            }}
            onClose={() => setEditing(false)}
            errors={data.queryErrors}
            completionRange={{ start, end }}
          />
          </Suspense>
        )}
        {inspecting && (
          <Suspense fallback={<PartLoading what="the inspector" />}>
          <PanelInspector
            queries={data.interpolated.map((q) => ({ expr: q.expr, ...data.asked }))}
            results={data.results}
            lines={data.lines}
            unit={spec.unit}
            timezone={timezone}
            panelTitle={spec.title}
            intervals={data.intervals}
          />
          </Suspense>
        )}
      </TimeSeriesPanel>
    </div>
  );
}
