import { createContext, useContext, type ReactNode } from 'react';
import type { PromClient } from '../prometheus';

const PromClientContext = createContext<PromClient | null>(null);

export function PromClientProvider({ client, children }: { client: PromClient; children: ReactNode }) {
  return <PromClientContext.Provider value={client}>{children}</PromClientContext.Provider>;
}

export function usePromClient(): PromClient {
  const client = useContext(PromClientContext);
  if (!client) throw new Error('usePromClient needs a PromClientProvider');
  return client;
}
