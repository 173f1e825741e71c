// The alerting rules `npm run stack` and the browser suite load into the real Prometheus.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ALERT_RULES_FILE = resolve(fileURLToPath(import.meta.url), '../../deploy/prometheus/vigil-alerts.rules.yml');

/** The rule file's YAML, as startPrometheus' `ruleFiles` takes it. */
export function alertRules(): string {
  return readFileSync(ALERT_RULES_FILE, 'utf8');
}
