import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BACKFILL_PROBE, countProbeSeries, type RunningBackend } from './backend';
import { BINARIES, requireBinary } from './binaries';
import { makeTempDir } from './cleanup';
import { spawnManaged, type ManagedProcess } from './managedProcess';
import { freePort } from './ports';
import { waitForHttpOk } from './waitFor';

const execFileAsync = promisify(execFile);

/** A Prometheus scrape_configs entry; written as JSON, which YAML parsers accept. */
export interface ScrapeConfig {
  job_name: string;
  scrape_interval?: string;
  honor_labels?: boolean;
  metrics_path?: string;
  static_configs: { targets: string[]; labels?: Record<string, string> }[];
}

export interface PrometheusOptions {
  /** The incident as OpenMetrics text (seconds timestamps, ending in `# EOF`), backfilled with promtool. */
  openMetrics: string;
  /**
   * Live targets. Leave empty for tests: the suite only reads the backfilled past. Scraping and
   * backfill can share one server because retention is measured back from the newest block, and
   * 100 years reaches 2024.
   */
  scrapeConfigs?: ScrapeConfig[];
  /** Rule files' contents (YAML), written beside the config and listed in `rule_files`. */
  ruleFiles?: string[];
  /** How often rules are evaluated ('1m' when absent); short for alerts that must fire within a test. */
  evaluationInterval?: string;
  /** Echo Prometheus's log to ours. */
  inheritOutput?: boolean;
}

export interface RunningPrometheus extends RunningBackend {
  dataDir: string;
  /** The exact command-line flags the server runs with. */
  flags: string[];
  /** How long the backfill (promtool) and the start until ready took, in ms. */
  timings: { backfillMs: number; startMs: number };
}

const READY_TIMEOUT_MS = 60_000;

export async function startPrometheus(options: PrometheusOptions): Promise<RunningPrometheus> {
  requireBinary(BINARIES.prometheus, 'prometheus');
  requireBinary(BINARIES.promtool, 'prometheus');
  const workDir = makeTempDir('prometheus');
  const dataDir = join(workDir.path, 'data');

  const backfillStarted = performance.now();
  await backfillOpenMetrics(options.openMetrics, workDir.path, dataDir);
  const backfillMs = performance.now() - backfillStarted;

  const configFile = join(workDir.path, 'prometheus.yml');
  const ruleFiles = (options.ruleFiles ?? []).map((_, i) => join(workDir.path, `rules-${i}.yml`));
  await Promise.all(ruleFiles.map((file, i) => writeFile(file, options.ruleFiles?.[i] ?? '')));
  await writeFile(configFile, prometheusConfig(options.scrapeConfigs ?? [], ruleFiles, options.evaluationInterval));

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const flags = [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${dataDir}`,
    '--storage.tsdb.retention.time=100y',
    `--web.listen-address=127.0.0.1:${port}`,
    '--web.enable-lifecycle',
  ];

  let server: ManagedProcess | undefined;
  const launch = async () => {
    server = spawnManaged('prometheus', BINARIES.prometheus, flags, { inheritOutput: options.inheritOutput });
    await waitForHttpOk(`${url}/-/ready`, { timeoutMs: READY_TIMEOUT_MS, process: server });
    await assertBackfillVisible(url, server);
  };
  const halt = async () => {
    await server?.stop();
    server = undefined;
  };

  const startStarted = performance.now();
  try {
    await launch();
  } catch (error) {
    await halt();
    await workDir.remove();
    throw error;
  }
  const startMs = performance.now() - startStarted;

  return {
    url,
    dataDir,
    flags,
    timings: { backfillMs, startMs },
    async stop() {
      await halt();
      await workDir.remove();
    },
    async restart() {
      await halt();
      await launch();
    },
    pause: halt,
    async resume() {
      if (server && !server.hasExited()) return;
      await launch();
    },
  };
}

/** Writes the OpenMetrics text to a file and turns it into TSDB blocks in `dataDir`. */
export async function backfillOpenMetrics(openMetrics: string, workDir: string, dataDir: string): Promise<void> {
  if (!openMetrics.trimEnd().endsWith('# EOF')) {
    throw new Error('backfill: the OpenMetrics text must end with "# EOF" (promtool rejects it otherwise)');
  }
  const inputFile = join(workDir, 'incident.om.txt');
  await writeFile(inputFile, openMetrics);
  await mkdir(dataDir, { recursive: true });
  try {
    await execFileAsync(BINARIES.promtool, ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', inputFile, dataDir], {
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`promtool could not backfill the incident: ${stderr || stdout || String(error)}`, { cause: error });
  }
}

export function prometheusConfig(scrapeConfigs: ScrapeConfig[], ruleFiles: string[] = [], evaluationInterval = '1m'): string {
  return `${JSON.stringify({ global: { evaluation_interval: evaluationInterval }, rule_files: ruleFiles, scrape_configs: scrapeConfigs }, null, 2)}\n`;
}

async function assertBackfillVisible(url: string, server: ManagedProcess): Promise<void> {
  const count = await countProbeSeries(url);
  if (count < 1) {
    throw new Error(
      `Prometheus started but the backfilled incident is not queryable: ${BACKFILL_PROBE.query} at ` +
        `${BACKFILL_PROBE.time} returned no series. Check the OpenMetrics input and retention.\n` +
        `Prometheus output:\n${server.output()}`,
    );
  }
}
