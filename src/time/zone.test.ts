import fc from 'fast-check';
import { instantOfWallClock, startOfDay, wallClockAt, zoneOffsetAt, type WallClock } from './zone';

const H = 3_600_000;
const clock = (year: number, month: number, day: number, hour = 0, minute = 0): WallClock => ({
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
  millisecond: 0,
});

describe('zoneOffsetAt', () => {
  it.each<[string, number, number]>([
    ['UTC', Date.UTC(2024, 0, 15), 0],
    ['Europe/Berlin', Date.UTC(2024, 0, 15), H],
    ['Europe/Berlin', Date.UTC(2024, 6, 15), 2 * H],
    ['America/New_York', Date.UTC(2024, 0, 15), -5 * H],
    ['Asia/Kolkata', Date.UTC(2024, 0, 15), 5.5 * H],
    ['Asia/Kathmandu', Date.UTC(2024, 0, 15), 5.75 * H],
  ])('%s at %d → %d', (tz, at, expected) => {
    expect(zoneOffsetAt(at, tz)).toBe(expected);
  });
});

describe('instantOfWallClock', () => {
  it.each<[string, string, WallClock, number]>([
    ['plain winter time', 'Europe/Berlin', clock(2024, 1, 15, 11), Date.UTC(2024, 0, 15, 10)],
    ['plain summer time', 'Europe/Berlin', clock(2024, 7, 15, 12), Date.UTC(2024, 6, 15, 10)],
    ['skipped 02:30 reads with the offset before the jump', 'America/New_York', clock(2024, 3, 10, 2, 30), Date.UTC(2024, 2, 10, 7, 30)],
    ['repeated 01:30 resolves to its first occurrence (EDT)', 'America/New_York', clock(2024, 11, 3, 1, 30), Date.UTC(2024, 10, 3, 5, 30)],
    ['overflowing fields normalise', 'UTC', clock(2024, 13, 32, 25), Date.UTC(2025, 1, 2, 1)],
    ['a half-hour zone', 'Asia/Kolkata', clock(2024, 1, 15), Date.UTC(2024, 0, 14, 18, 30)],
  ])('%s', (_label, tz, wall, expected) => {
    expect(instantOfWallClock(wall, tz)).toBe(expected);
  });

  it('property: the wall clock of an instant maps back to that instant (outside repeated hours)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800 }).map((s) => s * 1000),
        fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu'),
        (ms, tz) => {
          const back = instantOfWallClock(wallClockAt(ms, tz), tz);
          // In a repeated hour both instants show the same clock; the earlier one is returned.
          if (back !== ms) {
            expect(back).toBeLessThan(ms);
            expect(wallClockAt(back, tz)).toEqual(wallClockAt(ms, tz));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('startOfDay', () => {
  it('is local midnight, even when the day has 23 hours', () => {
    expect(startOfDay(Date.UTC(2024, 2, 31, 20), 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 30, 23));
    expect(startOfDay(Date.UTC(2024, 0, 15, 3), 'America/New_York')).toBe(Date.UTC(2024, 0, 14, 5));
  });
});

describe('wallClockAt in UTC', () => {
  it('reads the wall clock as Intl does, without Intl (from year 1 to the end of Date)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: 8.64e15 }), (ms) => {
        expect(wallClockAt(ms, 'UTC')).toEqual(wallClockAt(ms, 'Etc/UTC'));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves the years before the era to Intl, which counts them as it always did', () => {
    const ms = Date.UTC(2000, 0, 1) - 2001 * 365.25 * 86_400_000;
    expect(wallClockAt(ms, 'UTC')).toEqual(wallClockAt(ms, 'Etc/UTC'));
  });
});
