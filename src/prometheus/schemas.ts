import { addIssue, array, literal, number, object, oneOfBy, optional, record, string, tuple } from './shapeCheck';
import type { Shape, ShapeOutput } from './shapeCheck';

/**
 * The Prometheus HTTP API's JSON, as documented at prometheus.io/docs/prometheus/latest/querying/api
 * and answered by Prometheus and VictoriaMetrics. Shapes only: turning strings into numbers and
 * seconds into milliseconds happens in convert.ts. Checked with shapeCheck.ts rather than zod, so
 * neither the page's first load nor the range-answer worker carries a validator library for it.
 */

export const labelsSchema = record(string);

/** `[unix seconds, "value"]`; the value is a string so that NaN and ±Inf survive JSON. */
export const samplePairSchema = tuple(number, string);

/**
 * A range query can answer 200 series × 11,000 points: one plain loop, stopping at the first bad
 * pair, and the array itself kept (not copied) for convert.ts.
 */
export const samplePairsSchema: Shape<Array<[number, string]>> = (value, issues, path) => {
  if (!Array.isArray(value)) {
    addIssue(issues, path, 'expected an array of [time, "value"] pairs');
    return [];
  }
  for (let i = 0; i < value.length; i++) {
    const pair: unknown = value[i];
    if (!Array.isArray(pair) || pair.length !== 2) {
      addIssue(issues, [...path, i], 'expected a [time, "value"] pair');
      break;
    }
    if (typeof pair[0] !== 'number') {
      addIssue(issues, [...path, i, 0], 'expected a number (unix seconds)');
      break;
    }
    if (typeof pair[1] !== 'string') {
      addIssue(issues, [...path, i, 1], 'expected a string sample value');
      break;
    }
  }
  return value as Array<[number, string]>;
};

/** Native histogram sample; kept loose because we do not draw them yet. */
const histogramSchema = object({ count: string, sum: string }, true);
const histogramPairSchema = tuple(number, histogramSchema);

export const matrixSeriesSchema = object({
  metric: labelsSchema,
  values: optional(samplePairsSchema),
  histograms: optional(array(histogramPairSchema)),
});

export const vectorSampleSchema = object({
  metric: labelsSchema,
  value: optional(samplePairSchema),
  histogram: optional(histogramPairSchema),
});

export const queryDataSchema = oneOfBy('resultType', {
  matrix: object({ resultType: literal('matrix'), result: array(matrixSeriesSchema) }),
  vector: object({ resultType: literal('vector'), result: array(vectorSampleSchema) }),
  scalar: object({ resultType: literal('scalar'), result: samplePairSchema }),
  string: object({ resultType: literal('string'), result: samplePairSchema }),
});

export const stringListSchema = array(string);
export const seriesListSchema = array(labelsSchema);

/** `/api/v1/metadata`: metric name → its type/help/unit as exposed (several when targets disagree). */
export const metadataSchema = record(array(object({ type: string, help: string, unit: optional(string) })));

/** VictoriaMetrics 1.79 answers `{}`; every field is therefore optional here. */
export const buildInfoSchema = object({
  version: optional(string),
  revision: optional(string),
  branch: optional(string),
  buildUser: optional(string),
  buildDate: optional(string),
  goVersion: optional(string),
});

export const errorEnvelopeSchema = object({
  status: literal('error'),
  errorType: string,
  error: string,
});

const warningsSchema = optional(array(string));

export interface SuccessEnvelope<T> {
  status: 'success';
  data: T;
  warnings?: string[] | undefined;
  infos?: string[] | undefined;
}

/** Success envelope; `infos` appeared in Prometheus 2.51 (e.g. "metric might not be a counter"). */
export function successEnvelopeSchema<T>(data: Shape<T>): Shape<SuccessEnvelope<T>> {
  return object({ status: literal('success'), data, warnings: warningsSchema, infos: warningsSchema });
}

export type RawMatrixSeries = ShapeOutput<typeof matrixSeriesSchema>;
export type RawVectorSample = ShapeOutput<typeof vectorSampleSchema>;
export type RawQueryData = ShapeOutput<typeof queryDataSchema>;
export type MetricMetadata = ShapeOutput<typeof metadataSchema>[string][number];
/** What buildInfo() returns: only when the server names its version. */
export type BuildInfo = ShapeOutput<typeof buildInfoSchema> & { readonly version: string };

/**
 * `/api/v1/alerts`: the alerts of every alerting rule as the server sees them now. Label and
 * annotation maps are kept as records here; their sizes are bounded in alerts.ts.
 */
export const activeAlertSchema = object({
  labels: labelsSchema,
  annotations: optional(labelsSchema),
  state: string,
  /** RFC 3339; absent on older servers. */
  activeAt: optional(string),
  value: optional(string),
});
export const alertsDataSchema = object({ alerts: array(activeAlertSchema) });
export type RawActiveAlert = ShapeOutput<typeof activeAlertSchema>;
