import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback } from 'react';
import { isPromClientError, labelValuesQueryOptions, type PromClient } from '../prometheus';
import type { DashboardVariable } from './schema';

export interface VariableOptionsState {
  /** Undefined until the values arrive (or when they could not be loaded). */
  readonly options: readonly string[] | undefined;
  readonly loading: boolean;
  /** The server's message, verbatim. */
  readonly error?: string;
}

type LabelValuesVariable = DashboardVariable & { source: { labelValues: string; match?: string } };

const HOUR_MS = 3_600_000;
// Label values rarely change while a dashboard is open.
const LABEL_VALUES_STALE_MS = 60_000;

/**
 * The range label values are asked for, widened to whole hours: an auto-refresh tick moves "now"
 * every few seconds, and the key (hence a new request) should change only once an hour.
 */
export function labelValuesRange(range: { readonly start: number; readonly end: number }): { start: number; end: number } {
  return { start: Math.floor(range.start / HOUR_MS) * HOUR_MS, end: Math.ceil(range.end / HOUR_MS) * HOUR_MS };
}

function isLabelValues(v: DashboardVariable): v is LabelValuesVariable {
  return 'labelValues' in v.source;
}

/**
 * The options of every variable, by name: fixed lists as written, label values from the server.
 * Start and end are always sent: without them VictoriaMetrics only looks at a recent window
 * (-search.minTimeDuration) and Prometheus at all of its data.
 */
export function useVariableOptions(
  client: PromClient,
  variables: readonly DashboardVariable[],
  range: { readonly start: number; readonly end: number },
): Record<string, VariableOptionsState> {
  const { start, end } = labelValuesRange(range);
  const fromServer = variables.filter(isLabelValues);

  const combine = useCallback(
    (results: UseQueryResult<string[], Error>[]): Record<string, VariableOptionsState> => {
      const entries: [string, VariableOptionsState][] = [];
      // The queries follow the label-values variables in order.
      let next = 0;
      for (const variable of variables) {
        if ('values' in variable.source) {
          entries.push([variable.name, { options: variable.source.values, loading: false }]);
          continue;
        }
        const result = results[next++];
        if (!result) continue;
        // failureReason is set while retries run: say so at once rather than after them.
        const failure = result.error ?? (result.failureCount > 0 ? result.failureReason : null);
        const error = failure && !(isPromClientError(failure) && failure.kind === 'aborted') ? failure.message : undefined;
        const state: VariableOptionsState = { options: result.data, loading: result.isPending && error === undefined };
        entries.push([variable.name, error === undefined ? state : { ...state, error }]);
      }
      // fromEntries keeps a variable named "__proto__" an ordinary key.
      return Object.fromEntries(entries);
    },
    [variables],
  );

  return useQueries({
    queries: fromServer.map((v) => ({
      ...labelValuesQueryOptions(client, v.source.labelValues, { match: v.source.match ? [v.source.match] : undefined, start, end }),
      staleTime: LABEL_VALUES_STALE_MS,
      // Keeps the old options on screen when the hour (hence the key) changes.
      placeholderData: keepPreviousData,
    })),
    combine,
  });
}
