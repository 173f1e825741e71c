import { memo } from 'react';
import { usePlotArea } from 'recharts';
import { gridPositions, linearMap } from './gridCoordinates';

interface Props {
  /** The x axis' domain (ms) and the y axis' (value), the same the chart hands Recharts' axes. */
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly xTicks: readonly number[];
  /** One label per x tick. */
  readonly xLabels: readonly string[];
  readonly yTicks: readonly number[];
  readonly yLabels: readonly string[];
}

// Recharts' axis geometry and colours, so the chart looks as it did when Recharts drew its axes.
const TICK_PX = 6;
const TICK_MARGIN_PX = 2;
const AXIS_STROKE = '#666';
const GRID_STROKE = '#ccc';
const GRID_DASH = '2 4';
const LABEL_STYLE = { fill: AXIS_STROKE } as const;

/**
 * The axes' ticks, labels and the grid as plain SVG: Recharts keeps the axes (hidden) only for
 * its scales. Its own axes were most of a 1-series chart's fixed cost — every tick a <Text> and
 * several store round trips per axis on every render (issue 13, `npm run bench -- --render-profile 1`).
 *
 * Like SeriesPaths, positions map through the domains this render has, never a Recharts scale that
 * may still hold the previous refresh's range for one commit; only the plot area comes from Recharts.
 */
function usePlotBox() {
  const area = usePlotArea();
  if (!area) return undefined;
  return { left: area.x, top: area.y, right: area.x + area.width, bottom: area.y + area.height };
}

/** The dashed grid: under everything else in the plot. */
export const ChartGrid = memo(function ChartGrid({ xDomain, yDomain, xTicks, yTicks }: Omit<Props, 'xLabels' | 'yLabels'>) {
  const box = usePlotBox();
  if (!box) return null;
  const xs = gridPositions(xTicks, linearMap(xDomain, box.left, box.right), box.left, box.right);
  const ys = gridPositions(yTicks, linearMap(yDomain, box.bottom, box.top), box.top, box.bottom);
  return (
    <g className="chart-grid" stroke={GRID_STROKE} strokeDasharray={GRID_DASH} fill="none">
      {ys.map((y) => (
        <line key={`h${y}`} className="grid" x1={box.left} x2={box.right} y1={y} y2={y} />
      ))}
      {xs.map((x) => (
        <line key={`v${x}`} className="grid" x1={x} x2={x} y1={box.top} y2={box.bottom} />
      ))}
    </g>
  );
});

/** The time axis under the plot and the value axis left of it: line, tick marks, labels. */
export const ChartAxes = memo(function ChartAxes({ xDomain, yDomain, xTicks, xLabels, yTicks, yLabels }: Props) {
  const box = usePlotBox();
  if (!box) return null;
  const xOf = linearMap(xDomain, box.left, box.right);
  const yOf = linearMap(yDomain, box.bottom, box.top);
  const labelY = box.bottom + TICK_PX + TICK_MARGIN_PX;
  const labelX = box.left - TICK_PX - TICK_MARGIN_PX;
  return (
    <>
      <g className="x-axis" stroke={AXIS_STROKE} fill="none">
        <line x1={box.left} x2={box.right} y1={box.bottom} y2={box.bottom} />
        {xTicks.map((t) => (
          <line key={t} x1={xOf(t)} x2={xOf(t)} y1={box.bottom + TICK_PX} y2={box.bottom} />
        ))}
        <g className="axis-tick-labels" stroke="none">
          {xTicks.map((t, i) => (
            <text key={t} x={xOf(t)} y={labelY} dy="0.71em" textAnchor="middle" style={LABEL_STYLE}>
              {xLabels[i]}
            </text>
          ))}
        </g>
      </g>
      <g className="y-axis" stroke={AXIS_STROKE} fill="none">
        <line x1={box.left} x2={box.left} y1={box.top} y2={box.bottom} />
        {yTicks.map((v) => (
          <line key={v} x1={box.left - TICK_PX} x2={box.left} y1={yOf(v)} y2={yOf(v)} />
        ))}
        <g className="axis-tick-labels" stroke="none">
          {yTicks.map((v, i) => (
            <text key={v} x={labelX} y={yOf(v)} dy="0.355em" textAnchor="end" style={LABEL_STYLE}>
              {yLabels[i]}
            </text>
          ))}
        </g>
      </g>
    </>
  );
});
