import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { panel, panelRange, waitForLines } from './appPage';
import { launchChromium } from './index';
import { startLiveWall, sentRangeQuery, type LiveWall, type SentRangeQuery } from './liveWallSite';
import { DIST, PROXIED_CONFIG } from './realSite';

// A `now-1h` wall refreshed every second against Debian's Prometheus scraping a live exporter:
// refreshes ask only the tail, and what the panel holds after several of them is what a full
// fetch of its window answers, point for point.

const MEMORY_QUERY = 'process_resident_memory_bytes';

let browser: Browser;
let wall: LiveWall;
let page: Page;
const sent: SentRangeQuery[] = [];

beforeAll(async () => {
  wall = await startLiveWall({ distDir: DIST, configs: [PROXIED_CONFIG], scrapeInterval: '1s' });
  browser = await launchChromium();
  // 1,920 px wide: the hour is drawn at a 5 s step, so the window moves (and a tail is asked) every 5 s.
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/v1/query_range')) return;
    const query = sentRangeQuery(request.postData());
    if (query?.query.includes(MEMORY_QUERY)) sent.push(query);
  });
});

afterAll(async () => {
  await page?.close();
  await browser?.close();
  await wall?.stop();
});

/** Per series (column name): [ISO time, value as text] for every point, from the inspector's CSV. */
function csvColumns(csv: string): Record<string, string[][]> {
  const [header = '', ...rows] = csv.trim().split('\n');
  const names = header.split(',').slice(1).map((name) => name.replace(/^"|"$/g, ''));
  const columns: Record<string, string[][]> = Object.fromEntries(names.map((name) => [name, []]));
  for (const row of rows) {
    const [time = '', ...cells] = row.split(',');
    cells.forEach((cell, i) => {
      if (cell !== '') columns[names[i] as string]?.push([time, cell]);
    });
  }
  return columns;
}

/** The window the panel asks for: its range widened to whole steps (alignRange). */
function askedWindow({ start, end, step }: { start: number; end: number; step: number }) {
  return { start: Math.floor(start / step) * step, end: Math.ceil(end / step) * step, step };
}

async function inspectorCsv(): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const path = await download.path();
  return readFile(path, 'utf8');
}

it('after several incremental refreshes, the Memory panel holds exactly what a full fetch of its window answers', async () => {
  await page.goto(`${wall.sites[0]?.url}/?from=now-1h&to=now&refresh=1s`);
  const memory = panel(page, 'Memory');
  await waitForLines(memory, 3);
  const tails = () => sent.filter((q) => q.end - q.start < 10 * 60_000);
  // Live data first: the tails replace the newest, still-changing evaluations.
  await expect.poll(() => tails().length, { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(3);
  const first = sent[0] as SentRangeQuery;
  expect(first.end - first.start).toBeGreaterThanOrEqual(60 * 60_000);
  // Then the exporter stops: Prometheus writes stale markers and the data holds still, so a full
  // fetch made later answers what one made at the last tail would have.
  await wall.exporter.stop();
  const stoppedAt = Date.now();
  await expect.poll(() => tails().filter((q) => q.end > stoppedAt + 8_000).length, { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(2);

  await memory.getByRole('button', { name: 'Inspect' }).click();
  // The window and its data read together: a refresh landing in between is read again.
  let held: { range: { start: number; end: number; step: number }; csv: string } | undefined;
  for (let attempt = 0; attempt < 5 && !held; attempt++) {
    const before = askedWindow(await panelRange(memory));
    const csv = await inspectorCsv();
    const after = askedWindow(await panelRange(memory));
    if (before.start === after.start && before.end === after.end && before.step === after.step) held = { range: after, csv };
  }
  if (!held) throw new Error('the window kept moving while the CSV was read');
  // The inspector's raw answer is the last tail as Prometheus sent it, and says so.
  const rawTitle = await memory.locator('summary', { hasText: 'Raw answer of query 1' }).textContent();
  expect(rawTitle).toMatch(/last answer: tail from \d\d:\d\d:\d\d, merged into [\d,]+ points \(3 series\)$/);
  const lastTail = tails().at(-1) as SentRangeQuery;
  expect(lastTail.start).toBeGreaterThan(held.range.start);

  const form = new URLSearchParams({ query: lastTail.query, start: String(held.range.start / 1000), end: String(held.range.end / 1000), step: String(held.range.step / 1000) });
  const answer = (await (await fetch(`${wall.prometheus.url}/api/v1/query_range`, { method: 'POST', body: form })).json()) as {
    data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
  };
  const full = Object.fromEntries(
    answer.data.result.map((series) => [series.metric.instance ?? '', series.values.map(([t, v]) => [new Date(t * 1000).toISOString(), String(Number(v))])]),
  );
  const shown = csvColumns(held.csv);
  expect(Object.keys(shown).sort()).toEqual(['web-1', 'web-2', 'web-3']);
  expect(shown).toEqual(full);
}, 180_000);
