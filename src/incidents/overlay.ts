import type { EventMarker, IncidentWindow } from '../annotations';
import { incidentPhases } from './incidentPhases';
import type { Incident } from './model';

export function markerKey(incidentId: string, index: number): string {
  return `${incidentId}#${index}`;
}

export interface OverlayOptions {
  /** Colour per incident id (incidentColors); an incident without one keeps the default. */
  readonly colors?: ReadonlyMap<string, string>;
  /** The present as resolved at the last refresh: open incidents are shaded up to it. */
  readonly now?: number;
}

/** Flattens incidents into what the panels draw: shaded windows and event markers, in each incident's colour. */
export function toOverlay(incidents: readonly Incident[], options: OverlayOptions = {}): { windows: IncidentWindow[]; markers: EventMarker[] } {
  const windows: IncidentWindow[] = [];
  const markers: EventMarker[] = [];
  for (const incident of incidents) {
    const color = options.colors?.get(incident.id);
    const open = incident.end === undefined && options.now !== undefined && options.now > incident.start;
    windows.push({
      key: incident.id,
      title: incident.title,
      start: incident.start,
      end: incident.end,
      ...(color !== undefined && { color }),
      ...(open && { openUntil: options.now }),
      phases: incidentPhases(incident),
    });
    incident.events.forEach((event, i) => {
      markers.push({ key: markerKey(incident.id, i), time: event.time, kind: event.kind, text: event.text, ...(color !== undefined && { color }) });
    });
  }
  return { windows, markers };
}
