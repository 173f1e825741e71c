/**
 * Runs `request` with a signal that aborts when `outer` does or when `ms` have passed, whichever
 * comes first; the timer is cleared as soon as the request settles.
 *
 * Not `AbortSignal.any([outer, AbortSignal.timeout(ms)])`: that timer (and the combined signal it
 * keeps) stays alive for the full `ms` after the answer came, so a wall refreshing three queries
 * a second would hold ~180 of them at any time.
 */
export async function withTimeout<T>(outer: AbortSignal, ms: number, request: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(outer.reason);
  if (outer.aborted) onAbort();
  else outer.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${ms / 1000} s`, 'TimeoutError')), ms);
  try {
    return await request(controller.signal);
  } finally {
    clearTimeout(timer);
    outer.removeEventListener('abort', onAbort);
  }
}
