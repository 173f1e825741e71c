import { spawnSync } from 'node:child_process';
import { INSTALL_COMMAND, missingBinaries } from './binaries';

/**
 * Vitest globalSetup for the real-backend suite. It builds nothing (the npm script builds the app
 * first); it makes sure the servers and the browser exist, installing them when it may, and never
 * lets the suite skip silently.
 */
export default function setup(): void {
  const missing = missingBinaries();
  if (missing.length === 0) return;

  if (process.getuid?.() !== 0) {
    throw new Error(`The e2e suite needs ${missing.join(', ')}. Install them with:\n  sudo ${INSTALL_COMMAND}`);
  }
  console.log(`e2e: ${missing.join(', ')} missing; running: ${INSTALL_COMMAND}`);
  const result = spawnSync('sh', ['-c', INSTALL_COMMAND], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const stillMissing = missingBinaries();
  if (result.status !== 0 || stillMissing.length > 0) {
    throw new Error(
      `Installing the e2e prerequisites failed (exit ${result.status}); still missing: ${stillMissing.join(', ') || 'none'}.\n` +
        `Run it yourself: ${INSTALL_COMMAND}`,
    );
  }
}
