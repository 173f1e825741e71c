import { existsSync } from 'node:fs';

/** The Debian packages the real-backend suite needs, and where they put their binaries. */
export const BINARIES = {
  prometheus: '/usr/bin/prometheus',
  promtool: '/usr/bin/promtool',
  victoriaMetrics: '/usr/bin/victoria-metrics',
  chromium: '/usr/bin/chromium',
  nginx: '/usr/sbin/nginx',
} as const;

export const INSTALL_COMMAND =
  'apt-get update && apt-get install -y --no-install-recommends prometheus victoria-metrics chromium nginx';

export function missingBinaries(): string[] {
  return Object.values(BINARIES).filter((path) => !existsSync(path));
}

/** Throws an error naming the package and the install command when `path` is absent. */
export function requireBinary(path: string, aptPackage: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing. Install it with: apt-get update && apt-get install -y --no-install-recommends ${aptPackage}`,
    );
  }
}
