import type { Browser, Page } from 'playwright-core';
import { toOpenMetrics } from '../../mocks';
import { alertRules } from '../../scripts/alertRules';
import { startExporter, type RunningExporter } from '../../scripts/exporterServer';
import { liveScrapeConfig } from '../../scripts/liveScrape';
import { panel, waitForLines } from './appPage';
import { DIST, PROXIED_CONFIG } from './realSite';
import { launchChromium, serveDist, startPrometheus, type RunningBackend, type RunningStaticServer } from './index';

// The HighMemory rule of `npm run stack` (deploy/prometheus/vigil-alerts.rules.yml) evaluated by
// Debian's Prometheus on live scrapes of the leaking exporter: once memory has stayed above 1.5 GiB
// for 30 s the alert fires, and vigil, in Chromium, draws its band on the Memory panel and lists it
// in the header.

let browser: Browser;
let exporter: RunningExporter;
let backend: RunningBackend;
let site: RunningStaticServer;
let page: Page;

beforeAll(async () => {
  exporter = await startExporter({ port: 0 });
  // The leak started three minutes ago: web-2 is past the threshold from the first scrape on.
  exporter.simulation.startLeak();
  exporter.simulation.advance(180);
  backend = await startPrometheus({
    openMetrics: toOpenMetrics(),
    scrapeConfigs: [liveScrapeConfig(new URL(exporter.url).host, '1s')],
    ruleFiles: [alertRules()],
    evaluationInterval: '1s',
  });
  site = await serveDist({ distDir: DIST, config: PROXIED_CONFIG, proxyTarget: backend.url });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await site?.stop();
  await backend?.stop();
  await exporter?.stop();
});

it('the alert fires on live data: its band appears on the Memory panel and the header lists it', async () => {
  await page.goto(`${site.url}/?from=now-5m&to=now&refresh=5s`);
  const memory = panel(page, 'Memory');
  await waitForLines(memory, 3);

  const firing = page.getByRole('button', { name: /^\d+ alerts? firing$/ });
  await firing.waitFor({ timeout: 90_000 });
  const band = memory.getByRole('img', { name: /^Alert HighMemory firing \d\d:\d\d–now on web-2$/ });
  await band.waitFor({ timeout: 30_000 });

  await firing.click();
  const listed = await page.getByRole('list', { name: 'Alerts firing' }).getByRole('listitem').allTextContents();
  expect(listed.some((item) => item.startsWith('HighMemory on web-2 since ') && item.includes('web-2 uses more than 1.5 GiB of memory'))).toBe(true);

  // Named on focus, drawn as a thin strip along the bottom of the plot, not a full-height shade.
  await band.focus();
  expect(await memory.locator('.alert-band-label').textContent()).toMatch(/^Alert HighMemory firing \d\d:\d\d–now on web-2$/);
  const box = await band.locator('.alert-band-fill').evaluate((el) => (el as SVGGraphicsElement).getBBox().height);
  expect(box).toBe(5);
});
