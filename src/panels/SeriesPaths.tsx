import { memo, useMemo } from 'react';
import { usePlotArea } from 'recharts';
import { pixelColumns, toSvgPath, type Series } from '../series';
import { cachedM4, type M4Cache, type M4Request } from './m4Cache';

export interface DrawnLine {
  readonly key: string;
  readonly color: string;
  /** A line over all instances: thicker and dashed, so it never reads as one more instance. */
  readonly aggregate: boolean;
  /** "Compare to": the earlier answer, dotted and fainter under the lines of now. */
  readonly earlier?: boolean;
  readonly series: Series;
}

interface Props {
  readonly lines: readonly DrawnLine[];
  /** Where each line's M4 columns are kept between draws, and the range and width to decimate for. */
  readonly m4Cache: M4Cache;
  readonly m4Request: M4Request;
  readonly dimmed: boolean;
  /** The x axis' domain (ms) and the y axis' (value), the same the chart hands Recharts' axes. */
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
}

const OWN_LAYER = { willChange: 'transform' } as const;

/** pixelColumns' output is already in pixels. */
const inPixels = (px: number) => px;

/**
 * Each series is ONE <path>, built from M4-downsampled columns decimated per pixel column
 * (whole-pixel x, 2–4 vertices per pixel: fewer to parse and rasterise, the same picture). Recharts' cost grows with the point
 * objects it is handed, so it only draws the frame (see "Drawing" in DESIGN.md for the measurements).
 *
 * The paths map through the axes' domains as this render has them, not through Recharts' scales:
 * Recharts takes new axis props into its store in an effect, so on a refresh its scales still held
 * the old range for one commit — every path was drawn with the new data on the old axis, then
 * again a frame later (issue 13; `npm run bench` counts the draws). Only the plot area comes from
 * Recharts; it moves with the chart's size, not with its data.
 */
// Memoised: a render of the chart for anything but these props (a marker focused, a cluster
// opened) must not rebuild 50 path strings.
export const SeriesPaths = memo(function SeriesPaths({ lines, m4Cache, m4Request, dimmed, xDomain, yDomain }: Props) {
  const area = usePlotArea();
  if (area?.x === undefined || area.y === undefined || area.width === undefined || area.height === undefined) return null;
  const frame: PathFrame = { left: area.x, top: area.y, width: area.width, height: area.height, t0: xDomain[0], t1: xDomain[1], v0: yDomain[0], v1: yDomain[1] };
  return (
    // Its own compositing layer (as are the crosshair and the tooltip): a hover repaints those
    // alone, instead of rasterising every line again in each tile the cursor crosses — hover
    // raster was 93 % of a move's work at 50 series, 5× less with the three layers.
    <g className="series-lines" opacity={dimmed ? 0.45 : 1} data-testid="series-lines" style={OWN_LAYER}>
      {lines.map((line) => (
        <LinePath key={line.key} seriesKey={line.key} series={line.series} m4Cache={m4Cache} m4Request={m4Request} color={line.color} aggregate={line.aggregate} earlier={line.earlier === true} {...frame} />
      ))}
    </g>
  );
});

/** Where the paths map to: the plot area (px) and the axes' domains. */
interface PathFrame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly t0: number;
  readonly t1: number;
  readonly v0: number;
  readonly v1: number;
}

/**
 * One line's <path>, a component of its own that decimates its own series: a line that did not
 * change keeps its string, and a deferred render of new data can pause between lines (M4 and path
 * of one line are a few ms at 11,000 points; all 20 at once held the page for one long task,
 * issue 13).
 */
interface LineProps extends PathFrame {
  readonly seriesKey: string;
  readonly series: Series;
  readonly m4Cache: M4Cache;
  readonly m4Request: M4Request;
  readonly color: string;
  readonly aggregate: boolean;
  readonly earlier: boolean;
}

// Its props are the line's parts, not the DrawnLine: the chart builds new DrawnLine objects around
// the same series whenever any line changes.
const LinePath = memo(function LinePath({ seriesKey, series, m4Cache, m4Request, color, aggregate, earlier, left, top, width, height, t0, t1, v0, v1 }: LineProps) {
  const d = useMemo(() => {
    // Decimated here, not in the chart: this line's M4 is one unit of a render React can pause.
    const points = cachedM4(m4Cache, series, m4Request);
    const xPerMs = width / Math.max(1, t1 - t0);
    const yPerValue = height / (v1 - v0 || 1);
    const x = (t: number) => left + (t - t0) * xPerMs;
    const y = (v: number) => top + height - (v - v0) * yPerValue;
    return toSvgPath(pixelColumns(points, x, y), inPixels, inPixels);
  }, [series, m4Cache, m4Request, left, top, width, height, t0, t1, v0, v1]);
  return (
    <path
      data-series={seriesKey}
      d={d}
      fill="none"
      stroke={color}
      strokeWidth={aggregate ? 2.5 : 1.5}
      strokeDasharray={earlier ? '2 3' : aggregate ? '6 3' : undefined}
      strokeOpacity={earlier ? 0.7 : undefined}
      // Bevel joins look like round ones at 1.5 px but rasterise 5–8× faster: round joins were
      // three quarters of a refresh at 50 series (`npm run bench -- --render-profile 50`).
      // Miter is cheaper still, but spikes past the data at sharp turns.
      strokeLinejoin="bevel"
      // A lone sample between gaps is a zero-length segment: only a round cap paints it (a dot).
      strokeLinecap="round"
    />
  );
});
