// rate() and increase() over one window, following Prometheus' extrapolatedRate
// (promql/functions.go): counter resets add the value before the drop, the result is extrapolated
// to the window edges when the first/last sample lies within 1.1 average intervals of them (else by
// half an interval), and never further back than the counter's extrapolated zero point.

/**
 * `timestamps[first..last]` are the samples inside the window (rangeStart, rangeEnd] (ms).
 * Returns undefined when fewer than two samples are in the window, as Prometheus drops the series.
 */
export function extrapolatedRate(
  timestamps: readonly number[],
  values: readonly number[],
  first: number,
  last: number,
  rangeStartMs: number,
  rangeEndMs: number,
  isRate: boolean,
): number | undefined {
  if (last - first < 1) return undefined;
  const firstT = timestamps[first] as number;
  const lastT = timestamps[last] as number;
  const firstValue = values[first] as number;
  let result = (values[last] as number) - firstValue;
  for (let i = first + 1; i <= last; i++) {
    const previous = values[i - 1] as number;
    if ((values[i] as number) < previous) result += previous;
  }

  let durationToStart = (firstT - rangeStartMs) / 1000;
  let durationToEnd = (rangeEndMs - lastT) / 1000;
  const sampledInterval = (lastT - firstT) / 1000;
  const averageDurationBetweenSamples = sampledInterval / (last - first);
  const extrapolationThreshold = averageDurationBetweenSamples * 1.1;

  if (durationToStart >= extrapolationThreshold) durationToStart = averageDurationBetweenSamples / 2;
  // Counters cannot go below zero: stop extrapolating back at the zero point.
  if (result > 0 && firstValue >= 0) {
    const durationToZero = sampledInterval * (firstValue / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  if (durationToEnd >= extrapolationThreshold) durationToEnd = averageDurationBetweenSamples / 2;

  let factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
  if (isRate) factor /= (rangeEndMs - rangeStartMs) / 1000;
  return result * factor;
}
