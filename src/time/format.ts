import { instantOfWallClock, wallClockAt, zoneOffsetAt, type WallClock } from './zone';
import { SECOND_MS, MINUTE_MS, HOUR_MS, DAY_MS } from './durations';

/** What the user picked: UTC, whatever the browser is set to, or an IANA zone name. */
export type TimezoneSetting = 'UTC' | 'browser' | (string & {});

/**
 * - 'time-seconds' → '10:15:30'
 * - 'time'         → '10:15'
 * - 'axis-short'   → '01-15 10:15' (axis labels when the range spans days)
 * - 'datetime'     → '2024-01-15 10:15:00'
 * - 'date'         → '2024-01-15'
 * All 24-hour, zero-padded, independent of the browser's locale.
 */
export type TimeStyle = 'time-seconds' | 'time' | 'axis-short' | 'datetime' | 'date';

/** The styles `timeTicks` chooses from; each is a valid `formatTime` style. */
export type TickStyle = 'time-seconds' | 'time' | 'axis-short' | 'date';


const validity = new Map<string, string | null>();

/** Intl's canonical name for `tz` ('europe/berlin' → 'Europe/Berlin'), or null if unknown. */
function canonicalZone(tz: string): string | null {
  // Intl's own answer for it, without building a DateTimeFormat (see wallClockAt).
  if (tz === 'UTC') return 'UTC';
  const known = validity.get(tz);
  if (known !== undefined) return known;
  let canonical: string | null = null;
  if (tz !== '') {
    try {
      canonical = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
    } catch {
      canonical = null;
    }
  }
  validity.set(tz, canonical);
  return canonical;
}

export function isValidTimezone(tz: string): boolean {
  return canonicalZone(tz) !== null;
}

/** The IANA zone to format in; an unknown zone falls back to UTC rather than breaking the page. */
export function resolveTimezone(tz: TimezoneSetting): string {
  if (tz === 'UTC') return 'UTC';
  if (tz === 'browser') return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return canonicalZone(tz) ?? 'UTC';
}

