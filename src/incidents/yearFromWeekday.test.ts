import fc from 'fast-check';
import type { CivilDate } from './civilTime';
import { addDays } from './civilTime';
import { parsePostmortem } from './parsePostmortem';
import { yearSentence } from './readingWords';
import { weekdayMentions, yearFromWeekdays } from './yearFromWeekday';

const lines = (...texts: string[]) => texts.map((text) => ({ text }));
const READ_ON: CivilDate = { year: 2026, month: 12, day: 2 };
const WEDNESDAY = 3;

/** `null`: no reference date given. */
function read(source: string, readOn: CivilDate | null = READ_ON) {
  return parsePostmortem(source, { id: 'y', timezone: 'UTC', ...(readOn && { readOn }) });
}

describe('the year from the weekday', () => {
  it('is the latest year up to the reference date in which the day falls on the weekday', () => {
    const mentions = weekdayMentions(lines('On Wednesday, July 7th at 16:17 the API went down.'));
    expect(mentions).toEqual([{ month: 7, day: 7, weekday: WEDNESDAY }]);
    expect(yearFromWeekdays(mentions, READ_ON)).toMatchObject({ kind: 'found', year: 2021 });
    // Read on the day itself it is that year; the day before, the previous Wednesday, July 7 (2010).
    expect(yearFromWeekdays(mentions, { year: 2027, month: 7, day: 7 })).toMatchObject({ kind: 'found', year: 2027 });
    expect(yearFromWeekdays(mentions, { year: 2021, month: 7, day: 6 })).toMatchObject({ kind: 'found', year: 2010 });
  });

  it('reads weekdays in English and German, abbreviated, and "Wednesday the 7th of July"', () => {
    expect(
      weekdayMentions(lines('Wed 7 Jul: alerts', 'von Freitag, 30. April 19:09 UTC bis Montag, 3. Mai 05:58 UTC', 'Wednesday the 7th of July')),
    ).toEqual([
      { month: 7, day: 7, weekday: 3 },
      { month: 4, day: 30, weekday: 5 },
      { month: 5, day: 3, weekday: 1 },
      { month: 7, day: 7, weekday: 3 },
    ]);
    // A date without a weekday, or a word that is no weekday, gives nothing.
    expect(weekdayMentions(lines('All times are in UTC on the day of July 7th.', 'So, 7 July was long.'))).toEqual([]);
  });

  it('needs every mention to fall on its weekday in the same year, across New Year too', () => {
    const agree = weekdayMentions(lines('Friday, April 30 to Monday, May 3'));
    expect(yearFromWeekdays(agree, READ_ON)).toMatchObject({ kind: 'found', year: 2021 });
    // Read on 2027-05-02, Monday May 3, 2027 is still to come: both go back to 2021.
    expect(yearFromWeekdays(agree, { year: 2027, month: 5, day: 2 })).toMatchObject({ kind: 'found', year: 2021 });
    const newYear = weekdayMentions(lines('Friday, December 31 to Monday, January 3'));
    expect(yearFromWeekdays(newYear, READ_ON)).toMatchObject({ kind: 'found', year: 2021, documentDate: { year: 2022, month: 1, day: 3 } });
    const disagree = weekdayMentions(lines('Wednesday, July 7', 'Wednesday, July 8'));
    expect(yearFromWeekdays(disagree, READ_ON)).toMatchObject({ kind: 'disagree' });
  });

  it('finds 29 February only in leap years', () => {
    // 29 February 2024 was a Thursday; the one before on a Thursday was 1996.
    expect(yearFromWeekdays(weekdayMentions(lines('Thursday, February 29')), READ_ON)).toMatchObject({ year: 2024 });
  });

  it('reads a document that writes no year, and says how the year was worked out', () => {
    const result = read('On Wednesday, July 7th at 16:17 a network problem made the API unavailable. It lasted until 16:46.\n\nAll times are in UTC.');
    expect(result.ok && [new Date(result.incident.start).toISOString(), result.incident.end && new Date(result.incident.end).toISOString()]).toEqual([
      '2021-07-07T16:17:00.000Z',
      '2021-07-07T16:46:00.000Z',
    ]);
    expect(result.ok && yearSentence(result.reading)).toBe(
      'No year stated: 2021 is the latest year up to 2026-12-02 in which July 7 falls on a Wednesday — check it.',
    );
  });

  it('is not used where the document writes a year anywhere', () => {
    const result = read('Written 2019-08-01.\n\nOn Wednesday, July 7th at 16:17 the API became unavailable. It lasted until 16:46.');
    expect(result.ok && [new Date(result.incident.start).toISOString(), result.reading.yearFromWeekdays]).toEqual(['2019-07-07T16:17:00.000Z', undefined]);
  });

  it('refuses a document whose year cannot be worked out, naming the missing year', () => {
    expect(read('On July 7th at 16:17 the API became unavailable. It lasted until 16:46.')).toEqual({
      ok: false,
      error:
        'No year stated: the postmortem writes July 7 without a year, and no weekday beside it to work the year out from. Write the year beside a date (e.g. "July 7, 2021"), or the weekday (e.g. "Wednesday, July 7").',
    });
    expect(read('On Wednesday, July 7th at 16:17 the API became unavailable. Thursday, July 7th it was back.')).toEqual({
      ok: false,
      error:
        'No year stated, and the weekdays beside the dates agree on none: no year up to 2026-12-02 in which July 7 falls on a Wednesday and July 7 on a Thursday. Write the year beside a date (e.g. "July 7, 2021").',
    });
    const unreferenced = read('On Wednesday, July 7th at 16:17 the API became unavailable. It lasted until 16:46.', null);
    expect(unreferenced.ok ? '' : unreferenced.error).toMatch(/^No year stated: .*no reference date was given/);
    const timesOnly = read('At 16:17 the API became unavailable.');
    expect(timesOnly.ok ? '' : timesOnly.error).toMatch(/^No year stated: the postmortem writes times but no date with a year anywhere/);
  });
});

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WOCHENTAGE = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONATE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

