// The demo backend's alerting rule: the same HighMemory rule `npm run stack` loads into Prometheus
// (deploy/prometheus/vigil-alerts.rules.yml), evaluated over the scenario's memory series, so the demo
// answers `ALERTS{…}` queries and `/api/v1/alerts` as a Prometheus with that rule would.
import type { RawSeries } from './exposition';
import type { LabelMatcher } from './promql/ast';
import { upperBound } from './promql/evaluate';
import { labelMatches, type SampleNeed, type SeriesIndex } from './promql/seriesIndex';
import { MEMORY_ALERT_THRESHOLD_BYTES, SCENARIO } from './scenario';

export const DEMO_ALERT_RULE = {
  alert: 'HighMemory',
  metric: SCENARIO.metrics.memory,
  thresholdBytes: MEMORY_ALERT_THRESHOLD_BYTES,
  forMs: 30_000,
  labels: { severity: 'page' },
  summary: (instance: string) => `${instance} uses more than 1.5 GiB of memory`,
} as const;

/** How far back /api/v1/alerts looks for the start of a firing run (the scenario's runs are ~2.5 h). */
const ACTIVE_AT_LOOKBACK_MS = 6 * 60 * 60_000;

type AlertState = 'firing' | 'pending' | undefined;

/** The rule's state at `t` from the memory samples: above the threshold for `forMs` → firing. */
function stateAt(memory: RawSeries, t: number): AlertState {
  const { timestamps, values } = memory;
  const latest = upperBound(timestamps, t) - 1;
  if (latest < 0 || !((values[latest] as number) > DEMO_ALERT_RULE.thresholdBytes)) return undefined;
  let first = latest;
  while (first > 0 && (timestamps[first] as number) > t - DEMO_ALERT_RULE.forMs && (values[first - 1] as number) > DEMO_ALERT_RULE.thresholdBytes) first--;
  return t - (timestamps[first] as number) >= DEMO_ALERT_RULE.forMs ? 'firing' : 'pending';
}

function memoryMatchers(): LabelMatcher[] {
  return [
    { name: '__name__', type: '=', value: DEMO_ALERT_RULE.metric },
    { name: 'job', type: '=', value: SCENARIO.job },
  ];
}

function alertLabels(memory: RawSeries, state: 'firing' | 'pending'): Record<string, string> {
  const { __name__: _name, ...rest } = memory.labels;
  return { __name__: 'ALERTS', alertname: DEMO_ALERT_RULE.alert, alertstate: state, ...rest, ...DEMO_ALERT_RULE.labels };
}

/**
 * `base` plus the rule's ALERTS series. They are computed on the steps an evaluation asks for: a
 * sample where the alert is in that state, and a staleness marker where it is not, as Prometheus
 * writes one when an alert resolves (so the lookback does not stretch a resolved alert by 5 minutes).
 */
export function withDemoAlerts(base: SeriesIndex): SeriesIndex {
  const alertSeries = (matchers: readonly LabelMatcher[], need: SampleNeed): RawSeries[] => {
    const margin = DEMO_ALERT_RULE.forMs + 2 * SCENARIO.scrapeIntervalMs;
    const out: RawSeries[] = [];
    for (const memory of base.select(memoryMatchers(), { steps: need.steps, spanMs: Math.max(need.spanMs, margin) })) {
      for (const state of ['firing', 'pending'] as const) {
        const labels = alertLabels(memory, state);
        if (!matchers.every((m) => labelMatches(m, labels))) continue;
        const inState = need.steps.map((t) => stateAt(memory, t) === state);
        if (!inState.some(Boolean)) continue;
        out.push({ labels, timestamps: need.steps, values: need.steps.map(() => 1), stale: inState.map((on) => !on) });
      }
    }
    return out;
  };
  return {
    all: base.all,
    select(matchers, need) {
      const asksAlerts = matchers.some((m) => m.name === '__name__' && labelMatches(m, { __name__: 'ALERTS' }));
      const series = base.select(matchers, need);
      return asksAlerts && need ? [...series, ...alertSeries(matchers, need)] : series;
    },
    hasSamplesBetween: base.hasSamplesBetween,
  };
}

/** One alert as `/api/v1/alerts` answers it (Prometheus' JSON). */
export interface DemoActiveAlert {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly state: 'firing' | 'pending';
  readonly activeAt: string;
  readonly value: string;
}

/** The rule's firing and pending alerts at `nowMs`, with the time each became active. */
export function demoActiveAlerts(base: SeriesIndex, nowMs: number): DemoActiveAlert[] {
  const out: DemoActiveAlert[] = [];
  for (const memory of base.select(memoryMatchers(), { steps: [nowMs], spanMs: ACTIVE_AT_LOOKBACK_MS })) {
    const state = stateAt(memory, nowMs);
    if (!state) continue;
    const { timestamps, values } = memory;
    let first = upperBound(timestamps, nowMs) - 1;
    const value = values[first] as number;
    while (first > 0 && (values[first - 1] as number) > DEMO_ALERT_RULE.thresholdBytes) first--;
    const { __name__: _name, alertstate: _state, ...labels } = alertLabels(memory, state);
    out.push({
      labels,
      annotations: { summary: DEMO_ALERT_RULE.summary(memory.labels.instance ?? '') },
      state,
      activeAt: new Date(timestamps[first] as number).toISOString(),
      value: String(value),
    });
  }
  return out;
}
