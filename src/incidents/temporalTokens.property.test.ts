import fc from 'fast-check';
import type { CivilDate, ZoneSpec } from './civilTime';
import { parseTimelineEntry } from './postmortemTimeline';
import { hour24, scanDates, scanTimes, YEARLESS_PLACEHOLDER } from './temporalTokens';

// Generate a date, a clock time and a zone, write them as postmortems do (GRAMMAR.md), read them back.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONATE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const pad = (value: number) => String(value).padStart(2, '0');

const civilDate = fc
  .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => day <= new Date(Date.UTC(year, month, 0)).getUTCDate());
const clock = fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) });
/** Zones with the offset each stands for (minutes east of UTC). */
const namedZone = fc.constantFrom(
  ['UTC', 0], ['GMT', 0], ['Z', 0], ['PST', -480], ['PDT', -420], ['EST', -300], ['EDT', -240], ['CET', 60], ['CEST', 120],
  ['BST', 60], ['IST', 330], ['JST', 540], ['+00:00', 0], ['+02:00', 120], ['+05:30', 330], ['UTC+1', 60], ['GMT-3', -180],
) as fc.Arbitrary<[string, number]>;

function isoDate(date: CivilDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
function monthName(date: CivilDate): string {
  return MONTHS[date.month - 1] ?? '';
}
function monatName(date: CivilDate): string {
  return MONATE[date.month - 1] ?? '';
}

type Clock = { hour: number; minute: number };

function twelveHour({ hour, minute }: Clock, style: number): string {
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const meridiem = [hour < 12 ? 'AM' : 'PM', hour < 12 ? 'am' : 'pm', hour < 12 ? 'a.m.' : 'p.m.'][style] ?? 'AM';
  return style === 1 ? `${h12}:${pad(minute)}${meridiem}` : `${h12}:${pad(minute)} ${meridiem}`;
}

function offsetOf(zone: ZoneSpec | undefined): number | undefined {
  return zone?.kind === 'offset' ? zone.minutes : undefined;
}

describe('the date grammar, read back', () => {
  it.each([
    ['ISO 8601', (date: CivilDate) => isoDate(date)],
    ['"January 15, 2024"', (date: CivilDate) => `${monthName(date)} ${date.day}, ${date.year}`],
    ['"15 January 2024"', (date: CivilDate) => `${date.day} ${monthName(date)} ${date.year}`],
    ['"15th of Jan 2024"', (date: CivilDate) => `${date.day}th of ${monthName(date).slice(0, 3)} ${date.year}`],
    ['"2018 October 21"', (date: CivilDate) => `${date.year} ${monthName(date)} ${date.day}`],
    ['a weekday before it', (date: CivilDate) => `Tuesday, ${monthName(date)} ${date.day}, ${date.year}`],
    ['German "30. April 2021"', (date: CivilDate) => `${date.day}. ${monatName(date)} ${date.year}`],
    ['German with a weekday, "Freitag, 30. April 2021"', (date: CivilDate) => `Freitag, ${date.day}. ${monatName(date)} ${date.year}`],
    ['German "3. Maerz 2021" (ä written ae)', (date: CivilDate) => `${date.day}. ${monatName(date).replace('ä', 'ae')} ${date.year}`],
  ])('%s', (_name, render) => {
    fc.assert(
      fc.property(civilDate, (date) => {
        const found = scanDates(`On ${render(date)} we saw errors.`);
        expect(found.map((token) => [token.date, token.yearWritten])).toEqual([[date, true]]);
      }),
    );
  });

  it.each([
    ['"7 May"', (date: CivilDate) => `${date.day} ${monthName(date)}`],
    ['"19. April"', (date: CivilDate) => `${date.day}. ${monthName(date)}`],
    ['"April 19th"', (date: CivilDate) => `${monthName(date)} ${date.day}th`],
    ['German "30. April", "3. Mai"', (date: CivilDate) => `${date.day}. ${monatName(date)}`],
  ])('%s without a year, when asked for', (_name, render) => {
    fc.assert(
      fc.property(civilDate, (date) => {
        const found = scanDates(`### ${render(date)}`, { yearless: true });
        expect(found.map((token) => [token.date.month, token.date.day, token.yearWritten])).toEqual([[date.month, date.day, false]]);
        expect(found[0]?.date.year).toBe(YEARLESS_PLACEHOLDER);
        expect(scanDates(`### ${render(date)}`)).toEqual([]);
      }),
    );
  });
});

describe('the time grammar, read back', () => {
  it('24-hour clocks with a zone after, or before', () => {
    fc.assert(
      fc.property(clock, namedZone, fc.boolean(), (time, [zone, offset], before) => {
        const written = zone === 'Z' ? `${pad(time.hour)}:${pad(time.minute)}Z` : before && /^[A-Z]+$/.test(zone) ? `${zone} ${pad(time.hour)}:${pad(time.minute)}` : `${pad(time.hour)}:${pad(time.minute)} ${zone}`;
        const [token, ...rest] = scanTimes(`Alert fired at ${written} today.`);
        expect(rest).toEqual([]);
        expect(token && [hour24(token), token.minute, offsetOf(token.zone)]).toEqual([time.hour, time.minute, offset]);
      }),
    );
  });

  it('12-hour clocks in three meridiem styles', () => {
    fc.assert(
      fc.property(clock, fc.integer({ min: 0, max: 2 }), (time, style) => {
        const [token] = scanTimes(`Paged at ${twelveHour(time, style)}, then again.`);
        expect(token && [hour24(token), token.minute]).toEqual([time.hour, time.minute]);
      }),
    );
  });

  it('four-digit times with a zone ("0401 UTC 2014-10-26")', () => {
    fc.assert(
      fc.property(clock, civilDate, (time, date) => {
        const [token] = scanTimes(`${pad(time.hour)}${pad(time.minute)} UTC ${isoDate(date)} - failover`);
        expect(token && [hour24(token), token.minute, offsetOf(token.zone)]).toEqual([time.hour, time.minute, 0]);
      }),
    );
  });

  it('ISO 8601 date-times with any offset, negative ones included', () => {
    fc.assert(
      fc.property(civilDate, clock, fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15)), (date, time, offset) => {
        const sign = offset < 0 ? '-' : '+';
        const stamp = `${isoDate(date)}T${pad(time.hour)}:${pad(time.minute)}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
        const [token] = scanTimes(stamp);
        expect(scanDates(stamp)[0]?.date).toEqual(date);
        expect(token && [hour24(token), token.minute, offsetOf(token.zone)]).toEqual([time.hour, time.minute, offset]);
      }),
    );
  });

  it('German "19:09 Uhr" and "um 19 Uhr", a zone after "Uhr" included', () => {
    fc.assert(
      fc.property(clock, fc.boolean(), (time, zoned) => {
        const [token, ...rest] = scanTimes(`von ${pad(time.hour)}:${pad(time.minute)} Uhr${zoned ? ' UTC' : ''} bis ${time.hour} Uhr offline`);
        expect(token && [hour24(token), token.minute, offsetOf(token.zone)]).toEqual([time.hour, time.minute, zoned ? 0 : undefined]);
        expect(rest.map((later) => [hour24(later), later.minute])).toEqual([[time.hour, 0]]);
      }),
    );
  });

  it('approximate markers', () => {
    fc.assert(
      fc.property(clock, fc.constantFrom('~', '±', 'around ', 'approx. ', 'approximately '), (time, marker) => {
        const [token] = scanTimes(`It began ${marker}${pad(time.hour)}:${pad(time.minute)}.`);
        expect(token && [hour24(token), token.minute, token.approximate]).toEqual([time.hour, time.minute, true]);
      }),
    );
  });
});

describe('timeline entries, read back', () => {
  const text = fc.constantFrom('Alert fired', 'News reports of errors', 'we rolled back', 'OUTAGE BEGINS');
  it.each([
    ['a list item, no separator', (t: string, x: string) => `- ${t} ${x}`],
    ['bold with a zone', (t: string, x: string) => `**${t} UTC:** ${x}`],
    ['bracketed, a chat log', (t: string, x: string) => `> [${t}] ${x}`],
    ['an update prefix', (t: string, x: string) => `UPDATE ${t} - ${x}`],
    ['approximate', (t: string, x: string) => `* ~${t}: ${x}`],
    ['after an italic date', (t: string, x: string) => `*2023-01-04 ${t}*: ${x}`],
  ])('%s', (_name, render) => {
    fc.assert(
      fc.property(clock, text, (time, words) => {
        const entry = parseTimelineEntry(render(`${pad(time.hour)}:${pad(time.minute)}`, words));
        expect(entry && [hour24(entry.time), entry.time.minute, entry.text]).toEqual([time.hour, time.minute, words]);
      }),
    );
  });

  // The formats the corpus fixtures added (chat logs, zone first, per-entry offsets, approximate ranges).
  it.each([
    ['a chat log line, unquoted, with a nick', (t: string, x: string) => `[${t}] alice: ${x}`, (x: string) => `alice: ${x}`],
    ['the zone before the time', (t: string, x: string) => `UTC ${t} - ${x}`, (x: string) => x],
    ['a log stamp with seconds and an offset', (t: string, x: string) => `2022-09-20 ${t}:31+00:00 — ${x}`, (x: string) => x],
    ['an approximate range', (t: string, x: string) => `~${t}-23:59 ${x}`, (x: string) => x],
  ])('%s', (_name, render, expectedText) => {
    fc.assert(
      fc.property(clock, text, (time, words) => {
        const entry = parseTimelineEntry(render(`${pad(time.hour)}:${pad(time.minute)}`, words), true);
        expect(entry && [hour24(entry.time), entry.time.minute, entry.text]).toEqual([time.hour, time.minute, expectedText(words)]);
      }),
    );
  });
});
