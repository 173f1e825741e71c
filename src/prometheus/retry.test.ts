import { PromClientError } from './errors';
import type { PromErrorKind } from './errors';
import { backoffDelay, MAX_RETRY_DELAY_MS, retryDelay, shouldRetry } from './retry';

const error = (kind: PromErrorKind, status?: number) =>
  new PromClientError(kind, 'x', status === undefined ? {} : { status });

describe('shouldRetry', () => {
  it.each([
    ['bad_query', 400, false],
    ['execution', 422, false],
    ['too_many_points', 400, false],
    ['unauthorized', 401, false],
    ['malformed', undefined, false],
    ['aborted', undefined, false],
    ['http', 404, false],
    ['http', 429, false],
    ['unavailable', 502, true],
    ['unavailable', undefined, true],
    ['timeout', 503, true],
    ['http', 505, true],
  ] as const)('%s (HTTP %s) on the first failure: %s', (kind, status, expected) => {
    expect(shouldRetry(0, error(kind, status))).toBe(expected);
  });

  it('retries a transient failure at most 3 times (TanStack counts failures from 0)', () => {
    const transient = error('unavailable', 503);
    expect([0, 1, 2, 3, 4].map((n) => shouldRetry(n, transient))).toEqual([true, true, true, false, false]);
  });

  it('does not retry errors that are not from the client', () => {
    expect(shouldRetry(0, new Error('boom'))).toBe(false);
    expect(shouldRetry(0, 'string')).toBe(false);
  });
});

describe('retryDelay', () => {
  it('doubles from 1 s with half of each delay random', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('is capped at 30 s however many attempts failed', () => {
    expect(backoffDelay(10, () => 1)).toBe(MAX_RETRY_DELAY_MS);
    expect(backoffDelay(1000, () => 0.999)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
    for (let attempt = 0; attempt < 40; attempt++) {
      const delay = retryDelay(attempt);
      expect(delay).toBeGreaterThan(0);
      expect(delay).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
    }
  });

  it('spreads the delays of simultaneous failures', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelay(3)));
    expect(delays.size).toBeGreaterThan(1);
  });
});
