// @vitest-environment node
// deploy/prometheus/vigil-alerts.rules.yml, the rule `npm run stack` loads, checked and run by the
// real promtool: HighMemory fires once memory has stayed above the dashboard's 1.5 GiB threshold for
// 30 s, and not before.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BINARIES, requireBinary } from '../test/e2e/binaries';
import { promtool } from '../test/promtool';
import { parseDashboard } from '../src/dashboard';
import { ALERT_RULES_FILE } from './alertRules';

const dashboard = parseDashboard(JSON.parse(readFileSync(resolve(import.meta.dirname, '../public/dashboards/incident.json'), 'utf8')), 'incident.json');
const threshold = dashboard.panels.find((p) => p.id === 'memory')?.thresholds[0]?.value as number;

let dir: string;
beforeAll(() => {
  requireBinary(BINARIES.promtool, 'prometheus');
  dir = mkdtempSync(join(tmpdir(), 'vigil-alert-rules-'));
  copyFileSync(ALERT_RULES_FILE, join(dir, 'vigil-alerts.rules.yml'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('passes promtool check rules', () => {
  expect(promtool(['check', 'rules', 'vigil-alerts.rules.yml'], dir)).toContain('SUCCESS: 1 rules found');
});

it("alerts on the memory panel's threshold", () => {
  expect(readFileSync(ALERT_RULES_FILE, 'utf8')).toContain(`process_resident_memory_bytes{job="webapp"} > ${threshold}\n`);
});

it('fires after 30 s above the threshold, and not before (promtool test rules)', () => {
  const below = threshold - 100 * 1024 * 1024;
  const above = threshold + 10 * 1024 * 1024;
  // Every 10 s: four samples below, then above from 40 s on.
  const labels = { instance: 'web-2', job: 'webapp' };
  const test = {
    rule_files: ['vigil-alerts.rules.yml'],
    evaluation_interval: '10s',
    tests: [
      {
        interval: '10s',
        input_series: [{ series: 'process_resident_memory_bytes{instance="web-2",job="webapp"}', values: `${below}x3 ${above}x20` }],
        alert_rule_test: [
          { eval_time: '30s', alertname: 'HighMemory', exp_alerts: [] },
          { eval_time: '60s', alertname: 'HighMemory', exp_alerts: [] },
          {
            eval_time: '70s',
            alertname: 'HighMemory',
            exp_alerts: [
              {
                exp_labels: { ...labels, severity: 'page' },
                exp_annotations: {
                  summary: 'web-2 uses more than 1.5 GiB of memory',
                  description: "Resident memory has been above the dashboard's 1.5 GiB threshold for 30 seconds.",
                },
              },
            ],
          },
        ],
      },
    ],
  };
  writeFileSync(join(dir, 'alerts.test.yml'), JSON.stringify(test, null, 1));
  expect(promtool(['test', 'rules', 'alerts.test.yml'], dir)).toContain('SUCCESS');
});
