import fc from 'fast-check';
import {
  RANGE_PRESETS,
  formatDuration,
  isRelative,
  parseDuration,
  isWithinTimeBounds,
  parseTimeInput,
  readTimeInput,
  resolveRange,
} from './range';

const NOW = Date.UTC(2024, 0, 15, 12, 30, 45, 123); // Monday
const H = 3_600_000;
const M = 60_000;
const D = 24 * H;

describe('parseTimeInput', () => {
  it.each<[string, number | null]>([
    ['now', NOW],
    ['  now  ', NOW],
    ['now-6h', NOW - 6 * H],
    ['now-15m', NOW - 15 * M],
    ['now-7d', NOW - 7 * D],
    ['now+1h', NOW + H],
    ['now-1h30m', NOW - 90 * M],
    ['now-1d+2h', NOW - D + 2 * H],
    ['now-500ms', NOW - 500],
    ['now/d', Date.UTC(2024, 0, 15)],
    ['now/h', Date.UTC(2024, 0, 15, 12)],
    ['now/m', Date.UTC(2024, 0, 15, 12, 30)],
    ['now/s', Date.UTC(2024, 0, 15, 12, 30, 45)],
    ['now/w', Date.UTC(2024, 0, 15)],
    ['now-1d/w', Date.UTC(2024, 0, 8)],
    ['now/M', Date.UTC(2024, 0, 1)],
    ['now/y', Date.UTC(2024, 0, 1)],
    ['now-7d/d', Date.UTC(2024, 0, 8)],
    ['1705309200000', 1705309200000],
    ['0', 0],
    ['2024-01-15T09:00:00Z', Date.UTC(2024, 0, 15, 9)],
    ['2024-01-15T09:00:00.250Z', Date.UTC(2024, 0, 15, 9, 0, 0, 250)],
    ['2024-01-15T09:00Z', Date.UTC(2024, 0, 15, 9)],
    ['2024-01-15T10:00:00+01:00', Date.UTC(2024, 0, 15, 9)],
    ['2024-01-15T04:00:00-0500', Date.UTC(2024, 0, 15, 9)],
    ['2024-01-15 09:00:00', Date.UTC(2024, 0, 15, 9)],
    ['2024-01-15', Date.UTC(2024, 0, 15)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    // invalid
    ['', null],
    ['   ', null],
    ['yesterday', null],
    ['now-', null],
    ['now-6x', null],
    ['now-1M', null],
    ['now-6h/x', null],
    ['now/', null],
    ['now6h', null],
    ['nowish', null],
    ['-5', null],
    ['1.5', null],
    ['2023-02-29T00:00:00Z', null],
    ['2024-13-01T00:00:00Z', null],
    ['2024-01-15T24:00:00Z', null],
    ['2024-01-15T09:60:00Z', null],
    ['January 15, 2024', null],
    ['99999999999999999999', null],
    // beyond the years 0001–9999 (issue 14, row 1: now-280000y blanked the page)
    ['now-280000y', null],
    ['now-2100y/d', null],
    ['253402300800000', null],
    // years 0–99 are not 1900–1999 (issue 14, row 11)
    ['0050-06-01T00:00:00Z', Date.parse('0050-06-01T00:00:00Z')],
    ['0099-12-31T23:00:00+01:00', Date.parse('0099-12-31T22:00:00Z')],
    ['0001-06-01', Date.parse('0001-06-01T00:00:00Z')],
  ])('%j → %s', (input, expected) => {
    expect(parseTimeInput(input, NOW)).toBe(expected);
  });

  it('reads ISO times without an offset as wall-clock time in the zone', () => {
    expect(parseTimeInput('2024-01-15T10:00:00', NOW, { tz: 'Europe/Berlin' })).toBe(Date.UTC(2024, 0, 15, 9));
    expect(parseTimeInput('2024-07-15T10:00:00', NOW, { tz: 'Europe/Berlin' })).toBe(Date.UTC(2024, 6, 15, 8));
    // An explicit offset wins over the zone.
    expect(parseTimeInput('2024-01-15T10:00:00Z', NOW, { tz: 'Europe/Berlin' })).toBe(Date.UTC(2024, 0, 15, 10));
  });

  it.each<[string, string, number]>([
    ['now/d', 'Europe/Berlin', Date.UTC(2024, 0, 14, 23)],
    ['now/d', 'America/New_York', Date.UTC(2024, 0, 15, 5)],
    ['now/d', 'Asia/Kolkata', Date.UTC(2024, 0, 14, 18, 30)],
    ['now/h', 'Asia/Kolkata', Date.UTC(2024, 0, 15, 12, 30)],
  ])('rounds %s in %s to the wall-clock boundary', (input, tz, expected) => {
    expect(parseTimeInput(input, NOW, { tz })).toBe(expected);
  });

  it('rounds up to the start of the next unit when asked (the `to` side)', () => {
    expect(parseTimeInput('now/d', NOW, { roundUp: true })).toBe(Date.UTC(2024, 0, 16));
    expect(parseTimeInput('now/w', NOW, { roundUp: true })).toBe(Date.UTC(2024, 0, 22));
    expect(parseTimeInput('now/M', NOW, { roundUp: true })).toBe(Date.UTC(2024, 1, 1));
    expect(parseTimeInput('now/y', NOW, { roundUp: true })).toBe(Date.UTC(2025, 0, 1));
  });

  it('keeps a DST day 23 hours long when rounding in the zone', () => {
    const springForward = Date.UTC(2024, 2, 31, 12); // Europe/Berlin switches at 01:00 UTC
    const from = parseTimeInput('now/d', springForward, { tz: 'Europe/Berlin' });
    const to = parseTimeInput('now/d', springForward, { tz: 'Europe/Berlin', roundUp: true });
    expect(from).toBe(Date.UTC(2024, 2, 30, 23));
    expect(to).toBe(Date.UTC(2024, 2, 31, 22));
  });

  it('tells an unreadable time from one outside the years 0001–9999', () => {
    expect(readTimeInput('now-280000y', NOW)).toEqual({ ok: false, problem: 'out-of-bounds' });
    expect(readTimeInput('10000-01-01', NOW)).toEqual({ ok: false, problem: 'unreadable' });
    expect(readTimeInput('0000-06-01T00:00:00Z', NOW)).toEqual({ ok: false, problem: 'out-of-bounds' });
    expect(readTimeInput('now-1h', NOW)).toEqual({ ok: true, ms: NOW - H });
  });

  it('keeps every time it reads inside the bounds, whatever the offset', () => {
    const offset = fc.tuple(fc.constantFrom('+', '-'), fc.nat({ max: 400_000 }), fc.constantFrom('y', 'w', 'd', 'h'));
    fc.assert(
      fc.property(fc.array(offset, { maxLength: 4 }), fc.constantFrom('', '/d', '/y', '/w'), (offsets, rounding) => {
        const input = `now${offsets.map(([sign, n, unit]) => `${sign}${n}${unit}`).join('')}${rounding}`;
        const ms = parseTimeInput(input, NOW, { tz: 'Pacific/Kiritimati' });
        if (ms !== null) expect(isWithinTimeBounds(ms)).toBe(true);
      }),
    );
  });

  it('returns null for an unknown zone or a non-finite now', () => {
    expect(parseTimeInput('now/d', NOW, { tz: 'Mars/Olympus' })).toBeNull();
    expect(parseTimeInput('now-1h', Number.NaN)).toBeNull();
  });

  it('round-trips every epoch-ms string and every ISO string from Date#toISOString', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        expect(parseTimeInput(String(ms), NOW)).toBe(ms);
        expect(parseTimeInput(new Date(ms).toISOString(), NOW)).toBe(ms);
      }),
    );
  });
});

