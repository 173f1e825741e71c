// `npm run soak`: a wall display left open — kiosk, now-15m..now, refreshing every second — against
// the demo backend and a live Prometheus, its JS heap, DOM nodes and listeners sampled every 30 s.
// Exits non-zero when the heap grows 5% or more from the first minute to the end, or nodes grow.
import type { Browser } from 'playwright-core';
import { launchChromium, releaseAll } from '../test/e2e';
import type { ApiTrafficSummary } from '../test/bench/apiTraffic';
import { DEFAULT_DIST, ensureDist } from '../test/bench/appBuild';
import { SOAK_USAGE, SoakArgsError, parseSoakArgs, type SoakBackend, type SoakDriver, type SoakOptions } from '../test/bench/soakArgs';
import { formatGrowth, formatSamples, gateFailures, soakGrowth } from '../test/bench/soakReport';
import { runSoakSession, WALL_QUERY } from '../test/bench/soakSession';
import { startSoakSite } from '../test/bench/soakSites';

const DRIVER_NOTES: Record<SoakDriver, string> = {
  playwright: 'Playwright (Network domain enabled: DevTools keeps a record of each request in the page)',
  cdp: 'raw DevTools pipe (no Network domain)',
};

function describeTraffic(backend: SoakBackend, driver: SoakDriver, traffic: ApiTrafficSummary | undefined): string {
  if (driver === 'cdp' || !traffic) return 'network: not watched (raw DevTools pipe, no Network domain)';
  if (traffic.requests === 0) {
    return backend === 'demo' ? 'network: no traffic (in-page demo backend)' : 'network: no API traffic seen';
  }
  return (
    `network: ${traffic.requests} API requests, ${traffic.responses} answered, ${traffic.failed} aborted or failed; ` +
    `refreshes overlapped: ${traffic.overlapping > 0 ? `yes, ${traffic.overlapping} requests started while the same query was in flight` : 'no'}; ` +
    `max in-flight API requests ${traffic.maxInFlight}`
  );
}

async function soakOnce(backend: SoakBackend, driver: SoakDriver, options: SoakOptions, browser: () => Promise<Browser>): Promise<boolean> {
  const site = await startSoakSite(backend, options.distDir);
  try {
    console.log(`\n=== soak: ${backend} via ${DRIVER_NOTES[driver]}\n    ${site.description}`);
    console.log(`    ${site.url}/${WALL_QUERY} for ${options.minutes} min, a sample every ${options.sampleEverySeconds} s`);
    const result = await runSoakSession({
      driver,
      browser: driver === 'playwright' ? await browser() : undefined,
      siteUrl: site.url,
      ...options,
      log: (line) => console.log(line),
    });
    const growth = soakGrowth(result.samples);
    const failures = gateFailures(growth);
    const last = result.samples[result.samples.length - 1];
    console.log(`\n${formatSamples(result.samples)}\n`);
    console.log(formatGrowth(growth));
    console.log(
      `refresh set by ${result.setBy === 'url' ? 'the URL keys' : 'the pickers (URL keys not honoured)'}; ` +
        `${last?.refreshRounds ?? 0} refresh rounds counted in the page`,
    );
    console.log(describeTraffic(backend, driver, result.traffic));
    if (result.pageErrors.length > 0) console.log(`page errors (${result.pageErrors.length}): ${[...new Set(result.pageErrors)].slice(0, 5).join(' | ')}`);
    if (result.appDebug) console.log(`window.__VIGIL_DEBUG__: ${result.appDebug}`);
    if (result.heapDiff) console.log(`\nheap snapshots, baseline → end (by share, then the kinds that grew most):\n${result.heapDiff}`);
    console.log(failures.length === 0 ? `PASS (${backend}, ${driver})` : `FAIL (${backend}, ${driver}): ${failures.join('; ')}`);
    return failures.length === 0;
  } finally {
    await site.stop();
  }
}

async function main(options: SoakOptions): Promise<number> {
  ensureDist(options.distDir);
  let playwrightBrowser: Promise<Browser> | undefined;
  const browser = () => (playwrightBrowser ??= launchChromium());
  let failed = false;
  try {
    for (const backend of options.backends) {
      for (const driver of options.drivers) failed = !(await soakOnce(backend, driver, options, browser)) || failed;
    }
  } finally {
    if (playwrightBrowser) await (await playwrightBrowser).close();
  }
  return failed ? 1 : 0;
}

let options: SoakOptions;
try {
  options = parseSoakArgs(process.argv.slice(2), DEFAULT_DIST);
} catch (error) {
  if (!(error instanceof SoakArgsError)) throw error;
  console.error(`${error.message}\n${SOAK_USAGE}`);
  process.exit(2);
}
main(options).then(
  async (code) => {
    await releaseAll();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await releaseAll();
    process.exit(1);
  },
);
