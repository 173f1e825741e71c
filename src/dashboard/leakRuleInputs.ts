import { resolveLeakWatch, type LeakRuleInput } from '../leaks';
import type { PanelSpec } from './schema';

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
