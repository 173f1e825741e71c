import { instantOfWallClock, wallClockAsUtc, wallClockAt, type WallClock } from './zone';
import { SECOND_MS, MINUTE_MS, HOUR_MS, DAY_MS } from './durations';

/**
 * A point in time as the user or the URL writes it: `now`, `now-6h`, `now-1d+2h`, `now/d`,
 * `now-7d/d` (Grafana's relative syntax), epoch milliseconds as a string of digits, or ISO 8601
 * (`2024-01-15T09:00:00Z`; without an offset it is read as wall-clock time in the chosen zone).
 */
export type TimeInput = string;

export interface TimeRange {
  from: TimeInput;
  to: TimeInput;
}

/** Epoch milliseconds; `start < end` always holds for a range that `resolveRange` returns. */
export interface ResolvedRange {
  start: number;
  end: number;
}

export interface ParseTimeOptions {
  /** Zone for `now/d`-style rounding and for ISO times without an offset. Default 'UTC'. */
  tz?: string;
  /**
   * Round `now/unit` up to the end of the unit instead of its start (Grafana does this for the
   * `to` side, so `now/d`..`now/d` means "today"). The end is the next unit's first millisecond.
   */
  roundUp?: boolean;
}

/**
 * The instants vigil reads and shows: years 0001–9999 (ISO 8601's four-digit years), a day inside
 * each end so the wall clock of any zone stays within them too. Narrower than a Date (±8.64e15 ms)
 * on purpose: Intl prints year -5 as "6" (the era is not in our format), and times beyond a Date
 * make `formatToParts` throw, which once blanked the page for `from=now-280000y`.
 */
export const EARLIEST_TIME_MS = -62_135_510_400_000; // 0001-01-02T00:00:00Z
export const LATEST_TIME_MS = 253_402_214_400_000; // 9999-12-31T00:00:00Z

/** True for an instant vigil can compute with and show (see EARLIEST_TIME_MS). */
export function isWithinTimeBounds(ms: number): boolean {
  return ms >= EARLIEST_TIME_MS && ms <= LATEST_TIME_MS;
}


// Prometheus' model.ParseDuration: units in this order, each at most once, integers only.
const DURATION_PATTERN = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const DURATION_UNITS_MS = [365 * DAY_MS, 7 * DAY_MS, DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS, 1] as const;

/** Prometheus duration (`1h30m`, `5m`, `15s`, `1d`, `1w`, `1y` = 365d, `500ms`, `0`) → ms. */
export function parseDuration(s: string): number | null {
  if (s === '0') return 0;
  if (s === '') return null;
  const match = DURATION_PATTERN.exec(s);
  if (!match) return null;
  let total = 0;
  for (let i = 0; i < DURATION_UNITS_MS.length; i++) {
    const digits = match[i + 1];
    if (digits !== undefined) total += Number(digits) * (DURATION_UNITS_MS[i] ?? 0);
  }
  return Number.isSafeInteger(total) ? total : null;
}

const FORMAT_UNITS: readonly { ms: number; suffix: string }[] = [
  { ms: DAY_MS, suffix: 'd' },
  { ms: HOUR_MS, suffix: 'h' },
  { ms: MINUTE_MS, suffix: 'm' },
  { ms: SECOND_MS, suffix: 's' },
  { ms: 1, suffix: 'ms' },
];

