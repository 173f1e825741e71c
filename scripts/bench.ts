// `npm run bench`: figures, never verdicts. In Node: M4 + SVG path for 1–200 series × 11,000
// points, the leak watch's estimate for 50 series × 11,000 points, the demo evaluator on the dashboard's queries, the Prometheus client's parse and convert
// of a 200 × 11,000 matrix. In Chromium: navigation to all panels drawn on the demo build, and the
// JS heap once drawn. Side by side (issue 13): vigil's chart and panel against uPlot and ECharts,
// 1–200 series × 11,000 points at 1,200 × 300 px — first paint, refresh, hover, heap, draws per refresh.
// First load (issue 13): each chunk's gzip size, what the first load fetches, the cost per package
// (from sourcemaps), and navigation → the three panels drawn against a real Prometheus.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseAll, launchChromium, serveDist, startPrometheus } from '../test/e2e';
import { PROXIED_CONFIG } from '../test/e2e/realSite';
import { toOpenMetrics } from '../mocks';
import { DEFAULT_DIST, REPO_ROOT, ensureDist, siteConfig } from '../test/bench/appBuild';
import { buildForReport, bundleReport, formatBundleReport, gzipBytes } from '../test/bench/bundleReport';
import { benchDownsampling, benchEvaluator, benchPromClient, type BenchRange } from '../test/bench/nodeBenchmarks';
import { benchLeakWatch } from '../test/bench/leakBench';
import { benchPageLoads } from '../test/bench/pageLoadBench';
import { BENCH_DATASOURCE, BenchApi, benchBigAnswer, startChunkedApi, type BigAnswerFigure } from '../test/bench/bigAnswerBench';
import { formatMiB, formatMs, median } from '../test/bench/stats';
import { formatTable } from '../test/bench/table';
import { benchRenderers, type RenderFigure } from '../test/bench/renderBench';
import { formatRenderTable } from '../test/bench/renderTable';
import { benchWallTraffic, type WallTrafficFigure } from '../test/bench/wallTrafficBench';
import { formatRefreshProfile, profileRefresh } from '../test/bench/renderProfile';
import { measureStackFloor } from '../test/bench/stackFloor';
import { formatLoadProfile, profileFirstLoad } from '../test/bench/loadProfile';
import { formatBigAnswerProfile, profileBigAnswer } from '../test/bench/bigAnswerProfile';
import { cpus, loadavg } from 'node:os';

const USAGE = `usage: npm run bench -- [--runs N] [--loads N] [--dist DIR] [--skip-browser] [--first-load-only]
  --runs N         runs per Node figure, the median is shown (default 7)
  --loads N        page loads in Chromium, the median is shown (default 5)
  --dist DIR       the built app (default dist/; built when missing)
  --skip-browser   Node figures only
  --render-only    only the side-by-side render bench (uPlot, ECharts, vigil) in Chromium
  --skip-render    everything but the side-by-side render bench
  --first-load-only  only the first-load section: bundle report (a sourcemap build in a temporary
                   folder) and navigation → panels drawn against a real Prometheus (uses --dist, --loads)
  --series LIST    series counts of the render bench (default 1,10,50,200; each × 11,000 points)
  --render-runs N  fresh pages per renderer and size, the median is shown (default 3)
  --wall-only      only the wall-traffic bench (now-1h at 1 s refresh against a live Prometheus)
  --skip-wall      everything but the wall-traffic bench
  --wall-seconds N seconds each wall is watched (default 30)
  --big-answer-profile trace and sample the 1,000-series refresh (with --big-answer-case 2: 60 × 11,000; build with --minify false for names)
  --big-answer-case N with --big-answer-only: only case N (1: 1,000 series, 2: 200 × 11,000)
  --big-answer-only  only the big-answer stalls (1,000 series at the panel's step, 200 × 11,000)
  --compare-dist DIR with --big-answer-only: another build (e.g. before a change), run interleaved with --dist
  --render-profile N  only profile one refresh and one first paint of vigil's chart and of uPlot at N series × 11,000 points
                   (timeline split and sampled scripting by owner), instead of the side-by-side tables
  --load-profile   only profile first loads (uses --dist, --loads) against a real Prometheus: requests in
                   order, main-thread tasks, timeline split, heaviest functions (build with --minify false
                   into another folder for names)`;

