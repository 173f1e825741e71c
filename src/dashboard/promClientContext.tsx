import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { PromClient } from '../prometheus';
import { DEFAULT_SCRAPE_INTERVAL_MS } from './builtins';

interface Datasource {
  readonly client: PromClient;
  /** The data source's scrape interval (config.json), for `$__rate_interval`. */
  readonly scrapeIntervalMs: number;
}

const DatasourceContext = createContext<Datasource | null>(null);

export function PromClientProvider({ client, scrapeIntervalMs = DEFAULT_SCRAPE_INTERVAL_MS, children }: { client: PromClient; scrapeIntervalMs?: number; children: ReactNode }) {
  const value = useMemo(() => ({ client, scrapeIntervalMs }), [client, scrapeIntervalMs]);
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
