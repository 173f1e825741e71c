import { useCallback, useMemo, useState } from 'react';
import { ComposedChart, XAxis, YAxis } from 'recharts';
import { formatTime, timeTicksForWidth } from '../time';
import { columnsOf, drawnValueRange, valueTicks, type Unit } from '../series';
import { valueAxisLabels } from './lineValues';
import { createM4Cache, type M4Request } from './m4Cache';
import { SeriesPaths, type DrawnLine } from './SeriesPaths';
import { IncidentMarkers, type MarkerFocus } from './IncidentMarkers';
import { IncidentPhaseBands } from './IncidentPhaseBands';
import { ReferenceOverlays } from './ReferenceOverlays';
import { HoverLayer } from './HoverLayer';
import { CrosshairLine } from './CrosshairLine';
import { CrosshairTooltip } from './CrosshairTooltip';
import type { CrosshairStore } from './crosshair';
import type { EventMarker, IncidentWindow } from '../annotations';
import { chartLayout } from './chartLayout';
import { ChartAxes, ChartGrid } from './ChartAxes';
import type { MarkerCluster } from './clusterMarkers';
import { LeakProjection, projectionsEnd } from './LeakProjection';
import { AlertBands } from './AlertBands';
import type { AlertBand } from '../alerts';
import type { LeakProjectionLine, PanelLine } from './types';

export interface TimeSeriesChartProps {
  readonly width: number;
  readonly height: number;
  readonly start: number;
  readonly end: number;
  readonly step: number;
  readonly unit: Unit;
  readonly timezone: string;
  readonly lines: readonly PanelLine[];
  readonly thresholds: readonly { value: number; label: string }[];
  readonly windows: readonly IncidentWindow[];
  readonly markers: readonly EventMarker[];
  readonly selectedMarkerKey: string | undefined;
  readonly dimmed: boolean;
  /** The cursor every panel of the page shares. */
  readonly crosshair: CrosshairStore;
  /** A marker's tooltip or a cluster list is open over the chart: no values tooltip. */
  readonly tooltipSuppressed: boolean;
  readonly onHover: (time: number | null, x: number) => void;
  readonly onPin: (time: number, x: number) => void;
  readonly onFocusMarker: (focus: MarkerFocus | null) => void;
  readonly onSelectMarker: (key: string) => void;
  readonly describeMarker: (marker: EventMarker) => string;
  readonly openClusterKey: string | undefined;
  readonly onOpenCluster: (cluster: MarkerCluster<EventMarker>) => void;
  readonly onZoom?: (start: number, end: number) => void;
  /** Leak projections: the time axis stretches to their crossings. */
  readonly projections?: readonly LeakProjectionLine[];
  readonly onZoomOut?: () => void;
  /** Firing periods of Prometheus alerts, drawn as thin strips at the bottom of the plot. */
  readonly alertBands?: readonly AlertBand[];
}

// Recharts' default height of an x axis: the room under the plot for the time labels. Its axes are
// hidden (ChartAxes draws them), and a hidden axis takes no room, so the margin keeps it.
const X_AXIS_PX = 30;

