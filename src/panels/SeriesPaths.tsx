import { memo, useMemo } from 'react';
import { usePlotArea } from 'recharts';
import { pixelColumns, toSvgPath, type PathPoints } from '../series';

export interface DrawnLine {
  readonly key: string;
  readonly color: string;
  /** A line over all instances: thicker and dashed, so it never reads as one more instance. */
  readonly aggregate: boolean;
  /** "Compare to": the earlier answer, dotted and fainter under the lines of now. */
  readonly earlier?: boolean;
  readonly points: PathPoints;
}

interface Props {
  readonly lines: readonly DrawnLine[];
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
export const SeriesPaths = memo(function SeriesPaths({ lines, dimmed, xDomain, yDomain }: Props) {
  const area = usePlotArea();
  const [t0, t1] = xDomain;
  const [v0, v1] = yDomain;
  const left = area?.x;
  const top = area?.y;
  const width = area?.width;
  const height = area?.height;
  const paths = useMemo(() => {
    if (left === undefined || top === undefined || width === undefined || height === undefined) return undefined;
    const xPerMs = width / Math.max(1, t1 - t0);
    const yPerValue = height / (v1 - v0 || 1);
    const x = (t: number) => left + (t - t0) * xPerMs;
    const y = (v: number) => top + height - (v - v0) * yPerValue;
    return lines.map((line) => toSvgPath(pixelColumns(line.points, x, y), inPixels, inPixels));
  }, [lines, left, top, width, height, t0, t1, v0, v1]);
  if (!paths) return null;
  return (
    // Its own compositing layer (as are the crosshair and the tooltip): a hover repaints those
    // alone, instead of rasterising every line again in each tile the cursor crosses — hover
    // raster was 93 % of a move's work at 50 series, 5× less with the three layers.
    <g className="series-lines" opacity={dimmed ? 0.45 : 1} data-testid="series-lines" style={OWN_LAYER}>
      {lines.map((line, i) => (
        <path
          key={line.key}
          data-series={line.key}
          d={paths[i]}
          fill="none"
          stroke={line.color}
          strokeWidth={line.aggregate ? 2.5 : 1.5}
          strokeDasharray={line.earlier ? '2 3' : line.aggregate ? '6 3' : undefined}
          strokeOpacity={line.earlier ? 0.7 : undefined}
          // Bevel joins look like round ones at 1.5 px but rasterise 5–8× faster: round joins were
          // three quarters of a refresh at 50 series (`npm run bench -- --render-profile 50`).
          // Miter is cheaper still, but spikes past the data at sharp turns.
          strokeLinejoin="bevel"
          // A lone sample between gaps is a zero-length segment: only a round cap paints it (a dot).
          strokeLinecap="round"
        />
      ))}
    </g>
  );
});
