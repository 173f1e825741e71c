import { formatValue, type Unit } from '../series';
import { DAY_MS, formatTime, MINUTE_MS } from '../time';
import type { LeakEstimate } from './estimateLeak';


/** About three significant digits without trailing zeros: an estimate, not a reading. */
export function approximately(value: number, unit: Unit): string {
  return formatValue(value, unit).replace(/(\.\d*?)0+(?=\D|$)/, '$1').replace(/\.(?=\D|$)/, '');
}

/** "46 min", "1 h 12 min", "< 1 min". */
export function minutesFromNow(ms: number): string {
  const minutes = Math.round(ms / MINUTE_MS);
  if (minutes < 1) return '< 1 min';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** A clock time, with the date when it is not on the same day as `now` in that zone. */
function clock(ms: number, now: number, timezone: string): string {
  const sameDay = Math.abs(ms - now) < DAY_MS && formatTime(ms, timezone, 'date') === formatTime(now, timezone, 'date');
  return formatTime(ms, timezone, sameDay ? 'time' : 'axis-short');
}

/**
 * A flag in words, e.g. `web-3: leaking ≈ +11 MiB/min since 08:40 — reaches 1.5 GiB at ≈ 10:16
 * (in 46 min)`; times in `timezone`. Only for estimates whose verdict is 'leaking'.
 */
export function describeLeak(name: string, estimate: LeakEstimate, limit: number, unit: Unit, timezone: string): string {
  const { now, crossingAt } = estimate;
  const rate = `≈ +${approximately(estimate.slopePerMs * MINUTE_MS, unit)}/min`;
  const since = `since ${clock(estimate.since, now, timezone)}${estimate.sinceIsWindowStart ? ' or earlier' : ''}`;
  const level = approximately(limit, unit);
  const when =
    crossingAt === null
      ? ''
      : crossingAt <= now
        ? ` — reached ${level} at ≈ ${clock(crossingAt, now, timezone)}${estimate.crossedBeforeData ? ' or earlier' : ''}`
        : ` — reaches ${level} at ≈ ${clock(crossingAt, now, timezone)} (in ${minutesFromNow(crossingAt - now)})`;
  return `${name}: leaking ${rate} ${since}${when}`;
}
