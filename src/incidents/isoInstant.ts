import { EARLIEST_TIME_MS, LATEST_TIME_MS, MINUTE_MS, zoneOffsetAt } from '../time';

/**
 * ISO 8601 instants as incident files write them: a calendar date, a time to the minute (seconds and
 * milliseconds optional) and an offset (`Z` or `±HH:MM`), e.g. `2024-01-15T10:05:00+01:00`. A time
 * without an offset names no instant, so it is refused rather than read in some zone.
 */
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;

// Offsets in use run from -12:00 to +14:00; RFC 9557 allows up to ±23:59, we keep to real ones with margin.
const MAX_OFFSET_MINUTES = 18 * 60;

/** Epoch ms of an ISO 8601 instant with offset, or null (no offset, a day or time that does not exist, out of 0001–9999). */
export function parseIsoInstant(text: string): number | null {
  const match = ISO_INSTANT.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millisecond = match[7] === undefined ? 0 : Number(match[7].padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  // Day 31 of a 30-day month would roll into the next one; such a date is a mistake, not a time.
  if (day > daysInMonth(year, month)) return null;
  const offsetText = match[8] as string;
  let offsetMinutes = 0;
  if (offsetText !== 'Z') {
    const sign = offsetText.startsWith('-') ? -1 : 1;
    const hours = Number(offsetText.slice(1, 3));
    const minutes = Number(offsetText.slice(4, 6));
    if (minutes > 59) return null;
    offsetMinutes = sign * (hours * 60 + minutes);
    if (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return null;
  }
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, second, millisecond);
  const ms = utc.getTime() - offsetMinutes * MINUTE_MS;
  return ms >= EARLIEST_TIME_MS && ms <= LATEST_TIME_MS ? ms : null;
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** An unknown zone is written as UTC rather than failing the download. */
function offsetOrZero(ms: number, timezone: string): number {
  try {
    return zoneOffsetAt(ms, timezone);
  } catch {
    return 0;
  }
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/**
 * The instant as ISO 8601 with the offset `timezone` has then, so a person reads the wall clock of
 * the incident (`2024-01-15T11:05:00+01:00`); milliseconds only when there are some. A zone whose
 * offset then is not whole minutes (local mean time before 1900) is written in UTC.
 */
export function formatIsoInstant(ms: number, timezone: string): string {
  const zoneOffset = offsetOrZero(ms, timezone);
  const offset = zoneOffset % MINUTE_MS !== 0 || Math.abs(zoneOffset) > MAX_OFFSET_MINUTES * MINUTE_MS ? 0 : zoneOffset;
  const wall = new Date(ms + offset);
  const millis = wall.getUTCMilliseconds();
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const time = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${millis === 0 ? '' : `.${pad(millis, 3)}`}`;
  const minutes = Math.abs(offset) / MINUTE_MS;
  const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  return `${date}T${time}${zone}`;
}
