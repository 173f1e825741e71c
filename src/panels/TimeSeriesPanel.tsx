import { useCallback, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { formatTime } from '../time';
import type { Unit } from '../series';
import { TimeSeriesChart } from './TimeSeriesChart';
import { Legend } from './Legend';
import { useCrosshair, useCrosshairStore } from './crosshair';
import { useElementSize } from './useElementSize';
import type { MarkerFocus } from './IncidentMarkers';
import type { EventMarker, IncidentWindow } from '../annotations';
import type { MarkerCluster } from './clusterMarkers';
import { MarkerClusterList } from './MarkerClusterList';
import { usePointerDownOutside } from './usePointerDownOutside';
import type { LeakProjectionLine, PanelLine, PanelStatus } from './types';
import type { AlertBand } from '../alerts';

export interface TimeSeriesPanelProps {
  readonly id: string;
  readonly title: string;
  readonly unit: Unit;
  readonly width: number;
  /** Chart height in CSS px, or 'fill': the chart takes the height the layout leaves it (kiosk grid). */
  readonly height?: number | 'fill';
  readonly start: number;
  readonly end: number;
  readonly step: number;
  readonly timezone: string;
  readonly lines: readonly PanelLine[];
  readonly status: PanelStatus;
  readonly thresholds: readonly { value: number; label: string }[];
  readonly windows: readonly IncidentWindow[];
  readonly markers: readonly EventMarker[];
  readonly selectedMarkerKey: string | undefined;
  readonly onSelectMarker: (key: string) => void;
  readonly onRetry: () => void;
  /** Names of series the user hid (kept in the URL by the caller). */
  readonly hidden: ReadonlySet<string>;
  readonly onToggleSeries: (name: string) => void;
  /** A plain legend click: this series alone, given every series name of the panel. */
  readonly onIsolateSeries?: (name: string, allNames: readonly string[]) => void;
  /** Buttons and editors the dashboard puts in the panel's header (focus, edit query…). */
  readonly headerActions?: ReactNode;
  /** Drag-to-zoom on the chart; absent in kiosk mode. */
  readonly onZoom?: (start: number, end: number) => void;
  /** Double-click on the chart; absent in kiosk mode. */
  readonly onZoomOut?: () => void;
  readonly children?: ReactNode;
  /** Dashed leak projections of flagged series. */
  readonly projections?: readonly LeakProjectionLine[];
  /** Prometheus alerts' firing periods; the chart shows those of this panel's instances. */
  readonly alertBands?: readonly AlertBand[];
  /** Each time the cursor points at (hover or tap), for views that show values there (Explore's table). */
  readonly onCursorTime?: (time: number) => void;
}

/**
 * A pure panel: spec, size, data and incidents in; pixels out. It never fetches.
 * Decides in the order data → fetching → error, so a failed refresh keeps the last lines on
 * screen, dimmed and labelled stale, instead of blanking them.
 */
export function TimeSeriesPanel(props: TimeSeriesPanelProps) {
  const { title, unit, start, end, step, timezone, lines, status } = props;
  // Filling: the chart takes the body's measured size, beside a legend on the right (kiosk).
  const fill = props.height === 'fill';
  const [bodyRef, measured] = useElementSize<HTMLDivElement>({ width: props.width, height: 260 }, fill);
  const height = fill ? measured.height : typeof props.height === 'number' ? props.height : 260;
  const chartWidth = fill ? measured.width : props.width;
  const headingId = useId();
  const { hidden, onToggleSeries } = props;
  // The cursor is shared by every panel of the page; a pinned one (a tap) stays until the next tap
  // elsewhere, a passing one follows the pointer. This panel re-renders only when its pin changes.
  const crosshair = useCrosshairStore();
  const panelId = props.id;
  const pinnedHere = useCrosshair(crosshair, (p) => p !== null && p.pinned && p.source === panelId);
  const [markerFocus, setMarkerFocus] = useState<MarkerFocus | null>(null);
  const [openCluster, setOpenCluster] = useState<MarkerCluster<EventMarker> | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);

  const { onIsolateSeries } = props;
  const onIsolate = useMemo(() => (onIsolateSeries ? (name: string) => onIsolateSeries(name, lines.map((l) => l.name)) : undefined), [onIsolateSeries, lines]);
  const visibleLines = useMemo(() => lines.filter((l) => !hidden.has(l.name)), [lines, hidden]);
  const visibleProjections = useMemo(() => props.projections?.filter((p) => !hidden.has(p.name)), [props.projections, hidden]);
  const { onCursorTime } = props;
  const onHover = useCallback(
    (time: number | null) => {
      const prev = crosshair.get();
      if (time !== null) {
        crosshair.set({ time, source: panelId, pinned: false });
        onCursorTime?.(time);
      }
      // Leaving this chart clears the cursor it set; a pin, or another panel's cursor, stays.
      else if (prev && !prev.pinned && prev.source === panelId) crosshair.set(null);
    },
    [crosshair, panelId, onCursorTime],
  );
  const onPin = useCallback(
    (time: number) => {
      crosshair.set({ time, source: panelId, pinned: true });
      onCursorTime?.(time);
    },
    [crosshair, panelId, onCursorTime],
  );
  usePointerDownOutside(chartRef, pinnedHere || openCluster !== null, () => {
    const prev = crosshair.get();
    if (prev?.pinned && prev.source === panelId) crosshair.set(null);
    setOpenCluster(null);
  });
  const closeClusterList = useCallback(() => {
    const key = openCluster?.key;
    setOpenCluster(null);
    // Back to the mark the list was opened from, as a closed disclosure does.
    if (key) chartRef.current?.querySelector<SVGGElement>(`[data-cluster-key="${CSS.escape(key)}"]`)?.focus();
  }, [openCluster]);
  const describeMarker = useCallback(
    (m: EventMarker) => `${m.kind} at ${formatTime(m.time, timezone, 'time')}: ${m.text}`,
    [timezone],
  );

  const stale = status.hasData && status.problems.length > 0;
  const isEmpty = status.hasData && lines.length === 0;

  return (
    <section
      className={`panel${stale ? ' stale' : ''}`}
      aria-labelledby={headingId}
      data-panel={props.id}
      data-start={start}
      data-end={end}
      data-step={step}
      data-stale={stale}
    >
      <header className="panel-header">
        <h2 id={headingId}>{title}</h2>
        {status.fetching && <span className="panel-fetching" role="status" aria-label={`${title} is updating`} />}
        <span className="panel-actions">{props.headerActions}</span>
      </header>
      {props.children}
      {status.problems.map((p, i) => (
        <div key={i} role="alert" className={`panel-error kind-${p.kind}`}>
          <strong>{stale ? `Stale — showing data from ${formatTime(status.dataUpdatedAt, timezone, 'datetime')}. ` : ''}{p.title}</strong>
          <p className="panel-error-message">{p.message}</p>
          <details>
            <summary>Query</summary>
            <code>{p.expr}</code>
          </details>
          <button type="button" onClick={props.onRetry}>Retry</button>
        </div>
      ))}
      {status.warnings.length > 0 && (
        <ul className="panel-warnings" aria-label="Warnings from the server">
          {status.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className={fill ? 'panel-main fill' : 'panel-main'}>
        <div ref={bodyRef} className="panel-body">
          {!status.hasData && status.fetching && status.problems.length === 0 && (
            <div className="panel-placeholder" style={{ height }}>Loading…</div>
          )}
          {isEmpty && <div className="panel-placeholder" style={{ height }}>No data in this time range</div>}
          {status.hasData && !isEmpty && (
            <div ref={chartRef} className="chart-wrap" style={{ position: 'relative', height }}>
              <TimeSeriesChart
                width={chartWidth}
                height={height}
                start={start}
                end={end}
                step={step}
                unit={unit}
                timezone={timezone}
                lines={visibleLines}
                thresholds={props.thresholds}
                windows={props.windows}
                markers={props.markers}
                selectedMarkerKey={props.selectedMarkerKey}
                dimmed={stale}
                crosshair={crosshair}
                tooltipSuppressed={markerFocus !== null || openCluster !== null}
                onHover={onHover}
                onPin={onPin}
                openClusterKey={openCluster?.key}
                onOpenCluster={(cluster) => setOpenCluster(openCluster?.key === cluster.key ? null : cluster)}
                onFocusMarker={setMarkerFocus}
                onSelectMarker={props.onSelectMarker}
                describeMarker={describeMarker}
                onZoom={props.onZoom}
                projections={visibleProjections}
                onZoomOut={props.onZoomOut}
                alertBands={props.alertBands}
              />
              {openCluster && (
                <MarkerClusterList
                  markers={openCluster.markers}
                  x={openCluster.x}
                  chartWidth={chartWidth}
                  selectedKey={props.selectedMarkerKey}
                  describe={describeMarker}
                  onSelect={props.onSelectMarker}
                  onClose={closeClusterList}
                />
              )}
              {markerFocus && (
                <div className="marker-tooltip" role="tooltip" style={{ left: Math.min(markerFocus.x + 8, chartWidth - 260) }}>
                  <strong>{formatTime(markerFocus.marker.time, timezone, 'datetime')}</strong> · {markerFocus.marker.kind}
                  <p>{markerFocus.marker.text}</p>
                </div>
              )}
            </div>
          )}
        </div>
        <Legend lines={lines} unit={unit} timezone={timezone} hidden={hidden} onToggle={onToggleSeries} onIsolate={onIsolate} />
      </div>
    </section>
  );
}
