// `npm run soak`: a wall display left open — kiosk, now-15m..now, refreshing every second — against
// the demo backend and a live Prometheus, its JS heap, DOM nodes and listeners sampled every 30 s.
// Exits non-zero when the heap grows 5% or more from the first minute to the end, or nodes grow.
import { launchChromium, releaseAll } from '../test/e2e';
import { DEFAULT_DIST, ensureDist } from '../test/bench/appBuild';
import { SOAK_USAGE, SoakArgsError, parseSoakArgs, type SoakOptions } from '../test/bench/soakArgs';
import { formatGrowth, formatSamples, gateFailures, soakGrowth } from '../test/bench/soakReport';
import { runSoakSession, WALL_QUERY } from '../test/bench/soakSession';
import { startSoakSite } from '../test/bench/soakSites';

async function main(options: SoakOptions): Promise<number> {
  ensureDist(options.distDir);
  const browser = await launchChromium();
  let failed = false;
  try {
    for (const backend of options.backends) {
      const site = await startSoakSite(backend, options.distDir);
      try {
        console.log(`\n=== soak: ${backend} — ${site.description}`);
        console.log(`    ${site.url}/${WALL_QUERY} for ${options.minutes} min, a sample every ${options.sampleEverySeconds} s`);
        const result = await runSoakSession({ browser, siteUrl: site.url, ...options, log: (line) => console.log(line) });
        const growth = soakGrowth(result.samples);
        const failures = gateFailures(growth);
        const { traffic } = result;
        console.log(`\n${formatSamples(result.samples)}\n`);
        console.log(formatGrowth(growth));
        console.log(
          `refresh set by ${result.setBy === 'url' ? 'the URL keys' : 'the pickers (URL keys not honoured)'}; ` +
            `${traffic.refreshRounds} refresh rounds, ${traffic.requests} API requests, ${traffic.responses} answered, ${traffic.failed} aborted or failed`,
        );
        console.log(
          `refreshes overlapped: ${traffic.overlapping > 0 ? `yes, ${traffic.overlapping} requests started while the same query was in flight` : 'no'}; ` +
            `max in-flight API requests ${traffic.maxInFlight}`,
        );
        if (result.pageErrors.length > 0) console.log(`page errors (${result.pageErrors.length}): ${[...new Set(result.pageErrors)].slice(0, 5).join(' | ')}`);
        if (result.appDebug) console.log(`window.__VIGIL_DEBUG__: ${result.appDebug}`);
        if (result.heapDiff) console.log(`\nobjects that grew from the baseline to the end:\n${result.heapDiff}`);
        console.log(failures.length === 0 ? `PASS (${backend})` : `FAIL (${backend}): ${failures.join('; ')}`);
        failed ||= failures.length > 0;
      } finally {
        await site.stop();
      }
    }
  } finally {
    await browser.close();
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
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await releaseAll();
    process.exit(1);
  },
);
