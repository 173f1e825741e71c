import fc from 'fast-check';
import { checkDashboard } from './check';
import { CURRENT_SCHEMA_VERSION } from './migrate';
import { DASHBOARD_LIMITS, dashboardSchema } from './schema';
import { expectSameVerdictAsZod, withUndefinedKeys } from '../../test/zodOracle';

/** As a dashboard file reaches the check: JSON.parse's output (an own `__proto__` key included). */
const asParsedJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

const anyJson = fc.jsonValue({ maxDepth: 2 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>, junk = 1): fc.Arbitrary<unknown> => fc.oneof({ weight: 14, arbitrary }, { weight: junk, arbitrary: anyJson });
const some = (required: readonly string[]) => ({ requiredKeys: required as never[] });
const name = fc.constantFrom('job', 'instance', '__x', '1a', 'a b', '');
const source = maybe(
  fc.oneof(
    fc.record({ labelValues: maybe(fc.constantFrom('job', '')), match: maybe(fc.constantFrom('up{job="$job"}', 'up{instance="$instance"}', '')), extra: anyJson }, some(['labelValues'])),
    fc.record({ values: maybe(fc.array(maybe(fc.constantFrom('a', '$__all')), { maxLength: 2 })), extra: anyJson }, some(['values'])),
    fc.record({ labelValues: maybe(fc.constant('job')), values: maybe(fc.constant(['a'])) }, some([])),
  ),
);
const variable = maybe(
  fc.record(
    { name: maybe(name), label: maybe(fc.constantFrom('Job', '')), source, multi: maybe(fc.boolean()), includeAll: maybe(fc.boolean()), default: maybe(fc.array(fc.constantFrom('a', 'b', '$__all'), { maxLength: 2 })), extra: anyJson },
    some(['name', 'source']),
  ),
);
const leakWatch = maybe(fc.record({ limit: maybe(fc.double({ noNaN: true, noDefaultInfinity: true })), horizon: maybe(fc.constantFrom('2h', '1s', 'x', '31d')), window: maybe(fc.constantFrom('2h', 'y')), extra: anyJson }, some(['horizon'])));
const panel = maybe(
  fc.record(
    {
      type: maybe(fc.constantFrom('timeseries', 'table'), 1),
      id: maybe(fc.constantFrom('cpu', 'mem', 'Bad', '')),
      title: maybe(fc.constantFrom('CPU', '', '\u{1F600}')),
      unit: maybe(fc.constantFrom('bytes', 'percent', 'short', 'furlongs')),
      queries: maybe(fc.oneof({ weight: 6, arbitrary: fc.array(maybe(fc.record({ expr: maybe(fc.constantFrom('up', '')), legend: maybe(fc.constant('{{job}}')), extra: anyJson }, some(['expr']))), { maxLength: 2 }) }, { weight: 1, arbitrary: fc.array(fc.constant({ expr: 'up' }), { minLength: 26, maxLength: 28 }) })),
      thresholds: maybe(fc.array(maybe(fc.record({ value: maybe(fc.integer()), label: maybe(fc.constant('max')) })), { maxLength: 2 })),
      maxSeries: maybe(fc.constantFrom(0, 1, 1.5, DASHBOARD_LIMITS.maxSeries, DASHBOARD_LIMITS.maxSeries + 1, 2 ** 60)),
      leakWatch,
      extra: anyJson,
    },
    some(['type', 'id', 'title', 'unit', 'queries']),
  ),
);
const dashboard = maybe(
  fc.record(
    {
      schemaVersion: maybe(fc.constantFrom(CURRENT_SCHEMA_VERSION, CURRENT_SCHEMA_VERSION + 1, 1.5, 0), 1),
      id: maybe(fc.constantFrom('d', '')),
      title: maybe(fc.constantFrom('D', '')),
      defaultRange: maybe(fc.record({ from: maybe(fc.constant('now-1h')), to: maybe(fc.constant('now')), extra: anyJson }, some(['from', 'to']))),
      variables: maybe(fc.oneof({ weight: 8, arbitrary: fc.array(variable, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(fc.constant(1), { minLength: 51, maxLength: 51 }) })),
      panels: maybe(fc.oneof({ weight: 8, arbitrary: fc.array(panel, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(fc.constant(1), { minLength: 101, maxLength: 101 }) })),
      extra: anyJson,
    },
    some(['schemaVersion', 'id', 'title', 'panels']),
  ),
);

const expectSameVerdict = (input: unknown) => expectSameVerdictAsZod(checkDashboard, dashboardSchema, input);

describe('the dashboard check, against the zod schema', () => {
  it('accepts and refuses exactly as zod does, with the same dashboard and messages', () => {
    fc.assert(
      fc.property(dashboard, (value) => expectSameVerdict(asParsedJson(value))),
      { numRuns: 3000 },
    );
  });

  it('takes keys present as undefined (a caller in code, not JSON) as zod does: optional ones accepted and kept', () => {
    fc.assert(
      fc.property(dashboard, fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), (value, flips) => expectSameVerdict(withUndefinedKeys(asParsedJson(value), flips))),
      { numRuns: 500 },
    );
  });

  const panelWith = (id: string) => ({ type: 'timeseries', id, title: 'T', unit: 'short', queries: [{ expr: 'up' }] });
  it.each([
    ['a repeated panel id', { schemaVersion: CURRENT_SCHEMA_VERSION, id: 'd', title: 'D', panels: [panelWith('cpu'), panelWith('mem'), panelWith('cpu')] }],
    [
      'a repeated variable name beside a too-short title',
      { schemaVersion: CURRENT_SCHEMA_VERSION, id: 'd', title: '', variables: [{ name: 'job', source: { values: ['a'] } }, { name: 'job', source: { values: ['b'] } }], panels: [panelWith('cpu')] },
    ],
    ['a source with both kinds of keys', { schemaVersion: CURRENT_SCHEMA_VERSION, id: 'd', title: 'D', variables: [{ name: 'job', source: { labelValues: 'job', values: ['a'] } }], panels: [panelWith('cpu')] }],
  ])('as zod does for %s', (_name, value) => expectSameVerdict(value));
});