interface BenchOptions {
  runs: number;
  loads: number;
  distDir: string;
  skipBrowser: boolean;
  render: 'also' | 'only' | 'skip';
  firstLoadOnly: boolean;
  renderSeries: number[];
  renderRuns: number;
  wall: 'also' | 'only' | 'skip';
  wallSeconds: number;
  bigAnswerOnly: boolean;
  bigAnswerProfile: boolean;
  /** 1: only the 1,000-series case, 2: only the 200 × 11,000 one; 0: both. */
  bigAnswerCase: number;
  /** A second build the big-answer bench runs interleaved with distDir. */
  compareDist: string | undefined;
  /** Series count of the refresh profile; 0: no profile. */
  renderProfile: number;
  loadProfile: boolean;
}

function parseArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    runs: 7,
    loads: 5,
    distDir: DEFAULT_DIST,
    skipBrowser: false,
    render: 'also',
    renderSeries: [1, 10, 50, 200],
    renderRuns: 3,
    wall: 'also',
    wallSeconds: 30,
    renderProfile: 0,
    firstLoadOnly: false,
    loadProfile: false,
    bigAnswerOnly: false,
    bigAnswerProfile: false,
    bigAnswerCase: 0,
    compareDist: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const count = () => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive whole number`);
      return value;
    };
    if (arg === '--runs') options.runs = count();
    else if (arg === '--loads') options.loads = count();
    else if (arg === '--dist' && argv[i + 1]) options.distDir = argv[++i] as string;
    else if (arg === '--skip-browser') options.skipBrowser = true;
    else if (arg === '--render-only') options.render = 'only';
    else if (arg === '--skip-render') options.render = 'skip';
    else if (arg === '--first-load-only') options.firstLoadOnly = true;
    else if (arg === '--render-runs') options.renderRuns = count();
    else if (arg === '--wall-only') options.wall = 'only';
    else if (arg === '--skip-wall') options.wall = 'skip';
    else if (arg === '--wall-seconds') options.wallSeconds = Math.min(count(), 600);
    else if (arg === '--render-profile') options.renderProfile = count();
    else if (arg === '--load-profile') options.loadProfile = true;
    else if (arg === '--big-answer-only') options.bigAnswerOnly = true;
    else if (arg === '--big-answer-profile') options.bigAnswerProfile = true;
    else if (arg === '--big-answer-case') options.bigAnswerCase = Math.min(count(), 2);
    else if (arg === '--compare-dist' && argv[i + 1]) options.compareDist = argv[++i] as string;
    else if (arg === '--series') {
      const list = (argv[++i] ?? '').split(',').map(Number);
      if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1 || n > 1_000)) throw new Error('--series needs series counts from 1 to 1,000, e.g. 1,10');
      options.renderSeries = list;
    }
    else throw new Error(`unknown argument "${arg}"`);
  }
  return options;
}

const H = 3_600_000;
const at = (hour: number, minute = 0) => Date.UTC(2024, 0, 15, hour, minute);
/** A fixed "now" in the live replay, so replay figures are the same on every run. */
const REPLAY_NOW = Date.UTC(2026, 10, 25, 16, 30);
const EVALUATOR_RANGES: BenchRange[] = [
  { label: '4.5 h (dashboard default)', start: at(9), end: at(13, 30) },
  { label: '12 h (whole scenario)', start: at(6), end: at(18) },
  { label: 'replay now-15m', start: REPLAY_NOW - H / 4, end: REPLAY_NOW },
  { label: 'replay now-12h', start: REPLAY_NOW - 12 * H, end: REPLAY_NOW },
];
const PANELS = [
  { title: 'Memory', lines: 3 },
  { title: 'Cache size', lines: 3 },
  { title: 'Error rate', lines: 4 },
];
const WIDTH_PX = 1_200;
const POINTS = 11_000;

const formatFrames = (n: number) => (!Number.isFinite(n) ? '–' : Number.isInteger(n) ? String(n) : n.toFixed(1));

async function renderSideBySide(options: BenchOptions): Promise<void> {
  const browser = await launchChromium();
  try {
    console.log(
      `\nSide by side in Chromium ${browser.version()}: ${options.renderSeries.join(', ')} series × ${POINTS.toLocaleString('en-US')} points at 1,200 × 300 px, ` +
        `a fresh page per renderer, renderers interleaved, median of ${options.renderRuns} (${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`,
    );
    console.log('vigil chart = TimeSeriesChart; vigil panel = TimeSeriesPanel with its legend; uPlot with its live legend; ECharts canvas, axis tooltip, no animation.');
    const figures: RenderFigure[] = [];
    const tables = () => {
      console.log('\nFirst paint, data in memory → drawn and painted (ms)');
      console.log(formatRenderTable(figures, (f) => f.firstPaintMs));
      console.log('\nRefresh, same size, data shifted by one sample → painted (ms)');
      console.log(formatRenderTable(figures, (f) => f.refreshMs));
      console.log('\nHover, pointer move → values shown and painted (ms; uPlot: its live legend; ECharts: its tooltip)');
      console.log("  event time → settle()'s end, the second frame after the last DOM change: 1–2 frames of harness by construction");
      console.log(formatRenderTable(figures, (f) => f.hoverMs));
      console.log('\nHover, the frame that paints the move (1 = the frame that dispatched it: within 16 ms at 60 Hz)');
      console.log('  traced: last DOM change or canvas draw after the move → the main-thread frame (BeginMainFrame) that paints it');
      console.log(formatRenderTable(figures, (f) => f.hoverFrames, formatFrames));
      console.log('\nHover, main-thread work of the move (ms): busy time from its input handling to the end of the frame that paints it, idle left out');
      console.log('  traced (inflates scripting a little); includes that frame\'s style, layout, paint and commit, and GC');
      console.log(formatRenderTable(figures, (f) => f.hoverWorkMs));
      console.log('\nJS heap the drawn renderer holds after GC, beyond the data it was handed (MiB)');
      console.log(formatRenderTable(figures, (f) => f.heapBytes, formatMiB));
      console.log('\nvigil draws per refresh: commits that wrote the series paths, and `d` writes per path');
      console.log(
        formatTable(
          [
            { header: 'series', cell: (f) => String(f.seriesCount) },
            { header: 'renderer', cell: (f) => f.renderer, align: 'left' },
            { header: 'draws', cell: (f) => String(f.refreshDrawBatches) },
            { header: 'writes/path', cell: (f) => f.refreshWritesPerSeries.toFixed(1) },
          ],
          figures.filter((f) => f.renderer.startsWith('vigil')),
        ),
      );
    };
    await benchRenderers(browser, { sizes: options.renderSeries, points: POINTS, runs: options.renderRuns }, (size) => {
      figures.push(...size);
      console.log(`  ${size[0]?.seriesCount} series measured (load average ${loadavg()[0]?.toFixed(1)})`);
    });
    tables();
  } finally {
    await browser.close();
  }
}

async function wallTraffic(options: BenchOptions): Promise<void> {
  ensureDist(options.distDir);
  const browser = await launchChromium();
  try {
    console.log(
      `\nWall traffic: now-1h at 1 s refresh for ${options.wallSeconds} s per mode, the default dashboard (3 panels) at 1,920 px, ` +
        `Debian's Prometheus scraping a live exporter every 1 s (${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`,
    );
    const figures = await benchWallTraffic(browser, options.distDir, options.wallSeconds);
    console.log(
      formatTable<WallTrafficFigure>(
        [
          { header: 'mode', cell: (f) => f.mode, align: 'left' },
          { header: 'requests', cell: (f) => String(f.requests) },
          { header: 'tails', cell: (f) => String(f.tails) },
          { header: 'median B/request', cell: (f) => Math.round(f.medianBytes).toLocaleString('en-US') },
          { header: 'of which body', cell: (f) => Math.round(f.medianBodyBytes).toLocaleString('en-US') },
          { header: 'B/refresh', cell: (f) => Math.round(f.bytesPerRefresh).toLocaleString('en-US') },
          { header: 'window moves', cell: (f) => String(f.windowMoves) },
          { header: 'B/move', cell: (f) => Math.round(f.bytesPerMove).toLocaleString('en-US') },
          { header: 'total KiB', cell: (f) => (f.totalBytes / 1024).toFixed(1) },
          { header: 'median server ms', cell: (f) => formatMs(f.medianServerMs) },
        ],
        figures,
      ),
    );
    for (const f of figures) console.log(`${f.mode}: asked whole — ${f.wholeRanges.join('; ') || 'none'}`);
    const [full, incremental] = figures;
    if (full && incremental) {
      console.log(
        `incremental: ${(full.bytesPerRefresh / incremental.bytesPerRefresh).toFixed(1)}× fewer bytes per refresh (target ≥ 10×), ` +
          `${(full.bytesPerMove / incremental.bytesPerMove).toFixed(1)}× per window move, ${(full.medianBytes / incremental.medianBytes).toFixed(1)}× per request, ` +
          `${(full.medianServerMs / incremental.medianServerMs).toFixed(1)}× less median time to first byte`,
      );
    }
  } finally {
    await browser.close();
  }
}

