/**
 * Calendar dates and clock times as a postmortem writes them, turned into instants (the zone
 * arithmetic itself is src/time's).
 */
import { instantOfWallClock, MINUTE_MS, zoneOffsetAt } from '../time';

export interface CivilDate {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
}

export interface ClockTime {
  /** 0..23 */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** A zone named by IANA, or a fixed offset the document wrote ("UTC", "+02:00", "PST"). */
export type ZoneSpec =
  | { readonly kind: 'iana'; readonly name: string }
  | { readonly kind: 'offset'; readonly minutes: number; readonly label: string };

/**
 * The instant `zone` shows `date` `time`. A wall time a DST change repeats resolves to its first
 * occurrence, one it skips to the same distance after the jump (Temporal's "compatible" choice).
 */
export function toEpoch(date: CivilDate, time: ClockTime, zone: ZoneSpec): number {
  if (zone.kind === 'offset') {
    return Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second) - zone.minutes * MINUTE_MS;
  }
  return instantOfWallClock({ ...date, ...time, millisecond: 0 }, zone.name);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export function formatCivilDate(date: CivilDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * An IANA name for the zone, as Incident.timezone needs one that `Intl` accepts. Whole-hour offsets
 * map to "Etc/GMT±N" (whose sign is inverted by POSIX convention); other offsets have no IANA name.
 */
export function ianaNameOf(zone: ZoneSpec): string | undefined {
  if (zone.kind === 'iana') return zone.name;
  if (zone.minutes === 0) return 'UTC';
  if (zone.minutes % 60 !== 0) return undefined;
  const hours = zone.minutes / 60;
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** The calendar date `zone` shows at the instant `ms`. */
export function civilDateIn(ms: number, zone: ZoneSpec): CivilDate {
  const offsetMinutes = zone.kind === 'offset' ? zone.minutes : zoneOffsetAt(ms, zone.name) / MINUTE_MS;
  const shifted = new Date(ms + offsetMinutes * MINUTE_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
