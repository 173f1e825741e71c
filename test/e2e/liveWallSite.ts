import { toOpenMetricsWithRecentHistory } from '../../mocks';
import { startExporter, type RunningExporter } from '../../scripts/exporterServer';
import { liveScrapeConfig, waitForLiveScrapes } from '../../scripts/liveScrape';
import { freePort, registerCleanup, serveDist, startPrometheus, type RunningPrometheus, type RunningStaticServer } from './index';

/** A `now-1h` wall must be full from its first second: the last 65 minutes are backfilled. */
const RECENT_HISTORY_MS = 65 * 60_000;
/** The copied history ends this long before start-up, so that the live scrapes come after it. */
const LIVE_SCRAPE_GAP_MS = 10_000;

export interface LiveWall {
  readonly exporter: RunningExporter;
  readonly prometheus: RunningPrometheus;
  /** One served build per config, in the order given. */
  readonly sites: readonly RunningStaticServer[];
  stop(): Promise<void>;
}

/**
 * Debian's Prometheus holding the last hour (backfilled) and scraping the live exporter every
 * `scrapeInterval`, with the built app served in front of it once per config (same-origin proxy).
 */
export async function startLiveWall(options: { distDir: string; configs: readonly object[]; scrapeInterval: string }): Promise<LiveWall> {
  const exporter = await startExporter({ port: await freePort() });
  const unregisterExporter = registerCleanup({ release: exporter.stop, releaseNow: () => undefined });
  const openMetrics = toOpenMetricsWithRecentHistory(Date.now() - LIVE_SCRAPE_GAP_MS, RECENT_HISTORY_MS);
  const prometheus = await startPrometheus({ openMetrics, scrapeConfigs: [liveScrapeConfig(new URL(exporter.url).host, options.scrapeInterval)] });
  await waitForLiveScrapes(prometheus.url);
  const sites: RunningStaticServer[] = [];
  for (const config of options.configs) sites.push(await serveDist({ distDir: options.distDir, config, proxyTarget: prometheus.url }));
  return {
    exporter,
    prometheus,
    sites,
    async stop() {
      for (const site of sites) await site.stop();
      await prometheus.stop();
      unregisterExporter();
      await exporter.stop();
    },
  };
}

/** A query_range request as the page sent it (times in ms). */
export interface SentRangeQuery {
  readonly query: string;
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

/** Reads the form body the client POSTs to /api/v1/query_range. */
export function sentRangeQuery(postData: string | null): SentRangeQuery | null {
  if (postData === null) return null;
  const form = new URLSearchParams(postData);
  const query = form.get('query');
  if (query === null) return null;
  return { query, start: Number(form.get('start')) * 1000, end: Number(form.get('end')) * 1000, step: Number(form.get('step')) * 1000 };
}
