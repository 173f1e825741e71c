/**
 * The edits a user makes to a read postmortem before it is overlaid, as pure functions of the
 * incident. Every edit keeps the incident's invariants: events sorted by time, every instant within
 * the years vigil shows. What makes an edit wrong (an end before the start, a time that is no time)
 * is said by the `…Refusal` functions, so the page can say it before it edits.
 */
import { EARLIEST_TIME_MS, LATEST_TIME_MS, instantOfWallClock } from '../time';
import { wallClockAt } from '../time/zone';
import type { Incident, IncidentEvent } from './model';

/** An instant vigil can show: whole milliseconds within years 0001–9999. */
export function boundedInstant(ms: number): number {
  if (Number.isNaN(ms)) return EARLIEST_TIME_MS;
  return Math.min(LATEST_TIME_MS, Math.max(EARLIEST_TIME_MS, Math.round(ms)));
}

/** Stable by time: events at the same instant keep the order the postmortem wrote them in. */
function sortedEvents(events: readonly IncidentEvent[]): IncidentEvent[] {
  return events.map((event, index) => ({ event, index })).sort((a, b) => a.event.time - b.event.time || a.index - b.index).map(({ event }) => event);
}

export function setEventTime(incident: Incident, index: number, time: number): Incident {
  if (!incident.events[index]) return incident;
  const events = incident.events.map((event, i) => (i === index ? { ...event, time: boundedInstant(time) } : event));
  return { ...incident, events: sortedEvents(events) };
}

export function dropEvent(incident: Incident, index: number): Incident {
  if (!incident.events[index]) return incident;
  return { ...incident, events: incident.events.filter((_, i) => i !== index) };
}

/** A new event, placed among the others by its time (after any at the same instant). */
export function addEvent(incident: Incident, event: IncidentEvent): Incident {
  return { ...incident, events: sortedEvents([...incident.events, { ...event, time: boundedInstant(event.time) }]) };
}

/** Why this window cannot be set, or null. `end` undefined is an incident still open. */
export function windowRefusal(start: number, end: number | undefined): string | null {
  if (end !== undefined && boundedInstant(end) <= boundedInstant(start)) return 'The window must end after it starts.';
  return null;
}

/** The outage window; an end at or before the start is refused (the incident is returned as it was). */
export function setWindow(incident: Incident, start: number, end: number | undefined): Incident {
  if (windowRefusal(start, end) !== null) return incident;
  const { end: _previousEnd, ...rest } = incident;
  return end === undefined ? { ...rest, start: boundedInstant(start) } : { ...rest, start: boundedInstant(start), end: boundedInstant(end) };
}

/** The instant `to` shows the wall clock that `from` shows at `ms`: the same written time, read in another zone. */
export function rereadInZone(ms: number, from: string, to: string): number {
  return boundedInstant(instantOfWallClock(wallClockAt(ms, from), to));
}

/**
 * Reads the postmortem's times in `zone` instead: every instant (window and events) keeps the wall
 * clock it showed in the zone it was read in. For a postmortem that names no timezone; the zone
 * stays one the user gave, not one the postmortem stated.
 */
export function setTimezone(incident: Incident, zone: string): Incident {
  if (zone === incident.timezone) return incident;
  const reread = (ms: number) => rereadInZone(ms, incident.timezone, zone);
  const { end, ...rest } = incident;
  return {
    ...rest,
    ...rereadWindow(incident.start, end, reread),
    events: sortedEvents(incident.events.map((event) => ({ ...event, time: reread(event.time) }))),
    timezone: zone,
    timezoneSource: { kind: 'assumed' },
  };
}

/**
 * A window re-read in another zone. Where a DST jump folds it (its start in a skipped hour lands
 * after its end), it keeps its length instead, so it still ends after it starts.
 */
function rereadWindow(start: number, end: number | undefined, reread: (ms: number) => number): { start: number; end?: number } {
  const newStart = reread(start);
  if (end === undefined) return { start: newStart };
  const newEnd = reread(end);
  if (newEnd > newStart) return { start: newStart, end: newEnd };
  const keptEnd = boundedInstant(newStart + Math.max(1, end - start));
  return { start: Math.min(newStart, keptEnd - 1), end: keptEnd };
}

const WALL_CLOCK_INPUT = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

/** "2024-01-15 10:15" (or with seconds) in `zone` as an instant, or null when it is not such a time. */
export function parseWallClockInput(text: string, zone: string): number | null {
  const match = WALL_CLOCK_INPUT.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  // Day 31 of a 30-day month would roll into the next; refuse it instead.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  const ms = instantOfWallClock({ year, month, day, hour, minute, second, millisecond: 0 }, zone);
  return ms >= EARLIEST_TIME_MS && ms <= LATEST_TIME_MS ? ms : null;
}

/** The instant as parseWallClockInput reads it back: "2024-01-15 10:15", with seconds where it has them. */
export function formatWallClockInput(ms: number, zone: string): string {
  const c = wallClockAt(ms, zone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const seconds = c.second === 0 ? '' : `:${pad(c.second)}`;
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}${seconds}`;
}
