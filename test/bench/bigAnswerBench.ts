// The longest main-thread stall while a panel draws an answer of 1,000 series (issue 11: "no frame
// longer than 200 ms while a 1,000-series answer is drawn"). The page loads with small answers
// first, so Recharts' cold start and the first render are not counted; then the Memory panel's
// query answers `seriesCount` series and a refresh asks again. Long tasks (the Long Tasks API) and
// long animation frames (LoAF, Chromium ≥ 123) are recorded from that click until the budget note
// and the drawn lines are on screen and the page is quiet again.
//
// Two ways the answer reaches the page: Playwright's route.fulfill, which hands Chromium the whole
// body at once, and a real HTTP server on a loopback port that sends it chunked, 64 KiB at a time,
// as a Prometheus behind a proxy does (the app's same-origin /prometheus proxy to it).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Route } from 'playwright-core';
import { drawnLines, panel, waitForLines } from '../e2e/appPage';
import { waitForDrawnAt } from './pageLoadBench';
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

type BenchWindow = Window & { __stalls?: { task: number; frame: number; since: number } };

/** A string, not a function: tsx's name helpers do not exist in the page. */
// From the click to the drawn lines nothing of Playwright's runs in the page: its locators' injected
// script (role and visibility queries over the whole DOM, polled while waiting) ran on the page's
// main thread inside the measured window and counted in its long frames. The click is a DOM click;
// a MutationObserver notes when the budget note and the 20 lines are there; the time is read over CDP.
export const CLICK_REFRESH_AND_ARM = `(() => {
  const memory = () => [...document.querySelectorAll('section.panel')].find((s) => s.querySelector('h2')?.textContent === 'Memory');
  const drawn = () => {
    const region = memory();
    if (!region) return false;
    const note = [...region.querySelectorAll('[role="status"]')].some((e) => (e.textContent ?? '').includes('more left out'));
    return note && region.querySelectorAll('[data-testid="series-lines"] path').length === 20;
  };
  window.__benchDrawn = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (drawn()) { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const button = [...document.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === 'Refresh');
  if (!button) throw new Error('no Refresh button');
  const clicked = performance.now();
  if (window.__stalls) window.__stalls.since = clicked;
  button.click();
  return clicked;
})()`;

// Only what ends after the click counts: a long-animation-frame entry is delivered after its frame,
// sometimes hundreds of ms later, so the page load's own tail (a frame that ended 150–260 ms before
// the click) reached an observer attached just before the click and was counted as the refresh's.
const STALL_RECORDER = `(() => {
  window.__stalls = { task: 0, frame: 0, since: Infinity };
  const watch = (type, key) => {
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.startTime + entry.duration < window.__stalls.since) continue;
          window.__stalls[key] = Math.max(window.__stalls[key], entry.duration);
        }
      }).observe({ type, buffered: false });
    } catch {}
  };
  watch('longtask', 'task');
  watch('long-animation-frame', 'frame');
})()`;

function answer(route: Route, body: string) {
  return route.fulfill({ status: 200, contentType: 'application/json', body });
}

/** The fake Prometheus API both transports answer with: small answers, then `seriesCount` to the Memory panel once `big`. */
export class BenchApi {
  big = false;
  bodyBytes = 0;
  /** The last big body, by what it answered: 200 × 11,000 points take seconds to write on a busy machine, every time. */
  private bigBody: { readonly key: string; readonly body: string } | undefined;
  /** `bigPoints`: the big answer's points per series whatever step was asked (issue 13's 200 × 11,000); the asked range's by default. */
  constructor(
    private readonly seriesCount: number,
    private readonly bigPoints?: number,
  ) {}

