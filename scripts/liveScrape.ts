// Prometheus scraping the live exporter (scripts/exporterServer.ts), shared by `npm run stack` and
// the soak benchmark.
import { SCENARIO } from '../mocks/scenario';
import { waitFor, type ScrapeConfig } from '../test/e2e';

/** Each demo instance is its own target (one `up` series per instance, like the scenario). */
export function liveScrapeConfig(exporterAddress: string, scrapeInterval: string): ScrapeConfig {
  return {
    job_name: SCENARIO.job,
    scrape_interval: scrapeInterval,
    static_configs: SCENARIO.instances.map((instance) => ({
      targets: [exporterAddress],
      labels: { instance, __metrics_path__: `/metrics/${instance}` },
    })),
  };
}

export async function waitForLiveScrapes(prometheusUrl: string): Promise<void> {
  await waitFor(
    'the first live scrapes of the exporter',
    async () => {
      // A sample younger than 10 s: a live scrape, not backfilled history still inside the lookback.
      const params = new URLSearchParams({ query: `time() - timestamp(up{job="${SCENARIO.job}"} == 1) < 10` });
      const response = await fetch(`${prometheusUrl}/api/v1/query?${params}`);
      const body = (await response.json()) as { data?: { result?: unknown[] } };
      return (body.data?.result?.length ?? 0) >= SCENARIO.instances.length ? true : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 500 },
  );
}