describe('resolveRange', () => {
  it.each<[string, string, { start: number; end: number } | null]>([
    ['now-6h', 'now', { start: NOW - 6 * H, end: NOW }],
    ['now/d', 'now/d', { start: Date.UTC(2024, 0, 15), end: Date.UTC(2024, 0, 16) }],
    ['2024-01-15T09:00:00Z', '2024-01-15T13:00:00Z', { start: Date.UTC(2024, 0, 15, 9), end: Date.UTC(2024, 0, 15, 13) }],
    ['1705309200000', 'now', { start: 1705309200000, end: NOW }],
    ['now', 'now', null],
    ['now', 'now-1h', null],
    ['garbage', 'now', null],
    ['now-1h', 'garbage', null],
  ])('%s .. %s', (from, to, expected) => {
    expect(resolveRange({ from, to }, NOW)).toEqual(expected);
  });

  it('resolves in the given zone', () => {
    expect(resolveRange({ from: 'now/d', to: 'now' }, NOW, 'America/New_York')).toEqual({
      start: Date.UTC(2024, 0, 15, 5),
      end: NOW,
    });
  });
});

describe('isRelative', () => {
  it.each<[string, string, boolean]>([
    ['now-6h', 'now', true],
    ['1705309200000', 'now', true],
    ['now-1h', '1705309200000', true],
    ['1705309200000', '1705312800000', false],
    ['2024-01-15T09:00:00Z', '2024-01-15T13:00:00Z', false],
  ])('%s .. %s → %s', (from, to, expected) => {
    expect(isRelative({ from, to })).toBe(expected);
  });
});

