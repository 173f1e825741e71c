import { formatTime } from '../time';
import type { AlertBand } from './alertBands';

/**
 * A band in words, for its accessible name and its label:
 * "Alert HighMemory firing 10:05–10:40 on web-2", "Alert Flappy flapping ×5 10:05–10:40".
 * A band still firing at the range's end runs to "now" rather than to a time.
 */
export function describeBand(band: AlertBand, timezone: string): string {
  const what = band.periods > 1 ? `flapping ×${band.periods}` : 'firing';
  const until = band.ongoing ? 'now' : formatTime(band.end, timezone, 'time');
  const on = band.instance !== undefined ? ` on ${band.instance}` : '';
  return `Alert ${band.alertname} ${what} ${formatTime(band.start, timezone, 'time')}–${until}${on}`;
}
