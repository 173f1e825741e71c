/**
 * Building blocks for hand-written checks of vigil's JSON files (config.json first), in place of
 * zod on the first load (issue 13): zod's engine cost ~10 KB gzipped there. Each block keeps what
 * zod/mini 4 does on JSON values exactly — a property test compares every check built on them
 * with the zod schema it replaced: the same problems, in the same order, at the same paths, with
 * the same English messages, and the same output. Quirks kept on purpose: zod runs a length check
 * even on a value of the wrong type ("[]" for a string gives two problems), counts a string's
 * length in code points, and checks an oversized array's length before (instead of) its items.
 */
import type { ShapeIssue } from '../prometheus/shapeCheck';

/** A problem; `continues` when zod goes on to an object's own refinements after it (sizes, patterns, refinements, unknown keys). */
export interface CheckIssue extends ShapeIssue {
  readonly continues?: true;
}
export type Issues = CheckIssue[];
export type Path = readonly PropertyKey[];

export function addIssue(issues: Issues, path: Path, message: string, continues = false): void {
  issues.push(continues ? { path: [...path], message, continues } : { path: [...path], message });
}

/** Whether a problem since `from` stops zod from running an object's own refinements. */
export function aborted(issues: Issues, from: number): boolean {
  for (let i = from; i < issues.length; i++) if (!issues[i]?.continues) return true;
  return false;
}

export function isObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/** What a JSON value is, as zod's English messages name it. */
function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return typeof input;
}

export function wrongType(issues: Issues, path: Path, expected: string, input: unknown): void {
  addIssue(issues, path, `Invalid input: expected ${expected}, received ${received(input)}`);
}

function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

function lengthOrigin(input: unknown): string {
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'string') return 'string';
  return 'unknown';
}

function sized(origin: string, relation: string, bound: number): string {
  if (origin === 'string') return `expected string to have ${relation}${bound} characters`;
  if (origin === 'array') return `expected array to have ${relation}${bound} items`;
  return `expected ${origin} to be ${relation}${bound}`;
}

/** Whether zod runs a length check on `input`: any value with a `length`, whatever the type asked. */
function hasLength(input: unknown): input is { length: unknown } {
  return input !== null && input !== undefined && (input as { length?: unknown }).length !== undefined;
}

/** zod's `minLength(min)`: counted in code points for strings. */
export function minLength(input: unknown, min: number, issues: Issues, path: Path): void {
  if (!hasLength(input)) return;
  const units = input.length as number;
  const length = typeof input === 'string' && units >= min && units < min * 2 ? codePointLength(input) : units;
  if (length >= min) return;
  addIssue(issues, path, `Too small: ${sized(lengthOrigin(input), '>=', min)}`, true);
}

/** zod's `maxLength(max)`: counted in code points for strings. */
export function maxLength(input: unknown, max: number, issues: Issues, path: Path, continues = true): void {
  if (!hasLength(input)) return;
  const units = input.length as number;
  const length = typeof input === 'string' && units > max ? codePointLength(input) : units;
  if (length <= max) return;
  addIssue(issues, path, `Too big: ${sized(lengthOrigin(input), '<=', max)}`, continues);
}

/** A string, or why not: zod's other string checks (trim, regex, refine) run on a string only. */
export function string(input: unknown, issues: Issues, path: Path): input is string {
  if (typeof input === 'string') return true;
  wrongType(issues, path, 'string', input);
  return false;
}

/** zod's `z.int()` with inclusive bounds. */
export function int(input: unknown, min: number, max: number, issues: Issues, path: Path): number {
  if (typeof input !== 'number' || !Number.isFinite(input)) {
    wrongType(issues, path, 'number', input);
    return input as number;
  }
  if (!Number.isInteger(input)) {
    addIssue(issues, path, 'Invalid input: expected int, received number');
    return input;
  }
  if (!Number.isSafeInteger(input)) {
    addIssue(issues, path, input > 0 ? `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}` : `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`, true);
  }
  if (!(input >= min)) addIssue(issues, path, `Too small: expected number to be >=${min}`, true);
  if (!(input <= max)) addIssue(issues, path, `Too big: expected number to be <=${max}`, true);
  return input;
}

