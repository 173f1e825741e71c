import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEMORY_ALERT_THRESHOLD_BYTES, SCENARIO, rawSeries, toOpenMetrics, toOpenMetricsWithRecentHistory, toPrometheusImportLines } from './scenario';
import type { RawSeries } from './scenario';

const at = (hour: number, minute = 0): number => Date.UTC(2024, 0, 15, hour, minute);
const MiB = 1024 * 1024;
const SAMPLES_PER_SERIES = 12 * 240 + 1;

function seriesOf(name: string): RawSeries[] {
  return rawSeries().filter((s) => s.labels.__name__ === name);
}

function valueAt(series: RawSeries, t: number): number {
  const i = series.timestamps.indexOf(t);
  if (i < 0) throw new Error(`no sample at ${new Date(t).toISOString()}`);
  return series.values[i] as number;
}

function firstTimeAbove(series: RawSeries, threshold: number): number | undefined {
  const i = series.values.findIndex((v) => v > threshold);
  return i < 0 ? undefined : series.timestamps[i];
}

/** Share of 5xx among all requests over the 5 minutes before `t`, from the counters. */
function errorShare(t: number, instance?: string): number {
  let errors = 0;
  let total = 0;
  for (const s of seriesOf(SCENARIO.metrics.requests)) {
    if (instance && s.labels.instance !== instance) continue;
    const delta = valueAt(s, t) - valueAt(s, t - 5 * 60_000);
    total += delta;
    if (s.labels.code?.startsWith('5')) errors += delta;
  }
  return errors / total;
}

describe('scenario shape', () => {
  it('has every series of every instance, 15 s apart from 06:00 to 18:00 UTC', () => {
    const series = rawSeries();
    expect(series).toHaveLength(SCENARIO.instances.length * 7);
    for (const s of series) {
      expect(s.labels.job).toBe('webapp');
      expect(SCENARIO.instances).toContain(s.labels.instance);
      expect(s.timestamps).toHaveLength(SAMPLES_PER_SERIES);
      expect(s.values).toHaveLength(SAMPLES_PER_SERIES);
      expect(s.timestamps[0]).toBe(at(6));
      expect(s.timestamps.at(-1)).toBe(at(18));
      expect(s.timestamps.every((t, i) => t % 15_000 === 0 && (i === 0 || t - (s.timestamps[i - 1] as number) === 15_000))).toBe(true);
      expect(s.values.every(Number.isFinite)).toBe(true);
    }
    expect(seriesOf(SCENARIO.metrics.requests).map((s) => s.labels.code).sort()).toEqual(
      ['200', '200', '200', '500', '500', '500', '503', '503', '503'],
    );
    expect(seriesOf('up').every((s) => s.values.every((v) => v === 1))).toBe(true);
  });

  it('is deterministic: a fresh module instance yields identical series', async () => {
    vi.resetModules();
    const fresh = await import('./scenario');
    expect(fresh.rawSeries()).not.toBe(rawSeries());
    expect(fresh.rawSeries()).toEqual(rawSeries());
  });
});

