import type { IncidentWindow } from '../annotations';
import { formatDuration, MINUTE_MS } from '../time';

/** The incident red, for windows that carry no colour of their own. */
export const DEFAULT_INCIDENT_COLOR = '#ff4d4f';

/** The part of an incident's window a chart shades, in epoch ms, and what it says about it. */
export interface WindowShade {
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly color: string;
  readonly open: boolean;
  /** An open window's "<title>: open for <elapsed>"; a closed one says nothing (its events do). */
  readonly label: string | undefined;
}

/**
 * An incident's window shaded in its colour, cut to the range the chart shows. An open one (no
 * end) is shaded from its start to the present of the last refresh and labelled with how long it
 * has been open, so it grows with each refresh instead of painting the whole graph
 * (grafana/grafana#20487); without a present to shade to, only its start is marked (by its events).
 */
export function incidentWindowShade(w: IncidentWindow, start: number, end: number): WindowShade | undefined {
  const open = w.end === undefined;
  const windowEnd = w.end ?? w.openUntil;
  if (windowEnd === undefined || windowEnd <= start || w.start >= end) return undefined;
  const color = w.color ?? DEFAULT_INCIDENT_COLOR;
  const elapsed = formatDuration(Math.floor((windowEnd - w.start) / MINUTE_MS) * MINUTE_MS);
  return {
    key: w.key,
    from: Math.max(start, w.start),
    to: Math.min(end, windowEnd),
    color,
    open,
    label: open ? `${w.title}: open for ${elapsed}` : undefined,
  };
}
