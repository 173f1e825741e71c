// The built app the benchmarks serve: dist/ by default, built with Vite when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const DEFAULT_DIST = join(REPO_ROOT, 'dist');

export function ensureDist(distDir: string): void {
  if (existsSync(join(distDir, 'index.html'))) return;
  console.log(`${distDir} has no build; running vite build…`);
  const vite = join(REPO_ROOT, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', resolve(distDir), '--emptyOutDir'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(join(distDir, 'index.html'))) {
    throw new Error(`vite build failed (exit ${result.status}); build the app with: npx vite build`);
  }
}

/** The build's own config.json with the data source replaced, so dashboards and incidents stay as shipped. */
export function siteConfig(distDir: string, datasourceUrl: string): Record<string, unknown> {
  const file = join(distDir, 'config.json');
  const shipped = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const datasource = typeof shipped.datasource === 'object' && shipped.datasource !== null ? shipped.datasource : {};
  return { ...shipped, datasource: { ...datasource, url: datasourceUrl }, timezone: 'UTC' };
}
