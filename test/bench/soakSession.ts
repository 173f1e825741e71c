// One soak run: a wall display (kiosk, relative range, 1 s refresh) left open, its memory sampled
// at a fixed interval after forced garbage collections.
import type { Browser, Page } from 'playwright-core';
import { panel, waitForLines } from '../e2e/appPage';
import { trackApiTraffic, type ApiTraffic, type ApiTrafficSummary } from './apiTraffic';
import { createHeapSampler } from './heapSampler';
import { diffCensus, formatCensusChanges, heapCensus, takeHeapSnapshot, type HeapCensus } from './heapSnapshot';
import { BASELINE_AFTER_MS, type SoakSample } from './soakReport';

export const WALL_QUERY = '?kiosk&refresh=1s&from=now-15m&to=now';
export const PANEL_TITLES = ['Memory', 'Cache size', 'Error rate'] as const;
/** How long to watch for refreshes before deciding the URL keys were not honoured. */
const REFRESH_PROBE_MS = 8_000;
/** Range queries move their `end` every aligned step (2 s for 15 minutes on a wide panel). */
const MIN_ROUNDS_IN_PROBE = 3;

export interface SoakSessionOptions {
  readonly browser: Browser;
  readonly siteUrl: string;
  readonly minutes: number;
  readonly sampleEverySeconds: number;
  readonly diagnose: boolean;
  readonly log: (line: string) => void;
}

export interface SoakSessionResult {
  readonly samples: readonly SoakSample[];
  readonly traffic: ApiTrafficSummary;
  /** How the 1 s refresh and the relative range were set: by the URL, or by the pickers as a fallback. */
  readonly setBy: 'url' | 'pickers';
  readonly pageErrors: readonly string[];
  /** Objects that grew between the baseline and the end (with `diagnose`). */
  readonly heapDiff?: string;
  /** window.__VIGIL_DEBUG__ at the end, when the app exposes it. */
  readonly appDebug?: string;
}

async function allPanelsDrawn(page: Page): Promise<void> {
  for (const title of PANEL_TITLES) await waitForLines(panel(page, title), 1, 60_000);
}

async function refreshesRunning(traffic: ApiTraffic): Promise<boolean> {
  const since = Date.now();
  await new Promise((resolve) => setTimeout(resolve, REFRESH_PROBE_MS));
  return traffic.roundsSince(since) >= MIN_ROUNDS_IN_PROBE;
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

async function readAppDebug(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const debug = (window as unknown as { __VIGIL_DEBUG__?: unknown }).__VIGIL_DEBUG__;
    if (debug === undefined) return undefined;
    try {
      return JSON.stringify(debug, (_key, value: unknown) => (typeof value === 'function' ? '[function]' : value)).slice(0, 2_000);
    } catch {
      return String(debug);
    }
  });
}

const sleepUntil = (deadline: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now())));

export async function runSoakSession(options: SoakSessionOptions): Promise<SoakSessionResult> {
  const { browser, siteUrl, log } = options;
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const traffic = trackApiTraffic(page);
  try {
    await page.goto(`${siteUrl}/${WALL_QUERY}`);
    await allPanelsDrawn(page);
    let setBy: SoakSessionResult['setBy'] = 'url';
    if (!(await refreshesRunning(traffic))) {
      log(`  the URL keys (${WALL_QUERY}) did not start a 1 s refresh; falling back to the pickers`);
      await setWallByPickers(page, siteUrl);
      setBy = 'pickers';
      if (!(await refreshesRunning(traffic))) throw new Error('no refresh ran with the Auto-refresh picker at 1s either');
    }

    const sampler = await createHeapSampler(page);
    const samples: SoakSample[] = [];
    const started = Date.now();
    const durationMs = options.minutes * 60_000;
    const everyMs = options.sampleEverySeconds * 1_000;
    let baselineCensus: HeapCensus | undefined;
    let heapDiff: string | undefined;
    for (let due = started; due <= started + durationMs; due += everyMs) {
      await sleepUntil(due);
      const reading = await sampler.read();
      const sample: SoakSample = { elapsedMs: due - started, ...reading, apiResponses: traffic.summary().responses };
      samples.push(sample);
      log(
        `  ${String(Math.round(sample.elapsedMs / 1000)).padStart(5)} s  heap ${(sample.heapUsedBytes / 1048576).toFixed(2)} MiB  ` +
          `Blink ${(sample.embedderHeapBytes / 1048576).toFixed(2)} MiB  ` +
          `nodes ${sample.nodes}  listeners ${sample.listeners}  API responses ${sample.apiResponses}`,
      );
      if (options.diagnose && !baselineCensus && sample.elapsedMs >= BASELINE_AFTER_MS) {
        baselineCensus = heapCensus(await takeHeapSnapshot(sampler.session));
      }
    }
    if (options.diagnose && baselineCensus) {
      heapDiff = formatCensusChanges(diffCensus(baselineCensus, heapCensus(await takeHeapSnapshot(sampler.session))));
    }
    const appDebug = await readAppDebug(page);
    await sampler.detach();
    return { samples, traffic: traffic.summary(), setBy, pageErrors, heapDiff, appDebug };
  } finally {
    traffic.detach();
    await context.close();
  }
}
