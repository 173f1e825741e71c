import fc from 'fast-check';
import { z } from '../schema';
import { INCIDENT_EVENT_KINDS } from '../annotations';
import { isValidTimezone } from '../time';
import { parseIsoInstant } from './isoInstant';
import { checkIncidentFile, INCIDENT_FILE_LIMITS, INCIDENT_FILE_VERSION } from './incidentFile';
import { expectSameVerdictAsZod, withUndefinedKeys } from '../../test/zodOracle';

/**
 * The zod schema incident files were read with until the hand-written check replaced it (zod's
 * engine cost ~10 KB gzipped on the first load, issue 13), kept as the oracle the check must match.
 */
const oracle = (() => {
  const L = INCIDENT_FILE_LIMITS;
  const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const isoInstant = z.string().check(
  z.maxLength(40),
  z.refine((text) => parseIsoInstant(text) !== null, {
    message: 'must be an ISO 8601 time with an offset between the years 0001 and 9999, e.g. "2024-01-15T10:05:00Z" or "2024-01-15T11:05:00+01:00"',
  }),
);

const eventSchema = z.strictObject({
  time: isoInstant,
  kind: z.enum(INCIDENT_EVENT_KINDS),
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(L.textChars)),
});

const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(max)));

const incidentFileSchema = z
  .strictObject({
    schemaVersion: z.literal(INCIDENT_FILE_VERSION),
    id: z.string().check(z.minLength(1), z.maxLength(L.idChars), z.regex(ID_PATTERN, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit')),
    title: z.string().check(z.trim(), z.minLength(1), z.maxLength(L.titleChars)),
    timezone: z.string().check(
      z.maxLength(L.timezoneChars),
      z.refine((tz) => tz === 'UTC' || isValidTimezone(tz), { message: 'must be an IANA time zone such as "UTC" or "Europe/Berlin"' }),
    ),
    start: isoInstant,
    end: z.optional(isoInstant),
    severity: optionalText(L.severityChars),
    summary: optionalText(L.textChars),
    impact: optionalText(L.textChars),
    rootCause: optionalText(L.textChars),
    events: z.array(eventSchema).check(z.maxLength(L.events)),
  })
  .check(
    z.superRefine((file, context) => {
      if (file.end === undefined) return;
      const start = parseIsoInstant(file.start);
      const end = parseIsoInstant(file.end);
      if (start !== null && end !== null && end < start) {
        context.addIssue({ code: 'custom', path: ['end'], message: `must not be before "start" (${file.start})` });
      }
    }),
  );
  return incidentFileSchema;
})();

/** As a file reaches the check: JSON.parse's output (an own `__proto__` key included). */
const asParsedJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

const anyJson = fc.jsonValue({ maxDepth: 2 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>, junk = 1): fc.Arbitrary<unknown> => fc.oneof({ weight: 12, arbitrary }, { weight: junk, arbitrary: anyJson });
const instant = fc.constantFrom('2024-01-15T10:05:00Z', '2024-01-15T11:05:00+01:00', '2024-01-15T09:00:00Z', '2024-01-15', 'x', '2024-01-15T10:05:00.000000000000000000000000000000Z');
const text = (max: number) => fc.oneof(fc.constantFrom(' a ', 'x', '', '  ', '\u{1F600}', 'é'), fc.string({ minLength: max - 1, maxLength: max + 2 }).map((t) => `x${t}`));
const event = maybe(fc.record({ time: maybe(instant), kind: maybe(fc.constantFrom(...INCIDENT_EVENT_KINDS, 'other')), text: maybe(text(INCIDENT_FILE_LIMITS.textChars)), extra: anyJson }, { requiredKeys: ['time', 'kind', 'text'] }));
const file = (required: readonly string[]) =>
  maybe(
    fc.record(
      {
        schemaVersion: maybe(fc.constantFrom(INCIDENT_FILE_VERSION, 0), 1),
        id: maybe(fc.constantFrom('db-outage', 'a.b_c', '-x', '', 'has space', 'x'.repeat(101))),
        title: maybe(text(INCIDENT_FILE_LIMITS.titleChars)),
        timezone: maybe(fc.constantFrom('UTC', 'Europe/Berlin', 'Mars/Olympus', 'x'.repeat(65))),
        start: maybe(instant),
        end: maybe(instant),
        severity: maybe(text(INCIDENT_FILE_LIMITS.severityChars)),
        summary: maybe(fc.constantFrom(' s ', '')),
        impact: maybe(fc.constantFrom(' i ', '')),
        rootCause: maybe(fc.constantFrom(' r ', '')),
        events: maybe(fc.oneof({ weight: 8, arbitrary: fc.array(event, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(fc.constant(1), { minLength: 501, maxLength: 502 }) })),
        other: anyJson,
      },
      { requiredKeys: required as never[] },
    ),
  );
const anyFile = fc.oneof(file([]), file(['schemaVersion', 'id', 'title', 'timezone', 'start', 'events']));

const expectSameVerdict = (input: unknown) => expectSameVerdictAsZod(checkIncidentFile, oracle, input);

describe('the incident file check, against the zod schema it replaced', () => {
  it('accepts and refuses exactly as zod did, with the same fields and messages', () => {
    fc.assert(
      fc.property(anyFile, (value) => expectSameVerdict(asParsedJson(value))),
      { numRuns: 2000 },
    );
  });

  it('takes keys present as undefined (a caller in code, not JSON) as zod does: optional ones accepted and kept', () => {
    fc.assert(
      fc.property(anyFile, fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), (value, flips) => expectSameVerdict(withUndefinedKeys(asParsedJson(value), flips))),
      { numRuns: 500 },
    );
  });
});