async function renderProfiles(seriesCount: number): Promise<void> {
  const browser = await launchChromium();
  try {
    console.log(`\nOne refresh and one first paint profiled in Chromium ${browser.version()}: ${seriesCount} series × ${POINTS.toLocaleString('en-US')} points (${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}); compare shares, not ms`);
    for (const renderer of ['vigil-chart', 'uplot'] as const) {
      console.log(formatRefreshProfile(renderer, await profileRefresh(browser, { renderer, seriesCount, points: POINTS })));
    }
  } finally {
    await browser.close();
  }
}

/** First loads traced and sampled, one at a time, against the real Prometheus of the first-load figure. */
async function loadProfiles(options: BenchOptions): Promise<void> {
  ensureDist(options.distDir);
  const backend = await startPrometheus({ openMetrics: toOpenMetrics() });
  const site = await serveDist({ distDir: options.distDir, config: PROXIED_CONFIG, proxyTarget: backend.url });
  const browser = await launchChromium();
  try {
    const total = PANELS.reduce((n, p) => n + p.lines, 0);
    for (let i = 0; i < options.loads; i++) {
      console.log(`\nFirst load ${i + 1} profiled in Chromium ${browser.version()}, ${options.distDir} (${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
      console.log(formatLoadProfile(await profileFirstLoad(browser, `${site.url}/`, total)));
    }
  } finally {
    await browser.close();
    await site.stop();
    await backend.stop();
  }
}

/** What the production build makes a browser fetch before the panels are drawn, and how long that takes. */
async function firstLoad(options: BenchOptions): Promise<void> {
  console.log('\nFirst load: a production build with sourcemaps (vite build --sourcemap, in a temporary folder), gzip at level 6');
  console.log(formatBundleReport(bundleReport(buildForReport(REPO_ROOT))));
  const floor = await measureStackFloor();
  console.log(
    `Stack floor: the smallest app drawing a fetched series on the same stack (React DOM, TanStack Query, Recharts' ComposedChart ` +
      `with hidden axes and its plot-area and scale hooks; test/bench/stackFloor) is ${(floor.gzipBytes / 1000).toFixed(1)} KB gzipped ` +
      `(${(floor.minifiedBytes / 1000).toFixed(1)} KB minified, ${floor.files} file(s)): of a 200 KB first load, ${((200_000 - floor.gzipBytes) / 1000).toFixed(1)} KB are left for vigil's own code.`,
  );
  if (options.skipBrowser) return;
  ensureDist(options.distDir);
  const backend = await startPrometheus({ openMetrics: toOpenMetrics() });
  const site = await serveDist({ distDir: options.distDir, config: PROXIED_CONFIG, proxyTarget: backend.url });
  const browser = await launchChromium();
  try {
    console.log(
      `\nChromium ${browser.version()}, ${options.distDir} (production build, no sourcemaps) behind a same-origin proxy to Debian's Prometheus holding the incident: ` +
        `navigation → the three panels drawn (${options.loads} loads, fresh context each; ${cpus().length} cores, load average ` +
        `${loadavg().map((l) => l.toFixed(1)).join(' ')}${(loadavg()[0] ?? 0) > 1.5 ? ': busy, not the idle figure issue 13\'s ≤ 1 s is about' : ''}).`,
    );
    const loads = await benchPageLoads(browser, `${site.url}/`, PANELS, options.loads);
    const gzipOf = new Map<string, number>();
    const jsGzip = (paths: readonly string[]) =>
      paths.reduce((sum, path) => {
        if (!gzipOf.has(path)) gzipOf.set(path, gzipBytes(readFileSync(join(options.distDir, path))));
        return sum + (gzipOf.get(path) as number);
      }, 0);
    const rows = loads.map((f, i) => ({ label: String(i + 1), drawnMs: f.drawnMs, files: f.scriptPaths.length, gzip: jsGzip(f.scriptPaths) }));
    console.log(
      formatTable(
        [
          { header: 'load', cell: (r) => r.label, align: 'left' },
          { header: 'drawn ms', cell: (r) => formatMs(r.drawnMs) },
          { header: 'JS files', cell: (r) => String(r.files) },
          { header: 'JS gzip KB', cell: (r) => (r.gzip / 1000).toFixed(1) },
        ],
        [...rows, { label: 'median', drawnMs: median(rows.map((r) => r.drawnMs)), files: median(rows.map((r) => r.files)), gzip: median(rows.map((r) => r.gzip)) }],
      ),
    );
    console.log(`JS fetched before the panels were drawn (page and workers): ${[...new Set(loads.flatMap((f) => f.scriptPaths))].join(', ')}`);
  } finally {
    await browser.close();
    await site.stop();
    await backend.stop();
  }
}

interface BigAnswerCase {
  readonly seriesCount: number;
  /** Points per series whatever the step (undefined: the panel's own step, ~1,000 points). */
  readonly points: number | undefined;
  readonly target: string;
  /** datasource.maxResponseBytes of the site: 200 × 11,000 synthetic points are ~87 MiB of JSON, over the 32 MiB default. */
  readonly maxResponseBytes?: number;
  /**
   * Only the chunked HTTP transport: route.fulfill hands Chromium the body base64-encoded in one
   * DevTools message, and ~87 MiB of it closed the browser (a test harness limit, not the app's).
   */
  readonly chunkedOnly?: boolean;
}

function benchSiteConfig(distDir: string, datasourceUrl: string, maxResponseBytes: number | undefined): Record<string, unknown> {
  const config = siteConfig(distDir, datasourceUrl);
  if (maxResponseBytes === undefined) return config;
  return { ...config, datasource: { ...(config.datasource as Record<string, unknown>), maxResponseBytes } };
}

const BIG_ANSWER_CASES: readonly BigAnswerCase[] = [
  { seriesCount: 1_000, points: undefined, target: 'issue 11 asks no frame > 200 ms' },
  { seriesCount: 200, points: POINTS, target: 'issue 13 asks no task > 50 ms while it arrives', maxResponseBytes: 128 * 1024 * 1024, chunkedOnly: true },
];

/**
 * The built app against a data source this bench answers itself: one panel gets a big answer,
 * once through Playwright's route.fulfill (the body in one piece), once from a loopback HTTP
 * server sending it chunked through the app's same-origin proxy, as a real Prometheus does. With
 * --compare-dist, each run alternates the two builds.
 */
async function bigAnswers(options: BenchOptions): Promise<void> {
  const builds = [{ label: 'dist', dir: options.distDir }, ...(options.compareDist ? [{ label: 'compare', dir: options.compareDist }] : [])];
  for (const build of builds) ensureDist(build.dir);
  const runs = Math.max(1, Math.min(options.loads, 3));
  let browser = await launchChromium();
  try {
    for (const big of BIG_ANSWER_CASES.filter((_, i) => options.bigAnswerCase === 0 || options.bigAnswerCase === i + 1)) {
      const chunked = { api: new BenchApi(big.seriesCount, big.points) };
      const chunkedServer = await startChunkedApi(chunked.api);
      const sites = await Promise.all(
        builds.map(async (build) => ({
          build,
          route: await serveDist({ distDir: build.dir, config: benchSiteConfig(build.dir, BENCH_DATASOURCE, big.maxResponseBytes) }),
          chunked: await serveDist({ distDir: build.dir, config: benchSiteConfig(build.dir, '/prometheus', big.maxResponseBytes), proxyTarget: chunkedServer.url }),
        })),
      );
      try {
        const shape = big.points === undefined ? `${big.seriesCount.toLocaleString('en-US')} series` : `${big.seriesCount} × ${big.points.toLocaleString('en-US')} points`;
        console.log(
          `\nChromium, a refresh answering ${shape} to the Memory panel (series budget 20): longest main-thread stall from the click to the lines drawn ` +
            `(${runs} runs per transport and build; ${big.target}; ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`,
        );
        const rows: (BigAnswerFigure & { label: string })[] = [];
        const transports = [
          ['route.fulfill (whole body)', undefined],
          ['HTTP, chunked 64 KiB', chunked],
        ] as const;
        for (const [transport, chunkedApi] of transports.filter(([, api]) => api !== undefined || !big.chunkedOnly)) {
          for (let run = 1; run <= runs; run++) {
            for (const site of sites) {
              const url = chunkedApi ? site.chunked.url : site.route.url;
              const label = `${site.build.label} ${transport} ${run}`;
              try {
                // A run that crashed the browser must not take the next runs with it.
                if (!browser.isConnected()) browser = await launchChromium();
                const [figure] = await benchBigAnswer(browser, `${url}/`, big.seriesCount, 1, chunkedApi, big.points);
                if (figure) rows.push({ label, ...figure });
              } catch (e) {
                // One run that times out on a loaded machine says so and leaves the others' figures.
                console.log(`  ${label}: no figure (${(e instanceof Error ? e.message : String(e)).split('\n')[0]})`);
              }
            }
          }
        }
        console.log(
          formatTable(
            [
              { header: 'build, transport, run', cell: (r) => r.label, align: 'left' },
              { header: 'longest task ms', cell: (r) => formatMs(r.longestTaskMs) },
              { header: 'longest frame ms', cell: (r) => formatMs(r.longestFrameMs) },
              { header: 'click → drawn ms', cell: (r) => formatMs(r.drawnMs) },
              { header: 'answer MiB', cell: (r) => formatMiB(r.bodyBytes) },
            ],
            rows,
          ),
        );
      } finally {
        for (const site of sites) {
          await site.route.stop();
          await site.chunked.stop();
        }
        await chunkedServer.stop();
      }
    }
    if (options.compareDist) console.log(`dist = ${options.distDir}, compare = ${options.compareDist}`);
  } finally {
    await browser.close();
  }
}

/** Where the 1,000-series refresh spends the main thread's time. */
async function bigAnswerProfiles(options: BenchOptions): Promise<void> {
  ensureDist(options.distDir);
  const browser = await launchChromium();
  const site = await serveDist({ distDir: options.distDir, config: benchSiteConfig(options.distDir, BENCH_DATASOURCE, undefined) });
  try {
    // --big-answer-case 2: 60 × 11,000 points (route.fulfill cannot carry 200 × 11,000's ~87 MiB).
    const [seriesCount, points] = options.bigAnswerCase === 2 ? [60, POINTS] : [1_000, undefined];
    console.log(`Chromium, a refresh answering ${seriesCount} series × ${points ?? 'the panel step\'s'} points to the Memory panel, traced (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    console.log(formatBigAnswerProfile(await profileBigAnswer(browser, `${site.url}/`, seriesCount, points)));
  } finally {
    await site.stop();
    await browser.close();
  }
}

async function main(options: BenchOptions): Promise<void> {
  if (options.bigAnswerProfile) return bigAnswerProfiles(options);
  if (options.bigAnswerOnly) return bigAnswers(options);
  if (options.wall === 'only') return wallTraffic(options);
  if (options.renderProfile > 0) return renderProfiles(options.renderProfile);
  if (options.loadProfile) return loadProfiles(options);
  if (options.render === 'only') return renderSideBySide(options);
  if (options.firstLoadOnly) return firstLoad(options);
  console.log(`vigil bench — Node ${process.version}, median of ${options.runs} runs unless noted\n`);

  console.log(`M4 + toSvgPath, ${POINTS.toLocaleString('en-US')} points per series at ${WIDTH_PX.toLocaleString('en-US')} px`);
  const downsampling = benchDownsampling([1, 10, 50, 200], POINTS, WIDTH_PX, options.runs);
  console.log(
    formatTable(
      [
        { header: 'series', cell: (f) => String(f.seriesCount) },
        { header: 'input points', cell: (f) => (f.seriesCount * f.pointsPerSeries).toLocaleString('en-US') },
        { header: 'median ms', cell: (f) => formatMs(f.medianMs) },
        { header: 'kept points', cell: (f) => f.keptPoints.toLocaleString('en-US') },
        { header: 'path chars', cell: (f) => f.pathChars.toLocaleString('en-US') },
      ],
      downsampling,
    ),
  );

  console.log(`\nLeak watch: estimateLeak on 50 series × ${POINTS.toLocaleString('en-US')} points (target < 10 ms; runs when a panel's data changes)`);
  console.log(
    formatTable(
      [
        { header: 'window', cell: (f) => f.window, align: 'left' },
        { header: 'series', cell: (f) => String(f.seriesCount) },
        { header: 'median ms', cell: (f) => formatMs(f.medianMs) },
        { header: 'best ms', cell: (f) => formatMs(f.bestMs) },
        { header: 'flagged', cell: (f) => String(f.flagged) },
      ],
      benchLeakWatch(50, POINTS, options.runs),
    ),
  );

  console.log(`\nDemo evaluator, the dashboard's queries at the step of a ${WIDTH_PX.toLocaleString('en-US')} px panel`);
  const evaluator = benchEvaluator(EVALUATOR_RANGES, WIDTH_PX, options.runs);
  console.log(
    formatTable(
      [
        { header: 'range', cell: (f) => f.range, align: 'left' },
        { header: 'query', cell: (f) => f.query, align: 'left' },
        { header: 'step s', cell: (f) => String(f.stepMs / 1000) },
        { header: 'series', cell: (f) => String(f.series) },
        { header: 'points', cell: (f) => String(f.pointsPerSeries) },
        { header: 'median ms', cell: (f) => formatMs(f.medianMs) },
      ],
      evaluator,
    ),
  );

  const clientRuns = Math.max(3, Math.min(options.runs, 5));
  console.log(`\nPrometheus client, a 200 × ${POINTS.toLocaleString('en-US')} matrix answer (median of ${clientRuns})`);
  const client = await benchPromClient(200, POINTS, clientRuns);
  console.log(`body ${formatMiB(client.bodyBytes)} MiB`);
  console.log(
    formatTable(
      [
        { header: 'step', cell: (f) => f.what, align: 'left' },
        { header: 'median ms', cell: (f) => formatMs(f.medianMs) },
      ],
      client.figures,
    ),
  );

  await firstLoad(options);

  if (options.skipBrowser) return;
  ensureDist(options.distDir);
  const site = await serveDist({ distDir: options.distDir, config: siteConfig(options.distDir, 'demo') });
  const browser = await launchChromium();
  try {
    console.log(`\nChromium ${browser.version()}, demo build, dashboard default range: navigation → all panels drawn (${options.loads} loads, fresh context each)`);
    const loads = await benchPageLoads(browser, `${site.url}/`, PANELS, options.loads);
    console.log(
      formatTable(
        [
          { header: 'load', cell: (r) => r.label, align: 'left' },
          { header: 'drawn ms', cell: (r) => formatMs(r.drawnMs) },
          { header: 'JS heap MiB', cell: (r) => formatMiB(r.heapUsedBytes) },
        ],
        [
          ...loads.map((f, i) => ({ label: String(i + 1), ...f })),
          { label: 'median', drawnMs: median(loads.map((f) => f.drawnMs)), heapUsedBytes: median(loads.map((f) => f.heapUsedBytes)) },
        ],
      ),
    );
  } finally {
    await browser.close();
    await site.stop();
  }

  await bigAnswers(options);
  if (options.wall === 'also') await wallTraffic(options);
  if (options.render === 'also') await renderSideBySide(options);
}

let options: BenchOptions;
try {
  options = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
main(options).then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await releaseAll();
    process.exit(1);
  },
);
