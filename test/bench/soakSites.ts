// The two sites a soak runs against: the demo build (the backend answers inside the page), and the
// build behind a real Prometheus that holds the incident and scrapes a live exporter, so that
// "now-15m".."now" has data on both.
import { toOpenMetricsWithRecentHistory } from '../../mocks';
import { startExporter } from '../../scripts/exporterServer';
import { liveScrapeConfig, waitForLiveScrapes } from '../../scripts/liveScrape';
import { freePort, registerCleanup, serveDist, startPrometheus } from '../e2e';
import { siteConfig } from './appBuild';
import type { SoakBackend } from './soakArgs';

export interface SoakSite {
  readonly backend: SoakBackend;
  readonly url: string;
  /** What serves the data, for the report. */
  readonly description: string;
  stop(): Promise<void>;
}

/** Scrapes as often as the wall refreshes would like, within the 1–5 s a real set-up uses. */
const LIVE_SCRAPE_INTERVAL = '2s';
const RECENT_HISTORY_MS = 20 * 60_000;
/** The copied history ends this long before start-up, so that the live scrapes come after it and are told apart from it. */
const LIVE_SCRAPE_GAP_MS = 30_000;

export async function startSoakSite(backend: SoakBackend, distDir: string): Promise<SoakSite> {
  if (backend === 'demo') {
    const site = await serveDist({ distDir, config: siteConfig(distDir, 'demo') });
    return { backend, url: site.url, description: 'demo backend (MSW in the page, live replay)', stop: site.stop };
  }

  const exporter = await startExporter({ port: await freePort() });
  const unregisterExporter = registerCleanup({ release: exporter.stop, releaseNow: () => undefined });
  // The wall shows now-15m: backfill the last 20 minutes too, so that the soak measures a steady
  // screen rather than one whose lines lengthen as the exporter's first minutes come in.
  const historyEnd = Date.now() - LIVE_SCRAPE_GAP_MS;
  const openMetrics = toOpenMetricsWithRecentHistory(historyEnd, RECENT_HISTORY_MS);
  const prometheus = await startPrometheus({ openMetrics, scrapeConfigs: [liveScrapeConfig(new URL(exporter.url).host, LIVE_SCRAPE_INTERVAL)] });
  await waitForLiveScrapes(prometheus.url);
  const site = await serveDist({ distDir, config: siteConfig(distDir, '/prometheus'), proxyTarget: prometheus.url });
  return {
    backend,
    url: site.url,
    description: `Prometheus ${prometheus.url} (incident and the last ${RECENT_HISTORY_MS / 60_000} min backfilled, exporter scraped every ${LIVE_SCRAPE_INTERVAL})`,
    async stop() {
      await site.stop();
      await prometheus.stop();
      unregisterExporter();
      await exporter.stop();
    },
  };
}

