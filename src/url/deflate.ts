/**
 * The fragment's compressor, loaded only once a link has something to compress (fragmentCompressor.ts):
 * fflate's deflate is ~3 KB gzipped that no first paint needs (issue 13).
 */
import { deflateSync } from 'fflate';

/** deflate-raw at the strongest level: links are short-lived to write and long-lived to paste. */
export function deflateRaw(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, { level: 9 });
}