describe('RANGE_PRESETS', () => {
  it('lists the five presets, each resolving to the duration its label says', () => {
    const durations = RANGE_PRESETS.map((p) => {
      const r = resolveRange(p.range, NOW);
      return [p.label, r && r.end - r.start, r?.end];
    });
    expect(durations).toEqual([
      ['Last 15 minutes', 15 * M, NOW],
      ['Last 1 hour', H, NOW],
      ['Last 6 hours', 6 * H, NOW],
      ['Last 24 hours', 24 * H, NOW],
      ['Last 7 days', 7 * D, NOW],
    ]);
  });
});

describe('parseDuration', () => {
  it.each<[string, number | null]>([
    ['1h30m', 90 * M],
    ['5m', 5 * M],
    ['15s', 15_000],
    ['1d', D],
    ['1w', 7 * D],
    ['1y', 365 * D],
    ['500ms', 500],
    ['1m500ms', 60_500],
    ['2h5m10s250ms', 2 * H + 5 * M + 10_250],
    ['0', 0],
    ['0s', 0],
    ['', null],
    ['5', null],
    ['1.5h', null],
    ['30m1h', null],
    ['1h1h', null],
    ['-5m', null],
    ['5 m', null],
    ['5M', null],
    ['1h ', null],
  ])('%j → %s', (input, expected) => {
    expect(parseDuration(input)).toBe(expected);
  });

  it('reads back what the units compose to', () => {
    fc.assert(
      fc.property(fc.nat(99), fc.nat(23), fc.nat(59), fc.nat(59), fc.nat(999), (d, h, m, s, ms) => {
        const text = `${d}d${h}h${m}m${s}s${ms}ms`;
        expect(parseDuration(text)).toBe(d * D + h * H + m * M + s * 1000 + ms);
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each<[number, string]>([
    [2.5 * H, '2h 30m'],
    [15 * M, '15m'],
    [D + 2 * H, '1d 2h'],
    [45_000, '45s'],
    [500, '500ms'],
    [1500, '1s 500ms'],
    [0, '0s'],
    [D + 5 * M, '1d'],
    [7 * D, '7d'],
    [90 * M + 59_000, '1h 30m'],
    [-15 * M, '-15m'],
    [0.4, '0s'],
  ])('%d ms → %s', (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });
});
