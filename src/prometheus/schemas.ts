import { z } from '../schema';

/**
 * The Prometheus HTTP API's JSON, as documented at prometheus.io/docs/prometheus/latest/querying/api
 * and answered by Prometheus and VictoriaMetrics. Shapes only: turning strings into numbers and
 * seconds into milliseconds happens in convert.ts.
 */

export const labelsSchema = z.record(z.string(), z.string());

/** `[unix seconds, "value"]`; the value is a string so that NaN and ±Inf survive JSON. */
export const samplePairSchema = z.tuple([z.number(), z.string()]);

/**
 * A range query can answer 200 series × 11,000 points; z.array(z.tuple(…)) spends seconds on that
 * (measured: 2.5 s against 1.5 s for JSON.parse itself). This check does the same job in one plain
 * loop and still reports the first bad element's path through zod.
 */
export const samplePairsSchema = z.custom<Array<[number, string]>>().check(
  z.superRefine((value, ctx) => {
    if (!Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', message: 'expected an array of [time, "value"] pairs', input: value });
      return;
    }
    for (let i = 0; i < value.length; i++) {
      const pair: unknown = value[i];
      if (!Array.isArray(pair) || pair.length !== 2) {
        ctx.addIssue({ code: 'custom', message: 'expected a [time, "value"] pair', path: [i], input: pair });
        return;
      }
      if (typeof pair[0] !== 'number') {
        ctx.addIssue({ code: 'custom', message: 'expected a number (unix seconds)', path: [i, 0], input: pair[0] });
        return;
      }
      if (typeof pair[1] !== 'string') {
        ctx.addIssue({ code: 'custom', message: 'expected a string sample value', path: [i, 1], input: pair[1] });
        return;
      }
    }
  }),
);

/** Native histogram sample; kept loose because we do not draw them yet. */
const histogramSchema = z.looseObject({ count: z.string(), sum: z.string() });
const histogramPairSchema = z.tuple([z.number(), histogramSchema]);

export const matrixSeriesSchema = z.object({
  metric: labelsSchema,
  values: z.optional(samplePairsSchema),
  histograms: z.optional(z.array(histogramPairSchema)),
});

export const vectorSampleSchema = z.object({
  metric: labelsSchema,
  value: z.optional(samplePairSchema),
  histogram: z.optional(histogramPairSchema),
});

export const queryDataSchema = z.discriminatedUnion('resultType', [
  z.object({ resultType: z.literal('matrix'), result: z.array(matrixSeriesSchema) }),
  z.object({ resultType: z.literal('vector'), result: z.array(vectorSampleSchema) }),
  z.object({ resultType: z.literal('scalar'), result: samplePairSchema }),
  z.object({ resultType: z.literal('string'), result: samplePairSchema }),
]);

export const stringListSchema = z.array(z.string());
export const seriesListSchema = z.array(labelsSchema);

/** `/api/v1/metadata`: metric name → its type/help/unit as exposed (several when targets disagree). */
export const metadataSchema = z.record(z.string(), z.array(z.object({ type: z.string(), help: z.string(), unit: z.optional(z.string()) })));

/** VictoriaMetrics 1.79 answers `{}`; every field is therefore optional here. */
export const buildInfoSchema = z.object({
  version: z.optional(z.string()),
  revision: z.optional(z.string()),
  branch: z.optional(z.string()),
  buildUser: z.optional(z.string()),
  buildDate: z.optional(z.string()),
  goVersion: z.optional(z.string()),
});

export const errorEnvelopeSchema = z.object({
  status: z.literal('error'),
  errorType: z.string(),
  error: z.string(),
});

function buildSuccessEnvelope<T extends z.ZodMiniType>(data: T) {
  return z.object({
    status: z.literal('success'),
    data,
    warnings: z.optional(z.array(z.string())),
    infos: z.optional(z.array(z.string())),
  });
}

// zod 4 compiles a parser the first time a schema is used; a schema built per response was
// compiled again on every refresh (measured by the soak benchmark as growing compiled code).
const successEnvelopes = new WeakMap<z.ZodMiniType, z.ZodMiniType>();

/** Success envelope; `infos` appeared in Prometheus 2.51 (e.g. "metric might not be a counter"). Built once per data schema. */
export function successEnvelopeSchema<T extends z.ZodMiniType>(data: T): ReturnType<typeof buildSuccessEnvelope<T>> {
  let envelope = successEnvelopes.get(data);
  if (!envelope) {
    envelope = buildSuccessEnvelope(data);
    successEnvelopes.set(data, envelope);
  }
  return envelope as ReturnType<typeof buildSuccessEnvelope<T>>;
}

export type RawMatrixSeries = z.infer<typeof matrixSeriesSchema>;
export type RawVectorSample = z.infer<typeof vectorSampleSchema>;
export type RawQueryData = z.infer<typeof queryDataSchema>;
/** What buildInfo() returns: only when the server names its version. */
export type MetricMetadata = z.infer<typeof metadataSchema>[string][number];
export type BuildInfo = z.infer<typeof buildInfoSchema> & { readonly version: string };

/**
 * `/api/v1/alerts`: the alerts of every alerting rule as the server sees them now. Label and
 * annotation maps are kept as records here; their sizes are bounded in alerts.ts.
 */
export const activeAlertSchema = z.object({
  labels: labelsSchema,
  annotations: z.optional(labelsSchema),
  state: z.string(),
  /** RFC 3339; absent on older servers. */
  activeAt: z.optional(z.string()),
  value: z.optional(z.string()),
});
export const alertsDataSchema = z.object({ alerts: z.array(activeAlertSchema) });
export type RawActiveAlert = z.infer<typeof activeAlertSchema>;
