import fc from 'fast-check';
import { parsePostmortem } from './parsePostmortem';

// "Starting yesterday, at 10:48 PM MT …" in a postmortem dated the day after: the day counts back from the document's date.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (value: number) => String(value).padStart(2, '0');
const documentDay = fc.date({ min: new Date('1995-01-02T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true });
const clock = fc.record({ hour: fc.integer({ min: 0, max: 23 }), minute: fc.integer({ min: 0, max: 59 }) });

function written(day: Date): string {
  return `${MONTHS[day.getUTCMonth()] ?? ''} ${day.getUTCDate()}, ${day.getUTCFullYear()}`;
}

function startOf(source: string): string | undefined {
  const result = parsePostmortem(source, { id: 'relative' });
  return result.ok ? new Date(result.incident.start).toISOString() : undefined;
}

describe('days named relative to the document date', () => {
  it('"yesterday" is the day before the document date, "today" the date itself', () => {
    fc.assert(
      fc.property(documentDay, clock, fc.constantFrom(['yesterday', -1], ['today', 0], ['this morning', 0]) as fc.Arbitrary<[string, number]>, (day, { hour, minute }, [word, shift]) => {
        const source = `Incident report - ${written(day)}\n\nStarting ${word}, at ${pad(hour)}:${pad(minute)} UTC, the platform was degraded.`;
        const expected = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + shift, hour, minute));
        expect(startOf(source)).toBe(expected.toISOString());
      }),
    );
  });

  it('takes a day written without a year in the year of the document, the year before across New Year', () => {
    expect(startOf('Postmortem - March 13, 2026\n\nStarting yesterday, March 12, at 10:48 PM MT, logins were slow. Site performance was back to normal by 8:35 AM MT.')).toBe('2026-03-13T04:48:00.000Z');
    expect(startOf('Postmortem - January 1, 2024\n\nStarting yesterday, December 31, at 23:10 UTC, the site went down.')).toBe('2023-12-31T23:10:00.000Z');
  });

  it('ends where the postmortem says service was back, on the document date', () => {
    const result = parsePostmortem('Postmortem - March 13, 2026\n\nStarting yesterday, March 12, at 10:48 PM MT, logins were slow. Site performance was back to normal by 8:35 AM MT.', { id: 'r' });
    expect(result.ok && [result.incident.end && new Date(result.incident.end).toISOString(), result.reading.window.rule]).toEqual(['2026-03-13T14:35:00.000Z', 'start-end-sentences']);
  });

  it('counts nothing without a document date', () => {
    expect(startOf('Starting yesterday, at 10:48 UTC, the platform was degraded.')).toBeUndefined();
  });
});
