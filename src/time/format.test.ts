import fc from 'fast-check';
import {
  formatTime,
  isValidTimezone,
  resolveTimezone,
  timeTicks,
  zoneAbbreviation,
  type TimeStyle,
} from './format';
import { wallClockAt } from './zone';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const T = Date.UTC(2024, 0, 15, 10, 15, 7); // the outage morning

/** How many Intl.DateTimeFormat objects `run` constructs. */
function dateTimeFormatsBuiltBy(run: () => void): number {
  const original = Intl.DateTimeFormat;
  let constructed = 0;
  Intl.DateTimeFormat = new Proxy(original, {
    construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
      constructed += 1;
      return new target(...args);
    },
  });
  try {
    run();
  } finally {
    Intl.DateTimeFormat = original;
  }
  return constructed;
}

describe('formatTime', () => {
  it.each<[string, TimeStyle, string]>([
    ['UTC', 'time', '10:15'],
    ['UTC', 'time-seconds', '10:15:07'],
    ['UTC', 'datetime', '2024-01-15 10:15:07'],
    ['UTC', 'date', '2024-01-15'],
    ['UTC', 'axis-short', '01-15 10:15'],
    ['Europe/Berlin', 'datetime', '2024-01-15 11:15:07'],
    ['America/New_York', 'datetime', '2024-01-15 05:15:07'],
    ['Asia/Kolkata', 'time', '15:45'],
    ['Pacific/Auckland', 'date', '2024-01-15'],
    ['Pacific/Honolulu', 'date', '2024-01-15'],
    ['Pacific/Kiritimati', 'axis-short', '01-16 00:15'],
    ['Mars/Olympus', 'time', '10:15'], // unknown zone falls back to UTC
  ])('%s %s → %s', (tz, style, expected) => {
    expect(formatTime(T, tz, style)).toBe(expected);
  });

  it('writes midnight as 00, never 24', () => {
    expect(formatTime(Date.UTC(2024, 0, 15), 'UTC', 'datetime')).toBe('2024-01-15 00:00:00');
    expect(formatTime(Date.UTC(2024, 0, 14, 23), 'Europe/Berlin', 'time')).toBe('00:00');
  });

  it('follows DST', () => {
    expect(formatTime(Date.UTC(2024, 6, 15, 10), 'Europe/Berlin', 'time')).toBe('12:00');
    expect(formatTime(Date.UTC(2024, 2, 31, 0, 59), 'Europe/Berlin', 'time')).toBe('01:59');
    expect(formatTime(Date.UTC(2024, 2, 31, 1, 0), 'Europe/Berlin', 'time')).toBe('03:00');
  });

  it('says so for a non-finite instant', () => {
    expect(formatTime(Number.NaN, 'UTC', 'time')).toBe('Invalid time');
  });

  it('agrees with Date in UTC for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const iso = new Date(ms).toISOString(); // 2024-01-15T10:15:07.000Z
        expect(formatTime(ms, 'UTC', 'datetime')).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 19)}`);
      }),
    );
  });

  it('builds Intl formatters once per zone, not once per call', () => {
    const constructed = dateTimeFormatsBuiltBy(() => {
      for (let i = 0; i < 500; i++) formatTime(T + i * M, 'Australia/Adelaide', i % 2 ? 'time' : 'datetime');
    });
    expect(constructed).toBeGreaterThan(0);
    expect(constructed).toBeLessThanOrEqual(2);
    expect(formatTime(T, 'Australia/Adelaide', 'time')).toBe('20:45');
  });
});

describe('isValidTimezone / resolveTimezone', () => {
  it.each<[string, boolean]>([
    ['UTC', true],
    ['Europe/Berlin', true],
    ['America/Argentina/Buenos_Aires', true],
    ['Etc/GMT-1', true],
    ['europe/berlin', true],
    ['', false],
    ['browser', false],
    ['Mars/Olympus', false],
    ['+01:00', false],
  ])('isValidTimezone(%j) → %s', (tz, expected) => {
    expect(isValidTimezone(tz)).toBe(expected);
  });

  it.each<[string, string]>([
    ['UTC', 'UTC'],
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['Mars/Olympus', 'UTC'],
    ['', 'UTC'],
  ])('resolveTimezone(%j) → %s', (tz, expected) => {
    expect(resolveTimezone(tz)).toBe(expected);
  });

  it("resolves 'browser' to the zone the environment runs in (TZ=UTC in tests)", () => {
    expect(process.env.TZ).toBe('UTC');
    expect(resolveTimezone('browser')).toBe('UTC');
  });
});

describe('timeTicks', () => {
  const utc = (...args: [number, number, number, number?, number?, number?]) => Date.UTC(...args);

  it.each<[string, number, number, string, number, number[], string]>([
    [
      '105 min, 8 ticks → every 15 min',
      utc(2024, 0, 15, 10, 7),
      utc(2024, 0, 15, 11, 52),
      'UTC',
      8,
      [15, 30, 45, 60, 75, 90, 105].map((m) => utc(2024, 0, 15, 10) + m * M),
      'time',
    ],
    [
      '2.5 h outage, 6 ticks → every 30 min',
      utc(2024, 0, 15, 10),
      utc(2024, 0, 15, 12, 30),
      'UTC',
      6,
      [0, 30, 60, 90, 120, 150].map((m) => utc(2024, 0, 15, 10) + m * M),
      'time',
    ],
    [
      'Kolkata hours fall on :30 UTC',
      utc(2024, 0, 15, 9),
      utc(2024, 0, 15, 13),
      'Asia/Kolkata',
      5,
      [9.5, 10.5, 11.5, 12.5].map((h) => utc(2024, 0, 15) + h * H),
      'time',
    ],
    [
      'Berlin 3-hourly ticks across the spring-forward night stay on local 00/03/06',
      utc(2024, 2, 30, 22),
      utc(2024, 2, 31, 5),
      'Europe/Berlin',
      4,
      [utc(2024, 2, 30, 23), utc(2024, 2, 31, 1), utc(2024, 2, 31, 4)],
      'axis-short',
    ],
    [
      'New York overnight hours → date shown on every label',
      utc(2024, 0, 15, 2),
      utc(2024, 0, 15, 8),
      'America/New_York',
      6,
      [utc(2024, 0, 15, 2), utc(2024, 0, 15, 5), utc(2024, 0, 15, 8)], // 21:00, 00:00, 03:00 EST
      'axis-short',
    ],
    [
      '7 days, 6 ticks → every 2nd day of the month',
      utc(2024, 0, 10, 12),
      utc(2024, 0, 17, 12),
      'UTC',
      6,
      [11, 13, 15, 17].map((d) => utc(2024, 0, d)),
      'date',
    ],
    [
      '7 days in Berlin, 8 ticks → local midnights',
      utc(2024, 0, 10, 12),
      utc(2024, 0, 17, 12),
      'Europe/Berlin',
      8,
      [10, 11, 12, 13, 14, 15, 16].map((d) => utc(2024, 0, d, 23)),
      'date',
    ],
    [
      '6 weeks → Mondays',
      utc(2024, 0, 1, 12),
      utc(2024, 1, 12, 12),
      'UTC',
      6,
      [8, 15, 22, 29, 36, 43].map((d) => utc(2024, 0, d)),
      'date',
    ],
    [
      '1 year, 4 ticks → quarters',
      utc(2023, 11, 20),
      utc(2024, 11, 20),
      'UTC',
      4,
      [0, 3, 6, 9].map((m) => utc(2024, m, 1)),
      'date',
    ],
    [
      '10 years, 3 ticks → every 5 years',
      utc(2014, 5, 1),
      utc(2024, 5, 1),
      'UTC',
      3,
      [utc(2015, 0, 1), utc(2020, 0, 1)],
      'date',
    ],
    [
      '50 s → seconds labels',
      utc(2024, 0, 15, 10, 0, 3),
      utc(2024, 0, 15, 10, 0, 53),
      'UTC',
      6,
      [10, 20, 30, 40, 50].map((s) => utc(2024, 0, 15, 10, 0, s)),
      'time-seconds',
    ],
  ])('%s', (_label, start, end, tz, maxTicks, expected, style) => {
    expect(timeTicks(start, end, tz, maxTicks)).toEqual({ ticks: expected, style });
  });

  it('returns no ticks for an empty, reversed or non-finite range', () => {
    expect(timeTicks(T, T, 'UTC', 5).ticks).toEqual([]);
    expect(timeTicks(T, T - H, 'UTC', 5).ticks).toEqual([]);
    expect(timeTicks(Number.NaN, T, 'UTC', 5).ticks).toEqual([]);
  });

  const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu'];

  it('never leaves the axis empty when the coarse interval misses the range (21 days, 2 ticks, Kolkata)', () => {
    const start = 946_684_800_000;
    const { ticks } = timeTicks(start, start + 1_814_400_001, 'Asia/Kolkata', 2);
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.length).toBeLessThanOrEqual(2);
  });

  it('property: at most maxTicks, ascending, inside the range, on round wall-clock times', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 946_684_800_000, max: 2_000_000_000_000 }),
        fc.integer({ min: 2 * S, max: 3 * 365 * D }),
        fc.integer({ min: 2, max: 20 }),
        fc.constantFrom(...zones),
        (start, range, maxTicks, tz) => {
          const end = start + range;
          const { ticks, style } = timeTicks(start, end, tz, maxTicks);
          expect(ticks.length).toBeGreaterThan(0);
          expect(ticks.length).toBeLessThanOrEqual(maxTicks);
          ticks.forEach((t, i) => {
            expect(t).toBeGreaterThanOrEqual(start);
            expect(t).toBeLessThanOrEqual(end);
            if (i > 0) expect(t).toBeGreaterThan(ticks[i - 1] ?? Infinity);
            const c = wallClockAt(t, tz);
            expect(t % S).toBe(0);
            if (style !== 'time-seconds') expect(c.second).toBe(0);
            if (style === 'date') expect([c.hour, c.minute]).toEqual([0, 0]);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('zoneAbbreviation', () => {
  const winter = Date.UTC(2024, 0, 15);
  const summer = Date.UTC(2024, 6, 15);
  // First in this file: before any case below caches a UTC formatter.
  it('names UTC without building a DateTimeFormat, whose first construction delays the first draw', () => {
    const constructed = dateTimeFormatsBuiltBy(() => {
      expect([zoneAbbreviation('UTC', winter), zoneAbbreviation('UTC', summer), zoneAbbreviation('UTC', Number.NaN)]).toEqual(['UTC', 'UTC', 'UTC']);
    });
    expect(constructed).toBe(0);
  });
  it.each<[string, number, string]>([
    ['UTC', winter, 'UTC'],
    ['Europe/Berlin', winter, 'CET'],
    ['Europe/Berlin', summer, 'CEST'],
    ['Europe/London', winter, 'GMT'],
    ['Europe/London', summer, 'BST'],
    ['America/New_York', winter, 'EST'],
    ['America/New_York', summer, 'EDT'],
    ['Asia/Kolkata', winter, 'GMT+5:30'],
    ['Asia/Tokyo', winter, 'GMT+9'],
    ['Mars/Olympus', winter, 'UTC'],
  ])('%s at %d → %s', (tz, at, expected) => {
    expect(zoneAbbreviation(tz, at)).toBe(expected);
  });
});
