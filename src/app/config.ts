import { formatZodError, z } from '../schema';
import { DEFAULT_MAX_RESPONSE_BYTES, type IncrementalPolicy } from '../prometheus';
import { parseDuration, HOUR_MS } from '../time';

/**
 * Runtime configuration, read from `config.json` at start-up so one build serves any environment.
 * `datasource.url`: "demo" runs the built-in demo backend in the browser; otherwise an absolute
 * http(s) URL or a same-origin path such as "/prometheus" (behind a reverse proxy).
 */
const datasourceUrl = z.string().check(
  z.trim(),
  z.refine((url) => url === 'demo' || isSameOriginPath(url) || isHttpUrl(url), {
    message: 'must be "demo", an http(s) URL or a path on this site such as "/prometheus" (not "//host" or "/\\host")',
  }),
  z.refine((url) => !/^https?:\/\/[^/]*@/i.test(url), {
    message: 'must not contain credentials; use datasource.headers instead',
  }),
);

/**
 * A path on this site. Browsers read "//host/…" and "/\host/…" as another host, and drop tabs and
 * line breaks first ("/\t/host" is "//host"), so such a "path" once sent the configured
 * Authorization header to someone else's server.
 */
function isSameOriginPath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') && !hasUnsafeUrlCharacter(url);
}

function isHttpUrl(url: string): boolean {
  if (!/^https?:\/\/[^/]+/i.test(url) || hasUnsafeUrlCharacter(url)) return false;
  try {
    new URL(url);
    return true;
  } catch {
    return false;
  }
}

/** Whitespace, control characters and backslashes: the URL parser drops or rewrites them. */
function hasUnsafeUrlCharacter(url: string): boolean {
  for (let i = 0; i < url.length; i++) {
    const code = url.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return /\s/.test(url);
}

// RFC 9110 field names; values on one line in Latin-1, which is all `Headers` accepts. A line
// break or NUL passed validation once, then made every request fail as "cannot reach the server".
const headerName = z.string().check(z.regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'must be an HTTP header name (letters, digits and -)'));
const headerValue = z.string().check(z.regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'must be one line of printable characters (no line break, NUL or character beyond Latin-1)'));

/** Bounds of `datasource.maxResponseBytes`: 64 KiB to 1 GiB. */
export const RESPONSE_BYTES_LIMITS = { min: 64 * 1024, max: 1024 * 1024 * 1024 } as const;

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
export const INCREMENTAL_LIMITS = { maxOverlapMs: HOUR_MS, minFullEveryMs: 60_000, maxFullEveryMs: 24 * HOUR_MS } as const;

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

export const configSchema = z.object({
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

export type VigilConfig = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates a parsed config.json; the error names the offending field. */
export function parseConfig(raw: unknown): VigilConfig {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ConfigError(`config.json: ${formatZodError(result.error)}`);
}

/** The validated scrape interval in ms. */
export function scrapeIntervalMs(config: VigilConfig): number {
  return parseDuration(config.datasource.scrapeInterval) ?? 15_000;
}

/** The overlap when config.json names none: two scrape intervals, at least 30 s (see `incremental`). */
export function defaultOverlapMs(scrapeMs: number): number {
  return Math.min(Math.max(2 * scrapeMs, 30_000), INCREMENTAL_LIMITS.maxOverlapMs);
}

/** The incremental refresh policy, or undefined when config.json turns it off. */
export function incrementalPolicy(config: VigilConfig): IncrementalPolicy | undefined {
  const { enabled, overlap, fullRefetchEvery } = config.datasource.incremental;
  if (!enabled) return undefined;
  const overlapMs = (overlap === undefined ? undefined : parseDuration(overlap)) ?? defaultOverlapMs(scrapeIntervalMs(config));
  return { overlapMs, fullEveryMs: parseDuration(fullRefetchEvery) ?? 10 * 60_000 };
}

export function isDemo(config: VigilConfig): boolean {
  return config.datasource.url === 'demo';
}