describe('the memory leak', () => {
  const memory = seriesOf(SCENARIO.metrics.memory);

  it('idles near 600 MiB with per-instance differences before the leak', () => {
    const at7 = memory.map((s) => valueAt(s, at(7)));
    for (const v of at7) expect(Math.abs(v - 600 * MiB)).toBeLessThan(40 * MiB);
    expect(new Set(at7).size).toBe(3);
  });

  it('starts growing well before 10:00', () => {
    for (const s of memory) expect(valueAt(s, at(9, 30)) - valueAt(s, at(8))).toBeGreaterThan(200 * MiB);
  });

  it('crosses the alert threshold around 10:00, never before 09:30, web-2 first', () => {
    const crossings = memory.map((s) => ({ instance: s.labels.instance, t: firstTimeAbove(s, MEMORY_ALERT_THRESHOLD_BYTES) }));
    for (const { t } of crossings) {
      expect(t).toBeGreaterThanOrEqual(at(9, 30));
      expect(t).toBeLessThanOrEqual(at(10, 20));
    }
    const earliest = Math.min(...crossings.map(({ t }) => t ?? Infinity));
    expect(earliest).toBeGreaterThanOrEqual(at(9, 50));
    expect(earliest).toBeLessThanOrEqual(at(10, 5));
    expect(crossings.find(({ t }) => t === earliest)?.instance).toBe('web-2');
  });

  it('drops partway at the 12:00 mitigation and back to baseline after the 12:30 fix', () => {
    for (const s of memory) {
      const peak = valueAt(s, at(11, 59));
      const mitigated = valueAt(s, at(12, 10));
      expect(mitigated).toBeLessThan(peak - 500 * MiB);
      expect(mitigated).toBeGreaterThan(valueAt(s, at(7)) + 300 * MiB);
      for (let t = at(12, 45); t <= at(18); t += 15 * 60_000) {
        expect(Math.abs(valueAt(s, t) - valueAt(s, at(7)))).toBeLessThan(50 * MiB);
      }
    }
  });

  it('moves the cache in step: grown with the leak, cut at 12:00, released at 12:30', () => {
    for (const name of [SCENARIO.metrics.cacheSize, SCENARIO.metrics.cacheEntries]) {
      for (const s of seriesOf(name)) {
        const normal = valueAt(s, at(7));
        expect(valueAt(s, at(11))).toBeGreaterThan(10 * normal);
        expect(valueAt(s, at(12, 10))).toBeLessThan(valueAt(s, at(11, 59)) / 2);
        expect(valueAt(s, at(12, 10))).toBeGreaterThan(3 * normal);
        expect(valueAt(s, at(13))).toBeLessThan(1.5 * normal);
      }
    }
  });
});

describe('the request counters', () => {
  it('are monotonic integer counters', () => {
    for (const s of seriesOf(SCENARIO.metrics.requests)) {
      expect(s.values.every((v, i) => Number.isInteger(v) && (i === 0 || v >= (s.values[i - 1] as number)))).toBe(true);
    }
  });

  it('serve a few hundred requests per second per instance', () => {
    for (const instance of SCENARIO.instances) {
      for (const t of [at(7), at(11), at(15)]) {
        const perSecond = seriesOf(SCENARIO.metrics.requests)
          .filter((s) => s.labels.instance === instance)
          .reduce((sum, s) => sum + (valueAt(s, t) - valueAt(s, t - 60_000)) / 60, 0);
        expect(perSecond).toBeGreaterThan(100);
        expect(perSecond).toBeLessThan(600);
      }
    }
  });

  it('fail about 60% of requests during the outage and under 2% outside it', () => {
    expect(errorShare(at(11))).toBeGreaterThan(0.55);
    expect(errorShare(at(11))).toBeLessThan(0.65);
    expect(errorShare(at(8))).toBeLessThan(0.02);
    expect(errorShare(at(8))).toBeGreaterThan(0.001);
    expect(errorShare(at(14))).toBeLessThan(0.02);
    expect(errorShare(at(12, 20))).toBeLessThan(errorShare(at(11, 50)) / 2);
    expect(errorShare(at(11), 'web-2')).toBeGreaterThan(errorShare(at(11), 'web-3'));
  });
});

