import type { Browser, Page } from 'playwright-core';
import { formatOpenMetrics, rawSeries, type RawSeries } from '../../mocks';
import { formatValue } from '../../src/series';
import { alignRange } from '../../src/time';
import { drawnLines, legendRows, panel, panelRange, waitForLines } from './appPage';
import { DIST, PROXIED_CONFIG } from './realSite';
import { launchChromium, serveDist, startPrometheus, type RunningBackend, type RunningStaticServer } from './index';

// Digging into the incident on a real Prometheus that holds the incident as backfilled data
// without `up` series (as federated or imported data comes): the dashboard's Instance picker
// selects by `up{job="webapp"}`, which finds nothing there.

const DAY = 86_400_000;
// The day before the incident, for "Compare to": the same shapes at a different level, so the
// earlier lines cannot be mistaken for the current ones.
const EARLIER_SCALE = 0.5;

/** The scenario without the `up` family, with each series also as it was one day earlier. */
function scenarioWithDayBefore(): string {
  const series: RawSeries[] = rawSeries()
    .filter((s) => s.labels.__name__ !== 'up')
    .map((s) => ({
      labels: s.labels,
      timestamps: [...s.timestamps.map((t) => t - DAY), ...s.timestamps],
      values: [...s.values.map((v) => v * EARLIER_SCALE), ...s.values],
    }));
  return formatOpenMetrics(series, { http_requests_total: 'counter' });
}

let browser: Browser;
let backend: RunningBackend;
let site: RunningStaticServer;

beforeAll(async () => {
  browser = await launchChromium();
  backend = await startPrometheus({ openMetrics: scenarioWithDayBefore() });
  site = await serveDist({ distDir: DIST, config: PROXIED_CONFIG, proxyTarget: backend.url });
});

afterAll(async () => {
  await site?.stop();
  await backend?.stop();
  await browser?.close();
});

async function openDashboard(query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
  await page.goto(`${site.url}/${query}`);
  await waitForLines(panel(page, 'Memory'), 3);
  return page;
}

it('picks an instance from the panels’ own series when `up` is missing, and shows only it', async () => {
  const page = await openDashboard();
  try {
    const picker = page.getByRole('group', { name: 'Instance' });
    await picker.getByRole('checkbox', { name: 'web-2' }).waitFor({ timeout: 30_000 });
    expect(await picker.getByRole('note').textContent()).toContain('up{job="webapp"} has no series in this range');
    expect(await picker.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.parentElement?.textContent))).toEqual(['All', 'web-1', 'web-2', 'web-3']);

    await picker.getByRole('checkbox', { name: 'web-2' }).click();
    const memory = panel(page, 'Memory');
    await expect.poll(() => drawnLines(memory).count(), { timeout: 30_000 }).toBe(1);
    expect((await legendRows(memory)).map((r) => r.name)).toEqual(['web-2']);
    expect((await legendRows(panel(page, 'Error rate'))).map((r) => r.name)).toEqual(['web-2', 'all instances']);
    expect(new URL(page.url()).searchParams.getAll('var-instance')).toEqual(['web-2']);
  } finally {
    await page.close();
  }
});

it('a legend click shows one series alone, Ctrl+click adds one back, a double-click zooms out — all in the link', async () => {
  const page = await openDashboard('?v=1&from=1705309200000&to=1705325400000');
  try {
    const errors = panel(page, 'Error rate');
    await waitForLines(errors, 4);
    await errors.getByRole('button', { name: 'all instances' }).click();
    await expect.poll(() => drawnLines(errors).count()).toBe(1);
    await errors.getByRole('button', { name: 'web-2' }).click({ modifiers: ['Control'] });
    await expect.poll(() => drawnLines(errors).count()).toBe(2);
    expect(new URL(page.url()).searchParams.getAll('hide').sort()).toEqual(['error-rate:web-1', 'error-rate:web-3']);

    const before = new URL(page.url()).searchParams;
    const span = Number(before.get('to') ?? NaN) - Number(before.get('from') ?? NaN);
    await errors.locator('.hover-layer > rect[fill="transparent"]').dblclick();
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).not.toBe(before.get('to'));
    const after = new URL(page.url()).searchParams;
    expect(Number(after.get('to')) - Number(after.get('from'))).toBe(2 * span);
    // The hidden series stay hidden in the wider range.
    await expect.poll(() => drawnLines(errors).count()).toBe(2);
  } finally {
    await page.close();
  }
});

