/**
 * The year of a postmortem that writes none, from the weekdays it writes beside its dates ("On
 * Wednesday, July 7th at 16:17", "von Freitag, 30. April"): the latest year, not after the day the
 * document is read, in which each such day of its month falls on its weekday. A status page or a
 * translated blog post drops the year its page chrome showed; the weekday keeps it. The reading
 * says the year was worked out, never silently: it repeats every few years (2021, then 2027).
 */

import type { CivilDate } from './civilTime';
import type { DocLine } from './postmortemLines';
import { scanDates } from './temporalTokens';
import { dayAndMonth, isoDay, mentionsInWords } from './yearWords';

/** A day and month written with its weekday, without a year. */
export interface WeekdayMention {
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
  readonly weekday: number;
}

export type YearFromWeekdays =
  /** `mentions` all fall on their weekdays, the first in `year` (none after `readOn`). */
  | {
      readonly kind: 'found';
      readonly year: number;
      readonly mentions: readonly WeekdayMention[];
      readonly readOn: CivilDate;
      /** The latest of the mentions' days in the year found: the document's date. */
      readonly documentDate: CivilDate;
    }
  /** Weekdays are written, but no year up to `readOn` has them all (a typo, or two documents in one). */
  | { readonly kind: 'disagree'; readonly mentions: readonly WeekdayMention[]; readonly readOn: CivilDate }
  /** No weekday beside a date (or no reference date to count back from). */
  | { readonly kind: 'none' };

/** English and German weekday names, and the English three-letter abbreviations, by getUTCDay number. */
const WEEKDAY_NAMES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(?:sun(?:day)?|sonntag)$/i, 0],
  [/^(?:mon(?:day)?|montag)$/i, 1],
  [/^(?:tue(?:s(?:day)?)?|dienstag)$/i, 2],
  [/^(?:wed(?:nesday)?|mittwoch)$/i, 3],
  [/^(?:thu(?:r(?:s(?:day)?)?)?|donnerstag)$/i, 4],
  [/^(?:fri(?:day)?|freitag)$/i, 5],
  [/^(?:sat(?:urday)?|samstag|sonnabend)$/i, 6],
];
/** A weekday name right before a date: "Wednesday, July 7th", "Wed 7 Jul", "Freitag, 30. April". */
const WEEKDAY_BEFORE = /(?:^|[^\p{L}])(\p{L}{3,10})\.?,?\s{1,3}(?:the\s{1,3})?$/u;
/** Lines searched for weekday mentions: they sit in the title and the first paragraphs. */
const MENTION_SEARCH_LINES = 5000;
const MAX_MENTIONS = 20;
/** The reader's dates begin here (temporalTokens' civilDate). */
const EARLIEST_YEAR = 1970;
/** Half a year: a yearless date further than this after the document's date belongs to the year before. */
const HALF_YEAR_DAYS = 183;

