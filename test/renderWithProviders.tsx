import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { PromClientProvider } from '../src/dashboard';
import { createPromClient } from '../src/prometheus';

export const TEST_PROMETHEUS_URL = 'http://localhost/demo-prometheus';

/** A fresh QueryClient (no retries) and a client aimed at the MSW demo backend, per test. */
export function renderWithProviders(ui: ReactElement, baseUrl = TEST_PROMETHEUS_URL) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const client = createPromClient({ baseUrl });
  return {
    queryClient,
    ...render(
      <QueryClientProvider client={queryClient}>
        <PromClientProvider client={client}>{ui}</PromClientProvider>
      </QueryClientProvider>,
    ),
  };
}