it('"Compare to 1 day earlier" draws each memory line dashed beside its twin, with the values `offset 1d` gives', async () => {
  const page = await openDashboard('?v=1&from=1705309200000&to=1705325400000');
  try {
    await page.getByRole('combobox', { name: 'Compare to' }).selectOption({ label: '1 day earlier' });
    expect(new URL(page.url()).searchParams.get('compare')).toBe('1d');
    const memory = panel(page, 'Memory');
    await waitForLines(memory, 6);
    expect(await memory.locator('[data-testid="series-lines"] path[stroke-dasharray="2 3"]').count()).toBe(3);

    const { start, end, step } = await panelRange(memory);
    const asked = alignRange(start, end, step);
    const direct = await fetch(`${backend.url}/api/v1/query_range`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: 'process_resident_memory_bytes{job="webapp"} offset 1d', start: String(asked.start / 1000), end: String(asked.end / 1000), step: String(step / 1000) }),
    });
    const answer = (await direct.json()) as { data: { result: { metric: { instance: string }; values: [number, string][] }[] } };
    const rows = await legendRows(memory);
    for (const series of answer.data.result) {
      const values = series.values.map(([, v]) => Number(v));
      const row = rows.find((r) => r.name === `${series.metric.instance} (1 day earlier)`);
      expect(row).toEqual({
        name: `${series.metric.instance} (1 day earlier)`,
        last: formatValue(values[values.length - 1] ?? NaN, 'bytes'),
        max: formatValue(Math.max(...values), 'bytes'),
      });
      // Not the current line under another name.
      expect(rows.find((r) => r.name === series.metric.instance)?.max).not.toBe(row?.max);
    }
    expect(answer.data.result).toHaveLength(3);
  } finally {
    await page.close();
  }
});

it('from a focused marker, → goes to the next event and Enter zooms every panel to it ±15 minutes, redrawn from Prometheus', async () => {
  const page = await openDashboard('?v=1&from=1705309200000&to=1705325400000');
  try {
    const acknowledged = Date.UTC(2024, 0, 15, 10, 15);
    const titles = ['Memory', 'Cache size', 'Error rate'];
    const pathsBefore = await drawnLines(panel(page, 'Memory')).first().getAttribute('d');
    await panel(page, 'Memory').getByRole('button', { name: /^detected at 10:00/ }).focus();
    await page.keyboard.press('ArrowRight');
    const marker = panel(page, 'Memory').getByRole('button', { name: /^acknowledged at 10:15/ });
    expect(await marker.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(String(acknowledged - 15 * 60_000));
    expect(new URL(page.url()).searchParams.get('to')).toBe(String(acknowledged + 15 * 60_000));
    for (const title of titles) {
      const region = panel(page, title);
      await expect.poll(() => panelRange(region).then((r) => [r.start, r.end])).toEqual([acknowledged - 15 * 60_000, acknowledged + 15 * 60_000]);
      await waitForLines(region, title === 'Error rate' ? 4 : 3);
      expect(await region.getByRole('button', { name: /^acknowledged at 10:15/ }).getAttribute('aria-pressed')).toBe('true');
    }
    // Redrawn for the half hour, not the old lines squeezed: the memory line's path is another.
    await expect.poll(() => drawnLines(panel(page, 'Memory')).first().getAttribute('d')).not.toBe(pathsBefore);
  } finally {
    await page.close();
  }
});