function weekdayNumber(name: string): number | undefined {
  return WEEKDAY_NAMES.find(([pattern]) => pattern.test(name))?.[1];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(date: CivilDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

function isAfter(date: CivilDate, other: CivilDate): boolean {
  return Date.UTC(date.year, date.month - 1, date.day) > Date.UTC(other.year, other.month - 1, other.day);
}

/**
 * The year a day and month written without one has, in a document dated `documentDate`: its year,
 * or the year before where the day would otherwise lie more than half a year after it (a
 * postmortem of late December published in January). Undefined where the day does not exist
 * that year (29 February).
 */
export function yearNear(documentDate: CivilDate, month: number, day: number): number | undefined {
  let year = documentDate.year;
  const daysAfter = (Date.UTC(year, month - 1, day) - Date.UTC(documentDate.year, documentDate.month - 1, documentDate.day)) / 86_400_000;
  if (daysAfter > HALF_YEAR_DAYS) year -= 1;
  return day <= daysInMonth(year, month) ? year : undefined;
}

/** Every day and month the lines write with a weekday before it and without a year, in order. */
export function weekdayMentions(lines: readonly DocLine[]): WeekdayMention[] {
  const mentions: WeekdayMention[] = [];
  for (const line of lines.slice(0, MENTION_SEARCH_LINES)) {
    if (!line.text) continue;
    for (const token of scanDates(line.text, { yearless: true })) {
      if (token.yearWritten) continue;
      const name = WEEKDAY_BEFORE.exec(line.text.slice(Math.max(0, token.start - 20), token.start))?.[1];
      const weekday = name === undefined ? undefined : weekdayNumber(name);
      if (weekday === undefined) continue;
      mentions.push({ month: token.date.month, day: token.date.day, weekday });
      if (mentions.length >= MAX_MENTIONS) return mentions;
    }
  }
  return mentions;
}

/** The year of a day and month nearest `anchor` (a span written without a year may cross New Year). */
function nearestYear(anchor: CivilDate, month: number, day: number): CivilDate | undefined {
  const at = Date.UTC(anchor.year, anchor.month - 1, anchor.day);
  const candidates = [anchor.year - 1, anchor.year, anchor.year + 1]
    .filter((year) => day <= daysInMonth(year, month))
    .map((year) => ({ year, month, day }));
  const distance = (date: CivilDate) => Math.abs(Date.UTC(date.year, date.month - 1, date.day) - at);
  return candidates.sort((left, right) => distance(left) - distance(right))[0];
}

/**
 * The latest year, not after `readOn`, in which the first mention falls on its weekday and every
 * other mention too, each in the year nearest the first (a span may cross New Year). Where they
 * agree, `documentDate` is the latest of them: the reader dates the document's other yearless days
 * by it (yearNear: the year, or the one before), which keeps each in the year checked here.
 */
export function yearFromWeekdays(mentions: readonly WeekdayMention[], readOn: CivilDate | undefined): YearFromWeekdays {
  const [first] = mentions;
  if (!first || !readOn) return { kind: 'none' };
  for (let year = readOn.year; year >= EARLIEST_YEAR; year -= 1) {
    if (first.day > daysInMonth(year, first.month)) continue;
    const anchor: CivilDate = { year, month: first.month, day: first.day };
    const dates = mentions.map((mention) => nearestYear(anchor, mention.month, mention.day));
    const allFall = dates.every((date, index) => date !== undefined && weekdayOf(date) === mentions[index]?.weekday);
    if (!allFall) continue;
    const latest = (dates as CivilDate[]).reduce((later, date) => (isAfter(date, later) ? date : later), anchor);
    if (!isAfter(latest, readOn)) return { kind: 'found', year, mentions, readOn, documentDate: latest };
  }
  return { kind: 'disagree', mentions, readOn };
}

/** A number that could be a year of the reader's range, written anywhere, even in a date it could not read. */
const YEAR_LIKE = /(?<!\d)(?:19[7-9]\d|2[01]\d{2})(?!\d)/;

/** Whether no line writes anything like a year: only then may the weekdays give one. */
export function writesNoYear(lines: readonly DocLine[]): boolean {
  return !lines.slice(0, MENTION_SEARCH_LINES).some((line) => YEAR_LIKE.test(line.text.slice(0, 2000)));
}

/** The rule on a whole document: its weekday mentions and the year they give. */
export function yearFromDocument(lines: readonly DocLine[], readOn: CivilDate | undefined): YearFromWeekdays {
  return yearFromWeekdays(weekdayMentions(lines), readOn);
}

const WRITE_THE_YEAR = 'Write the year beside a date (e.g. "July 7, 2021"), or the weekday (e.g. "Wednesday, July 7").';

/**
 * Why a document that writes no year could not be read, where that is the reason: it writes
 * times or days and months (else it is no postmortem the reader understands, and the generic
 * message says what one looks like). Undefined otherwise.
 */
export function noYearError(
  found: YearFromWeekdays,
  lines: readonly DocLine[],
  readOn: CivilDate | undefined,
  datelessWindowError: string | undefined,
): string | undefined {
  if (found.kind === 'disagree') {
    return `No year stated, and the weekdays beside the dates agree on none: no year up to ${isoDay(found.readOn)} in which ${mentionsInWords(found.mentions)}. Write the year beside a date (e.g. "July 7, 2021").`;
  }
  if (found.kind === 'found') return undefined;
  const searched = lines.slice(0, MENTION_SEARCH_LINES);
  const yearless = searched.map((line) => scanDates(line.text, { yearless: true })[0]).find((token) => token !== undefined);
  if (yearless) {
    const written = dayAndMonth(yearless.date);
    if (!readOn && weekdayMentions(searched).length > 0) {
      return `No year stated: the postmortem writes ${written} without a year, and no reference date was given to work it out from the weekday.`;
    }
    return `No year stated: the postmortem writes ${written} without a year, and no weekday beside it to work the year out from. ${WRITE_THE_YEAR}`;
  }
  // A window written with times only has its own message, naming the range that has no date.
  if (datelessWindowError || !searched.some((line) => /\d{1,2}:\d{2}|\d\s?[ap]\.?m\b/i.test(line.text))) return datelessWindowError;
  return `No year stated: the postmortem writes times but no date with a year anywhere (not in its text or front matter). ${WRITE_THE_YEAR}`;
}
