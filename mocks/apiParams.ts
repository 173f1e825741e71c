// Parsing of Prometheus HTTP API parameters, with Prometheus' own rules and messages
// (web/api/v1/api.go parseTime, parseDuration).

export class BadParameterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadParameterError';
  }
}

const DECIMAL_FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i;
// model.ParseDuration: units in descending order, each at most once.
const PROMETHEUS_DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const DURATION_UNITS_MS = [31_536_000_000, 604_800_000, 86_400_000, 3_600_000, 60_000, 1_000, 1];

/** Unix seconds (fractional, kept to the ms) or RFC3339 → epoch ms. */
export function parseTimeParam(name: string, raw: string): number {
  if (DECIMAL_FLOAT.test(raw)) return Math.round(Number(raw) * 1000);
  const rfc = RFC3339.exec(raw);
  if (rfc) {
    const [, dateTime, fraction = '', zone = 'Z'] = rfc;
    const ms = Date.parse(`${dateTime}.${fraction.padEnd(3, '0').slice(0, 3)}${zone.toUpperCase()}`);
    if (!Number.isNaN(ms)) return ms;
  }
  throw new BadParameterError(`invalid parameter "${name}": cannot parse "${raw}" to a valid timestamp`);
}

/** Seconds (fractional) or a Prometheus duration (`1m30s`) → ms, truncated as Prometheus' engine does. */
export function parseDurationParam(name: string, raw: string): number {
  if (DECIMAL_FLOAT.test(raw)) return Math.trunc(Number(raw) * 1000);
  const parts = raw === '' ? null : PROMETHEUS_DURATION.exec(raw);
  if (parts) {
    return parts.slice(1).reduce((total, amount, i) => total + Number(amount ?? 0) * (DURATION_UNITS_MS[i] ?? 0), 0);
  }
  throw new BadParameterError(`invalid parameter "${name}": cannot parse "${raw}" to a valid duration`);
}

/**
 * Query-string and form-body parameters merged as Go's `Request.Form`: body values first, so a
 * single-valued parameter is taken from the body when both carry it.
 */
export async function readRequestParams(request: Request): Promise<URLSearchParams> {
  const query = new URL(request.url).searchParams;
  const contentType = request.headers.get('content-type') ?? '';
  if (request.method !== 'POST' || !contentType.includes('application/x-www-form-urlencoded')) return query;
  const merged = new URLSearchParams(await request.text());
  for (const [key, value] of query) merged.append(key, value);
  return merged;
}
