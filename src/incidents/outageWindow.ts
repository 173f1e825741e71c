/**
 * The outage window of a postmortem: "from 10:00 AM to 12:30 PM on January 15, 2024", "between
 * 2024-01-15 22:00 and 2024-01-16 01:30 UTC", "Jan 15, 2024, 10:00–12:30 +02:00", or separate
 * "Start:" / "End:" lines. Times without a written zone are read in the document's stated zone
 * ("All times are UTC") or else the caller's.
 */

import type { CivilDate, ClockTime, ZoneSpec } from './civilTime';
import { addDays, toEpoch } from './civilTime';
import type { DocLine } from './postmortemLines';
import type { DateToken, TimeToken } from './temporalTokens';
import { hour24, matchZoneAt, parseZoneName, scanDates, scanTimes } from './temporalTokens';
import { yearNear } from './yearFromWeekday';

export interface OutageWindow {
  readonly start: number;
  readonly end: number;
  /** The calendar date the start was written with, in `zone`. */
  readonly startDate: CivilDate;
  /** The zone the start time was read in; timeline times without their own zone use it too. */
  readonly zone: ZoneSpec;
  /** Whether the window's own times carry their zone (else `zone` is the one the reader was given). */
  readonly zoneWritten: boolean;
  /** Which rule chose the window. */
  readonly rule: WindowRule;
  /** Index of the line the window was read from (for the "Start:"/"End:" rule, the "Start:" line). */
  readonly lineIndex: number;
}

/**
 * 'outage-line': a line that says it describes the outage ("Duration of Outage: …", "between X and
 * Y users saw errors") and holds a time range; 'start-end-lines': separate "Start:" and "End:"
 * lines; 'start-end-sentences': prose saying when it began ("the server failed at 13:07 UTC") and,
 * where written, when it ended ("back up by 7:18am PDT"), the end else from the timeline; 'timeline-markers': timeline entries that mark the outage's beginning and end ("OUTAGE
 * BEGINS", "impact began" … "OUTAGE ENDS", "resolved"); 'impact-to-resolution': the first impact or
 * detection in the timeline to its resolution; 'time-range': the first line with a time range that
 * neither names the outage nor another period. windowPrecedence.ts orders them.
 */
export type WindowRule =
  | 'outage-line'
  | 'start-end-lines'
  | 'start-end-sentences'
  | 'timeline-markers'
  | 'impact-to-resolution'
  | 'time-range';

export type WindowResult = { ok: true; window: OutageWindow } | { ok: false; error: string };

export const NO_WINDOW_ERROR =
  'No outage window found (expected a line like "Duration of Outage: … from 10:00 AM to 12:30 PM on January 15, 2024")';

