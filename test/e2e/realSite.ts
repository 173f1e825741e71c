import { resolve } from 'node:path';
import { toOpenMetrics } from '../../mocks';
import type { Browser } from 'playwright-core';
import { launchChromium, serveDist, startPrometheus, type RunningBackend, type RunningStaticServer } from './index';

export const DIST = resolve(process.cwd(), 'dist');
export const INCIDENT_DOCUMENT = 'incidents/2024-01-15-webapp-memory-leak.json';
/** The postmortem text the seed incident file is made from, for tests of postmortems listed in config.json. */
export const SEED_POSTMORTEM = 'incidents/2024-01-15-webapp-memory-leak.txt';

/** The config a deployment behind a same-origin proxy uses. */
export const PROXIED_CONFIG = {
  datasource: { url: '/prometheus' },
  timezone: 'UTC',
  dashboards: ['dashboards/incident.json'],
  incidents: [INCIDENT_DOCUMENT],
};

/** The built app served with /prometheus proxied to Debian's Prometheus holding the incident. */
export async function startProxiedPrometheusSite(): Promise<{ backend: RunningBackend; site: RunningStaticServer; stop(): Promise<void> }> {
  const backend = await startPrometheus({ openMetrics: toOpenMetrics() });
  const site = await serveDist({ distDir: DIST, config: PROXIED_CONFIG, proxyTarget: backend.url });
  return {
    backend,
    site,
    async stop() {
      await site.stop();
      await backend.stop();
    },
  };
}

/** What a browser test against the proxied real Prometheus works with, once `beforeAll` has run. */
export interface RealSiteInBrowser {
  readonly browser: Browser;
  readonly backend: RunningBackend;
  readonly site: RunningStaticServer;
}

/**
 * One Chromium and one proxied Prometheus site for the whole file, started before its tests and
 * stopped after them. Read the fields inside tests: they exist only once `beforeAll` has run.
 */
export function realSiteInBrowser(): RealSiteInBrowser {
  let started: (RealSiteInBrowser & { stop(): Promise<void> }) | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    started = { browser, ...(await startProxiedPrometheusSite()) };
  });
  afterAll(async () => {
    await started?.stop();
    await browser?.close();
  });
  const whenStarted = (): RealSiteInBrowser => {
    if (!started) throw new Error('realSiteInBrowser: used before its beforeAll ran');
    return started;
  };
  return {
    get browser() {
      return whenStarted().browser;
    },
    get backend() {
      return whenStarted().backend;
    },
    get site() {
      return whenStarted().site;
    },
  };
}