export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { width, height, start, end, step, unit, timezone, lines } = props;
  // The widest plot the chart can have: the y axis' labels (from the data) may narrow it below.
  const columns = chartLayout(width, []).plotWidth;
  const shownEnd = projectionsEnd(end, props.projections);

  // Each line is decimated (M4) where it is drawn, in SeriesPaths, one line at a time: a deferred
  // render can yield between lines. The y axis needs every line's range first, and takes it from
  // a pass over the values M4 keeps (drawnValueRange) instead of from the decimated points.
  const [m4Cache] = useState(createM4Cache);
  const m4Request = useMemo((): M4Request => ({ start, end, widthPx: columns, gapMs: step * 1.5 }), [start, end, columns, step]);
  const drawn: DrawnLine[] = useMemo(
    () => lines.map((line) => ({ key: line.key, color: line.color, aggregate: line.aggregate, earlier: line.earlier, series: line.series })),
    [lines],
  );

  const yAxis = useMemo(() => {
    let min = Infinity;
    let max = -Infinity;
    for (const line of lines) {
      const { timestamps, values } = columnsOf(line.series);
      const range = drawnValueRange({ timestamps, values, start, end });
      if (range.min < min) min = range.min;
      if (range.max > max) max = range.max;
    }
    for (const p of props.projections ?? []) max = Math.max(max, p.toValue);
    for (const t of props.thresholds) {
      min = Math.min(min, t.value);
      max = Math.max(max, t.value);
    }
    if (!Number.isFinite(min)) {
      min = 0;
      max = 1;
    }
    return valueTicks(min, max, unit, Math.max(3, Math.floor(height / 50)));
  }, [lines, start, end, props.thresholds, props.projections, unit, height]);

  // Labels that tell every tick apart (epoch seconds would otherwise all read "1.71B"); dates when
  // every line is a Unix timestamp, as its legend and tooltip read it.
  const unixTime = lines.length > 0 && lines.every((line) => line.unixTime === true);
  const yLabels = useMemo(() => valueAxisLabels(yAxis.ticks, unit, unixTime, timezone), [yAxis.ticks, unit, unixTime, timezone]);
  const layout = useMemo(() => chartLayout(width, yLabels), [width, yLabels]);
  // The room Recharts' own axes took, now in the margin: its axes are hidden (see X_AXIS_PX).
  const margin = useMemo(
    () => ({ ...layout.margin, left: layout.margin.left + layout.yAxisWidth, bottom: layout.margin.bottom + X_AXIS_PX }),
    [layout],
  );
  const plotWidth = layout.plotWidth;
  const plotLeft = layout.margin.left + layout.yAxisWidth;
  // The same linear map as Recharts' x scale, for the HTML tooltip outside the SVG.
  const xOf = useCallback((t: number) => plotLeft + ((t - start) / Math.max(1, shownEnd - start)) * plotWidth, [plotLeft, plotWidth, start, shownEnd]);
  const xTicks = useMemo(() => timeTicksForWidth(start, shownEnd, timezone, plotWidth), [start, shownEnd, timezone, plotWidth]);

  // Recharts only needs two rows to span the domain: the lines are drawn by SeriesPaths.
  const frameData = useMemo(() => [{ t: start }, { t: shownEnd }], [start, shownEnd]);
  // Recharts keeps each axis's props in its store and updates the store when
  // a prop changes identity: stable props spare it that work on every render (a wall re-renders
  // every second).
  const xDomain = useMemo((): [number, number] => [start, shownEnd], [start, shownEnd]);
  const xLabels = useMemo(() => xTicks.ticks.map((t) => formatTime(t, timezone, xTicks.style)), [xTicks, timezone]);

  return (
    <>
      <ComposedChart width={width} height={height} data={frameData} margin={margin} accessibilityLayer={false}>
        {/* Only for the scales the overlays read (useXAxisScale, useYAxisScale): ChartAxes draws them.
            No nice ticks: Recharts would compute them (decimal.js) on every render, and may widen
            the domain to them, while the lines and ChartAxes map through exactly this domain. */}
        <XAxis dataKey="t" type="number" domain={xDomain} allowDataOverflow hide niceTicks="none" />
        <YAxis type="number" domain={yAxis.domain} allowDataOverflow hide niceTicks="none" />
        <ChartGrid xDomain={xDomain} yDomain={yAxis.domain} xTicks={xTicks.ticks} yTicks={yAxis.ticks} />
        <IncidentPhaseBands windows={props.windows} start={start} end={end} xDomain={xDomain} timezone={timezone} />
        <CrosshairLine store={props.crosshair} timezone={timezone} />
        <HoverLayer onHover={props.onHover} onPin={props.onPin} onZoom={props.onZoom} onZoomOut={props.onZoomOut} />
        <SeriesPaths lines={drawn} m4Cache={m4Cache} m4Request={m4Request} dimmed={props.dimmed} xDomain={xDomain} yDomain={yAxis.domain} />
        {props.projections && <LeakProjection projections={props.projections} />}
        <IncidentMarkers
          markers={props.markers}
          start={start}
          end={end}
          selectedKey={props.selectedMarkerKey}
          describe={props.describeMarker}
          onFocusMarker={props.onFocusMarker}
          onSelect={props.onSelectMarker}
          openClusterKey={props.openClusterKey}
          onOpenCluster={props.onOpenCluster}
        />
        {props.alertBands && <AlertBands bands={props.alertBands} lines={lines} start={start} end={end} xDomain={xDomain} timezone={timezone} />}
        <ChartAxes xDomain={xDomain} yDomain={yAxis.domain} xTicks={xTicks.ticks} xLabels={xLabels} yTicks={yAxis.ticks} yLabels={yLabels} />
        {/* Last, where Recharts painted its reference elements (its z-index layers): over lines and axes. */}
        <ReferenceOverlays windows={props.windows} thresholds={props.thresholds} start={start} end={end} xDomain={xDomain} yDomain={yAxis.domain} />
      </ComposedChart>
      <CrosshairTooltip
        store={props.crosshair}
        xOf={xOf}
        chartWidth={width}
        step={step}
        lines={lines}
        unit={unit}
        timezone={timezone}
        suppressed={props.tooltipSuppressed}
        start={start}
        end={shownEnd}
      />
    </>
  );
}
