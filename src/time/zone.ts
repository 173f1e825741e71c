/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl`, so ticks, `now/d` rounding and
 * absolute inputs without an offset agree with what the user's clock shows.
 */
import { DAY_MS } from './durations';

export interface WallClock {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

// Building a DateTimeFormat costs far more than formatting with one, so keep one per zone.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(tz: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(tz);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    partsFormatters.set(tz, formatter);
  }
  return formatter;
}

/** 0001-01-01T00:00Z: before it Intl counts years by era (1 BC), a Date counts on through 0. */
const FIRST_YEAR_OF_THE_ERA_MS = -62_135_596_800_000;

/** The wall clock shown in `tz` at instant `ms`. Throws RangeError for an unknown zone. */
export function wallClockAt(ms: number, tz: string): WallClock {
  // UTC (the default of most walls) needs no Intl: a page formatting only in UTC never builds a
  // DateTimeFormat, whose first construction loads the time zone data (tens of ms at first draw).
  if (tz === 'UTC' && ms >= FIRST_YEAR_OF_THE_ERA_MS) {
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), millisecond: d.getUTCMilliseconds() };
  }
  const clock: WallClock = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
  for (const part of partsFormatter(tz).formatToParts(ms)) {
    switch (part.type) {
      case 'year':
        clock.year = Number(part.value);
        break;
      case 'month':
        clock.month = Number(part.value);
        break;
      case 'day':
        clock.day = Number(part.value);
        break;
      case 'hour':
        clock.hour = Number(part.value);
        break;
      case 'minute':
        clock.minute = Number(part.value);
        break;
      case 'second':
        clock.second = Number(part.value);
        break;
      default:
        break;
    }
  }
  clock.millisecond = ((ms % 1000) + 1000) % 1000;
  return clock;
}

/** Treats a wall clock as if it were UTC; the difference to the real instant is the zone offset. */
export function wallClockAsUtc(c: WallClock): number {
  const ms = Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second, c.millisecond);
  // Date.UTC maps years 0..99 to 1900..1999.
  if (c.year >= 0 && c.year < 100) {
    const d = new Date(ms);
    d.setUTCFullYear(c.year);
    return d.getTime();
  }
  return ms;
}

/** Offset of `tz` from UTC at instant `ms`, in ms (Europe/Berlin in winter: +3,600,000). */
export function zoneOffsetAt(ms: number, tz: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallClockAsUtc({ ...wallClockAt(whole, tz), millisecond: 0 }) - whole;
}

/**
 * The instant at which `tz` shows wall clock `c`. Fields may overflow (day 32, hour 25) and are
 * normalised like Date.UTC does. A wall time skipped by a DST jump is read with the offset before the
 * jump (New York 02:30 on the spring-forward day → 03:30 EDT); a repeated one resolves to its first
 * occurrence.
 */
export function instantOfWallClock(c: WallClock, tz: string): number {
  const asUtc = wallClockAsUtc(c);
  // Offsets a day either side bracket at most one transition (Temporal's "compatible" choice).
  const offsetBefore = zoneOffsetAt(asUtc - DAY_MS, tz);
  const offsetAfter = zoneOffsetAt(asUtc + DAY_MS, tz);
  const early = asUtc - offsetBefore;
  const late = asUtc - offsetAfter;
  const earlyShows = zoneOffsetAt(early, tz) === offsetBefore;
  const lateShows = zoneOffsetAt(late, tz) === offsetAfter;
  if (earlyShows && lateShows) return Math.min(early, late);
  if (earlyShows) return early;
  if (lateShows) return late;
  // Skipped by a jump forward: the offset before the jump lands just after it.
  return early;
}

/** Midnight that starts the day containing `ms` in `tz`. */
export function startOfDay(ms: number, tz: string): number {
  const c = wallClockAt(ms, tz);
  return instantOfWallClock({ ...c, hour: 0, minute: 0, second: 0, millisecond: 0 }, tz);
}
