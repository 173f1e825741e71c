// Side by side in Chromium: vigil's chart and panel against uPlot and ECharts on the same series
// (issue 13). Builds test/bench/render/ with Vite into a temporary folder (the app's build is
// untouched), then, for every size and run, opens one fresh page per renderer, the renderers'
// order rotating from run to run so none always goes first on a busy machine.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { makeTempDir, serveDist } from '../e2e';
import { REPO_ROOT } from './appBuild';
import { createHeapSampler } from './heapSampler';
import { median } from './stats';
import { HOVER_TRACE_CATEGORIES, hoverCosts, type HoverCost } from './hoverTrace';
import type { TraceEvent } from './traceSession';
import type { DrawFigure, RenderBenchApi } from './render/page';
import { RENDERER_NAMES, type RendererName } from './render/rendererNames';

export { RENDERER_NAMES, type RendererName };

export interface RenderFigure {
  readonly renderer: RendererName;
  readonly seriesCount: number;
  readonly firstPaintMs: number;
  readonly refreshMs: number;
  /** Pointer move's event time → settle()'s end (second frame after the last DOM change): the figure issue 13 started with. */
  readonly hoverMs: number;
  /** Which frame paints the move (1 = the frame that dispatched it), from a trace (hoverTrace.ts). */
  readonly hoverFrames: number;
  /** Main-thread busy ms from the move's input handling to the end of the frame that paints it. */
  readonly hoverWorkMs: number;
  /** Heap the drawn renderer holds after GC, beyond the data it was handed. */
  readonly heapBytes: number;
  readonly refreshDrawBatches: number;
  readonly refreshWritesPerSeries: number;
}

type BenchWindow = Window & { __renderBench: RenderBenchApi };

const HOVER_TARGET: Record<RendererName, string> = {
  uplot: '.u-over',
  echarts: '#stage canvas',
  'vigil-chart': '.hover-target',
  'vigil-panel': '.hover-target',
};
const HOVER_FRACTIONS = [0.3, 0.5, 0.7, 0.4, 0.6];

/** `minify: false` keeps function names for a CPU profile (renderProfile.ts). */
export async function buildRenderPage(options: { minify?: boolean } = {}): Promise<{ path: string; remove(): Promise<void> }> {
  const dir = makeTempDir('render-bench');
  const outDir = dir.path;
  await build({
    configFile: false,
    root: join(REPO_ROOT, 'test/bench/render'),
    base: './',
    logLevel: 'warn',
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 10_000,
      minify: options.minify ?? true,
      // Unminified (a profile): one file per package, so the profiler's URLs say whose code ran.
      rollupOptions: options.minify === false ? { output: { manualChunks: packageChunk } } : undefined,
    },
  });
  return dir;
}

function packageChunk(id: string): string | undefined {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  return match ? `pkg-${(match[1] as string).replace(/[@/]/g, '_')}` : undefined;
}

export async function hoverLatency(page: Page, renderer: RendererName): Promise<number> {
  const box = await page.locator(HOVER_TARGET[renderer]).first().boundingBox();
  if (!box) return NaN;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const times: number[] = [];
  for (const fraction of HOVER_FRACTIONS) {
    await page.evaluate(() => (window as unknown as BenchWindow).__renderBench.armHover());
    await page.mouse.move(box.x + box.width * fraction, y);
    times.push(await page.evaluate(() => (window as unknown as BenchWindow).__renderBench.hoverResult()));
  }
  return median(times);
}

/**
 * The same moves as hoverLatency, traced (after it, so its figure never pays for tracing): per move,
 * the frame that paints it and the main-thread work until then (hoverTrace.ts); medians of the moves.
 */
