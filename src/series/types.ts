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
}
