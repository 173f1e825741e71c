/**
 * Writes the bytes of `#z=` as deflate-raw without holding the compressor in the first load: until
 * deflate.ts has arrived (it is fetched the first time a link needs it) the bytes go into deflate's
 * "stored" blocks, uncompressed but a valid deflate-raw stream that every reader of `#z=` inflates.
 * Writing a link stays synchronous, so no view change waits on a download or is lost to one.
 */

type Compress = (bytes: Uint8Array) => Uint8Array;

let compress: Compress | undefined;
let loading: Promise<void> | undefined;

/** Fetches the compressor once; resolves when links are compressed from then on (also when the fetch failed). */
export function loadFragmentCompressor(): Promise<void> {
  loading ??= import('./deflate').then(
    (module) => {
      compress = module.deflateRaw;
    },
    () => {
      // Offline or a stale deploy: links stay stored-block encoded, and the next link tries again.
      loading = undefined;
    },
  );
  return loading;
}

export function isFragmentCompressorLoaded(): boolean {
  return compress !== undefined;
}

/** A stored block holds at most 65,535 bytes (its length is 16 bits). */
const STORED_BLOCK_BYTES = 0xffff;

/**
 * RFC 1951 §3.2.4: per block, one byte of header (BFINAL in bit 0, BTYPE 00 = stored, then padding
 * to the byte boundary), LEN and its one's complement NLEN little-endian, then the bytes as they are.
 */
export function storedDeflate(bytes: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(bytes.length / STORED_BLOCK_BYTES));
  const out = new Uint8Array(bytes.length + blocks * 5);
  let at = 0;
  for (let block = 0; block < blocks; block++) {
    const start = block * STORED_BLOCK_BYTES;
    const length = Math.min(STORED_BLOCK_BYTES, bytes.length - start);
    out[at] = block === blocks - 1 ? 1 : 0;
    out[at + 1] = length & 0xff;
    out[at + 2] = length >> 8;
    out[at + 3] = ~length & 0xff;
    out[at + 4] = (~length >> 8) & 0xff;
    out.set(bytes.subarray(start, start + length), at + 5);
    at += 5 + length;
  }
  return out;
}

/** deflate-raw of `bytes`: compressed once the compressor is loaded, stored blocks (and its fetch started) before. */
export function deflateForLink(bytes: Uint8Array): Uint8Array {
  if (compress) return compress(bytes);
  void loadFragmentCompressor();
  return storedDeflate(bytes);
}
