import { toOpenMetrics, toPrometheusImportLines } from '../../mocks/scenario';
import { startPrometheus, type RunningPrometheus } from './prometheus';
import { serveDist } from './staticServer';
import { makeTempDir } from './cleanup';
import { startVictoriaMetrics, type RunningVictoriaMetrics } from './victoriametrics';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Checks the harness itself: both backends hold the same incident, answer the API the same way
// where the app depends on it, and differ where the app must cope (recorded in the assertions).

interface MatrixAnswer {
  status: string;
  data: { resultType: string; result: { metric: Record<string, string>; values: [number, string][] }[] };
}
interface ErrorAnswer {
  status: string;
  errorType: string;
  error: string;
}

const RANGE = {
  query: 'process_resident_memory_bytes{job="webapp"}',
  start: '2024-01-15T09:00:00Z',
  end: '2024-01-15T13:30:00Z',
  step: '60',
};

let prometheus: RunningPrometheus;
let victoria: RunningVictoriaMetrics;

beforeAll(async () => {
  [prometheus, victoria] = await Promise.all([
    startPrometheus({ openMetrics: toOpenMetrics() }),
    startVictoriaMetrics({ importLines: toPrometheusImportLines() }),
  ]);
  console.log('prometheus', prometheus.url, prometheus.flags.join(' '), prometheus.timings);
  console.log('victoria-metrics', victoria.url, victoria.flags.join(' '), victoria.timings);
});

afterAll(async () => {
  await Promise.all([prometheus?.stop(), victoria?.stop()]);
});

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as T };
}

function queryRange(baseUrl: string) {
  return getJson<MatrixAnswer>(`${baseUrl}/api/v1/query_range?${new URLSearchParams(RANGE)}`);
}

function byInstance(answer: MatrixAnswer): Map<string, [number, string][]> {
  return new Map(answer.data.result.map((series) => [series.metric.instance ?? '', series.values]));
}

test('both backends return the same three memory series for the incident', async () => {
  const [fromPrometheus, fromVictoria] = await Promise.all([queryRange(prometheus.url), queryRange(victoria.url)]);
  expect(fromPrometheus.status).toBe(200);
  expect(fromVictoria.status).toBe(200);
  expect(fromPrometheus.body.data.result).toHaveLength(3);
  expect(fromVictoria.body.data.result).toHaveLength(3);

  const prometheusSeries = byInstance(fromPrometheus.body);
  const victoriaSeries = byInstance(fromVictoria.body);
  expect([...victoriaSeries.keys()].sort()).toEqual([...prometheusSeries.keys()].sort());
  for (const [instance, values] of prometheusSeries) {
    // 09:00–13:30 at 60 s is 271 steps; the incident covers the whole window.
    expect(values.length).toBe(271);
    expect(victoriaSeries.get(instance)).toEqual(values);
  }
});

test('rates agree to floating-point rounding (VictoriaMetrics sums in a different order)', async () => {
  const rate = {
    query: 'sum by (code) (rate(http_requests_total{job="webapp"}[5m]))',
    start: '2024-01-15T09:00:00Z',
    end: '2024-01-15T13:30:00Z',
    step: '60',
  };
  const rangeOf = (base: string) => getJson<MatrixAnswer>(`${base}/api/v1/query_range?${new URLSearchParams(rate)}`);
  const [fromPrometheus, fromVictoria] = await Promise.all([rangeOf(prometheus.url), rangeOf(victoria.url)]);
  const codes = (answer: MatrixAnswer) => new Map(answer.data.result.map((s) => [s.metric.code ?? '', s.values]));
  const prometheusByCode = codes(fromPrometheus.body);
  const victoriaByCode = codes(fromVictoria.body);
  expect([...prometheusByCode.keys()].sort()).toEqual(['200', '500', '503']);
  for (const [code, values] of prometheusByCode) {
    const other = victoriaByCode.get(code) ?? [];
    expect(other.map(([t]) => t)).toEqual(values.map(([t]) => t));
    values.forEach(([, value], i) => {
      const relative = Math.abs(Number(other[i]?.[1]) - Number(value)) / Math.abs(Number(value));
      expect(relative).toBeLessThan(1e-9);
    });
  }
});

