// One soak run: a wall display (kiosk, relative range, 1 s refresh) left open, its memory sampled
// at a fixed interval after forced garbage collections. Two drivers: Playwright (which also watches
// the network, and can fall back to the pickers), and a raw DevTools pipe that enables no Network
// domain, so that DevTools' own per-request records do not count in the page's memory.
import type { Browser, Page } from 'playwright-core';
import { panel, waitForLines } from '../e2e/appPage';
import { trackApiTraffic, type ApiTrafficSummary } from './apiTraffic';
import { createHeapSampler, readMemory } from './heapSampler';
import { diffCensus, formatCensusChanges, formatHeapShares, heapCensus, takeHeapSnapshot, type HeapCensus } from './heapSnapshot';
import { PAGE_PROBE_SCRIPT, READ_PAGE_PROBE, panelsDrawnExpression, parsePageProbe, type PageProbeReading } from './pageProbe';
import type { ProtocolSession } from './protocolSession';
import { launchRawChromium } from './rawChromium';
import type { SoakDriver } from './soakArgs';
import { BASELINE_AFTER_MS, type SoakSample } from './soakReport';

export const WALL_QUERY = '?kiosk&refresh=1s&from=now-15m&to=now';
export const PANEL_TITLES = ['Memory', 'Cache size', 'Error rate'] as const;
const PANEL_IDS = ['memory', 'cache-size', 'error-rate'] as const;
const VIEWPORT = { width: 1600, height: 900 } as const;
/** How long to watch for refreshes before deciding the URL keys were not honoured. */
const REFRESH_PROBE_MS = 8_000;
/** The range end moves every aligned step (2 s for 15 minutes on a wide panel): 4 in the probe. */
const MIN_ROUNDS_IN_PROBE = 3;
const FIRST_DRAW_TIMEOUT_MS = 60_000;

export interface SoakSessionOptions {
  readonly driver: SoakDriver;
  /** Needed by the Playwright driver; the raw driver starts its own Chromium. */
  readonly browser?: Browser;
  /** Extra Chromium arguments for the raw driver (the Playwright browser is launched with its own). */
  readonly chromiumArgs?: readonly string[];
  readonly siteUrl: string;
  readonly minutes: number;
  readonly sampleEverySeconds: number;
  readonly diagnose: boolean;
  readonly log: (line: string) => void;
}

export interface SoakSessionResult {
  readonly samples: readonly SoakSample[];
  /** What Playwright saw on the network; undefined with the raw driver, which does not watch it. */
  readonly traffic?: ApiTrafficSummary;
  /** How the 1 s refresh and the relative range were set: by the URL, or by the pickers as a fallback. */
  readonly setBy: 'url' | 'pickers';
  readonly pageErrors: readonly string[];
  /** Objects that grew between the baseline and the end (with `diagnose`). */
  readonly heapDiff?: string;
  /** window.__VIGIL_DEBUG__ at the end, when the app exposes it. */
  readonly appDebug?: string;
}

/** The page under soak, whichever driver holds it. */
interface Wall {
  readonly session: ProtocolSession;
  readonly setBy: SoakSessionResult['setBy'];
  probe(): Promise<PageProbeReading>;
  evaluate(expression: string): Promise<unknown>;
  pageErrors(): readonly string[];
  traffic(): ApiTrafficSummary | undefined;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sleepUntil = (deadline: number) => sleep(Math.max(0, deadline - Date.now()));

async function refreshesRunning(readProbe: () => Promise<PageProbeReading>): Promise<boolean> {
  const before = (await readProbe()).refreshRounds;
  await sleep(REFRESH_PROBE_MS);
  return (await readProbe()).refreshRounds - before >= MIN_ROUNDS_IN_PROBE;
}

async function allPanelsDrawn(page: Page): Promise<void> {
  for (const title of PANEL_TITLES) await waitForLines(panel(page, title), 1, FIRST_DRAW_TIMEOUT_MS);
}

/** The fallback for builds that do not read the wall keys from the URL yet: the header's pickers. */
async function setWallByPickers(page: Page, siteUrl: string): Promise<void> {
  await page.goto(`${siteUrl}/`);
  await allPanelsDrawn(page);
  const refresh = page.getByLabel('Auto-refresh');
  if ((await refresh.count()) === 0) throw new Error('the URL keys did not start a 1 s refresh and the page has no Auto-refresh picker');
  await page.getByLabel('Time range').selectOption({ label: 'Last 15 minutes' });
  await refresh.selectOption({ label: '1s' });
  await allPanelsDrawn(page);
}

async function openPlaywrightWall(browser: Browser, siteUrl: string, log: (line: string) => void): Promise<Wall> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ content: PAGE_PROBE_SCRIPT });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const traffic = trackApiTraffic(page);
    const readProbe = async () => parsePageProbe(await page.evaluate(READ_PAGE_PROBE));
    await page.goto(`${siteUrl}/${WALL_QUERY}`);
    await allPanelsDrawn(page);
    let setBy: Wall['setBy'] = 'url';
    if (!(await refreshesRunning(readProbe))) {
      log(`  the URL keys (${WALL_QUERY}) did not start a 1 s refresh; falling back to the pickers`);
      await setWallByPickers(page, siteUrl);
      setBy = 'pickers';
      if (!(await refreshesRunning(readProbe))) throw new Error('no refresh ran with the Auto-refresh picker at 1s either');
    }
    const sampler = await createHeapSampler(page);
    return {
      session: sampler.session,
      setBy,
      probe: readProbe,
      evaluate: (expression) => page.evaluate(expression),
      pageErrors: () => errors,
      traffic: () => traffic.summary(),
      async close() {
        traffic.detach();
        await sampler.detach();
        await context.close();
      },
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}

