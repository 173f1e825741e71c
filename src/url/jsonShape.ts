/** How much structure a JSON text may have before it is parsed. */
export interface JsonShapeLimits {
  /** Arrays and objects in all. */
  readonly containers: number;
  /** Arrays and objects inside one another. */
  readonly depth: number;
}

export type JsonShapeExcess = 'containers' | 'depth';

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

/**
 * Which limit a JSON text goes past, or null, in one pass over its characters and without
 * building anything. `JSON.parse` of a few MB of `[]` builds millions of arrays (seconds and a
 * gigabyte, from a 20 kB link), so the shape is checked first. Brackets inside strings do not
 * count; text that is not JSON is left for `JSON.parse` to refuse.
 */
export function jsonShapeExcess(text: string, limits: JsonShapeLimits): JsonShapeExcess | null {
  let containers = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === BACKSLASH) i++;
        else if (inner === QUOTE) break;
      }
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      containers++;
      depth++;
      if (depth > limits.depth) return 'depth';
      if (containers > limits.containers) return 'containers';
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth--;
    }
  }
  return null;
}
