import { constants, deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { FUZZ_RUNS } from '../../test/fuzzBudget';
import { inflateRaw } from './inflateRaw';

const CAP = 16 * 1024 * 1024;
const same = (a: Uint8Array | null, b: Uint8Array): boolean => a !== null && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);

// Link payloads are JSON text: repetitive, so every block type and long back-references occur.
const text = fc.oneof(
  fc.string({ maxLength: 3000 }),
  fc.array(fc.constantFrom('{"o":{"memory":["up"]}', 'rate(http_requests_total[5m])', 'é', '\u{1F600}', ' '), { maxLength: 400 }).map((parts) => parts.join('')),
);
const bytes = fc.oneof(text.map((t) => new TextEncoder().encode(t)), fc.uint8Array({ maxLength: 3000 }));
const zlibOptions = fc.record({
  level: fc.integer({ min: 0, max: 9 }),
  strategy: fc.constantFrom(constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FILTERED),
});

describe('inflating a link fragment', () => {
  it('reads back what zlib deflates, at every level and strategy (fixed, dynamic and stored blocks)', () => {
    fc.assert(
      fc.property(bytes, zlibOptions, (input, options) => {
        expect(same(inflateRaw(deflateRawSync(input, options), CAP), Buffer.from(input))).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('reads back what fflate deflated (links written before this decoder)', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        expect(same(inflateRaw(deflateSync(input, { level: 9 }), CAP), Buffer.from(input))).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('returns null, never throws, on damaged data, and whatever it reads from it zlib reads too', () => {
    fc.assert(
      fc.property(bytes, fc.nat(), fc.integer({ min: 0, max: 255 }), (input, at, value) => {
        const damaged = new Uint8Array(deflateRawSync(input));
        const index = at % damaged.length;
        damaged[index] = (damaged[index] as number) ^ value;
        const cut = damaged.subarray(0, damaged.length - (value % 3));
        const mine = inflateRaw(cut, CAP);
        if (mine === null) return;
        let theirs: Buffer;
        try {
          theirs = inflateRawSync(cut);
        } catch {
          // zlib refuses some codes this decoder accepts (an incomplete code that is never used).
          return;
        }
        expect(same(mine, theirs)).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('stops at the cap instead of inflating a bomb', () => {
    const bomb = deflateRawSync(new Uint8Array(2 * 1024 * 1024), { level: 9 });
    expect(inflateRaw(bomb, 1024 * 1024)).toBeNull();
    expect(inflateRaw(bomb, 2 * 1024 * 1024)?.length).toBe(2 * 1024 * 1024);
  });

  it('refuses a truncated stream and an empty one', () => {
    const whole = deflateRawSync(new TextEncoder().encode('rate(http_requests_total[5m]) '.repeat(50)));
    expect(inflateRaw(whole.subarray(0, whole.length - 1), CAP)).toBeNull();
    expect(inflateRaw(new Uint8Array(0), CAP)).toBeNull();
  });
});