export function boolean(input: unknown, issues: Issues, path: Path): boolean {
  if (typeof input !== 'boolean') wrongType(issues, path, 'boolean', input);
  return input as boolean;
}

/** zod's `z.enum(values)`. */
export function oneOf<const T extends string>(input: unknown, values: readonly T[], issues: Issues, path: Path): T {
  if (!values.includes(input as T)) {
    addIssue(issues, path, values.length === 1 ? `Invalid input: expected "${values[0]}"` : `Invalid option: expected one of ${values.map((v) => `"${v}"`).join('|')}`);
  }
  return input as T;
}

/**
 * An array checked item by item, then its length: what zod does for `z.array(item).check(...)`
 * whose only maximum is `max`. Longer than `max`, only that is said and no item is read; not an
 * array, its length is still checked if it has one (a string does).
 */
export function array<T>(
  input: unknown,
  item: (value: unknown, issues: Issues, path: PropertyKey[]) => T,
  lengthChecks: (value: unknown, issues: Issues, path: Path) => void,
  max: number | undefined,
  issues: Issues,
  path: PropertyKey[],
): T[] {
  if (!Array.isArray(input)) {
    wrongType(issues, path, 'array', input);
    lengthChecks(input, issues, path);
    return input as T[];
  }
  if (max !== undefined && input.length > max) {
    maxLength(input, max, issues, path, false);
    return input as T[];
  }
  const out = new Array<T>(input.length);
  for (let i = 0; i < input.length; i++) {
    path.push(i);
    out[i] = item(input[i], issues, path);
    path.pop();
  }
  lengthChecks(input, issues, path);
  return out;
}

/** The keys of a strict object it does not know, as zod says so (after the fields' problems). */
export function unknownKeys(input: Record<string, unknown>, known: readonly string[], issues: Issues, path: Path): void {
  const unknown: string[] = [];
  for (const key in input) if (!known.includes(key)) unknown.push(key);
  if (unknown.length > 0) addIssue(issues, path, `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${unknown.map((k) => `"${k}"`).join(', ')}`, true);
}

/** Runs `check` on `input[key]` with `key` appended to the path meanwhile. */
export function field<T>(input: Record<string, unknown>, key: string, check: (value: unknown, issues: Issues, path: PropertyKey[]) => T, issues: Issues, path: PropertyKey[]): T {
  path.push(key);
  try {
    return check(input[key], issues, path);
  } finally {
    path.pop();
  }
}

/**
 * zod's optional field: absent, or present as `undefined` (a caller in code, not JSON), is accepted
 * unchecked; the key is kept when present, as zod keeps it.
 */
export function optionalField<T>(
  input: Record<string, unknown>,
  key: string,
  check: (value: unknown, issues: Issues, path: PropertyKey[]) => T,
  issues: Issues,
  path: PropertyKey[],
): T | undefined {
  return input[key] === undefined ? undefined : field(input, key, check, issues, path);
}

/** A check of one value: what it reads as, its problems appended to `issues` at `path`. */
export type Check<T> = (input: unknown, issues: Issues, path: PropertyKey[]) => T;

export type FieldSpec = Check<unknown> | [Check<unknown>, 'optional'] | [Check<unknown>, 'default', () => unknown];

/**
 * zod's object: each field's check in order; `optional` ones left out when absent (kept when
 * present as undefined, as zod keeps them), `default` ones given their default when absent or
 * undefined; unknown keys refused when `strict`, dropped otherwise.
 */
export function object<T>(fields: Record<string, FieldSpec>, strict: boolean): Check<T> {
  const keys = Object.keys(fields);
  return (input, issues, path) => {
    if (!isObject(input)) {
      wrongType(issues, path, 'object', input);
      return input as T;
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const spec = fields[key] as FieldSpec;
      if (typeof spec === 'function') {
        out[key] = field(input, key, spec, issues, path);
      } else if (spec[1] === 'optional') {
        if (key in input) out[key] = optionalField(input, key, spec[0], issues, path);
      } else {
        out[key] = input[key] === undefined ? spec[2]() : field(input, key, spec[0], issues, path);
      }
    }
    if (strict) unknownKeys(input, keys, issues, path);
    return out as T;
  };
}
