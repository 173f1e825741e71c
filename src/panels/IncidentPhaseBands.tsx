import { memo, useId } from 'react';
import { usePlotArea } from 'recharts';
import { phaseName, type IncidentPhase, type IncidentWindow } from '../annotations';
import { DEFAULT_INCIDENT_COLOR } from './incidentWindowShade';
import { linearMap } from './gridCoordinates';

interface Props {
  readonly windows: readonly IncidentWindow[];
  /** The range the chart shows, epoch ms. */
  readonly start: number;
  readonly end: number;
  /** The x domain this render maps through, as ChartAxes and SeriesPaths. */
  readonly xDomain: readonly [number, number];
  readonly timezone: string;
}

/**
 * The phases of each incident window, shaded apart over its window shade — by texture and depth,
 * not by hue, so they stay apart for colour-blind readers and in the incident's own colour: the
 * impact before detection solid and deepest, detection to mitigation hatched, mitigation to
 * resolution dotted and lightest. Each band is named for screen readers; bands let the pointer
 * through, so hover and drag-zoom work over them. Positions map through this render's x domain,
 * never a Recharts scale (which subscribes to its store and may lag a commit behind).
 */
export const IncidentPhaseBands = memo(function IncidentPhaseBands({ windows, start, end, xDomain, timezone }: Props) {
  const area = usePlotArea();
  const idBase = useId().replace(/:/g, '');
  if (!area) return null;
  const withPhases = windows.filter((w) => w.phases && w.phases.length > 0);
  if (withPhases.length === 0) return null;
  const xScale = linearMap(xDomain, area.x, area.x + area.width);
  return (
    <g className="incident-phases">
      {withPhases.map((w, wi) => {
        const color = w.color ?? DEFAULT_INCIDENT_COLOR;
        const hatch = `${idBase}-hatch-${wi}`;
        const dots = `${idBase}-dots-${wi}`;
        const fill: Record<IncidentPhase['from'], string> = { started: color, detected: `url(#${hatch})`, mitigated: `url(#${dots})` };
        const bands = (w.phases ?? []).flatMap((phase) => {
          const phaseEnd = phase.end ?? w.openUntil;
          if (phaseEnd === undefined || phaseEnd <= start || phase.start >= end) return [];
          const x1 = xScale(Math.max(start, phase.start));
          const x2 = xScale(Math.min(end, phaseEnd));
          if (!Number.isFinite(x1) || !Number.isFinite(x2) || x2 <= x1) return [];
          return [{ phase, x1, x2 }];
        });
        if (bands.length === 0) return null;
        return (
          <g key={w.key} role="group" aria-label={`Phases of ${w.title}`}>
            <defs>
              <pattern id={hatch} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <line x1={0} y1={0} x2={0} y2={6} stroke={color} strokeWidth={2} strokeOpacity={0.4} />
              </pattern>
              <pattern id={dots} width={6} height={6} patternUnits="userSpaceOnUse">
                <circle cx={3} cy={3} r={1.1} fill={color} fillOpacity={0.45} />
              </pattern>
            </defs>
            {bands.map(({ phase, x1, x2 }) => {
              const name = phaseName(phase, timezone);
              return (
                <rect
                  key={phase.start}
                  role="img"
                  aria-label={name}
                  className={`incident-phase phase-${phase.from}`}
                  x={x1}
                  y={area.y}
                  width={x2 - x1}
                  height={area.height}
                  fill={fill[phase.from]}
                  fillOpacity={phase.from === 'started' ? 0.16 : 1}
                  pointerEvents="none"
                >
                  <title>{name}</title>
                </rect>
              );
            })}
          </g>
        );
      })}
    </g>
  );
});
