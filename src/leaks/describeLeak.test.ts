import type { LeakEstimate } from './estimateLeak';
import { approximately, describeLeak, minutesFromNow } from './describeLeak';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
const at = (hour: number, minute: number) => Date.UTC(2024, 0, 15, hour, minute);

const estimate = (overrides: Partial<LeakEstimate> = {}): LeakEstimate => ({
  verdict: 'leaking',
  now: at(9, 30),
  slopePerMs: (11 * MiB) / 60_000,
  levelNow: 1 * GiB,
  since: at(8, 40),
  sinceIsWindowStart: false,
  crossingAt: at(10, 16),
  trendZ: 5,
  ...overrides,
});

describe('describeLeak', () => {
  it('words a flag as the issue asks: rate, since, limit, clock time and time left', () => {
    expect(describeLeak('web-3', estimate(), 1.5 * GiB, 'bytes', 'UTC')).toBe('web-3: leaking ≈ +11 MiB/min since 08:40 — reaches 1.5 GiB at ≈ 10:16 (in 46 min)');
  });

  it('gives times in the page timezone', () => {
    expect(describeLeak('web-3', estimate(), 1.5 * GiB, 'bytes', 'Europe/Berlin')).toBe('web-3: leaking ≈ +11 MiB/min since 09:40 — reaches 1.5 GiB at ≈ 11:16 (in 46 min)');
  });

  it('says "or earlier" when the rise fills the whole window, and "reached" once past the limit', () => {
    expect(describeLeak('web-2', estimate({ sinceIsWindowStart: true, crossingAt: at(9, 28) }), 1.5 * GiB, 'bytes', 'UTC')).toBe(
      'web-2: leaking ≈ +11 MiB/min since 08:40 or earlier — reached 1.5 GiB at ≈ 09:28',
    );
  });

  it('adds the date when the crossing is on another day', () => {
    const text = describeLeak('db', estimate({ now: at(23, 30), crossingAt: at(23, 30) + 60 * 60_000 }), 1.5 * GiB, 'bytes', 'UTC');
    expect(text).toContain('reaches 1.5 GiB at ≈ 01-16 00:30 (in 1 h)');
  });
});

describe('approximately and minutesFromNow', () => {
  it.each([
    [11 * MiB, 'bytes', '11 MiB'],
    [1.5 * GiB, 'bytes', '1.5 GiB'],
    [9.52 * MiB, 'bytes', '9.52 MiB'],
    [1.05 * GiB, 'bytes', '1.05 GiB'],
    [60, 'percent', '60%'],
    [100, 'short', '100'],
  ] as const)('%d %s → %s', (value, unit, text) => {
    expect(approximately(value, unit)).toBe(text);
  });

  it.each([
    [20_000, '< 1 min'],
    [46 * 60_000, '46 min'],
    [60 * 60_000, '1 h'],
    [72 * 60_000, '1 h 12 min'],
  ])('%d ms → %s', (ms, text) => {
    expect(minutesFromNow(ms)).toBe(text);
  });
});
