import { isPromClientError } from './errors';
import type { PromErrorKind } from './errors';

/** TanStack Query counts from 0, so `failureCount < MAX_RETRIES` allows this many retries. */
export const MAX_RETRIES = 3;
export const MAX_RETRY_DELAY_MS = 30_000;

/** Only failures that may pass on their own are worth another request. */
const TRANSIENT: ReadonlySet<PromErrorKind> = new Set(['unavailable', 'timeout']);

/** TanStack Query's `retry`: called as retry(failureCount, error), failureCount starting at 0. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isPromClientError(error)) return false;
  if (TRANSIENT.has(error.kind)) return true;
  return error.kind === 'http' && error.status !== undefined && error.status >= 500;
}

/**
 * Exponential backoff (1 s, 2 s, 4 s, …) with "equal jitter": half the delay fixed, half random,
 * so that panels failing together do not retry together, yet never retry at once.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_DELAY_MS, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** TanStack Query's `retryDelay`: called as retryDelay(failureCount, error). */
export function retryDelay(attempt: number): number {
  return backoffDelay(attempt);
}
