import type { InstantResult } from '../prometheus';
import { seriesName, speaksOfUnixTime, unixSecondsToMs } from '../series';

/** Rows a table lists at most: more is not read by anyone, and stays cheap to draw whatever the server answers. */
export const MAX_TABLE_ROWS = 200;

export interface InstantRow {
  readonly name: string;
  /** The value exactly as the server's number reads, with Prometheus's spellings of the specials. */
  readonly value: string;
  /** The value read as Unix seconds, in epoch ms, when it looks like one (see epochSecondsOf). */
  readonly epochMs?: number;
}

/** What an instant answer shows in Explore's table: rows, or why there are none (facts; the table words them). */
export type InstantTableContent =
  | { readonly kind: 'rows'; readonly rows: readonly InstantRow[]; readonly omitted: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'range-vector' }
  | { readonly kind: 'scalar'; readonly value: string; readonly epochMs?: number }
  | { readonly kind: 'string'; readonly value: string };

/** `+Inf`, `-Inf` and `NaN` as Prometheus writes them; other numbers as JavaScript reads them back. */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

/**
 * Epoch ms of a value that reads as Unix seconds: in the years such timestamps fall in, and asked by
 * a query (or named by a metric) that speaks of time — the rule panels' legends and tooltips follow.
 * Byte counts of the same size stay numbers.
 */
export function epochSecondsOf(value: number, expr: string, metricName: string | undefined): number | undefined {
  return speaksOfUnixTime(expr, metricName) ? unixSecondsToMs(value) : undefined;
}

/** `expr`: the query as sent, which tells whether a value is a Unix timestamp. */
export function instantTableContent(result: InstantResult, expr = ''): InstantTableContent {
  switch (result.kind) {
    case 'vector': {
      if (result.samples.length === 0) return { kind: 'empty' };
      const rows = result.samples.slice(0, MAX_TABLE_ROWS).map((s): InstantRow => {
        const epochMs = epochSecondsOf(s.value, expr, s.labels.__name__);
        const row = { name: seriesName(s.labels), value: formatSampleValue(s.value) };
        return epochMs === undefined ? row : { ...row, epochMs };
      });
      return { kind: 'rows', rows, omitted: result.samples.length - rows.length };
    }
    case 'matrix':
      return { kind: 'range-vector' };
    case 'scalar': {
      const epochMs = epochSecondsOf(result.value, expr, undefined);
      return epochMs === undefined ? { kind: 'scalar', value: formatSampleValue(result.value) } : { kind: 'scalar', value: formatSampleValue(result.value), epochMs };
    }
    case 'string':
      return { kind: 'string', value: result.value };
  }
}
