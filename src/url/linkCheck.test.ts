import fc from 'fast-check';
import { z } from '../schema';
import { formatZodError } from '../schema/formatZodError';
import { INCIDENT_EVENT_KINDS } from '../annotations';
import { EARLIEST_TIME_MS, LATEST_TIME_MS } from '../time';
import { EXPLORE_LIMITS } from './explore';
import { FRAGMENT_LIMITS, importedIncidentsSchema, overridesSchema } from './fragmentSchema';
import { addedPanelCheck, linkChecks, runCheck } from './linkCheck';
import { withUndefinedKeys } from '../../test/zodOracle';

/** explore.ts's zod schema of an added panel until the hand-written check replaced it. */
const addedPanelSchema = z.object({
  i: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes')),
  t: z.string().check(z.minLength(1), z.maxLength(EXPLORE_LIMITS.titleChars)),
  e: z.string().check(z.minLength(1), z.maxLength(EXPLORE_LIMITS.queryChars)),
});

const checks = linkChecks(FRAGMENT_LIMITS);
const asParsedJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');
const anyJson = fc.jsonValue({ maxDepth: 2 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 14, arbitrary }, { weight: 1, arbitrary: anyJson });
const some = (required: readonly string[]) => ({ requiredKeys: required as never[] });
const str = (max: number) => fc.oneof(fc.constantFrom('', 'a', 'explore-1', 'Bad Id', '\u{1F600}'), fc.string({ minLength: max - 1, maxLength: max + 1 }));
const time = fc.constantFrom(0, EARLIEST_TIME_MS, EARLIEST_TIME_MS - 1, LATEST_TIME_MS, LATEST_TIME_MS + 1, 1.5);
const event = maybe(fc.record({ time: maybe(time), text: maybe(fc.constantFrom('x', '')), kind: maybe(fc.constantFrom(...INCIDENT_EVENT_KINDS, 'nope')), extra: anyJson }, some(['time', 'text', 'kind'])));
const tzSource = maybe(fc.record({ kind: maybe(fc.constantFrom('stated', 'stated-offset', 'assumed', 'other', '__proto__')), written: maybe(fc.constantFrom('UTC', 'x'.repeat(65))), extra: anyJson }, some(['kind'])));
const incident = maybe(
  fc.record(
    {
      id: maybe(fc.constantFrom('db', '', 'x'.repeat(2001))),
      title: maybe(fc.constantFrom('T', '')),
      severity: maybe(fc.constant('high')),
      summary: maybe(fc.constant('s')),
      impact: maybe(fc.constant('i')),
      rootCause: maybe(fc.constant('r')),
      start: maybe(time),
      end: maybe(time),
      events: maybe(fc.oneof({ weight: 8, arbitrary: fc.array(event, { maxLength: 2 }) }, { weight: 1, arbitrary: fc.array(fc.constant(1), { minLength: 201, maxLength: 201 }) })),
      timezone: maybe(fc.constant('UTC')),
      timezoneSource: tzSource,
      extra: anyJson,
    },
    some(['id', 'title', 'start', 'events', 'timezone']),
  ),
);
const incidents = maybe(fc.oneof({ weight: 8, arbitrary: fc.array(incident, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(fc.constant(1), { minLength: 21, maxLength: 21 }) }));
const overrides = maybe(
  fc.oneof(
    fc.dictionary(fc.constantFrom('cpu', '', '__proto__', '0'), maybe(fc.oneof({ weight: 6, arbitrary: fc.array(maybe(fc.constantFrom('up', '')), { maxLength: 2 }) }, { weight: 1, arbitrary: fc.array(fc.constant('up'), { minLength: 51, maxLength: 51 }) })), { maxKeys: 3 }),
    fc
      .tuple(fc.array(fc.constant(['up']), { minLength: 199, maxLength: 202 }), fc.constantFrom(undefined, '', 'bad'))
      .map(([lists, odd]) => ({ ...Object.fromEntries(lists.map((l, i) => [`p${i}`, l])), ...(odd === '' ? { '': ['up'] } : odd ? { q: odd } : {}) })),
  ),
);
const addedPanel = maybe(fc.record({ i: maybe(str(64)), t: maybe(str(EXPLORE_LIMITS.titleChars)), e: maybe(fc.constantFrom('up', '')), extra: anyJson }, some(['i', 't', 'e'])));

const cases: Array<[string, (input: unknown) => ReturnType<typeof runCheck>, z.ZodMiniType, fc.Arbitrary<unknown>]> = [
  ['imported incidents', (v) => runCheck(checks.importedIncidents, v), importedIncidentsSchema, incidents],
  ['query overrides', (v) => runCheck(checks.overrides, v), overridesSchema, overrides],
  ['added panels', (v) => runCheck(addedPanelCheck(EXPLORE_LIMITS, /^[a-z0-9-]+$/), v), addedPanelSchema, addedPanel],
];

describe("the link's checks, against the zod schemas", () => {
  it.each(cases)('accept and refuse %s exactly as zod does, with the same output and messages', (_name, check, schema, arbitrary) => {
    fc.assert(
      fc.property(arbitrary, fc.array(fc.boolean(), { maxLength: 12 }), (value, flips) => {
        // Some runs with keys present as undefined (a caller in code, not JSON): zod accepts optional ones and keeps them.
        const input = withUndefinedKeys(asParsedJson(value), flips);
        const mine = check(input);
        const zods = schema.safeParse(input);
        expect(mine.success).toBe(zods.success);
        if (mine.success && zods.success) expect(mine.data).toStrictEqual(zods.data);
        else if (!mine.success && !zods.success) {
          expect(mine.issues.map(({ path, message }) => ({ path, message }))).toEqual(zods.error.issues.map(({ path, message }) => ({ path, message })));
          expect(formatZodError({ issues: mine.issues })).toBe(formatZodError(zods.error));
        }
      }),
      { numRuns: 1500 },
    );
  });
});
