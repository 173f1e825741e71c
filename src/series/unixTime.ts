// Unix seconds of the years 2001–2286: what `time()`, `timestamp()` and `*_time_seconds` answer.
const EPOCH_SECONDS_MIN = 1e9;
const EPOCH_SECONDS_MAX = 1e10;

/**
 * Whether a query's values are Unix timestamps by Prometheus's naming: the query (`time()`,
 * `timestamp(x)`) or the metric (`process_start_time_seconds`, `*_last_success_timestamp`) speaks
 * of time. A byte count of the same size (`process_resident_memory_bytes`) does not.
 */
export function speaksOfUnixTime(expr: string, metricName: string | undefined): boolean {
  return /time/i.test(expr) || /time/i.test(metricName ?? '');
}

/** Epoch ms of a value in the range Unix seconds fall in; undefined for any other number. */
export function unixSecondsToMs(value: number): number | undefined {
  return value >= EPOCH_SECONDS_MIN && value < EPOCH_SECONDS_MAX ? value * 1000 : undefined;
}
