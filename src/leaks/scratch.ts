// One growable buffer per purpose, reused across calls: estimating 50 series on every refresh
// would otherwise allocate (and collect) megabytes of short-lived arrays.
const buffers = new Map<string, Float64Array>();

export function scratch(purpose: string, length: number): Float64Array {
  const existing = buffers.get(purpose);
  if (existing && existing.length >= length) return existing;
  const grown = new Float64Array(Math.max(length, 2 * (existing?.length ?? 0), 64));
  buffers.set(purpose, grown);
  return grown;
}
