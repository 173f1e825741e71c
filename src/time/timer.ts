/**
 * The longest delay `setTimeout`/`setInterval` can wait: browsers and Node store it in a signed
 * 32-bit integer, and a longer one fires at once (about 24.8 days).
 */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;

/**
 * A delay a timer keeps: whole ms between `minMs` and MAX_TIMER_DELAY_MS (NaN waits the longest).
 * Repeating timers pass a minimum, so no value can turn them into a flood of requests.
 */
export function timerDelay(ms: number, minMs = 0): number {
  if (Number.isNaN(ms)) return MAX_TIMER_DELAY_MS;
  return Math.min(MAX_TIMER_DELAY_MS, Math.max(minMs, Math.round(ms)));
}
