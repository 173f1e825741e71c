import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { toOpenMetrics } from '../../mocks';
import { drawnLines, panel, waitForLines } from './appPage';
import { DIST, PROXIED_CONFIG } from './realSite';
import { launchChromium, makeTempDir, startNginxSite, startPrometheus, startRecordingProxy, type RecordingProxy, type RunningBackend, type RunningNginx } from './index';

// The deployment the README recommends, run for real: the built app served by Debian's nginx
// through deploy/nginx.conf, /prometheus/ proxied to a gateway that serves the API under a path
// prefix (a recording proxy in front of Debian's Prometheus holding the incident), with the
// tenant header set by nginx, and the page held to the Content-Security-Policy nginx sends.

/**
 * The policy the app must run under: no inline script, no eval, nothing fetched from elsewhere.
 * Inline styles are allowed: the PromQL editor (CodeMirror) writes its theme into <style> elements.
 */
const POLICY =
  "default-src 'self'; script-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
const TENANT = 'team-e2e';
const GATEWAY_PREFIX = '/prometheus';
const PANELS = [
  { title: 'Memory', lines: 3 },
  { title: 'Cache size', lines: 3 },
  { title: 'Error rate', lines: 4 },
];
const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

let backend: RunningBackend;
let gateway: RecordingProxy;
let site: RunningNginx;
let browser: Browser;

beforeAll(async () => {
  [backend, browser] = await Promise.all([startPrometheus({ openMetrics: toOpenMetrics() }), launchChromium()]);
  gateway = await startRecordingProxy({ target: backend.url, pathPrefix: GATEWAY_PREFIX });
  site = await startNginxSite({ distDir: DIST, config: PROXIED_CONFIG, upstream: gateway.url, tenant: TENANT });
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await gateway?.stop();
  await backend?.stop();
});

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

/** A page that records every CSP violation event, and every console line in which Chromium reports one. */
async function watchedPage(): Promise<{ page: Page; violations: () => Promise<Violation[]>; consoleReports: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
  await page.addInitScript(() => {
    const seen: Violation[] = [];
    (window as unknown as { __cspViolations: Violation[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample }),
    );
  });
  const consoleReports: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) consoleReports.push(message.text());
  });
  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations);
  return { page, violations, consoleReports };
}

async function drawsEveryPanel(page: Page): Promise<void> {
  for (const p of PANELS) await waitForLines(panel(page, p.title), p.lines);
  for (const p of PANELS) expect(await drawnLines(panel(page, p.title)).count()).toBe(p.lines);
}

