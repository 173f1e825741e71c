import { formatZodError } from '../schema/formatZodError';
import { addIssue, array, boolean, field, optionalField, int, isObject, maxLength, minLength, oneOf, string, unknownKeys, wrongType, type Issues, type Path } from '../schema/check';
import { DEFAULT_MAX_RESPONSE_BYTES, type IncrementalPolicy } from '../prometheus';
import { parseDuration, HOUR_MS } from '../time';

/**
 * Runtime configuration, read from `config.json` at start-up so one build serves any environment.
 * `datasource.url`: "demo" runs the built-in demo backend in the browser; otherwise an absolute
 * http(s) URL or a same-origin path such as "/prometheus" (behind a reverse proxy).
 */
const URL_MESSAGES = [
  'must be "demo", an http(s) URL or a path on this site such as "/prometheus" (not "//host" or "/\\host")',
  'must not contain credentials; use datasource.headers instead',
] as const;

/** The URL trimmed, or the problems with it. */
function datasourceUrl(input: unknown, issues: Issues, path: Path): string {
  if (!string(input, issues, path)) return input as string;
  const url = input.trim();
  if (!(url === 'demo' || isSameOriginPath(url) || isHttpUrl(url))) addIssue(issues, path, URL_MESSAGES[0], true);
  if (/^https?:\/\/[^/]*@/i.test(url)) addIssue(issues, path, URL_MESSAGES[1], true);
  return url;
}

/**
 * A path on this site. Browsers read "//host/…" and "/\host/…" as another host, and drop tabs and
 * line breaks first ("/\t/host" is "//host"), so such a "path" once sent the configured
 * Authorization header to someone else's server.
 */
export function isSameOriginPath(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') && !hasUnsafeUrlCharacter(url);
}

