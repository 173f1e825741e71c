// @vitest-environment node
import { createLeakSimulation } from './leakSimulation';
import { startExporter, type RunningExporter } from './exporterServer';

let exporter: RunningExporter;

beforeEach(async () => {
  // A long tick keeps the simulation still unless the test advances it.
  exporter = await startExporter({ port: 0, tickMs: 60_000, simulation: createLeakSimulation(() => 0.5) });
});

afterEach(async () => {
  await exporter.stop();
});

async function scrape(path: string): Promise<string> {
  const response = await fetch(`${exporter.url}${path}`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  if (line === undefined) throw new Error(`no sample for ${series} in:\n${text}`);
  return Number(line.slice(series.length + 1));
}

test('listens on loopback only', () => {
  expect(new URL(exporter.url).hostname).toBe('127.0.0.1');
});

test('/metrics exposes the scenario metric names for all three instances', async () => {
  exporter.simulation.advance(10);
  const text = await scrape('/metrics');
  for (const instance of ['web-1', 'web-2', 'web-3']) {
    expect(sample(text, `process_resident_memory_bytes{instance="${instance}"}`)).toBeGreaterThan(500 * 1024 * 1024);
    expect(sample(text, `webapp_cache_size_bytes{instance="${instance}"}`)).toBeGreaterThan(0);
    expect(sample(text, `webapp_cache_entries{instance="${instance}"}`)).toBeGreaterThan(0);
    expect(sample(text, `http_requests_total{instance="${instance}",code="200"}`)).toBeGreaterThan(0);
  }
  expect(text).toContain('# TYPE http_requests_total counter');
});

test('/metrics/<instance> exposes one instance without an instance label', async () => {
  const text = await scrape('/metrics/web-2');
  expect(text).not.toContain('instance=');
  expect(sample(text, 'process_resident_memory_bytes')).toBe(
    exporter.simulation.readings().find((r) => r.instance === 'web-2')?.memoryBytes,
  );
});

test('POST /leak/start makes memory grow, POST /leak/fix releases it', async () => {
  const memory = async () => sample(await scrape('/metrics/web-2'), 'process_resident_memory_bytes');
  const baseline = await memory();

  const started = await fetch(`${exporter.url}/leak/start`, { method: 'POST' });
  expect(await started.json()).toMatchObject({ leaking: true });
  exporter.simulation.advance(60);
  const leaked = await memory();
  expect(leaked - baseline).toBeGreaterThan(200 * 1024 * 1024);

  const fixed = await fetch(`${exporter.url}/leak/fix`, { method: 'POST' });
  expect(await fixed.json()).toMatchObject({ leaking: false });
  exporter.simulation.advance(120);
  expect(await memory()).toBeLessThan(baseline + 10 * 1024 * 1024);
});

test('GET toggles the leak too, for a browser address bar', async () => {
  await fetch(`${exporter.url}/leak/start`);
  expect(exporter.simulation.leaking).toBe(true);
  const status = (await (await fetch(`${exporter.url}/leak`)).json()) as { leaking: boolean };
  expect(status.leaking).toBe(true);
});

test('unknown paths are 404', async () => {
  expect((await fetch(`${exporter.url}/nope`)).status).toBe(404);
});
