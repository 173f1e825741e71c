// Number formatting of Prometheus' JSON API (util/jsonutil MarshalFloat): Go's shortest 'f' format,
// switching to 'e' below 1e-6 and from 1e21 — the same cut-offs as JavaScript's String(), whose
// exponent only needs Go's two-digit minimum.
export function formatPromValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (Object.is(value, -0)) return '-0';
  return String(value).replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Prometheus writes sample times as Unix seconds with up to millisecond precision. */
export function formatPromTime(ms: number): number {
  return ms / 1000;
}
