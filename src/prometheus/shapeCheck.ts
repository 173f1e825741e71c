/**
 * A few hand-written shape checks for the Prometheus HTTP API's JSON, in place of zod: zod cost
 * ~9 KB gzipped in the range-answer worker, which every first load starts (issue 13). They keep
 * zod's behaviour on JSON exactly (a property test compares them with the zod schemas they
 * replaced): the same problems, in the same order, at the same paths, with the same English
 * messages ("Invalid input: expected string, received number"), and the same output (objects keep
 * only their known keys, a `__proto__` key is dropped). Not a general validator: JSON values only.
 */

export interface ShapeIssue {
  /** Where in the value, as keys and indexes from its root. */
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * Reads `input` as T, or appends why not to `issues`. `path` is where `input` sits; a check may
 * push and pop on it while it looks inside but leaves it as it found it. What a check returns
 * after adding an issue is meaningless.
 */
export type Shape<T> = (input: unknown, issues: ShapeIssue[], path: PropertyKey[]) => T;

/** A field an object may leave out. */
export type OptionalShape<T> = Shape<T | undefined> & { readonly optional: true };

export type ShapeOutput<S> = S extends Shape<infer T> ? T : never;

type Fields = Record<string, Shape<unknown>>;
type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K] extends { readonly optional: true } ? never : K }[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;
export type ObjectOutput<F extends Fields> = { [K in RequiredKeys<F>]: ShapeOutput<F[K]> } & { [K in OptionalKeys<F>]?: ShapeOutput<F[K]> };

export type ParseResult<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly issues: readonly ShapeIssue[] };

/** Runs a check from the root of a value. */
export function parseShape<T>(shape: Shape<T>, input: unknown): ParseResult<T> {
  const issues: ShapeIssue[] = [];
  const data = shape(input, issues, []);
  return issues.length === 0 ? { success: true, data } : { success: false, issues };
}

/** What a JSON value is, as the message names it: `null`, `array`, `Infinity` (JSON.parse reads 1e999 so). */
function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return typeof input;
}

export function addIssue(issues: ShapeIssue[], path: readonly PropertyKey[], message: string): void {
  issues.push({ path: [...path], message });
}

function wrongType(issues: ShapeIssue[], path: readonly PropertyKey[], expected: string, input: unknown): void {
  addIssue(issues, path, `Invalid input: expected ${expected}, received ${received(input)}`);
}

/** Checks `input[key]` with `shape`, `key` appended to the path meanwhile. */
function inside<T>(shape: Shape<T>, input: unknown, key: PropertyKey, issues: ShapeIssue[], path: PropertyKey[]): T {
  path.push(key);
  try {
    return shape(input, issues, path);
  } finally {
    path.pop();
  }
}

function isObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

export const string: Shape<string> = (input, issues, path) => {
  if (typeof input !== 'string') wrongType(issues, path, 'string', input);
  return input as string;
};

/** A finite number. */
export const number: Shape<number> = (input, issues, path) => {
  if (typeof input !== 'number' || !Number.isFinite(input)) wrongType(issues, path, 'number', input);
  return input as number;
};

export function literal<const T extends string>(expected: T): Shape<T> {
  return (input, issues, path) => {
    if (input !== expected) addIssue(issues, path, `Invalid input: expected "${expected}"`);
    return expected;
  };
}

export function optional<T>(shape: Shape<T>): OptionalShape<T> {
  return Object.assign<Shape<T | undefined>, { optional: true }>((input, issues, path) => shape(input, issues, path), { optional: true });
}

export function array<T>(element: Shape<T>): Shape<T[]> {
  return (input, issues, path) => {
    if (!Array.isArray(input)) {
      wrongType(issues, path, 'array', input);
      return [];
    }
    const out = new Array<T>(input.length);
    for (let i = 0; i < input.length; i++) out[i] = inside(element, input[i], i, issues, path);
    return out;
  };
}

/** A fixed-length array: `[unix seconds, "value"]`. Too long is a problem, and each item is still checked. */
export function tuple<A, B>(first: Shape<A>, second: Shape<B>): Shape<[A, B]> {
  return (input, issues, path) => {
    if (!Array.isArray(input)) {
      wrongType(issues, path, 'tuple', input);
      return input as [A, B];
    }
    if (input.length < 2) {
      addIssue(issues, path, 'Too small: expected array to have >=2 items');
      return input as [A, B];
    }
    if (input.length > 2) addIssue(issues, path, 'Too big: expected array to have <=2 items');
    return [inside(first, input[0], 0, issues, path), inside(second, input[1], 1, issues, path)];
  };
}

/** Keeps only the fields named (all of them with `loose`); a field absent is a problem unless optional. */
export function object<F extends Fields>(fields: F, loose = false): Shape<ObjectOutput<F>> {
  const keys = Object.keys(fields);
  const known = new Set(keys);
  return (input, issues, path) => {
    if (!isObject(input)) {
      wrongType(issues, path, 'object', input);
      return input as ObjectOutput<F>;
    }
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const field = fields[key] as Shape<unknown> & { optional?: true };
      const present = key in input;
      if (!present && field.optional) continue;
      const value = inside(field, input[key], key, issues, path);
      if (present) out[key] = value;
    }
    if (loose) {
      for (const key in input) {
        // Assigning `__proto__` would set the prototype instead of a field.
        if (!known.has(key) && key !== '__proto__') out[key] = input[key];
      }
    }
    return out as ObjectOutput<F>;
  };
}

/** Any keys, each value checked; a `__proto__` key is dropped. */
export function record<T>(value: Shape<T>): Shape<Record<string, T>> {
  return (input, issues, path) => {
    if (!isObject(input)) {
      wrongType(issues, path, 'record', input);
      return {};
    }
    const out: Record<string, T> = {};
    for (const key of Object.keys(input)) {
      if (key === '__proto__') continue;
      out[key] = inside(value, input[key], key, issues, path);
    }
    return out;
  };
}

/** One of several object shapes, chosen by the value of `key` (the answer's `resultType`). */
export function oneOfBy<K extends string, O extends Record<string, Shape<unknown>>>(key: K, options: O): Shape<ShapeOutput<O[keyof O]>> {
  const byValue = new Map<unknown, Shape<unknown>>(Object.entries(options));
  const expected = Object.keys(options)
    .map((value) => `'${value}'`)
    .join(' | ');
  return (input, issues, path) => {
    if (!isObject(input)) {
      wrongType(issues, path, 'object', input);
      return input as ShapeOutput<O[keyof O]>;
    }
    const option = byValue.get(input[key]);
    if (option) return option(input, issues, path) as ShapeOutput<O[keyof O]>;
    addIssue(issues, [...path, key], `Invalid discriminator value. Expected ${expected}`);
    return input as ShapeOutput<O[keyof O]>;
  };
}