describe('exposition formats', () => {
  const sampleCount = rawSeries().length * SAMPLES_PER_SERIES;

  it('writes OpenMetrics with one contiguous family per metric, seconds timestamps and # EOF', () => {
    const lines = toOpenMetrics().trimEnd().split('\n');
    expect(lines.at(-1)).toBe('# EOF');
    expect(lines.filter((l) => l.startsWith('# TYPE'))).toEqual([
      '# TYPE process_resident_memory_bytes gauge',
      '# TYPE webapp_cache_size_bytes gauge',
      '# TYPE webapp_cache_entries gauge',
      '# TYPE http_requests counter',
      '# TYPE up gauge',
    ]);
    const samples = lines.filter((l) => !l.startsWith('#'));
    expect(samples).toHaveLength(sampleCount);
    expect(samples).toContain(`http_requests_total{code="503",instance="web-2",job="webapp"} ${valueAt(seriesOf(SCENARIO.metrics.requests).find((s) => s.labels.code === '503' && s.labels.instance === 'web-2') as RawSeries, at(11))} ${at(11) / 1000}`);
    const names = samples.map((l) => l.slice(0, l.indexOf('{')));
    const order = names.filter((n, i) => i === 0 || n !== names[i - 1]);
    expect(order).toEqual(['process_resident_memory_bytes', 'webapp_cache_size_bytes', 'webapp_cache_entries', 'http_requests_total', 'up']);
  });

  it('writes import lines with millisecond timestamps, one sample per line', () => {
    const lines = toPrometheusImportLines().trimEnd().split('\n');
    expect(lines).toHaveLength(sampleCount);
    expect(lines[0]).toMatch(/^process_resident_memory_bytes\{instance="web-1",job="webapp"\} \d+ 1705298400000$/);
    expect(lines.every((l) => /^[a-z_]+\{[^}]*\} \d+ \d{13}$/.test(l))).toBe(true);
  });

  const promtool = '/usr/bin/promtool';
  // CI must prove the blocks load; a developer machine without promtool may skip.
  const runPromtool = existsSync(promtool) || Boolean(process.env.CI);
  it.runIf(runPromtool)('is accepted by promtool tsdb create-blocks-from openmetrics', () => {
    expect(existsSync(promtool), `${promtool} is required when CI is set`).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'vigil-scenario-'));
    try {
      const file = join(dir, 'scenario.om');
      writeFileSync(file, toOpenMetrics());
      execFileSync(promtool, ['tsdb', 'create-blocks-from', 'openmetrics', file, join(dir, 'blocks')], { stdio: 'pipe' });
      const listing = execFileSync(promtool, ['tsdb', 'list', join(dir, 'blocks')], { encoding: 'utf8' });
      // BLOCK ULID, MIN TIME, MAX TIME, DURATION, NUM SAMPLES, NUM CHUNKS, NUM SERIES, SIZE
      const blocks = listing.trim().split('\n').slice(1).map((line) => line.trim().split(/\s+/));
      const samples = blocks.reduce((sum, columns) => sum + Number(columns[4]), 0);
      expect(samples).toBe(sampleCount);
      expect(Math.min(...blocks.map((columns) => Number(columns[1])))).toBe(at(6));
      expect(Math.max(...blocks.map((columns) => Number(columns[2])))).toBe(at(18) + 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('toOpenMetricsWithRecentHistory', () => {
  const MINUTE = 60_000;
  const endMs = Date.UTC(2026, 10, 25, 18, 0, 0);
  const samples = (text: string, series: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(`${series} `))
      .map((line) => line.split(' ').map(Number).slice(1) as [number, number]);

  it('adds the scenario’s first minutes again, ending at the given time, after the scenario', () => {
    const text = toOpenMetricsWithRecentHistory(endMs, 20 * MINUTE);
    const memory = samples(text, 'process_resident_memory_bytes{instance="web-1",job="webapp"}');
    const recent = memory.filter(([, t]) => t * 1000 > SCENARIO.endMs);
    expect(recent.length).toBe(20 * 4 + 1);
    expect(recent[0]?.[1]).toBe((endMs - 20 * MINUTE) / 1000);
    expect(recent[recent.length - 1]?.[1]).toBe(endMs / 1000);
    // Same values as the scenario's start, one series in time order (promtool requires it).
    expect(recent.map(([v]) => v)).toEqual(memory.slice(0, recent.length).map(([v]) => v));
    const times = memory.map(([, t]) => t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(text.trimEnd().endsWith('# EOF')).toBe(true);
  });
});