/** Points at the middle of a chart, where the tooltip (positioned by inline style) opens. */
async function hoverChart(page: Page, title: string): Promise<void> {
  const box = await panel(page, title).locator('svg.recharts-surface').first().boundingBox();
  if (!box) throw new Error(`the ${title} chart has no box`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await panel(page, title).getByRole('tooltip').waitFor();
}

/** The inspector's CSV export, which hands the browser a blob: URL to download. */
async function downloadCsv(page: Page, title: string): Promise<void> {
  await panel(page, title).getByRole('button', { name: 'Inspect' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe(`${title}.csv`);
  expect(await download.failure()).toBeNull();
}

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET as a browser sends it, answered as it came over the wire (Node's fetch would inflate gzip). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(`${site.url}${path}`, { headers: { 'Accept-Encoding': 'gzip', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function inflated(answer: RawAnswer): string {
  return (answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body).toString('utf8');
}

test('the dashboard draws through nginx under its CSP, with no violation, and the tenant header reaches the server', async () => {
  const { page, violations, consoleReports } = await watchedPage();
  try {
    const answer = await page.goto(`${site.url}/`);
    expect(await answer?.headerValue('content-security-policy')).toBe(POLICY);
    await drawsEveryPanel(page);
    await hoverChart(page, 'Memory');
    await downloadCsv(page, 'Memory');
    expect(await violations()).toEqual([]);
    expect(consoleReports).toEqual([]);

    // config.json is preloaded by index.html while the scripts download, and the app's fetch takes
    // that answer: one request, started before the main script had even arrived.
    const { configStarts, mainScriptEnd } = await page.evaluate(() => {
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const main = document.querySelector<HTMLScriptElement>('script[type="module"][src]');
      return {
        configStarts: resources.filter((e) => new URL(e.name).pathname === '/config.json').map((e) => e.startTime),
        mainScriptEnd: resources.find((e) => e.name === main?.src)?.responseEnd,
      };
    });
    expect(configStarts).toHaveLength(1);
    expect(configStarts[0]).toBeLessThan(mainScriptEnd as number);

    const apiCalls = gateway.requests.filter((r) => r.url.startsWith(`${GATEWAY_PREFIX}/api/v1/`));
    expect(apiCalls.map((r) => r.url)).toContainEqual(expect.stringMatching(/^\/prometheus\/api\/v1\/query_range\b/));
    expect(new Set(apiCalls.map((r) => r.headers['x-scope-orgid']))).toEqual(new Set([TENANT]));

    // The recorder itself: a blocked load is seen, so the empty lists above mean something.
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.src = 'http://elsewhere.invalid/pixel.png';
      document.body.append(image);
    });
    await expect.poll(violations).toContainEqual(expect.objectContaining({ directive: 'img-src', blocked: 'http://elsewhere.invalid/pixel.png' }));
  } finally {
    await page.close();
  }
});

test('the demo backend needs nothing more from the policy', async () => {
  await site.writeConfig({ ...PROXIED_CONFIG, datasource: { url: 'demo' } });
  const { page, violations, consoleReports } = await watchedPage();
  const requestsBefore = gateway.requests.length;
  try {
    await page.goto(`${site.url}/`);
    await drawsEveryPanel(page);
    expect(await violations()).toEqual([]);
    expect(consoleReports).toEqual([]);
    // The demo answers inside the page: nothing went to the server.
    expect(gateway.requests.length).toBe(requestsBefore);
  } finally {
    await page.close();
    await site.writeConfig(PROXIED_CONFIG);
  }
});

test('hashed assets are cached for a year; index.html and config.json are revalidated; text is gzipped', async () => {
  const assets = readdirSync(join(DIST, 'assets'));
  const script = assets.find((name) => name.endsWith('.js'));
  expect(script).toBeDefined();

  const asset = await rawGet(`/assets/${script}`);
  expect(asset.status).toBe(200);
  expect(asset.headers['cache-control']).toBe(YEAR_IMMUTABLE);
  expect(asset.headers['content-type']).toMatch(/javascript/);
  expect(asset.headers['content-encoding']).toBe('gzip');
  expect(asset.headers.vary).toMatch(/Accept-Encoding/i);
  expect(inflated(asset)).toBe(readFileSync(join(DIST, 'assets', script as string), 'utf8'));
  expect(asset.body.length).toBeLessThan(readFileSync(join(DIST, 'assets', script as string)).length / 2);

  for (const path of ['/', '/index.html', '/d/incident?from=now-6h']) {
    const index = await rawGet(path);
    expect(index.status, path).toBe(200);
    expect(index.headers['cache-control'], path).toBe('no-cache');
    expect(index.headers['content-security-policy'], path).toBe(POLICY);
    expect(inflated(index), path).toBe(readFileSync(join(DIST, 'index.html'), 'utf8'));
  }

  const config = await rawGet('/config.json');
  expect(config.headers['cache-control']).toBe('no-cache');
  expect(config.headers['content-type']).toMatch(/application\/json/);
  expect(JSON.parse(inflated(config))).toEqual(PROXIED_CONFIG);
  // Revalidation is cheap: an unchanged file is a 304 without a body.
  const etag = config.headers.etag as string;
  expect((await rawGet('/config.json', { 'If-None-Match': etag })).status).toBe(304);

  // A stale page asking for an asset of an older build gets a 404, not index.html cached for a year.
  const missing = await rawGet('/assets/index-0ld8uild.js');
  expect(missing.status).toBe(404);
  expect(missing.headers['cache-control']).toBeUndefined();
  expect(missing.headers['content-security-policy']).toBe(POLICY);
});

test('nginx sets the tenant itself: a value sent by the browser never reaches the server', async () => {
  const before = gateway.requests.length;
  const response = await fetch(`${site.url}/prometheus/api/v1/query?query=up`, { headers: { 'X-Scope-OrgID': 'someone-else' } });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'success' });
  const arrived = gateway.requests.slice(before);
  expect(arrived).toHaveLength(1);
  expect(arrived[0]?.url).toBe('/prometheus/api/v1/query?query=up');
  expect(arrived[0]?.headers['x-scope-orgid']).toBe(TENANT);
});

