import { parsePostmortem } from './parsePostmortem';

function windowOf(source: string, timezone?: string): [string, string] | string {
  const result = parsePostmortem(source, { id: 'w', ...(timezone && { timezone }) });
  if (!result.ok) return result.error;
  return [new Date(result.incident.start).toISOString(), new Date(result.incident.end ?? Number.NaN).toISOString()];
}

describe('the outage window', () => {
  it.each([
    ['the seed wording', 'Duration of Outage: The outage occurred from 10:00 AM to 12:30 PM on January 15, 2024.', 'UTC', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['24-hour times and an ISO date', 'Outage: 10:00 to 12:30 on 2024-01-15', 'UTC', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['"between … and …" with "Jan 15, 2024"', 'The outage occurred between 10:00 and 12:30 on Jan 15, 2024.', 'UTC', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['"15 January 2024" before the times, en dash', 'Window: 15 January 2024, 10:00–12:30', 'UTC', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['a weekday and an ordinal', 'The outage lasted from 10:00 to 12:30 on Monday, January 15th, 2024.', 'UTC', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['a hyphen without spaces (not a -12:30 offset)', 'Outage: 10:00-12:30 on 2024-01-15', 'UTC', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['a meridiem written once', 'Outage: 11:00 to 1:00 PM on 2024-01-15', 'UTC', '2024-01-15T11:00', '2024-01-15T13:00'],
    ['an end earlier than the start, so on the next day', 'Outage window: 2024-01-15 22:30 to 01:15', 'UTC', '2024-01-15T22:30', '2024-01-16T01:15'],
    ['an end with its own date', 'Outage from 10:00 PM on January 15, 2024 to 2:00 AM on January 17, 2024', 'UTC', '2024-01-15T22:00', '2024-01-17T02:00'],
    ['dates on both ends and a trailing UTC', 'Impact window: between 2024-01-15 22:00 and 2024-01-16 01:30 UTC', 'Asia/Tokyo', '2024-01-15T22:00', '2024-01-16T01:30'],
    ['UTC on each time, whatever the given zone', 'Outage: from 10:00 UTC to 12:30 UTC on January 15, 2024', 'Europe/Berlin', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['a trailing "(UTC)" after the date', 'Outage: from 10:00 to 12:30 on January 15, 2024 (UTC)', 'Europe/Berlin', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['an offset on the end time', 'Outage: 10:00 to 12:30 +02:00 on 2024-01-15', 'UTC', '2024-01-15T08:00', '2024-01-15T10:30'],
    ['ISO date-times with Z', 'Outage: 2024-01-15T10:00:00Z to 2024-01-15T12:30:00Z', 'Europe/Berlin', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['ISO date-times with a negative offset', 'Outage: 2024-01-15T10:00:00-05:00 – 2024-01-15T12:30:00-05:00', 'UTC', '2024-01-15T15:00', '2024-01-15T17:30'],
    ['"UTC+5:30"', 'Outage: 10:00 to 12:30 UTC+5:30 on 2024-01-15', 'UTC', '2024-01-15T04:30', '2024-01-15T07:00'],
    ['wall-clock times in Berlin in winter (+01:00)', 'Outage: 10:00 to 12:30 on January 15, 2024', 'Europe/Berlin', '2024-01-15T09:00', '2024-01-15T11:30'],
    ['wall-clock times in Berlin in summer (+02:00)', 'Outage: 10:00 to 12:30 on July 15, 2024', 'Europe/Berlin', '2024-07-15T08:00', '2024-07-15T10:30'],
    ['a night across the New York spring-forward', 'Outage: from 11:00 PM on March 9, 2024 to 4:00 AM', 'America/New_York', '2024-03-10T04:00', '2024-03-10T08:00'],
    ['German "von … bis …", day-first dates, weekdays', 'Der Server war von Freitag, 30. April 2021 19:09 UTC bis Montag, 3. Mai 2021 05:58 UTC offline.', 'Europe/Berlin', '2021-04-30T19:09', '2021-05-03T05:58'],
    ['German "zwischen … und …" with "Uhr"', 'Ausfall zwischen 10:00 Uhr und 12:30 Uhr am 15. März 2024.', 'UTC', '2024-03-15T10:00', '2024-03-15T12:30'],
    ['a zone the document states for all times', 'All times are in PST.\n\nOutage: 10:00 to 12:30 on 2024-01-15', 'UTC', '2024-01-15T18:00', '2024-01-15T20:30'],
    ['an IANA zone the document states', 'Time zone: Asia/Kolkata\nOutage: 10:00 to 12:30 on 2024-01-15', 'UTC', '2024-01-15T04:30', '2024-01-15T07:00'],
    ['a date on another line', 'Date: 2024-01-15\nDuration: 10:00 – 12:30', 'UTC', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['"Start:" and "End:" lines', 'Start: 2024-01-15 10:00 UTC\nEnd: 2024-01-15 12:30 UTC', 'Europe/Berlin', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['a line naming the outage over an earlier line with two times', 'The 09:00 to 09:30 deploy went fine on 2024-01-15.\nOutage window: 10:00 to 12:30 on 2024-01-15', 'UTC', '2024-01-15T10:00', '2024-01-15T12:30'],
    ['a range split after its start time, the zone opening the next line, yearless days in the year of the document',
      'Published Wed, 05 May 2021\n\nOur server was offline from Friday April 30 19:09\nUTC until Monday May 3 05:58 UTC.', 'Europe/Berlin', '2021-04-30T19:09', '2021-05-03T05:58'],
    ['a yearless December range in a postmortem dated January: the year before', 'Posted 2024-01-04\n\nThe site was unavailable from December 30 22:00 until December 31 01:00 UTC.', 'UTC', '2023-12-30T22:00', '2023-12-31T01:00'],
  ])('reads %s', (_name, source, timezone, start, end) => {
    expect(windowOf(source, timezone)).toEqual([`${start}:00.000Z`, `${end}:00.000Z`]);
  });

  it('starts where "a series of faults hit the site", an open incident without an end', () => {
    const result = parsePostmortem('posted on Thursday August 15 2019\n\nEarlier this morning (around 0520 UTC) a series of faults hit the site.\n\nThe site is up again.', { id: 'w' });
    expect(result.ok && [new Date(result.incident.start).toISOString(), result.incident.end, result.reading.window.rule]).toEqual(['2019-08-15T05:20:00.000Z', undefined, 'start-end-sentences']);
  });

  it('says the window has no date when none is written anywhere', () => {
    expect(windowOf('Duration: 10:00 to 12:30.')).toBe(
      'The outage window "10:00 to 12:30" has no date (expected e.g. "on January 15, 2024" or "2024-01-15")',
    );
  });

  it.each([
    ['a duration only', 'Duration of Outage: about two and a half hours on 2024-01-15.'],
    ['an impossible date', 'Outage: 10:00 to 12:30 on February 30, 2024'],
    ['impossible times', 'Outage: 25:00 to 26:30 on 2024-01-15'],
  ])('finds no window in %s', (_name, source) => {
    expect(windowOf(source)).toMatch(/^No outage window found|has no date/);
  });

  it('reads a postmortem written while the outage goes on as an open incident', () => {
    const result = parsePostmortem('At approximately 2023-07-02 13:07 UTC the main server failed. We expect it back within a day.', { id: 'open' });
    expect(result.ok && [new Date(result.incident.start).toISOString(), result.incident.end, result.reading.window.rule]).toEqual([
      '2023-07-02T13:07:00.000Z',
      undefined,
      'start-end-sentences',
    ]);
  });

  it('reads timeline entries in the zone the window was read in', () => {
    const result = parsePostmortem('Outage: 10:00 to 12:30 +02:00 on 2024-01-15\n10:15: Alert fired.\n10:20 UTC: Paged.', { id: 'w' });
    expect(result.ok && result.incident.events.map((event) => new Date(event.time).toISOString())).toEqual([
      '2024-01-15T08:15:00.000Z',
      '2024-01-15T10:20:00.000Z',
    ]);
  });
});
