import type { Labels, Series } from '../series/types';
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
  const value = Number(text);
  // Number('') is 0 and Number(' 1') is 1: refuse anything that is not a written-out number.
  if (Number.isNaN(value) || text.length === 0 || text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32) {
    throw new SampleValueError(`sample value ${JSON.stringify(text.slice(0, 40))} is not a number`);
  }
  return value;
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

/**
 * Prometheus's labels.Compare: label pairs in name order, compared name then value, then the
 * shorter set first. Prometheus already sorts matrices this way; VictoriaMetrics may not.
 */
export function compareLabels(a: Labels, b: Labels): number {
  const aNames = Object.keys(a).sort();
  const bNames = Object.keys(b).sort();
  const shared = Math.min(aNames.length, bNames.length);
  for (let i = 0; i < shared; i++) {
    const aName = aNames[i] as string;
    const bName = bNames[i] as string;
    if (aName !== bName) return aName < bName ? -1 : 1;
    const aValue = a[aName] as string;
    const bValue = b[bName] as string;
    if (aValue !== bValue) return aValue < bValue ? -1 : 1;
  }
  return aNames.length - bNames.length;
}

export interface ConvertedSeries {
  readonly series: Series[];
  readonly warnings: string[];
}

/** Matrix result to columnar series, sorted by labels. */
export function convertMatrix(result: readonly RawMatrixSeries[]): ConvertedSeries {
  let sawHistograms = false;
  const series = result.map((raw): Series => {
    if (raw.histograms !== undefined && raw.histograms.length > 0) sawHistograms = true;
    const pairs = raw.values ?? [];
    const timestamps: number[] = [];
    const values: number[] = [];
    // Indexing instead of destructuring: this loop runs for every point of every series.
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i] as [number, string];
      timestamps.push(secondsToMs(pair[0]));
      values.push(parseSampleValue(pair[1]));
    }
    return { labels: raw.metric, timestamps, values };
  });
  series.sort((a, b) => compareLabels(a.labels, b.labels));
  return { series, warnings: sawHistograms ? [NATIVE_HISTOGRAM_WARNING] : [] };
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
    samples.push({ labels: raw.metric, timestamp: secondsToMs(t), value: parseSampleValue(v) });
  }
  samples.sort((a, b) => compareLabels(a.labels, b.labels));
  return { samples, warnings: sawHistograms ? [NATIVE_HISTOGRAM_WARNING] : [] };
}
