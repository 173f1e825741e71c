/**
 * deflate-raw decoding (RFC 1951) for `#z=` links, written out so that opening a link needs no
 * library in the first load (fflate cost 4.3 KB gzipped there; its compressor is now fetched only
 * when a link is written, fragmentCompressor.ts). Reading stays synchronous: a link's view is drawn
 * on the first render, never after a download. The same decoder shape as zlib's puff.c: canonical
 * Huffman codes decoded a bit at a time, which is plenty for links of at most 256 K characters.
 */

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** The order a dynamic block lists its code-length code's lengths in. */
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
const MAX_BITS = 15;

/** Not deflate-raw, or more than the caller's cap once inflated. */
class Unreadable extends Error {}

interface HuffmanCode {
  /** How many codes have each length, 0…15. */
  readonly counts: Uint16Array;
  /** The symbols ordered by code. */
  readonly symbols: Uint16Array;
}

function huffmanCode(lengths: ArrayLike<number>): HuffmanCode {
  const counts = new Uint16Array(MAX_BITS + 1);
  for (let symbol = 0; symbol < lengths.length; symbol++) counts[lengths[symbol] as number]! += 1;
  // More codes of a length than that length can tell apart is not a prefix code.
  let left = 1;
  for (let length = 1; length <= MAX_BITS; length++) {
    left = left * 2 - (counts[length] as number);
    if (left < 0) throw new Unreadable();
  }
  const offsets = new Uint16Array(MAX_BITS + 2);
  for (let length = 1; length <= MAX_BITS; length++) offsets[length + 1] = (offsets[length] as number) + (counts[length] as number);
  const symbols = new Uint16Array(lengths.length);
  for (let symbol = 0; symbol < lengths.length; symbol++) {
    const length = lengths[symbol] as number;
    if (length !== 0) symbols[offsets[length]!++] = symbol;
  }
  return { counts, symbols };
}

function fixedCodes(): { literals: HuffmanCode; distances: HuffmanCode } {
  const lengths = new Uint8Array(288);
  lengths.fill(8, 0, 144);
  lengths.fill(9, 144, 256);
  lengths.fill(7, 256, 280);
  lengths.fill(8, 280, 288);
  return { literals: huffmanCode(lengths), distances: huffmanCode(new Uint8Array(30).fill(5)) };
}

let fixed: ReturnType<typeof fixedCodes> | undefined;

class Inflater {
  private position = 0;
  private bitBuffer = 0;
  private bitCount = 0;
  private output: Uint8Array;
  private written = 0;

  constructor(
    private readonly input: Uint8Array,
    private readonly maxBytes: number,
  ) {
    this.output = new Uint8Array(Math.min(maxBytes, Math.max(1024, input.length * 4)));
  }

  run(): Uint8Array {
    let last = 0;
    while (last === 0) {
      last = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) {
        fixed ??= fixedCodes();
        this.codes(fixed.literals, fixed.distances);
      } else if (type === 2) this.dynamic();
      else throw new Unreadable();
    }
    return this.output.subarray(0, this.written);
  }

  private bits(count: number): number {
    while (this.bitCount < count) {
      if (this.position >= this.input.length) throw new Unreadable();
      this.bitBuffer |= (this.input[this.position++] as number) << this.bitCount;
      this.bitCount += 8;
    }
    const value = this.bitBuffer & ((1 << count) - 1);
    this.bitBuffer >>>= count;
    this.bitCount -= count;
    return value;
  }

  private room(bytes: number): void {
    const needed = this.written + bytes;
    if (needed <= this.output.length) return;
    if (needed > this.maxBytes) throw new Unreadable();
    const grown = new Uint8Array(Math.min(this.maxBytes, Math.max(needed, this.output.length * 2)));
    grown.set(this.output.subarray(0, this.written));
    this.output = grown;
  }

  private stored(): void {
    this.bitBuffer = 0;
    this.bitCount = 0;
    if (this.position + 4 > this.input.length) throw new Unreadable();
    const at = this.position;
    const length = (this.input[at] as number) | ((this.input[at + 1] as number) << 8);
    const complement = (this.input[at + 2] as number) | ((this.input[at + 3] as number) << 8);
    if (length !== (~complement & 0xffff)) throw new Unreadable();
    this.position += 4;
    if (this.position + length > this.input.length) throw new Unreadable();
    this.room(length);
    this.output.set(this.input.subarray(this.position, this.position + length), this.written);
    this.written += length;
    this.position += length;
  }

  private decode(code: HuffmanCode): number {
    let bits = 0;
    let first = 0;
    let index = 0;
    for (let length = 1; length <= MAX_BITS; length++) {
      bits |= this.bits(1);
      const count = code.counts[length] as number;
      if (bits - count < first) return code.symbols[index + (bits - first)] as number;
      index += count;
      first = (first + count) << 1;
      bits <<= 1;
    }
    throw new Unreadable();
  }

  private dynamic(): void {
    const literalCount = this.bits(5) + 257;
    const distanceCount = this.bits(5) + 1;
    const codeLengthCount = this.bits(4) + 4;
    if (literalCount > 286 || distanceCount > 30) throw new Unreadable();
    const codeLengths = new Uint8Array(19);
    for (let i = 0; i < codeLengthCount; i++) codeLengths[CODE_LENGTH_ORDER[i] as number] = this.bits(3);
    const codeLengthCode = huffmanCode(codeLengths);
    const lengths = new Uint8Array(literalCount + distanceCount);
    for (let i = 0; i < lengths.length; ) {
      const symbol = this.decode(codeLengthCode);
      if (symbol < 16) {
        lengths[i++] = symbol;
        continue;
      }
      let repeated = 0;
      let times: number;
      if (symbol === 16) {
        if (i === 0) throw new Unreadable();
        repeated = lengths[i - 1] as number;
        times = 3 + this.bits(2);
      } else times = symbol === 17 ? 3 + this.bits(3) : 11 + this.bits(7);
      if (i + times > lengths.length) throw new Unreadable();
      lengths.fill(repeated, i, i + times);
      i += times;
    }
    // Without an end-of-block code the block cannot end.
    if (lengths[256] === 0) throw new Unreadable();
    this.codes(huffmanCode(lengths.subarray(0, literalCount)), huffmanCode(lengths.subarray(literalCount)));
  }

  private codes(literals: HuffmanCode, distances: HuffmanCode): void {
    for (;;) {
      let symbol = this.decode(literals);
      if (symbol < 256) {
        this.room(1);
        this.output[this.written++] = symbol;
        continue;
      }
      if (symbol === 256) return;
      symbol -= 257;
      if (symbol >= 29) throw new Unreadable();
      const length = (LENGTH_BASE[symbol] as number) + this.bits(LENGTH_EXTRA[symbol] as number);
      const distanceSymbol = this.decode(distances);
      if (distanceSymbol >= 30) throw new Unreadable();
      const distance = (DISTANCE_BASE[distanceSymbol] as number) + this.bits(DISTANCE_EXTRA[distanceSymbol] as number);
      if (distance > this.written) throw new Unreadable();
      this.room(length);
      // Byte by byte: a copy may overlap what it writes (distance 1 repeats one byte).
      for (let i = 0; i < length; i++, this.written++) this.output[this.written] = this.output[this.written - distance] as number;
    }
  }
}

/** The inflated bytes, or null when `compressed` is not deflate-raw or inflates past `maxBytes`. */
export function inflateRaw(compressed: Uint8Array, maxBytes: number): Uint8Array | null {
  try {
    return new Inflater(compressed, maxBytes).run();
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
}
