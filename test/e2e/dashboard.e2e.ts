import type { Browser, Page } from 'playwright-core';
import { toOpenMetrics, toPrometheusImportLines } from '../../mocks';
import { formatValue, type Unit } from '../../src/series';
import { alignRange } from '../../src/time';
import { axisTickPositions, drawnLines, legendRows, markerPositions, panel, panelRange, shadedWindow, waitForLines, type LegendRow } from './appPage';
import { DIST, PROXIED_CONFIG } from './realSite';
import { launchChromium, serveDist, startPrometheus, startVictoriaMetrics, type RunningBackend, type RunningStaticServer } from './index';

// vigil against the real servers its users run, in a real browser: Debian's Prometheus and
// VictoriaMetrics, both holding the incident scenario, and Debian's Chromium.

const PANELS = [
  { title: 'Memory', lines: 3, expr: 'process_resident_memory_bytes{job="webapp"}', unit: 'bytes' as Unit },
  { title: 'Cache size', lines: 3, expr: 'webapp_cache_size_bytes{job="webapp"}', unit: 'bytes' as Unit },
  { title: 'Error rate', lines: 4, expr: '', unit: 'percent' as Unit },
];
const BROKEN_QUERY = 'sum(rate(http_requests_total{job="webapp"}[5m])';
const brokenDashboard = {
  id: 'broken',
  title: 'one broken panel',
  defaultRange: { from: '1705309200000', to: '1705325400000' },
  panels: [
    { id: 'memory', title: 'Memory', unit: 'bytes', queries: [{ expr: 'process_resident_memory_bytes{job="webapp"}', legend: '{{instance}}' }] },
    { id: 'broken', title: 'Broken query', unit: 'reqps', queries: [{ expr: BROKEN_QUERY }] },
    { id: 'cache', title: 'Cache size', unit: 'bytes', queries: [{ expr: 'webapp_cache_size_bytes{job="webapp"}', legend: '{{instance}}' }] },
  ],
};

let browser: Browser;
let demoSite: RunningStaticServer;
let demoLegends: Map<string, LegendRow[]>;

async function openDashboard(url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
  await page.goto(url);
  for (const p of PANELS) await waitForLines(panel(page, p.title), p.lines);
  return page;
}

async function allLegends(page: Page): Promise<Map<string, LegendRow[]>> {
  const out = new Map<string, LegendRow[]>();
  for (const p of PANELS) out.set(p.title, await legendRows(panel(page, p.title)));
  return out;
}

/** The server's own answer to a range query, as plain numbers (parsed here, not by vigil). */
async function serverRange(baseUrl: string, expr: string, start: number, end: number, step: number) {
  const body = new URLSearchParams({ query: expr, start: String(start / 1000), end: String(end / 1000), step: String(step / 1000) });
  const response = await fetch(`${baseUrl}/api/v1/query_range`, { method: 'POST', body });
  const json = (await response.json()) as { data: { result: { metric: Record<string, string>; values: [number, string][] }[] } };
  return json.data.result.map((r) => ({ labels: r.metric, values: r.values.map(([, v]) => Number(v)) }));
}

function percent(text: string): number {
  return Number(text.replace('%', ''));
}

beforeAll(async () => {
  browser = await launchChromium();
  demoSite = await serveDist({ distDir: DIST, config: { ...PROXIED_CONFIG, datasource: { url: 'demo' } } });
  const page = await openDashboard(demoSite.url);
  demoLegends = await allLegends(page);
  await page.close();
});

afterAll(async () => {
  await demoSite?.stop();
  await browser?.close();
});

const BACKENDS: [string, () => Promise<RunningBackend>][] = [
  ['Prometheus', () => startPrometheus({ openMetrics: toOpenMetrics() })],
  ['VictoriaMetrics', () => startVictoriaMetrics({ importLines: toPrometheusImportLines() })],
];

