import { BACKFILL_PROBE, countProbeSeries, type RunningBackend } from './backend';
import { BINARIES, requireBinary } from './binaries';
import { makeTempDir } from './cleanup';
import { spawnManaged, type ManagedProcess } from './managedProcess';
import { freePort } from './ports';
import { waitFor, waitForHttpOk } from './waitFor';

export interface VictoriaMetricsOptions {
  /** The incident in Prometheus text format with millisecond timestamps. */
  importLines: string;
  inheritOutput?: boolean;
}

export interface RunningVictoriaMetrics extends RunningBackend {
  dataDir: string;
  flags: string[];
  /** Start until /health, and import until the probe query sees the data, in ms. */
  timings: { startMs: number; importMs: number };
}

const READY_TIMEOUT_MS = 60_000;
const VISIBLE_TIMEOUT_MS = 30_000;

export async function startVictoriaMetrics(options: VictoriaMetricsOptions): Promise<RunningVictoriaMetrics> {
  requireBinary(BINARIES.victoriaMetrics, 'victoria-metrics');
  const dataDir = makeTempDir('victoriametrics');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const flags = [
    // The unit-less default is months; 100y keeps the 2024 incident inside retention.
    '-retentionPeriod=100y',
    `-storageDataPath=${dataDir.path}`,
    `-httpListenAddr=127.0.0.1:${port}`,
    // The response cache could keep an empty answer given while the import was still settling.
    '-search.disableCache',
  ];

  let server: ManagedProcess | undefined;
  const launch = async () => {
    server = spawnManaged('victoria-metrics', BINARIES.victoriaMetrics, flags, { inheritOutput: options.inheritOutput });
    await waitForHttpOk(`${url}/health`, { timeoutMs: READY_TIMEOUT_MS, process: server });
  };
  const halt = async () => {
    await server?.stop();
    server = undefined;
  };
  const waitUntilVisible = (process: ManagedProcess) =>
    waitFor(
      `${BACKFILL_PROBE.query} at ${BACKFILL_PROBE.time} to be queryable in VictoriaMetrics`,
      async () => ((await countProbeSeries(url)) > 0 ? true : undefined),
      { timeoutMs: VISIBLE_TIMEOUT_MS, process, intervalMs: 200 },
    );

  const timings = { startMs: 0, importMs: 0 };
  try {
    const started = performance.now();
    await launch();
    timings.startMs = performance.now() - started;
    const importStarted = performance.now();
    await importPrometheusText(url, options.importLines);
    if (server) await waitUntilVisible(server);
    timings.importMs = performance.now() - importStarted;
  } catch (error) {
    await halt();
    await dataDir.remove();
    throw error;
  }

  return {
    url,
    dataDir: dataDir.path,
    flags,
    timings,
    async stop() {
      await halt();
      await dataDir.remove();
    },
    async restart() {
      await halt();
      await launch();
      if (server) await waitUntilVisible(server);
    },
    pause: halt,
    async resume() {
      if (server && !server.hasExited()) return;
      await launch();
      if (server) await waitUntilVisible(server);
    },
  };
}

/** Imports Prometheus text-format lines, then flushes so searches see them. */
export async function importPrometheusText(url: string, lines: string): Promise<void> {
  const imported = await fetch(`${url}/api/v1/import/prometheus`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain' },
    body: lines,
  });
  if (!imported.ok) {
    throw new Error(`VictoriaMetrics rejected the import: HTTP ${imported.status} ${await imported.text()}`);
  }
  await imported.arrayBuffer();
  const flushed = await fetch(`${url}/internal/force_flush`);
  if (!flushed.ok) throw new Error(`VictoriaMetrics force_flush failed: HTTP ${flushed.status}`);
  await flushed.arrayBuffer();
}