function safeZone(tz: string): string {
  return canonicalZone(tz) ?? 'UTC';
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatDate(c: WallClock): string {
  const year = c.year >= 0 && c.year < 1000 ? String(c.year).padStart(4, '0') : String(c.year);
  return `${year}-${pad2(c.month)}-${pad2(c.day)}`;
}

/** `ms` as the wall clock of zone `tz`; see `TimeStyle` for the shapes. */
export function formatTime(ms: number, tz: string, style: TimeStyle): string {
  // Beyond ±8.64e15 ms a Date (and Intl) cannot represent the instant.
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return 'Invalid time';
  // wallClockAt keeps one cached Intl formatter per zone, shared by every style.
  const c = wallClockAt(ms, safeZone(tz));
  const hm = `${pad2(c.hour)}:${pad2(c.minute)}`;
  switch (style) {
    case 'time-seconds':
      return `${hm}:${pad2(c.second)}`;
    case 'time':
      return hm;
    case 'axis-short':
      return `${pad2(c.month)}-${pad2(c.day)} ${hm}`;
    case 'datetime':
      return `${formatDate(c)} ${hm}:${pad2(c.second)}`;
    case 'date':
      return formatDate(c);
  }
}

type TickInterval =
  // Divides an hour, so a one-hour DST shift keeps ticks on round wall-clock times.
  | { kind: 'fixed'; ms: number }
  | { kind: 'hours'; n: number }
  | { kind: 'days'; n: number }
  | { kind: 'week' }
  | { kind: 'months'; n: number }
  | { kind: 'years'; n: number };

const TICK_INTERVALS: readonly { interval: TickInterval; approxMs: number }[] = [
  ...[1, 2, 5, 10, 15, 30].map((s) => ({ interval: { kind: 'fixed', ms: s * SECOND_MS } as const, approxMs: s * SECOND_MS })),
  ...[1, 2, 5, 10, 15, 30].map((m) => ({ interval: { kind: 'fixed', ms: m * MINUTE_MS } as const, approxMs: m * MINUTE_MS })),
  ...[1, 3, 6, 12].map((n) => ({ interval: { kind: 'hours', n } as const, approxMs: n * HOUR_MS })),
  ...[1, 2].map((n) => ({ interval: { kind: 'days', n } as const, approxMs: n * DAY_MS })),
  { interval: { kind: 'week' }, approxMs: 7 * DAY_MS },
  ...[1, 3, 6].map((n) => ({ interval: { kind: 'months', n } as const, approxMs: n * 30.44 * DAY_MS })),
  ...[1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].map((n) => ({
    interval: { kind: 'years', n } as const,
    approxMs: n * 365.25 * DAY_MS,
  })),
];

function fixedTicks(start: number, end: number, tz: string, step: number, limit: number): number[] {
  const offset = zoneOffsetAt(start, tz);
  const ticks: number[] = [];
  for (let t = Math.ceil((start + offset) / step) * step - offset; t <= end; t += step) {
    ticks.push(t);
    if (ticks.length > limit) break;
  }
  return ticks;
}

/** Calendar date `days` after the wall-clock date of `c`, at midnight. */
function dateAfter(c: WallClock, days: number): WallClock {
  const d = new Date(Date.UTC(c.year, c.month - 1, c.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0 };
}

function isTickDay(c: WallClock, interval: TickInterval): boolean {
  switch (interval.kind) {
    case 'days':
      // Day-of-month multiples, as uPlot does: restarts on the 1st so labels stay round.
      return (c.day - 1) % interval.n === 0;
    case 'week':
      return new Date(Date.UTC(c.year, c.month - 1, c.day)).getUTCDay() === 1;
    default:
      return true;
  }
}

function dateKey(c: WallClock): number {
  return c.year * 10_000 + c.month * 100 + c.day;
}

function calendarTicks(start: number, end: number, tz: string, interval: TickInterval, limit: number): number[] {
  const ticks: number[] = [];
  const push = (t: number) => {
    // A repeated or skipped wall time can map two candidates to one instant.
    if (t >= start && t <= end && t !== ticks[ticks.length - 1]) ticks.push(t);
  };
  const first = wallClockAt(start, tz);
  const lastKey = dateKey(wallClockAt(end, tz));
  const midnight = { day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  if (interval.kind === 'years') {
    for (let year = Math.ceil(first.year / interval.n) * interval.n; ticks.length <= limit; year += interval.n) {
      const candidate = { ...midnight, year, month: 1 };
      if (dateKey(candidate) > lastKey) break;
      push(instantOfWallClock(candidate, tz));
    }
    return ticks;
  }
  if (interval.kind === 'months') {
    // Month index since year 0, so quarters and halves start in January.
    const firstIndex = Math.ceil((first.year * 12 + first.month - 1) / interval.n) * interval.n;
    for (let index = firstIndex; ticks.length <= limit; index += interval.n) {
      const candidate = { ...midnight, year: Math.floor(index / 12), month: (index % 12) + 1 };
      if (dateKey(candidate) > lastKey) break;
      push(instantOfWallClock(candidate, tz));
    }
    return ticks;
  }
  for (let i = 0; ticks.length <= limit; i++) {
    const day = dateAfter(first, i);
    if (dateKey(day) > lastKey) break;
    if (interval.kind === 'hours') {
      for (let hour = 0; hour < 24; hour += interval.n) push(instantOfWallClock({ ...day, hour }, tz));
    } else if (isTickDay(day, interval)) {
      push(instantOfWallClock(day, tz));
    }
  }
  return ticks;
}

function sameDay(a: number, b: number, tz: string): boolean {
  const x = wallClockAt(a, tz);
  const y = wallClockAt(b, tz);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/**
 * At most `maxTicks` tick instants in [start, end], on round wall-clock times of zone `tz`
 * (every 1s … 30m, 1h/3h/6h/12h, days, Mondays, months, years), and the label style to show them in.
 */
export function timeTicks(
  start: number,
  end: number,
  tz: string,
  maxTicks: number,
): { ticks: number[]; style: TickStyle } {
  if (!Number.isFinite(start) || !Number.isFinite(end) || start >= end) return { ticks: [], style: 'time' };
  const zone = safeZone(tz);
  const limit = Math.max(1, Math.floor(maxTicks));
  const range = end - start;
  const ticksOf = (interval: TickInterval, cap: number) =>
    interval.kind === 'fixed' ? fixedTicks(start, end, zone, interval.ms, cap) : calendarTicks(start, end, zone, interval, cap);
  for (let i = 0; i < TICK_INTERVALS.length; i++) {
    const { interval, approxMs } = TICK_INTERVALS[i] as (typeof TICK_INTERVALS)[number];
    // Calendar intervals vary in length, so the estimate only skips the hopeless ones.
    if (range / approxMs > limit + 1) continue;
    const ticks = ticksOf(interval, limit);
    if (ticks.length > limit) continue;
    if (ticks.length > 0) return { ticks, style: tickStyle(interval, start, end, zone) };
    // A coarse interval can miss a range entirely (no 1st of the month in these two weeks, no
    // Monday-aligned week for two ticks): every k-th tick of the nearest finer interval that has
    // any beats an empty axis.
    for (let j = i - 1; j >= 0; j--) {
      const finer = (TICK_INTERVALS[j] as (typeof TICK_INTERVALS)[number]).interval;
      const finerTicks = ticksOf(finer, Math.ceil(range / (TICK_INTERVALS[j] as (typeof TICK_INTERVALS)[number]).approxMs) + 2);
      if (finerTicks.length > 0) return { ticks: thin(finerTicks, limit), style: tickStyle(finer, start, end, zone) };
    }
    return { ticks, style: tickStyle(interval, start, end, zone) };
  }
  return { ticks: [], style: 'date' };
}

function tickStyle(interval: TickInterval, start: number, end: number, tz: string): TickStyle {
  if (interval.kind === 'fixed' && interval.ms < MINUTE_MS) return 'time-seconds';
  if (interval.kind === 'fixed' || interval.kind === 'hours') return sameDay(start, end, tz) ? 'time' : 'axis-short';
  return 'date';
}

function thin(ticks: readonly number[], limit: number): number[] {
  const every = Math.ceil(ticks.length / limit);
  return ticks.filter((_, i) => i % every === 0);
}

const abbreviationFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneName(tz: string, locale: string, at: number): string {
  const key = `${locale}|${tz}`;
  let formatter = abbreviationFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: 'short' });
    abbreviationFormatters.set(key, formatter);
  }
  return formatter.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? tz;
}

/**
 * Short zone name to show beside times ('UTC', 'CET', 'EST', 'GMT+5:30'). ICU only knows letter
 * abbreviations per locale (en-US: American zones, en-GB: European ones); elsewhere it is an offset.
 */
export function zoneAbbreviation(tz: string, at: number): string {
  const zone = safeZone(tz);
  // What ICU answers, without building the page's first DateTimeFormat (see wallClockAt): the
  // header asks this in the first render, where that cost 70–150 ms on a busy machine (issue 13).
  if (zone === 'UTC') return 'UTC';
  const instant = Number.isFinite(at) ? at : Date.now();
  const american = zoneName(zone, 'en-US', instant);
  if (!/^GMT[+-]/.test(american)) return american;
  const european = zoneName(zone, 'en-GB', instant);
  return /^[A-Z]{2,5}$/.test(european) ? european : american;
}
