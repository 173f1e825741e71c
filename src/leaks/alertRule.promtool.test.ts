// @vitest-environment node
// The rule vigil writes for the incident dashboard's memory panel, checked and run by the real
// promtool on the seed incident's samples: it must fire at least 30 minutes before the threshold
// alert (memory above 1.5 GiB), and stay quiet before the leak.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MEMORY_ALERT_THRESHOLD_BYTES, rawSeries, SCENARIO } from '../../mocks/scenario';
import { BINARIES, requireBinary } from '../../test/e2e/binaries';
import { promtool } from '../../test/promtool';
import { leakRuleInput, parseDashboard } from '../dashboard';
import { dashboardLeakRuleFile } from '../dashboard/dashboardLeakRules';
import { interpolate, resolveVariables } from '../dashboard/variables';
import { leakRules } from './alertRule';

const MINUTE = 60_000;
const EVALUATION_INTERVAL = MINUTE;
const dashboard = parseDashboard(JSON.parse(readFileSync(resolve(__dirname, '../../public/dashboards/incident.json'), 'utf8')), 'incident.json');
const memoryPanel = dashboard.panels.find((p) => p.leakWatch);
const THRESHOLD_RULES = `groups:
  - name: postmortem
    rules:
      - alert: MemoryAboveThreshold
        expr: process_resident_memory_bytes{job="webapp"} > ${MEMORY_ALERT_THRESHOLD_BYTES}
`;

/** promtool's clock starts at 0: offsets from the scenario's first sample, as promtool durations. */
const offset = (ms: number) => `${Math.round((ms - SCENARIO.startMs) / MINUTE)}m`;

function memoryOf(instance: string) {
  const series = rawSeries().find((s) => s.labels.__name__ === SCENARIO.metrics.memory && s.labels.instance === instance);
  if (!series) throw new Error(`no memory series for ${instance}`);
  return series;
}

/** The first rule evaluation (every minute from the start) that sees this instance above the threshold. */
function thresholdAlertAt(instance: string): number {
  const series = memoryOf(instance);
  const index = series.values.findIndex((v) => v > MEMORY_ALERT_THRESHOLD_BYTES);
  const sampleTime = series.timestamps[index] as number;
  return SCENARIO.startMs + Math.ceil((sampleTime - SCENARIO.startMs) / EVALUATION_INTERVAL) * EVALUATION_INTERVAL;
}

let dir: string;
beforeAll(() => {
  // Missing promtool fails the file with the install command; it never skips.
  requireBinary(BINARIES.promtool, 'prometheus');
  dir = mkdtempSync(join(tmpdir(), 'vigil-leak-rule-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the incident dashboard watches its memory panel', () => {
  expect(memoryPanel?.title).toBe('Memory');
});

it('passes promtool check rules', () => {
  writeFileSync(join(dir, 'leak.rules.yml'), dashboardLeakRuleFile(dashboard) ?? '');
  expect(promtool(['check', 'rules', 'leak.rules.yml'], dir)).toContain('SUCCESS: 1 rules found');
});

it('fires at least 30 minutes before the threshold alert on the seed incident, and not before the leak (promtool test rules)', () => {
  if (!memoryPanel) throw new Error('no watched panel');
  const values = resolveVariables(dashboard.variables, {}, {}).values;
  const input = leakRuleInput(memoryPanel, memoryPanel.queries.map((q) => interpolate(q.expr, values)));
  if (!input) throw new Error('the memory panel has no usable leakWatch');
  const [rule] = leakRules(input);
  if (!rule) throw new Error('no rule');
  writeFileSync(join(dir, 'leak.rules.yml'), dashboardLeakRuleFile(dashboard) ?? '');
  writeFileSync(join(dir, 'threshold.rules.yml'), THRESHOLD_RULES);

  // One test group per instance, so each group's expected alerts are exactly that instance's.
  const groups = SCENARIO.instances.map((instance) => {
    const thresholdAt = thresholdAlertAt(instance);
    const series = memoryOf(instance);
    const samples = series.values.filter((_, i) => (series.timestamps[i] as number) <= thresholdAt + 5 * MINUTE);
    const labels = { instance, job: SCENARIO.job };
    const leakAlert = {
      exp_labels: { ...rule.labels, ...labels },
      exp_annotations: { summary: rule.summary.replace('{{ $labels.instance }}', instance), description: rule.description },
    };
    const quiet = [];
    for (let t = SCENARIO.startMs + 30 * MINUTE; t < SCENARIO.timeline.leakStartMs; t += 30 * MINUTE) {
      quiet.push({ eval_time: offset(t), alertname: rule.alert, exp_alerts: [] });
    }
    return {
      interval: '15s',
      input_series: [{ series: `${SCENARIO.metrics.memory}{instance="${instance}",job="${SCENARIO.job}"}`, values: samples.join(' ') }],
      alert_rule_test: [
        ...quiet,
        { eval_time: offset(thresholdAt - 30 * MINUTE), alertname: rule.alert, exp_alerts: [leakAlert] },
        { eval_time: offset(thresholdAt - MINUTE), alertname: 'MemoryAboveThreshold', exp_alerts: [] },
        { eval_time: offset(thresholdAt), alertname: 'MemoryAboveThreshold', exp_alerts: [{ exp_labels: labels }] },
      ],
    };
  });
  const testFile = { rule_files: ['leak.rules.yml', 'threshold.rules.yml'], evaluation_interval: '1m', tests: groups };
  // JSON is YAML: promtool reads this file as it is.
  writeFileSync(join(dir, 'leak.test.yml'), JSON.stringify(testFile, null, 1));
  expect(promtool(['test', 'rules', 'leak.test.yml'], dir)).toContain('SUCCESS');
});
