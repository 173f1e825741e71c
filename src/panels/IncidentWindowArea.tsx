import { ReferenceArea } from 'recharts';
import type { IncidentWindow } from '../annotations';
import { formatDuration, MINUTE_MS } from '../time';

/** The incident red, for windows that carry no colour of their own. */
const DEFAULT_INCIDENT_COLOR = '#ff4d4f';

interface Props {
  readonly window: IncidentWindow;
  /** The range the chart shows, epoch ms. */
  readonly start: number;
  readonly end: number;
}

/**
 * An incident's window shaded in its colour. An open one (no end) is shaded from its start to the
 * present of the last refresh and labelled with how long it has been open, so it grows with each
 * refresh instead of painting the whole graph (grafana/grafana#20487); without a present to shade
 * to, only its start is marked (by its events).
 */
export function IncidentWindowArea({ window: w, start, end }: Props) {
  const open = w.end === undefined;
  const windowEnd = w.end ?? w.openUntil;
  if (windowEnd === undefined || windowEnd <= start || w.start >= end) return null;
  const x1 = Math.max(start, w.start);
  const x2 = Math.min(end, windowEnd);
  const color = w.color ?? DEFAULT_INCIDENT_COLOR;
  const elapsed = formatDuration(Math.floor((windowEnd - w.start) / MINUTE_MS) * MINUTE_MS);
  return (
    <ReferenceArea
      x1={x1}
      x2={x2}
      className={open ? 'incident-window open' : 'incident-window'}
      fill={color}
      fillOpacity={0.12}
      ifOverflow="hidden"
      label={open ? { value: `${w.title}: open for ${elapsed}`, position: 'insideTopLeft', fill: color, fontSize: 11 } : undefined}
    />
  );
}
