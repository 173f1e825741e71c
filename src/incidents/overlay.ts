import type { Incident } from './model';

/** A timeline event as every panel marks it; `key` is stable and used for selection. */
export interface OverlayMarker {
  readonly key: string;
  readonly time: number;
  readonly kind: string;
  readonly text: string;
}

export interface OverlayWindow {
  readonly key: string;
  readonly title: string;
  readonly start: number;
  readonly end?: number;
}

export function markerKey(incidentId: string, index: number): string {
  return `${incidentId}#${index}`;
}

/** Flattens incidents into what the panels draw: shaded windows and event markers. */
export function toOverlay(incidents: readonly Incident[]): { windows: OverlayWindow[]; markers: OverlayMarker[] } {
  const windows: OverlayWindow[] = [];
  const markers: OverlayMarker[] = [];
  for (const incident of incidents) {
    windows.push({ key: incident.id, title: incident.title, start: incident.start, end: incident.end });
    incident.events.forEach((event, i) => {
      markers.push({ key: markerKey(incident.id, i), time: event.time, kind: event.kind, text: event.text });
    });
  }
  return { windows, markers };
}
