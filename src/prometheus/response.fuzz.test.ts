import fc from 'fast-check';
import { FUZZ_RUNS } from '../../test/fuzzBudget';
import { isWithinTimeBounds } from '../time';
import { createPromClient } from './client';
import { isPromClientError } from './errors';

const range = { expr: 'up', start: 1705312800000, end: 1705316400000, step: 15000 };

// Sample values and times as a broken or hostile server might send them.
const sampleValue = fc.oneof(fc.double().map(String), fc.constantFrom('NaN', '+Inf', '-Inf', '0x10', 'Infinity', '1e309', '', ' 1', '1_0'), fc.string());
const sampleTime = fc.oneof(fc.double(), fc.integer({ min: 1705312800, max: 1705316400 }), fc.constantFrom(1e12, -1e12, 1e308));
const labels = fc.dictionary(fc.constantFrom('__name__', 'job', 'instance', '__proto__'), fc.constantFrom('a', 'b', '=HYPERLINK("x")'), { maxKeys: 3 });
const matrixLike = fc.record({
  status: fc.constantFrom('success', 'success', 'success', 'error'),
  data: fc.record({
    resultType: fc.constantFrom('matrix', 'matrix', 'matrix', 'vector', 'scalar'),
    result: fc.array(fc.record({ metric: fc.oneof(labels, fc.jsonValue()), values: fc.array(fc.tuple(sampleTime, sampleValue), { maxLength: 6 }) }, { requiredKeys: ['metric'] }), { maxLength: 5 }),
  }),
  warnings: fc.oneof(fc.array(fc.string(), { maxLength: 2 }), fc.jsonValue()),
});
const body = fc.oneof(matrixLike.map((m) => JSON.stringify(m)), fc.jsonValue().map((v) => JSON.stringify(v) ?? ''), fc.string());

describe('the response converter on hostile answers', () => {
  it('resolves with drawable series or rejects with a PromClientError, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(200, 200, 200, 200, 400, 422, 503), async (text, status) => {
        const fetch = () => Promise.resolve(new Response(text, { status, headers: { 'Content-Type': 'application/json' } }));
        const client = createPromClient({ baseUrl: 'http://prometheus.test', fetch });
        const started = performance.now();
        try {
          const set = await client.queryRange(range);
          for (const series of set.series) {
            expect(series.timestamps.every((t, i) => isWithinTimeBounds(t) && (i === 0 || t > (series.timestamps[i - 1] as number)))).toBe(true);
            expect(series.values).toHaveLength(series.timestamps.length);
          }
        } catch (error) {
          expect(isPromClientError(error)).toBe(true);
        }
        // A guard against runaway work on one answer, not a speed claim (see test/fuzzBudget.ts).
        expect(performance.now() - started).toBeLessThan(2_000);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
