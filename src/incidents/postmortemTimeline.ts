/**
 * The timeline of a postmortem as events. An entry is a line that starts with a stamp (a clock time,
 * maybe with a date and zone, see GRAMMAR.md) after list markers, quote marks, emphasis and lead
 * words ("UPDATE", "Posted", "~"), and then its text; a stamp on a line of its own (a heading
 * "### 14:29", a status-page "Jan 15, 12:30 UTC") takes its text from the paragraph beside it.
 *
 * Dates and zones carry forward: from the document (its front matter, title, first date) to the
 * first entry, from a day heading or a dated entry to the entries after it, and from the first
 * entry that writes a zone to those that do not. Times that go backwards in an ascending timeline
 * pass midnight; in a timeline written newest first (a status page) they go back a day instead.
 */

import type { CivilDate, ClockTime, ZoneSpec } from './civilTime';
import { addDays, toEpoch } from './civilTime';
import { eventKind } from './eventKind';
import type { IncidentEvent } from './model';
import type { DocLine } from './postmortemLines';
import type { DateToken, TimeToken } from './temporalTokens';
import { hour24, matchDateAt, matchTimeAt, matchZoneAt, scanDates, scanTimes } from './temporalTokens';
import { DAY_MS } from '../time';

export interface TimelineContext {
  /** The day entries without a date of their own fall on, until a day heading or dated entry says otherwise. */
  readonly date?: CivilDate;
  /** The year of dates written without one ("7 May"). */
  readonly year?: number;
  /** The zone of times written without one, until an entry writes its own. */
  readonly zone: ZoneSpec;
}

export interface PlacedEvent extends IncidentEvent {
  /** Index of the line the entry was read from. */
  readonly lineIndex: number;
  readonly approximate: boolean;
}

export interface TimelineResult {
  readonly events: PlacedEvent[];
  /** Whether the document has a "Timeline" heading (then only lines under it were read). */
  readonly hasTimelineSection: boolean;
  /** Whether the entries were written newest first. */
  readonly newestFirst: boolean;
  /** Entries beyond MAX_EVENTS were dropped. */
  readonly truncated: boolean;
  /** Lines that hold a time but could not be placed as an event: the first MAX_UNPLACED_LISTED, as line indexes. */
  readonly unplaced: readonly number[];
  /** How many such lines there are in all. */
  readonly unplacedCount: number;
  /** The first zone an entry wrote, if any. */
  readonly writtenZone?: ZoneSpec;
}

export const MAX_EVENTS = 1000;
export const MAX_UNPLACED_LISTED = 50;
const MAX_EVENT_TEXT = 1000;
const MAX_CONTINUATION_LINES = 5;
const MAX_PREFIX_STEPS = 8;
/**
 * Paragraphs that open with "At 16:17, …" are timeline entries only where at least this many follow
 * one another (blank lines between at most): one such sentence among others is prose.
 */
export const MIN_AT_RUN = 3;
const AT_LEAD = /^at\s+(?=\d)/i;

const TIMELINE_HEADING =
  /^(?:detailed |incident |event |full |complete )?(?:timeline|chronology|sequence of events|incident history|history|updates|status updates|what happened)(?: of events| and (?:impact|response|analysis|root cause)\w*)?(?:\s*[([][^)\]]{0,60}[)\]])?\s*:?$/i;
