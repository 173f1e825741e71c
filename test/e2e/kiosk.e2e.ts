import type { Page } from 'playwright-core';
import { drawnLines, panel, waitForLines } from './appPage';
import { realSiteInBrowser } from './realSite';

// The wall display: chrome hidden by the URL alone, stale data said plainly, recovery by itself.

const KIOSK = '/?kiosk&refresh=1s&from=1705309200000&to=1705325400000';

const real = realSiteInBrowser();

it('kiosk mode hides all controls; the panels fill the screen', async () => {
  const page = await real.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.goto(real.site.url + KIOSK);
    for (const title of ['Memory', 'Cache size', 'Error rate']) await waitForLines(panel(page, title), title === 'Error rate' ? 4 : 3);
    for (const control of ['Time range', 'Timezone', 'Auto-refresh']) expect(await page.getByLabel(control, { exact: true }).count()).toBe(0);
    for (const button of ['Share', 'Kiosk', 'Refresh', 'Edit query', 'View']) expect(await page.getByRole('button', { name: button, exact: true }).count()).toBe(0);
    expect(await page.getByText('refresh 1s').count()).toBe(1);
    // Everything fits on the screen, whatever its size, and follows a resize without a reload:
    // no scrolling on a wall, every panel whole, the charts' time axes one above the other.
    for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }, { width: 1600, height: 900 }, { width: 3840, height: 2160 }]) {
      await page.setViewportSize(viewport);
      // The charts re-measure after the resize (ResizeObserver, then a render): poll until settled.
      await expect.poll(async () => layoutProblems(await wallLayout(page), viewport), { timeout: 10_000 }).toEqual([]);
    }
  } finally {
    await page.close();
  }
});

interface WallLayout {
  readonly scrollWidth: number;
  readonly scrollHeight: number;
  readonly panels: readonly { top: number; bottom: number; chartLeft: number; chartRight: number; chartHeight: number }[];
}

/** What is wrong with the wall's layout on a screen of `viewport` size; empty when nothing is. */
function layoutProblems(layout: WallLayout, viewport: { width: number; height: number }): string[] {
  const problems: string[] = [];
  if (layout.scrollWidth > viewport.width || layout.scrollHeight > viewport.height) {
    problems.push(`the page scrolls: ${layout.scrollWidth}×${layout.scrollHeight} on ${viewport.width}×${viewport.height}`);
  }
  if (layout.panels.length !== 3) problems.push(`${layout.panels.length} panels`);
  const first = layout.panels[0];
  layout.panels.forEach((p, i) => {
    if (p.top < 0 || p.bottom > viewport.height) problems.push(`panel ${i} spans ${p.top}–${p.bottom}`);
    // The chart gets most of its panel, not what a legend under it leaves.
    if (!(p.chartHeight > 0.45 * (p.bottom - p.top))) problems.push(`panel ${i}: chart ${p.chartHeight} px of ${p.bottom - p.top}`);
    if (p.chartLeft !== first?.chartLeft || p.chartRight !== first?.chartRight) problems.push(`panel ${i}: time axis ${p.chartLeft}–${p.chartRight}, not under the first`);
  });
  return problems;
}

function wallLayout(page: Page): Promise<WallLayout> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    panels: [...document.querySelectorAll('section[data-panel]')].map((section) => {
      const box = section.getBoundingClientRect();
      const chart = section.querySelector('svg.recharts-surface')?.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, chartLeft: chart?.left ?? NaN, chartRight: chart?.right ?? NaN, chartHeight: chart?.height ?? 0 };
    }),
  }));
}

it('marks the data stale within two refresh intervals when the server stops, keeps it, and recovers without reload', async () => {
  const page = await real.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.goto(real.site.url + KIOSK);
    const memory = panel(page, 'Memory');
    await waitForLines(memory, 3);
    await page.evaluate(() => ((window as unknown as { __loaded: number }).__loaded = 1));
    await real.backend.pause();
    const stoppedAt = Date.now();
    await page.locator('section[data-panel="memory"][data-stale="true"]').waitFor({ timeout: 10_000 });
    const staleAfter = Date.now() - stoppedAt;
    console.log(`stale marking after ${staleAfter} ms`);
    expect(staleAfter).toBeLessThan(2_500);
    expect(await drawnLines(memory).count()).toBe(3);
    expect(await memory.getByRole('alert').textContent()).toMatch(/Stale — showing data from .*Server unavailable/);
    await real.backend.resume();
    await page.locator('section[data-panel="memory"][data-stale="false"]').waitFor({ timeout: 45_000 });
    expect(await memory.getByRole('alert').count()).toBe(0);
    // The same page: no reload happened.
    expect(await page.evaluate(() => (window as unknown as { __loaded?: number }).__loaded)).toBe(1);
  } finally {
    await page.close();
  }
});
