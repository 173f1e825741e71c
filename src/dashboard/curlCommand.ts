export interface CurlInputs {
  /** The client's base URL: absolute, or a same-origin path such as "/prometheus". */
  readonly baseUrl: string;
  /** Where a same-origin path is resolved (the page's origin). */
  readonly pageOrigin: string;
  /** Configured header names; their values are never written, only shell variables standing for them. */
  readonly headerNames: readonly string[];
  readonly expr: string;
  /** Epoch ms, as the client holds them. */
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

/** POSIX single quotes: nothing inside is special, a quote is closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The shell variable that stands for a header's value: `X-Scope-OrgID` → `X_SCOPE_ORGID`. */
export function headerVariable(name: string): string {
  const upper = name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return /^[0-9]/.test(upper) ? `_${upper}` : upper;
}

const seconds = (ms: number) => String(ms / 1000);

/**
 * The range query a panel sent, as a curl command: the same endpoint, method (form POST) and
 * parameters. Header values may be credentials, so the command names each header and reads its
 * value from a shell variable (`"$X_SCOPE_ORGID"`) the user sets; the value itself is never copied.
 */
export function curlCommand(p: CurlInputs): string {
  const base = /^[a-z][a-z0-9+.-]*:\/\//i.test(p.baseUrl) ? p.baseUrl : `${p.pageOrigin}${p.baseUrl.startsWith('/') || p.baseUrl === '' ? '' : '/'}${p.baseUrl}`;
  const parts = [`curl ${shellQuote(`${base}/api/v1/query_range`)}`];
  for (const name of p.headerNames) parts.push(`-H ${shellQuote(`${name}: `)}"$${headerVariable(name)}"`);
  for (const [key, value] of [
    ['query', p.expr],
    ['start', seconds(p.start)],
    ['end', seconds(p.end)],
    ['step', seconds(p.step)],
  ] as const) {
    parts.push(`--data-urlencode ${shellQuote(`${key}=${value}`)}`);
  }
  return parts.join(' \\\n  ');
}