async function openRawWall(siteUrl: string, chromiumArgs: readonly string[]): Promise<Wall> {
  const chromium = await launchRawChromium(chromiumArgs);
  try {
    const page = await chromium.newPage(VIEWPORT.width, VIEWPORT.height);
    const readProbe = async () => parsePageProbe(await page.evaluate(READ_PAGE_PROBE));
    await page.addInitScript(PAGE_PROBE_SCRIPT);
    await page.navigate(`${siteUrl}/${WALL_QUERY}`);
    const drawn = panelsDrawnExpression(PANEL_IDS);
    for (const deadline = Date.now() + FIRST_DRAW_TIMEOUT_MS; (await page.evaluate(drawn)) !== true; await sleep(250)) {
      if (Date.now() > deadline) throw new Error(`the panels did not draw within ${FIRST_DRAW_TIMEOUT_MS / 1000} s`);
    }
    // No picker fallback here: the raw driver measures builds that honour the wall URL.
    if (!(await refreshesRunning(readProbe))) throw new Error(`the URL keys (${WALL_QUERY}) did not start a 1 s refresh`);
    return {
      session: page.session,
      setBy: 'url',
      probe: readProbe,
      evaluate: (expression) => page.evaluate(expression),
      pageErrors: () => [],
      traffic: () => undefined,
      close: () => chromium.close(),
    };
  } catch (error) {
    await chromium.close();
    throw error;
  }
}

const READ_APP_DEBUG = `(() => {
  const debug = window.__VIGIL_DEBUG__;
  if (debug === undefined) return undefined;
  try {
    return JSON.stringify(debug, (key, value) => (typeof value === 'function' ? '[function]' : value)).slice(0, 2000);
  } catch {
    return String(debug);
  }
})()`;

export async function runSoakSession(options: SoakSessionOptions): Promise<SoakSessionResult> {
  const { log } = options;
  let wall: Wall;
  if (options.driver === 'cdp') {
    wall = await openRawWall(options.siteUrl, options.chromiumArgs ?? []);
  } else {
    if (!options.browser) throw new Error('the Playwright driver needs a browser');
    wall = await openPlaywrightWall(options.browser, options.siteUrl, log);
  }
  try {
    const samples: SoakSample[] = [];
    const started = Date.now();
    const durationMs = options.minutes * 60_000;
    const everyMs = options.sampleEverySeconds * 1_000;
    let baselineCensus: HeapCensus | undefined;
    let heapDiff: string | undefined;
    for (let due = started; due <= started + durationMs; due += everyMs) {
      await sleepUntil(due);
      const reading = await readMemory(wall.session);
      const probe = await wall.probe();
      const sample: SoakSample = { elapsedMs: due - started, ...reading, refreshRounds: probe.refreshRounds, apiResponses: probe.apiResponses };
      samples.push(sample);
      log(
        `  ${String(Math.round(sample.elapsedMs / 1000)).padStart(5)} s  heap ${(sample.heapUsedBytes / 1048576).toFixed(2)} MiB  ` +
          `Blink ${(sample.embedderHeapBytes / 1048576).toFixed(2)} MiB  nodes ${sample.nodes}  listeners ${sample.listeners}  ` +
          `refresh rounds ${sample.refreshRounds}  API responses ${sample.apiResponses}`,
      );
      if (options.diagnose && !baselineCensus && sample.elapsedMs >= BASELINE_AFTER_MS) {
        baselineCensus = heapCensus(await takeHeapSnapshot(wall.session));
      }
    }
    if (options.diagnose && baselineCensus) {
      const endCensus = heapCensus(await takeHeapSnapshot(wall.session));
      heapDiff = `${formatHeapShares(baselineCensus, endCensus)}\n\n${formatCensusChanges(diffCensus(baselineCensus, endCensus))}`;
    }
    const appDebug = (await wall.evaluate(READ_APP_DEBUG)) as string | undefined;
    const probe = await wall.probe();
    const pageErrors = [...wall.pageErrors(), ...(wall.pageErrors().length === 0 ? probe.lastErrors : [])];
    return { samples, traffic: wall.traffic(), setBy: wall.setBy, pageErrors, heapDiff, appDebug };
  } finally {
    await wall.close();
  }
}
