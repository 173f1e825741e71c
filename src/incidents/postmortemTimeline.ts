/**
 * Timeline entries ("10:15 AM: An engineer confirmed the alert…", "- 23:40 — failover", "| 10:15 |
 * text |", "2024-01-16 00:10 UTC - text") as events. Entries are dated from the outage window; an
 * entry whose clock time is nearer to the previous entry on the next day (23:50 → 00:10) moves to
 * that day, and a line holding only a date ("January 16, 2024") sets the day for what follows.
 */

import type { CivilDate, ClockTime } from './civilTime';
import { addDays, toEpoch } from './civilTime';
import { eventKind } from './eventKind';
import type { IncidentEvent } from './model';
import type { OutageWindow } from './outageWindow';
import type { DocLine } from './postmortemLines';
import type { TimeToken } from './temporalTokens';
import { hour24, matchDateAt, matchTimeAt, scanDates, scanTimes } from './temporalTokens';
import { DAY_MS } from '../time';

export interface TimelineResult {
  readonly events: IncidentEvent[];
  /** Whether the document has a "Timeline" heading (then only lines under it were read). */
  readonly hasTimelineSection: boolean;
  /** Entries beyond MAX_EVENTS were dropped. */
  readonly truncated: boolean;
  /**
   * Lines under the Timeline heading that hold a clock time but could not be read as an entry
   * ("At 10:20 we paged the DB team"): the first MAX_UNPLACED_LISTED, as line indexes.
   */
  readonly unplaced: readonly number[];
  /** How many such lines there are in all. */
  readonly unplacedCount: number;
}

export const MAX_EVENTS = 1000;
export const MAX_UNPLACED_LISTED = 10;
const MAX_EVENT_TEXT = 1000;
const MAX_CONTINUATION_LINES = 5;

const TIMELINE_HEADING =
  /^(?:detailed |incident |event )?(?:timeline|chronology|sequence of events)(?: of events)?(?:\s*\([^)]{0,60}\))?\s*:?$/i;
const ENTRY_PREFIX = /^(?:[-*+•·▪]\s+|\d{1,3}[.)]\s+|\|\s*)?(?:\*\*|__|`|\[)?\s*/;
const DATE_TIME_JOINER = /^(?:\s*,\s*|\s+at\s+|\s*T|\s+)/i;
const RANGE_JOINER = /^\s*(?:-|–|—|to|until)\s*/i;
const CLOSING_MARK = /^(?:\*\*|__|`|\])/;
const SEPARATOR = /^\s*(?:[:|\-–—]|->|→|=>)\s*/;
const AROUND_A_LONE_DATE = /^[\s,.:-]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)?[\s,.:-]*$/i;

interface Entry {
  readonly date?: CivilDate;
  readonly time: TimeToken;
  readonly text: string;
}

function cleanEventText(raw: string): string {
  return raw
    .replace(/\s*\|\s*$/, '')
    .replace(/^(?:\*\*|__)\s*|\s*(?:\*\*|__)$/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_EVENT_TEXT);
}

