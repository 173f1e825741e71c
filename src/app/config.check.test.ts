import fc from 'fast-check';
import { z } from '../schema';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../prometheus';
import { parseDuration, HOUR_MS } from '../time';
import { checkConfig, isHttpUrl, isSameOriginPath, RESPONSE_BYTES_LIMITS } from './config';
import { expectSameVerdictAsZod, withUndefinedKeys } from '../../test/zodOracle';

/**
 * The zod schema config.json was read with until the hand-written check replaced it (zod's engine
 * cost ~10 KB gzipped on the first load, issue 13), kept as the oracle the check must match.
 */
const oracle = (() => {
const datasourceUrl = z.string().check(
  z.trim(),
  z.refine((url) => url === 'demo' || isSameOriginPath(url) || isHttpUrl(url), {
    message: 'must be "demo", an http(s) URL or a path on this site such as "/prometheus" (not "//host" or "/\\host")',
  }),
  z.refine((url) => !/^https?:\/\/[^/]*@/i.test(url), {
    message: 'must not contain credentials; use datasource.headers instead',
  }),
);

// RFC 9110 field names; values on one line in Latin-1, which is all `Headers` accepts. A line
// break or NUL passed validation once, then made every request fail as "cannot reach the server".
const headerName = z.string().check(z.regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name (letters, digits and -)'));
const headerValue = z.string().check(z.regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'must be one line of printable characters (no line break, NUL or character beyond Latin-1)'));

/** Bounds of `datasource.maxResponseBytes`: 64 KiB to 1 GiB. */
const RESPONSE_BYTES_LIMITS = { min: 64 * 1024, max: 1024 * 1024 * 1024 } as const;

const MIN_SCRAPE_INTERVAL_MS = 1_000;
const MAX_SCRAPE_INTERVAL_MS = HOUR_MS;

/** How often the server scrapes its targets (Grafana's per-data-source "Scrape interval"), for `$__rate_interval`. */
const scrapeInterval = z.string().check(
  z.refine(
    (text) => {
      const ms = parseDuration(text);
      return ms !== null && ms >= MIN_SCRAPE_INTERVAL_MS && ms <= MAX_SCRAPE_INTERVAL_MS;
    },
    { message: 'must be a Prometheus duration from 1s to 1h, e.g. "15s"' },
  ),
);

/** A Prometheus duration within bounds (ms), e.g. "2m". */
function boundedDuration(minMs: number, maxMs: number, words: string) {
  return z.string().check(
    z.refine(
      (text) => {
        const ms = parseDuration(text);
        return ms !== null && ms >= minMs && ms <= maxMs;
      },
      { message: `must be a Prometheus duration ${words}` },
    ),
  );
}

/** Bounds of `datasource.incremental`: the overlap and how often a whole range is asked again. */
const INCREMENTAL_LIMITS = { maxOverlapMs: HOUR_MS, minFullEveryMs: 60_000, maxFullEveryMs: 24 * HOUR_MS } as const;

/**
 * Incremental refresh of relative ranges: a refresh asks only the evaluations that may have
 * changed since the last answer — those within `overlap` of the moment it was asked. Prometheus
 * writes a scrape's samples at its start time, within its timeout (≤ the scrape interval), and rule
 * results at their evaluation time, so by default `overlap` is two scrape intervals, at least 30s:
 * one for the slowest scrape, the other for rule evaluations and the clock skew between browser
 * and server. Grafana defaults to 10m because remote-write stores (Mimir, Thanos receive) may
 * ingest minutes late, as do rule groups with a `query_offset`: raise it for them. Out-of-order
 * ingestion beyond the overlap needs `enabled: false`.
 */
const incremental = z.strictObject({
  enabled: z._default(z.boolean(), true),
  /** Absent: `defaultOverlapMs` of the scrape interval. */
  overlap: z.optional(boundedDuration(0, INCREMENTAL_LIMITS.maxOverlapMs, 'from 0s to 1h, e.g. "2m"')),
  fullRefetchEvery: z._default(boundedDuration(INCREMENTAL_LIMITS.minFullEveryMs, INCREMENTAL_LIMITS.maxFullEveryMs, 'from 1m to 24h, e.g. "10m"'), '10m'),
});

const configSchema = z.object({
  datasource: z._default(
    z.object({
      url: z._default(datasourceUrl, 'demo'),
      headers: z._default(z.record(headerName, headerValue), {}),
      /** The largest answer a panel reads; beyond it the panel says so instead of freezing the tab. */
      maxResponseBytes: z._default(z.int().check(z.gte(RESPONSE_BYTES_LIMITS.min), z.lte(RESPONSE_BYTES_LIMITS.max)), DEFAULT_MAX_RESPONSE_BYTES),
      scrapeInterval: z._default(scrapeInterval, '15s'),
      incremental: z._default(incremental, { enabled: true, fullRefetchEvery: '10m' }),
    }),
    { url: 'demo', headers: {}, maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES, scrapeInterval: '15s', incremental: { enabled: true, fullRefetchEvery: '10m' } },
  ),
  timezone: z._default(z.string(), 'UTC'),
  dashboards: z._default(z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(50)), ['dashboards/incident.json']),
  incidents: z._default(z.array(z.string().check(z.minLength(1))).check(z.maxLength(200)), []),
  title: z._default(z.string(), 'vigil'),
  /** Desktop theme; kiosk mode is always the dark high-contrast one. */
  theme: z._default(z.enum(['dark', 'light']), 'dark'),
});


  return configSchema;
})();

