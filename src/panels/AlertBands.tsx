import { useId, useMemo, useState } from 'react';
import { usePlotArea } from 'recharts';
import { alertRows, bandsForPanel, describeBand, type AlertBand } from '../alerts';
import type { PanelLine } from './types';
import { linearMap } from './gridCoordinates';

interface Props {
  readonly bands: readonly AlertBand[];
  /** The lines drawn: their `instance` labels decide which alerts this panel shows. */
  readonly lines: readonly PanelLine[];
  readonly start: number;
  readonly end: number;
  /** The x domain this render maps through, as ChartAxes and SeriesPaths. */
  readonly xDomain: readonly [number, number];
  readonly timezone: string;
}

const ROW_HEIGHT_PX = 5;
const ROW_GAP_PX = 2;
/** A period of one step is still wide enough to see and point at. */
const MIN_BAND_WIDTH_PX = 3;
const LABEL_CHAR_PX = 6.2;

/**
 * Alerts as thin strips along the bottom of the plot, one row per alert and instance — apart from
 * incidents, which shade the whole height in red: amber, and hatched when flapping. Each band is
 * focusable and named in words; hovering or focusing it shows that name above it.
 */
export function AlertBands({ bands, lines, start, end, xDomain, timezone }: Props) {
  const area = usePlotArea();
  const hatchId = useId();
  const [active, setActive] = useState<{ readonly key: string; readonly label: string; readonly x: number; readonly y: number } | null>(null);
  const shown = useMemo(() => {
    const instances = new Set(lines.flatMap((l) => (l.series.labels.instance !== undefined ? [l.series.labels.instance] : [])));
    return alertRows(bandsForPanel(bands, instances).filter((b) => b.end >= start && b.start <= end));
  }, [bands, lines, start, end]);
  if (!area || shown.rows.length === 0) return null;
  const xScale = linearMap(xDomain, area.x, area.x + area.width);
  const xOf = (t: number) => xScale(Math.min(end, Math.max(start, t)));
  const bottom = area.y + area.height;

  return (
    <g className="alert-bands" data-omitted-rows={shown.omittedRows}>
      <defs>
        <pattern id={hatchId} width={4} height={4} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width={4} height={4} className="alert-band-flapping-bg" />
          <line x1={0} y1={0} x2={0} y2={4} className="alert-band-hatch" />
        </pattern>
      </defs>
      {shown.rows.map((row, r) => {
        const y = bottom - (r + 1) * (ROW_HEIGHT_PX + ROW_GAP_PX);
        return row.bands.map((band) => {
          const x1 = xOf(band.start);
          const x2 = xOf(band.end);
          if (!Number.isFinite(x1) || !Number.isFinite(x2)) return null;
          const width = Math.max(MIN_BAND_WIDTH_PX, x2 - x1);
          const label = describeBand(band, timezone);
          const show = () => setActive({ key: band.key, label, x: x1, y });
          const hide = () => setActive((a) => (a?.key === band.key ? null : a));
          return (
            <g
              key={band.key}
              role="img"
              tabIndex={0}
              aria-label={label}
              className={band.periods > 1 ? 'alert-band flapping' : 'alert-band'}
              data-alert={band.alertname}
              data-instance={band.instance}
              data-start={band.start}
              data-end={band.end}
              onMouseEnter={show}
              onMouseLeave={hide}
              onFocus={show}
              onBlur={hide}
            >
              {/* Taller than the strip, so the pointer finds it. */}
              <rect x={x1} y={y - 3} width={width} height={ROW_HEIGHT_PX + 6} fill="transparent" />
              <rect x={x1} y={y} width={width} height={ROW_HEIGHT_PX} rx={1} className="alert-band-fill" fill={band.periods > 1 ? `url(#${hatchId})` : undefined} />
            </g>
          );
        });
      })}
      {active && <BandLabel text={active.label} x={active.x} y={active.y} left={area.x} right={area.x + area.width} />}
    </g>
  );
}

/** The band's name above it, kept inside the plot. */
function BandLabel({ text, x, y, left, right }: { text: string; x: number; y: number; left: number; right: number }) {
  const width = text.length * LABEL_CHAR_PX + 8;
  const boxX = Math.max(left, Math.min(x, right - width));
  return (
    <g className="alert-band-label" aria-hidden="true" pointerEvents="none">
      <rect x={boxX} y={y - 20} width={width} height={16} rx={3} />
      <text x={boxX + 4} y={y - 8}>
        {text}
      </text>
    </g>
  );
}
