import type { Labels, Series } from '../series/types';
import { compareLabels } from '../series/labels';
import { isWithinTimeBounds } from '../time';
import type { RawMatrixSeries, RawVectorSample } from './schemas';

export const NATIVE_HISTOGRAM_WARNING = 'native histograms are not drawn yet';

/** Thrown for a sample value no server would send; the client turns it into a `malformed` error. */
export class SampleValueError extends Error {
  override readonly name = 'SampleValueError';
}

/** Prometheus formats floats with Go's strconv; special values are "NaN", "+Inf", "-Inf". */
export function parseSampleValue(text: string): number {
  switch (text) {
    case 'NaN':
      return NaN;
    case '+Inf':
    case 'Inf':
      return Infinity;
    case '-Inf':
      return -Infinity;
  }
  // Decimal notation only, as Go's strconv writes it: Number() would also read '0x10', 'Infinity',
  // '' (as 0) and ' 1'.
  if (!DECIMAL_FLOAT.test(text)) {
    throw new SampleValueError(`sample value ${JSON.stringify(text.slice(0, 40))} is not a number`);
  }
  const value = Number(text);
  // '1e309' overflows a float64; Prometheus would have written '+Inf'.
  if (!Number.isFinite(value)) throw new SampleValueError(`sample value ${JSON.stringify(text.slice(0, 40))} is out of range`);
  return value;
}

const DECIMAL_FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A sample time in epoch ms, refused outside the years 0001–9999 (where nothing can be drawn or exported). */
export function sampleTimeToMs(seconds: number): number {
  const ms = secondsToMs(seconds);
  if (!isWithinTimeBounds(ms)) throw new SampleValueError(`sample time ${String(seconds)} is outside the years 0001–9999`);
  return ms;
}

/** Unix seconds (possibly fractional) to epoch ms, rounding away float noise (1.001 * 1000). */
export function secondsToMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

/** Epoch ms to the unix seconds Prometheus reads, with at most 3 decimals and no float noise. */
export function msToSecondsParam(ms: number): string {
  const rounded = Math.round(ms);
  const sign = rounded < 0 ? '-' : '';
  const abs = Math.abs(rounded);
  const whole = Math.floor(abs / 1000);
  const fraction = abs % 1000;
  if (fraction === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`;
}

export { compareLabels };

export interface ConvertedSeries {
  readonly series: Series[];
  readonly warnings: string[];
}

export const UNORDERED_SAMPLES_WARNING = 'the server sent samples out of time order or twice; they were put in order, once each';
export const REPEATED_SERIES_WARNING = 'the server sent the same series more than once; each is drawn once';

function isStrictlyAscending(times: readonly number[]): boolean {
  for (let i = 1; i < times.length; i++) if (!((times[i] as number) > (times[i - 1] as number))) return false;
  return true;
}

/** The columns in time order, each time once (its first sample kept): what the chart and CSV expect. */
function inTimeOrder(timestamps: number[], values: number[]): { timestamps: number[]; values: number[] } {
  const order = timestamps.map((_, i) => i).sort((a, b) => (timestamps[a] as number) - (timestamps[b] as number) || a - b);
  const sorted = { timestamps: [] as number[], values: [] as number[] };
  for (const i of order) {
    const time = timestamps[i] as number;
    if (sorted.timestamps.length > 0 && sorted.timestamps[sorted.timestamps.length - 1] === time) continue;
    sorted.timestamps.push(time);
    sorted.values.push(values[i] as number);
  }
  return sorted;
}

/**
 * Matrix result to columnar series, sorted by labels. Holds the invariants the panels rely on,
 * whatever the server sent: times ascending and unique, one series per label set.
 */
export function convertMatrix(result: readonly RawMatrixSeries[]): ConvertedSeries {
  let sawHistograms = false;
  let sawUnordered = false;
  const series = result.map((raw): Series => {
    if (raw.histograms !== undefined && raw.histograms.length > 0) sawHistograms = true;
    const pairs = raw.values ?? [];
    const timestamps: number[] = [];
    const values: number[] = [];
    // Indexing instead of destructuring: this loop runs for every point of every series.
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i] as [number, string];
      timestamps.push(sampleTimeToMs(pair[0]));
      values.push(parseSampleValue(pair[1]));
    }
    if (isStrictlyAscending(timestamps)) return { labels: raw.metric, timestamps, values };
    sawUnordered = true;
    return { labels: raw.metric, ...inTimeOrder(timestamps, values) };
  });
  series.sort((a, b) => compareLabels(a.labels, b.labels));
  // Sorted, a repeated label set sits next to its first copy.
  const unique = series.filter((s, i) => i === 0 || compareLabels((series[i - 1] as Series).labels, s.labels) !== 0);
  const warnings: string[] = [];
  if (sawHistograms) warnings.push(NATIVE_HISTOGRAM_WARNING);
  if (sawUnordered) warnings.push(UNORDERED_SAMPLES_WARNING);
  if (unique.length < series.length) warnings.push(REPEATED_SERIES_WARNING);
  return { series: unique, warnings };
}

export interface InstantSample {
  readonly labels: Labels;
  readonly timestamp: number;
  readonly value: number;
}

/** Vector result to samples, sorted by labels; native-histogram samples are left out (and said so). */
export function convertVector(result: readonly RawVectorSample[]): { samples: InstantSample[]; warnings: string[] } {
  let sawHistograms = false;
  const samples: InstantSample[] = [];
  for (const raw of result) {
    if (raw.histogram !== undefined) sawHistograms = true;
    if (raw.value === undefined) continue;
    const [t, v] = raw.value;
    samples.push({ labels: raw.metric, timestamp: sampleTimeToMs(t), value: parseSampleValue(v) });
  }
  samples.sort((a, b) => compareLabels(a.labels, b.labels));
  return { samples, warnings: sawHistograms ? [NATIVE_HISTOGRAM_WARNING] : [] };
}