/** As config.json reaches the check: JSON.parse's output (an own `__proto__` key included). */
const asParsedJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

const anyJson = fc.jsonValue({ maxDepth: 2 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> => fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: anyJson });
const optionalFields = { requiredKeys: [] as never[] };
const url = fc.constantFrom('demo', ' demo ', '/prometheus', '//host', '/\\host', 'http://prom:9090', 'https://u:p@prom', 'ftp://x', '', 'http://', ' /p\t');
const duration = fc.constantFrom('15s', '0s', '1m', '2m', '10m', '1h', '24h', '25h', '500ms', 'x', '', '1d');
const headerName = fc.constantFrom('Authorization', 'X-Org', 'bad name', '', '__proto__', '0', 'é');
const headerValue = fc.constantFrom('Bearer x', 'a\nb', '', 'ünï', '\u20ac', 'tab\there');
const path = fc.constantFrom('dashboards/a.json', '', 'x', '\u{1F600}');
const paths = (max: number) => fc.oneof(fc.array(maybe(path), { maxLength: 4 }), fc.array(path, { minLength: max - 1, maxLength: max + 2 }));
const config = maybe(
  fc.record(
    {
      datasource: maybe(
        fc.record(
          {
            url: maybe(url),
            headers: maybe(fc.dictionary(headerName, maybe(headerValue), { maxKeys: 3 })),
            maxResponseBytes: maybe(fc.oneof(fc.constantFrom(RESPONSE_BYTES_LIMITS.min - 1, RESPONSE_BYTES_LIMITS.min, RESPONSE_BYTES_LIMITS.max, RESPONSE_BYTES_LIMITS.max + 1, 1e20, -1e20, 1.5e6, 2 ** 53), fc.integer())),
            scrapeInterval: maybe(duration),
            incremental: maybe(fc.record({ enabled: maybe(fc.boolean()), overlap: maybe(duration), fullRefetchEvery: maybe(duration), extra: anyJson, __proto__: anyJson }, optionalFields)),
            other: anyJson,
          },
          optionalFields,
        ),
      ),
      timezone: maybe(fc.constantFrom('UTC', 'Europe/Berlin')),
      dashboards: maybe(paths(50)),
      incidents: maybe(paths(200)),
      title: maybe(fc.string({ maxLength: 3 })),
      theme: maybe(fc.constantFrom('dark', 'light', 'blue')),
      extra: anyJson,
    },
    optionalFields,
  ),
);

/** Configs zod accepted (mostly): each field valid or absent, so the output is compared too. */
const validConfig = fc.record(
  {
    datasource: fc.record(
      {
        url: fc.constantFrom('demo', ' /prometheus ', 'https://prom.example:9090/x'),
        headers: fc.dictionary(fc.constantFrom('Authorization', 'X-Scope-OrgID', '0'), fc.constantFrom('Bearer x', '', 'ä'), { maxKeys: 3 }),
        maxResponseBytes: fc.integer({ min: RESPONSE_BYTES_LIMITS.min, max: RESPONSE_BYTES_LIMITS.max }),
        scrapeInterval: fc.constantFrom('15s', '1m'),
        incremental: fc.record({ enabled: fc.boolean(), overlap: fc.constantFrom('0s', '2m'), fullRefetchEvery: fc.constantFrom('1m', '24h') }, optionalFields),
        other: anyJson,
      },
      optionalFields,
    ),
    timezone: fc.constantFrom('UTC', 'Europe/Berlin'),
    dashboards: fc.array(fc.constantFrom('a.json', '\u{1F600}'), { minLength: 1, maxLength: 3 }),
    incidents: fc.array(fc.constantFrom('i.json', 'x'), { maxLength: 3 }),
    title: fc.string({ maxLength: 3 }),
    theme: fc.constantFrom('dark', 'light'),
    extra: anyJson,
  },
  optionalFields,
);

const expectSameVerdict = (input: unknown) => expectSameVerdictAsZod(checkConfig, oracle, input);

describe('the config.json check, against the zod schema it replaced', () => {
  it('accepts and refuses exactly as zod did, with the same config and messages', () => {
    fc.assert(
      fc.property(fc.oneof(config, validConfig), (value) => expectSameVerdict(asParsedJson(value))),
      { numRuns: 2000 },
    );
  });

  it('takes keys present as undefined (a caller in code, not JSON) as zod does: optional ones accepted and kept', () => {
    fc.assert(
      fc.property(fc.oneof(config, validConfig), fc.array(fc.boolean(), { minLength: 1, maxLength: 12 }), (value, flips) => expectSameVerdict(withUndefinedKeys(asParsedJson(value), flips))),
      { numRuns: 500 },
    );
  });

  it.each([
    ['no file content', {}],
    ['a string where a list goes', { dashboards: '' }],
    ['an empty list inside a list', { dashboards: [[]] }],
    ['an object with a length', { incidents: [{ length: 0 }] }],
    ['too many dashboards', { dashboards: Array.from({ length: 51 }, () => 7) }],
    ['an own __proto__ key', JSON.parse('{"datasource":{"headers":{"__proto__":"x"},"incremental":{"__proto__":1}}}') as unknown],
    ['an unsafe integer', { datasource: { maxResponseBytes: 2 ** 60 } }],
  ])('as zod did for %s', (_name, value) => expectSameVerdict(value));
});
