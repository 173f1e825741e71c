// RFC 4648 §5 alphabet, written without padding: the fragment must survive being pasted anywhere.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

export function toBase64Url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const triple = (a << 16) | (b << 8) | c;
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) text += ALPHABET[(triple >> (18 - 6 * k)) & 63];
  }
  return text;
}

/** The bytes, or null when `text` is not unpadded base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  // A lone trailing character cannot encode a whole byte.
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let byteIndex = 0;
  for (let i = 0; i < text.length; i += 4) {
    let quad = 0;
    const chars = Math.min(4, text.length - i);
    for (let k = 0; k < 4; k++) {
      const value = k < chars ? VALUES.get(text[i + k] ?? '') : 0;
      if (value === undefined) return null;
      quad = (quad << 6) | value;
    }
    for (let k = 0; k < chars - 1; k++) bytes[byteIndex++] = (quad >> (16 - 8 * k)) & 255;
  }
  return bytes;
}