/**
 * A duration for people: its two largest units, the second dropped when zero
 * ('2h 30m', '15m', '1d 2h', '45s', '500ms'). Rounds to whole ms.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return ms > 0 ? '∞' : ms < 0 ? '-∞' : 'NaN';
  const sign = ms < 0 ? '-' : '';
  let rest = Math.round(Math.abs(ms));
  if (rest === 0) return '0s';
  const firstIndex = FORMAT_UNITS.findIndex((unit) => rest >= unit.ms);
  const parts: string[] = [];
  for (const unit of FORMAT_UNITS.slice(firstIndex, firstIndex + 2)) {
    const count = Math.floor(rest / unit.ms);
    rest -= count * unit.ms;
    if (count > 0) parts.push(`${count}${unit.suffix}`);
  }
  return sign + parts.join(' ');
}

const RELATIVE_OFFSET = /([+-])([0-9a-z]+)/gy;
const ROUNDING_UNITS = new Set(['s', 'm', 'h', 'd', 'w', 'M', 'y']);

// Coarsest first: rounding to a unit zeroes every field finer than it.
const ROUNDING_ORDER = ['y', 'M', 'd', 'h', 'm', 's'] as const;

function roundToUnit(ms: number, unit: string, tz: string, up: boolean): number {
  const c = wallClockAt(ms, tz);
  const start: WallClock = { ...c, millisecond: 0 };
  const depth = unit === 'w' ? ROUNDING_ORDER.indexOf('d') : ROUNDING_ORDER.indexOf(unit as 'y');
  if (depth < 1) start.month = 1;
  if (depth < 2) start.day = 1;
  if (depth < 3) start.hour = 0;
  if (depth < 4) start.minute = 0;
  if (depth < 5) start.second = 0;
  if (unit === 'w') {
    // ISO weeks start on Monday.
    const weekday = new Date(Date.UTC(c.year, c.month - 1, c.day)).getUTCDay();
    start.day -= (weekday + 6) % 7;
  }
  if (!up) return instantOfWallClock(start, tz);
  const next = { ...start };
  if (unit === 'y') next.year += 1;
  else if (unit === 'M') next.month += 1;
  else if (unit === 'w') next.day += 7;
  else if (unit === 'd') next.day += 1;
  else if (unit === 'h') next.hour += 1;
  else if (unit === 'm') next.minute += 1;
  else next.second += 1;
  return instantOfWallClock(next, tz);
}

function parseRelative(input: string, now: number, tz: string, roundUp: boolean): number | null {
  const slash = input.indexOf('/');
  const offsets = slash === -1 ? input.slice(3) : input.slice(3, slash);
  const rounding = slash === -1 ? null : input.slice(slash + 1);
  let t = now;
  RELATIVE_OFFSET.lastIndex = 0;
  let consumed = 0;
  for (let m = RELATIVE_OFFSET.exec(offsets); m; m = RELATIVE_OFFSET.exec(offsets)) {
    const duration = parseDuration(m[2] ?? '');
    if (duration === null) return null;
    t += m[1] === '-' ? -duration : duration;
    consumed = RELATIVE_OFFSET.lastIndex;
  }
  if (consumed !== offsets.length) return null;
  // Rounding reads the wall clock, which is wrong outside the bounds; the caller refuses t then.
  if (!isWithinTimeBounds(t)) return t;
  if (rounding !== null) {
    if (!ROUNDING_UNITS.has(rounding)) return null;
    t = roundToUnit(t, rounding, tz, roundUp);
  }
  return t;
}

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parseIso(input: string, tz: string): number | null {
  const m = ISO_PATTERN.exec(input);
  if (!m) return null;
  const clock: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millisecond: Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)),
  };
  if (clock.month < 1 || clock.month > 12) return null;
  if (clock.day < 1 || clock.day > daysInMonth(clock.year, clock.month)) return null;
  if (clock.hour > 23 || clock.minute > 59 || clock.second > 59) return null;
  const zone = m[8];
  if (zone === undefined) return instantOfWallClock(clock, tz);
  const asUtc = wallClockAsUtc(clock);
  if (zone.toUpperCase() === 'Z') return asUtc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetHours = Number(digits.slice(0, 2));
  const offsetMinutes = Number(digits.slice(2) || '0');
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  return asUtc - sign * (offsetHours * HOUR_MS + offsetMinutes * MINUTE_MS);
}

/** Why a time input gave no instant: unreadable text, or an instant outside the years 0001–9999. */
export type TimeInputProblem = 'unreadable' | 'out-of-bounds';

export type TimeInputResult = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly problem: TimeInputProblem };

function parseUnbounded(s: string, now: number, tz: string, roundUp: boolean): number | null {
  try {
    if (s.startsWith('now')) return Number.isFinite(now) ? parseRelative(s, now, tz, roundUp) : null;
    if (/^\d+$/.test(s)) return Number(s);
    return parseIso(s, tz);
  } catch {
    // Unknown zone: Intl throws RangeError.
    return null;
  }
}

/** Epoch ms for `input` relative to `now`, or why there is none. */
export function readTimeInput(input: string, now: number, options: ParseTimeOptions = {}): TimeInputResult {
  const s = input.trim();
  if (s === '') return { ok: false, problem: 'unreadable' };
  const ms = parseUnbounded(s, now, options.tz ?? 'UTC', options.roundUp ?? false);
  if (ms === null) return { ok: false, problem: 'unreadable' };
  if (!isWithinTimeBounds(ms)) return { ok: false, problem: 'out-of-bounds' };
  return { ok: true, ms };
}

/** Epoch ms for `input` relative to `now`, or null when the input cannot be read or lies outside the years 0001–9999. */
export function parseTimeInput(input: string, now: number, options: ParseTimeOptions = {}): number | null {
  const result = readTimeInput(input, now, options);
  return result.ok ? result.ms : null;
}

/**
 * Resolves both ends against one `now`, so every panel of a refresh shares the same instant.
 * Null when either end is unreadable or the range is empty or reversed.
 */
export function resolveRange(range: TimeRange, now: number, tz = 'UTC'): ResolvedRange | null {
  const start = parseTimeInput(range.from, now, { tz });
  const end = parseTimeInput(range.to, now, { tz, roundUp: true });
  if (start === null || end === null || start >= end) return null;
  return { start, end };
}

/** True when either end moves with `now`, i.e. the range must be re-resolved on refresh. */
export function isRelative(range: TimeRange): boolean {
  return range.from.trim().startsWith('now') || range.to.trim().startsWith('now');
}

export const RANGE_PRESETS: readonly { label: string; range: TimeRange }[] = [
  { label: 'Last 15 minutes', range: { from: 'now-15m', to: 'now' } },
  { label: 'Last 1 hour', range: { from: 'now-1h', to: 'now' } },
  { label: 'Last 6 hours', range: { from: 'now-6h', to: 'now' } },
  { label: 'Last 24 hours', range: { from: 'now-24h', to: 'now' } },
  { label: 'Last 7 days', range: { from: 'now-7d', to: 'now' } },
];
