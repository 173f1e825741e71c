// Time from navigation to every panel drawn, in Chromium, each load in a fresh browser context (no
// HTTP cache, no service worker yet), and the JS heap once drawn.
import type { Browser } from 'playwright-core';
import { panel, waitForLines } from '../e2e/appPage';
import { createHeapSampler } from './heapSampler';

export interface PanelExpectation {
  readonly title: string;
  readonly lines: number;
}

export interface PageLoadFigure {
  /** performance.now() in the page (its origin is the navigation start) when the last line appeared. */
  readonly drawnMs: number;
  readonly heapUsedBytes: number;
  /** Paths of the JS files the page and its workers requested before every panel was drawn. */
  readonly scriptPaths: readonly string[];
}

/** Where the page notes the time; only this benchmark's init script sets it. */
type BenchWindow = Window & { __benchDrawnAt?: number };

/**
 * Notes, from inside the page, the moment it first holds `total` drawn lines. A string, not a
 * function: tsx compiles functions with name helpers (`__name`) that do not exist in the page.
 */
export function drawnAtRecorder(total: number): string {
  return `(() => {
    const check = () => {
      if (window.__benchDrawnAt !== undefined) return;
      const drawn = [...document.querySelectorAll('[data-testid="series-lines"] path')].filter((p) => (p.getAttribute('d') || '') !== '');
      if (drawn.length >= ${total}) window.__benchDrawnAt = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['d'] });
  })();`;
}

export async function benchPageLoads(browser: Browser, url: string, panels: readonly PanelExpectation[], loads: number): Promise<PageLoadFigure[]> {
  const total = panels.reduce((n, p) => n + p.lines, 0);
  const figures: PageLoadFigure[] = [];
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1300 } });
    try {
      const scripts = new Set<string>();
      // Workers' requests are the context's too: the answer reader counts as first load.
      context.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (/\.m?js$/.test(path)) scripts.add(path);
      });
      const page = await context.newPage();
      await page.addInitScript({ content: drawnAtRecorder(total) });
      await page.goto(url);
      for (const p of panels) await waitForLines(panel(page, p.title), p.lines, 60_000);
      await page.waitForFunction(() => (window as BenchWindow).__benchDrawnAt !== undefined, undefined, { timeout: 10_000 });
      const drawnMs = await page.evaluate(() => (window as BenchWindow).__benchDrawnAt as number);
      const scriptPaths = [...scripts];
      const sampler = await createHeapSampler(page);
      const { heapUsedBytes } = await sampler.read();
      await sampler.detach();
      figures.push({ drawnMs, heapUsedBytes, scriptPaths });
    } finally {
      await context.close();
    }
  }
  return figures;
}
