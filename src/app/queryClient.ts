import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // Range keys hold absolute times; an unobserved key is never asked for again, so it
        // need not linger for TanStack's default 5 minutes.
        gcTime: 30_000,
      },
    },
  });
}
