import { LanguageType, promQLLanguage, type PrometheusClient } from '@prometheus-io/codemirror-promql';
import { isPromClientError, type PromClient } from '../prometheus';

/** The matchers codemirror-promql hands over; its `Matcher` class is not exported by name. */
type Matcher = NonNullable<Parameters<PrometheusClient['labelValues']>[2]>[number];
type MetricMetadataMap = Awaited<ReturnType<PrometheusClient['metricMetadata']>>;

/**
 * How much completion may ask for and keep. A server with millions of series must not freeze the
 * editor: each list is capped (sent as `limit`, and cut again here for servers that ignore it).
 */
export const COMPLETION_LIMITS = {
  metricNames: 5_000,
  labelNames: 1_000,
  labelValues: 1_000,
  series: 500,
  metadataMetrics: 5_000,
} as const;
/** Answers are reused this long; completion asks on every keystroke. */
export const COMPLETION_CACHE_TTL_MS = 60_000;
const COMPLETION_CACHE_ENTRIES = 200;
/** The range is rounded to this in cache keys, so a refresh tick does not refetch every list. */
const RANGE_ROUNDING_MS = 60_000;
/** Without a dashboard range, look back as far as Prometheus's own editor does (12 h). */
export const DEFAULT_LOOKBACK_MS = 12 * 60 * 60 * 1000;

export interface CompletionRange {
  readonly start: number;
  readonly end: number;
}

export interface PromQLClientAdapterOptions {
  /** Where names and values are looked up: the view's range, so backfilled or old data completes too. */
  readonly range?: () => CompletionRange | undefined;
  /** Shared between the editors of one server, so opening a second editor costs no request. */
  readonly cache?: CompletionCache;
  readonly now?: () => number;
  /** A failed lookup leaves the list empty; this hears why (aborts excluded). */
  readonly onError?: (error: unknown) => void;
}

/** Time-limited, size-limited memo of answers (promises, so concurrent asks share one request). */
export class CompletionCache {
  private readonly entries = new Map<string, { readonly at: number; readonly value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs = COMPLETION_CACHE_TTL_MS,
    private readonly maxEntries = COMPLETION_CACHE_ENTRIES,
  ) {}