export function isHttpUrl(url: string): boolean {
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
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** `datasource.headers`: a name that is not a header name is refused without reading its value. */
function headers(input: unknown, issues: Issues, path: PropertyKey[]): Record<string, string> {
  if (!isObject(input)) {
    wrongType(issues, path, 'record', input);
    return input as Record<string, string>;
  }
  const out: Record<string, string> = {};
  for (const name of Object.keys(input)) {
    if (name === '__proto__') continue;
    path.push(name);
    if (!HEADER_NAME.test(name)) {
      addIssue(issues, path, 'Invalid key in record');
    } else {
      const value = input[name];
      if (string(value, issues, path) && !HEADER_VALUE.test(value)) {
        addIssue(issues, path, 'must be one line of printable characters (no line break, NUL or character beyond Latin-1)', true);
      }
      out[name] = value as string;
    }
    path.pop();
  }
  return out;
}

/** Bounds of `datasource.maxResponseBytes`: 64 KiB to 1 GiB. */
export const RESPONSE_BYTES_LIMITS = { min: 64 * 1024, max: 1024 * 1024 * 1024 } as const;

/** A Prometheus duration within bounds (ms), e.g. "2m". */
function boundedDuration(minMs: number, maxMs: number, words: string) {
  return (input: unknown, issues: Issues, path: Path): string => {
    if (string(input, issues, path)) {
      const ms = parseDuration(input);
      if (!(ms !== null && ms >= minMs && ms <= maxMs)) addIssue(issues, path, `must be a Prometheus duration ${words}`, true);
    }
    return input as string;
  };
}

/** How often the server scrapes its targets (Grafana's per-data-source "Scrape interval"), for `$__rate_interval`. */
const scrapeInterval = boundedDuration(1_000, HOUR_MS, 'from 1s to 1h, e.g. "15s"');

/** Bounds of `datasource.incremental`: the overlap and how often a whole range is asked again. */
export const INCREMENTAL_LIMITS = { maxOverlapMs: HOUR_MS, minFullEveryMs: 60_000, maxFullEveryMs: 24 * HOUR_MS } as const;

const overlap = boundedDuration(0, INCREMENTAL_LIMITS.maxOverlapMs, 'from 0s to 1h, e.g. "2m"');
const fullRefetchEvery = boundedDuration(INCREMENTAL_LIMITS.minFullEveryMs, INCREMENTAL_LIMITS.maxFullEveryMs, 'from 1m to 24h, e.g. "10m"');

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
export interface IncrementalConfig {
  readonly enabled: boolean;
  /** Absent: `defaultOverlapMs` of the scrape interval. */
  readonly overlap?: string;
  readonly fullRefetchEvery: string;
}

function incremental(input: unknown, issues: Issues, path: PropertyKey[]): IncrementalConfig {
  if (!isObject(input)) {
    wrongType(issues, path, 'object', input);
    return input as IncrementalConfig;
  }
  const out: { enabled: boolean; overlap?: string; fullRefetchEvery?: string } = {
    enabled: input.enabled === undefined ? true : field(input, 'enabled', boolean, issues, path),
  };
  if ('overlap' in input) out.overlap = optionalField(input, 'overlap', overlap, issues, path);
  out.fullRefetchEvery = input.fullRefetchEvery === undefined ? '10m' : field(input, 'fullRefetchEvery', fullRefetchEvery, issues, path);
  unknownKeys(input, ['enabled', 'overlap', 'fullRefetchEvery'], issues, path);
  return out as IncrementalConfig;
}

export interface DatasourceConfig {
  readonly url: string;
  readonly headers: Record<string, string>;
  /** The largest answer a panel reads; beyond it the panel says so instead of freezing the tab. */
  readonly maxResponseBytes: number;
  readonly scrapeInterval: string;
  readonly incremental: IncrementalConfig;
}

function defaultDatasource(): DatasourceConfig {
  return { url: 'demo', headers: {}, maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES, scrapeInterval: '15s', incremental: { enabled: true, fullRefetchEvery: '10m' } };
}

function datasource(input: unknown, issues: Issues, path: PropertyKey[]): DatasourceConfig {
  if (!isObject(input)) {
    wrongType(issues, path, 'object', input);
    return input as DatasourceConfig;
  }
  const or = <T>(key: string, fallback: () => T, check: (value: unknown, issues: Issues, path: PropertyKey[]) => T): T =>
    input[key] === undefined ? fallback() : field(input, key, check, issues, path);
  return {
    url: or('url', () => 'demo', datasourceUrl),
    headers: or('headers', () => ({}), headers),
    maxResponseBytes: or('maxResponseBytes', () => DEFAULT_MAX_RESPONSE_BYTES, (value, issues, path) =>
      int(value, RESPONSE_BYTES_LIMITS.min, RESPONSE_BYTES_LIMITS.max, issues, path),
    ),
    scrapeInterval: or('scrapeInterval', () => '15s', scrapeInterval),
    incremental: or('incremental', (): IncrementalConfig => ({ enabled: true, fullRefetchEvery: '10m' }), incremental),
  };
}

/** A list of non-empty strings (paths), with zod's length checks. */
function paths(min: number | undefined, max: number) {
  return (input: unknown, issues: Issues, path: PropertyKey[]): string[] =>
    array(
      input,
      (value, issues, path) => {
        string(value, issues, path);
        minLength(value, 1, issues, path);
        return value as string;
      },
      (value, issues, path) => {
        if (min !== undefined) minLength(value, min, issues, path);
        maxLength(value, max, issues, path);
      },
      max,
      issues,
      path,
    );
}

const dashboards = paths(1, 50);
const incidents = paths(undefined, 200);

const THEMES = ['dark', 'light'] as const;

/** Runtime configuration as `parseConfig` reads it, every default filled in. */
export interface VigilConfig {
  readonly datasource: DatasourceConfig;
  readonly timezone: string;
  readonly dashboards: string[];
  readonly incidents: string[];
  readonly title: string;
  /** Desktop theme; kiosk mode is always the dark high-contrast one. */
  readonly theme: (typeof THEMES)[number];
}

/** config.json as read: the config with its defaults, or the problems in zod's order and words. */
export function checkConfig(input: unknown, issues: Issues): VigilConfig {
  const path: PropertyKey[] = [];
  if (!isObject(input)) {
    wrongType(issues, path, 'object', input);
    return input as VigilConfig;
  }
  const or = <T>(key: string, fallback: () => T, check: (value: unknown, issues: Issues, path: PropertyKey[]) => T): T =>
    input[key] === undefined ? fallback() : field(input, key, check, issues, path);
  const text = (value: unknown, issues: Issues, path: Path) => (string(value, issues, path), value as string);
  return {
    datasource: or('datasource', defaultDatasource, datasource),
    timezone: or('timezone', () => 'UTC', text),
    dashboards: or('dashboards', () => ['dashboards/incident.json'], dashboards),
    incidents: or('incidents', () => [], incidents),
    title: or('title', () => 'vigil', text),
    theme: or('theme', () => 'dark' as const, (value, issues, path) => oneOf(value, THEMES, issues, path)),
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates a parsed config.json; the error names the offending field. */
export function parseConfig(raw: unknown): VigilConfig {
  const issues: Issues = [];
  const config = checkConfig(raw, issues);
  if (issues.length === 0) return config;
  throw new ConfigError(`config.json: ${formatZodError({ issues })}`);
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
