import type { InstantResult } from '../prometheus';
import { seriesName } from '../series';

/** Rows a table lists at most: more is not read by anyone, and stays cheap to draw whatever the server answers. */
export const MAX_TABLE_ROWS = 200;

export interface InstantRow {
  readonly name: string;
  /** The value exactly as the server's number reads, with Prometheus's spellings of the specials. */
  readonly value: string;
}

/** What an instant answer shows in Explore's table: rows, or why there are none (facts; the table words them). */
export type InstantTableContent =
  | { readonly kind: 'rows'; readonly rows: readonly InstantRow[]; readonly omitted: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'range-vector' }
  | { readonly kind: 'scalar'; readonly value: string }
  | { readonly kind: 'string'; readonly value: string };

/** `+Inf`, `-Inf` and `NaN` as Prometheus writes them; other numbers as JavaScript reads them back. */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

export function instantTableContent(result: InstantResult): InstantTableContent {
  switch (result.kind) {
    case 'vector': {
      if (result.samples.length === 0) return { kind: 'empty' };
      const rows = result.samples.slice(0, MAX_TABLE_ROWS).map((s) => ({ name: seriesName(s.labels), value: formatSampleValue(s.value) }));
      return { kind: 'rows', rows, omitted: result.samples.length - rows.length };
    }
    case 'matrix':
      return { kind: 'range-vector' };
    case 'scalar':
      return { kind: 'scalar', value: formatSampleValue(result.value) };
    case 'string':
      return { kind: 'string', value: result.value };
  }
}