const date = fc
  .record({ year: fc.integer({ min: 1970, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => day <= new Date(Date.UTC(year, month, 0)).getUTCDate());
/** Strictly less than five years: a day and month fall on the same weekday again 5, 6 or 11 years later (28 for 29 February). */
const daysLater = fc.integer({ min: 0, max: 5 * 365 - 1 });

const renderings: ReadonlyArray<readonly [string, (weekday: number, date: CivilDate) => string]> = [
  ['"Wednesday, July 7th"', (weekday, { month, day }) => `On ${WEEKDAYS[weekday]}, ${MONTHS[month - 1]} ${day}th at 10:00 the site went down. It was back up by 11:30.`],
  ['"Wed 7 Jul"', (weekday, { month, day }) => `The outage lasted from 10:00 to 11:30 on ${WEEKDAYS[weekday]?.slice(0, 3)} ${day} ${MONTHS[month - 1]?.slice(0, 3)}.`],
  ['"Mittwoch, 7. Juli"', (weekday, { month, day }) => `Der Server war von ${WOCHENTAGE[weekday]}, ${day}. ${MONATE[month - 1]} 10:00 Uhr bis 11:30 Uhr offline.`],
];

describe('the year from the weekday, for any date', () => {
  it.each(renderings)('%s: the true year, read within five years after', (_name, render) => {
    fc.assert(
      fc.property(date, daysLater, (day, later) => {
        const weekday = new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay();
        const result = read(render(weekday, day), addDays(day, later));
        expect(result.ok && new Date(result.incident.start).toISOString().slice(0, 16)).toBe(
          `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}T10:00`,
        );
        expect(result.ok && result.reading.yearFromWeekdays?.year).toBe(day.year);
      }),
    );
  });
});
