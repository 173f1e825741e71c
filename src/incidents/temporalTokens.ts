/**
 * Dates, clock times and zones as they appear in postmortem prose ("January 15, 2024", "15 Jan
 * 2024", "2024-01-15", "19. April", "10:00 AM", "23:45:10Z", "12:30 PM UTC", "10:00 +02:00",
 * "0401 UTC", "UTC 05:13", "~13:30"), with German month names and "Uhr" ("30. April", "3. Mai",
 * "19:09 Uhr"). The grammar these patterns implement is written out in
 * GRAMMAR.md beside this file; keep the two in step. Every pattern is bounded and free of nested
 * quantifiers, so scanning a line costs time linear in its length.
 */

import type { CivilDate, ZoneSpec } from './civilTime';
import { isValidTimezone } from '../time';

export interface DateToken {
  readonly start: number;
  readonly end: number;
  /** For a date written without a year ("7 May"), the year is YEARLESS_PLACEHOLDER until the reader supplies one. */
  readonly date: CivilDate;
  readonly yearWritten: boolean;
}

/** A leap year, so "29 February" written without a year survives until the document's year is known. */
export const YEARLESS_PLACEHOLDER = 2000;

export interface TimeToken {
  readonly start: number;
  readonly end: number;
  /** As written: 1..12 with a meridiem, 0..23 without. */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly meridiem?: 'am' | 'pm';
  readonly zone?: ZoneSpec;
  /** Written as approximate: "~13:30", "±10:15", "around 9 PM", "approx. 14:00". */
  readonly approximate?: boolean;
}

// English and German month names ("März" also as "Maerz"); MONTH_INDEX reads their first three letters.
const MONTH =
  '(jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|maerz|apr(?:il)?|may|mai|jun[ei]?|jul[yi]?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)\\.?';
const DATE_SOURCE =
  '(?<![\\w.])(?:' +
  '(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?!\\d)' +
  `|${MONTH}\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}(\\d{4})(?!\\d)` +
  `|(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s{1,3}(?:of\\s{1,3})?${MONTH},?\\s{1,3}(\\d{4})(?!\\d)` +
  `|(\\d{4}),?\\s{1,3}${MONTH}\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])` +
  ')';
// Without a year a month must be capitalised ("7 May", "April 19th", "19. April"): "may" is a verb.
const CAPITAL_MONTH =
  '(Jan(?:uary|uar)?|Feb(?:ruary|ruar)?|Mar(?:ch)?|März|Maerz|Apr(?:il)?|May|Mai|Jun[ei]?|Jul[yi]?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Okt(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Dez(?:ember)?)\\.?';
const YEARLESS_SOURCE =
  '(?<![\\w.])(?:' +
  `(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s{1,3}(?:of\\s{1,3})?${CAPITAL_MONTH}(?![\\w])` +
  `|${CAPITAL_MONTH}\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?(?![\\w]|[:.]\\d)` +
  ')';

const MERIDIEM = '([ap])\\.?m\\.?(?![a-z])';
const TIME_SOURCE =
  '(?<![\\d:.])(?:' +
  `(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?(?!\\d)(?:\\s{0,3}${MERIDIEM})?` +
  `|(\\d{1,2})\\s{0,3}${MERIDIEM}` +
  // German "um 19 Uhr": a bare hour is a time only with "Uhr" after it ("19:09 Uhr" is a clock above).
  '|(\\d{1,2})(?=\\s{0,2}uhr(?![a-zäöü]))' +
  // "0401 UTC", "1430Z", "2215 hrs": four digits are a time only with a zone or "hrs" after them.
  '|([01]\\d|2[0-3])([0-5]\\d)(?![\\d:.,]|\\s?(?:am|pm)\\b)' +
  ')';

/**
 * Offsets of zone abbreviations, as written (a writer who says PST means -08:00 even in July).
 * Ambiguous names are read as the zone postmortems mean far more often, and GRAMMAR.md says so:
 * IST is India (+05:30), not Irish or Israel; CST is US Central, not China; BST is British Summer.
 */