const RANGE_CONNECTORS: ReadonlySet<string> = new Set([
  'to', 'until', 'till', 'through', 'thru', 'and', '-', '–', '—', '−', '->', '→', '=>', '~', '…',
  // German: "von … bis …", "zwischen … und …".
  'bis', 'und',
]);
// Words that may sit between a date and a time or around a connector without changing the meaning
// (the "T" is what remains of an ISO date-time once its date is cut out), German ones included.
const FILLER =
  /\b(?:on|at|the|of|from|between|starting|since|t|(?:mon|tues|wednes|thurs|fri|satur|sun)day|von|am|um|zwischen|(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch|sonnabend)\b|[,()]/gi;
const WINDOW_HINT =
  /\b(?:duration|window|occurred|outage|downtime|lasted|impact(?:ed)?|incident (?:period|time)|affected|unavailable|offline|degraded|disruption|experienced|were down|was down|went down|interrupted|elevated error|ausfall|ausgefallen|nicht erreichbar)/i;
/**
 * A range about another period: data lost or replayed, a maintenance, deploy or change window, a
 * backup. It must not be read as the outage even where its line also says "outage".
 */
export const DECOY_RANGE =
  /\b(?:data (?:was |were )?(?:lost|loss)|lost (?:data|writes|events|messages|metrics|logs)|(?:writes|events|messages|metrics|logs|data) (?:written|received|ingested|sent) between|maintenance|deploy(?:ment)? window|change window|freeze|backfill|backup|replay(?:ed)?|scheduled|planned)\b/i;
const START_LABEL = /^\W{0,4}(?:(?:incident|outage|impact|issue)\s+)?(?:start(?:ed)?|began|begin|beginning)(?:\s+(?:time|at|date))?\W{0,4}\s*:/i;
const END_LABEL = /^\W{0,4}(?:(?:incident|outage|impact|issue)\s+)?(?:end(?:ed)?|resolved|recovered)(?:\s+(?:time|at|date))?\W{0,4}\s*:/i;
const STATED_ZONE =
  /\b(?:all times|all time ?stamps|times are|times in|times shown|time ?stamps are|time ?zone)\b(?:\s+(?:are|is|in|shown|listed|given|below|here|above))*\s*:?\s*\(?([A-Za-z][A-Za-z0-9_/+:-]{0,40}(?:\s(?:standard\s|daylight\s)?time\b)?)/i;
const TIMELINE_ZONE = /\btimeline\s*\(\s*(?:all times\s+)?(?:in\s+)?([A-Za-z][A-Za-z0-9_/+:-]{0,40})\s*\)/i;

// A timeline entry ("10:30 - 11:00: failover") is not the outage window.
const TIMELINE_ENTRY = /^\W{0,3}\d{1,2}(?::\d{2}|\s{0,3}[ap]\.?m)/i;

/** Lines scanned for a window before giving up: a window sits near the top of any real postmortem. */
const WINDOW_SEARCH_LINES = 5000;

function withoutFiller(text: string): string {
  return text.replace(FILLER, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function clockOf(token: TimeToken, assumedMeridiem?: 'am' | 'pm'): ClockTime {
  return { hour: hour24(token, assumedMeridiem), minute: token.minute, second: token.second };
}

/** A zone the document states for all its times ("All times are UTC", "Timeline (PST)"). */
export function findStatedZone(lines: readonly DocLine[]): ZoneSpec | undefined {
  for (const line of lines.slice(0, WINDOW_SEARCH_LINES)) {
    const match = STATED_ZONE.exec(line.text.slice(0, 2000)) ?? TIMELINE_ZONE.exec(line.text.slice(0, 200));
    const zone = match?.[1] && parseZoneName(match[1].replace(/[).,;]+$/, ''));
    if (zone) return zone;
  }
  return undefined;
}

/** The first calendar date anywhere in the document, for a window written with times only. */
export function findDocumentDate(lines: readonly DocLine[]): CivilDate | undefined {
  for (const line of lines.slice(0, WINDOW_SEARCH_LINES)) {
    const date = scanDates(line.text)[0];
    if (date) return date.date;
  }
  return undefined;
}

/**
 * The dates of a line, those written without a year ("Friday April 30") in the year of the
 * document's date, or the year before where that keeps them from lying half a year after it (a
 * postmortem of late December published in January). Without a document date they are dropped.
 */
export function datesWithDocumentYear(text: string, documentDate: CivilDate | undefined): DateToken[] {
  const dates: DateToken[] = [];
  for (const token of scanDates(text, { yearless: true })) {
    if (token.yearWritten) {
      dates.push(token);
      continue;
    }
    if (!documentDate) continue;
    const { month, day } = token.date;
    const year = yearNear(documentDate, month, day);
    if (year !== undefined) dates.push({ ...token, date: { year, month, day } });
  }
  return dates;
}

interface RangeMatch {
  readonly from: TimeToken;
  readonly to: TimeToken;
  readonly startDate?: DateToken;
  readonly endDate?: DateToken;
  /** Where the range (with any date that follows it) ends, for a zone written after it. */
  readonly end: number;
}

/** Two times joined by a connector ("to", "and", "–"), with the dates written around them. */
function findRange(line: string, times: readonly TimeToken[], dates: readonly DateToken[]): RangeMatch | undefined {
  for (let index = 0; index + 1 < times.length; index += 1) {
    const from = times[index];
    const to = times[index + 1];
    if (!from || !to || to.start - from.end > 80) continue;
    const inGap = dates.filter((date) => date.start >= from.end && date.end <= to.start);
    let gap = line.slice(from.end, to.start);
    for (const date of inGap) gap = gap.replace(line.slice(date.start, date.end), ' ');
    if (!RANGE_CONNECTORS.has(withoutFiller(gap))) continue;

    let startDate: DateToken | undefined;
    let endDate: DateToken | undefined;
    for (const date of inGap) {
      const before = withoutFiller(line.slice(from.end, date.start));
      if (RANGE_CONNECTORS.has(before)) endDate = date;
      else startDate = date;
    }
    const before = [...dates].reverse().find((date) => date.end <= from.start);
    if (!startDate && before && withoutFiller(line.slice(before.end, from.start)) === '') {
      startDate = before;
    }
    let end = to.end;
    const after = dates.find((date) => date.start >= to.end);
    if (after && withoutFiller(line.slice(to.end, after.start)) === '') {
      if (!startDate) startDate = after;
      else if (!endDate) endDate = after;
      end = after.end;
    }
    startDate ??= dates[0];
    return { from, to, ...(startDate && { startDate }), ...(endDate && { endDate }), end };
  }
  return undefined;
}

function windowFromRange(
  line: string,
  range: RangeMatch,
  defaultZone: ZoneSpec,
  documentDate: CivilDate | undefined,
  chosenBy: Pick<OutageWindow, 'rule' | 'lineIndex'>,
): WindowResult {
  const startDate = range.startDate?.date ?? documentDate;
  if (!startDate) {
    return {
      ok: false,
      error: `The outage window "${line.slice(range.from.start, range.to.end)}" has no date (expected e.g. "on January 15, 2024" or "2024-01-15")`,
    };
  }
  const trailingZone = matchZoneAt(line, range.end, false)?.zone;
  const writtenZone = range.from.zone ?? range.to.zone ?? trailingZone;
  const startZone = writtenZone ?? defaultZone;
  const endZone = range.to.zone ?? range.from.zone ?? trailingZone ?? defaultZone;
  // "10:00 to 11:30 AM" shares the meridiem; "11:00 to 1:00 PM" starts in the morning.
  let fromClock = clockOf(range.from, range.to.meridiem);
  const toClock = clockOf(range.to);
  if (!range.from.meridiem && range.to.meridiem === 'pm' && fromClock.hour > toClock.hour) {
    fromClock = clockOf(range.from, 'am');
  }
  const start = toEpoch(startDate, fromClock, startZone);
  let end = toEpoch(range.endDate?.date ?? startDate, toClock, endZone);
  // An end earlier than the start without its own date is on the next day.
  if (!range.endDate && end < start) end = toEpoch(addDays(startDate, 1), toClock, endZone);
  return { ok: true, window: { start, end, startDate, zone: startZone, zoneWritten: writtenZone !== undefined, ...chosenBy } };
}

interface Moment {
  readonly date?: CivilDate;
  readonly time: TimeToken;
  readonly trailingZone?: ZoneSpec;
}

function momentAfterLabel(text: string, label: RegExp): Moment | undefined {
  const labelled = label.exec(text);
  if (!labelled) return undefined;
  const rest = text.slice(labelled[0].length, 2000);
  const time = scanTimes(rest)[0];
  if (!time) return undefined;
  const dates = scanDates(rest);
  const date = dates.find((candidate) => candidate.end <= time.start) ?? dates[0];
  const trailingZone = date && date.start > time.end ? matchZoneAt(rest, date.end, false)?.zone : undefined;
  return { time, ...(date && { date: date.date }), ...(trailingZone && { trailingZone }) };
}

/** "Start: 2024-01-15 10:00 UTC" and "End: 2024-01-15 12:30 UTC" on lines of their own. */
function windowFromLabels(
  lines: readonly DocLine[],
  defaultZone: ZoneSpec,
  documentDate: CivilDate | undefined,
): WindowResult | undefined {
  let startMoment: Moment | undefined;
  let endMoment: Moment | undefined;
  let startIndex = 0;
  for (const [index, line] of lines.slice(0, WINDOW_SEARCH_LINES).entries()) {
    if (!startMoment) {
      startMoment = momentAfterLabel(line.text, START_LABEL);
      startIndex = index;
    }
    endMoment ??= momentAfterLabel(line.text, END_LABEL);
    if (startMoment && endMoment) break;
  }
  if (!startMoment || !endMoment) return undefined;
  const startDate = startMoment.date ?? documentDate;
  if (!startDate) return undefined;
  const writtenZone = startMoment.time.zone ?? startMoment.trailingZone;
  const startZone = writtenZone ?? defaultZone;
  const endZone = endMoment.time.zone ?? endMoment.trailingZone ?? startZone;
  const start = toEpoch(startDate, clockOf(startMoment.time), startZone);
  let end = toEpoch(endMoment.date ?? startDate, clockOf(endMoment.time), endZone);
  if (!endMoment.date && end < start) end = toEpoch(addDays(startDate, 1), clockOf(endMoment.time), endZone);
  const window: OutageWindow = { start, end, startDate, zone: startZone, zoneWritten: writtenZone !== undefined, rule: 'start-end-lines', lineIndex: startIndex };
  return { ok: true, window };
}

/** The second line of a split range: its connector, maybe after the zone of the first line's time ("UTC until …"). */
const SPLIT_RANGE_CONTINUES = /^\W{0,3}(?:(?:UTC|GMT|Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2})\)?,?\s{1,2})?(?:to|until|till|through|and|[-–—])\s/i;

/** The line, joined with the next one where a range is split over two ("from 10:00 UTC" / "to 12:30 UTC"). */
function rangeText(lines: readonly DocLine[], index: number, times: number): string {
  const text = lines[index]?.text ?? '';
  if (times !== 1) return text;
  const next = lines[index + 1];
  if (!next?.text || next.level !== undefined || !SPLIT_RANGE_CONTINUES.test(next.text)) return text;
  return `${text} ${next.text}`;
}

/**
 * A window stated in words: a line naming the outage with a range in it ('outage-line'), else
 * "Start:"/"End:" lines. `plainRanges` also accepts the first range on a line naming nothing
 * ('time-range'); the precedence puts that after what the timeline shows.
 */
export function findStatedWindow(
  lines: readonly DocLine[],
  defaultZone: ZoneSpec,
  documentDate: CivilDate | undefined,
  plainRanges: boolean,
): WindowResult | undefined {
  const searched = lines.slice(0, WINDOW_SEARCH_LINES);
  let dateless: WindowResult | undefined;
  for (const hinted of plainRanges ? [false] : [true]) {
    for (const [lineIndex, line] of searched.entries()) {
      if (!line.text || WINDOW_HINT.test(line.text) !== hinted || DECOY_RANGE.test(line.text)) continue;
      if (!hinted && TIMELINE_ENTRY.test(line.text)) continue;
      const text = rangeText(searched, lineIndex, scanTimes(line.text).length);
      const times = scanTimes(text);
      if (times.length < 2) continue;
      const range = findRange(text, times, datesWithDocumentYear(text, documentDate));
      if (!range) continue;
      const rule = hinted ? 'outage-line' : 'time-range';
      const result = windowFromRange(text, range, defaultZone, documentDate, { rule, lineIndex });
      if (result.ok) return result;
      dateless ??= result;
    }
  }
  if (plainRanges) return dateless;
  return windowFromLabels(searched, defaultZone, documentDate) ?? dateless;
}

export function findOutageWindow(lines: readonly DocLine[], defaultZone: ZoneSpec): WindowResult {
  const documentDate = findDocumentDate(lines);
  return (
    findStatedWindow(lines, defaultZone, documentDate, false) ??
    findStatedWindow(lines, defaultZone, documentDate, true) ?? { ok: false, error: NO_WINDOW_ERROR }
  );
}

const START_SENTENCE =
  /\b(?:went (?:down|offline|dark)|became (?:unavailable|unreachable|inaccessible)|(?:server|service|site|website|system|cluster|database|network)s? (?:\w+ )?(?:failed|crashed|stopped)|(?:outage|incident|downtime|disruption|problems?|issues?|impact)(?: \w+)?(?: (?:that|which))? (?:began|started|starts|begins)|(?:made|left|rendered) (?:[\w.-]+ ){0,4}(?:unavailable|unreachable|inaccessible|offline)|(?:began|started) (?:failing|to fail|returning errors)|starting(?:,? (?:yesterday|today|tonight|this (?:morning|afternoon|evening)|on|(?:mon|tues|wednes|thurs|fri|satur|sun)day|[a-z]{3,9}\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\.? [a-z]{3,9}|\d{4}(?:-\d{2}-\d{2})?)){0,4},? (?:at|from|around)|was (?:down|unavailable|unreachable) (?:from|since|starting)|lost (?:power|connectivity)|(?:faults?|failures?|problems|issues|errors|outages?) (?:hit|struck))\b/i;
const END_SENTENCE =
  /\b(?:(?:was|were|is|are|came|come) back (?:up|online|to normal)|back (?:up|online) (?:at|by|around)|lasted (?:through|until|till)|(?:fully )?(?:restored|recovered|resolved) (?:at|by|around)|(?:outage|incident|downtime|disruption|impact) (?:ended|was over)|(?:ended|over) (?:at|by|around))\b/i;
export const SENTENCE_END = /(?<=[.!?])\s+(?=[A-Z])/;

export interface SentenceMoment {
  readonly time: number;
  readonly lineIndex: number;
  readonly zoneWritten: boolean;
}

/** Days named relative to the day the document was written: "yesterday" is the day before its date. */
const RELATIVE_DAYS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\byesterday\b/i, -1],
  [/\b(?:today|tonight|this (?:morning|afternoon|evening))\b/i, 0],
];

