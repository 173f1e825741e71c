import type { EventMarker, IncidentWindow } from '../annotations';
import type { Incident } from './model';

export function markerKey(incidentId: string, index: number): string {
  return `${incidentId}#${index}`;
}

/** Flattens incidents into what the panels draw: shaded windows and event markers. */
export function toOverlay(incidents: readonly Incident[]): { windows: IncidentWindow[]; markers: EventMarker[] } {
  const windows: IncidentWindow[] = [];
  const markers: EventMarker[] = [];
  for (const incident of incidents) {
    windows.push({ key: incident.id, title: incident.title, start: incident.start, end: incident.end });
    incident.events.forEach((event, i) => {
      markers.push({ key: markerKey(incident.id, i), time: event.time, kind: event.kind, text: event.text });
    });
  }
  return { windows, markers };
}
