/**
 * The words and dates of the year-from-weekday rule that the page shows (the reading's notes,
 * the import's reference date), apart from the rule itself: the page's main chunk needs these,
 * and the rule would bring the date tokenizer with it.
 */
import type { CivilDate } from './civilTime';
import type { WeekdayMention } from './yearFromWeekday';

/** The civil date of `now` on the reader's own calendar (the page's and the CLI's reference date). */
export function localCivilDate(now: Date): CivilDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

const WEEKDAY_WORDS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_WORDS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function isoDay(date: CivilDate): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function dayAndMonth(mention: Pick<WeekdayMention, 'month' | 'day'>): string {
  return `${MONTH_WORDS[mention.month - 1] ?? ''} ${mention.day}`;
}

/** "July 7 falls on a Wednesday and July 9 on a Friday", each distinct mention once. */
export function mentionsInWords(mentions: readonly WeekdayMention[]): string {
  const distinct = mentions.filter(
    (mention, index) => mentions.findIndex((other) => other.month === mention.month && other.day === mention.day && other.weekday === mention.weekday) === index,
  );
  return distinct
    .map((mention, index) => `${dayAndMonth(mention)} ${index === 0 ? 'falls ' : ''}on a ${WEEKDAY_WORDS[mention.weekday] ?? ''}`)
    .join(distinct.length > 2 ? ', ' : ' and ')
    .replace(/, (?=[^,]*$)/, ', and ');
}