  answer(pathname: string, form: URLSearchParams): string {
    if (pathname.endsWith('/query_range')) {
      const start = Number(form.get('start')) * 1000;
      const end = Number(form.get('end')) * 1000;
      let step = Number(form.get('step')) * 1000;
      let points = Math.floor((end - start) / step) + 1;
      const big = this.big && form.get('query')?.startsWith(MEMORY_METRIC) === true;
      const count = big ? this.seriesCount : 3;
      if (big && this.bigPoints !== undefined) {
        points = this.bigPoints;
        step = (end - start) / Math.max(1, points - 1);
      }
      const key = `${count} ${points} ${start} ${step}`;
      const body =
        big && this.bigBody?.key === key ? this.bigBody.body : matrixResponseBody(syntheticSeries({ seriesCount: count, points, startMs: start, stepMs: step }));
      if (big) this.bigBody = { key, body };
      if (count === this.seriesCount) this.bodyBytes = body.length;
      return body;
    }
    if (pathname.endsWith('/status/buildinfo')) return JSON.stringify({ status: 'success', data: { version: '3.0.0' } });
    if (pathname.endsWith('/query')) return JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } });
    return JSON.stringify({ status: 'success', data: [] });
  }
}

const CHUNK_BYTES = 64 * 1024;

/** A loopback HTTP server answering as BenchApi, each body chunked (no Content-Length), a chunk per turn of the event loop. */
export async function startChunkedApi(api: { answer(pathname: string, form: URLSearchParams): string }): Promise<{ url: string; stop(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const form = new URLSearchParams(req.method === 'POST' ? Buffer.concat(parts).toString('utf8') : url.search);
      const body = Buffer.from(api.answer(url.pathname, form));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      let at = 0;
      const sendMore = () => {
        if (at >= body.length) {
          res.end();
          return;
        }
        const more = res.write(body.subarray(at, at + CHUNK_BYTES));
        at += CHUNK_BYTES;
        if (more) setImmediate(sendMore);
        else res.once('drain', sendMore);
      };
      sendMore();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * `pageUrl` is the app whose data source is BENCH_DATASOURCE (answered by route.fulfill) or, with
 * `chunkedApi`, the app whose data source is its proxy to that server.
 */
export async function benchBigAnswer(
  browser: Browser,
  pageUrl: string,
  seriesCount: number,
  runs: number,
  chunkedApi?: { readonly api: BenchApi },
  bigPoints?: number,
): Promise<BigAnswerFigure[]> {
  const figures: BigAnswerFigure[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1300 } });
    const api = chunkedApi?.api ?? new BenchApi(seriesCount, bigPoints);
    api.big = false;
    api.bodyBytes = 0;
    try {
      if (!chunkedApi) {
        await context.route(`**${BENCH_DATASOURCE}/api/v1/**`, async (route) => {
          const url = new URL(route.request().url());
          const form = new URLSearchParams(route.request().postData() ?? url.search);
          return answer(route, api.answer(url.pathname, form));
        });
      }
      const page = await context.newPage();
      await page.goto(pageUrl);
      const memory = panel(page, 'Memory');
      await waitForLines(memory, 3, 60_000);
      // The load's tail (frames of 100–150 ms up to 260 ms after three lines show) ends before the click.
      await page.waitForTimeout(1_000);
      await page.evaluate(STALL_RECORDER);
      api.big = true;
      const clicked = (await page.evaluate(CLICK_REFRESH_AND_ARM)) as number;
      const drawnAt = await waitForDrawnAt(page, 120_000);
      // Let trailing work (layout, paint, observers' delivery) finish and be recorded.
      await page.waitForTimeout(1_000);
      const stalls = await page.evaluate(() => (window as BenchWindow).__stalls ?? { task: 0, frame: 0 });
      figures.push({ longestTaskMs: stalls.task, longestFrameMs: stalls.frame, drawnMs: drawnAt - clicked, bodyBytes: api.bodyBytes });
      if ((await drawnLines(memory).count()) > 20) throw new Error('the series budget did not hold');
    } finally {
      await context.close();
    }
  }
  return figures;
}