const ABBREVIATED_OFFSETS: Readonly<Record<string, number>> = {
  utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  akst: -540, akdt: -480, hst: -600,
  wet: 0, west: 60, cet: 60, cest: 120, eet: 120, eest: 180, bst: 60, msk: 180,
  ist: 330, sgt: 480, jst: 540, kst: 540, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
};
/** Generic names that follow daylight saving, read through the zone's rules on the day. */
const GENERIC_ZONES: Readonly<Record<string, string>> = {
  pt: 'America/Los_Angeles', pacific: 'America/Los_Angeles',
  mt: 'America/Denver', mountain: 'America/Denver',
  ct: 'America/Chicago', central: 'America/Chicago',
  et: 'America/New_York', eastern: 'America/New_York',
};
const ABBREVIATIONS = Object.keys(ABBREVIATED_OFFSETS).filter((name) => name !== 'z').join('|');
const ZONE_SOURCE =
  '(?:\\s{0,3}\\(?\\s{0,3}(?:' +
  '(utc|gmt)(?:\\s{0,2}([+\u2212-])(\\d{1,2})(?::?(\\d{2}))?)?' +
  '|([+\u2212-])(\\d{2}):?(\\d{2})' +
  `|(${ABBREVIATIONS}|pt|mt|ct|et)` +
  '|(pacific|mountain|central|eastern)(?:\\s{1,2}(?:standard|daylight))?\\s{1,2}time' +
  ')\\)?(?![\\w/])|(z)(?![\\w]))';
// A zone written before the time: "UTC 05:13", "(PDT) 9:40".
const ZONE_BEFORE = new RegExp(`(?:^|[^\\w])\\(?(utc|gmt|${ABBREVIATIONS})\\)?\\s{1,2}$`, 'i');
const APPROXIMATE_BEFORE = /(?:~|≈|±|\+\/-|\bc(?:irc)?a\.?|\baround|\babout|\bapprox(?:\.|imately)?|\broughly)\s{0,2}$/i;
const HHMM_SUFFIX = /^\s?(?:hrs?|h)\b/i;
/** German "19:09 Uhr" (o'clock): part of the time, so a zone after it ("19:09 Uhr UTC") is still read. */
const UHR_SUFFIX = /^\s{0,2}uhr(?![a-zäöü])/i;
// "October 26, 2014 UTC" and "26 Oct 2014 UTC" end in a year, not a four-digit time.
const BEFORE_A_YEAR = /(?:[a-z]{3,}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}(?:st|nd|rd|th)?\.?\s{1,3}[a-z]{3,}\.?,?)\s{1,3}$/i;

const datePattern = new RegExp(DATE_SOURCE, 'giu');
const dateAtPattern = new RegExp(DATE_SOURCE, 'iuy');
const yearlessPattern = new RegExp(YEARLESS_SOURCE, 'gu');
const yearlessAtPattern = new RegExp(YEARLESS_SOURCE, 'uy');
const timePattern = new RegExp(TIME_SOURCE, 'giu');
const timeAtPattern = new RegExp(TIME_SOURCE, 'iuy');
const zoneAtPattern = new RegExp(ZONE_SOURCE, 'iuy');
const ianaNamePattern = /^[A-Za-z]{2,20}(?:\/[A-Za-z0-9_+-]{1,30}){1,2}$/;

/** Lines are scanned only this far: a date or window is never buried deeper in one line. */
const SCAN_LIMIT = 2000;
const TOKEN_LIMIT = 40;

const MONTH_INDEX: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
  mär: 3, mae: 3, mai: 5, okt: 10, dez: 12,
};

