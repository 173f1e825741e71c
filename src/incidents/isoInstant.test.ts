import fc from 'fast-check';
import { EARLIEST_TIME_MS, LATEST_TIME_MS } from '../time';
import { formatIsoInstant, parseIsoInstant } from './isoInstant';

describe('ISO 8601 instants of incident files', () => {
  it.each([
    ['2024-01-15T10:05:00Z', Date.UTC(2024, 0, 15, 10, 5)],
    ['2024-01-15T10:05Z', Date.UTC(2024, 0, 15, 10, 5)],
    ['2024-01-15T11:05:00+01:00', Date.UTC(2024, 0, 15, 10, 5)],
    ['2024-01-15T04:35:00.25-05:30', Date.UTC(2024, 0, 15, 10, 5, 0, 250)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['0050-06-01T00:00:00Z', new Date('0050-06-01T00:00:00Z').getTime()],
  ])('reads %s', (text, ms) => {
    expect(parseIsoInstant(text)).toBe(ms);
  });

  it.each([
    ['2024-01-15T10:05:00', 'no offset'],
    ['2024-01-15 10:05:00Z', 'a space for T'],
    ['2023-02-29T00:00:00Z', 'a day February 2023 does not have'],
    ['2024-04-31T00:00:00Z', 'day 31 of April'],
    ['2024-13-01T00:00:00Z', 'month 13'],
    ['2024-01-15T24:00:00Z', 'hour 24'],
    ['2024-01-15T10:60:00Z', 'minute 60'],
    ['2024-01-15T10:05:00+19:00', 'an offset no place uses'],
    ['0000-01-01T00:00:00Z', 'year 0'],
    ['9999-12-31T23:00:00Z', 'past the last instant vigil shows'],
    ['1705313100000', 'epoch ms'],
  ])('refuses %s (%s)', (text) => {
    expect(parseIsoInstant(text)).toBeNull();
  });

  it('writes the wall clock of the zone with its offset, milliseconds only when there are some', () => {
    const ms = Date.UTC(2024, 0, 15, 10, 5);
    expect(formatIsoInstant(ms, 'UTC')).toBe('2024-01-15T10:05:00Z');
    expect(formatIsoInstant(ms, 'Europe/Berlin')).toBe('2024-01-15T11:05:00+01:00');
    expect(formatIsoInstant(ms + 7, 'America/St_Johns')).toBe('2024-01-15T06:35:00.007-03:30');
    expect(formatIsoInstant(ms, 'Not/AZone')).toBe('2024-01-15T10:05:00Z');
  });

  it('reads back every instant it writes, in any zone', () => {
    const zones = fc.constantFrom('UTC', 'Europe/Berlin', 'Asia/Kolkata', 'America/New_York', 'Pacific/Chatham', 'Australia/Lord_Howe', 'Europe/Amsterdam');
    fc.assert(
      fc.property(fc.integer({ min: EARLIEST_TIME_MS, max: LATEST_TIME_MS }), zones, (ms, zone) => {
        expect(parseIsoInstant(formatIsoInstant(ms, zone))).toBe(ms);
      }),
    );
  });
});
