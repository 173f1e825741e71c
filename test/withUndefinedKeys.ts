/**
 * `value` (JSON) with some object keys set to `undefined`, chosen by `flips` in turn: what a caller
 * in code (a test, a component) hands a check, which JSON never does. zod accepts an optional key
 * present as `undefined` and keeps it; the hand-written checks must do the same.
 */
export function withUndefinedKeys(value: unknown, flips: readonly boolean[]): unknown {
  let turn = 0;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const next = flips.length > 0 && flips[turn++ % flips.length] ? undefined : walk(child);
      // defineProperty, not assignment: an own "__proto__" key (JSON.parse makes one) stays a key.
      Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return walk(value);
}
