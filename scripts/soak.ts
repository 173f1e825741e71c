// `npm run soak`: a wall display left open — kiosk, now-15m..now, refreshing every second — against
// the demo backend and a live Prometheus, its JS heap, DOM nodes and listeners sampled every 30 s,
// in Chromium with V8's optimising tiers off and as shipped. Exits non-zero when, in a run with the
// optimising tiers off, the heap floor (lowest of the last three samples against the lowest of the
// first three) grows 5% or more, or the DOM node floor grows at all.
import type { Browser } from 'playwright-core';
import { launchChromium, releaseAll } from '../test/e2e';
import type { ApiTrafficSummary } from '../test/bench/apiTraffic';
import { DEFAULT_DIST, ensureDist } from '../test/bench/appBuild';
import { SOAK_USAGE, SoakArgsError, V8_MODE_ARGS, parseSoakArgs, type SoakBackend, type SoakDriver, type SoakOptions, type V8Mode } from '../test/bench/soakArgs';
import { formatFloors, formatGrowth, formatSamples, soakFloors, soakGrowth, soakVerdict, type SoakVerdict } from '../test/bench/soakReport';
import { runSoakSession, WALL_QUERY } from '../test/bench/soakSession';
import { startSoakSite } from '../test/bench/soakSites';

const V8_NOTES: Record<V8Mode, string> = {
  interpreted: `V8 interpreter only (${V8_MODE_ARGS.interpreted.join(' ')})`,
  optimising: 'V8 as shipped (optimising tiers on)',
};

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

interface SoakRun {
  readonly backend: SoakBackend;
  readonly driver: SoakDriver;
  readonly v8Mode: V8Mode;
}

async function soakOnce(run: SoakRun, options: SoakOptions, browser: (mode: V8Mode) => Promise<Browser>): Promise<SoakVerdict> {
  const { backend, driver, v8Mode } = run;
  const site = await startSoakSite(backend, options.distDir);
  try {
    console.log(`\n=== soak: ${backend} via ${DRIVER_NOTES[driver]}, ${V8_NOTES[v8Mode]}\n    ${site.description}`);
    console.log(`    ${site.url}/${WALL_QUERY} for ${options.minutes} min, a sample every ${options.sampleEverySeconds} s`);
    const result = await runSoakSession({
      driver,
      browser: driver === 'playwright' ? await browser(v8Mode) : undefined,
      chromiumArgs: V8_MODE_ARGS[v8Mode],
      siteUrl: site.url,
      ...options,
      log: (line) => console.log(line),
    });
    const last = result.samples[result.samples.length - 1];
    console.log(`\n${formatSamples(result.samples)}\n`);
    console.log(formatGrowth(soakGrowth(result.samples)));
    const floors = soakFloors(result.samples);
    console.log(formatFloors(floors));
    console.log(
      `refresh set by ${result.setBy === 'url' ? 'the URL keys' : 'the pickers (URL keys not honoured)'}; ` +
        `${last?.refreshRounds ?? 0} refresh rounds counted in the page`,
    );
    console.log(describeTraffic(backend, driver, result.traffic));
    if (result.pageErrors.length > 0) console.log(`page errors (${result.pageErrors.length}): ${[...new Set(result.pageErrors)].slice(0, 5).join(' | ')}`);
    if (result.appDebug) console.log(`window.__VIGIL_DEBUG__: ${result.appDebug}`);
    if (result.heapDiff) console.log(`\nheap snapshots, baseline → end (by share, then the kinds that grew most):\n${result.heapDiff}`);
    const verdict = soakVerdict(`${backend}, ${driver}, ${v8Mode}`, v8Mode, floors);
    console.log(verdict.line);
    return verdict;
  } finally {
    await site.stop();
  }
}

async function main(options: SoakOptions): Promise<number> {
  ensureDist(options.distDir);
  const browsers = new Map<V8Mode, Promise<Browser>>();
  const browser = (mode: V8Mode) => {
    const launched = browsers.get(mode) ?? launchChromium(V8_MODE_ARGS[mode]);
    browsers.set(mode, launched);
    return launched;
  };
  const verdicts: SoakVerdict[] = [];
  try {
    for (const backend of options.backends) {
      for (const driver of options.drivers) {
        for (const v8Mode of options.v8Modes) verdicts.push(await soakOnce({ backend, driver, v8Mode }, options, browser));
      }
    }
  } finally {
    for (const launched of browsers.values()) await (await launched).close();
  }
  console.log(`\n=== verdict\n${verdicts.map((verdict) => verdict.line).join('\n')}`);
  if (!verdicts.some((verdict) => verdict.judged)) console.log('no run was judged: add --v8 interpreted (or both)');
  return verdicts.some((verdict) => verdict.failures.length > 0) ? 1 : 0;
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
