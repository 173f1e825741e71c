import { inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { toBase64Url } from './base64url';
import { decodeFragment, encodeFragment } from './fragment';
import { deflateForLink, loadFragmentCompressor, storedDeflate } from './fragmentCompressor';

describe('the stored-block deflate written before the compressor has loaded', () => {
  it('is deflate-raw that zlib inflates back to the same bytes, across 64 KiB block boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom(0, 65_534, 65_535, 65_536, 131_071), (head, padding) => {
        const bytes = new Uint8Array(head.length + padding);
        bytes.set(head);
        bytes.fill(7, head.length);
        // Buffer#equals: toEqual walks 128 K elements one by one.
        expect(inflateRawSync(storedDeflate(bytes)).equals(bytes)).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('makes a link that opens with its overrides, like a compressed one', () => {
    const payload = { o: { memory: ['sum by (instance) (process_resident_memory_bytes)'] } };
    const stored = toBase64Url(storedDeflate(new TextEncoder().encode(JSON.stringify(payload))));
    expect(decodeFragment(stored)).toEqual({ overrides: payload.o, notices: [] });
  });
});

describe('the compressor, once loaded', () => {
  it('compresses links (shorter than stored blocks) that read back the same', async () => {
    await loadFragmentCompressor();
    const payload = { o: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`panel-${i}`, ['rate(http_requests_total[5m])']])) };
    const bytes = new TextEncoder().encode(JSON.stringify(payload));
    expect(deflateForLink(bytes).length).toBeLessThan(storedDeflate(bytes).length / 4);
    expect(decodeFragment(encodeFragment(payload))).toEqual({ overrides: payload.o, notices: [] });
  });
});
