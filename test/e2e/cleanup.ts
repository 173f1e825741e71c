import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Everything the harness starts is registered here so that no server or temp dir outlives the
 * run: `stop()` paths release things in order, and if the run ends early (a failed hook, Ctrl-C,
 * vitest killing the worker) the exit and signal handlers release what is left.
 */
interface CleanupEntry {
  /** Orderly release: graceful stop, then removal. */
  release(): Promise<void>;
  /** Last resort inside process 'exit', where only synchronous work runs. */
  releaseNow(): void;
}

const entries = new Set<CleanupEntry>();
let handlersInstalled = false;

export function registerCleanup(entry: CleanupEntry): () => void {
  installHandlers();
  entries.add(entry);
  return () => entries.delete(entry);
}

/** Releases everything still registered, newest first (processes before their data dirs). */
export async function releaseAll(): Promise<void> {
  for (const entry of [...entries].reverse()) {
    try {
      await entry.release();
    } catch (error) {
      console.error('cleanup failed:', error);
    }
    // Removed only once released, so an exit midway still lets the exit handler finish the rest.
    entries.delete(entry);
  }
}

/** A fresh directory under the OS temp dir, removed at stop or at exit, whichever comes first. */
export function makeTempDir(prefix: string): { path: string; remove(): Promise<void> } {
  const path = mkdtempSync(join(tmpdir(), `vigil-${prefix}-`));
  const unregister = registerCleanup({
    release: () => rm(path, { recursive: true, force: true }),
    releaseNow: () => rmSync(path, { recursive: true, force: true }),
  });
  return {
    path,
    async remove() {
      unregister();
      await rm(path, { recursive: true, force: true });
    },
  };
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const entry of [...entries].reverse()) {
      try {
        entry.releaseNow();
      } catch {
        // Best effort: the process is ending and cannot report anything useful.
      }
    }
    entries.clear();
  });
  let releasing = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // `on`, not `once`: Ctrl-C reaches us twice under tsx (from the terminal and relayed by its
    // parent), and a second signal must not cut the orderly release short.
    process.on(signal, () => {
      if (releasing) return;
      releasing = true;
      void releaseAll().finally(() => process.exit(128 + (constants.signals[signal] ?? 0)));
    });
  }
}
