/**
 * Dates, clock times and zones as they appear in postmortem prose ("January 15, 2024", "15 Jan
 * 2024", "2024-01-15", "10:00 AM", "23:45:10Z", "12:30 PM UTC", "10:00 +02:00"). Every pattern is
 * bounded and free of nested quantifiers, so scanning a line costs time linear in its length.
 */

import type { CivilDate, ZoneSpec } from './civilTime';
import { isValidTimezone } from '../time';

export interface DateToken {
  readonly start: number;
  readonly end: number;
  readonly date: CivilDate;
}

export interface TimeToken {
  readonly start: number;
  readonly end: number;
  /** As written: 1..12 with a meridiem, 0..23 without. */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly meridiem?: 'am' | 'pm';
  readonly zone?: ZoneSpec;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_SOURCE =
  '(?<![\\w.])(?:' +
  '(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?!\\d)' +
  `|${MONTH}\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?,?\\s{1,3}(\\d{4})(?!\\d)` +
  `|(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:of\\s{1,3})?${MONTH},?\\s{1,3}(\\d{4})(?!\\d)` +
  ')';

const MERIDIEM = '([ap])\\.?m\\.?(?![a-z])';
const TIME_SOURCE =
  '(?<![\\d:.])(?:' +
  `(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?(?!\\d)(?:\\s{0,3}${MERIDIEM})?` +
  `|(\\d{1,2})\\s{0,3}${MERIDIEM}` +
  ')';

const ABBREVIATED_OFFSETS: Readonly<Record<string, number>> = {
  utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  cet: 60, cest: 120, eet: 120, eest: 180, bst: 60, jst: 540, aest: 600, aedt: 660,
};
const ABBREVIATIONS = Object.keys(ABBREVIATED_OFFSETS).filter((name) => name !== 'z').join('|');
const ZONE_SOURCE =
  '(?:\\s{0,3}\\(?\\s{0,3}(?:' +
  '(utc|gmt)(?:\\s{0,2}([+-])(\\d{1,2})(?::?(\\d{2}))?)?' +
  '|([+-])(\\d{2}):?(\\d{2})' +
  `|(${ABBREVIATIONS})` +
  ')\\)?(?![\\w/])|(z)(?![\\w]))';

const datePattern = new RegExp(DATE_SOURCE, 'giu');
const dateAtPattern = new RegExp(DATE_SOURCE, 'iuy');
const timePattern = new RegExp(TIME_SOURCE, 'giu');
const timeAtPattern = new RegExp(TIME_SOURCE, 'iuy');
const zoneAtPattern = new RegExp(ZONE_SOURCE, 'iuy');
const ianaNamePattern = /^[A-Za-z]{2,20}(?:\/[A-Za-z0-9_+-]{1,30}){1,2}$/;

/** Lines are scanned only this far: a date or window is never buried deeper in one line. */
const SCAN_LIMIT = 2000;
const TOKEN_LIMIT = 40;

const MONTH_INDEX: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
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
  const [, isoYear, isoMonth, isoDay, mdyMonth, mdyDay, mdyYear, dmyDay, dmyMonth, dmyYear] = match;
  const date = isoYear
    ? civilDate(Number(isoYear), Number(isoMonth), Number(isoDay))
    : mdyMonth
      ? civilDate(Number(mdyYear), monthNumber(mdyMonth), Number(mdyDay))
      : civilDate(Number(dmyYear), monthNumber(dmyMonth), Number(dmyDay));
  return date && { start: match.index, end: match.index + match[0].length, date };
}

function offsetLabel(written: string): string {
  return written.replace(/[\s()]/g, '').toUpperCase();
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
  const [whole, utcName, utcSign, utcHours, utcMinutes, isoSign, isoHours, isoMinutes, abbreviation, zulu] = match;
  const end = position + whole.length;
  if (utcName) {
    if (!utcSign) return { zone: { kind: 'offset', minutes: 0, label: 'UTC' }, end };
    const minutes = Number(utcHours) * 60 + Number(utcMinutes ?? 0);
    if (minutes > 14 * 60) return undefined;
    return { zone: { kind: 'offset', minutes: utcSign === '-' ? -minutes : minutes, label: offsetLabel(whole) }, end };
  }
  if (isoSign) {
    // "10:00-12:30" is a range far more often than a time at UTC-12:30.
    if (isoSign === '-' && !allowNegativeIsoOffset) return undefined;
    const minutes = Number(isoHours) * 60 + Number(isoMinutes);
    if (minutes > 14 * 60) return undefined;
    return { zone: { kind: 'offset', minutes: isoSign === '-' ? -minutes : minutes, label: offsetLabel(whole) }, end };
  }
  const name = (abbreviation ?? zulu ?? '').toLowerCase();
  const minutes = ABBREVIATED_OFFSETS[name];
  if (minutes === undefined) return undefined;
  return { zone: { kind: 'offset', minutes, label: name === 'z' ? 'UTC' : name.toUpperCase() }, end };
}

/** A zone named on its own ("UTC", "+02:00", "PST", "Europe/Berlin"), e.g. in "All times are …". */
export function parseZoneName(text: string): ZoneSpec | undefined {
  const trimmed = text.trim();
  if (ianaNamePattern.test(trimmed) && isValidTimezone(trimmed)) return { kind: 'iana', name: trimmed };
  const found = matchZoneAt(trimmed, 0);
  return found && found.end === trimmed.length ? found.zone : undefined;
}

function timeFromMatch(text: string, match: RegExpExecArray): TimeToken | undefined {
  const [whole, clockHour, clockMinute, clockSecond, clockMeridiem, bareHour, bareMeridiem] = match;
  const meridiemLetter = (clockMeridiem ?? bareMeridiem)?.toLowerCase();
  const meridiem = meridiemLetter === 'a' ? 'am' : meridiemLetter === 'p' ? 'pm' : undefined;
  const hour = Number(clockHour ?? bareHour);
  const minute = Number(clockMinute ?? 0);
  const second = Math.min(Number(clockSecond ?? 0), 59);
  if (meridiem ? hour < 1 || hour > 12 : hour > 23) return undefined;
  if (minute > 59 || second > 59) return undefined;
  const start = match.index;
  let end = start + whole.length;
  // A negative offset is only trusted where ISO 8601 puts one: after seconds or a "T".
  const isoShaped = clockSecond !== undefined || /\dT$/.test(text.slice(Math.max(0, start - 2), start));
  const zone = matchZoneAt(text, end, isoShaped);
  if (zone) end = zone.end;
  return { start, end, hour, minute, second, ...(meridiem && { meridiem }), ...(zone && { zone: zone.zone }) };
}

export function scanDates(line: string): DateToken[] {
  const text = line.slice(0, SCAN_LIMIT);
  const found: DateToken[] = [];
  datePattern.lastIndex = 0;
  for (let match = datePattern.exec(text); match && found.length < TOKEN_LIMIT; match = datePattern.exec(text)) {
    const token = dateFromMatch(match);
    if (token) found.push(token);
  }
  return found;
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

export function matchDateAt(line: string, position: number): DateToken | undefined {
  dateAtPattern.lastIndex = position;
  const match = dateAtPattern.exec(line.slice(0, SCAN_LIMIT));
  return match ? dateFromMatch(match) : undefined;
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
