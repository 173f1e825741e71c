import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { BINARIES } from './binaries';

/**
 * Debian's Chromium, headless. `--no-sandbox` because the suite runs as root, where the sandbox
 * refuses to start. `extraArgs` go on its command line (e.g. V8 flags for the soak).
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!existsSync(BINARIES.chromium)) {
    throw new Error(
      `${BINARIES.chromium} is missing. Install it with: apt-get update && apt-get install -y --no-install-recommends chromium`,
    );
  }
  return chromium.launch({ executablePath: BINARIES.chromium, headless: true, args: ['--no-sandbox', ...extraArgs] });
}
