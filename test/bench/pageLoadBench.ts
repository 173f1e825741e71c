// Time from navigation to every panel drawn, in Chromium, each load in a fresh browser context (no
// HTTP cache, no service worker yet), and the JS heap once drawn.
import type { Browser, Page } from 'playwright-core';
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

/**
 * Notes, from inside the page, the moment it first holds `total` drawn lines. A string, not a
 * function: tsx compiles functions with name helpers (`__name`) that do not exist in the page.
 */
export function drawnAtRecorder(total: number): string {
  return `(() => {
    let noteDrawn;
    window.__benchDrawn = new Promise((resolve) => { noteDrawn = resolve; });
    const check = () => {
      if (window.__benchDrawnAt !== undefined) return;
      const drawn = [...document.querySelectorAll('[data-testid="series-lines"] path')].filter((p) => (p.getAttribute('d') || '') !== '');
      if (drawn.length >= ${total}) {
        window.__benchDrawnAt = performance.now();
        noteDrawn(window.__benchDrawnAt);
      }
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['d'] });
  })();`;
}

/**
 * The page's `__benchDrawnAt` once every line is drawn, awaited over CDP. Not a Playwright locator
 * or waitForFunction: those install Playwright's injected script in the page (an EvaluateScript
 * task without URL of 50–200 ms on this machine) and poll it, on the main thread being measured.
 */
export async function waitForDrawnAt(page: Page, timeoutMs: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const expression = `Promise.race([window.__benchDrawn, new Promise((_, reject) => setTimeout(() => reject(new Error('not drawn within ${timeoutMs} ms')), ${timeoutMs}))])`;
    const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { exception?: { description?: string } };
    };
    if (exceptionDetails || typeof result.value !== 'number') throw new Error(exceptionDetails?.exception?.description ?? 'no drawn time');
    return result.value;
  } finally {
    await cdp.detach();
  }
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
      const drawnMs = await waitForDrawnAt(page, 60_000);
      // Each panel holds its own lines (checked once the time is taken, not while it runs).
      for (const p of panels) await waitForLines(panel(page, p.title), p.lines, 10_000);
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