  get<T>(key: string, now: number, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    // A failure is not remembered: the next keystroke asks again.
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<PromClient, CompletionCache>();

/** One cache per server client, shared by every editor on the page. */
export function completionCacheFor(client: PromClient): CompletionCache {
  let cache = caches.get(client);
  if (!cache) {
    cache = new CompletionCache();
    caches.set(client, cache);
  }
  return cache;
}

const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const LEGACY_METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
/** The text between the quotes of a PromQL string that stays the same string between double quotes. */
const DOUBLE_QUOTABLE = /^(?:[^"\\\n]|\\[^\n])*$/;

let matchOperators: ReadonlyMap<number, string> | undefined;

/** Matcher types are the parser's node ids; the names are stable, the numbers are not. */
function matchOperator(type: number): string | undefined {
  if (!matchOperators) {
    const parser = promQLLanguage(LanguageType.PromQL).parser;
    const byName: Readonly<Record<string, string>> = { EqlSingle: '=', Neq: '!=', EqlRegex: '=~', NeqRegex: '!~' };
    const ids = new Map<number, string>();
    for (let id = 0; id < parser.nodeSet.types.length; id++) {
      const op = byName[parser.getName(id)];
      if (op) ids.set(id, op);
    }
    matchOperators = ids;
  }
  return matchOperators.get(type);
}

/**
 * The selector that narrows a lookup to what the query already says: `{__name__="m",job="api"}`.
 * Only narrows, never breaks: a matcher that cannot be written back safely (an unusual label name,
 * an odd quoting, an empty value, the label being completed) is left out, which widens the list.
 */
export function completionSelector(metricName: string | undefined, matchers: readonly Matcher[] = [], completing?: string): string | undefined {
  const parts: string[] = [];
  if (metricName) parts.push(`__name__=${JSON.stringify(metricName)}`);
  for (const m of matchers) {
    const op = matchOperator(m.type);
    if (!op || m.name === completing || m.value === '' || !LEGACY_LABEL_NAME.test(m.name) || !DOUBLE_QUOTABLE.test(m.value)) continue;
    if (m.name === '__name__' && metricName) continue;
    parts.push(`${m.name}${op}"${m.value}"`);
  }
  return parts.length === 0 ? undefined : `{${parts.join(',')}}`;
}

function capped<T>(list: readonly T[], limit: number): T[] {
  return list.length > limit ? list.slice(0, limit) : [...list];
}

/**
 * codemirror-promql's `PrometheusClient` over vigil's own client: every lookup goes through
 * `PromClient`, so configured headers, a path prefix and the in-page demo backend apply, answers
 * are validated, and each list is bounded. A failed lookup completes nothing rather than throwing
 * into the editor.
 */
export function createPromQLClientAdapter(client: PromClient, options: PromQLClientAdapterOptions = {}): PrometheusClient {
  const cache = options.cache ?? completionCacheFor(client);
  const now = options.now ?? Date.now;
  const controllers = new Set<AbortController>();

  function range(): CompletionRange {
    const given = options.range?.();
    if (given && Number.isFinite(given.start) && Number.isFinite(given.end) && given.start <= given.end) return given;
    const end = now();
    return { start: end - DEFAULT_LOOKBACK_MS, end };
  }

  async function ask<T>(what: string, fallback: T, load: (r: CompletionRange, signal: AbortSignal) => Promise<T>): Promise<T> {
    const r = range();
    const key = `${what}@${Math.floor(r.start / RANGE_ROUNDING_MS)}-${Math.ceil(r.end / RANGE_ROUNDING_MS)}`;
    const controller = new AbortController();
    try {
      // The controller goes with the first request for a key; destroy() aborts whatever is in flight.
      return await cache.get(key, now(), () => {
        controllers.add(controller);
        return load(r, controller.signal).finally(() => controllers.delete(controller));
      });
    } catch (error) {
      if (!(isPromClientError(error) && error.kind === 'aborted')) options.onError?.(error);
      return fallback;
    }
  }

  const labelValues = (labelName: string, selector: string | undefined, limit: number) =>
    ask(`values:${labelName}:${selector ?? ''}`, [] as string[], async ({ start, end }, signal) =>
      capped(await client.labelValues(labelName, { match: selector ? [selector] : undefined, start, end, limit }, signal), limit),
    );

  return {
    labelNames(metricName) {
      const selector = completionSelector(metricName);
      const limit = COMPLETION_LIMITS.labelNames;
      return ask(`labels:${selector ?? ''}`, [] as string[], async ({ start, end }, signal) =>
        capped(await client.labels({ match: selector ? [selector] : undefined, start, end, limit }, signal), limit).filter((name) => name !== '__name__'),
      );
    },

    labelValues(labelName, metricName, matchers) {
      return labelValues(labelName, completionSelector(metricName, matchers, labelName), COMPLETION_LIMITS.labelValues);
    },

    async metricNames(prefix) {
      const limit = COMPLETION_LIMITS.metricNames;
      const all = await labelValues('__name__', undefined, limit);
      // At the cap the list may miss what was typed: ask for that prefix alone.
      if (all.length < limit || !prefix || !LEGACY_METRIC_NAME.test(prefix)) return all;
      return labelValues('__name__', `{__name__=~"${prefix}.*"}`, limit);
    },

    metricMetadata() {
      return ask('metadata', {} as MetricMetadataMap, async (_r, signal) => {
        const metadata = await client.metadata({ limit: COMPLETION_LIMITS.metadataMetrics, limitPerMetric: 1 }, signal);
        return Object.fromEntries(capped(Object.entries(metadata), COMPLETION_LIMITS.metadataMetrics));
      });
    },

    series(metricName, matchers, labelName) {
      const selector = completionSelector(metricName, matchers, labelName);
      if (!selector) return Promise.resolve([]);
      const limit = COMPLETION_LIMITS.series;
      // The library reads each series with Object.entries, as the JSON objects its own client returns.
      return ask(`series:${selector}`, [] as Map<string, string>[], async ({ start, end }, signal) =>
        capped(await client.series({ match: [selector], start, end, limit }, signal), limit) as unknown as Map<string, string>[],
      );
    },

    flags() {
      // Only Prometheus's own UI uses these; vigil does not ask.
      return Promise.resolve({});
    },

    destroy() {
      for (const controller of controllers) controller.abort();
      controllers.clear();
    },
  };
}
