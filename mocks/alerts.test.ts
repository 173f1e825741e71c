// The demo's HighMemory rule over the scenario: the ALERTS series and /api/v1/alerts a Prometheus
// with deploy/prometheus/vigil-alerts.rules.yml would answer.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_ALERT_RULE, demoActiveAlerts } from './alerts';
import { queryRange, scenarioSeriesIndex } from './promql';
import { rawSeries, SCENARIO } from './scenario';

const MINUTE = 60_000;
const at = (hour: number, minute = 0) => Date.UTC(2024, 0, 15, hour, minute);

/** When the scenario's memory of `instance` is first and last above the threshold (one run). */
function aboveThreshold(instance: string): { first: number; last: number; after: number } {
  const memory = rawSeries().find((s) => s.labels.__name__ === SCENARIO.metrics.memory && s.labels.instance === instance);
  if (!memory) throw new Error(instance);
  const above = memory.timestamps.filter((_, i) => (memory.values[i] as number) > DEMO_ALERT_RULE.thresholdBytes);
  const last = above.at(-1) as number;
  return { first: above[0] as number, last, after: last + SCENARIO.scrapeIntervalMs };
}

it('fires ALERTS for each instance from `for` after memory crosses the threshold until it drops back, without a lookback tail', () => {
  const step = 15_000;
  const { result } = queryRange('ALERTS{alertstate="firing",alertname="HighMemory"}', { startMs: at(6), endMs: at(18), stepMs: step });
  expect(result.map((s) => s.metric.instance)).toEqual(SCENARIO.instances);
  for (const series of result) {
    const instance = series.metric.instance as string;
    expect(series.metric).toEqual({ __name__: 'ALERTS', alertname: 'HighMemory', alertstate: 'firing', instance, job: 'webapp', severity: 'page' });
    const { first, last } = aboveThreshold(instance);
    expect(series.timestamps[0]).toBe(first + DEMO_ALERT_RULE.forMs);
    expect(series.timestamps.at(-1)).toBeGreaterThanOrEqual(last);
    expect(series.timestamps.at(-1)).toBeLessThan(last + step);
    // One run: a sample at every step in between.
    expect(series.timestamps.length).toBe(((series.timestamps.at(-1) as number) - (series.timestamps[0] as number)) / step + 1);
  }
});

it('answers pending alerts apart, and nothing for another alert name', () => {
  const pending = queryRange('ALERTS{alertstate="pending"}', { startMs: at(9), endMs: at(11), stepMs: 15_000 }).result;
  expect(pending.map((s) => s.timestamps.length)).toEqual([2, 2, 2]);
  expect(queryRange('ALERTS{alertname="Other"}', { startMs: at(9), endMs: at(11), stepMs: MINUTE }).result).toEqual([]);
});

it('lists the alerts firing at a time, since when each is active, as /api/v1/alerts does', () => {
  const alerts = demoActiveAlerts(scenarioSeriesIndex(), at(11));
  expect(alerts.map((a) => [a.labels.instance, a.state, a.activeAt])).toEqual(
    SCENARIO.instances.map((instance) => [instance, 'firing', new Date(aboveThreshold(instance).first).toISOString()]),
  );
  expect(alerts[0]?.labels).toEqual({ alertname: 'HighMemory', instance: 'web-1', job: 'webapp', severity: 'page' });
  expect(demoActiveAlerts(scenarioSeriesIndex(), at(8))).toEqual([]);
});

it('is the rule npm run stack loads into Prometheus', () => {
  const file = readFileSync(resolve(import.meta.dirname, '../deploy/prometheus/vigil-alerts.rules.yml'), 'utf8');
  expect(file).toContain(`- alert: ${DEMO_ALERT_RULE.alert}\n`);
  expect(file).toContain(`expr: ${DEMO_ALERT_RULE.metric}{job="${SCENARIO.job}"} > ${DEMO_ALERT_RULE.thresholdBytes}\n`);
  expect(file).toContain(`for: ${DEMO_ALERT_RULE.forMs / 1000}s\n`);
  expect(file).toContain('severity: page');
});
