// Apart from leakRuleInputs.ts, which the page's leak flags import: the rule writer is only needed
// once a user opens a panel's rule (a chunk of its own) or by `npm run stack`, so it stays out of
// the first load.
import { leakRuleFile } from '../leaks/alertRule';
import { leakRuleInput } from './leakRuleInputs';
import type { Dashboard } from './schema';
import { interpolate, resolveVariables, type VariableValues } from './variables';

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
