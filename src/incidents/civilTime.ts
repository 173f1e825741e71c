/**
 * Calendar dates and clock times as a postmortem writes them, turned into instants. Kept local to
 * the parser (src/time/zone.ts has the general version) so the parser has no upstream dependency.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isIanaTimeZone(name: string): boolean {
  try {
    formatterFor(name);
    return true;
  } catch {
    return false;
  }
}

const offsetCache = new Map<string, number>();
const OFFSET_CACHE_LIMIT = 10_000;

/** Offset of `timeZone` from UTC at `epochMs`, in ms (Europe/Berlin in January: +3,600,000). */
export function zoneOffsetAt(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  // Offsets since 1970 change on whole minutes, so one lookup serves a whole minute.
  const key = `${timeZone}|${Math.floor(epochMs / MINUTE_MS)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
  const offset = computeZoneOffset(epochMs, timeZone);
  offsetCache.set(key, offset);
  return offset;
}

function computeZoneOffset(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const field: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(whole)) field[part.type] = Number(part.value);
  const shown = Date.UTC(
    field.year ?? 1970,
    (field.month ?? 1) - 1,
    field.day ?? 1,
    (field.hour ?? 0) % 24,
    field.minute ?? 0,
    field.second ?? 0,
  );
  return shown - whole;
}

/**
 * The instant `zone` shows `date` `time`. A wall time a DST change repeats resolves to its first
 * occurrence, one it skips to the same distance after the jump (Temporal's "compatible" choice).
 */
export function toEpoch(date: CivilDate, time: ClockTime, zone: ZoneSpec): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second);
  if (zone.kind === 'offset') return asUtc - zone.minutes * MINUTE_MS;
  // Offsets a day either side bracket at most one transition.
  const offsetBefore = zoneOffsetAt(asUtc - DAY_MS, zone.name);
  const early = asUtc - offsetBefore;
  if (zoneOffsetAt(early, zone.name) === offsetBefore) return early;
  const offsetAfter = zoneOffsetAt(asUtc + DAY_MS, zone.name);
  const late = asUtc - offsetAfter;
  if (zoneOffsetAt(late, zone.name) === offsetAfter) return late;
  // Skipped by a jump forward: the old offset lands just after the jump (02:30 → 03:30).
  return early;
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
