// Serves the live leak simulation as Prometheus metrics, with the scenario's names and labels.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Registry } from 'prom-client';
import { SCENARIO } from '../mocks/scenario';
import { createLeakSimulation, type InstanceReading, type LeakSimulation } from './leakSimulation';

export interface ExporterOptions {
  port: number;
  /** Loopback by default: the stack never listens beyond this machine. */
  host?: string;
  tickMs?: number;
  simulation?: LeakSimulation;
}

export interface RunningExporter {
  url: string;
  port: number;
  simulation: LeakSimulation;
  stop(): Promise<void>;
}

/**
 * `/metrics` exposes all three instances with an `instance` label (scrape it with
 * `honor_labels: true`); `/metrics/<instance>` exposes one instance without it, so Prometheus can
 * scrape each as its own target and attach `instance` itself, giving one `up` series per instance
 * as in the scenario.
 */
export async function startExporter(options: ExporterOptions): Promise<RunningExporter> {
  const simulation = options.simulation ?? createLeakSimulation();
  const tickMs = options.tickMs ?? 1_000;
  const combined = buildRegistry(() => simulation.readings(), true);
  const perInstance = new Map(
    SCENARIO.instances.map((instance) => [
      `/metrics/${instance}`,
      buildRegistry(() => simulation.readings().filter((r) => r.instance === instance), false),
    ]),
  );

  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    simulation.advance((now - last) / 1_000);
    last = now;
  }, tickMs);

  const server = createServer((req, res) => {
    const path = new URL(`http://localhost${req.url ?? '/'}`).pathname.replace(/\/$/, '') || '/';
    const registry = path === '/metrics' ? combined : perInstance.get(path);
    if (registry && (req.method === 'GET' || req.method === 'HEAD')) {
      registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'Content-Type': registry.contentType });
          res.end(text);
        },
        (error: unknown) => {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(String(error));
        },
      );
      return;
    }
    // GET is accepted too, so the leak can be toggled from a browser's address bar.
    if ((path === '/leak/start' || path === '/leak/fix') && (req.method === 'POST' || req.method === 'GET')) {
      if (path === '/leak/start') simulation.startLeak();
      else simulation.fixLeak();
      sendJson(res, 200, leakStatus(simulation));
      return;
    }
    if (path === '/leak' && req.method === 'GET') {
      sendJson(res, 200, leakStatus(simulation));
      return;
    }
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(
        'vigil demo exporter\n\nGET  /metrics, /metrics/web-1 … /metrics/web-3\nPOST /leak/start  start the cache leak\nPOST /leak/fix    deploy the fix\nGET  /leak        current state\n',
      );
      return;
    }
    sendJson(res, 404, { error: `no route for ${req.method} ${path}` });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;

  return {
    url: `http://${address}:${port}`,
    port,
    simulation,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(ticker);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function buildRegistry(readings: () => InstanceReading[], withInstanceLabel: boolean): Registry {
  const registry = new Registry();
  const { metrics } = SCENARIO;
  const instanceLabel = (r: InstanceReading) => (withInstanceLabel ? { instance: r.instance } : {});
  const gaugeLabels = withInstanceLabel ? ['instance'] : [];

  const gauge = (name: string, help: string, value: (r: InstanceReading) => number) =>
    new Gauge({
      name,
      help,
      labelNames: gaugeLabels,
      registers: [registry],
      collect() {
        for (const r of readings()) this.set(instanceLabel(r), value(r));
      },
    });
  gauge(metrics.memory, 'Resident memory size in bytes.', (r) => r.memoryBytes);
  gauge(metrics.cacheSize, 'Bytes held by the response cache.', (r) => r.cacheBytes);
  gauge(metrics.cacheEntries, 'Entries in the response cache.', (r) => r.cacheEntries);

  new Counter({
    name: metrics.requests,
    help: 'HTTP requests served, by status code.',
    labelNames: withInstanceLabel ? ['instance', 'code'] : ['code'],
    registers: [registry],
    collect() {
      // The simulation owns the running totals; the counter mirrors them at scrape time.
      this.reset();
      for (const r of readings()) {
        for (const code of SCENARIO.statusCodes) this.inc({ ...instanceLabel(r), code }, r.requestsTotal[code]);
      }
    },
  });
  return registry;
}

function leakStatus(simulation: LeakSimulation) {
  return {
    leaking: simulation.leaking,
    memoryBytes: Object.fromEntries(simulation.readings().map((r) => [r.instance, r.memoryBytes])),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(`${JSON.stringify(body)}\n`);
}
