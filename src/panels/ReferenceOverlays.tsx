import { memo, useId, useMemo } from 'react';
import { usePlotArea } from 'recharts';
import type { IncidentWindow } from '../annotations';
import { incidentWindowShade } from './incidentWindowShade';
import { linearMap } from './gridCoordinates';

interface Props {
  readonly windows: readonly IncidentWindow[];
  readonly thresholds: readonly { readonly value: number; readonly label: string }[];
  /** The range the chart shows, epoch ms (the x domain may reach further, to a leak projection). */
  readonly start: number;
  readonly end: number;
  /** The domains this render maps through, as ChartAxes and SeriesPaths. */
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
}

// As Recharts' ReferenceArea, ReferenceLine and Label drew them.
const WINDOW_OPACITY = 0.12;
const THRESHOLD_STROKE = '#ff6b6b';
const THRESHOLD_DASH = '6 4';
const THRESHOLD_LABEL_FILL = '#ff8c8c';
const LABEL_FONT_PX = 11;
const LABEL_INSET_PX = 5;
/** Recharts' Text with verticalAnchor "start": the label's top at its y. */
const LABEL_TOP_DY = '0.71em';

/**
 * Incident windows (shaded over the plot's height) and threshold lines (dashed, across its width),
 * each with its label, as plain SVG mapped through this render's domains. Recharts' ReferenceArea
 * and ReferenceLine registered in its store and drew through its selectors and z-index portals on
 * every render — a whole animation frame of its own at 60 series (issue 13).
 *
 * Drawn last in the chart, in the order Recharts' z-index layers painted them over the lines:
 * shades, then threshold lines, then labels. Shades and lines are clipped to the plot, as
 * `ifOverflow="hidden"` did; labels are not. None of them takes the pointer (styles.css).
 */
export const ReferenceOverlays = memo(function ReferenceOverlays({ windows, thresholds, start, end, xDomain, yDomain }: Props) {
  const area = usePlotArea();
  const clipId = `${useId().replace(/:/g, '')}-plot-clip`;
  const shades = useMemo(() => windows.flatMap((w) => incidentWindowShade(w, start, end) ?? []), [windows, start, end]);
  if (!area || (shades.length === 0 && thresholds.length === 0)) return null;
  const left = area.x;
  const right = area.x + area.width;
  const top = area.y;
  const bottom = area.y + area.height;
  const xOf = linearMap(xDomain, left, right);
  const yOf = linearMap(yDomain, bottom, top);
  const lines = thresholds.flatMap((t) => {
    const y = yOf(t.value);
    return Number.isFinite(y) ? [{ label: t.label, y }] : [];
  });
  return (
    <g className="reference-overlays">
      <defs>
        <clipPath id={clipId}>
          <rect x={left} y={top} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>
        {shades.map((s) => (
          <rect
            key={s.key}
            className={s.open ? 'incident-window open' : 'incident-window'}
            x={xOf(s.from)}
            y={top}
            width={xOf(s.to) - xOf(s.from)}
            height={area.height}
            fill={s.color}
            fillOpacity={WINDOW_OPACITY}
            stroke="none"
          />
        ))}
        {lines.map((l) => (
          <line key={l.label} className="threshold" x1={left} x2={right} y1={l.y} y2={l.y} stroke={THRESHOLD_STROKE} strokeDasharray={THRESHOLD_DASH} fill="none" />
        ))}
      </g>
      {shades.map(
        (s) =>
          s.label !== undefined && (
            <text key={s.key} className="reference-label" x={xOf(s.from) + LABEL_INSET_PX} y={top + LABEL_INSET_PX} dy={LABEL_TOP_DY} textAnchor="start" fill={s.color} fontSize={LABEL_FONT_PX}>
              {s.label}
            </text>
          ),
      )}
      {lines.map((l) => (
        <text key={l.label} className="reference-label threshold-label" x={right - LABEL_INSET_PX} y={l.y + LABEL_INSET_PX} dy={LABEL_TOP_DY} textAnchor="end" fill={THRESHOLD_LABEL_FILL} fontSize={LABEL_FONT_PX}>
          {l.label}
        </text>
      ))}
    </g>
  );
});
