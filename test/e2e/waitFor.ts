import type { ManagedProcess } from './managedProcess';

/**
 * Polls `check` until it returns a value other than undefined. Fails early, with the process's
 * output, if the process dies meanwhile: a crashed server should not look like a slow one.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  { timeoutMs, process, intervalMs = 100 }: { timeoutMs: number; process?: ManagedProcess; intervalMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = '';
  for (;;) {
    if (process?.hasExited()) {
      throw new Error(`${process.name} exited while waiting for ${what}. Its output:\n${process.output()}`);
    }
    try {
      const result = await check();
      if (result !== undefined) return result;
    } catch (error) {
      lastProblem = String(error);
    }
    if (Date.now() > deadline) {
      const tail = process ? `\n${process.name} output:\n${process.output()}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. ${lastProblem}${tail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves when `url` answers 200. */
export function waitForHttpOk(url: string, options: { timeoutMs: number; process?: ManagedProcess }): Promise<true> {
  return waitFor(
    `${url} to answer 200`,
    async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return response.ok ? true : undefined;
    },
    options,
  );
}
