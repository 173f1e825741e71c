// `npm run stack`: the app against a real Prometheus that holds the 2024-01-15 incident (backfilled)
// and scrapes a live exporter whose leak you can trigger. Ctrl-C stops everything it started.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toOpenMetrics } from '../mocks/scenario';
import { parseDashboard } from '../src/dashboard';
import { dashboardLeakRuleFile } from '../src/dashboard/dashboardLeakRules';
import {
  BINARIES,
  countProbeSeries,
  freePort,
  makeTempDir,
  registerCleanup,
  releaseAll,
  spawnManaged,
  startPrometheus,
  waitForHttpOk,
} from '../test/e2e';
import { alertRules } from './alertRules';
import { startExporter } from './exporterServer';
import { liveScrapeConfig, waitForLiveScrapes } from './liveScrape';

const REPO = resolve(fileURLToPath(import.meta.url), '../..');
const SCRAPE_INTERVAL = '5s';

async function main(): Promise<void> {
  if (!existsSync(BINARIES.prometheus) || !existsSync(BINARIES.promtool)) {
    console.error('Prometheus is not installed. Install it with:\n  apt-get install -y --no-install-recommends prometheus');
    process.exit(1);
  }

  const exporter = await startExporter({ port: await freePort() });
  registerCleanup({ release: exporter.stop, releaseNow: () => undefined });
  const exporterAddress = new URL(exporter.url).host;

  console.log('Backfilling the 2024-01-15 incident and starting Prometheus…');
  const leakRules = leakRuleFiles();
  const prometheus = await startPrometheus({
    openMetrics: toOpenMetrics(),
    scrapeConfigs: [liveScrapeConfig(exporterAddress, SCRAPE_INTERVAL)],
    // The leak-watch rules, and HighMemory (deploy/prometheus/vigil-alerts.rules.yml), which the
    // live leak fires: vigil draws it on the Memory panel and lists it in the header.
    ruleFiles: [...leakRules, alertRules()],
    evaluationInterval: SCRAPE_INTERVAL,
  });
  console.log(
    `  backfill ${Math.round(prometheus.timings.backfillMs)} ms, start ${Math.round(prometheus.timings.startMs)} ms`,
  );
  await waitForLiveScrapes(prometheus.url);
  // One server holds both: retention counts back from the newest block, and 100 years reach 2024.
  if ((await countProbeSeries(prometheus.url)) < 1) {
    throw new Error('The backfilled incident disappeared once live scraping started; check retention flags.');
  }

  const configDir = makeTempDir('stack-config');
  const configFile = join(configDir.path, 'config.json');
  writeFileSync(configFile, JSON.stringify(stackConfig()));
  const port = await devServerPort();
  const devServer = spawnManaged(
    'vite',
    process.execPath,
    [join(REPO, 'node_modules/vite/bin/vite.js'), '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: REPO,
      env: { ...process.env, PROMETHEUS_URL: prometheus.url, VIGIL_CONFIG: configFile, PORT: String(port) },
      inheritOutput: true,
    },
  );
  const appUrl = `http://127.0.0.1:${port}`;
  await waitForHttpOk(`${appUrl}/`, { timeoutMs: 60_000, process: devServer });

  console.log(`
vigil stack is up (Ctrl-C stops everything)
  dashboard   ${appUrl}/
  Prometheus  ${prometheus.url}/  (incident backfilled; live scrapes every ${SCRAPE_INTERVAL}; leak-watch rules and HighMemory at /alerts)
  exporter    ${exporter.url}/metrics
  leak        curl -X POST ${exporter.url}/leak/start
  fix         curl -X POST ${exporter.url}/leak/fix
`);

  void devServer.exited.then(async () => {
    if (stopping) return;
    console.error('The Vite dev server stopped; shutting the stack down.');
    await releaseAll();
    process.exit(1);
  });
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // The harness's own handler releases everything and re-raises the signal; this one only says so.
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the stack…');
  });
}


/** vigil's leak-watch alerting rule for every watched panel of the default dashboard. */
function leakRuleFiles(): string[] {
  const file = join(REPO, 'public/dashboards/incident.json');
  const rules = dashboardLeakRuleFile(parseDashboard(JSON.parse(readFileSync(file, 'utf8')), file));
  return rules ? [rules] : [];
}

/** public/config.json with the data source pointed at the dev server's /prometheus proxy. */
function stackConfig(): Record<string, unknown> {
  const publicConfig = join(REPO, 'public/config.json');
  const base = existsSync(publicConfig) ? (JSON.parse(readFileSync(publicConfig, 'utf8')) as Record<string, unknown>) : {};
  const datasource = typeof base.datasource === 'object' && base.datasource !== null ? base.datasource : {};
  return { ...base, datasource: { ...datasource, url: '/prometheus' }, timezone: 'UTC' };
}

/** PORT if set, else Vite's usual 5173 when free, else any free port. */
async function devServerPort(): Promise<number> {
  if (process.env.PORT) return Number(process.env.PORT);
  const usual = 5173;
  const free = await new Promise<boolean>((resolveFree) => {
    const probe = createServer();
    probe.once('error', () => resolveFree(false));
    probe.listen(usual, '127.0.0.1', () => probe.close(() => resolveFree(true)));
  });
  return free ? usual : freePort();
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await releaseAll();
  process.exit(1);
});