test('after the last sample Prometheus repeats it through its 5-minute lookback, VictoriaMetrics stops', async () => {
  // The scenario ends at 18:00:00; 17:58–18:10 at 2-minute steps.
  const tail = { query: 'process_resident_memory_bytes{instance="web-2"}', start: '2024-01-15T17:58:00Z', end: '2024-01-15T18:10:00Z', step: '120' };
  const timestamps = async (base: string) =>
    (await getJson<MatrixAnswer>(`${base}/api/v1/query_range?${new URLSearchParams(tail)}`)).body.data.result[0]?.values.map(([t]) => t);
  const at = (hhmm: string) => Date.parse(`2024-01-15T${hhmm}:00Z`) / 1000;
  expect(await timestamps(prometheus.url)).toEqual([at('17:58'), at('18:00'), at('18:02'), at('18:04')]);
  expect(await timestamps(victoria.url)).toEqual([at('17:58'), at('18:00')]);
});

test('buildinfo: Prometheus reports its version, VictoriaMetrics answers success without one', async () => {
  const fromPrometheus = await getJson<{ status: string; data: Record<string, string> }>(
    `${prometheus.url}/api/v1/status/buildinfo`,
  );
  const fromVictoria = await getJson<{ status: string; data: Record<string, string> }>(
    `${victoria.url}/api/v1/status/buildinfo`,
  );
  console.log('buildinfo prometheus', JSON.stringify(fromPrometheus));
  console.log('buildinfo victoria-metrics', JSON.stringify(fromVictoria));
  expect(fromPrometheus.status).toBe(200);
  expect(fromPrometheus.body.data.version).toMatch(/^2\.42\./);
  expect(fromVictoria.status).toBe(200);
  expect(fromVictoria.body.status).toBe('success');
  // The Debian build of 1.79 is compiled without a version string, so data is {}.
  expect(fromVictoria.body.data.version).toBeUndefined();
});

test('an invalid query is an error on both, with different status codes and error types', async () => {
  const invalid = encodeURIComponent('sum(');
  const fromPrometheus = await getJson<ErrorAnswer>(`${prometheus.url}/api/v1/query?query=${invalid}`);
  const fromVictoria = await getJson<ErrorAnswer>(`${victoria.url}/api/v1/query?query=${invalid}`);
  console.log('invalid query prometheus', fromPrometheus.status, JSON.stringify(fromPrometheus.body));
  console.log('invalid query victoria-metrics', fromVictoria.status, JSON.stringify(fromVictoria.body));
  // Exact values on purpose: the app maps these to messages, so a change in either server should show up here.
  expect(fromPrometheus.status).toBe(400);
  expect(fromPrometheus.body).toMatchObject({ status: 'error', errorType: 'bad_data' });
  expect(fromVictoria.status).toBe(422);
  expect(fromVictoria.body).toMatchObject({ status: 'error', errorType: '422' });
  expect(fromPrometheus.body.error).toContain('parse error');
  expect(fromVictoria.body.error).not.toBe('');
});

test('pause makes a backend unreachable, and the proxy answers 502 until resume', async () => {
  const dist = makeTempDir('dist');
  writeFileSync(join(dist.path, 'index.html'), '<!doctype html><title>vigil</title>');
  const site = await serveDist({ distDir: dist.path, config: {}, proxyTarget: prometheus.url });
  const probe = `${site.url}/prometheus/api/v1/query?${new URLSearchParams({ query: 'up', time: RANGE.start })}`;
  try {
    expect((await fetch(probe)).status).toBe(200);

    await prometheus.pause();
    await expect(fetch(`${prometheus.url}/-/ready`)).rejects.toThrow();
    const whilePaused = await fetch(probe);
    expect(whilePaused.status).toBe(502);
    expect(whilePaused.headers.get('content-type')).toContain('text/html');
    expect(await whilePaused.text()).toContain('502 Bad Gateway');

    await prometheus.resume();
    const afterResume = await queryRange(`${site.url}/prometheus`);
    expect(afterResume.status).toBe(200);
    expect(afterResume.body.data.result).toHaveLength(3);
  } finally {
    await site.stop();
    await dist.remove();
  }
});

test('restart keeps the port and the data on both backends', async () => {
  const prometheusUrl = prometheus.url;
  const victoriaUrl = victoria.url;
  await Promise.all([prometheus.restart(), victoria.restart()]);
  expect(prometheus.url).toBe(prometheusUrl);
  expect(victoria.url).toBe(victoriaUrl);
  const [fromPrometheus, fromVictoria] = await Promise.all([queryRange(prometheus.url), queryRange(victoria.url)]);
  expect(fromPrometheus.body.data.result).toHaveLength(3);
  expect(byInstance(fromVictoria.body)).toEqual(byInstance(fromPrometheus.body));
});