/**
 * The day a relative word before a time names ("Starting yesterday at 10:48 PM"), counted from the
 * document's date (its publication or first date): a status-page postmortem says "yesterday" for
 * the day before it was posted. Without a document date there is no day to count from.
 */
export function relativeDay(textBefore: string, documentDate: CivilDate | undefined): CivilDate | undefined {
  if (!documentDate) return undefined;
  const named = RELATIVE_DAYS.find(([word]) => word.test(textBefore));
  return named && addDays(documentDate, named[1]);
}

/** The time a sentence gives right after `verb` (else its first time), dated and zoned. */
function momentAfter(
  sentence: string,
  verb: RegExpExecArray,
  defaultZone: ZoneSpec,
  documentDate: CivilDate | undefined,
  last: boolean,
): { time: number; zoneWritten: boolean } | undefined {
  const times = scanTimes(sentence);
  const after = times.filter((time) => time.start >= verb.index);
  const token = last ? times[times.length - 1] : after[0] ?? times[0];
  if (!token) return undefined;
  const dates = datesWithDocumentYear(sentence, documentDate);
  const date =
    [...dates].reverse().find((candidate) => candidate.end <= token.start)?.date ??
    relativeDay(sentence.slice(0, token.start), documentDate) ??
    dates[0]?.date ??
    documentDate;
  if (!date) return undefined;
  return { time: toEpoch(date, clockOf(token), token.zone ?? defaultZone), zoneWritten: token.zone !== undefined };
}

