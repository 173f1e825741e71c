import fc from 'fast-check';
import { z } from '../schema';
import { formatZodError } from '../schema/formatZodError';
import * as shapes from './schemas';
import { parseShape, type Shape } from './shapeCheck';

/**
 * The zod schemas the Prometheus answers were read with until shapeCheck.ts replaced them (zod cost
 * ~9 KB gzipped in the range-answer worker of every first load). Kept here only as the oracle: the
 * hand-written checks must accept exactly what these accepted, give the same data, and report the
 * same problems in the same words users read in "Malformed response from …".
 */
const oracle = (() => {
  const labels = z.record(z.string(), z.string());
  const samplePair = z.tuple([z.number(), z.string()]);
  const samplePairs = z.custom<Array<[number, string]>>().check(
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
  const histogramPair = z.tuple([z.number(), z.looseObject({ count: z.string(), sum: z.string() })]);
  const matrixSeries = z.object({ metric: labels, values: z.optional(samplePairs), histograms: z.optional(z.array(histogramPair)) });
  const vectorSample = z.object({ metric: labels, value: z.optional(samplePair), histogram: z.optional(histogramPair) });
  const queryData = z.discriminatedUnion('resultType', [
    z.object({ resultType: z.literal('matrix'), result: z.array(matrixSeries) }),
    z.object({ resultType: z.literal('vector'), result: z.array(vectorSample) }),
    z.object({ resultType: z.literal('scalar'), result: samplePair }),
    z.object({ resultType: z.literal('string'), result: samplePair }),
  ]);
  const success = <T extends z.ZodMiniType>(data: T) =>
    z.object({ status: z.literal('success'), data, warnings: z.optional(z.array(z.string())), infos: z.optional(z.array(z.string())) });
  const optionalString = z.optional(z.string());
  return {
    queryData: success(queryData),
    stringList: success(z.array(z.string())),
    seriesList: success(z.array(labels)),
    metadata: success(z.record(z.string(), z.array(z.object({ type: z.string(), help: z.string(), unit: optionalString })))),
    buildInfo: success(
      z.object({ version: optionalString, revision: optionalString, branch: optionalString, buildUser: optionalString, buildDate: optionalString, goVersion: optionalString }),
    ),
    alerts: success(
      z.object({
        alerts: z.array(z.object({ labels, annotations: z.optional(labels), state: z.string(), activeAt: optionalString, value: optionalString })),
      }),
    ),
    error: z.object({ status: z.literal('error'), errorType: z.string(), error: z.string() }),
  };
})();

// Answers close to what servers send, any part of which may be replaced by any JSON value.
const anyJson = fc.jsonValue({ maxDepth: 2 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: anyJson });
const text = fc.constantFrom('a', '', 'up', '1.5', 'NaN');
const time = fc.oneof(fc.integer({ min: 1705312800, max: 1705316400 }), fc.double({ noNaN: true }));
const pair = maybe(fc.oneof({ weight: 5, arbitrary: fc.tuple(maybe(time), maybe(text)) }, { weight: 1, arbitrary: fc.array(maybe(time), { maxLength: 3 }) }));
const labels = maybe(fc.dictionary(fc.constantFrom('__name__', 'job', '__proto__', 'constructor', '0', 'b'), maybe(text), { maxKeys: 4 }));
const histogramPair = maybe(fc.tuple(maybe(time), maybe(fc.record({ count: maybe(text), sum: maybe(text), buckets: anyJson }, { requiredKeys: [] }))));
const optionalFields = { requiredKeys: [] as never[] };
const matrixSeries = maybe(fc.record({ metric: labels, values: maybe(fc.array(pair, { maxLength: 4 })), histograms: maybe(fc.array(histogramPair, { maxLength: 2 })), extra: anyJson }, optionalFields));
const vectorSample = maybe(fc.record({ metric: labels, value: pair, histogram: histogramPair }, optionalFields));
const queryData = maybe(
  fc.oneof(
    fc.record({ resultType: maybe(fc.constant('matrix')), result: maybe(fc.array(matrixSeries, { maxLength: 3 })) }, optionalFields),
    fc.record({ resultType: maybe(fc.constant('vector')), result: maybe(fc.array(vectorSample, { maxLength: 3 })) }, optionalFields),
    fc.record({ resultType: maybe(fc.constantFrom('scalar', 'string')), result: pair }, optionalFields),
  ),
);
const strings = maybe(fc.array(maybe(text), { maxLength: 3 }));
const envelope = (data: fc.Arbitrary<unknown>) =>
  maybe(fc.record({ status: maybe(fc.constantFrom('success', 'error')), data, warnings: strings, infos: strings, errorType: maybe(text), error: maybe(text) }, optionalFields));
const metadata = maybe(fc.dictionary(fc.constantFrom('up', '__proto__', 'http_requests_total'), maybe(fc.array(maybe(fc.record({ type: maybe(text), help: maybe(text), unit: maybe(text) }, optionalFields)), { maxLength: 2 }))));
const buildInfo = maybe(fc.record({ version: maybe(text), revision: maybe(text), goVersion: maybe(text), other: anyJson }, optionalFields));
const alerts = maybe(fc.record({ alerts: maybe(fc.array(maybe(fc.record({ labels, annotations: labels, state: maybe(text), activeAt: maybe(text), value: maybe(text) }, optionalFields)), { maxLength: 2 })) }, optionalFields));

/** As a server's answer reaches the checks: JSON.parse's output (an own `__proto__` key included). */
const asParsedJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

function expectSameVerdict<T>(shape: Shape<T>, zodSchema: z.ZodMiniType, input: unknown): void {
  const mine = parseShape(shape, input);
  const zods = zodSchema.safeParse(input);
  expect(mine.success).toBe(zods.success);
  if (mine.success && zods.success) {
    expect(mine.data).toStrictEqual(zods.data);
  } else if (!mine.success && !zods.success) {
    expect(mine.issues.map(({ path, message }) => ({ path, message }))).toEqual(zods.error.issues.map(({ path, message }) => ({ path, message })));
    expect(formatZodError(mine)).toBe(formatZodError(zods.error));
  }
}

const cases: Array<[string, Shape<unknown>, z.ZodMiniType, fc.Arbitrary<unknown>]> = [
  ['query and query_range answers', shapes.successEnvelopeSchema(shapes.queryDataSchema), oracle.queryData, envelope(queryData)],
  ['label names and values', shapes.successEnvelopeSchema(shapes.stringListSchema), oracle.stringList, envelope(strings)],
  ['series', shapes.successEnvelopeSchema(shapes.seriesListSchema), oracle.seriesList, envelope(maybe(fc.array(labels, { maxLength: 3 })))],
  ['metadata', shapes.successEnvelopeSchema(shapes.metadataSchema), oracle.metadata, envelope(metadata)],
  ['build info', shapes.successEnvelopeSchema(shapes.buildInfoSchema), oracle.buildInfo, envelope(buildInfo)],
  ['alerts', shapes.successEnvelopeSchema(shapes.alertsDataSchema), oracle.alerts, envelope(alerts)],
  ['error envelopes', shapes.errorEnvelopeSchema, oracle.error, envelope(anyJson)],
];

describe('the Prometheus answer checks, against the zod schemas they replaced', () => {
  it.each(cases)('accept and refuse %s exactly as zod did, with the same data and messages', (_name, shape, zodSchema, answer) => {
    fc.assert(
      fc.property(answer, fc.boolean(), (value, throughJson) => {
        expectSameVerdict(shape, zodSchema, throughJson ? asParsedJson(value) : value);
      }),
      { numRuns: 300 },
    );
  });

  it('read numbers JSON.parse makes infinite (1e999) as zod did', () => {
    const answer = JSON.parse('{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1e999,"1"]}]}}') as unknown;
    expectSameVerdict(shapes.successEnvelopeSchema(shapes.queryDataSchema), oracle.queryData, answer);
    expect(parseShape(shapes.successEnvelopeSchema(shapes.queryDataSchema), answer)).toMatchObject({
      issues: [{ path: ['data', 'result', 0, 'value', 0], message: 'Invalid input: expected number, received Infinity' }],
    });
  });
});
