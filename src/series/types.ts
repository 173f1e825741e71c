/** Label set of one series, as Prometheus returns it (`__name__` included when present). */
export type Labels = Readonly<Record<string, string>>;

/**
 * One series in columnar form (Grafana's DataFrame, Perses' TimeSeriesData): a time column in
 * epoch milliseconds, ascending, and a value column of the same length. NaN and ±Infinity are kept
 * as such (they are drawn as gaps, never as 0). A missing sample is simply absent: the renderer
 * breaks the line where two timestamps are more than one step apart.
 */
export interface Series {
  readonly labels: Labels;
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
}

/** What one range query answered, with the range and step it was asked for (all ms). */
export interface SeriesSet {
  readonly series: readonly Series[];
  readonly start: number;
  readonly end: number;
  readonly step: number;
  /** Prometheus `warnings` and `infos`, shown on the panel. */
  readonly warnings: readonly string[];
  /** The start of the server's answer as it came (JSON text), for the inspector: bounded, never whole. */
  readonly answer?: { readonly head: string; readonly chars: number };
  /** Wall time of the request in ms, measured around the client call (fetch, read, validation). */
  readonly tookMs?: number;
  /** How these columns were fetched: whole, or only a tail merged into the previous window. */
  readonly fetch?: FetchFacts;
}

/** What a refresh asked the server for, so the next one knows what it may keep (see mergeTail). */
export interface FetchFacts {
  /** 'full': the whole range was asked; 'tail': only from `from`, the rest kept from the cache. */
  readonly kind: 'full' | 'tail';
  /** Start of what was asked (epoch ms): the range's start for a full fetch. */
  readonly from: number;
  /** Browser clock when the request was sent: evaluations well before it were complete. */
  readonly fetchedAt: number;
  /** When the last full fetch of this window's lineage was sent: a full one comes again after a while. */
  readonly fullAt: number;
}
