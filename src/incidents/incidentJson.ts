/**
 * An incident as the command line prints it: times in ISO 8601 with the offset of the incident's
 * zone at that instant, events in time order. The shape is `npm run incident`'s contract.
 */

import type { Incident } from './model';
import { MINUTE_MS, zoneOffsetAt } from '../time';

export interface IncidentJson {
  readonly id: string;
  readonly title: string;
  readonly timezone: string;
  readonly start: string;
  readonly end: string | null;
  readonly events: ReadonlyArray<{ readonly time: string; readonly kind: string; readonly text: string }>;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** "2024-01-15T10:00:00-08:00": the wall clock `timezone` shows at `ms`, and its offset. */
export function isoWithOffset(ms: number, timezone: string): string {
  const offsetMinutes = Math.round(zoneOffsetAt(ms, timezone) / MINUTE_MS);
  const wall = new Date(ms + offsetMinutes * MINUTE_MS);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const clock = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  return `${date}T${clock}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

export function incidentJson(incident: Incident): IncidentJson {
  const zone = incident.timezone;
  return {
    id: incident.id,
    title: incident.title,
    timezone: zone,
    start: isoWithOffset(incident.start, zone),
    end: incident.end === undefined ? null : isoWithOffset(incident.end, zone),
    events: [...incident.events]
      .sort((left, right) => left.time - right.time)
      .map((event) => ({ time: isoWithOffset(event.time, zone), kind: event.kind, text: event.text })),
  };
}
