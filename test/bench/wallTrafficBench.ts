// Wall traffic (issue 13, part 4): a `now-1h` wall refreshed every second against Debian's
// Prometheus scraping a live exporter, once with incremental refresh off (every refresh asks the
// whole hour) and once on (only the tail). Counts the query_range bytes the page received and the
// time to the answer's first byte (the server's evaluation, plus a same-machine proxy hop).
import type { Browser, Request } from 'playwright-core';
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
  readonly medianServerMs: number;
  /** Median bytes of the answer body alone (HTTP headers are the rest). */
  readonly medianBodyBytes: number;
  /** Requests asking 10 minutes or more, per expression (first 40 characters) with their span: what is still asked whole. */
  readonly wholeRanges: readonly string[];
}

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
    await page.goto(url);
    for (const { title, lines } of PANELS) await waitForLines(panel(page, title), lines, 60_000);
    const samples: { bytes: number; bodyBytes: number; serverMs: number; spanMs: number; query: string }[] = [];
    const pending: Promise<void>[] = [];
    const onFinished = (request: Request) => {
      if (!request.url().endsWith('/api/v1/query_range')) return;
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
          });
        }),
      );
    };
    page.on('requestfinished', onFinished);
    await page.waitForTimeout(seconds * 1000);
    // No request counted after the window, and every size read before the page closes.
    page.off('requestfinished', onFinished);
    await Promise.all(pending);
    const totalBytes = samples.reduce((sum, s) => sum + s.bytes, 0);
    return {
      mode,
      requests: samples.length,
      tails: samples.filter((s) => s.spanMs < 10 * 60_000).length,
      totalBytes,
      medianBytes: median(samples.map((s) => s.bytes)),
      bytesPerRefresh: totalBytes / seconds,
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
