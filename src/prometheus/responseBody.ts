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
 * The body's bytes as they arrived, read as a stream and abandoned as soon as they pass `limit`
 * bytes, so an oversized answer costs no more memory than the limit. Counts the bytes after content
 * decoding (what the browser hands over), so a gzip bomb is stopped too. The chunks are not joined:
 * a range answer's chunks are handed (transferred, not copied) to the answer reader's worker.
 */
export async function readBodyChunksWithin(response: Response, limit: number, endpoint: string): Promise<Uint8Array[]> {
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  // Content-Length counts compressed bytes: only a plain body can be refused before reading.
  if (declared > limit && !response.headers.has('Content-Encoding')) {
    abandon(response.body?.cancel());
    throw responseTooLarge(endpoint, limit);
  }
  const chunks = await readChunksUpTo(response, limit);
  if (chunks === null) throw responseTooLarge(endpoint, limit);
  return chunks;
}

/**
 * Any body's bytes as they arrived, or null as soon as they pass `limit` (the download is then
 * cancelled): the byte cap of every body vigil reads, answers and postmortems alike.
 */
export async function readChunksUpTo(response: Response, limit: number): Promise<Uint8Array[] | null> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.byteLength > limit ? null : [bytes];
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limit) {
      abandon(reader.cancel());
      return null;
    }
    chunks.push(value);
  }
  return chunks;
}

/** UTF-8 chunks to text; a character split across two chunks is joined. */
export function decodeChunks(chunks: readonly Uint8Array[]): string {
  const decoder = new TextDecoder();
  let text = '';
  for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

/** The body as text, within `limit` bytes (readBodyChunksWithin). */
export async function readBodyWithin(response: Response, limit: number, endpoint: string): Promise<string> {
  return decodeChunks(await readBodyChunksWithin(response, limit, endpoint));
}
