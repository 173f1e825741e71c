import type { Browser, Page } from 'playwright-core';
import { drawnLines, panel, waitForLines } from './appPage';
import { launchChromium, type RunningStaticServer } from './index';
import { startProxiedPrometheusSite } from './realSite';

// Leak watch against Debian's Prometheus holding the seed incident, in Chromium: with the range
// ending at 09:30, half an hour before the 10:00 alert, the leaking instances are flagged with a
// projected crossing, in words and as dashed lines; on the baseline nothing is.

const at = (hour: number, minute = 0) => Date.UTC(2024, 0, 15, hour, minute);
const range = (from: number, to: number) => `/?from=${from}&to=${to}`;

let browser: Browser;
let site: RunningStaticServer;
let stopSite: () => Promise<void>;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  ({ site, stop: stopSite } = await startProxiedPrometheusSite());
  page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
});

afterAll(async () => {
  await page?.close();
  await stopSite?.();
  await browser?.close();
});

async function flagsOn(url: string): Promise<string[]> {
  await page.goto(site.url + url);
  const memory = panel(page, 'Memory');
  await waitForLines(memory, 3);
  const list = memory.getByRole('list', { name: 'Leak watch' });
  await list.waitFor({ timeout: 30_000 });
  return list.getByRole('listitem').allTextContents();
}

it('at 09:30 flags web-1, web-2 and web-3 with the time each reaches 1.5 GiB, and draws where', async () => {
  const flags = await flagsOn(range(at(7, 30), at(9, 30)));
  expect(flags.map((f) => f.slice(0, f.indexOf(':')))).toEqual(['web-1', 'web-2', 'web-3']);
  const memory = panel(page, 'Memory');
  const projections = await memory.locator('.leak-projection').evaluateAll((groups) =>
    groups.map((g) => ({ series: g.getAttribute('data-series') ?? '', crossing: Number(g.getAttribute('data-crossing')) })),
  );
  expect(projections).toHaveLength(3);
  for (const [i, flag] of flags.entries()) {
    const crossing = projections[i]?.crossing as number;
    expect(crossing).toBeGreaterThan(at(9, 30));
    expect(crossing).toBeLessThanOrEqual(at(11, 30));
    // The words and the line tell the same time (UTC, the config's timezone).
    const clock = new Date(crossing).toISOString().slice(11, 16);
    expect(flag).toContain(`— reaches 1.5 GiB at ≈ ${clock} (in `);
    expect(flag).toMatch(/^web-\d: leaking ≈ \+[\d.]+ MiB\/min since 08:\d\d/);
  }
  // The rule that would have caught it is one click away.
  await memory.getByText('Prometheus alerting rule for this leak').click();
  expect(await memory.getByLabel('Alerting rule (YAML)').textContent()).toContain('predict_linear(process_resident_memory_bytes{job="webapp",instance=~".*"}[30m], 7200) > 1610612736');
});

it('shows the same flags on the wall display', async () => {
  const flags = await flagsOn(`${range(at(7, 30), at(9, 30))}&kiosk`);
  expect(flags).toHaveLength(3);
  expect(await page.getByRole('button', { name: 'Copy alerting rule' }).count()).toBe(0);
});

it('flags nothing on the quiet baseline before the leak', async () => {
  await page.goto(site.url + range(at(6, 15), at(8, 15)));
  const memory = panel(page, 'Memory');
  await waitForLines(memory, 3);
  await memory.getByText('Leak watch: no series on course to reach 1.5 GiB within 2 h').waitFor();
  expect(await memory.getByRole('list', { name: 'Leak watch' }).count()).toBe(0);
  expect(await drawnLines(memory).count()).toBe(3);
});
