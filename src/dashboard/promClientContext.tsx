import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { IncrementalPolicy, PromClient } from '../prometheus';
import { DEFAULT_SCRAPE_INTERVAL_MS } from './builtins';

interface Datasource {
  readonly client: PromClient;
  /** The data source's scrape interval (config.json), for `$__rate_interval`. */
  readonly scrapeIntervalMs: number;
  /** Names of the configured request headers (never their values), for "copy as curl". */
  readonly headerNames: readonly string[];
  /** The demo backend answers inside the page: nothing outside it (curl) can reach it. */
  readonly inPage: boolean;
  /** Refreshes of a relative range ask only the tail (config.json); undefined: always the whole range. */
  readonly incremental: IncrementalPolicy | undefined;
}

const NO_HEADERS: readonly string[] = [];

interface ProviderProps {
  readonly client: PromClient;
  readonly scrapeIntervalMs?: number;
  readonly headerNames?: readonly string[];
  readonly inPage?: boolean;
  readonly incremental?: IncrementalPolicy;
  readonly children: ReactNode;
}

const DatasourceContext = createContext<Datasource | null>(null);

export function PromClientProvider({ client, scrapeIntervalMs = DEFAULT_SCRAPE_INTERVAL_MS, headerNames = NO_HEADERS, inPage = false, incremental, children }: ProviderProps) {
  // A string key: a new array of the same names must not make a new context value.
  const namesKey = headerNames.join('\n');
  // Numbers, not the object: a policy equal to the last one must not make a new context value.
  const overlapMs = incremental?.overlapMs;
  const fullEveryMs = incremental?.fullEveryMs;
  const value = useMemo(
    () => ({
      client,
      scrapeIntervalMs,
      headerNames: namesKey === '' ? NO_HEADERS : namesKey.split('\n'),
      inPage,
      incremental: overlapMs !== undefined && fullEveryMs !== undefined ? { overlapMs, fullEveryMs } : undefined,
    }),
    [client, scrapeIntervalMs, namesKey, inPage, overlapMs, fullEveryMs],
  );
  return <DatasourceContext.Provider value={value}>{children}</DatasourceContext.Provider>;
}

function useDatasource(): Datasource {
  const datasource = useContext(DatasourceContext);
  if (!datasource) throw new Error('usePromClient needs a PromClientProvider');
  return datasource;
}

export function usePromClient(): PromClient {
  return useDatasource().client;
}

export function useScrapeInterval(): number {
  return useDatasource().scrapeIntervalMs;
}

export function useIncrementalPolicy(): IncrementalPolicy | undefined {
  return useDatasource().incremental;
}

/** The data source, or null outside a provider (a panel inspector rendered on its own). */
export function useOptionalDatasource(): Datasource | null {
  return useContext(DatasourceContext);
}
