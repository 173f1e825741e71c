import { usePlotArea, useXAxisScale, useYAxisScale } from 'recharts';
import type { LeakProjectionLine } from './types';

/** The x domain's end once every projection fits: the panel's end, or the latest projected crossing. */
export function projectionsEnd(end: number, projections: readonly LeakProjectionLine[] | undefined): number {
  let latest = end;
  for (const p of projections ?? []) if (Number.isFinite(p.toTime) && p.toTime > latest) latest = p.toTime;
  return latest;
}

/**
 * Each flagged series' projection: a dashed line in its colour from its level now to the limit at
 * the projected crossing, over a faint band marking the future. Hidden from screen readers: the
 * panel's leak flags say the same in words.
 */
export function LeakProjection({ projections }: { readonly projections: readonly LeakProjectionLine[] }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const area = usePlotArea();
  if (!xScale || !yScale || !area || projections.length === 0) return null;
  const x = (t: number) => Number(xScale(t));
  const y = (v: number) => Number(yScale(v));
  const futureFrom = Math.min(...projections.map((p) => x(p.fromTime)));
  return (
    <g className="leak-projections" aria-hidden="true">
      <rect className="leak-future" x={futureFrom} y={area.y} width={Math.max(0, area.x + area.width - futureFrom)} height={area.height} fill="#8ab4f8" fillOpacity={0.06} />
      {projections.map((p) => (
        <g key={p.key} className="leak-projection" data-series={p.key} data-crossing={p.toTime}>
          <line x1={x(p.fromTime)} y1={y(p.fromValue)} x2={x(p.toTime)} y2={y(p.toValue)} stroke={p.color} strokeWidth={1.5} strokeDasharray="6 4" />
          <circle cx={x(p.toTime)} cy={y(p.toValue)} r={3.5} fill="none" stroke={p.color} strokeWidth={1.5} />
        </g>
      ))}
    </g>
  );
}
