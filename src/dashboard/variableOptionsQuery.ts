import { queryOptions } from '@tanstack/react-query';
import { promKeys, retryDelay, shouldRetry, type PromClient } from '../prometheus';
import type { VariableRequest } from './variableRequests';

/** A variable's options as the server answered them. */
export interface LoadedOptions {
  readonly values: string[];
  /**
   * Set when the configured selector found nothing and the values come from the panels' own
   * selectors instead: the facts the picker words.
   */
  readonly fallback?: { readonly configured: string; readonly selectors: readonly string[] };
}

/**
 * Label values for `request` within the range (`/api/v1/label/<name>/values?match[]=…`); when the
 * configured selector finds nothing, the same label's values in the panels' own selectors. Both
 * requests sit behind one key, so the second is only made when the first came back empty.
 */
export function variableOptionsQueryOptions(client: PromClient, request: VariableRequest, range: { readonly start: number; readonly end: number }) {
  const { label, match, fallback } = request;
  const { start, end } = range;
  return queryOptions({
    queryKey: [...promKeys.all(client.baseUrl), 'variable_options', { label, match, fallback, start, end }] as const,
    queryFn: async ({ signal }): Promise<LoadedOptions> => {
      const values = await client.labelValues(label, { match: match === undefined ? undefined : [match], start, end }, signal);
      if (values.length > 0 || match === undefined || fallback.length === 0) return { values };
      const fromPanels = await client.labelValues(label, { match: fallback, start, end }, signal);
      return { values: fromPanels, fallback: { configured: match, selectors: fallback } };
    },
    retry: (failureCount: number, error: Error) => shouldRetry(failureCount, error),
    retryDelay: (attempt: number) => retryDelay(attempt),
  });
}
