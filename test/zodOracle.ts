// The hand-written checks that read vigil's files and links on the first load (src/schema/check.ts)
// are tested against the zod schemas they replaced: these are the comparison and the inputs only
// code, never JSON, produces.
import { expect } from 'vitest';
import { formatZodError, type ParseProblems } from '../src/schema/formatZodError';
import type { Issues } from '../src/schema/check';

interface ZodSchema {
  safeParse(input: unknown): { success: true; data: unknown } | { success: false; error: ParseProblems };
}

/** The same verdict as zod: accepted with the same output, or refused with the same problems (path, message, order) and the same text users read. */
export function expectSameVerdictAsZod(check: (input: unknown, issues: Issues) => unknown, schema: ZodSchema, input: unknown): void {
  const issues: Issues = [];
  const mine = check(input, issues);
  const zods = schema.safeParse(input);
  expect(issues.length === 0).toBe(zods.success);
  if (zods.success) {
    expect(mine).toStrictEqual(zods.data);
  } else {
    expect(issues.map(({ path, message }) => ({ path, message }))).toEqual(zods.error.issues.map(({ path, message }) => ({ path, message })));
    expect(formatZodError({ issues })).toBe(formatZodError(zods.error));
  }
}

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
