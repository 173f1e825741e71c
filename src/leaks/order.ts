// Order statistics on scratch typed arrays: the estimator runs on every data change of every
// watched panel, so it selects in place (Hoare's quickselect) instead of sorting copies.

/** The k-th smallest (0-based) of a[0..n), rearranging a[0..n) in place. */
export function selectInPlace(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    // Median of three keeps sorted and reversed input (a steady leak) linear.
    const mid = (lo + hi) >>> 1;
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k] as number;
  }
  return a[k] as number;
}

/** Median of a[0..n) (mean of the two middle values when n is even); rearranges a. NaN when n = 0. */
export function medianInPlace(a: Float64Array, n: number): number {
  if (n <= 0) return NaN;
  const upper = selectInPlace(a, n, n >> 1);
  if (n % 2 === 1) return upper;
  // After selecting the upper middle, everything left of it is ≤ it: the lower middle is their max.
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if ((a[i] as number) > lower) lower = a[i] as number;
  return (lower + upper) / 2;
}

/** Scale of a sample read from its median absolute deviation; 1.4826 makes it σ for normal noise. */
export function robustSigmaInPlace(a: Float64Array, n: number): number {
  const centre = medianInPlace(a, n);
  for (let i = 0; i < n; i++) a[i] = Math.abs((a[i] as number) - centre);
  return 1.4826 * medianInPlace(a, n);
}