/** Prose paragraphs (a sentence wraps across lines of plain text), each with its first line's index. */
export function paragraphs(lines: readonly DocLine[]): Array<{ text: string; lineIndex: number }> {
  const found: Array<{ text: string; lineIndex: number }> = [];
  let current: { text: string; lineIndex: number } | undefined;
  for (const [lineIndex, line] of lines.entries()) {
    const prose = line.text && line.level === undefined && !TIMELINE_ENTRY.test(line.text) && !/^\W{0,3}[-*+>|]/.test(line.text);
    if (!prose) {
      current = undefined;
      continue;
    }
    if (current && current.text.length < 2000) {
      current.text = `${current.text} ${line.text}`;
    } else {
      current = { text: line.text.slice(0, 2000), lineIndex };
      found.push(current);
    }
  }
  return found;
}

/**
 * Prose that says when the outage began and when it ended ("At 2023-07-02 13:07 UTC the main server
 * failed", "the site was back up by 7:18am PDT"). The end may be missing: an incident written up
 * while still open.
 */
export function findOutageSentences(
  lines: readonly DocLine[],
  defaultZone: ZoneSpec,
  documentDate: CivilDate | undefined,
): { start: SentenceMoment; end?: SentenceMoment } | undefined {
  let start: SentenceMoment | undefined;
  for (const { text, lineIndex } of paragraphs(lines.slice(0, WINDOW_SEARCH_LINES))) {
    for (const sentence of text.split(SENTENCE_END)) {
      if (DECOY_RANGE.test(sentence) || scanTimes(sentence).length === 0) continue;
      const begins = START_SENTENCE.exec(sentence);
      const ends = END_SENTENCE.exec(sentence);
      if (!start && begins) {
        const moment = momentAfter(sentence, begins, defaultZone, documentDate, false);
        if (moment) start = { ...moment, lineIndex };
        if (start && ends && scanTimes(sentence).length >= 2) {
          const end = momentAfter(sentence, ends, defaultZone, documentDate, true);
          if (end && end.time > start.time) return { start, end: { ...end, lineIndex } };
        }
        continue;
      }
      if (start && ends) {
        const end = momentAfter(sentence, ends, defaultZone, documentDate, false);
        if (end && end.time > start.time) return { start, end: { ...end, lineIndex } };
      }
    }
  }
  return start && { start };
}