function civilDate(year: number, month: number, day: number): CivilDate | undefined {
  if (year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth ? { year, month, day } : undefined;
}

function monthNumber(name: string | undefined): number {
  return MONTH_INDEX[(name ?? '').slice(0, 3).toLowerCase()] ?? 0;
}

function dateFromMatch(match: RegExpExecArray): DateToken | undefined {
  const [, isoYear, isoMonth, isoDay, mdyMonth, mdyDay, mdyYear, dmyDay, dmyMonth, dmyYear, ymdYear, ymdMonth, ymdDay] = match;
  const date = isoYear
    ? civilDate(Number(isoYear), Number(isoMonth), Number(isoDay))
    : mdyMonth
      ? civilDate(Number(mdyYear), monthNumber(mdyMonth), Number(mdyDay))
      : dmyMonth
        ? civilDate(Number(dmyYear), monthNumber(dmyMonth), Number(dmyDay))
        : civilDate(Number(ymdYear), monthNumber(ymdMonth), Number(ymdDay));
  return date && { start: match.index, end: match.index + match[0].length, date, yearWritten: true };
}

function yearlessFromMatch(match: RegExpExecArray): DateToken | undefined {
  const [, dmDay, dmMonth, mdMonth, mdDay] = match;
  const date = dmMonth
    ? civilDate(YEARLESS_PLACEHOLDER, monthNumber(dmMonth), Number(dmDay))
    : civilDate(YEARLESS_PLACEHOLDER, monthNumber(mdMonth), Number(mdDay));
  return date && { start: match.index, end: match.index + match[0].length, date, yearWritten: false };
}

function offsetLabel(written: string): string {
  return written.replace(/[\s()]/g, '').replace('\u2212', '-').toUpperCase();
}

function offsetZone(sign: string, minutes: number, written: string): ZoneSpec | undefined {
  if (minutes > 14 * 60) return undefined;
  return { kind: 'offset', minutes: sign === '+' ? minutes : -minutes, label: offsetLabel(written) };
}

/** A zone written right at `position` (after optional spaces or "("), e.g. " UTC", "Z", "+02:00". */
export function matchZoneAt(
  text: string,
  position: number,
  allowNegativeIsoOffset = true,
): { zone: ZoneSpec; end: number } | undefined {
  zoneAtPattern.lastIndex = position;
  const match = zoneAtPattern.exec(text);
  if (!match) return undefined;
  const [whole, utcName, utcSign, utcHours, utcMinutes, isoSign, isoHours, isoMinutes, abbreviation, genericLong, zulu] = match;
  const end = position + whole.length;
  if (utcName) {
    if (!utcSign) return { zone: { kind: 'offset', minutes: 0, label: 'UTC' }, end };
    const zone = offsetZone(utcSign, Number(utcHours) * 60 + Number(utcMinutes ?? 0), whole);
    return zone && { zone, end };
  }
  if (isoSign) {
    // "10:00-12:30" is a range far more often than a time at UTC-12:30.
    if (isoSign !== '+' && !allowNegativeIsoOffset) return undefined;
    const zone = offsetZone(isoSign, Number(isoHours) * 60 + Number(isoMinutes), whole);
    return zone && { zone, end };
  }
  const generic = GENERIC_ZONES[(genericLong ?? abbreviation ?? '').toLowerCase()];
  if (generic) {
    // "10:00 et al." or "at 9 pt" is no zone: the short generic names count only in capitals.
    if (!genericLong && abbreviation !== abbreviation?.toUpperCase()) return undefined;
    return { zone: { kind: 'iana', name: generic }, end };
  }
  const name = (abbreviation ?? zulu ?? '').toLowerCase();
  const minutes = ABBREVIATED_OFFSETS[name];
  if (minutes === undefined) return undefined;
  // Beyond UTC and GMT an abbreviation counts only in capitals: "10:00 west of …" names no zone.
  if (abbreviation && name !== 'utc' && name !== 'gmt' && abbreviation !== abbreviation.toUpperCase()) return undefined;
  return { zone: { kind: 'offset', minutes, label: name === 'z' ? 'UTC' : name.toUpperCase() }, end };
}

/** A zone named on its own ("UTC", "+02:00", "PST", "Pacific Time", "Europe/Berlin"), e.g. in "All times are …". */
export function parseZoneName(text: string): ZoneSpec | undefined {
  const trimmed = text.trim();
  if (ianaNamePattern.test(trimmed) && isValidTimezone(trimmed)) return { kind: 'iana', name: trimmed };
  const found = matchZoneAt(trimmed.length <= 4 ? trimmed.toUpperCase() : trimmed, 0);
  return found && found.end === trimmed.length ? found.zone : undefined;
}

function zoneBefore(text: string, start: number): ZoneSpec | undefined {
  const before = ZONE_BEFORE.exec(text.slice(Math.max(0, start - 12), start));
  if (!before?.[1]) return undefined;
  return matchZoneAt(before[1], 0)?.zone;
}

function timeFromMatch(text: string, match: RegExpExecArray): TimeToken | undefined {
  const [whole, clockHour, clockMinute, clockSecond, clockMeridiem, bareHour, bareMeridiem, uhrHour, fourHour, fourMinute] = match;
  const start = match.index;
  const meridiemLetter = (clockMeridiem ?? bareMeridiem)?.toLowerCase();
  const meridiem = meridiemLetter === 'a' ? 'am' : meridiemLetter === 'p' ? 'pm' : undefined;
  const hour = Number(clockHour ?? bareHour ?? uhrHour ?? fourHour);
  const minute = Number(clockMinute ?? fourMinute ?? 0);
  const second = Math.min(Number(clockSecond ?? 0), 59);
  if (meridiem ? hour < 1 || hour > 12 : hour > 23) return undefined;
  if (minute > 59 || second > 59) return undefined;
  let end = start + whole.length;
  const uhr = meridiem ? undefined : UHR_SUFFIX.exec(text.slice(end));
  if (uhr) end += uhr[0].length;
  // A negative offset is only trusted where ISO 8601 puts one: after seconds or a "T".
  const isoShaped = clockSecond !== undefined || /\dT$/.test(text.slice(Math.max(0, start - 2), start));
  const after = matchZoneAt(text, end, isoShaped);
  if (fourHour !== undefined) {
    const suffix = uhr ? undefined : HHMM_SUFFIX.exec(text.slice(end));
    if (!after && !suffix && !uhr) return undefined;
    if (BEFORE_A_YEAR.test(text.slice(Math.max(0, start - 24), start))) return undefined;
    if (!after && suffix) end += suffix[0].length;
  }
  if (after) end = after.end;
  const zone = after?.zone ?? zoneBefore(text, start);
  const approximate = APPROXIMATE_BEFORE.test(text.slice(Math.max(0, start - 16), start));
  return {
    start, end, hour, minute, second,
    ...(meridiem && { meridiem }),
    ...(zone && { zone }),
    ...(approximate && { approximate }),
  };
}

export interface ScanDateOptions {
  /** Also read dates written without a year ("7 May", "April 19"); their year is a placeholder. */
  readonly yearless?: boolean;
}

export function scanDates(line: string, options: ScanDateOptions = {}): DateToken[] {
  const text = line.slice(0, SCAN_LIMIT);
  const found: DateToken[] = [];
  datePattern.lastIndex = 0;
  for (let match = datePattern.exec(text); match && found.length < TOKEN_LIMIT; match = datePattern.exec(text)) {
    const token = dateFromMatch(match);
    if (token) found.push(token);
  }
  if (!options.yearless) return found;
  yearlessPattern.lastIndex = 0;
  for (let match = yearlessPattern.exec(text); match && found.length < TOKEN_LIMIT; match = yearlessPattern.exec(text)) {
    const token = yearlessFromMatch(match);
    if (token && !found.some((full) => token.start < full.end && full.start < token.end)) found.push(token);
  }
  return found.sort((left, right) => left.start - right.start);
}

export function scanTimes(line: string): TimeToken[] {
  const text = line.slice(0, SCAN_LIMIT);
  const found: TimeToken[] = [];
  timePattern.lastIndex = 0;
  for (let match = timePattern.exec(text); match && found.length < TOKEN_LIMIT; match = timePattern.exec(text)) {
    const token = timeFromMatch(text, match);
    if (token) {
      found.push(token);
      timePattern.lastIndex = token.end;
    }
  }
  return found;
}

export function matchDateAt(line: string, position: number, options: ScanDateOptions = {}): DateToken | undefined {
  const text = line.slice(0, SCAN_LIMIT);
  dateAtPattern.lastIndex = position;
  const match = dateAtPattern.exec(text);
  const full = match ? dateFromMatch(match) : undefined;
  if (full || !options.yearless) return full;
  yearlessAtPattern.lastIndex = position;
  const yearless = yearlessAtPattern.exec(text);
  return yearless ? yearlessFromMatch(yearless) : undefined;
}

export function matchTimeAt(line: string, position: number): TimeToken | undefined {
  const text = line.slice(0, SCAN_LIMIT);
  timeAtPattern.lastIndex = position;
  const match = timeAtPattern.exec(text);
  return match ? timeFromMatch(text, match) : undefined;
}

/** Hour 0..23 of a token, reading a missing meridiem as `assumed` (from the other end of a range). */
export function hour24(token: TimeToken, assumed?: 'am' | 'pm'): number {
  const meridiem = token.meridiem ?? (token.hour >= 1 && token.hour <= 12 ? assumed : undefined);
  if (!meridiem) return token.hour;
  return (token.hour % 12) + (meridiem === 'pm' ? 12 : 0);
}
