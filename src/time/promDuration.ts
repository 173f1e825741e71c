import { SECOND_MS, MINUTE_MS, HOUR_MS, DAY_MS } from './durations';

// Prometheus' model.Duration.String(): years and weeks only when they divide the whole duration
// ("90d" reads better than "12w6d"), then greedy days, hours, minutes, seconds, milliseconds.
const EXACT_UNITS = [
  { ms: 365 * DAY_MS, suffix: 'y' },
  { ms: 7 * DAY_MS, suffix: 'w' },
] as const;
const GREEDY_UNITS = [
  { ms: DAY_MS, suffix: 'd' },
  { ms: HOUR_MS, suffix: 'h' },
  { ms: MINUTE_MS, suffix: 'm' },
  { ms: SECOND_MS, suffix: 's' },
  { ms: 1, suffix: 'ms' },
] as const;

/**
 * Whole milliseconds → the Prometheus duration Prometheus itself would print (`30s`, `1m`,
 * `1h30m`, `1w`), which `parseDuration` reads back to the same number.
 */
export function formatPromDuration(ms: number): string {
  let rest = Math.round(ms);
  if (!Number.isSafeInteger(rest) || rest <= 0) return '0s';
  let text = '';
  for (const unit of EXACT_UNITS) {
    if (rest > 0 && rest % unit.ms === 0) {
      text += `${rest / unit.ms}${unit.suffix}`;
      rest = 0;
    }
  }
  for (const unit of GREEDY_UNITS) {
    const count = Math.floor(rest / unit.ms);
    if (count > 0) {
      text += `${count}${unit.suffix}`;
      rest -= count * unit.ms;
    }
  }
  return text;
}
