import { formatValue, tickLabels, unixSecondsToMs, type Unit } from '../series';
import { formatTime } from '../time';

/**
 * A line's value as the legend and tooltip show it: a Unix timestamp (see speaksOfUnixTime) as its
 * date in the view's timezone, as the y axis and Explore's table read it; any other value in the
 * panel's unit.
 */
export function formatLineValue(value: number, unit: Unit, unixTime: boolean | undefined, timezone: string): string {
  const ms = unixTime ? unixSecondsToMs(value) : undefined;
  return ms === undefined ? formatValue(value, unit) : formatTime(ms, timezone, 'datetime');
}

/**
 * Y tick labels: dates in the view's timezone when every line drawn is a Unix timestamp and the
 * dates tell the ticks apart; else labels in the panel's unit that never repeat (tickLabels).
 */
export function valueAxisLabels(ticks: readonly number[], unit: Unit, unixTime: boolean, timezone: string): string[] {
  if (unixTime) {
    const ms = ticks.map(unixSecondsToMs);
    if (ms.every((t) => t !== undefined)) {
      const dates = ms.map((t) => formatTime(t, timezone, 'datetime'));
      if (new Set(dates).size === new Set(ticks).size) return dates;
    }
  }
  return tickLabels(ticks, unit);
}