/** A postmortem of `chars` characters: a short incident, then an HTML appendix (the costliest text to read). */
function largePostmortem(title: string, chars: number): Buffer {
  const head = [
    `<h1>Incident report: ${title}</h1>`,
    '<p>Duration of outage: 09:10 to 10:40 on 2024-01-15 (UTC).</p>',
    '<p>Impact: invoices were delayed for an hour and a half.</p>',
    '<h2>Timeline</h2>',
    '<p>09:10: Queue depth alert fired for the billing queue.</p>',
    '<p>09:30: On-call engineer paged the billing team.</p>',
    '<p>10:40: Backlog drained; fully resolved.</p>',
    '<h2>Appendix: consumer notes</h2>',
    '',
  ].join('\n');
  const filler = '<p>The consumer <b>pool</b> stayed at its floor &amp; the lag <i>grew</i> each minute.</p>\n';
  return Buffer.from(head + filler.repeat(Math.floor((chars - head.length) / filler.length)), 'utf8');
}

interface ReadWatch {
  /** Main-thread tasks over 50 ms that started after the watch began: [start, duration] in ms. */
  longTasks: [number, number][];
  /** When each worker's message reached the page. */
  workerAnswers: number[];
  startedAt: number;
}

/**
 * Watches the main thread from now on: its long tasks, and when a worker answers (Worker is wrapped
 * so the page's own listener is left alone). The task that takes the answer also draws the incident.
 */
async function watchRead(page: Page): Promise<() => Promise<ReadWatch>> {
  await page.evaluate(() => {
    const watch: ReadWatch = { longTasks: [], workerAnswers: [], startedAt: performance.now() };
    (window as unknown as { __readWatch: ReadWatch }).__readWatch = watch;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.startTime >= watch.startedAt) watch.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask' });
    const NativeWorker = window.Worker;
    window.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        this.addEventListener('message', () => watch.workerAnswers.push(performance.now()));
      }
    };
  });
  return () => page.evaluate(() => (window as unknown as { __readWatch: ReadWatch }).__readWatch);
}

test('a large postmortem file is read off the main thread under the CSP; one over the limit is refused at once', async () => {
  // Files on disk, as a user picks them: a buffer would be decoded by script in the page itself.
  const files = makeTempDir('postmortems');
  const title = 'Queue backlog in the billing service';
  const large = join(files.path, 'billing.html');
  const tooLarge = join(files.path, 'export.html');
  writeFileSync(large, largePostmortem(title, 990_000));
  writeFileSync(tooLarge, Buffer.alloc(20_000_000, 'a'));
  const { page, violations, consoleReports } = await watchedPage();
  try {
    await page.goto(`${site.url}/`);
    await drawsEveryPanel(page);
    await page.getByRole('button', { name: 'Import postmortem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a postmortem' });
    const fileInput = dialog.getByLabel('Open a postmortem file');

    const watched = await watchRead(page);
    await fileInput.setInputFiles(large);
    // What was read is reviewed first; only "Show on charts" overlays it.
    await dialog.getByRole('button', { name: 'Show on charts' }).click({ timeout: 30_000 });
    const strip = page.getByRole('region', { name: `Incident: ${title}` });
    await strip.waitFor({ timeout: 30_000 });
    expect(await strip.getByRole('list', { name: 'Timeline' }).getByRole('listitem').count()).toBe(3);
    // A worker read it, and the page kept answering meanwhile: no task on the main thread held it
    // for 200 ms between the pick and the worker's answer.
    const { longTasks, workerAnswers, startedAt } = await watched();
    expect(workerAnswers).toHaveLength(1);
    const answeredAt = workerAnswers[0] as number;
    const whileReading = longTasks.filter(([start]) => start < answeredAt).map(([, duration]) => Math.round(duration));
    const drawing = longTasks.filter(([start]) => start >= answeredAt).map(([, duration]) => Math.round(duration));
    console.log(`pick to answer ${Math.round(answeredAt - startedAt)} ms; long tasks while reading: [${whileReading.join(', ')}] ms, after: [${drawing.join(', ')}] ms`);
    expect(Math.max(0, ...whileReading)).toBeLessThan(200);

    await page.getByRole('button', { name: 'Import postmortem' }).click();
    await fileInput.setInputFiles(tooLarge);
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 2_000 }).toBe(
      'This file is 20.0 MB; vigil reads postmortems up to 1 MB. Open a shorter export, or paste the part with the timeline.',
    );
    expect(await page.getByRole('region', { name: /^Incident: / }).count()).toBe(2);

    expect(await violations()).toEqual([]);
    expect(consoleReports).toEqual([]);
  } finally {
    await page.close();
    await files.remove();
  }
});
