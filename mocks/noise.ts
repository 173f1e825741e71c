// Deterministic noise for the demo scenario: every value is a pure function of a string key and an
// integer index, so the same scenario comes out on every machine, in every run, in any order.

/** FNV-1a over the UTF-16 code units of `key`: a stable 32-bit seed per noise channel. */
export function seedOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Uniform in [0, 1) for (seed, index); murmur3's finaliser spreads neighbouring indices apart. */
export function uniform(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index | 0, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** Uniform in [-1, 1). */
export function jitter(seed: number, index: number): number {
  return uniform(seed, index) * 2 - 1;
}

/**
 * Smooth value noise in [-1, 1]: random knots every `periodMs`, cosine-interpolated between them, so
 * the signal wanders instead of flickering from one scrape to the next.
 */
export function wander(seed: number, tMs: number, periodMs: number): number {
  const position = tMs / periodMs;
  const knot = Math.floor(position);
  const blend = (1 - Math.cos((position - knot) * Math.PI)) / 2;
  return jitter(seed, knot) * (1 - blend) + jitter(seed, knot + 1) * blend;
}
