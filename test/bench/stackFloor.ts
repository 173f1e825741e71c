// What the chosen stack alone costs a first load: test/bench/stackFloor/ is the smallest app that
// fetches a series and draws it as vigil's first paint does (React DOM, TanStack Query, Recharts'
// ComposedChart with hidden axes and its plot-area and scale hooks), built by Vite for production.
// Its gzipped JS is the floor under vigil's first load: issue 13's ≤ 200 KB minus it is what is left
// for vigil's own code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { makeTempDir } from '../e2e';
import { REPO_ROOT } from './appBuild';
import { gzipBytes } from './bundleReport';

export interface StackFloor {
  readonly files: number;
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
}

export async function measureStackFloor(): Promise<StackFloor> {
  const dir = makeTempDir('stack-floor');
  try {
    await build({
      configFile: false,
      root: join(REPO_ROOT, 'test/bench/stackFloor'),
      base: './',
      logLevel: 'warn',
      plugins: [react()],
      build: { outDir: dir.path, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
    });
    const assets = join(dir.path, 'assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    let minifiedBytes = 0;
    let gzip = 0;
    for (const file of scripts) {
      const code = readFileSync(join(assets, file));
      minifiedBytes += code.byteLength;
      gzip += gzipBytes(code);
    }
    return { files: scripts.length, minifiedBytes, gzipBytes: gzip };
  } finally {
    await dir.remove();
  }
}
