import type { Browser } from 'playwright-core';
import { drawnLines, panel, waitForLines } from './appPage';
import { launchChromium, type RunningBackend, type RunningStaticServer } from './index';
import { startProxiedPrometheusSite } from './realSite';

// The wall display: chrome hidden by the URL alone, stale data said plainly, recovery by itself.

const KIOSK = '/?kiosk&refresh=1s&from=1705309200000&to=1705325400000';

let browser: Browser;
let backend: RunningBackend;
let site: RunningStaticServer;
let stopSite: () => Promise<void>;

beforeAll(async () => {
  browser = await launchChromium();
  ({ backend, site, stop: stopSite } = await startProxiedPrometheusSite());
});

afterAll(async () => {
  await stopSite?.();
  await browser?.close();
});

it('kiosk mode hides all controls; the panels fill the screen', async () => {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.goto(site.url + KIOSK);
    for (const title of ['Memory', 'Cache size', 'Error rate']) await waitForLines(panel(page, title), title === 'Error rate' ? 4 : 3);
    for (const control of ['Time range', 'Timezone', 'Auto-refresh']) expect(await page.getByLabel(control, { exact: true }).count()).toBe(0);
    for (const button of ['Share', 'Kiosk', 'Refresh', 'Edit query', 'View']) expect(await page.getByRole('button', { name: button, exact: true }).count()).toBe(0);
    expect(await page.getByText('refresh 1s').count()).toBe(1);
    // Everything fits on one 1080p screen: no scrolling on a wall.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(1080);
  } finally {
    await page.close();
  }
});

it('marks the data stale within two refresh intervals when the server stops, keeps it, and recovers without reload', async () => {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.goto(site.url + KIOSK);
    const memory = panel(page, 'Memory');
    await waitForLines(memory, 3);
    await page.evaluate(() => ((window as unknown as { __loaded: number }).__loaded = 1));
    await backend.pause();
    const stoppedAt = Date.now();
    await page.locator('section[data-panel="memory"][data-stale="true"]').waitFor({ timeout: 10_000 });
    const staleAfter = Date.now() - stoppedAt;
    console.log(`stale marking after ${staleAfter} ms`);
    expect(staleAfter).toBeLessThan(2_500);
    expect(await drawnLines(memory).count()).toBe(3);
    expect(await memory.getByRole('alert').textContent()).toMatch(/Stale — showing data from .*Server unavailable/);
    await backend.resume();
    await page.locator('section[data-panel="memory"][data-stale="false"]').waitFor({ timeout: 45_000 });
    expect(await memory.getByRole('alert').count()).toBe(0);
    // The same page: no reload happened.
    expect(await page.evaluate(() => (window as unknown as { __loaded?: number }).__loaded)).toBe(1);
  } finally {
    await page.close();
  }
});
