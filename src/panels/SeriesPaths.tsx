import { useXAxisScale, useYAxisScale } from 'recharts';
import { toSvgPath, type PathPoints } from '../series';

export interface DrawnLine {
  readonly key: string;
  readonly color: string;
  /** A line over all instances: thicker and dashed, so it never reads as one more instance. */
  readonly aggregate: boolean;
  /** "Compare to": the earlier answer, dotted and fainter under the lines of now. */
  readonly earlier?: boolean;
  readonly points: PathPoints;
}

/**
 * Each series is ONE <path>, built from M4-downsampled columns through Recharts' own scales.
 * Recharts' cost grows with the point objects it is handed, so it only draws the frame
 * (see "Drawing" in DESIGN.md for the measurements).
 */
export function SeriesPaths({ lines, dimmed }: { lines: readonly DrawnLine[]; dimmed: boolean }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  const x = (t: number) => Number(xScale(t));
  const y = (v: number) => Number(yScale(v));
  return (
    <g className="series-lines" opacity={dimmed ? 0.45 : 1} data-testid="series-lines">
      {lines.map((line) => (
        <path
          key={line.key}
          data-series={line.key}
          d={toSvgPath(line.points, x, y)}
          fill="none"
          stroke={line.color}
          strokeWidth={line.aggregate ? 2.5 : 1.5}
          strokeDasharray={line.earlier ? '2 3' : line.aggregate ? '6 3' : undefined}
          strokeOpacity={line.earlier ? 0.7 : undefined}
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </g>
  );
}
