import type { DashboardVariable } from './schema';
import { writeSelector, writtenSelectors, type WrittenMatcher } from './selectors';
import { referencedNames } from './references';
import { interpolateChecked, type VariableValue, type VariableValues } from './variables';

/** What to ask the server for a label-values variable. */
export interface VariableRequest {
  readonly label: string;
  /** The configured series selector with earlier variables written in; undefined when none is set. */
  readonly match: string | undefined;
  /**
   * Selectors of the panels' own queries that this variable filters, with the variable's own
   * matchers taken out: asked when `match` finds nothing (backfilled or federated data has no
   * `up` series, for instance).
   */
  readonly fallback: readonly string[];
}

export type VariablePlan =
  | { readonly kind: 'fixed'; readonly options: readonly string[] }
  | { readonly kind: 'server'; readonly request: VariableRequest }
  /** The configured selector cannot be written with the earlier variables' current values. */
  | { readonly kind: 'blocked'; readonly problem: string };

/**
 * How each variable gets its options. A variable's selector may use the variables declared before
 * it (a `job` picker narrows `instance`: `up{job=~"$job"}`); `upstream` holds their current values.
 * Later variables are never written in, so resolution runs in one pass down the list.
 */
export function planVariables(variables: readonly DashboardVariable[], upstream: VariableValues, panelExprs: readonly string[]): VariablePlan[] {
  return variables.map((variable, index) => {
    if ('values' in variable.source) return { kind: 'fixed', options: variable.source.values };
    const earlier = earlierValues(variables.slice(0, index), upstream);
    let match: string | undefined;
    if (variable.source.match !== undefined) {
      const written = interpolateChecked(variable.source.match, earlier);
      const problem = written.problems[0];
      if (problem !== undefined) return { kind: 'blocked', problem };
      match = written.expr;
    }
    return { kind: 'server', request: { label: variable.source.labelValues, match, fallback: fallbackSelectors(variable.name, panelExprs, earlier) } };
  });
}

function earlierValues(earlier: readonly DashboardVariable[], upstream: VariableValues): VariableValues {
  // fromEntries keeps a variable named "__proto__" an ordinary key.
  return Object.fromEntries(earlier.flatMap((v) => (Object.hasOwn(upstream, v.name) ? [[v.name, upstream[v.name] as VariableValue]] : [])));
}

/**
 * The selectors in `exprs` with a matcher that uses `$name`, rewritten to select what the variable
 * chooses from: its own matchers dropped, earlier variables written in, matchers that use any other
 * variable dropped (widening is safe here: the answer only lists values to pick from).
 */
export function fallbackSelectors(name: string, exprs: readonly string[], earlier: VariableValues): string[] {
  const out = new Set<string>();
  for (const expr of exprs) {
    for (const selector of writtenSelectors(expr)) {
      if (!selector.matchers.some((m) => referencedNames(m.value).includes(name))) continue;
      const kept = selector.matchers.flatMap((m) => {
        const written = writtenMatcher(m, earlier);
        return written === null ? [] : [written];
      });
      const text = writeSelector(selector.metric, [...selector.others, ...kept]);
      if (text !== null) out.add(text);
    }
  }
  return [...out];
}

function writtenMatcher(matcher: WrittenMatcher, earlier: VariableValues): string | null {
  const names = referencedNames(matcher.value);
  if (names.length === 0) return matcher.text;
  if (!names.every((n) => Object.hasOwn(earlier, n))) return null;
  const written = interpolateChecked(matcher.text, earlier);
  return written.problems.length === 0 ? written.expr : null;
}
