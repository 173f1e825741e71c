import { PromClientError } from './errors';

/**
 * The most a panel reads from one answer unless config.json says otherwise. Prometheus's own
 * ceiling, 11,000 points per series, is about 300 kB of JSON a series: 32 MiB holds a hundred of
 * them. A 220 MB answer once took 97 s and 2 GB before the tab could draw anything.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

function size(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb < 1) return `${Math.round(bytes / 1024)} kB`;
  return mb >= 10 ? `${Math.round(mb)} MB` : `${Number(mb.toPrecision(2))} MB`;
}

export function responseTooLarge(endpoint: string, limit: number): PromClientError {
  return new PromClientError(
    'too_large',
    `The answer from ${endpoint} is larger than ${size(limit)}, the most vigil reads (datasource.maxResponseBytes in config.json). ` +
      'Narrow the query (a label filter, topk) or the time range.',
  );
}

/** Cancelling tells the server to stop; waiting for that (some streams never confirm) gains nothing. */
function abandon(cancelled: Promise<void> | undefined): void {
  cancelled?.catch(() => undefined);
}

/**
 * The body as text, read as a stream and abandoned as soon as it passes `limit` bytes, so an
 * oversized answer costs no more memory than the limit. Counts the bytes after content decoding
 * (what the browser hands over), so a gzip bomb is stopped too.
 */
export async function readBodyWithin(response: Response, limit: number, endpoint: string): Promise<string> {
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  // Content-Length counts compressed bytes: only a plain body can be refused before reading.
  if (declared > limit && !response.headers.has('Content-Encoding')) {
    abandon(response.body?.cancel());
    throw responseTooLarge(endpoint, limit);
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      abandon(reader.cancel());
      throw responseTooLarge(endpoint, limit);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