export async function hoverFrameCost(page: Page, renderer: RendererName): Promise<HoverCost> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await page.evaluate(() => (window as unknown as BenchWindow).__renderBench.markChanges(true));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: [...HOVER_TRACE_CATEGORIES] } });
  try {
    await hoverLatency(page, renderer);
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    await page.evaluate(() => (window as unknown as BenchWindow).__renderBench.markChanges(false));
  }
  // hoverLatency's first move (to the left edge) only places the cursor; a move that changed nothing
  // on screen (NaN) has no frame to count and is left out.
  const costs = hoverCosts(events)
    .slice(1)
    .filter((c) => Number.isFinite(c.frames));
  return { frames: median(costs.map((c) => c.frames)), mainThreadMs: median(costs.map((c) => c.mainThreadMs)) };
}

async function measureOnce(browser: Browser, url: string, renderer: RendererName, seriesCount: number, points: number): Promise<RenderFigure> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1200 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(300_000);
    await page.goto(url);
    await page.waitForFunction(() => '__renderBench' in window);
    await page.evaluate(([r, n, p]) => (window as unknown as BenchWindow).__renderBench.prepare(r, n, p), [renderer, seriesCount, points] as const);
    const heap = await createHeapSampler(page);
    const before = await heap.read();
    const first: DrawFigure = await page.evaluate(() => (window as unknown as BenchWindow).__renderBench.firstPaint());
    const drawn = await heap.read();
    await heap.detach();
    const refresh: DrawFigure = await page.evaluate(() => (window as unknown as BenchWindow).__renderBench.refresh());
    const hoverMs = await hoverLatency(page, renderer);
    const hoverCost = await hoverFrameCost(page, renderer);
    return {
      renderer,
      seriesCount,
      firstPaintMs: first.ms,
      refreshMs: refresh.ms,
      hoverMs,
      hoverFrames: hoverCost.frames,
      hoverWorkMs: hoverCost.mainThreadMs,
      heapBytes: drawn.heapUsedBytes - before.heapUsedBytes,
      refreshDrawBatches: refresh.pathDrawBatches,
      refreshWritesPerSeries: refresh.pathWritesPerSeries,
    };
  } finally {
    await context.close();
  }
}

/** Medians over `runs` of every renderer at every size; `onRow` sees each size as it completes. */
export async function benchRenderers(
  browser: Browser,
  options: { sizes: readonly number[]; points: number; runs: number; renderers?: readonly RendererName[] },
  onSize?: (figures: RenderFigure[]) => void,
): Promise<RenderFigure[]> {
  const renderers = options.renderers ?? RENDERER_NAMES;
  const built = await buildRenderPage();
  const site = await serveDist({ distDir: built.path, config: {}, contentSecurityPolicy: false });
  const all: RenderFigure[] = [];
  try {
    for (const seriesCount of options.sizes) {
      const samples = new Map<RendererName, RenderFigure[]>(renderers.map((r) => [r, []]));
      for (let run = 0; run < options.runs; run++) {
        const order = renderers.map((_, i) => renderers[(i + run + seriesCount) % renderers.length] as RendererName);
        for (const renderer of order) samples.get(renderer)?.push(await measureOnce(browser, `${site.url}/index.html`, renderer, seriesCount, options.points));
      }
      const figures = renderers.map((renderer) => medianFigure(renderer, seriesCount, samples.get(renderer) ?? []));
      onSize?.(figures);
      all.push(...figures);
    }
  } finally {
    await site.stop();
    await built.remove();
  }
  return all;
}

function medianFigure(renderer: RendererName, seriesCount: number, runs: readonly RenderFigure[]): RenderFigure {
  const m = (pick: (f: RenderFigure) => number) => median(runs.map(pick));
  return {
    renderer,
    seriesCount,
    firstPaintMs: m((f) => f.firstPaintMs),
    refreshMs: m((f) => f.refreshMs),
    hoverMs: m((f) => f.hoverMs),
    hoverFrames: m((f) => f.hoverFrames),
    hoverWorkMs: m((f) => f.hoverWorkMs),
    heapBytes: m((f) => f.heapBytes),
    refreshDrawBatches: m((f) => f.refreshDrawBatches),
    refreshWritesPerSeries: m((f) => f.refreshWritesPerSeries),
  };
}