/** What may stand before an entry's stamp, each consumed in turn. */
const ENTRY_PREFIXES: readonly RegExp[] = [
  /^>\s*/, // a quoted chat log or e-mail
  /^(?:[-*+•·▪◦‣]|\d{1,3}[.)])\s+/, // a list item
  /^\[[ xX]\]\s+/, // a task-list box
  /^\|\s*/, // a table cell
  /^(?:\*\*|__|\*|_|`|\[|\()\s*/, // emphasis, code, a bracket
  /^(?:UPDATE|Update(?:d)?|Posted|Edit(?:ed)?)\b(?:\s+\d{1,3}\s+\w{3,7}\s+ago\b)?\s*[:.\-–—]?\s*/, // status-page lead words
  /^(?:(?:mon|tues|wed|wednes|thu|thurs|fri|sat|satur|sun)(?:day)?\.?|(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch|sonnabend),?\s+/i, // a weekday before a date (English, German)
  /^(?:~|≈|±|\+\/-|(?:around|about|approx(?:\.|imately)?|roughly|circa|ca\.)\s)\s*/i, // approximate markers
];
const LISTED_PREFIX = /^(?:>|[-*+•·▪◦‣]\s|\d{1,3}[.)]\s|\||\*|_|`|\[|\(|UPDATE|Update|Posted|Edit)/;
const DATE_TIME_JOINER = /^(?:\s*,\s*(?:at\s+)?|\s+at\s+|\s*T|\s*[-–—]\s*|\s*@\s*|\s+)/i;
const TIME_DATE_JOINER = /^(?:\s*,\s*|\s+on\s+|\s+)/i;
const ZONE_WORD_BEFORE = /^(?:UTC|GMT|[A-Z]{2,5})\s{1,2}(?=\d)/;
const RANGE_JOINER = /^\s*(?:-|–|—|to|until)\s*/i;
const CLOSING_OR_SEPARATOR = /^\s*(?:\*\*|__|\*|_|`|\]|\)|[:|\-–—]|->|→|=>|\.(?=\s))\s*/;
const SEPARATOR_MARK = /[:|\-–—>→\]).*_`]/;
const AROUND_A_LONE_DATE =
  /^[\s,.:\-–—#*_()[\]]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch|sonnabend)?[\s,.:\-–—*_()[\]]*$/i;
/** Shortcodes of static-site templates ("{{< update time="2023-01-04T05:13:00Z" >}}"): the stamp inside is the entry's. */
const SHORTCODE = /\{\{[<%]\s*\/?[\w-]{1,40}(?:[^{}]{0,400})[>%]\}\}|\{%\s*\/?[\w-]{1,40}(?:[^{}]{0,400})%\}/g;
const ISO_STAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?/;

/** An entry's stamp and what follows it. */
export interface Stamp {
  readonly date?: DateToken;
  readonly time: TimeToken;
  /** The text after the stamp and its separator ('' for a stamp on its own). */
  readonly rest: string;
  /** Whether the stamp spans a range ("10:00 – 10:30: failover"). */
  readonly range: boolean;
  /** Whether a separator, closing mark or list marker set the stamp apart from the text. */
  readonly setApart: boolean;
}

interface Entry {
  readonly date?: DateToken;
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

/** The line with template shortcodes replaced by the ISO stamp they carry, or removed. */
function withoutShortcodes(line: string): string {
  if (!line.includes('{')) return line;
  return line.replace(SHORTCODE, (code) => {
    const stamp = ISO_STAMP.exec(code)?.[0];
    return stamp ? `${stamp} — ` : ' ';
  }).trim();
}

/** A stamp at the start of `line` (after prefixes), and the text after it, else undefined. */
export function readStamp(line: string): Stamp | undefined {
  const text = withoutShortcodes(line);
  let position = 0;
  for (let step = 0; step < MAX_PREFIX_STEPS; step += 1) {
    const prefix = ENTRY_PREFIXES.map((pattern) => pattern.exec(text.slice(position))).find((match) => match && match[0].length > 0);
    if (!prefix) break;
    position += prefix[0].length;
  }
  const listed = LISTED_PREFIX.test(text) || text !== line;
  let date = matchDateAt(text, position, { yearless: true });
  if (date) position = date.end + (DATE_TIME_JOINER.exec(text.slice(date.end))?.[0].length ?? 0);
  const zoneWord = ZONE_WORD_BEFORE.exec(text.slice(position));
  if (zoneWord && matchZoneAt(zoneWord[0].trim().toUpperCase(), 0)) position += zoneWord[0].length;
  const time = matchTimeAt(text, position);
  if (!time || time.start !== position) return undefined;
  position = time.end;
  let range = false;
  const joiner = RANGE_JOINER.exec(text.slice(position));
  if (joiner) {
    const rangeEnd = matchTimeAt(text, position + joiner[0].length);
    if (rangeEnd && rangeEnd.start === position + joiner[0].length) {
      position = rangeEnd.end;
      range = true;
    }
  }
  if (!date) {
    // "0401 UTC 2014-10-26 - text", "10:00 UTC, Jan 5: text": the date after the time.
    const dateJoiner = TIME_DATE_JOINER.exec(text.slice(position));
    const after = dateJoiner && matchDateAt(text, position + dateJoiner[0].length, { yearless: true });
    if (after) {
      date = after;
      position = after.end;
    }
  }
  let setApart = listed;
  for (let step = 0; step < MAX_PREFIX_STEPS; step += 1) {
    const mark = CLOSING_OR_SEPARATOR.exec(text.slice(position));
    if (!mark) break;
    if (SEPARATOR_MARK.test(mark[0])) setApart = true;
    position += mark[0].length;
  }
  return { time, range, setApart, rest: text.slice(position), ...(date && { date }) };
}

/** A line that starts with a clock time (optionally after a date) and then the entry's text, else undefined. */
export function parseTimelineEntry(line: string, inTimeline = false): Entry | undefined {
  const stamp = readStamp(line);
  if (!stamp) return undefined;
  const text = cleanEventText(stamp.rest);
  if (!text || !/[\p{L}\p{N}]/u.test(text)) return undefined;
  // In prose "10:15 engineers met" continues a sentence, while "- 14:51 News reports …", "14:51 News
  // reports …", a dated "2019-03-27 16:44 last edit" and any line under a Timeline heading start an entry.
  if (!stamp.setApart && !inTimeline && !stamp.date && !/^[\p{Lu}"'“‘(\p{N}]/u.test(text)) return undefined;
  return { time: stamp.time, text, ...(stamp.date && { date: stamp.date }) };
}

/** "At 16:17, a Heroku problem …": the stamp after "At" and the text after it, else undefined. */
function atEntry(line: string): Entry | undefined {
  const lead = AT_LEAD.exec(line);
  if (!lead) return undefined;
  const stamp = readStamp(line.slice(lead[0].length));
  if (!stamp || stamp.range) return undefined;
  const text = cleanEventText(stamp.rest.replace(/^\s*,\s*/, ''));
  if (!text || !/[\p{L}\p{N}]/u.test(text)) return undefined;
  return { time: stamp.time, text, ...(stamp.date && { date: stamp.date }) };
}

/** Indexes of the lines in [from, to) that open with "At <time>" in runs of at least MIN_AT_RUN (blank lines between). */
function atRunLines(lines: readonly DocLine[], from: number, to: number): Set<number> {
  const found = new Set<number>();
  let run: number[] = [];
  const close = () => {
    if (run.length >= MIN_AT_RUN) for (const index of run) found.add(index);
    run = [];
  };
  for (let index = from; index < to; index += 1) {
    const line = lines[index];
    if (!line?.text) continue;
    if (line.level === undefined && atEntry(line.text)) run.push(index);
    else close();
  }
  close();
  return found;
}

/** A stamp standing alone on its line ("### 14:29", "**2023-01-04 05:13**", "Jan 15, 12:30 UTC"). */
function stampOnly(line: string): Stamp | undefined {
  const stamp = readStamp(line);
  if (!stamp || stamp.range) return undefined;
  return /[\p{L}\p{N}]/u.test(stamp.rest.replace(/^(?:UTC|GMT)\b/i, '')) ? undefined : stamp;
}

/** A heading, or a line on its own, naming the timeline ("## Timeline", "Timeline (all times UTC):"). */
function isTimelineHeading(line: DocLine): boolean {
  const text = line.text.replace(/^(?:\*\*|__)|(?:\*\*|__)\s*:?$/g, '');
  return TIMELINE_HEADING.test(text) && (line.level !== undefined || text.length < 60);
}

/** A heading or line that holds only a date ("### January 16", "Tuesday, 16 Jan 2024:", "19. April"). */
function dateOnly(line: DocLine): DateToken | undefined {
  if (line.text.length > 60) return undefined;
  const dates = scanDates(line.text, { yearless: true });
  const first = dates[0];
  if (dates.length !== 1 || !first || scanTimes(line.text).length > 0) return undefined;
  const rest = line.text.slice(0, first.start) + line.text.slice(first.end);
  return AROUND_A_LONE_DATE.test(rest) ? first : undefined;
}

const FIXED_DAY = /\b(?:unless (?:otherwise )?(?:noted|stated|specified)|all (?:events|entries|times)\b[^.]{0,40}\b(?:on|happened on|occurred on))\b/i;

/** "Unless otherwise noted all events happened on 2019-10-21": the day of every undated entry. */
function fixedDateOf(line: DocLine): DateToken | undefined {
  if (!FIXED_DAY.test(line.text)) return undefined;
  const dates = scanDates(line.text, { yearless: true });
  return dates.length === 1 && scanTimes(line.text).length === 0 ? dates[0] : undefined;
}

/** Whether `heading` closes a timeline section opened by a heading of `timelineLevel`. */
function endsSection(heading: DocLine, timelineLevel: number): boolean {
  if (dateOnly(heading) || stampOnly(heading.text)) return false;
  const level = heading.level ?? 0;
  return !(level > 0 && timelineLevel > 0 && level > timelineLevel) && !(level === 0 && timelineLevel > 0);
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

/** An entry as read, before its day is worked out. */
interface RawEntry {
  readonly lineIndex: number;
  readonly time: TimeToken;
  readonly text: string;
  /** A date written on the entry or on the day heading above it (year still to resolve where not written). */
  readonly date?: DateToken;
  /** Whether `date` came from a heading (then it holds for the entries after it too). */
  readonly dayGroup: number;
}

/** The paragraph after `from` (for a stamp heading): its lines up to a blank line, heading or entry. */
function paragraphAfter(lines: readonly DocLine[], from: number, to: number): { text: string; next: number } {
  let index = from;
  while (index < to && lines[index]?.text === '') index += 1;
  const parts: string[] = [];
  for (; index < to && parts.length < MAX_CONTINUATION_LINES; index += 1) {
    const line = lines[index];
    if (!line?.text || line.level !== undefined || readStamp(line.text)) break;
    parts.push(line.text);
  }
  return { text: cleanEventText(parts.join(' ')), next: index };
}

function collectEntries(
  lines: readonly DocLine[],
  spans: ReadonlyArray<[number, number]>,
  hasTimelineSection: boolean,
): { entries: RawEntry[]; timeLines: number[]; truncated: boolean } {
  const entries: RawEntry[] = [];
  const timeLines: number[] = [];
  let truncated = false;
  let dayGroup = 0;
  for (const [from, to] of spans) {
    let dayDate: DateToken | undefined;
    // Set by "unless otherwise noted, all events happened on …": an entry's own date is then its alone.
    let fixedDay = false;
    let continuing = false;
    let continuationCount = 0;
    // Text since the last entry, for a status-page stamp written under its update.
    let pending: { lines: string[]; first: number } | undefined;
    const atRun = atRunLines(lines, from, to);
    for (let index = from; index < to; index += 1) {
      const line = lines[index];
      if (!line || !line.text) {
        continuing = false;
        continue;
      }
      if (entries.length >= MAX_EVENTS) {
        truncated = true;
        break;
      }
      const sectionDate = fixedDateOf(line);
      if (sectionDate) {
        dayDate = sectionDate;
        fixedDay = true;
        dayGroup += 1;
        continue;
      }
      const headingDate = hasTimelineSection || line.level !== undefined ? dateOnly(line) : undefined;
      if (headingDate) {
        dayDate = headingDate;
        dayGroup += 1;
        continuing = false;
        pending = undefined;
        continue;
      }
      const alone = stampOnly(line.text);
      if (alone && (hasTimelineSection || line.level !== undefined || (alone.date !== undefined && pending !== undefined))) {
        const heading = line.level !== undefined;
        let text: string;
        if (!heading && pending) {
          text = cleanEventText(pending.lines.join(' '));
        } else {
          const after = paragraphAfter(lines, index + 1, to);
          text = after.text;
          if (text) index = after.next - 1;
        }
        pending = undefined;
        if (!text) {
          timeLines.push(index);
          continue;
        }
        if (alone.date) dayGroup += 1;
        entries.push({ lineIndex: index, time: alone.time, text, dayGroup, ...((alone.date ?? dayDate) && { date: alone.date ?? dayDate }) });
        continuing = false;
        continue;
      }
      // A heading may be an entry too ("### 2022-06-02 10:00 - Problem starts").
      const entry = atRun.has(index) ? atEntry(line.text) : parseTimelineEntry(line.text, hasTimelineSection);
      if (!entry) {
        const last = entries[entries.length - 1];
        // A wrapped entry continues on the next line(s) of its paragraph.
        if (continuing && hasTimelineSection && last && line.level === undefined && continuationCount < MAX_CONTINUATION_LINES) {
          entries[entries.length - 1] = { ...last, text: cleanEventText(`${last.text} ${line.text}`) };
          continuationCount += 1;
        } else {
          continuing = false;
          if (line.level === undefined) {
            pending = pending && pending.lines.length < MAX_CONTINUATION_LINES ? { ...pending, lines: [...pending.lines, line.text] } : { lines: [line.text], first: index };
          } else {
            // A heading is no update's text; it starts a new group of them.
            pending = undefined;
          }
          if (looksTimed(line, hasTimelineSection)) timeLines.push(index);
        }
        continue;
      }
      const ownDay = entry.date !== undefined && fixedDay;
      if (entry.date) dayGroup += 1;
      const date = entry.date ?? dayDate;
      entries.push({ lineIndex: index, time: entry.time, text: entry.text, dayGroup, ...(date && { date }) });
      // The next entry goes back to the section's day.
      if (ownDay) dayGroup += 1;
      continuing = true;
      continuationCount = 0;
      pending = undefined;
    }
  }
  return { entries, timeLines, truncated };
}

/**
 * A line that holds a time yet is no entry: under a Timeline heading any such line; elsewhere
 * (where most lines are prose) only one that starts with a time, as an entry would.
 */
function looksTimed(line: DocLine, hasTimelineSection: boolean): boolean {
  if (line.level !== undefined && line.level > 0) return false;
  if (hasTimelineSection) return scanTimes(line.text).some((time) => time.hour <= 23 && (time.meridiem !== undefined || line.text.includes(':')));
  return readStamp(line.text) !== undefined;
}

function minuteOfDay(token: TimeToken): number {
  return hour24(token) * 60 + token.minute;
}

/** Whether the undated entries mostly step backwards (a status page lists its updates newest first). */
function writtenNewestFirst(entries: readonly RawEntry[]): boolean {
  let forwards = 0;
  let backwards = 0;
  for (let index = 1; index < entries.length; index += 1) {
    const previous = entries[index - 1];
    const current = entries[index];
    if (!previous || !current) continue;
    const previousDate = previous.date?.date;
    const currentDate = current.date?.date;
    // A step of more than half a day is shorter the other way round midnight (00:20 → 23:50 is 30 minutes back).
    let step = ((minuteOfDay(current.time) - minuteOfDay(previous.time) + 720 + 1440) % 1440) - 720;
    if (previousDate && currentDate) {
      const days = Date.UTC(currentDate.year, currentDate.month - 1, currentDate.day) - Date.UTC(previousDate.year, previousDate.month - 1, previousDate.day);
      if (days !== 0) step = days;
    }
    if (step > 0) forwards += 1;
    else if (step < 0) backwards += 1;
  }
  return backwards > forwards;
}

function resolveYear(token: DateToken, year: number | undefined): CivilDate | undefined {
  if (token.yearWritten) return token.date;
  if (year === undefined) return undefined;
  const { month, day } = token.date;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : undefined;
}

export function readTimeline(lines: readonly DocLine[], context: TimelineContext): TimelineResult {
  const { spans, hasTimelineSection } = timelineSpans(lines);
  const { entries, timeLines, truncated } = collectEntries(lines, spans, hasTimelineSection);
  const newestFirst = writtenNewestFirst(entries);
  const events: PlacedEvent[] = [];
  const unplacedLines = [...timeLines];
  let currentDate = context.date;
  let year = context.year ?? context.date?.year;
  let zone = context.zone;
  let writtenZone: ZoneSpec | undefined;
  let previous: number | undefined;
  let group = -1;

  for (const entry of entries) {
    if (entry.time.zone) {
      zone = entry.time.zone;
      writtenZone ??= entry.time.zone;
    }
    const entryZone = entry.time.zone ?? zone;
    const clock: ClockTime = { hour: hour24(entry.time), minute: entry.time.minute, second: entry.time.second };
    const written = entry.date && resolveYear(entry.date, year);
    if (entry.date?.yearWritten) year = entry.date.date.year;
    let time: number;
    if (written && entry.dayGroup !== group) {
      // A new day (written on the entry or its heading): the entries after it start from it.
      currentDate = written;
      time = toEpoch(written, clock, entryZone);
    } else if (currentDate) {
      time = toEpoch(currentDate, clock, entryZone);
      if (previous !== undefined) {
        // Across midnight: the day next to the last entry's that keeps the step in the written direction shortest.
        const shift = newestFirst ? -1 : 1;
        const neighbour = toEpoch(addDays(currentDate, shift), clock, entryZone);
        if (Math.abs(neighbour - previous) < Math.abs(time - previous) && Math.abs(neighbour - previous) < DAY_MS) {
          currentDate = addDays(currentDate, shift);
          time = neighbour;
        }
      }
    } else {
      unplacedLines.push(entry.lineIndex);
      continue;
    }
    group = entry.dayGroup;
    previous = time;
    events.push({ time, text: entry.text, kind: eventKind(entry.text), lineIndex: entry.lineIndex, approximate: entry.time.approximate === true });
  }

  const sorted = events.sort((left, right) => left.time - right.time || left.lineIndex - right.lineIndex);
  const unplaced = [...new Set(unplacedLines)].sort((left, right) => left - right);
  return {
    events: sorted,
    hasTimelineSection,
    newestFirst,
    truncated,
    unplaced: unplaced.slice(0, MAX_UNPLACED_LISTED),
    unplacedCount: unplaced.length,
    ...(writtenZone && { writtenZone }),
  };
}
