// Wall traffic (issue 13, part 4): a `now-1h` wall refreshed every second against Debian's
// Prometheus scraping a live exporter, once with incremental refresh off (every refresh asks the
// whole hour) and once on (only the tail). Counts the query_range bytes the page received and the
// time to the answer's first byte (the server's evaluation, plus a same-machine proxy hop).
import type { Browser, Page, Request } from 'playwright-core';
import { panel, waitForLines } from '../e2e/appPage';
import { startLiveWall } from '../e2e/liveWallSite';
import { siteConfig } from './appBuild';
import { median } from './stats';

export interface WallTrafficFigure {
  readonly mode: 'full refetch' | 'incremental';
  readonly requests: number;
  /** Requests whose range was under 10 minutes (tails). */
  readonly tails: number;
  readonly totalBytes: number;
  readonly medianBytes: number;
  /** Bytes per auto-refresh tick: total over the seconds measured. */
  readonly bytesPerRefresh: number;
  /** Times the panels' window moved (distinct `end`s asked): a page slowed down by load moves it less often. */
  readonly windowMoves: number;
  readonly bytesPerMove: number;
  readonly medianServerMs: number;
  /** Median bytes of the answer body alone (HTTP headers are the rest). */
  readonly medianBodyBytes: number;
  /** Requests asking 10 minutes or more, per expression (first 40 characters) with their span: what is still asked whole. */
  readonly wholeRanges: readonly string[];
}

/** The dashboard's panel queries (Memory, Cache size, Error rate ×2): a round asks all of them for one window. */
const PANEL_QUERIES = 4;

const PANELS = [
  { title: 'Memory', lines: 3 },
  { title: 'Cache size', lines: 3 },
  { title: 'Error rate', lines: 4 },
];

export async function benchWallTraffic(browser: Browser, distDir: string, seconds: number): Promise<WallTrafficFigure[]> {
  const base = siteConfig(distDir, '/prometheus');
  const datasource = base.datasource as Record<string, unknown>;
  const configFor = (enabled: boolean) => ({ ...base, datasource: { ...datasource, incremental: { enabled } } });
  const wall = await startLiveWall({ distDir, configs: [configFor(false), configFor(true)], scrapeInterval: '1s' });
  try {
    const figures: WallTrafficFigure[] = [];
    for (const [i, mode] of (['full refetch', 'incremental'] as const).entries()) {
      figures.push(await measure(browser, `${wall.sites[i]?.url}/?from=now-1h&to=now&refresh=1s`, mode, seconds));
    }
    return figures;
  } finally {
    await wall.stop();
  }
}

async function measure(browser: Browser, url: string, mode: WallTrafficFigure['mode'], seconds: number): Promise<WallTrafficFigure> {
  // 1,920 px: the hour is drawn at a 5 s step, so the window moves every 5 s.
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    const steady = panelRoundsSent(page, 2);
    await page.goto(url);
    for (const { title, lines } of PANELS) await waitForLines(panel(page, title), lines, 60_000);
    // Loading asks whole windows (twice: before and after the plot's width is known); only the
    // requests sent after two whole refresh rounds are counted, in both modes.
    await steady;
    const counted = new Set<Request>();
    const onRequest = (request: Request) => {
      if (request.url().endsWith('/api/v1/query_range')) counted.add(request);
    };
    page.on('request', onRequest);
    const samples: { bytes: number; bodyBytes: number; serverMs: number; spanMs: number; query: string; end: string }[] = [];
    const pending: Promise<void>[] = [];
    const onFinished = (request: Request) => {
      if (!counted.has(request)) return;
      const form = new URLSearchParams(request.postData() ?? '');
      const spanMs = (Number(form.get('end')) - Number(form.get('start'))) * 1000;
      pending.push(
        request.sizes().then((sizes) => {
          const timing = request.timing();
          samples.push({
            bytes: sizes.responseBodySize + sizes.responseHeadersSize,
            bodyBytes: sizes.responseBodySize,
            serverMs: timing.responseStart - timing.requestStart,
            spanMs,
            query: form.get('query') ?? '',
            end: form.get('end') ?? '',
          });
        }),
      );
    };
    page.on('requestfinished', onFinished);
    await page.waitForTimeout(seconds * 1000);
    // No request counted after the window, and every size read before the page closes.
    page.off('requestfinished', onFinished);
    page.off('request', onRequest);
    await Promise.all(pending);
    const totalBytes = samples.reduce((sum, s) => sum + s.bytes, 0);
    const windowMoves = new Set(samples.filter((s) => !s.query.startsWith('ALERTS')).map((s) => s.end)).size;
    return {
      mode,
      requests: samples.length,
      tails: samples.filter((s) => s.spanMs < 10 * 60_000).length,
      totalBytes,
      medianBytes: median(samples.map((s) => s.bytes)),
      bytesPerRefresh: totalBytes / seconds,
      windowMoves,
      bytesPerMove: windowMoves > 0 ? totalBytes / windowMoves : NaN,
      medianServerMs: median(samples.map((s) => s.serverMs)),
      medianBodyBytes: median(samples.map((s) => s.bodyBytes)),
      wholeRanges: wholeRangesByQuery(samples.filter((s) => s.spanMs >= 10 * 60_000)),
    };
  } finally {
    await page.close();
  }
}

/** "expr… ×n (span min)" per expression asked whole, so a full fetch in the incremental run is explained. */
function wholeRangesByQuery(samples: readonly { query: string; spanMs: number }[]): string[] {
  const counts = new Map<string, number>();
  for (const { query, spanMs } of samples) {
    const key = `${query.length > 40 ? `${query.slice(0, 40)}…` : query} (${Math.round(spanMs / 60_000)} min)`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`);
}

/** Resolves once `rounds` windows have had every panel query sent for them (the ALERTS bands aside). */
function panelRoundsSent(page: Page, rounds: number): Promise<void> {
  return new Promise((resolve) => {
    const queriesByWindow = new Map<string, Set<string>>();
    let complete = 0;
    const onRequest = (request: Request) => {
      if (!request.url().endsWith('/api/v1/query_range')) return;
      const form = new URLSearchParams(request.postData() ?? '');
      const query = form.get('query') ?? '';
      if (query.startsWith('ALERTS')) return;
      const window = `${form.get('end')} ${form.get('step')}`;
      const queries = queriesByWindow.get(window) ?? new Set<string>();
      queries.add(query);
      queriesByWindow.set(window, queries);
      if (queries.size === PANEL_QUERIES && ++complete >= rounds) {
        page.off('request', onRequest);
        resolve();
      }
    };
    page.on('request', onRequest);
  });
}
