import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { isPromClientError, type PromClient } from '../prometheus';
import type { DashboardVariable, PanelSpec } from './schema';
import { variableOptionsQueryOptions, type LoadedOptions } from './variableOptionsQuery';
import { planVariables, type VariablePlan } from './variableRequests';
import { resolveVariables, type VariableValue, type VariableValues } from './variables';
import { HOUR_MS } from '../time';

export interface VariableOptionsState {
  /** Undefined until the values arrive (or when they could not be loaded). */
  readonly options: readonly string[] | undefined;
  readonly loading: boolean;
  /** The server's message, verbatim, or why the variable's selector cannot be written. */
  readonly error?: string;
  /** Set when the configured selector found nothing and the options come from the panels' selectors. */
  readonly fallback?: LoadedOptions['fallback'];
}

export interface DashboardVariables {
  /** Per variable name: what the picker offers. */
  readonly options: Readonly<Record<string, VariableOptionsState>>;
  /** Per variable name: what it stands for, ready for `interpolate`. */
  readonly values: Readonly<Record<string, VariableValue>>;
  /** One plain sentence per link or default value that was dropped. */
  readonly notices: readonly string[];
}

// Label values rarely change while a dashboard is open.
const LABEL_VALUES_STALE_MS = 60_000;

/**
 * The range label values are asked for, widened to whole hours: an auto-refresh tick moves "now"
 * every few seconds, and the key (hence a new request) should change only once an hour.
 */
export function labelValuesRange(range: { readonly start: number; readonly end: number }): { start: number; end: number } {
  return { start: Math.floor(range.start / HOUR_MS) * HOUR_MS, end: Math.ceil(range.end / HOUR_MS) * HOUR_MS };
}

interface Inputs {
  readonly variables: readonly DashboardVariable[];
  /** The panels whose selectors the fallback reads. */
  readonly panels: readonly PanelSpec[];
  /** `var-<name>` values from the link. */
  readonly urlVars: Readonly<Record<string, readonly string[]>>;
  readonly range: { readonly start: number; readonly end: number };
}

/**
 * Options and current values of every variable of a dashboard. Fixed lists are used as written;
 * label values come from the server within the range (start and end always sent: without them
 * VictoriaMetrics only looks at a recent window and Prometheus at all of its data).
 *
 * Chained variables: a variable's selector is written with the current values of the variables
 * before it, which depend on their own options. The values used for the selectors are kept in
 * state and updated during render when resolution moves them (React's pattern for state derived
 * from render); as each variable only reads earlier ones, this settles within one pass per level.
 */
export function useDashboardVariables(client: PromClient, { variables, panels, urlVars, range }: Inputs): DashboardVariables {
  const { start, end } = labelValuesRange(range);
  const panelExprs = useMemo(() => panels.flatMap((p) => p.queries.map((q) => q.expr)), [panels]);
  const [upstream, setUpstream] = useState<VariableValues>(() => resolveVariables(variables, urlVars, {}).values);
  const plans = useMemo(() => planVariables(variables, upstream, panelExprs), [variables, upstream, panelExprs]);

  const combine = useCallback((results: UseQueryResult<LoadedOptions, Error>[]) => optionStates(variables, plans, results), [variables, plans]);
  const states = useQueries({
    queries: plans.flatMap((plan) =>
      plan.kind === 'server'
        ? [
            {
              ...variableOptionsQueryOptions(client, plan.request, { start, end }),
              staleTime: LABEL_VALUES_STALE_MS,
              // Keeps the old options on screen when the hour or an earlier variable changes.
              placeholderData: keepPreviousData,
            },
          ]
        : [],
    ),
    combine,
  });

  const resolved = useMemo(() => resolveVariables(variables, urlVars, states.settled), [variables, urlVars, states.settled]);
  const settled = JSON.stringify(resolved.values) === JSON.stringify(upstream);
  if (!settled) setUpstream(resolved.values);
  // The same values keep the same object, so panels see no change when only the options reloaded.
  return { options: states.shown, values: settled ? upstream : resolved.values, notices: resolved.notices };
}

interface OptionStates {
  /** What the picker shows (the previous options while new ones load). */
  readonly shown: Record<string, VariableOptionsState>;
  /** What selections are checked against: only options answered for the current request. */
  readonly settled: Record<string, { readonly options: readonly string[] | undefined }>;
}

function optionStates(variables: readonly DashboardVariable[], plans: readonly VariablePlan[], results: readonly UseQueryResult<LoadedOptions, Error>[]): OptionStates {
  const shown: [string, VariableOptionsState][] = [];
  const settled: [string, { options: readonly string[] | undefined }][] = [];
  // The queries follow the server plans in order.
  let next = 0;
  variables.forEach((variable, i) => {
    const plan = plans[i] as VariablePlan;
    if (plan.kind === 'fixed') {
      shown.push([variable.name, { options: plan.options, loading: false }]);
      settled.push([variable.name, { options: plan.options }]);
      return;
    }
    if (plan.kind === 'blocked') {
      shown.push([variable.name, { options: undefined, loading: false, error: plan.problem }]);
      settled.push([variable.name, { options: undefined }]);
      return;
    }
    const result = results[next++];
    if (!result) return;
    // failureReason is set while retries run: say so at once rather than after them.
    const failure = result.error ?? (result.failureCount > 0 ? result.failureReason : null);
    const error = failure && !(isPromClientError(failure) && failure.kind === 'aborted') ? failure.message : undefined;
    const loading = (result.isPending || result.isPlaceholderData) && error === undefined;
    const state: VariableOptionsState = { options: result.data?.values, loading };
    const withFallback = result.data?.fallback ? { ...state, fallback: result.data.fallback } : state;
    shown.push([variable.name, error === undefined ? withFallback : { ...withFallback, error }]);
    settled.push([variable.name, { options: result.isPlaceholderData ? undefined : result.data?.values }]);
  });
  // fromEntries keeps a variable named "__proto__" an ordinary key.
  return { shown: Object.fromEntries(shown), settled: Object.fromEntries(settled) };
}
