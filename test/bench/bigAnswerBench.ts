// The longest main-thread stall while a panel draws an answer of 1,000 series (issue 11: "no frame
// longer than 200 ms while a 1,000-series answer is drawn"). The page loads with small answers
// first, so Recharts' cold start and the first render are not counted; then the Memory panel's
// query answers `seriesCount` series and a refresh asks again. Long tasks (the Long Tasks API) and
// long animation frames (LoAF, Chromium ≥ 123) are recorded from that click until the budget note
// and the drawn lines are on screen and the page is quiet again.
import type { Browser, Route } from 'playwright-core';
import { drawnLines, panel, waitForLines } from '../e2e/appPage';
import { matrixResponseBody, syntheticSeries } from './syntheticSeries';

/** The data source path the bench's config names; every request to it is answered here. */
export const BENCH_DATASOURCE = '/bench-prometheus';
const MEMORY_METRIC = 'process_resident_memory_bytes';

export interface BigAnswerFigure {
  /** Longest single task on the main thread (ms). */
  readonly longestTaskMs: number;
  /** Longest animation frame (ms): what the user sees as the page stuck; 0 if the browser has no LoAF. */
  readonly longestFrameMs: number;
  /** From the click to the budget note and lines on screen (ms). */
  readonly drawnMs: number;
  readonly bodyBytes: number;
}

type BenchWindow = Window & { __stalls?: { task: number; frame: number } };

/** A string, not a function: tsx's name helpers do not exist in the page. */
const STALL_RECORDER = `(() => {
  window.__stalls = { task: 0, frame: 0 };
  const watch = (type, key) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__stalls[key] = Math.max(window.__stalls[key], entry.duration);
      }).observe({ type, buffered: false });
    } catch {}
  };
  watch('longtask', 'task');
  watch('long-animation-frame', 'frame');
})()`;

function answer(route: Route, body: string) {
  return route.fulfill({ status: 200, contentType: 'application/json', body });
}

export async function benchBigAnswer(browser: Browser, pageUrl: string, seriesCount: number, runs: number): Promise<BigAnswerFigure[]> {
  const figures: BigAnswerFigure[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1300 } });
    let big = false;
    let bodyBytes = 0;
    try {
      await context.route(`**${BENCH_DATASOURCE}/api/v1/**`, async (route) => {
        const url = new URL(route.request().url());
        const form = new URLSearchParams(route.request().postData() ?? url.search);
        if (url.pathname.endsWith('/query_range')) {
          const start = Number(form.get('start')) * 1000;
          const end = Number(form.get('end')) * 1000;
          const step = Number(form.get('step')) * 1000;
          const points = Math.floor((end - start) / step) + 1;
          const count = big && form.get('query')?.startsWith(MEMORY_METRIC) ? seriesCount : 3;
          const body = matrixResponseBody(syntheticSeries({ seriesCount: count, points, startMs: start, stepMs: step }));
          if (count === seriesCount) bodyBytes = body.length;
          return answer(route, body);
        }
        if (url.pathname.endsWith('/status/buildinfo')) return answer(route, JSON.stringify({ status: 'success', data: { version: '3.0.0' } }));
        if (url.pathname.endsWith('/query')) return answer(route, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
        return answer(route, JSON.stringify({ status: 'success', data: [] }));
      });
      const page = await context.newPage();
      await page.goto(pageUrl);
      const memory = panel(page, 'Memory');
      await waitForLines(memory, 3, 60_000);
      await page.evaluate(STALL_RECORDER);
      big = true;
      const clicked = await page.evaluate(() => performance.now());
      await page.getByRole('button', { name: 'Refresh' }).first().click();
      await memory.getByRole('status').filter({ hasText: 'more left out' }).waitFor({ timeout: 120_000 });
      await waitForLines(memory, 20, 60_000);
      const drawnAt = await page.evaluate(() => performance.now());
      // Let trailing work (layout, paint, observers' delivery) finish and be recorded.
      await page.waitForTimeout(1_000);
      const stalls = await page.evaluate(() => (window as BenchWindow).__stalls ?? { task: 0, frame: 0 });
      figures.push({ longestTaskMs: stalls.task, longestFrameMs: stalls.frame, drawnMs: drawnAt - clicked, bodyBytes });
      if ((await drawnLines(memory).count()) > 20) throw new Error('the series budget did not hold');
    } finally {
      await context.close();
    }
  }
  return figures;
}
