import type { Incident, IncidentEvent, IncidentEventKind } from './model';

/** Events further than this from the incident window are almost certainly misdated. */
const FAR_OUTSIDE_WINDOW_MS = 24 * 60 * 60 * 1000;
// One message per misplaced event would bury the rest when a whole timeline is misdated.
const MAX_REPORTED_EVENTS = 5;

// The lifecycle order a timeline is expected to follow; each pair reads "later must not precede earlier".
const LIFECYCLE_ORDER: ReadonlyArray<readonly [IncidentEventKind, IncidentEventKind]> = [
  ['mitigated', 'detected'],
  ['resolved', 'detected'],
  ['resolved', 'mitigated'],
];

function formatInstant(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : String(ms);
}

function quote(text: string): string {
  return text.length > 60 ? `"${text.slice(0, 59)}…"` : `"${text}"`;
}

function firstOfKind(events: readonly IncidentEvent[], kind: IncidentEventKind): IncidentEvent | undefined {
  let first: IncidentEvent | undefined;
  for (const event of events) {
    if (event.kind === kind && (!first || event.time < first.time)) first = event;
  }
  return first;
}

/**
 * Human-readable problems with an incident's timing: a window that ends before it starts, lifecycle
 * stages out of order (mitigated before detected, resolved before mitigated), events out of order
 * or far outside the window. An empty list means nothing looks wrong.
 */
export function validateIncident(incident: Incident): string[] {
  const problems: string[] = [];
  const { start, end, events } = incident;
  if (!Number.isFinite(start)) problems.push(`The start time is not a valid time (${String(start)}).`);
  if (end !== undefined && !Number.isFinite(end)) problems.push(`The end time is not a valid time (${String(end)}).`);
  if (end !== undefined && Number.isFinite(start) && Number.isFinite(end) && end < start) {
    problems.push(`The incident ends (${formatInstant(end)}) before it starts (${formatInstant(start)}).`);
  }

  for (let index = 1; index < events.length; index += 1) {
    const previous = events[index - 1];
    const current = events[index];
    if (previous && current && current.time < previous.time) {
      problems.push(`Events are not sorted by time: ${quote(current.text)} comes after a later event.`);
      break;
    }
  }

  for (const [later, earlier] of LIFECYCLE_ORDER) {
    const laterEvent = firstOfKind(events, later);
    const earlierEvent = firstOfKind(events, earlier);
    if (laterEvent && earlierEvent && laterEvent.time < earlierEvent.time) {
      problems.push(
        `The first "${later}" event (${formatInstant(laterEvent.time)}) comes before the first "${earlier}" event (${formatInstant(earlierEvent.time)}).`,
      );
    }
  }

  if (Number.isFinite(start)) {
    const windowEnd = end !== undefined && Number.isFinite(end) ? Math.max(end, start) : start;
    const misplaced = events.filter(
      (event) =>
        !Number.isFinite(event.time) ||
        event.time < start - FAR_OUTSIDE_WINDOW_MS ||
        event.time > windowEnd + FAR_OUTSIDE_WINDOW_MS,
    );
    for (const event of misplaced.slice(0, MAX_REPORTED_EVENTS)) {
      problems.push(
        Number.isFinite(event.time)
          ? `The event at ${formatInstant(event.time)} (${quote(event.text)}) is more than 24 h outside the incident window.`
          : `The event ${quote(event.text)} has no valid time.`,
      );
    }
    if (misplaced.length > MAX_REPORTED_EVENTS) {
      problems.push(`${misplaced.length - MAX_REPORTED_EVENTS} more events are more than 24 h outside the incident window.`);
    }
  }
  return problems;
}