describe.each(BACKENDS)('vigil on %s', (_name, start) => {
  let backend: RunningBackend;
  let site: RunningStaticServer;
  let brokenSite: RunningStaticServer;

  beforeAll(async () => {
    backend = await start();
    site = await serveDist({ distDir: DIST, config: PROXIED_CONFIG, proxyTarget: backend.url });
    brokenSite = await serveDist({
      distDir: DIST,
      config: { ...PROXIED_CONFIG, dashboards: ['e2e/broken.json'] },
      proxyTarget: backend.url,
      extraFiles: { '/e2e/broken.json': JSON.stringify(brokenDashboard) },
    });
  });

  afterAll(async () => {
    await brokenSite?.stop();
    await site?.stop();
    await backend?.stop();
  });

  it('draws the three panels, one line per instance, with the values the server answers', async () => {
    const page = await openDashboard(site.url);
    try {
      for (const p of PANELS) expect(await drawnLines(panel(page, p.title)).count()).toBe(p.lines);
      for (const p of PANELS.filter((q) => q.expr)) {
        const region = panel(page, p.title);
        const { start, end, step } = await panelRange(region);
        const aligned = alignRange(start, end, step);
        const answer = await serverRange(backend.url, p.expr, aligned.start, aligned.end, step);
        const expected = answer
          .map((s) => ({ name: s.labels.instance ?? '', last: formatValue(s.values.at(-1) ?? NaN, p.unit), max: formatValue(Math.max(...s.values), p.unit) }))
          .sort((a, b) => a.name.localeCompare(b.name));
        const shown = (await legendRows(region)).sort((a, b) => a.name.localeCompare(b.name));
        expect(shown).toEqual(expected);
      }
    } finally {
      await page.close();
    }
  });

  it('shows the same figures as the demo backend for the same range', async () => {
    const page = await openDashboard(site.url);
    try {
      const real = await allLegends(page);
      // Gauges are the same samples on both sides: identical after display rounding.
      expect(real.get('Memory')).toEqual(demoLegends.get('Memory'));
      expect(real.get('Cache size')).toEqual(demoLegends.get('Cache size'));
      // rate() differs in the last digits between engines (window edges, extrapolation): compare
      // with a tolerance of 0.5 percentage points.
      const realErrors = real.get('Error rate') ?? [];
      const demoErrors = demoLegends.get('Error rate') ?? [];
      expect(realErrors.map((r) => r.name)).toEqual(demoErrors.map((r) => r.name));
      realErrors.forEach((row, i) => {
        expect(Math.abs(percent(row.max) - percent(demoErrors[i]?.max ?? ''))).toBeLessThan(0.5);
        expect(Math.abs(percent(row.last) - percent(demoErrors[i]?.last ?? ''))).toBeLessThan(0.5);
      });
    } finally {
      await page.close();
    }
  });

  it('places the outage window and the seven markers at their times on every panel', async () => {
    const page = await openDashboard(site.url);
    try {
      for (const p of PANELS) {
        const region = panel(page, p.title);
        const ticks = await axisTickPositions(region);
        const markers = await markerPositions(region);
        expect(markers.map((m) => m.name.slice(0, m.name.indexOf(':', m.name.indexOf(' at ') + 7)))).toEqual([
          'detected at 10:00',
          'acknowledged at 10:15',
          'identified at 10:30',
          'escalated at 11:00',
          'identified at 11:30',
          'mitigated at 12:00',
          'resolved at 12:30',
        ]);
        // Markers sit on the axis ticks of the same wall-clock time (the axis is Recharts', the
        // markers ours: both must agree).
        for (const [label, index] of [['10:00', 0], ['10:30', 2], ['11:00', 3], ['11:30', 4], ['12:00', 5], ['12:30', 6]] as const) {
          expect(ticks[label], `tick ${label} on ${p.title}: ${JSON.stringify(ticks)}`).toBeDefined();
          expect(Math.abs((markers[index]?.x ?? NaN) - (ticks[label] ?? NaN))).toBeLessThan(1.5);
        }
        const shaded = await shadedWindow(region);
        expect(Math.abs(shaded.x1 - (ticks['10:00'] ?? NaN))).toBeLessThan(1.5);
        expect(Math.abs(shaded.x2 - (ticks['12:30'] ?? NaN))).toBeLessThan(1.5);
      }
    } finally {
      await page.close();
    }
  });

  it("shows the server's own error for an invalid query while the other panels draw", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
    try {
      await page.goto(brokenSite.url);
      const broken = panel(page, 'Broken query');
      await broken.getByRole('alert').waitFor({ timeout: 30_000 });
      // Ask the server the very same request (VictoriaMetrics quotes the step in its message).
      const { start, end, step } = await panelRange(broken);
      const aligned = alignRange(start, end, step);
      const answer = await fetch(`${backend.url}/api/v1/query_range`, {
        method: 'POST',
        body: new URLSearchParams({ query: BROKEN_QUERY, start: String(aligned.start / 1000), end: String(aligned.end / 1000), step: String(step / 1000) }),
      });
      expect(answer.ok).toBe(false);
      const serverMessage = ((await answer.json()) as { error: string }).error;
      expect(serverMessage.length).toBeGreaterThan(10);
      expect(await broken.getByRole('alert').textContent()).toContain(serverMessage);
      expect(await broken.getByRole('alert').textContent()).toContain('Bad query');
      await waitForLines(panel(page, 'Memory'), 3);
      await waitForLines(panel(page, 'Cache size'), 3);
      expect(await panel(page, 'Memory').getByRole('alert').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('marks panels unavailable with the last data kept while the server is down, and recovers by itself', async () => {
    const page = await openDashboard(site.url);
    try {
      await page.getByLabel('Auto-refresh').selectOption({ label: '1s' });
      await backend.pause();
      const memory = panel(page, 'Memory');
      await memory.getByRole('alert').filter({ hasText: 'Server unavailable' }).waitFor({ timeout: 20_000 });
      expect(await memory.getAttribute('data-stale')).toBe('true');
      expect(await drawnLines(memory).count()).toBe(3);
      expect(await memory.getByRole('alert').textContent()).toMatch(/Stale — showing data from/);
      await backend.resume();
      await memory.getByRole('alert').waitFor({ state: 'detached', timeout: 45_000 });
      expect(await memory.getAttribute('data-stale')).toBe('false');
      expect(await drawnLines(memory).count()).toBe(3);
    } finally {
      await page.close();
    }
  });
});
