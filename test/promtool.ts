import { execFileSync } from 'node:child_process';
import { BINARIES } from './e2e/binaries';

/** Runs Debian's promtool in `cwd` and returns its output; a failure throws with what promtool said. */
export function promtool(args: string[], cwd: string): string {
  try {
    return execFileSync(BINARIES.promtool, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`promtool ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
}
