import { leakRuleFile, resolveLeakWatch, type LeakRuleInput } from '../leaks';
import type { Dashboard, PanelSpec } from './schema';
import { interpolate, resolveVariables, type VariableValues } from './variables';

/** What the alerting rule of a watched panel is written from; undefined when the panel has no usable leakWatch. */
export function leakRuleInput(spec: PanelSpec, exprs: readonly string[]): LeakRuleInput | undefined {
  if (!spec.leakWatch) return undefined;
  const resolution = resolveLeakWatch(spec.leakWatch, spec.thresholds);
  if (!resolution.ok) return undefined;
  return {
    panelId: spec.id,
    panelTitle: spec.title,
    unit: spec.unit,
    queries: exprs.map((expr, i) => ({ expr, legend: spec.queries[i]?.legend })),
    limit: resolution.settings.limit,
    horizonMs: resolution.settings.horizonMs,
  };
}

/**
 * One rule file for every watched panel of the dashboard, its variables at their defaults
 * (usually All, so the rule covers every instance): what `npm run stack` hands Prometheus.
 */
export function dashboardLeakRuleFile(dashboard: Dashboard, values: VariableValues = resolveVariables(dashboard.variables, {}, {}).values): string | undefined {
  const inputs = dashboard.panels.flatMap((spec) => {
    const input = leakRuleInput(spec, spec.queries.map((q) => interpolate(q.expr, values)));
    return input ? [input] : [];
  });
  return inputs.length > 0 ? leakRuleFile(inputs) : undefined;
}
