import { useCallback, useMemo } from 'react';
import { CartesianGrid, ComposedChart, ReferenceArea, ReferenceLine, XAxis, YAxis } from 'recharts';
import { formatTime, timeTicks } from '../time';
import { formatValue, m4, valueTicks, type Unit } from '../series';
import { SeriesPaths, type DrawnLine } from './SeriesPaths';
import { IncidentMarkers, type MarkerFocus } from './IncidentMarkers';
import { HoverLayer } from './HoverLayer';
import type { EventMarker, IncidentWindow, PanelLine } from './types';

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
  readonly hoverTime: number | null;
  readonly onHover: (time: number | null, x: number) => void;
  readonly onFocusMarker: (focus: MarkerFocus | null) => void;
  readonly onSelectMarker: (key: string) => void;
  readonly describeMarker: (marker: EventMarker) => string;
  readonly onZoom?: (start: number, end: number) => void;
  readonly onZoomOut?: () => void;
}

const MARGIN = { top: 28, right: 16, bottom: 4, left: 8 };
const Y_AXIS_WIDTH = 72;

export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const { width, height, start, end, step, unit, timezone, lines } = props;
  const plotWidth = Math.max(1, Math.round(width - Y_AXIS_WIDTH - MARGIN.left - MARGIN.right));

  const drawn: DrawnLine[] = useMemo(
    () =>
      lines.map((line) => ({
        key: line.key,
        color: line.color,
        points: m4({
          timestamps: line.series.timestamps,
          values: line.series.values,
          start,
          end,
          widthPx: plotWidth,
          gapMs: step * 1.5,
        }),
      })),
    [lines, start, end, step, plotWidth],
  );

  const yAxis = useMemo(() => {
    let min = Infinity;
    let max = -Infinity;
    for (const line of drawn) {
      const ys = line.points.ys;
      for (let i = 0; i < line.points.length; i++) {
        const v = ys[i] as number;
        if (Number.isFinite(v)) {
          if (v < min) min = v;
          if (v > max) max = v;
        }
      }
    }
    for (const t of props.thresholds) {
      min = Math.min(min, t.value);
      max = Math.max(max, t.value);
    }
    if (!Number.isFinite(min)) {
      min = 0;
      max = 1;
    }
    return valueTicks(min, max, unit, Math.max(3, Math.floor(height / 50)));
  }, [drawn, props.thresholds, unit, height]);

  const xTicks = useMemo(() => timeTicks(start, end, timezone, Math.max(2, Math.floor(plotWidth / 110))), [start, end, timezone, plotWidth]);

  // Recharts only needs two rows to span the domain: the lines are drawn by SeriesPaths.
  const frameData = useMemo(() => [{ t: start }, { t: end }], [start, end]);
  // Recharts keeps each axis's and reference line's props in its store and updates the store when
  // a prop changes identity: stable props spare it that work on every render (a wall re-renders
  // every second).
  const xDomain = useMemo(() => [start, end], [start, end]);
  const xTickStyle = xTicks.style;
  const formatXTick = useCallback((t: number) => formatTime(t, timezone, xTickStyle), [timezone, xTickStyle]);
  const formatYTick = useCallback((v: number) => formatValue(v, unit), [unit]);
  const thresholdLabels = useMemo(
    () => new Map(props.thresholds.map((t) => [t.label, { value: t.label, position: 'insideTopRight', fill: '#ff8c8c', fontSize: 11 } as const])),
    [props.thresholds],
  );

  return (
    <ComposedChart width={width} height={height} data={frameData} margin={MARGIN} accessibilityLayer={false}>
      <CartesianGrid strokeDasharray="2 4" className="grid" />
      <XAxis
        dataKey="t"
        type="number"
        domain={xDomain}
        allowDataOverflow
        ticks={xTicks.ticks}
        tickFormatter={formatXTick}
        className="x-axis"
      />
      <YAxis
        type="number"
        width={Y_AXIS_WIDTH}
        domain={yAxis.domain}
        allowDataOverflow
        ticks={yAxis.ticks}
        tickFormatter={formatYTick}
        className="y-axis"
      />
      {props.windows.map((w) => {
        const x1 = Math.max(start, w.start);
        // An open incident is marked by its start only; shading it to "now" would paint the whole graph.
        if (w.end === undefined || w.end <= start || w.start >= end) return null;
        const x2 = Math.min(end, w.end);
        return <ReferenceArea key={w.key} x1={x1} x2={x2} className="incident-window" fill="#ff4d4f" fillOpacity={0.12} ifOverflow="hidden" />;
      })}
      {props.thresholds.map((t) => (
        <ReferenceLine key={t.label} y={t.value} stroke="#ff6b6b" strokeDasharray="6 4" ifOverflow="hidden" label={thresholdLabels.get(t.label)} />
      ))}
      <HoverLayer hoverTime={props.hoverTime} onHover={props.onHover} onZoom={props.onZoom} onZoomOut={props.onZoomOut} />
      <SeriesPaths lines={drawn} dimmed={props.dimmed} />
      <IncidentMarkers
        markers={props.markers}
        start={start}
        end={end}
        selectedKey={props.selectedMarkerKey}
        describe={props.describeMarker}
        onFocusMarker={props.onFocusMarker}
        onSelect={props.onSelectMarker}
      />
    </ComposedChart>
  );
}