/** A line that starts with a clock time (optionally after a date) and a separator, else undefined. */
export function parseTimelineEntry(line: string): Entry | undefined {
  let position = ENTRY_PREFIX.exec(line)?.[0].length ?? 0;
  const bracketed = /[[`*_]/.test(line.slice(0, position));
  const date = matchDateAt(line, position);
  if (date) position = date.end + (DATE_TIME_JOINER.exec(line.slice(date.end))?.[0].length ?? 0);
  const time = matchTimeAt(line, position);
  if (!time || time.start !== position) return undefined;
  position = time.end;
  // "10:00 – 10:30: failover" spans a range; the entry is dated at its start.
  const joiner = RANGE_JOINER.exec(line.slice(position));
  if (joiner) {
    const rangeEnd = matchTimeAt(line, position + joiner[0].length);
    if (rangeEnd && rangeEnd.start === position + joiner[0].length) position = rangeEnd.end;
  }
  const closing = bracketed ? CLOSING_MARK.exec(line.slice(position)) : null;
  if (closing) position += closing[0].length;
  const separator = SEPARATOR.exec(line.slice(position));
  if (!separator && !(closing && /^\s/.test(line.slice(position)))) return undefined;
  const text = cleanEventText(line.slice(position + (separator?.[0].length ?? 0)));
  if (!text) return undefined;
  return { time, text, ...(date && { date: date.date }) };
}

/** A heading, or a line on its own, naming the timeline ("## Timeline", "Timeline (all times UTC):"). */
function isTimelineHeading(line: DocLine): boolean {
  return TIMELINE_HEADING.test(line.text);
}

/** A heading or line that holds only a date ("### January 16", "Tuesday, 16 Jan 2024:"). */
function dateOnly(line: DocLine): CivilDate | undefined {
  if (line.text.length > 60) return undefined;
  const dates = scanDates(line.text);
  const first = dates[0];
  if (dates.length !== 1 || !first) return undefined;
  const rest = line.text.slice(0, first.start) + line.text.slice(first.end);
  return AROUND_A_LONE_DATE.test(rest) ? first.date : undefined;
}

/** Whether `heading` closes a timeline section opened by a heading of `timelineLevel`. */
function endsSection(heading: DocLine, timelineLevel: number): boolean {
  if (dateOnly(heading)) return false;
  const level = heading.level ?? 0;
  return !(level > 0 && timelineLevel > 0 && level > timelineLevel);
}

/** Index ranges [from, to) of the lines to read entries from. */
function timelineSpans(lines: readonly DocLine[]): { spans: Array<[number, number]>; hasTimelineSection: boolean } {
  const spans: Array<[number, number]> = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line || !isTimelineHeading(line)) continue;
    const level = line.level ?? 0;
    let end = index + 1;
    while (end < lines.length) {
      const next = lines[end];
      if (next && next.level !== undefined && endsSection(next, level)) break;
      end += 1;
    }
    spans.push([index + 1, end]);
    index = end - 1;
  }
  if (spans.length > 0) return { spans, hasTimelineSection: true };
  return { spans: [[0, lines.length]], hasTimelineSection: false };
}

export function readTimeline(lines: readonly DocLine[], window: OutageWindow): TimelineResult {
  const { spans, hasTimelineSection } = timelineSpans(lines);
  const events: Array<{ time: number; text: string }> = [];
  const unplaced: number[] = [];
  let unplacedCount = 0;
  let truncated = false;
  let currentDate = window.startDate;
  let previous = window.start;

  for (const [from, to] of spans) {
    let continuing = false;
    let continuationCount = 0;
    for (let index = from; index < to; index += 1) {
      const line = lines[index];
      if (!line || !line.text) {
        continuing = false;
        continue;
      }
      const headingDate = hasTimelineSection || line.level !== undefined ? dateOnly(line) : undefined;
      if (headingDate) {
        currentDate = headingDate;
        previous = toEpoch(headingDate, { hour: 0, minute: 0, second: 0 }, window.zone);
        continuing = false;
        continue;
      }
      const entry = line.level === undefined ? parseTimelineEntry(line.text) : undefined;
      if (!entry) {
        const last = events[events.length - 1];
        // A wrapped entry continues on the next line(s) of its paragraph.
        if (continuing && hasTimelineSection && last && line.level === undefined && continuationCount < MAX_CONTINUATION_LINES) {
          last.text = cleanEventText(`${last.text} ${line.text}`);
          continuationCount += 1;
        } else {
          continuing = false;
          // Without a Timeline heading every line of the document is read, and most are prose.
          if (hasTimelineSection && line.level === undefined && scanTimes(line.text).length > 0) {
            if (unplaced.length < MAX_UNPLACED_LISTED) unplaced.push(index);
            unplacedCount += 1;
          }
        }
        continue;
      }
      if (events.length >= MAX_EVENTS) {
        truncated = true;
        break;
      }
      const zone = entry.time.zone ?? window.zone;
      const clock: ClockTime = { hour: hour24(entry.time), minute: entry.time.minute, second: entry.time.second };
      let time: number;
      if (entry.date) {
        currentDate = entry.date;
        time = toEpoch(entry.date, clock, zone);
      } else {
        time = toEpoch(currentDate, clock, zone);
        const nextDay = toEpoch(addDays(currentDate, 1), clock, zone);
        if (Math.abs(nextDay - previous) < Math.abs(time - previous) && nextDay - previous < DAY_MS) {
          currentDate = addDays(currentDate, 1);
          time = nextDay;
        }
      }
      previous = time;
      events.push({ time, text: entry.text });
      continuing = true;
      continuationCount = 0;
    }
  }

  const sorted = events
    .map(({ time, text }) => ({ time, text, kind: eventKind(text) }))
    .sort((left, right) => left.time - right.time);
  return { events: sorted, hasTimelineSection, truncated, unplaced, unplacedCount };
}
